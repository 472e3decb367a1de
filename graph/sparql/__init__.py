"""SPARQL over the store, bounded in time and size, for whatever a caller can shape.

- ``text`` — what a request is, read from its tokens (query or update, which ``SERVICE`` endpoints);
- ``binding`` — values bound to a query as a ``VALUES`` row at the top of its ``WHERE`` group;
- ``functions`` — govkg's custom SPARQL functions (``govkg:searchKey``, ``govkg:wordsMatch``);
- ``results`` — answers as plain rows or serialized bytes;
- ``worker`` — the worker process and the messages it takes (one job, one snapshot);
- ``cache`` — answers kept per store generation;
- ``runner`` — the pool of workers: deadlines, the row cap, snapshot generations;
- ``errors`` — the failures particular to SPARQL (the shared ones are in ``ontology.errors``).
"""
