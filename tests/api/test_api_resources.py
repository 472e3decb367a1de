"""The resources over a real uvicorn: lists, filters, pagination, details with evidence, 404 and 422."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from api.routers import meetings as meetings_router
from graph.sparql.functions import words_match
from tests.factories.invented import LANG_SON_2015, LANG_SON_2016


def _get(client: httpx.Client, path: str, status: int = 200, /, **params: Any) -> Any:
    response = client.get(path, params=params)
    assert response.status_code == status, response.text
    return response.json()


def _ids(page: dict[str, Any], field: str = "name") -> list[Any]:
    return [item[field] for item in page["items"]]


def _person_id(client: httpx.Client, name: str) -> str:
    page = _get(client, "/persons", name=name)
    assert page["total"] == 1, page
    return str(page["items"][0]["id"])


def test_persons_are_listed_by_name_in_pages_that_link_to_the_next(client: httpx.Client) -> None:
    first = _get(client, "/persons", limit=3)
    assert first["total"] == 4
    assert _ids(first) == ["Hoàng Văn Thái", "Lê Thị Hòa", "Nông Đức Mạnh"]
    assert first["next"] is not None and "offset=3" in first["next"]
    second = client.get(first["next"]).json()
    assert _ids(second) == ["Trần Thanh Đức"] and second["next"] is None
    item = first["items"][0]
    assert item["iri"].endswith("/" + item["id"])
    assert item["links"]["detail"] == f"/persons/{item['id']}"
    assert item["links"]["evidence"].startswith("/evidence?about=https%3A%2F%2F")


def test_person_filters_ignore_accents_and_follow_province_mergers(client: httpx.Client) -> None:
    assert _ids(_get(client, "/persons", name="TRAN thanh duc")) == ["Trần Thanh Đức"]
    assert _ids(_get(client, "/persons", province="VN-44-2025")) == ["Lê Thị Hòa", "Trần Thanh Đức"]
    assert _ids(_get(client, "/persons", province="VN-44")) == ["Trần Thanh Đức"]
    assert _ids(_get(client, "/persons", province="Lạng Sơn", name="manh")) == ["Nông Đức Mạnh"]
    organizations = _get(client, "/organizations", name="so thong tin")
    department = organizations["items"][0]["id"]
    assert _ids(_get(client, "/persons", organization=department)) == ["Nông Đức Mạnh"]


def test_a_person_has_posts_over_time_and_meetings_with_their_evidence(client: httpx.Client) -> None:
    person = _get(client, f"/persons/{_person_id(client, 'hoang van thai')}")
    assert [(p["title"], p["first_reported"]) for p in person["posts"]] == [
        ("Phó Chủ tịch", "2015-03-15"),
        ("Chủ tịch", "2016-05-10"),
    ]
    evidence = person["posts"][0]["evidence"][0]
    assert LANG_SON_2015[evidence["char_start"] : evidence["char_end"]] == (
        "Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì"
    )
    assert evidence["sentence"] == "Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì hội nghị."
    assert evidence["rule"] == "chair.title_name_chu_tri" and evidence["confidence"] == pytest.approx(0.9)
    assert evidence["article"]["published"] == "2015-03-15"
    chaired = person["meetings_chaired"]
    assert [m["meeting"]["date"] for m in chaired] == ["2015-03-14", "2016-05-09"]
    assert chaired[1]["evidence"][0]["rule"] == "chair.dong_chu_tri"
    assert person["meetings_attended"] == []
    assert len(person["mentioned_in"]) == 2

    manh = _get(client, f"/persons/{_person_id(client, 'nong duc manh')}")
    assert [m["meeting"]["date"] for m in manh["meetings_attended"]] == ["2015-03-14"]
    assert [m["meeting"]["date"] for m in manh["meetings_chaired"]] == ["2016-05-09"]


def test_unknown_and_malformed_ids_are_404_and_422_problems(client: httpx.Client) -> None:
    for path in ("/persons/nobody-0000000000", "/meetings/x", "/legal-documents/x", "/articles/x", "/organizations/x"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["status"] == 404 and problem["type"].endswith("/not-found")
        assert "list them at" in problem["detail"]
    malformed = client.get("/persons/no spaces!")
    assert malformed.status_code == 422
    assert malformed.json()["errors"][0]["parameter"] == "path.person_id"
    assert "Traceback" not in malformed.text


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"limit": 0}, "query.limit"),
        ({"limit": 100_000}, "query.limit"),
        ({"offset": -1}, "query.offset"),
        ({"province": "Atlantis"}, "province"),
        ({"organization": "https://example.org/not-an-org"}, "organization"),
    ],
)
def test_bad_list_parameters_are_422_naming_the_parameter(
    client: httpx.Client, params: dict[str, Any], parameter: str
) -> None:
    problem = _get(client, "/persons", 422, **params)
    assert problem["errors"][0]["parameter"] == parameter
    assert problem["title"] and problem["detail"]


def test_organizations_filter_by_kind_and_show_posts_and_meetings(client: httpx.Client) -> None:
    departments = _get(client, "/organizations", kind="Department")
    assert departments["total"] == 2 and all("Department" in item["kinds"] for item in departments["items"])
    committee = _get(client, "/organizations", name="uy ban nhan dan tinh lang son")["items"][0]
    assert committee["province"]["id"] == "VN-09"
    detail = _get(client, f"/organizations/{committee['id']}")
    assert sorted(p["title"] for p in detail["posts"]) == ["Chủ tịch", "Phó Chủ tịch"]
    assert all(p["evidence"] for p in detail["posts"])
    assert [m["meeting"]["date"] for m in detail["meetings_organized"]] == ["2015-03-14"]
    assert detail["meetings_organized"][0]["evidence"][0]["article"]["id"].startswith("lang-son-2015")
    assert _get(client, "/organizations", 422, kind="not a kind")["status"] == 422


def test_provinces_come_from_the_gazetteer_with_what_the_graph_holds(client: httpx.Client) -> None:
    assert _get(client, "/provinces", valid_on="2025-07-01", limit=100)["total"] == 34
    assert _get(client, "/provinces", valid_on="2025-06-30", limit=100)["total"] == 63
    assert {item["id"] for item in _get(client, "/provinces", name="an giang")["items"]} == {"VN-44", "VN-44-2025"}

    new_an_giang = _get(client, "/provinces/VN-44-2025")
    assert sorted(new_an_giang["predecessors"]) == ["VN-44", "VN-47"]
    assert sorted(o["person"]["label"] for o in new_an_giang["officials"]) == ["Lê Thị Hòa", "Trần Thanh Đức"]
    assert new_an_giang["meetings_total"] == 2
    assert {m["province"]["id"] for m in new_an_giang["meetings"]} == {"VN-44", "VN-47"}
    assert [(d["document"]["label"], d["type"], d["articles"]) for d in new_an_giang["documents"]] == [
        ("749/QĐ-TTg", "Decision", 2)
    ]
    assert [(i["indicator"]["label"], i["value"], i["unit"]) for i in new_an_giang["indicators"]] == [
        ("tỷ lệ hồ sơ trực tuyến", 45.0, "%")
    ]
    assert _get(client, "/provinces/Lạng Sơn")["id"] == "VN-09"
    assert _get(client, "/provinces/Atlantis", 404)["type"].endswith("/not-found")


def test_legal_documents_filter_by_type_number_issuer_and_year(client: httpx.Client) -> None:
    decrees = _get(client, "/legal-documents", type="nghi dinh", year=2007)
    assert _ids(decrees, "notation") == ["64/2007/NĐ-CP"]
    assert decrees["items"][0]["type"] == "Decree"
    assert _ids(_get(client, "/legal-documents", type="Decision", number="1501"), "notation") == ["1501/QĐ-UBND"]
    provincial = _get(client, "/legal-documents", issuer="uy ban nhan dan tinh lang son")["items"][0]
    assert provincial["issued_by"]["label"] is None and provincial["issued_by"]["id"].startswith("uy-ban-nhan-dan")
    assert _get(client, "/legal-documents", number="no such notation")["total"] == 0
    assert _get(client, "/legal-documents", 422, year=1200)["status"] == 422


def test_a_legal_document_lists_its_meetings_and_citing_articles(client: httpx.Client) -> None:
    decree = _get(client, "/legal-documents", number="64/2007")["items"][0]
    detail = _get(client, f"/legal-documents/{decree['id']}")
    assert sorted(m["meeting"]["date"] for m in detail["meetings"]) == ["2015-03-14", "2016-05-09"]
    assert all(m["evidence"][0]["rule"] == "document.notation" for m in detail["meetings"])
    assert sorted(e["article"]["published"] for e in detail["cited_by"]) == ["2015-03-15", "2016-05-10"]


def test_meetings_filter_by_chair_province_dates_and_legal_basis(client: httpx.Client) -> None:
    everything = _get(client, "/meetings")
    assert [m["date"] for m in everything["items"]] == ["2024-10-02", "2024-09-19", "2016-05-09", "2015-03-14", None]
    thai = _person_id(client, "hoang van thai")
    by_id = _get(client, "/meetings", chair=thai)
    by_name = _get(client, "/meetings", chair="Hoàng Văn Thái")
    assert _ids(by_id, "date") == _ids(by_name, "date") == ["2016-05-09", "2015-03-14"]
    assert _ids(_get(client, "/meetings", chair="thai", **{"from": "2016-01-01"}), "date") == ["2016-05-09"]
    merged = _get(client, "/meetings", province="VN-44-2025")
    assert [m["province"]["id"] for m in merged["items"]] == ["VN-47", "VN-44"]
    assert _ids(_get(client, "/meetings", legal_basis="64/2007/NĐ-CP"), "date") == ["2016-05-09", "2015-03-14"]
    co_chaired = _get(client, "/meetings", legal_basis="1501/QĐ-UBND")["items"][0]
    assert [c["label"] for c in co_chaired["chairs"]] == ["Hoàng Văn Thái", "Nông Đức Mạnh"]
    reversed_range = _get(client, "/meetings", 422, **{"from": "2020-01-01", "to": "2019-01-01"})
    assert "after" in reversed_range["detail"]
    assert _get(client, "/meetings", 422, **{"from": "14/3/2015"})["errors"][0]["parameter"] == "query.from"


def test_a_meeting_names_its_participants_with_evidence(client: httpx.Client) -> None:
    meeting = _get(client, "/meetings", **{"from": "2015-03-14", "to": "2015-03-14"})["items"][0]
    detail = _get(client, f"/meetings/{meeting['id']}")
    assert [p["entity"]["label"] for p in detail["chairs"]] == ["Hoàng Văn Thái"]
    assert [p["entity"]["label"] for p in detail["attendees"]] == ["Nông Đức Mạnh"]
    assert [p["entity"]["label"] for p in detail["organizers"]] == ["Ủy ban nhân dân tỉnh Lạng Sơn"]
    assert [p["entity"]["label"] for p in detail["legal_basis"]] == ["64/2007/NĐ-CP"]
    attendee = detail["attendees"][0]["evidence"][0]
    assert LANG_SON_2015[attendee["char_start"] : attendee["char_end"]] == "ông Nông Đức Mạnh, Giám đốc Sở"
    assert attendee["confidence"] == pytest.approx(0.85)
    assert len(detail["reported_in"]) == 1


def test_articles_list_newest_first_and_show_what_each_asserted(client: httpx.Client) -> None:
    articles = _get(client, "/articles")
    assert _ids(articles, "published") == ["2024-10-03", "2024-09-20", "2020-01-06", "2016-05-10", "2015-03-15"]
    assert _ids(_get(client, "/articles", province="VN-44-2025"), "published") == ["2024-10-03", "2024-09-20"]
    lang_son = next(a for a in articles["items"] if a["published"] == "2016-05-10")
    detail = _get(client, f"/articles/{lang_son['id']}")
    assert detail["triples"] > 50
    predicates = {s["predicate"].rsplit("#", 1)[-1].rsplit("/", 1)[-1] for s in detail["statements"]}
    assert {"member", "chairedBy", "underLegalBasis", "mentions", "value"} <= predicates
    value = next(s for s in detail["statements"] if s["predicate"].endswith("#value"))
    assert value["object"] == {"iri": None, "value": "92.3", "label": None}
    chair = next(s for s in detail["statements"] if s["predicate"].endswith("#chairedBy"))
    evidence = chair["evidence"][0]
    assert LANG_SON_2016[evidence["char_start"] : evidence["char_end"]] == "đồng chủ trì"
    assert all(e["article"]["iri"] == detail["iri"] for s in detail["statements"] for e in s["evidence"])


def test_evidence_of_an_edge_and_of_everything_about_an_entity(client: httpx.Client) -> None:
    person = _get(client, f"/persons/{_person_id(client, 'nong duc manh')}")
    meeting = person["meetings_attended"][0]["meeting"]["iri"]
    edge = _get(
        client,
        "/evidence",
        subject=meeting,
        predicate="https://w3id.org/govkg/def#attendedBy",
        object=person["iri"],
    )
    assert edge["total"] == 1
    statement = edge["items"][0]
    assert statement["subject"]["label"] == "Hội nghị tổng kết" and statement["object"]["label"] == "Nông Đức Mạnh"
    assert statement["evidence"][0]["rule"] == "post.name_comma_title"
    about = _get(client, "/evidence", about=person["iri"], limit=100)
    predicates = sorted({s["predicate"].rsplit("#", 1)[-1].rsplit("/", 1)[-1] for s in about["items"]})
    assert predicates == ["attendedBy", "chairedBy", "member", "mentions"]
    assert _get(client, "/evidence", 422)["errors"][0]["parameter"] == "subject"
    assert _get(client, "/evidence", 422, subject="not an iri")["status"] == 422


def test_search_ignores_accents_and_ranks_the_closest_label_first(client: httpx.Client) -> None:
    people = _get(client, "/search", q="tran thanh duc")
    assert people["items"][0]["label"] == "Trần Thanh Đức" and people["items"][0]["kind"] == "person"
    assert people["items"][0]["score"] == 5
    decree = _get(client, "/search", q="64/2007")["items"][0]
    assert decree["kind"] == "document" and decree["label"] in ("64/2007/NĐ-CP", "Nghị định 64/2007/NĐ-CP")
    assert decree["links"]["detail"] == f"/legal-documents/{decree['id']}"
    departments = _get(client, "/search", q="so thong", kind="organization")
    assert _ids(departments, "label") == ["Sở Thông tin và Truyền thông tỉnh Lạng Sơn"]
    assert _get(client, "/search", q="hoa", kind=["person"])["items"][0]["label"] == "Lê Thị Hòa"
    assert _get(client, "/search", q="zzzz")["total"] == 0
    assert _get(client, "/search", 422)["errors"][0]["parameter"] == "query.q"
    assert _get(client, "/search", 422, q="x", kind="planet")["status"] == 422


def test_health_reports_the_generation_and_counts(client: httpx.Client) -> None:
    health = _get(client, "/health")
    assert health["status"] == "ok" and health["generation"] >= 1
    assert (health["articles"], health["persons"], health["meetings"]) == (5, 4, 5)
    assert health["triples"] > 1000


def test_openapi_documents_every_endpoint(client: httpx.Client) -> None:
    schema = _get(client, "/openapi.json")
    paths = set(schema["paths"])
    assert {
        "/persons",
        "/persons/{person_id}",
        "/organizations",
        "/provinces/{code}",
        "/legal-documents/{document_id}",
        "/meetings",
        "/articles/{article_id}",
        "/evidence",
        "/search",
        "/queries",
        "/queries/who_chaired_under",
        "/sparql",
    } <= paths
    assert "Accents and case are ignored" in schema["paths"]["/search"]["get"]["description"]
    assert client.get("/docs").status_code == 200


def test_a_chair_name_gives_the_same_meetings_from_the_index_and_from_sparql(
    client: httpx.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_index = _get(client, "/meetings", chair="van thai")
    monkeypatch.setattr(meetings_router, "MAX_NAMED_CHAIRS", 0)  # the server runs in this process
    by_sparql = _get(client, "/meetings", chair="VĂN THÁI")  # another URL, so not an answer kept earlier
    assert by_index["items"] == by_sparql["items"] and by_index["total"] == 2
    assert _get(client, "/meetings", chair="an thai")["total"] == 0  # "an" begins no word of Hoàng Văn Thái


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Hoàng Văn Thái", "van thai", True),
        ("Hoàng Văn Thái", "THÁI hoàng", True),
        ("Hoàng Văn Thái", "an", False),
        ("Lê Thị Hòa", "hoa", True),
        ("Lê Thị Hòa", "", False),
    ],
)
def test_words_match_is_accent_and_case_free_by_word_starts(text: str, words: str, expected: bool) -> None:
    assert words_match(text, words) is expected
