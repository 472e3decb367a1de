"""GraphML for yEd and Gephi, written as a stream.

Every attribute gets a typed ``<key>`` (``long``, ``double``, ``boolean``,
``string``; dates are ISO strings, lists are joined by ``; ``). Nodes also
carry yEd's ``y:ShapeNode`` with their caption and label colour, and edges a
``y:PolyLineEdge`` labelled with the relationship type, so yEd shows names
at once; Gephi reads the plain ``label`` attribute.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import networkx as nx

from graph.exports.columns import Column, Kind, scalar_text
from graph.exports.graph_records import edge_columns, edge_records, node_columns, node_records
from graph.exports.palette import colour
from graph.exports.text import chunked, xml_attribute, xml_text

MEDIA_TYPE = "application/graphml+xml"

_TYPES = {
    Kind.TEXT: "string",
    Kind.INTEGER: "long",
    Kind.DECIMAL: "double",
    Kind.BOOLEAN: "boolean",
    Kind.DATE: "string",
}
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:y="http://www.yworks.com/xml/graphml" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">\n'
)


def _key(identifier: str, domain: str, column: Column) -> str:
    kind = "string" if column.many else _TYPES[column.kind]
    return f'<key id="{identifier}" for="{domain}" attr.name={xml_attribute(column.name)} attr.type="{kind}"/>\n'


def _value(column: Column, value: Any) -> str:
    if column.many and isinstance(value, list | tuple):
        return "; ".join(scalar_text(item) for item in value)
    return scalar_text(value)


def _data(keys: Mapping[str, tuple[str, Column]], record: Mapping[str, Any]) -> str:
    parts = []
    for name, value in record.items():
        if value is None or name not in keys:
            continue
        identifier, column = keys[name]
        parts.append(f'<data key="{identifier}">{xml_text(_value(column, value))}</data>')
    return "".join(parts)


def _shape(caption: str, category: str) -> str:
    return (
        f'<data key="ng"><y:ShapeNode><y:Fill color="{colour(category)}"/>'
        f'<y:NodeLabel>{xml_text(caption)}</y:NodeLabel><y:Shape type="ellipse"/></y:ShapeNode></data>'
    )


def _line(relationship: str) -> str:
    return (
        '<data key="eg"><y:PolyLineEdge><y:Arrows source="none" target="standard"/>'
        f"<y:EdgeLabel>{xml_text(relationship)}</y:EdgeLabel></y:PolyLineEdge></data>"
    )


def _lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    node_keys = {c.name: (f"n{i}", c) for i, c in enumerate(node_columns(graph))}
    edge_keys = {c.name: (f"e{i}", c) for i, c in enumerate(edge_columns(graph))}
    yield _HEADER
    yield from (_key(identifier, "node", column) for identifier, column in node_keys.values())
    yield from (_key(identifier, "edge", column) for identifier, column in edge_keys.values())
    yield '<key id="ng" for="node" yfiles.type="nodegraphics"/>\n'
    yield '<key id="eg" for="edge" yfiles.type="edgegraphics"/>\n'
    yield '<graph id="govkg" edgedefault="directed">\n'
    for node, record in node_records(graph):
        shape = _shape(str(record["label"]), str(record["category"]))
        yield f"<node id={xml_attribute(node)}>{_data(node_keys, record)}{shape}</node>\n"
    for identifier, start, end, record in edge_records(graph):
        ends = f"source={xml_attribute(start)} target={xml_attribute(end)}"
        yield f'<edge id="{identifier}" {ends}>{_data(edge_keys, record)}{_line(str(record["label"]))}</edge>\n'
    yield "</graph>\n</graphml>\n"


def graphml_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    """The graph as GraphML, in UTF-8 chunks."""
    return chunked(_lines(graph))
