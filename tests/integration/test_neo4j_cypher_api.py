"""``POST /cypher`` against a real Neo4j: answers, refusals, limits, and a missing server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.neo4j.connection import Neo4jConnection
from graph.neo4j.reader import CypherFailed, run_in_read_transaction
from graph.neo4j.sync import ProjectionSync
from graph.neo4j.writer import Neo4jWriter
from graph.store.embedded import OxigraphStore
from loaders.record import Extraction
from services.settings import Settings
from tests.factories.network import free_port
from tests.factories.stores import write_extraction

pytestmark = pytest.mark.neo4j

PROBLEMS = "https://w3id.org/govkg/problems/"


def _client(tmp_path: Path, **settings: Any) -> Iterator[TestClient]:
    app = create_app(Settings(store=tmp_path / "api-store", neo4j_connect_timeout=1, **settings))
    with TestClient(app) as client:
        yield client


@pytest.fixture
def client(tmp_path: Path, neo4j: Neo4jConnection) -> Iterator[TestClient]:
    """The API pointed at the shared Neo4j server, with a row cap of 5 and a 2 s time limit."""
    yield from _client(tmp_path, neo4j_uri=neo4j.uri, max_rows=5, query_timeout=2)


@pytest.fixture
def projected(store: OxigraphStore, neo4j_writer: Neo4jWriter, invented_extraction: Extraction) -> str:
    """The invented article, projected; returns its IRI."""
    article = write_extraction(store, invented_extraction)
    ProjectionSync(store, neo4j_writer).run()
    return article


def _problem(response: Any, status: int, kind: str) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert (body["type"], body["status"]) == (PROBLEMS + kind, status)
    return str(body["detail"])


def test_a_query_answers_columns_and_typed_rows(client: TestClient, projected: str) -> None:
    response = client.post(
        "/cypher",
        json={
            "query": "MATCH (p:Person)-[c:CHAIRED]->(m:Meeting)-[:MENTIONED_IN]->(a:Article {iri: $article}) "
            "RETURN p, m.date AS date, c.articles AS articles, size(c.sentences) AS sentences",
            "parameters": {"article": projected},
        },
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["columns"] == ["p", "date", "articles", "sentences"]
    [row] = body["rows"]
    assert row["date"] == "2015-03-14"
    assert row["articles"] == [projected] and row["sentences"] == 1
    assert row["p"]["labels"] == ["Person"]
    assert row["p"]["properties"]["name"] == "Hoàng Văn Thái"


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n:Person) DETACH DELETE n",
        "MATCH (n:Person) SET n.name = 'x'",
        "MERGE (n:Person {iri: 'x'}) RETURN n",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
        "CALL apoc.load.json('http://169.254.169.254/') YIELD value RETURN value",
        "CALL dbms.security.listUsers()",
        "MATCH (n) CALL { WITH n DELETE n } IN TRANSACTIONS RETURN 1",
        "USE system SHOW USERS",
    ],
)
def test_writes_and_side_doors_are_refused_before_reaching_neo4j(
    client: TestClient, projected: str, neo4j_writer: Neo4jWriter, query: str
) -> None:
    before = neo4j_writer.counts()
    detail = _problem(client.post("/cypher", json={"query": query}), 400, "cypher-refused")
    assert "not allowed" in detail or "read" in detail
    assert neo4j_writer.counts() == before


def test_the_server_itself_refuses_writes_in_the_read_transaction(neo4j: Neo4jConnection) -> None:
    with pytest.raises(CypherFailed, match=r"(?i)writ"):
        run_in_read_transaction(neo4j, "CREATE (:GovkgProbe) RETURN 1", timeout=5, max_rows=10)
    probe = run_in_read_transaction(neo4j, "MATCH (n:GovkgProbe) RETURN count(n) AS n", timeout=5, max_rows=10)
    assert probe.rows == [[0]]


def test_more_rows_than_the_cap_are_refused_not_cut(client: TestClient) -> None:
    assert client.post("/cypher", json={"query": "UNWIND range(1, 5) AS x RETURN x"}).json()["rows"][-1] == {"x": 5}
    detail = _problem(client.post("/cypher", json={"query": "UNWIND range(1, 6) AS x RETURN x"}), 422, "too-many-rows")
    assert "more than 5 rows" in detail


def test_a_query_past_the_time_limit_is_stopped_by_the_server(client: TestClient) -> None:
    slow = "UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS n"
    _problem(client.post("/cypher", json={"query": slow}), 504, "query-timeout")
    assert client.post("/cypher", json={"query": "RETURN 1 AS one"}).json()["rows"] == [{"one": 1}]


def test_a_query_neo4j_rejects_is_a_clear_400(client: TestClient) -> None:
    assert "missing" in _problem(client.post("/cypher", json={"query": "RETURN $missing"}), 400, "cypher-failed")
    _problem(client.post("/cypher", json={"query": "MATC (n) RETURN n"}), 400, "cypher-failed")


def test_without_neo4j_cypher_is_503_and_the_rest_of_the_api_serves(tmp_path: Path) -> None:
    for uri in (None, f"bolt://127.0.0.1:{free_port()}"):
        for client in _client(tmp_path, neo4j_uri=uri):
            detail = _problem(client.post("/cypher", json={"query": "RETURN 1"}), 503, "neo4j-unavailable")
            assert ("NEO4J_URI" in detail) if uri is None else ("unavailable" in detail)
            assert client.get("/health").status_code == 200
