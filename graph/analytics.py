"""Who is central, who works with whom, and how two officials are linked: analytics on the networkx projection.

Two networks of officials are drawn from the meetings: **co-chairing** (two
persons who chaired the same meeting) and **co-attendance** (two persons who
took part, chairing or attending, in the same meeting). Each is an undirected
graph of persons, weighted by the number of meetings they shared. On either:

- degree centrality (and the number of colleagues and shared meetings) and
  betweenness centrality, exact up to :data:`EXACT_BETWEENNESS_UP_TO` persons and
  estimated from a seeded sample of sources beyond;
- communities by Louvain modularity, seeded, so a rerun gives the same groups.

The shortest path between two officials is taken on the projection itself
(persons, organizations, meetings, documents), never through a province or an
article, which would link everyone in a province in two steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from itertools import combinations

import networkx as nx

from graph.projection.filters import WHOLE_GRAPH, GraphFilter, UnknownEntity
from graph.projection.labels import HUBS, label_of
from graph.projection.networkx_graph import project
from graph.store.base import ArticleStore

#: Seed of every randomised step (betweenness sampling, Louvain), so results repeat.
SEED = 20_250_701
#: Up to this many persons, betweenness is exact; beyond, it is estimated from this many sources.
EXACT_BETWEENNESS_UP_TO = 2_000
#: The relationships a shortest path may follow.
PATH_RELATIONSHIPS = frozenset({"HOLDS_POST", "CHAIRED", "ATTENDED", "ORGANIZED", "UNDER", "ISSUED_BY"})


class NotInGraph(UnknownEntity, KeyError):
    """A path's end that is no node of the graph (a ``KeyError``, as networkx's own)."""


class Network(StrEnum):
    """Which officials' network to analyse."""

    CO_CHAIR = "co-chair"
    CO_ATTENDANCE = "co-attendance"

    @property
    def roles(self) -> frozenset[str]:
        """The relationships from a person to a meeting that count as taking part."""
        return frozenset({"CHAIRED"}) if self is Network.CO_CHAIR else frozenset({"CHAIRED", "ATTENDED"})


@dataclass(frozen=True, slots=True)
class Official:
    """A person of a network, by IRI and name."""

    iri: str
    name: str


@dataclass(frozen=True, slots=True)
class Centrality:
    """How central one official is in a network."""

    official: Official
    degree: float  # share of the other officials they shared a meeting with
    colleagues: int  # officials they shared a meeting with
    meetings: int  # meetings they took part in (chaired, for co-chairing)
    betweenness: float


@dataclass(frozen=True, slots=True)
class Community:
    """A group of officials who share meetings more among themselves than with others."""

    members: tuple[Official, ...]
    meetings: int  # meetings shared inside the group (counted once per pair)


@dataclass(frozen=True, slots=True)
class Step:
    """One node of a path, and how it is linked to the next (``None`` at the end)."""

    iri: str
    label: str
    caption: str
    link: str | None  # "CHAIRED →" or "← ATTENDED": the relationship to the next node, and its direction


# -- the networks ---------------------------------------------------------------------


def officials_network(graph: nx.MultiDiGraph, network: Network) -> nx.Graph:
    """The persons who took part in a meeting, linked by the meetings they shared (``weight``).

    Each person node keeps ``name`` and ``meetings`` (how many meetings they took part in).
    """
    people: dict[str, set[str]] = {}
    for start, end, data in graph.edges(data=True):
        if data.get("type") in network.roles:
            people.setdefault(end, set()).add(start)
    result = nx.Graph()
    for persons in people.values():
        for person in persons:
            if person not in result:
                result.add_node(person, name=graph.nodes[person].get("caption", person), meetings=0)
            result.nodes[person]["meetings"] += 1
        for first, second in combinations(sorted(persons), 2):
            weight = result.get_edge_data(first, second, {}).get("weight", 0)
            result.add_edge(first, second, weight=weight + 1)
    return result


def _official(network: nx.Graph, person: str) -> Official:
    return Official(person, str(network.nodes[person].get("name", person)))


def centrality(network: nx.Graph, limit: int | None = None) -> list[Centrality]:
    """Officials by betweenness, then degree, then name (the first ``limit`` of them)."""
    if network.number_of_nodes() == 0:
        return []
    degree = nx.degree_centrality(network)
    sample = None if network.number_of_nodes() <= EXACT_BETWEENNESS_UP_TO else EXACT_BETWEENNESS_UP_TO
    betweenness = nx.betweenness_centrality(network, k=sample, seed=SEED)
    ranked = sorted(
        network.nodes, key=lambda n: (-betweenness[n], -degree[n], str(network.nodes[n].get("name")), str(n))
    )
    return [
        Centrality(
            official=_official(network, person),
            degree=degree[person],
            colleagues=network.degree(person),
            meetings=int(network.nodes[person].get("meetings", 0)),
            betweenness=betweenness[person],
        )
        for person in ranked[:limit]
    ]


def communities(network: nx.Graph, min_size: int = 2, resolution: float = 1.0) -> list[Community]:
    """Louvain communities of the network (seeded), largest first; groups smaller than ``min_size`` left out."""
    if network.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(network, weight="weight", resolution=resolution, seed=SEED)
    found = []
    for group in groups:
        if len(group) < min_size:
            continue
        members = sorted((_official(network, person) for person in group), key=lambda o: (o.name, o.iri))
        shared = sum(int(data.get("weight", 1)) for _, _, data in network.subgraph(group).edges(data=True))
        found.append(Community(tuple(members), shared))
    return sorted(found, key=lambda c: (-len(c.members), c.members[0].name))


# -- paths ----------------------------------------------------------------------------


def shortest_path(graph: nx.MultiDiGraph, source: str, target: str) -> list[Step] | None:
    """The shortest chain of relationships from ``source`` to ``target``, in either direction, avoiding
    provinces and articles; ``None`` when none links them. Raises :class:`NotInGraph` for a node not in the graph."""
    for node in (source, target):
        if node not in graph:
            raise NotInGraph(f"{node} is not in the graph")
    allowed = [n for n, data in graph.nodes(data=True) if label_of(data) not in HUBS or n in (source, target)]
    view = nx.Graph(graph.subgraph(allowed))
    try:
        nodes: Sequence[str] = nx.shortest_path(view, source, target)
    except nx.NetworkXNoPath:
        return None
    return [
        Step(node, label_of(graph.nodes[node]), str(graph.nodes[node].get("caption", node)), _link(graph, node, after))
        for node, after in zip(nodes, [*nodes[1:], None], strict=True)
    ]


def _link(graph: nx.MultiDiGraph, node: str, after: str | None) -> str | None:
    if after is None:
        return None
    forward = sorted({str(d["type"]) for d in graph.get_edge_data(node, after, default={}).values()})
    if forward:
        return f"{forward[0]} →"
    backward = sorted({str(d["type"]) for d in graph.get_edge_data(after, node, default={}).values()})
    return f"← {backward[0]}"


# -- from a store ---------------------------------------------------------------------


def network_from_store(store: ArticleStore, network: Network, selection: GraphFilter = WHOLE_GRAPH) -> nx.Graph:
    """Project the meetings and their people (within ``selection``) and draw the officials' network."""
    return officials_network(project(store, selection, relationships=network.roles), network)


def path_from_store(store: ArticleStore, source: str, target: str) -> list[Step] | None:
    """:func:`shortest_path` on the projection of the relationships a path may follow."""
    return shortest_path(project(store, relationships=PATH_RELATIONSHIPS), source, target)
