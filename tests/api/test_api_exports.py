"""``/export/{format}``, ``/analytics/…`` and the explorer's files, over the app (``govkg export``: tests/cli)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from fastapi.testclient import TestClient

from api.app import create_app
from graph.projection.filters import GraphFilter
from graph.projection.networkx_graph import project
from graph.store.embedded import OxigraphStore
from services.settings import Settings


@pytest.fixture
def client(co_chaired_store: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The app over that store (its lifespan opens the store and the query workers)."""
    settings = Settings(store=co_chaired_store, decisions_file=tmp_path / "decisions.yaml", query_workers=1)
    with TestClient(create_app(settings)) as http:
        yield http


def _live(client: TestClient) -> OxigraphStore:
    store: OxigraphStore = client.app.state.provider.store  # type: ignore[attr-defined]
    return store


def _person(store: OxigraphStore, name: str) -> str:
    graph = project(store)
    return next(str(n) for n, d in graph.nodes(data=True) if d.get("name") == name)


def test_export_streams_a_filtered_graphml_that_reads_back(client: TestClient) -> None:
    store = _live(client)
    thai = _person(store, "Hoàng Văn Thái")
    response = client.get("/export/graphml", params={"person": thai.rsplit("/", 1)[-1], "from": "2016-01-01"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/graphml+xml")
    assert 'filename="govkg.graphml"' in response.headers["content-disposition"]
    back = nx.read_graphml(io.BytesIO(response.content))
    expected = project(store, GraphFilter(person=thai, date_from=date(2016, 1, 1)))
    assert (back.number_of_nodes(), back.number_of_edges()) == (expected.number_of_nodes(), expected.number_of_edges())
    assert "Nông Đức Mạnh" in {d["label"] for _, d in back.nodes(data=True)}


def test_export_of_turtle_without_filters_is_the_whole_default_graph(client: TestClient) -> None:
    response = client.get("/export/turtle")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=response.content, format="turtle")
    rows = list(_live(client).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    assert len(graph) == int(rows[0]["n"].value)


def test_export_of_a_province_by_name_as_a_neo4j_zip(client: TestClient) -> None:
    response = client.get("/export/csv", params={"province": "Lạng Sơn"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/zip"
    assert response.content[:2] == b"PK"


@pytest.mark.parametrize(
    ("path", "params", "status"),
    [
        ("/export/gexf", {"province": "Atlantis"}, 404),
        ("/export/gexf", {"person": "nobody-0000000000"}, 404),
        ("/export/gexf", {"document": "1/2099/NĐ-CP"}, 404),
        ("/export/gexf", {"from": "2016-01-01", "to": "2015-01-01"}, 422),
        ("/export/gexf", {"hops": "9", "node": "https://w3id.org/govkg/id/province/VN-09"}, 422),
        ("/export/gexf", {"node": "https://w3id.org/govkg/id/x> } ?s ?p ?o {"}, 422),
        ("/export/dot", {}, 422),
    ],
)
def test_export_refuses_what_it_cannot_do_with_a_problem(
    client: TestClient, path: str, params: dict[str, str], status: int
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("application/problem+json")


def test_centrality_ranks_the_officials_of_the_co_chairing_network(client: TestClient) -> None:
    rows = client.get("/analytics/centrality", params={"network": "co-chair"}).json()
    assert {row["official"]["name"] for row in rows} == {"Hoàng Văn Thái", "Nông Đức Mạnh"}
    thai = next(row for row in rows if row["official"]["name"] == "Hoàng Văn Thái")
    assert (thai["colleagues"], thai["meetings"], thai["degree"]) == (1, 2, 1.0)
    assert (
        client.get("/analytics/centrality", params={"network": "co-chair", "to": "2015-12-31"}).json()[0]["colleagues"]
        == 0
    )  # in 2015 Thái chaired alone


def test_communities_and_paths_over_http(client: TestClient) -> None:
    groups = client.get("/analytics/communities", params={"network": "co-attendance"}).json()
    assert [sorted(m["name"] for m in g["members"]) for g in groups] == [["Hoàng Văn Thái", "Nông Đức Mạnh"]]
    assert groups[0]["meetings"] == 2
    store = _live(client)
    thai, manh = _person(store, "Hoàng Văn Thái"), _person(store, "Nông Đức Mạnh")
    steps = client.get("/analytics/path", params={"source": thai, "target": manh}).json()
    assert steps[0]["caption"] == "Hoàng Văn Thái"
    assert steps[-1]["caption"] == "Nông Đức Mạnh"
    assert len(steps) == 3
    missing = client.get("/analytics/path", params={"source": thai, "target": "nobody-0000000000"})
    assert missing.status_code == 404
    assert client.get("/analytics/communities", params={"person": "nobody-0000000000"}).status_code == 404


def test_the_explorer_page_and_its_files(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert 'id="search-form"' in page.text
    script = client.get("/static/js/main.js")
    assert script.status_code == 200
    assert "javascript" in script.headers["content-type"]
    assert client.get("/static/../settings.py").status_code == 404
    assert client.get("/static/%2e%2e/settings.py").status_code == 404
    examples = client.get("/explorer/examples").json()
    assert "SELECT" in next(e["sparql"] for e in examples if e["name"] == "posts_of_person")
    status = client.get("/explorer/status").json()
    assert status["colours"]["Person"].startswith("#")


def test_a_named_query_becomes_a_runnable_sparql_example(client: TestClient) -> None:
    store = _live(client)
    thai = _person(store, "Hoàng Văn Thái")
    example = client.get("/explorer/examples/posts_of_person", params={"person": thai}).json()
    assert f"VALUES (?param_person) {{ (<{thai}>) }}" in example["sparql"]
    rows = list(store.query(example["sparql"]))  # type: ignore[arg-type]
    assert sorted(row["title"].value for row in rows) == ["Chủ tịch", "Phó Chủ tịch"]
    unset = client.get("/explorer/examples/who_chaired_under").json()["sparql"]
    assert len(list(store.query(unset))) == 3  # type: ignore[arg-type]  # every (meeting, chair, basis)
    assert client.get("/explorer/examples/posts_of_person", params={"nobody": "x"}).status_code == 422
    assert client.get("/explorer/examples/no_such_query").status_code == 404
