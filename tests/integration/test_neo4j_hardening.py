"""The Neo4j that ``scripts/neo4j-server`` starts is hardened, whoever connects to it and however.

Checked with the plain neo4j driver in ordinary sessions (not through govkg's read-only guard): ``LOAD CSV``
reads no file and fetches no URL, procedures off the allow-list are gone while the ones govkg and Neo4j
Browser use still answer, and the HTTP connector serves Neo4j Browser and nothing else.

The module starts a server of its own through the script (its own run and data folders, free Bolt and HTTP
ports), so that it tests what the script configures and can reach the HTTP connector. Skipped without java
and mvn (or when the server cannot be started), failed instead under ``GOVKG_REQUIRE_NEO4J=1`` (CI). Imports
no project package.
"""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
from neo4j.exceptions import Neo4jError

pytestmark = [pytest.mark.slow, pytest.mark.neo4j]

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "scripts" / "neo4j-server"
PASSWORD = "govkg-hardening-test"
REQUIRED = os.environ.get("GOVKG_REQUIRE_NEO4J") == "1"


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"GOVKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    root: Path
    bolt_port: int
    http_port: int

    def script(self, command: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "GOVKG_NEO4J_RUN_DIR": str(self.root / "run"),
            "GOVKG_NEO4J_DATA": str(self.root / "data"),
            "GOVKG_NEO4J_BOLT_PORT": str(self.bolt_port),
            "GOVKG_NEO4J_HTTP_PORT": str(self.http_port),
            "GOVKG_NEO4J_HEAP": "512m",
            "NEO4J_PASSWORD": PASSWORD,
        }
        return subprocess.run([str(SCRIPT), command], env=env, capture_output=True, text=True, timeout=900, check=False)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    if not (shutil.which("java") and shutil.which("mvn")):
        _unavailable("java and mvn are needed to install and run Neo4j (scripts/neo4j-server)")
    started = Server(tmp_path_factory.mktemp("neo4j-hardened"), _free_port(), _free_port())
    done = started.script("start")
    if done.returncode != 0:
        _unavailable(f"scripts/neo4j-server start failed: {done.stderr[-2000:]}")
    try:
        yield started
    finally:
        started.script("stop")


@pytest.fixture(scope="module")
def driver(server: Server) -> Iterator[neo4j.Driver]:
    with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{server.bolt_port}", auth=("neo4j", PASSWORD)) as opened:
        opened.verify_connectivity()
        yield opened


def run(driver: neo4j.Driver, query: str) -> list[dict[str, Any]]:
    """Run ``query`` in an ordinary (write) session, as any client with the password could."""
    with driver.session(database="neo4j") as session:
        return session.run(query).data()


class _Recorder(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []  # noqa: RUF012 - shared on purpose: the class is the server's handler

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        body = b"name,value\nsecret,42\n"
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def csv_server() -> Iterator[tuple[int, list[str]]]:
    """A small CSV file served on 127.0.0.1, and the paths it was asked for."""
    _Recorder.requests = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1], _Recorder.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_load_csv_reads_no_file(driver: neo4j.Driver) -> None:
    with pytest.raises(Neo4jError) as refused:
        run(driver, "LOAD CSV FROM 'file:///etc/hostname' AS row RETURN row")
    assert "allow_csv_import_from_file_urls" in str(refused.value)


def test_load_csv_fetches_no_url(driver: neo4j.Driver, csv_server: tuple[int, list[str]]) -> None:
    port, requests = csv_server
    assert httpx.get(f"http://127.0.0.1:{port}/check.csv").status_code == 200  # the file is there
    requests.clear()
    for host in ("127.0.0.1", "localhost"):
        with pytest.raises(Neo4jError) as refused:
            run(driver, f"LOAD CSV FROM 'http://{host}:{port}/x.csv' AS row RETURN row")
        assert "blocked" in str(refused.value)
    assert requests == []  # Neo4j never asked


@pytest.mark.parametrize("call", ["CALL dbms.listConfig()", "CALL db.createLabel('X')", "CALL db.info()"])
def test_procedures_off_the_allow_list_are_refused(driver: neo4j.Driver, call: str) -> None:
    with pytest.raises(Neo4jError) as refused:
        run(driver, call)
    assert refused.value.code == "Neo.ClientError.Procedure.ProcedureNotFound"


def test_the_procedures_govkg_and_browser_use_answer(driver: neo4j.Driver) -> None:
    run(driver, "CREATE (:HardeningProbe {iri: 'x'})")
    try:
        assert {"label": "HardeningProbe"} in run(driver, "CALL db.labels()")
        assert run(driver, "CALL db.awaitIndexes(60)") == []
        components = run(driver, "CALL dbms.components() YIELD name, edition RETURN name, edition")
        assert components == [{"name": "Neo4j Kernel", "edition": "community"}]
        for call in ("CALL db.relationshipTypes()", "CALL db.propertyKeys()", "CALL db.schema.visualization()"):
            run(driver, call)
    finally:
        run(driver, "MATCH (n:HardeningProbe) DELETE n")
    allowed = {row["name"] for row in run(driver, "SHOW PROCEDURES YIELD name RETURN name")}
    assert "dbms.listConfig" not in allowed
    assert {"db.labels", "db.awaitIndexes", "dbms.components"} <= allowed


def test_http_serves_neo4j_browser_and_nothing_else(server: Server) -> None:
    base = f"http://127.0.0.1:{server.http_port}"
    page = httpx.get(f"{base}/browser/", timeout=30)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "Neo4j Browser" in page.text
    # The discovery document sends Browser to this server's Bolt port on loopback.
    assert httpx.get(f"{base}/", timeout=30).json()["bolt_direct"] == f"bolt://127.0.0.1:{server.bolt_port}"
    # No Cypher over HTTP: neither the transactional endpoint nor the Query API.
    auth = ("neo4j", PASSWORD)
    statement = {"statements": [{"statement": "RETURN 1"}]}
    assert httpx.post(f"{base}/db/neo4j/tx/commit", json=statement, auth=auth, timeout=30).status_code == 404
    assert httpx.post(f"{base}/db/neo4j/query/v2", json={"statement": "RETURN 1"}, auth=auth).status_code == 404


def test_status_names_the_browser_url(server: Server) -> None:
    status = server.script("status")
    assert status.returncode == 0
    assert f"http://127.0.0.1:{server.http_port}/browser/" in status.stdout
