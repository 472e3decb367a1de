"""The graph as networkx sees it: the Neo4j projection's nodes and relationships in a ``MultiDiGraph``.

The labels, properties and relationship types are the Neo4j projection's
(``graph.neo4j_mapping``: ``Person``, ``Organization``, ``Province``,
``LegalDocument``, ``Meeting``, ``Article``, ``Observation``; ``HOLDS_POST``,
``CHAIRED`` …), read from the store's default graph with the same SPARQL, so
an export opened in Gephi and the graph synced to Neo4j show the same things.

Nodes are keyed by IRI and carry ``labels`` (the main label first, then the
kind labels: ``LegalDocument``, ``Decree``), ``caption`` (a Vietnamese display
name) and the typed properties (``datetime.date`` for dates; lists where the
Neo4j projection keeps every value). Edges are keyed by relationship type (by the membership IRI for
``HOLDS_POST``) and carry ``type`` and the relationship's properties,
provenance included (``articles``, ``sentences``).

A :class:`GraphFilter` takes a subgraph instead of the whole graph:

- a **province**: the unit and the units it succeeded, everything located,
  held or reported in them, and the direct neighbours of those;
- a **person**: everything within two steps of them;
- a **node**: everything within ``hops`` steps of any node (the explorer's view);
- a **document** (or the several a provincial notation names): the document,
  its neighbours, and the neighbours of the meetings held under it;
- a **date range**: the dated things (meetings, articles, observations, posts
  by their report span, provinces by their validity) that fall in it, and the
  undated nodes a dated edge in range touches.

Walks never pass through provinces and articles (:data:`HUBS`): everyone in a
province is two steps from everyone else through it. Filters combine by
intersection.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import networkx as nx
import pyoxigraph as ox

from graph.neo4j_mapping import NODES, RELATIONSHIPS, NodeRow, RelationshipRow, StoreView, instances
from graph.store.base import ArticleStore
from ontology.gazetteer import province_by_code, resolve_province
from ontology.namespaces import ELI, GOVKG, ID

#: Labels a neighbourhood walk reaches but never walks through.
HUBS = frozenset({"Province", "Article"})
#: Labels of things that happen on a day: a date range keeps them on their own.
EVENTS = frozenset({"Meeting", "Article", "Observation"})
#: The steps a person's neighbourhood takes.
PERSON_HOPS = 2
#: The most steps a node's neighbourhood may take (beyond, it is most of the graph).
MAX_HOPS = 3

#: What each label shows as its caption, in order of preference.
_CAPTIONS: Mapping[str, tuple[str, ...]] = {
    "Person": ("name",),
    "Organization": ("name",),
    "Province": ("name", "code"),
    "LegalDocument": ("title", "notation"),
    "Meeting": ("label",),
    "Article": ("headline", "source_file"),
    "Observation": ("indicator_label",),
}

Span = tuple[date | None, date | None]


class UnknownEntity(LookupError):
    """A filter names a province, person or document the store does not know."""


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """Which part of the graph to project; every field left ``None`` does not filter."""

    province: str | None = None
    person: str | None = None
    node: str | None = None
    hops: int = 1
    documents: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    @property
    def has_dates(self) -> bool:
        """True when the filter restricts dates."""
        return self.date_from is not None or self.date_to is not None


WHOLE_GRAPH = GraphFilter()


# -- resolving what a user typed ------------------------------------------------------


def province_iri(reference: str) -> str:
    """The IRI of a province given as IRI, unit code (``VN-09``, ``VN-44-2025``) or name ("Lạng Sơn")."""
    if reference.startswith(str(ID)):
        return reference
    try:
        return str(province_by_code(reference.upper()).iri)
    except (KeyError, ValueError):
        pass
    province = resolve_province(reference)
    if province is None:
        raise UnknownEntity(f"no province-level unit is called {reference!r}")
    return str(province.iri)


def entity_iri(reference: str, kind: str) -> str:
    """An entity IRI given in full, as ``kind/slug`` or as the bare slug (``person/hoang-van-thai-…``)."""
    if reference.startswith(("http://", "https://")):
        return reference
    local = reference if reference.startswith(f"{kind}/") else f"{kind}/{reference}"
    return str(ID[local])


def document_iris(store: ArticleStore, reference: str) -> list[str]:
    """The legal documents a reference names: an IRI, or a notation (``64/2007/NĐ-CP``), which may repeat."""
    if reference.startswith(("http://", "https://")):
        return [reference]
    rows = _select(store, f"SELECT DISTINCT ?d WHERE {{ ?d <{ELI.id_local}> {ox.Literal(reference)} }} ORDER BY ?d")
    return [row["d"].value for row in rows if row["d"] is not None]


def resolve_filter(
    store: ArticleStore,
    *,
    province: str | None = None,
    person: str | None = None,
    node: str | None = None,
    hops: int = 1,
    document: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> GraphFilter:
    """A :class:`GraphFilter` from what a user typed: a province by code, name or IRI; a person or node by
    IRI or id; a document by notation or IRI. Raises :class:`UnknownEntity` for what the store does not hold,
    ``ValueError`` for what is no IRI or a range that ends before it starts."""
    if date_from and date_to and date_to < date_from:
        raise ValueError(f"the range ends ({date_to}) before it starts ({date_from})")
    documents: tuple[str, ...] = ()
    if document:
        documents = tuple(document_iris(store, document))
        if not documents:
            raise UnknownEntity(f"no legal document has the notation {document!r}")
    return GraphFilter(
        province=_checked(province_iri(province)) if province else None,
        person=_checked(entity_iri(person, "person")) if person else None,
        node=_checked(node if node.startswith(("http://", "https://")) else str(ID[node])) if node else None,
        hops=hops,
        documents=tuple(_checked(iri) for iri in documents),
        date_from=date_from,
        date_to=date_to,
    )


def _checked(iri: str) -> str:
    """``iri`` if it is a valid IRI (so it can go into query text), else ``ValueError`` saying so."""
    try:
        return ox.NamedNode(iri).value
    except ValueError as exc:
        raise ValueError(f"{iri!r} is not an IRI: {exc}") from None


def _select(store: ArticleStore, sparql: str) -> ox.QuerySolutions:
    result = store.query(sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("expected SELECT solutions")
    return result


# -- the projection -------------------------------------------------------------------


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
    chosen = _selected_nodes(view, selection)
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
        _keep_dates(graph, selection.date_from, selection.date_to)
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


def label_of(attributes: Mapping[str, Any]) -> str:
    """A projected node's main label (``Person``, ``LegalDocument`` …)."""
    labels = attributes.get("labels") or ("",)
    return str(labels[0])


