"""Exports of the graph for visualisation tools, Neo4j and RDF stores: one module per format family.

``graph.exports.formats`` lists the formats and prepares an export from a store
and a ``graph.networkx_projection.GraphFilter``.
"""
