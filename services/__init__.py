"""What both front ends do, written once: the API (``api/``) and the command line (``cli/``) call these.

- ``settings`` — the one typed settings object, read from ``GOVKG_*`` and ``NEO4J_*`` variables;
- ``stores`` — opening the store (embedded or a SPARQL endpoint) and Neo4j from the settings;
- ``ingest`` — files or uploads → extraction → RDF → SHACL → the store (``prepare``, ``write``, ``pipeline``);
- ``retract`` — removing exactly what one article asserted;
- ``decisions`` — reviewers' identity decisions (same / different): the YAML file, applied to the store;
- ``extract`` — an article to its extraction record without the store, and scoring a gold set;
- ``reextract`` — re-running the current rules over stored articles (a seam: see its docstring).
"""
