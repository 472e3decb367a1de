"""The named queries over HTTP: listed with their parameters, typed, bound, answering the contract's columns."""

from __future__ import annotations

from typing import Any

import httpx
import pyoxigraph as ox
import pytest

from graph.sparql.binding import bind_values
from graph.store.embedded import OxigraphStore
from ontology.identity import mint_organization_iri, mint_person_iri
from queries.registry import UNSET, ParameterError, ParamType, registry
from tests.factories.invented import invented_articles
from tests.factories.stores import write_articles

LANG_SON_COMMITTEE = str(mint_organization_iri("Ủy ban nhân dân tỉnh Lạng Sơn", "VN-09"))
THAI = str(mint_person_iri("Hoàng Văn Thái", "VN-09"))
ALL = {
    "co_chairs",
    "documents_cited_by_province",
    "indicators_of_province",
    "meetings_under_document",
    "officials_of_province",
    "post_holders_on",
    "posts_of_person",
    "who_chaired_under",
}


def _rows(client: httpx.Client, name: str, **params: Any) -> list[dict[str, Any]]:
    response = client.get(f"/queries/{name}", params=params)
    assert response.status_code == 200, response.text
    body = response.json()
    assert all(list(row) == body["columns"] for row in body["rows"])
    return list(body["rows"])


def _iri(client: httpx.Client, path: str, **params: Any) -> str:
    return str(client.get(path, params=params).json()["items"][0]["iri"])


def test_the_eight_queries_are_listed_with_typed_parameters_and_columns(client: httpx.Client) -> None:
    listed = {query["name"]: query for query in client.get("/queries").json()}
    assert set(listed) == ALL
    who = listed["who_chaired_under"]
    assert [(p["name"], p["type"], p["required"]) for p in who["parameters"]] == [
        ("document", "document", False),
        ("province", "province", False),
        ("from", "date", False),
        ("to", "date", False),
    ]
    assert who["columns"] == ["meeting", "date", "label", "province", "chair", "chair_name", "document", "notation"]
    holders = {p["name"]: p for p in listed["post_holders_on"]["parameters"]}
    assert holders["within_days"]["default"] == "365" and holders["on"]["required"]
    assert "YYYY-MM-DD" in holders["on"]["accepts"]


def test_who_chaired_under_filters_by_document_province_and_dates(client: httpx.Client) -> None:
    everything = _rows(client, "who_chaired_under")
    assert len(everything) == 7  # per (meeting, chair, legal basis); the undated training has no chair
    co_chaired = [r for r in everything if r["date"] == "2016-05-09"]
    assert {(r["chair_name"], r["notation"]) for r in co_chaired} == {
        ("Hoàng Văn Thái", "1501/QĐ-UBND"),
        ("Hoàng Văn Thái", "64/2007/NĐ-CP"),
        ("Nông Đức Mạnh", "1501/QĐ-UBND"),
        ("Nông Đức Mạnh", "64/2007/NĐ-CP"),
    }
    decree = _rows(client, "who_chaired_under", document="64/2007/NĐ-CP")
    assert sorted((r["date"], r["chair_name"]) for r in decree) == [
        ("2015-03-14", "Hoàng Văn Thái"),
        ("2016-05-09", "Hoàng Văn Thái"),
        ("2016-05-09", "Nông Đức Mạnh"),
    ]
    by_iri = _rows(client, "who_chaired_under", document=decree[0]["document"])
    assert by_iri == decree
    merged = _rows(client, "who_chaired_under", province="An Giang")  # today's An Giang: old An Giang + Kiên Giang
    assert sorted(r["province"].rsplit("/", 1)[-1] for r in merged) == ["VN-44", "VN-47"]
    assert [r["chair_name"] for r in _rows(client, "who_chaired_under", province="VN-44")] == ["Trần Thanh Đức"]
    window = _rows(client, "who_chaired_under", **{"from": "2016-01-01", "to": "2024-09-30"})
    assert sorted({r["date"] for r in window}) == ["2016-05-09", "2024-09-19"]
    assert window == sorted(window, key=lambda r: (r["meeting"], r["date"]))


def test_officials_posts_and_co_chairs(client: httpx.Client) -> None:
    officials = _rows(client, "officials_of_province", province="VN-09")
    assert [(r["name"], r["title"], r["last_reported"]) for r in officials] == [
        ("Hoàng Văn Thái", "Chủ tịch", "2016-05-10"),
        ("Hoàng Văn Thái", "Phó Chủ tịch", "2015-03-15"),
        ("Nông Đức Mạnh", "Giám đốc", "2016-05-10"),
    ]
    thai = _iri(client, "/persons", name="hoang van thai")
    posts = _rows(client, "posts_of_person", person=thai)
    assert [(r["title"], r["first_reported"], r["last_reported"]) for r in posts] == [
        ("Phó Chủ tịch", "2015-03-15", "2015-03-15"),
        ("Chủ tịch", "2016-05-10", "2016-05-10"),
    ]
    pairs = _rows(client, "co_chairs")
    assert [(r["name"], r["other_name"], r["meetings"]) for r in pairs] == [
        ("Hoàng Văn Thái", "Nông Đức Mạnh", 1),
        ("Nông Đức Mạnh", "Hoàng Văn Thái", 1),
    ]
    assert [r["other_name"] for r in _rows(client, "co_chairs", person=thai)] == ["Nông Đức Mạnh"]


