"""A real Apache Jena Fuseki (TDB2), started by ``scripts/fuseki-server`` with a port and folders of its own.

What govkg relies on when it points ``GOVKG_SPARQL_ENDPOINT`` / ``GOVKG_SPARQL_UPDATE_ENDPOINT`` at it: named
graphs written by SPARQL Update and read back, a default graph of its own (not the union of the named ones),
one transaction per update request, a server-side query timeout, data kept on disk across a restart, and no
``SERVICE`` calls to other servers.

Skipped without java and mvn (or when the server cannot be started), failed instead under
``GOVKG_REQUIRE_FUSEKI=1`` (CI). Talks HTTP only (httpx): no project package is imported.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "fuseki-server"
REQUIRED = os.environ.get("GOVKG_REQUIRE_FUSEKI") == "1"
QUERY_TIMEOUT_SECONDS = 1
EX = "http://example.org/govkg-test/"


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"GOVKG_REQUIRE_FUSEKI=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Fuseki:
    """A Fuseki server of this module's own, run by scripts/fuseki-server."""

    root: Path
    port: int

    @property
    def dataset(self) -> str:
        return f"http://127.0.0.1:{self.port}/govkg"

    def script(self, command: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "GOVKG_FUSEKI_PORT": str(self.port),
            "GOVKG_FUSEKI_RUN_DIR": str(self.root / "run"),
            "GOVKG_FUSEKI_DATA": str(self.root / "tdb2"),
            "GOVKG_FUSEKI_HEAP": "512m",
            "GOVKG_FUSEKI_QUERY_TIMEOUT": str(QUERY_TIMEOUT_SECONDS),
        }
        return subprocess.run([str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=900, check=False)

    def update(self, client: httpx.Client, text: str) -> httpx.Response:
        return client.post(f"{self.dataset}/update", data={"update": text})

    def query(self, client: httpx.Client, text: str) -> httpx.Response:
        return client.post(
            f"{self.dataset}/query", data={"query": text}, headers={"Accept": "application/sparql-results+json"}
        )

    def ask(self, client: httpx.Client, text: str) -> bool:
        response = self.query(client, text)
        assert response.status_code == 200, response.text
        return bool(response.json()["boolean"])


@pytest.fixture(scope="module")
def fuseki(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuseki]:
    if not (shutil.which("java") and shutil.which("mvn")):
        _unavailable("java and mvn are needed to install and run Fuseki (scripts/fuseki-server)")
    server = Fuseki(tmp_path_factory.mktemp("fuseki"), _free_port())
    started = server.script("start")
    if started.returncode != 0:
        _unavailable(f"scripts/fuseki-server start failed: {started.stderr[-2000:]}")
    try:
        yield server
    finally:
        server.script("stop")


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=60) as http:
        yield http


def test_a_named_graph_loaded_by_update_is_queried_back(fuseki: Fuseki, client: httpx.Client) -> None:
    done = fuseki.update(
        client,
        f"""PREFIX ex: <{EX}>
        INSERT DATA {{ GRAPH ex:article-1 {{
            ex:meeting ex:chairedBy ex:person . ex:person ex:name "Nguyễn Văn A" }} }}""",
    )
    assert done.status_code in (200, 204), done.text
    rows = fuseki.query(client, f"PREFIX ex: <{EX}> SELECT ?g ?name WHERE {{ GRAPH ?g {{ ex:person ex:name ?name }} }}")
    assert rows.status_code == 200, rows.text
    bindings = rows.json()["results"]["bindings"]
    assert [(b["g"]["value"], b["name"]["value"]) for b in bindings] == [(f"{EX}article-1", "Nguyễn Văn A")]
    # The graph store protocol endpoint serves the same graph.
    graph = client.get(f"{fuseki.dataset}/data", params={"graph": f"{EX}article-1"}, headers={"Accept": "text/turtle"})
    assert graph.status_code == 200
    assert "Nguyễn Văn A" in graph.text


def test_the_default_graph_is_not_the_union_of_the_named_graphs(fuseki: Fuseki, client: httpx.Client) -> None:
    fuseki.update(client, f"PREFIX ex: <{EX}> INSERT DATA {{ GRAPH ex:article-2 {{ ex:x ex:p ex:y }} }}")
    assert not fuseki.ask(client, f"PREFIX ex: <{EX}> ASK {{ ex:x ex:p ex:y }}")
    fuseki.update(client, f"PREFIX ex: <{EX}> INSERT DATA {{ ex:x ex:p ex:y }}")  # govkg's merged view
    assert fuseki.ask(client, f"PREFIX ex: <{EX}> ASK {{ ex:x ex:p ex:y }}")


def test_an_update_request_is_one_transaction(fuseki: Fuseki, client: httpx.Client) -> None:
    # The second operation fails (no such graph), so the first one's insert must not stay either.
    failed = fuseki.update(
        client,
        f"""PREFIX ex: <{EX}>
        INSERT DATA {{ GRAPH ex:article-3 {{ ex:s ex:p ex:o }} }} ;
        ADD ex:no-such-graph TO ex:article-4""",
    )
    assert failed.status_code >= 400
    assert not fuseki.ask(client, f"PREFIX ex: <{EX}> ASK {{ GRAPH ex:article-3 {{ ?s ?p ?o }} }}")


def test_a_query_over_the_timeout_is_stopped_by_the_server(fuseki: Fuseki, client: httpx.Client) -> None:
    triples = " ".join(f"ex:s{i} ex:p {i} ." for i in range(200))
    fuseki.update(client, f"PREFIX ex: <{EX}> INSERT DATA {{ GRAPH ex:big {{ {triples} }} }}")
    # 200^5 rows to count: hours of work, stopped by the server's arq:queryTimeout.
    started = time.monotonic()
    response = fuseki.query(
        client,
        f"""PREFIX ex: <{EX}> SELECT (COUNT(*) AS ?n)
        WHERE {{ GRAPH ex:big {{ ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h . ?i ?t ?j }} }}""",
    )
    elapsed = time.monotonic() - started
    assert response.status_code == 503, response.text
    assert "timed out" in response.text.lower()
    assert elapsed < QUERY_TIMEOUT_SECONDS + 30


def test_service_calls_to_other_servers_are_refused(fuseki: Fuseki, client: httpx.Client) -> None:
    response = fuseki.query(client, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }")
    assert response.status_code >= 400
    assert "SERVICE" in response.text


def test_the_data_is_on_disk_and_survives_a_restart(fuseki: Fuseki, client: httpx.Client) -> None:
    fuseki.update(client, f"PREFIX ex: <{EX}> INSERT DATA {{ GRAPH ex:article-5 {{ ex:kept ex:p 1 }} }}")
    restarted = fuseki.script("restart")
    assert restarted.returncode == 0, restarted.stderr[-2000:]
    assert (fuseki.root / "tdb2").is_dir()
    assert fuseki.ask(client, f"PREFIX ex: <{EX}> ASK {{ GRAPH ex:article-5 {{ ex:kept ex:p 1 }} }}")
    status = fuseki.script("status")
    assert status.returncode == 0
    assert f"http://127.0.0.1:{fuseki.port}/govkg/query" in status.stdout
