"""The graph as networkx sees it: the Neo4j projection's nodes and relationships in a ``MultiDiGraph``.

The labels, properties and relationship types are the Neo4j projection's
(``graph.projection.spec``: ``Person``, ``Organization``, ``Province``,
``LegalDocument``, ``Meeting``, ``Article``, ``Observation``; ``HOLDS_POST``,
``CHAIRED`` …), read from the store's default graph with the same SPARQL, so
an export opened in Gephi and the graph synced to Neo4j show the same things.

Nodes are keyed by IRI and carry ``labels`` (the main label first, then the
kind labels: ``LegalDocument``, ``Decree``), ``caption`` (a Vietnamese display
name) and the typed properties (``datetime.date`` for dates; lists where the
Neo4j projection keeps every value). Edges are keyed by relationship type (by the membership IRI for
``HOLDS_POST``) and carry ``type`` and the relationship's properties,
provenance included (``articles``, ``sentences``).

A ``graph.projection.filters.GraphFilter`` takes a subgraph instead of the whole graph.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

import networkx as nx

from graph.projection.filters import WHOLE_GRAPH, GraphFilter
from graph.projection.labels import caption, label_of
from graph.projection.spans import keep_dates
from graph.projection.spec import NODES, RELATIONSHIPS
from graph.projection.view import NodeRow, RelationshipRow, StoreView, instances
from graph.projection.walks import selected_nodes
from graph.store.base import ArticleStore


def project(
    store: ArticleStore, selection: GraphFilter = WHOLE_GRAPH, relationships: Collection[str] | None = None
) -> nx.MultiDiGraph:
    """Project the whole graph, or the part ``selection`` picks, into a ``MultiDiGraph`` (see the module doc).

    ``relationships`` keeps only those types and the labels at their ends (an
    analysis of who chaired what needs neither articles nor mentions); the
    filter still picks its nodes by every relationship.
    """
    specs = [spec for spec in RELATIONSHIPS if relationships is None or spec.type in relationships]
    unknown = set(relationships or ()) - {spec.type for spec in specs}
    if unknown:
        raise ValueError(f"unknown relationship types: {', '.join(sorted(unknown))}")
    ends = None if relationships is None else {spec.start.label for spec in specs} | {spec.end.label for spec in specs}
    view = StoreView(store)  # one view, so what one step fetched serves the next
    chosen = selected_nodes(view, selection)
    graph = nx.MultiDiGraph()
    for node in _node_rows(view, chosen, ends):
        graph.add_node(node.iri, **_node_attributes(node))
    labels = _by_label(graph, graph.nodes)
    for spec in specs:
        if not labels[spec.start.label]:
            continue
        for edge in view.relationships(spec, {spec.start.label: labels[spec.start.label]}):
            if edge.start in graph and edge.end in graph:
                graph.add_edge(edge.start, edge.end, key=_edge_key(edge), **_edge_attributes(edge))
    if selection.has_dates:
        keep_dates(graph, selection.date_from, selection.date_to)
    return graph


def _node_rows(view: StoreView, chosen: set[str] | None, labels: set[str] | None) -> Iterable[NodeRow]:
    for spec in NODES:
        if labels is None or spec.label in labels:
            yield from view.nodes(spec, instances(view.store, spec) if chosen is None else sorted(chosen))


def _node_attributes(row: NodeRow) -> dict[str, Any]:
    attributes = {key: value for key, value in row.properties.items() if value is not None}
    attributes["caption"] = caption(row.label, attributes)
    attributes["labels"] = (row.label, *row.extra_labels)
    return attributes


def _edge_key(row: RelationshipRow) -> str:
    membership = row.properties.get("iri")
    return str(membership) if membership else row.spec.type


def _edge_attributes(row: RelationshipRow) -> dict[str, Any]:
    attributes = {key: value for key, value in row.properties.items() if value is not None}
    attributes["type"] = row.spec.type
    return attributes


def _by_label(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for node in nodes:
        grouped[label_of(graph.nodes[node])].append(node)
    return grouped
