"""GEXF 1.3 for Gephi, with dates as time intervals for its timeline, written as a stream.

The graph is dynamic (``timeformat="date"``). Meetings, articles and
observations exist on their day (``start`` = ``end``); provinces over their
validity; a post edge from its first to its last report; an edge to a dated
event on the event's day. Persons, organizations and documents exist in the
``<spells>`` their dated edges make (merged where they touch), so Gephi's
timeline shows an official only while the news reports them. Other undated
nodes and edges are always present. Attributes are typed as in GraphML; the node
and edge ``label`` is GEXF's own, and each node has its label's colour.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, timedelta
from typing import Any

import networkx as nx

from graph.exports.columns import Column, Kind, scalar_text
from graph.exports.graph_records import edge_columns, edge_records, node_columns, node_records
from graph.exports.palette import rgb
from graph.exports.text import chunked, xml_attribute
from graph.projection.labels import label_of
from graph.projection.spans import Span, edge_span, node_span

MEDIA_TYPE = "application/gexf+xml"
#: Labels whose nodes exist only while their dated edges do.
SPELLED = frozenset({"Person", "Organization", "LegalDocument"})

_TYPES = {
    Kind.TEXT: "string",
    Kind.INTEGER: "long",
    Kind.DECIMAL: "double",
    Kind.BOOLEAN: "boolean",
    Kind.DATE: "string",
}
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
    "<meta><creator>govkg</creator><description>Vietnamese government news: persons, posts, organizations, "
    "provinces, legal documents and meetings</description></meta>\n"
    '<graph defaultedgetype="directed" mode="dynamic" timeformat="date">\n'
)


def merge_spans(spans: Iterable[Span]) -> list[tuple[date, date]]:
    """Closed, dated spans merged where they overlap or touch (open ends are dropped)."""
    closed = sorted((start or end, end or start) for start, end in spans if start or end)
    merged: list[tuple[date, date]] = []
    for start, end in closed:
        assert start is not None and end is not None
        if merged and start <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _edge_spans(graph: nx.MultiDiGraph) -> dict[tuple[str, str, Any], Span]:
    return {
        (start, end, key): span
        for start, end, key, data in graph.edges(keys=True, data=True)
        if (span := edge_span(graph, start, end, data)) is not None
    }


def _node_spells(graph: nx.MultiDiGraph, edge_spans: Mapping[tuple[str, str, Any], Span]) -> dict[str, list[Span]]:
    """The spells of the :data:`SPELLED` nodes: the spans of their dated edges, merged."""
    touching: dict[str, list[Span]] = defaultdict(list)
    for (start, end, _), span in edge_spans.items():
        touching[start].append(span)
        touching[end].append(span)
    return {
        node: [(a, b) for a, b in merge_spans(spans)]
        for node, spans in touching.items()
        if label_of(graph.nodes[node]) in SPELLED
    }


def _time(span: Span | None) -> str:
    if span is None:
        return ""
    start, end = span
    return (f' start="{start.isoformat()}"' if start else "") + (f' end="{end.isoformat()}"' if end else "")


def _attribute(index: int, column: Column) -> str:
    kind = "string" if column.many else _TYPES[column.kind]
    return f'<attribute id="{index}" title={xml_attribute(column.name)} type="{kind}"/>\n'


def _attvalues(keys: Mapping[str, tuple[int, Column]], record: Mapping[str, Any]) -> str:
    parts = []
    for name, value in record.items():
        if value is None or name not in keys:
            continue
        index = keys[name][0]
        text = "; ".join(scalar_text(v) for v in value) if isinstance(value, list | tuple) else scalar_text(value)
        parts.append(f'<attvalue for="{index}" value={xml_attribute(text)}/>')
    return f"<attvalues>{''.join(parts)}</attvalues>" if parts else ""


def _spells(spells: list[Span]) -> str:
    return f"<spells>{''.join(f'<spell{_time(s)}/>' for s in spells)}</spells>" if spells else ""


def _colour(category: str) -> str:
    red, green, blue = rgb(category)
    return f'<viz:color r="{red}" g="{green}" b="{blue}"/>'


def _lines(graph: nx.MultiDiGraph) -> Iterator[str]:
    node_keys = {c.name: (i, c) for i, c in enumerate(c for c in node_columns(graph) if c.name != "label")}
    edge_keys = {c.name: (i, c) for i, c in enumerate(c for c in edge_columns(graph) if c.name != "label")}
    spans = _edge_spans(graph)
    spells = _node_spells(graph, spans)
    yield _HEADER
    yield '<attributes class="node" mode="static">\n'
    yield from (_attribute(index, column) for index, column in node_keys.values())
    yield '</attributes>\n<attributes class="edge" mode="static">\n'
    yield from (_attribute(index, column) for index, column in edge_keys.values())
    yield "</attributes>\n<nodes>\n"
    for node, record in node_records(graph):
        when = _time(node_span(graph.nodes[node]))
        body = f"{_attvalues(node_keys, record)}{_spells(spells.get(node, []))}{_colour(str(record['category']))}"
        yield f"<node id={xml_attribute(node)} label={xml_attribute(str(record['label']))}{when}>{body}</node>\n"
    yield "</nodes>\n<edges>\n"
    for (identifier, start, end, record), key in zip(edge_records(graph), _keys(graph), strict=True):
        ends = f"source={xml_attribute(start)} target={xml_attribute(end)}"
        when = _time(spans.get((start, end, key)))
        label = xml_attribute(str(record["label"]))
        yield f'<edge id="{identifier}" {ends} label={label}{when}>{_attvalues(edge_keys, record)}</edge>\n'
    yield "</edges>\n</graph>\n</gexf>\n"


def _keys(graph: nx.MultiDiGraph) -> Iterator[Any]:
    for _, _, key in graph.edges(keys=True):
        yield key


def gexf_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    """The graph as dynamic GEXF 1.3, in UTF-8 chunks."""
    return chunked(_lines(graph))
