"""Where the graph lives: the article store, embedded or remote, and what is read and written there as a whole.

- ``base`` — :class:`ArticleStore`: one named graph per article plus the merged default graph,
  written a whole article (or batch) per transaction; quarantine records; ``StoreError``;
- ``embedded`` — ``OxigraphStore``: Oxigraph on disk, no server (the default);
- ``remote`` — ``SparqlEndpointStore``: any SPARQL 1.1 endpoint (the scale-out option);
- ``changes`` — the change log: entries appended with each write, ``changes_since(cursor)`` for readers;
- ``writer_slot`` — change-log writer names for processes writing to a remote endpoint;
- ``reference`` — the reference graph (vocabulary and gazetteers) every article points into;
- ``stats`` — counts of what the store holds;
- ``identity_review`` — persons joined across articles, namesakes, and rewriting mentions.
"""
