"""Exports of the graph for visualisation tools, Neo4j and RDF stores: one module per format family.

``graph.exports.registry`` lists the formats, one row each (name, media type,
suffix, writer), and prepares an export from a store and a
``graph.projection.filters.GraphFilter``; the modules beside it write one
family each (``graphml``, ``gexf``, ``cytoscape``, ``neo4j_csv``, ``rdf``,
``jsonld``), from shared pieces (``graph_records``, ``columns``, ``palette``, ``text``).
"""