def caption(label: str, properties: Mapping[str, Any]) -> str:
    """The Vietnamese name a node is shown by (a meeting adds its date: "Hội nghị tổng kết, 2015-03-14")."""
    text = next((str(properties[name]) for name in _CAPTIONS.get(label, ()) if properties.get(name)), None)
    text = text or str(properties.get("iri", "")).rsplit("/", 1)[-1]
    when = properties.get("date")
    return f"{text}, {when.isoformat()}" if label == "Meeting" and isinstance(when, date) else text


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


# -- choosing nodes -------------------------------------------------------------------


def _selected_nodes(view: StoreView, selection: GraphFilter) -> set[str] | None:
    """The nodes the neighbourhood filters pick (their intersection), or ``None`` for all."""
    picks: list[set[str]] = []
    if selection.province:
        units = _province_units(view.store, selection.province)
        picks.append(_walk(view, units, hops=2))
    if selection.person:
        picks.append(_walk(view, [selection.person], hops=PERSON_HOPS))
    if selection.node:
        picks.append(_walk(view, [selection.node], hops=min(max(selection.hops, 0), MAX_HOPS)))
    if selection.documents:
        picks.append(_walk(view, list(selection.documents), hops=2, through=frozenset({"Meeting"})))
    if not picks:
        return None
    return set.intersection(*picks)


def _walk(view: StoreView, seeds: list[str], hops: int, through: frozenset[str] | None = None) -> set[str]:
    found = _reach(view, seeds, hops, through)
    if not found:
        raise UnknownEntity(f"{', '.join(seeds)} is not in the graph")
    return found


def _province_units(store: ArticleStore, province: str) -> list[str]:
    rows = _select(store, f"SELECT ?unit WHERE {{ ?unit <{GOVKG.succeededBy}>* {ox.NamedNode(province)} }}")
    return sorted({row["unit"].value for row in rows if row["unit"] is not None} | {province})


def neighbourhood(
    store: ArticleStore, seeds: Iterable[str], hops: int, through: frozenset[str] | None = None
) -> set[str]:
    """The projected nodes within ``hops`` steps of the seeds (seeds included when they are nodes).

    A walk always leaves the seeds; after that it goes on only through nodes
    whose label is in ``through`` (default: every label but :data:`HUBS`).
    """
    return _reach(StoreView(store), seeds, hops, through)


def _reach(view: StoreView, seeds: Iterable[str], hops: int, through: frozenset[str] | None) -> set[str]:
    labels = _labels_of(view, seeds)
    reached = dict(labels)
    frontier = dict(labels)
    for _ in range(hops):
        found = _neighbours(view, frontier)
        new = {node: label for node, label in found.items() if node not in reached}
        reached.update(new)
        frontier = {node: label for node, label in new.items() if (label in through if through else label not in HUBS)}
        if not frontier:
            break
    return set(reached)


def _labels_of(view: StoreView, iris: Iterable[str]) -> dict[str, str]:
    wanted = sorted(set(iris))
    return {row.iri: row.label for spec in NODES for row in view.nodes(spec, wanted)} if wanted else {}


def _neighbours(view: StoreView, frontier: Mapping[str, str]) -> dict[str, str]:
    """The nodes one relationship away from the frontier, with their labels."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, label in sorted(frontier.items()):
        by_label[label].append(node)
    found: dict[str, str] = {}
    for spec in RELATIONSHIPS:
        restrict = {label: by_label[label] for label in (spec.start.label, spec.end.label) if by_label.get(label)}
        if not restrict:
            continue
        for row in view.relationships(spec, restrict):
            if row.start in frontier:
                found[row.end] = spec.end.label
            if row.end in frontier:
                found[row.start] = spec.start.label
    return found


# -- time -----------------------------------------------------------------------------


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


def _keep_dates(graph: nx.MultiDiGraph, date_from: date | None, date_to: date | None) -> None:
    """Cut the graph down to the range: see the module docstring."""
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
