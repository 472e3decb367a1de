"""``/export/{format}``, ``/analytics/…``, the explorer's files, and ``govkg export`` / ``govkg analytics``."""

from __future__ import annotations

import csv
import gc
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from api.app import create_app
from cli.main import app as cli
from graph.projection.filters import GraphFilter
from graph.projection.networkx_graph import project
from graph.store.base import ntriples
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from loaders.article import Article
from loaders.rdf_mapping import article_graph
from loaders.record import Evidence, Extraction, Meeting, Person, Post, Reference
from ontology.gazetteer import resolve_province
from ontology.identity import mint_article_iri
from services import settings as settings_module
from services.settings import Settings

CO_CHAIRED = (
    "Ngày 9/5/2016, Chủ tịch UBND tỉnh Hoàng Văn Thái và Giám đốc Sở Nông Đức Mạnh "
    "đồng chủ trì cuộc họp về chuyển đổi số."
)


def _co_chaired() -> Extraction:
    """A 2016 Lạng Sơn meeting the two officials of the invented article chaired together."""
    text, unit = CO_CHAIRED, resolve_province("Lạng Sơn")

    def span(fragment: str) -> Evidence:
        return Evidence.of_fragment(text, fragment, "test.hand_made")

    thai, manh = span("Chủ tịch UBND tỉnh Hoàng Văn Thái"), span("Giám đốc Sở Nông Đức Mạnh")
    return Extraction(
        article=Article(key="co-chaired-2016.txt", file="co-chaired-2016.txt", text=text, published=date(2016, 5, 10)),
        province=unit,
        persons=[
            Person("Hoàng Văn Thái", thai, [Post("Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn", thai)], unit),
            Person("Nông Đức Mạnh", manh, [Post("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", manh)], unit),
        ],
        meetings=[
            Meeting(
                kind="cuộc họp",
                kind_class="CommitteeMeeting",
                evidence=span("đồng chủ trì cuộc họp"),
                date=date(2016, 5, 9),
                province=unit,
                chairs=[Reference("Hoàng Văn Thái", thai), Reference("Nông Đức Mạnh", manh)],
            )
        ],
    )


@pytest.fixture
def store_path(tmp_path: Path, invented_extraction: Extraction) -> Path:
    """A closed store on disk holding the invented article and the co-chaired meeting."""
    path = tmp_path / "store"
    store = OxigraphStore(path)
    ensure_reference(store)
    for extraction in (invented_extraction, _co_chaired()):
        store.replace_article(mint_article_iri(extraction.article.key), ntriples(article_graph(extraction)))
    store.flush()
    del store
    gc.collect()  # releases the RocksDB lock
    return path


@pytest.fixture
def client(store_path: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The app over that store (its lifespan opens the store and the query workers)."""
    settings = Settings(store=store_path, decisions_file=tmp_path / "decisions.yaml", query_workers=1)
    with TestClient(create_app(settings)) as http:
        yield http


def _live(client: TestClient) -> OxigraphStore:
    store: OxigraphStore = client.app.state.provider.store  # type: ignore[attr-defined]
    return store


def _person(store: OxigraphStore, name: str) -> str:
    graph = project(store)
    return next(str(n) for n, d in graph.nodes(data=True) if d.get("name") == name)


# -- HTTP -------------------------------------------------------------------------------


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


# -- command line ---------------------------------------------------------------------


@pytest.fixture
def configured(store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The command line pointed at the store (settings read afresh)."""
    monkeypatch.setenv("GOVKG_STORE", str(store_path))
    monkeypatch.setenv("GOVKG_DECISIONS_FILE", str(tmp_path / "decisions.yaml"))
    settings_module.get_settings.cache_clear()
    yield store_path
    settings_module.get_settings.cache_clear()


def test_cli_exports_gexf_to_a_file(configured: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "lang-son.gexf"
    result = CliRunner().invoke(cli, ["export", "--format", "gexf", "--province", "VN-09", "--out", str(out)])
    assert result.exit_code == 0, result.output
    back = nx.read_gexf(out)
    assert "Hoàng Văn Thái" in {d["label"] for _, d in back.nodes(data=True)}


def test_cli_exports_neo4j_csv_to_a_folder(configured: Path, tmp_path: Path) -> None:
    out = tmp_path / "neo4j"
    result = CliRunner().invoke(cli, ["export", "--format", "csv", "--from", "2016-01-01", "--out", str(out)])
    assert result.exit_code == 0, result.output
    with (out / "nodes_Meeting.csv").open(encoding="utf-8") as handle:
        meetings = list(csv.DictReader(handle))
    assert [row["date:date"] for row in meetings] == ["2016-05-09"]


def test_cli_refuses_an_unknown_province(configured: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["export", "--format", "turtle", "--province", "Atlantis", "--out", str(tmp_path / "x.ttl")]
    )
    assert result.exit_code == 1
    assert not (tmp_path / "x.ttl").exists()


def test_cli_analytics_as_json(configured: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["analytics", "centrality", "--network", "co-attendance", "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {row["official"]["name"] for row in rows} == {"Hoàng Văn Thái", "Nông Đức Mạnh"}
    groups = json.loads(runner.invoke(cli, ["analytics", "communities", "--json"]).stdout)
    assert len(groups) == 1
