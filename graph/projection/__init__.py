"""The property graph every consumer shares: Neo4j, networkx, the exports and the analytics.

- ``spec`` — the projection declared as data: labels, properties, relationship types (``NODES``, ``RELATIONSHIPS``);
- ``view`` — ``StoreView``: reads what a spec needs from the store and returns node and relationship rows;
- ``footprints`` — what each article contributes (a digest of its graph, the nodes it types), for the Neo4j sync;
- ``networkx_graph`` — ``project``: the projection as a networkx ``MultiDiGraph``, whole or filtered;
- ``filters`` — ``GraphFilter``: the part of the graph a caller asks for, resolved from what they typed;
- ``walks`` — neighbourhoods, never through provinces or articles;
- ``spans`` — when nodes and edges are, and cutting the graph to a date range;
- ``labels`` — captions, and the labels walks and time treat apart.
"""
