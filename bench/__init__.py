"""Benchmarks and the synthetic corpus they run on.

:mod:`bench.generator` writes realistic synthetic articles of the genre, each
with the gold extraction record of ``../shared/eval/SCHEMA.md``;
:mod:`bench.stores` builds (and caches) stores ingested from such corpora.
"""
