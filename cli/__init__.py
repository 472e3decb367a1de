"""The ``govkg`` command line: a thin front end over ``services`` (as ``api/`` is the other), one module per group.

- ``main`` — the ``govkg`` app: logging, and the command groups below registered on it;
- ``articles`` — ``extract``, ``ingest``, ``validate``, ``eval``;
- ``queries`` — ``sparql``, ``cypher``, ``stats``;
- ``resolve`` — ``resolve``: who was joined across articles, and reviewers' same / different decisions;
- ``export`` — ``export``: the graph for Gephi, yEd, Cytoscape, Neo4j or an RDF store;
- ``analytics`` — ``analytics centrality|communities|path``;
- ``neo4j`` — ``neo4j sync``;
- ``serve`` — ``serve``: the HTTP API;
- ``errors`` — the one place an error of the family becomes a terminal message and an exit code;
- ``console``, ``options`` — what the commands share: the terminal, progress bars, tables, options.
"""
