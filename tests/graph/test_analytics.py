"""Analytics on the projection: officials' networks, centrality, communities, shortest paths."""

from __future__ import annotations

import networkx as nx
import pytest

from graph.analytics import (
    Network,
    centrality,
    communities,
    network_from_store,
    officials_network,
    path_from_store,
    shortest_path,
)
from graph.store.embedded import OxigraphStore
from loaders.record import Extraction
from tests.factories.stores import write_extraction

# Who chaired and who attended which meeting, in a hand-made projection.
CHAIRS = {"M1": "AB", "M2": "BC", "M3": "DE", "M4": "E"}
ATTENDEES = {"M1": "C", "M3": "F", "M4": "DA"}


def _projection() -> nx.MultiDiGraph:
    """Persons A–G in one province; meetings M1–M4; G took part in nothing."""
    graph = nx.MultiDiGraph()
    graph.add_node("P", labels=("Province",), caption="Lạng Sơn")
    for person in "ABCDEFG":
        graph.add_node(person, labels=("Person",), caption=f"Ông {person}", name=f"Ông {person}")
        graph.add_edge(person, "P", key="LOCATED_IN", type="LOCATED_IN")
    for meeting in CHAIRS:
        graph.add_node(meeting, labels=("Meeting",), caption=f"Hội nghị {meeting}")
        for person in CHAIRS[meeting]:
            graph.add_edge(person, meeting, key="CHAIRED", type="CHAIRED")
        for person in ATTENDEES.get(meeting, ""):
            graph.add_edge(person, meeting, key="ATTENDED", type="ATTENDED")
    return graph


def _pairs(network: nx.Graph) -> dict[tuple[str, str], int]:
    return {tuple(sorted((a, b))): data["weight"] for a, b, data in network.edges(data=True)}


def test_co_chairing_links_those_who_chaired_the_same_meeting() -> None:
    network = officials_network(_projection(), Network.CO_CHAIR)
    assert _pairs(network) == {("A", "B"): 1, ("B", "C"): 1, ("D", "E"): 1}
    assert network.nodes["E"]["meetings"] == 2
    assert "F" not in network  # attended only


def test_co_attendance_counts_shared_meetings_as_weight() -> None:
    network = officials_network(_projection(), Network.CO_ATTENDANCE)
    pairs = _pairs(network)
    assert pairs[("B", "C")] == 2  # M1 and M2
    assert pairs[("D", "E")] == 2  # M3 and M4
    assert pairs[("A", "E")] == 1
    assert "G" not in network


def test_the_official_bridging_two_groups_has_the_highest_betweenness() -> None:
    chairs = centrality(officials_network(_projection(), Network.CO_CHAIR))
    assert chairs[0].official.iri == "B"
    assert chairs[0].colleagues == 2
    assert chairs[0].betweenness == pytest.approx(1 / 6)  # on the one path between A and C, of 6 pairs
    attendance = centrality(officials_network(_projection(), Network.CO_ATTENDANCE), limit=2)
    assert attendance[0].official.iri == "A"  # A alone sits in M1 and M4
    assert len(attendance) == 2


def test_communities_are_the_groups_that_meet_and_repeat() -> None:
    network = officials_network(_projection(), Network.CO_CHAIR)
    found = communities(network)
    assert [sorted(o.iri for o in c.members) for c in found] == [["A", "B", "C"], ["D", "E"]]
    assert found[0].meetings == 2
    assert communities(network) == found


def test_the_shortest_path_goes_through_meetings_never_through_the_province() -> None:
    steps = shortest_path(_projection(), "F", "C")
    assert steps is not None
    iris = [s.iri for s in steps]
    assert iris[:2] == ["F", "M3"]
    assert iris[2] in ("D", "E")
    assert iris[3:] == ["M4", "A", "M1", "C"]
    assert "P" not in [s.iri for s in steps]
    assert steps[0].link == "ATTENDED →"
    assert steps[-1].link is None
    assert [s.label for s in steps[1::2]] == ["Meeting", "Meeting", "Meeting"]


def test_no_path_between_officials_who_share_nothing_but_a_province() -> None:
    assert shortest_path(_projection(), "G", "A") is None
    with pytest.raises(KeyError):
        shortest_path(_projection(), "A", "nobody")


def test_networks_and_paths_from_a_store(store: OxigraphStore, invented_extraction: Extraction) -> None:
    write_extraction(store, invented_extraction)
    attendance = network_from_store(store, Network.CO_ATTENDANCE)
    assert sorted(data["name"] for _, data in attendance.nodes(data=True)) == ["Hoàng Văn Thái", "Nông Đức Mạnh"]
    assert attendance.number_of_edges() == 1
    chairs = network_from_store(store, Network.CO_CHAIR)
    assert (chairs.number_of_nodes(), chairs.number_of_edges()) == (1, 0)
    thai, manh = sorted(attendance.nodes, key=lambda n: attendance.nodes[n]["name"])
    steps = path_from_store(store, thai, manh)
    assert steps is not None
    assert [s.link for s in steps] == ["CHAIRED →", "← ATTENDED", None]
