"""Re-extraction: running the current rules over articles already in the store — a seam, not yet built.

When the extraction rules (``loaders/extraction``, ``loaders/patterns``)
change, the articles already ingested keep the graphs the old rules gave.
Re-extraction will replace each article's named graph with what the current
rules give, through the same steps as an ingest:

1. **Which articles** — all, or those named (by IRI or id), or those whose
   graph came from an older rule set. ``ArticleStore.article_graphs`` lists them.
2. **Their text** — the store does not keep an article's full text today
   (only the sentences that carry evidence, ``govkg:Sentence``), so the text
   must come from somewhere: the source files (``govkg:sourceFile``, relative
   to a folder the caller names) or a text kept at ingest for this purpose.
   Deciding which is the first step of this work.
3. **Prepare** — ``services.ingest.prepare`` (extract, map with the identity
   decisions of ``services.decisions.load_decisions``, validate a batch in one
   pySHACL run), in worker processes like ``services.ingest.pipeline``.
4. **Write** — ``services.ingest.write.write_batch``. Note: it leaves an
   article whose *content hash* is already stored ``unchanged``, and a
   re-extraction has the same text by definition; it needs a write that
   compares the new graph with the stored one (``ArticleStore.article_triples``,
   or the digest of ``graph.projection.footprints.footprint``) instead.
5. **After** — ``govkg neo4j sync`` picks the rewritten graphs up by their
   digests; the API publishes a new snapshot generation (``api.provider``).

The front ends will call one function here (``govkg reextract``, and perhaps
``POST /articles/reextract`` behind the API key), like ``services.retract``.
"""