def test_meetings_and_documents_and_indicators(client: httpx.Client) -> None:
    meetings = _rows(client, "meetings_under_document", document="64/2007/NĐ-CP")
    assert [(r["date"], r["chairs"]) for r in meetings] == [
        ("2015-03-14", "Hoàng Văn Thái"),
        ("2016-05-09", "Hoàng Văn Thái; Nông Đức Mạnh"),
    ]
    law = _rows(client, "meetings_under_document", document="80/2015/QH13")
    assert [(r["date"], r["chairs"]) for r in law] == [(None, None)]
    documents = _rows(client, "documents_cited_by_province", province="Lạng Sơn")
    assert [(r["notation"], r["type"], r["articles"]) for r in documents] == [
        ("1501/QĐ-UBND", "Decision", 1),
        ("64/2007/NĐ-CP", "Decree", 2),
    ]
    figures = _rows(client, "indicators_of_province", province="VN-09")
    assert [(r["label"], r["value"], r["unit"], r["date"]) for r in figures] == [
        ("tỷ lệ cơ quan có mạng LAN", 92.3, "%", "2016-05-10")
    ]


def test_post_holders_on_a_day(client: httpx.Client) -> None:
    committee = _iri(client, "/organizations", name="uy ban nhan dan tinh lang son")
    department = _iri(client, "/organizations", name="so thong tin")

    def holders(organization: str, **params: Any) -> list[tuple[str, str]]:
        rows = _rows(client, "post_holders_on", organization=organization, **params)
        return [(r["name"], r["title"]) for r in rows]

    # Reported within 365 days before the day.
    assert holders(committee, on="2015-06-01") == [("Hoàng Văn Thái", "Phó Chủ tịch")]
    assert holders(committee, on="2016-12-01") == [("Hoàng Văn Thái", "Chủ tịch")]
    assert holders(committee, on="2016-12-01", title="CHỦ TỊCH") == [("Hoàng Văn Thái", "Chủ tịch")]
    assert holders(committee, on="2016-12-01", title="Phó Chủ tịch") == []
    assert holders(committee, on="2016-12-01", within_days="30") == []
    # Reports on 2015-03-15 and 2016-05-10 bracket the day, even with a short window.
    assert holders(department, on="2015-12-01", within_days="30") == [("Nông Đức Mạnh", "Giám đốc")]
    assert holders(department, on="2014-01-01") == []


@pytest.mark.parametrize(
    ("name", "params", "parameter"),
    [
        ("who_chaired_under", {"from": "2015-13-01"}, "from"),
        ("who_chaired_under", {"province": "Atlantis"}, "province"),
        ("who_chaired_under", {"planet": "Mars"}, "planet"),
        ("posts_of_person", {"person": "not an iri"}, "person"),
        (
            "post_holders_on",
            {"organization": "https://w3id.org/govkg/id/org/x", "on": "2020-01-01", "within_days": "a"},
            "within_days",
        ),
        ("officials_of_province", {}, "query.province"),
    ],
)
def test_bad_parameters_are_422_saying_what_is_expected(
    client: httpx.Client, name: str, params: dict[str, str], parameter: str
) -> None:
    response = client.get(f"/queries/{name}", params=params)
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["errors"][0]["parameter"] == parameter
    assert problem["type"].endswith("/invalid-parameters")


def test_an_unknown_query_is_404_listing_the_names(client: httpx.Client) -> None:
    problem = client.get("/queries/who_is_who").json()
    assert problem["status"] == 404 and "who_chaired_under" in problem["detail"]


def test_parameters_are_bound_never_pasted() -> None:
    query = registry().get("who_chaired_under")
    hostile = '64/2007" } } ; DROP ALL ; SELECT * { "'
    bound = query.bind({"document": hostile})
    assert hostile.replace(" ", "") not in query.sparql
    assert str(bound["param_document"]).startswith('"64/2007\\"')
    assert bound["param_province"] == UNSET and "succeededBy" not in query.text(bound)
    with pytest.raises(ParameterError, match="required"):
        registry().get("posts_of_person").bind({})
    types = {p.type for q in registry() for p in q.parameters}
    assert types == set(ParamType)


@pytest.mark.parametrize(
    ("name", "given"),
    [
        ("who_chaired_under", {}),
        ("who_chaired_under", {"document": "64/2007/NĐ-CP"}),
        ("who_chaired_under", {"province": "VN-44-2025", "from": "2024-01-01"}),
        ("who_chaired_under", {"to": "2016-01-01"}),
        ("co_chairs", {}),
        ("co_chairs", {"person": THAI}),
        ("meetings_under_document", {"document": "64/2007/NĐ-CP"}),
        ("officials_of_province", {"province": "VN-44-2025"}),
        ("post_holders_on", {"organization": LANG_SON_COMMITTEE, "on": "2016-12-01"}),
        ("post_holders_on", {"organization": LANG_SON_COMMITTEE, "on": "2016-12-01", "title": "chủ tịch"}),
    ],
)
def test_the_whole_file_with_a_values_row_gives_the_registry_answer(
    store: OxigraphStore, name: str, given: dict[str, str]
) -> None:
    """The whole file stays a standard query: parameters bound by a VALUES row on top (unset ones to UNSET)
    give what the registry's trimmed, bound text gives."""
    write_articles(store, invented_articles())
    query = registry().get(name)
    bound = query.bind(given)
    variables = " ".join(f"?{variable}" for variable in bound)
    row = " ".join(str(term) for term in bound.values())
    head, where, body = query.sparql.partition("WHERE {")
    whole = f"{head}{where}\n  VALUES ({variables}) {{ ({row}) }}\n{body}"

    def answer(text: str) -> list[Any]:
        solutions = store.query(text)
        assert isinstance(solutions, ox.QuerySolutions)
        return [tuple(None if s[c] is None else str(s[c]) for c in query.columns) for s in solutions]

    trimmed = answer(bind_values(query.text(bound), bound))
    assert trimmed and answer(whole) == trimmed
