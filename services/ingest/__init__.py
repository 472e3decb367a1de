"""Ingestion: files (or uploads) → loaders → RDF → SHACL → store, one article at a time, never half.

- ``outcomes`` — what happened to each input: ok, unchanged, quarantined or rejected, with why;
- ``prepare`` — read, extract, map to RDF and validate a batch (pure: it runs in worker processes);
- ``write`` — write a prepared batch in one transaction (the one process that holds the store);
- ``pipeline`` — the whole run: batches, worker processes, flushing, the summary.
"""
