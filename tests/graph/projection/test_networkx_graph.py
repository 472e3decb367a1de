"""The networkx projection: Neo4j's labels and types, typed properties, evidence, and the subgraph filters."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.projection.filters import GraphFilter, UnknownEntity, document_iris, entity_iri, province_iri, resolve_filter
from graph.projection.labels import label_of
from graph.projection.networkx_graph import project
from graph.store.embedded import OxigraphStore
from loaders.article import Article
from loaders.record import Evidence, Extraction, LegalDocument, Meeting, Organization, Person, Post, Reference
from ontology.gazetteer import resolve_province
from ontology.identity import mint_article_iri
from tests.factories.stores import write_extraction

HA_GIANG_TEXT = (
    "Ngày 10/6, UBND tỉnh Hà Giang tổ chức hội nghị triển khai Nghị định số 64/2007/NĐ-CP. "
    "Chủ tịch UBND tỉnh Trần Hồng Minh chủ trì hội nghị. "
    "Dự hội nghị có bà Lê Hải Hòa, Phó Giám đốc Sở Nội vụ tỉnh Hà Giang."
)


def _span(text: str, fragment: str, rule: str = "test.hand_made") -> Evidence:
    return Evidence.of_fragment(text, fragment, rule)


def _ha_giang() -> Extraction:
    """A second invented article: a 2020 meeting in Hà Giang under the same decree, other officials."""
    text = HA_GIANG_TEXT
    province = resolve_province("Hà Giang")
    chair = _span(text, "Chủ tịch UBND tỉnh Trần Hồng Minh chủ trì")
    deputy = _span(text, "bà Lê Hải Hòa, Phó Giám đốc Sở Nội vụ")
    trigger = _span(text, "tổ chức hội nghị triển khai")
    decree = _span(text, "Nghị định số 64/2007/NĐ-CP")
    committee = "Ủy ban nhân dân tỉnh Hà Giang"
    department = "Sở Nội vụ tỉnh Hà Giang"
    return Extraction(
        article=Article(
            key="invented-ha-giang.txt", file="invented-ha-giang.txt", text=text, published=date(2020, 6, 11)
        ),
        province=province,
        persons=[
            Person("Trần Hồng Minh", chair, [Post("Chủ tịch", committee, chair)], province),
            Person("Lê Hải Hòa", deputy, [Post("Phó Giám đốc", department, deputy)], province),
        ],
        organizations=[
            Organization(committee, "PeoplesCommittee", _span(text, "UBND tỉnh Hà Giang"), province),
            Organization(department, "Department", deputy, province),
        ],
        legal_documents=[LegalDocument("Nghị định", "64/2007/NĐ-CP", decree, issuer="Chính phủ")],
        meetings=[
            Meeting(
                kind="hội nghị triển khai",
                kind_class="Conference",
                evidence=trigger,
                date=date(2020, 6, 10),
                province=province,
                chairs=[Reference("Trần Hồng Minh", chair)],
                organizers=[Reference(committee, trigger)],
                attendees=[Reference("Lê Hải Hòa", deputy)],
                legal_basis=[Reference("64/2007/NĐ-CP", decree)],
            )
        ],
    )


def _lang_son_2021() -> Extraction:
    """A third: a Lạng Sơn official reported in 2021, at no meeting."""
    text = "Bà Đoàn Thu Hà, Phó Bí thư Tỉnh ủy Lạng Sơn, kiểm tra công tác chuyển đổi số."
    province = resolve_province("Lạng Sơn")
    post = _span(text, "Bà Đoàn Thu Hà, Phó Bí thư Tỉnh ủy Lạng Sơn")
    return Extraction(
        article=Article(
            key="invented-lang-son-2021.txt", file="invented-lang-son-2021.txt", text=text, published=date(2021, 9, 1)
        ),
        province=province,
        persons=[Person("Đoàn Thu Hà", post, [Post("Phó Bí thư", "Tỉnh ủy Lạng Sơn", post)], province)],
        organizations=[Organization("Tỉnh ủy Lạng Sơn", "PartyCommittee", post, province)],
    )


@pytest.fixture
def news(store: OxigraphStore, invented_extraction: Extraction) -> OxigraphStore:
    """Three invented articles: meetings in Lạng Sơn (2015) and Hà Giang (2020), both under decree
    64/2007/NĐ-CP, and a Lạng Sơn official at no meeting (2021)."""
    write_extraction(store, invented_extraction)
    write_extraction(store, _ha_giang())
    write_extraction(store, _lang_son_2021())
    return store


def _captions(graph: nx.MultiDiGraph, label: str) -> set[str]:
    return {data["caption"] for _, data in graph.nodes(data=True) if label_of(data) == label}


def _person(graph: nx.MultiDiGraph, name: str) -> str:
    return next(
        str(node) for node, data in graph.nodes(data=True) if data.get("name") == name and label_of(data) == "Person"
    )


def test_the_whole_graph_has_the_neo4j_labels_types_and_typed_properties(news: OxigraphStore) -> None:
    graph = project(news)
    decree = next(data for _, data in graph.nodes(data=True) if data.get("notation") == "64/2007/NĐ-CP")
    assert decree["labels"] == ("LegalDocument", "Decree")
    assert _captions(graph, "Meeting") == {"Hội nghị tổng kết, 2015-03-14", "hội nghị triển khai, 2020-06-10"}
    assert {"Hoàng Văn Thái", "Nông Đức Mạnh", "Trần Hồng Minh", "Lê Hải Hòa"} <= _captions(graph, "Person")
    posts = {
        (graph.nodes[s]["name"], d["title"], d["first_reported"])
        for s, _, d in graph.edges(data=True)
        if d["type"] == "HOLDS_POST"
    }
    assert ("Trần Hồng Minh", "Chủ tịch", date(2020, 6, 11)) in posts
    types = {data["type"] for *_, data in graph.edges(data=True)}
    assert {"HOLDS_POST", "CHAIRED", "ATTENDED", "ORGANIZED", "UNDER", "HELD_IN", "LOCATED_IN", "MENTIONED_IN"} <= types


def test_an_edge_carries_the_sentences_that_state_it(news: OxigraphStore) -> None:
    graph = project(news)
    minh = _person(graph, "Trần Hồng Minh")
    chaired = [d for _, _, d in graph.out_edges(minh, data=True) if d["type"] == "CHAIRED"]
    assert chaired[0]["sentences"] == ["Chủ tịch UBND tỉnh Trần Hồng Minh chủ trì hội nghị."]
    assert chaired[0]["articles"] == [str(mint_article_iri("invented-ha-giang.txt"))]


def test_a_decree_cited_by_two_articles_is_one_node_with_both_meetings(news: OxigraphStore) -> None:
    graph = project(news)
    (decree,) = document_iris(news, "64/2007/NĐ-CP")
    assert sorted(
        graph.nodes[m]["caption"] for m, _, d in graph.in_edges(decree, data=True) if d["type"] == "UNDER"
    ) == [
        "Hội nghị tổng kết, 2015-03-14",
        "hội nghị triển khai, 2020-06-10",
    ]


def test_a_province_subgraph_holds_its_officials_and_meetings_not_another_provinces(news: OxigraphStore) -> None:
    graph = project(news, GraphFilter(province=province_iri("Lạng Sơn")))
    assert _captions(graph, "Person") == {"Hoàng Văn Thái", "Nông Đức Mạnh", "Đoàn Thu Hà"}
    assert _captions(graph, "Meeting") == {"Hội nghị tổng kết, 2015-03-14"}
    assert "Nghị định 64/2007/NĐ-CP" in _captions(graph, "LegalDocument")


def test_a_merged_province_takes_in_the_units_it_succeeded(news: OxigraphStore) -> None:
    graph = project(news, GraphFilter(province=province_iri("VN-07-2025")))
    assert _captions(graph, "Meeting") == {"hội nghị triển khai, 2020-06-10"}
    assert {"Hà Giang", "Tuyên Quang"} <= _captions(graph, "Province")


def test_a_persons_neighbourhood_stops_at_two_steps_and_never_crosses_a_province(news: OxigraphStore) -> None:
    whole = project(news)
    graph = project(news, GraphFilter(person=_person(whole, "Nông Đức Mạnh")))
    # Mạnh → meeting → Thái, the decree; the Hà Giang meeting is three steps away (through the decree),
    # Đoàn Thu Hà two, but through the province of Lạng Sơn.
    assert _captions(graph, "Person") == {"Hoàng Văn Thái", "Nông Đức Mạnh"}
    assert "Lạng Sơn" in _captions(graph, "Province")
    assert _captions(graph, "Meeting") == {"Hội nghị tổng kết, 2015-03-14"}
    assert "Nghị định 64/2007/NĐ-CP" in _captions(graph, "LegalDocument")


def test_a_nodes_neighbourhood_takes_the_steps_asked(news: OxigraphStore) -> None:
    whole = project(news)
    minh = _person(whole, "Trần Hồng Minh")
    one = project(news, GraphFilter(node=minh, hops=1))
    assert _captions(one, "Person") == {"Trần Hồng Minh"}
    assert _captions(one, "Meeting") == {"hội nghị triển khai, 2020-06-10"}
    assert "Lê Hải Hòa" in _captions(project(news, GraphFilter(node=minh, hops=2)), "Person")


def test_a_document_subgraph_holds_its_meetings_and_their_people(news: OxigraphStore) -> None:
    (decree,) = document_iris(news, "64/2007/NĐ-CP")
    graph = project(news, GraphFilter(documents=(decree,)))
    assert len(_captions(graph, "Meeting")) == 2
    assert _captions(graph, "Person") == {"Hoàng Văn Thái", "Nông Đức Mạnh", "Trần Hồng Minh", "Lê Hải Hòa"}
    assert "Sở Nội vụ tỉnh Hà Giang" not in _captions(graph, "Organization")  # only a post holder's organization


def test_a_date_range_keeps_what_happened_in_it_and_who_took_part(news: OxigraphStore) -> None:
    graph = project(news, GraphFilter(date_from=date(2020, 1, 1), date_to=date(2020, 12, 31)))
    assert _captions(graph, "Meeting") == {"hội nghị triển khai, 2020-06-10"}
    assert _captions(graph, "Person") == {"Trần Hồng Minh", "Lê Hải Hòa"}
    assert "Nghị định 64/2007/NĐ-CP" in _captions(graph, "LegalDocument")
    assert "Hà Giang" in _captions(graph, "Province")
    assert "Lạng Sơn" not in _captions(graph, "Province")


def test_a_post_reported_in_the_range_keeps_its_holder_and_organization(news: OxigraphStore) -> None:
    graph = project(news, GraphFilter(date_from=date(2021, 1, 1)))
    assert _captions(graph, "Person") == {"Đoàn Thu Hà"}
    assert _captions(graph, "Organization") == {"Tỉnh ủy Lạng Sơn"}
    assert _captions(graph, "Meeting") == set()


def test_filters_combine_by_intersection(news: OxigraphStore) -> None:
    graph = project(news, resolve_filter(news, document="64/2007/NĐ-CP", province="Hà Giang"))
    assert _captions(graph, "Meeting") == {"hội nghị triển khai, 2020-06-10"}


def test_a_filter_naming_nothing_in_the_graph_is_refused(news: OxigraphStore) -> None:
    with pytest.raises(UnknownEntity):
        project(news, GraphFilter(person=entity_iri("nobody-0000000000", "person")))
    with pytest.raises(UnknownEntity):
        province_iri("Atlantis")


def test_a_filter_is_resolved_from_what_a_user_types(news: OxigraphStore) -> None:
    minh = _person(project(news), "Trần Hồng Minh")
    resolved = resolve_filter(
        news, person=minh.rsplit("/", 1)[-1], province="VN-03", node="person/x", document="64/2007/NĐ-CP"
    )
    assert resolved.person == minh
    assert resolved.province == province_iri("Hà Giang")
    assert resolved.node == entity_iri("x", "person")
    assert resolved.documents == tuple(document_iris(news, "64/2007/NĐ-CP"))
    with pytest.raises(UnknownEntity):
        resolve_filter(news, document="1/2099/NĐ-CP")
    with pytest.raises(ValueError, match="is not an IRI"):
        resolve_filter(news, node="https://w3id.org/govkg/id/person/x> } UNION { ?s ?p ?o")
    with pytest.raises(ValueError, match="before it starts"):
        resolve_filter(news, date_from=date(2021, 1, 1), date_to=date(2020, 1, 1))


def test_provinces_are_named_by_code_name_or_iri() -> None:
    iri = province_iri("VN-09")
    assert province_iri("Lạng Sơn") == province_iri("tỉnh lạng sơn") == province_iri(iri) == iri
