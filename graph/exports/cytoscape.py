"""Cytoscape.js JSON (``{"elements": {"nodes": [...], "edges": [...]}}``), written as a stream.

Cytoscape.js loads it with ``cytoscape({elements})`` or ``cy.json()``, and
Cytoscape desktop imports it as "Cytoscape.js JSON". Each element's ``data``
has ``id`` (the IRI; ``e0``, ``e1`` … for edges), ``label`` (a node's
Vietnamese caption, an edge's relationship type), ``name`` (for Cytoscape
desktop's default label), a node's ``category`` (main label) and ``labels``,
an edge's ``source``, ``target`` and ``type``, and every property of the
projection: dates as ISO strings, lists as arrays, the evidence sentences
and articles of each relationship included.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

import networkx as nx

from graph.exports.text import chunked
from graph.projection.labels import label_of

MEDIA_TYPE = "application/json"


def _json_value(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    return value


def node_data(node: str, attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The ``data`` of one node element."""
    data = {key: _json_value(value) for key, value in attributes.items() if key != "caption"}
    caption = attributes.get("caption", node)
    data.update(id=node, label=caption, name=attributes.get("name") or caption, category=label_of(attributes))
    return data


def edge_data(identifier: str, start: str, end: str, attributes: Mapping[str, Any]) -> dict[str, Any]:
    """The ``data`` of one edge element."""
    data = {key: _json_value(value) for key, value in attributes.items()}
    data.update(id=identifier, source=start, target=end, label=attributes.get("type", ""))
    return data


def _dump(data: Mapping[str, Any]) -> str:
    return json.dumps({"data": data}, ensure_ascii=False, separators=(",", ":"))


def _lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    yield '{"format_version":"1.0","generated_by":"govkg","target_cytoscapejs_version":"~3.0",'
    yield '"data":{"name":"govkg"},"elements":{"nodes":['
    for index, (node, attributes) in enumerate(graph.nodes(data=True)):
        yield ("," if index else "") + "\n" + _dump(node_data(node, attributes))
    yield '\n],"edges":['
    for index, (start, end, attributes) in enumerate(graph.edges(data=True)):
        yield ("," if index else "") + "\n" + _dump(edge_data(f"e{index}", start, end, attributes))
    yield "\n]}}\n"


def cytoscape_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    """The graph as Cytoscape.js JSON, in UTF-8 chunks."""
    return chunked(_lines(graph))
