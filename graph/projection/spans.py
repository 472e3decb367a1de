"""When a projected node or edge is: the spans a date range cuts the graph by (and GEXF's timeline draws)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import networkx as nx

from graph.projection.labels import EVENTS, label_of

Span = tuple[date | None, date | None]


def node_span(attributes: Mapping[str, Any]) -> Span | None:
    """When a node is: a meeting's or observation's date (else the first report), an article's
    publication, a province's validity; ``None`` for the timeless (persons, organizations, documents)."""
    label = label_of(attributes)
    if label in ("Meeting", "Observation"):
        day = attributes.get("date") or _first(attributes.get("reported_on"))
        return (day, day) if day else None
    if label == "Article":
        day = attributes.get("published")
        return (day, day) if day else None
    if label == "Province":
        start, end = attributes.get("valid_from"), attributes.get("valid_until")
        return (start, end) if start or end else None
    return None


def edge_span(graph: nx.MultiDiGraph, start: str, end: str, attributes: Mapping[str, Any]) -> Span | None:
    """When an edge holds: a post over its stated interval, else from its first to its last report; an
    edge to (else from) a dated event, that event's date (a mention on the article's day, a chair on the meeting's)."""
    if attributes.get("member_from") or attributes.get("member_until"):
        return (attributes.get("member_from"), attributes.get("member_until"))
    if attributes.get("first_reported"):
        return (attributes["first_reported"], attributes.get("last_reported") or attributes["first_reported"])
    for node in (end, start):
        data = graph.nodes[node]
        if label_of(data) != "Province":
            span = node_span(data)
            if span is not None:
                return span
    return None


def _first(values: Any) -> date | None:
    if isinstance(values, list | tuple) and values:
        first = min(values)
        return first if isinstance(first, date) else None
    return values if isinstance(values, date) else None


def overlaps(span: Span, date_from: date | None, date_to: date | None) -> bool:
    """True when the span (open ends unbounded) meets ``[date_from, date_to]``."""
    start, end = span
    return (date_to is None or start is None or start <= date_to) and (
        date_from is None or end is None or end >= date_from
    )


def keep_dates(graph: nx.MultiDiGraph, date_from: date | None, date_to: date | None) -> None:
    """Cut the graph to the range: the dated nodes and edges in it, and the undated nodes a dated edge in it touches."""
    graph.remove_nodes_from(
        [n for n, data in graph.nodes(data=True) if (s := node_span(data)) and not overlaps(s, date_from, date_to)]
    )
    kept = {n for n, data in graph.nodes(data=True) if label_of(data) in EVENTS}
    outside = []
    for start, end, key, data in graph.edges(keys=True, data=True):
        span = edge_span(graph, start, end, data)
        if span is None:
            continue
        if overlaps(span, date_from, date_to):
            kept.update((start, end))
        else:
            outside.append((start, end, key))
    graph.remove_edges_from(outside)
    graph.remove_nodes_from([n for n in list(graph.nodes) if n not in kept])
