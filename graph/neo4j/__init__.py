"""The Neo4j projection: the property graph of ``graph.projection`` kept in Neo4j, and Cypher read from it.

- ``connection`` — a driver for one database, and what "unavailable" means;
- ``cypher`` — the Cypher text the projection runs (kept apart from the code that runs it);
- ``writer`` — batched ``UNWIND`` upserts of projection rows, ``MERGE`` on ``iri``;
- ``sync`` — keeping Neo4j equal to the store: full rebuilds and incremental, resumable syncs with a ledger;
- ``guard`` — is an analyst's Cypher read-only? decided from its tokens, before it is sent;
- ``reader`` — running an analyst's Cypher: read-only, bounded in time and rows, answers as JSON data.
"""
