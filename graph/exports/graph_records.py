"""What the graph formats (GraphML, GEXF) write for each node and edge: display fields first, then properties.

Both formats show a node by its ``label`` (the Vietnamese caption) and let the
user partition by ``category`` (the main Neo4j label); ``labels`` keeps every
Neo4j label, joined by ``;``. An edge's ``label`` and ``type`` are its
relationship type. The remaining attributes are the projection's properties,
typed (see ``graph.exports.columns``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from graph.exports.columns import Column, Kind, columns
from graph.projection.labels import label_of

#: Attributes the graph formats derive rather than copy.
_NODE_DERIVED = ("caption", "labels", "label")


def node_record(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes a graph format writes for one node."""
    record = {key: value for key, value in attributes.items() if key not in _NODE_DERIVED}
    record["label"] = attributes.get("caption", "")
    record["category"] = label_of(attributes)
    record["labels"] = ";".join(attributes.get("labels", ()))
    return record


def edge_record(attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The attributes a graph format writes for one edge."""
    return {**attributes, "label": attributes.get("type", "")}


def node_records(graph: nx.MultiDiGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each node's IRI and record, in the graph's order."""
    for node, attributes in graph.nodes(data=True):
        yield node, node_record(attributes)


def edge_records(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Each edge's id (``e0``, ``e1`` …), ends and record, in the graph's order."""
    for index, (start, end, attributes) in enumerate(graph.edges(data=True)):
        yield f"e{index}", start, end, edge_record(attributes)


def node_columns(graph: nx.MultiDiGraph) -> list[Column]:
    """The typed columns of the node records (``label`` first)."""
    found = columns(record for _, record in node_records(graph))
    return _label_first(found)


def edge_columns(graph: nx.MultiDiGraph) -> list[Column]:
    """The typed columns of the edge records (``label`` first)."""
    found = columns(record for *_, record in edge_records(graph))
    return _label_first(found)


def _label_first(found: list[Column]) -> list[Column]:
    label = [c for c in found if c.name == "label"] or [Column("label", Kind.TEXT)]
    return label + [c for c in found if c.name != "label"]
