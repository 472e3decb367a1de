"""Walking the projection: the nodes within some steps of others, and the nodes a filter picks.

Walks never pass through provinces and articles (``graph.projection.labels.HUBS``):
everyone in a province is two steps from everyone else through it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

import pyoxigraph as ox

from graph.projection.filters import MAX_HOPS, PERSON_HOPS, GraphFilter, UnknownEntity
from graph.projection.labels import HUBS
from graph.projection.spec import NODES, RELATIONSHIPS
from graph.projection.view import StoreView
from graph.store.base import ArticleStore
from ontology.namespaces import GOVKG


def selected_nodes(view: StoreView, selection: GraphFilter) -> set[str] | None:
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
    rows = store.select(f"SELECT ?unit WHERE {{ ?unit <{GOVKG.succeededBy}>* {ox.NamedNode(province)} }}")
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
