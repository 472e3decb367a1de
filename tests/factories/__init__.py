"""What tests (and ``bench``) build their data from, in one place.

- ``extractions`` — small builders: an extraction reported again by another article;
- ``invented`` — the hand-made articles of the genre the tests assert on (``invented_extraction``,
  the API's five ``invented_articles``, a co-chaired meeting);
- ``synthetic`` — ``SyntheticWorld``: many articles over shared officials, for the Neo4j tests and the benchmarks;
- ``stores`` — stores holding such extractions;
- ``network`` — a free TCP port for a server of a test's own.
"""
