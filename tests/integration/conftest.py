"""Neo4j fixtures: the shared test server, a second server of a test's own, and stores to project.

The shared server is the one ``scripts/test`` starts (``NEO4J_URI``, default
bolt://127.0.0.1:7687). Tests that need it are skipped when it cannot be
reached — unless ``GOVKG_REQUIRE_NEO4J=1`` (CI), which fails them instead. A
file lock keeps two test sessions from using the same server at once.

Tests that stop or restart Neo4j use :func:`second_neo4j`: a server of their
own, started through ``scripts/neo4j-server`` with its own run directory, data
directory and a free port, so the shared server is never disturbed.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import pytest

from graph.neo4j.connection import Neo4jConnection, Neo4jUnavailable, connect
from graph.neo4j.writer import Neo4jWriter
from graph.store.embedded import OxigraphStore
from tests.factories.network import free_port
from tests.factories.synthetic import build_synthetic_store

REPO = Path(__file__).resolve().parents[2]
NEO4J_SCRIPT = REPO / "scripts" / "neo4j-server"
PASSWORD = os.environ.get("NEO4J_PASSWORD", "govkg-test-password")
REQUIRED = os.environ.get("GOVKG_REQUIRE_NEO4J") == "1"
LOCK_WAIT_SECONDS = 240


def _unavailable(reason: str) -> None:
    """Skip the test, or fail it when Neo4j is required (CI)."""
    if REQUIRED:
        pytest.fail(f"GOVKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def open_connection(uri: str, *, retry_seconds: float = 5.0) -> Neo4jConnection:
    """A connection to the ``neo4j`` database at ``uri`` with the test password."""
    return connect(
        uri,
        os.environ.get("NEO4J_USER", "neo4j"),
        PASSWORD,
        os.environ.get("NEO4J_DATABASE", "neo4j"),
        retry_seconds=retry_seconds,
    )


def _lock(uri: str) -> IO[str]:
    name = re.sub(r"[^A-Za-z0-9]+", "-", uri)
    path = Path(tempfile.gettempdir()) / f"govkg-neo4j-tests-{name}.lock"
    handle = path.open("w")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                _unavailable(f"another test session has been using the Neo4j server at {uri} for too long")
            time.sleep(1)


@pytest.fixture(scope="session")
def neo4j() -> Iterator[Neo4jConnection]:
    """The shared test server (skipped, or failed under GOVKG_REQUIRE_NEO4J=1, when unreachable)."""
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    connection = open_connection(uri)
    try:
        connection.verify()
    except Neo4jUnavailable as exc:
        connection.close()
        _unavailable(f"no Neo4j server for the tests ({exc}); start one with scripts/neo4j-server start")
    lock = _lock(uri)
    try:
        yield connection
    finally:
        connection.close()
        lock.close()


@pytest.fixture
def neo4j_writer(neo4j: Neo4jConnection) -> Neo4jWriter:
    """A writer to the shared server, with everything the projection owns cleared first."""
    writer = Neo4jWriter(neo4j.driver, neo4j.database, batch_size=200)
    writer.clear()
    return writer


@dataclass
class Neo4jServer:
    """A Neo4j server of a test's own, run by scripts/neo4j-server with its own directories and port."""

    root: Path
    port: int = field(default_factory=free_port)

    @property
    def uri(self) -> str:
        """Its Bolt URI."""
        return f"bolt://127.0.0.1:{self.port}"

    def _script(self, command: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "GOVKG_NEO4J_RUN_DIR": str(self.root / "run"),
            "GOVKG_NEO4J_DATA": str(self.root / "data"),
            "GOVKG_NEO4J_BOLT_PORT": str(self.port),
            "GOVKG_NEO4J_HEAP": "512m",
            "NEO4J_PASSWORD": PASSWORD,
        }
        return subprocess.run(
            [str(NEO4J_SCRIPT), command], env=env, capture_output=True, text=True, timeout=300, check=False
        )

    def start(self) -> None:
        """Start it (and wait until it accepts Bolt connections)."""
        done = self._script("start")
        if done.returncode != 0:
            raise RuntimeError(f"scripts/neo4j-server start failed: {done.stderr[-2000:]}")

    def stop(self) -> None:
        """Stop it (and wait until it has exited)."""
        self._script("stop")

    def kill(self) -> None:
        """Kill it at once (SIGKILL), as a crash would; :meth:`start` brings it back on the same data."""
        pid = int((self.root / "run" / "neo4j.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
            time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


@pytest.fixture(scope="module")
def second_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A second Neo4j server for tests that stop and restart it; stopped at the end of the module."""
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j-second"))
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"cannot start a second Neo4j server: {exc}")
    try:
        yield server
    finally:
        server.stop()


# -- stores to project ------------------------------------------------------------


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """A store of 300 synthetic articles with shared officials and meetings (read-only for tests; see
    ``tests.factories.synthetic``)."""
    return build_synthetic_store(tmp_path_factory.mktemp("synthetic") / "store", 300)


# -- what the projection should hold, counted straight from the RDF store ------------------

_P = (
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#> "
    "PREFIX govkg: <https://w3id.org/govkg/def#> PREFIX eli: <http://data.europa.eu/eli/ontology#> "
    "PREFIX schema: <https://schema.org/> PREFIX qb: <http://purl.org/linked-data/cube#> "
)
_LABELS = {
    "Person": "foaf:Person",
    "Organization": "org:Organization",
    "Province": "govkg:Province",
    "LegalDocument": "eli:LegalResource",
    "Meeting": "govkg:Meeting",
    "Article": "schema:NewsArticle",
    "Observation": "qb:Observation",
}
_KIND_LABELS = {
    "Organization": (
        *("PeoplesCommittee", "PeoplesCouncil", "Department", "Ministry", "Government"),
        *("PartyCommittee", "SteeringCommittee", "Agency", "StateEnterprise", "Association"),
    ),
    "LegalDocument": (
        *("Law", "Ordinance", "Decree", "Decision", "Directive", "Resolution"),
        *("Circular", "Plan", "OfficialLetter", "Submission", "Announcement"),
    ),
}
# (relationship type, start label, end label, pattern binding ?start and ?end)
_RELATIONSHIPS = (
    (":HOLDS_POST", "Person", "Organization", "?m org:member ?start ; org:organization ?end . BIND(?m AS ?key)"),
    (":CHAIRED", "Person", "Meeting", "?end govkg:chairedBy ?start"),
    (":ATTENDED", "Person", "Meeting", "?end govkg:attendedBy ?start"),
    (":ORGANIZED", "Organization", "Meeting", "?end govkg:organizedBy ?start"),
    (":UNDER", "Meeting", "LegalDocument", "?start govkg:underLegalBasis ?end"),
    (":HELD_IN", "Meeting", "Province", "?start govkg:heldIn ?end"),
    (":ISSUED_BY", "LegalDocument", "Organization", "?start eli:passed_by ?end"),
    (":LOCATED_IN", ("Person", "Organization"), "Province", "?start govkg:province ?end"),
    (":ABOUT", ("Article", "Observation"), "Province", "?start govkg:province ?end"),
    (":MENTIONED_IN", ("Person", "Organization", "LegalDocument", "Meeting"), "Article", "?end schema:mentions ?start"),
    (":REPORTED_IN", ("Meeting", "Observation"), "Article", "?start govkg:reportedIn ?end"),
    (":SUCCEEDED_BY", "Province", "Province", "?start govkg:succeededBy ?end"),
)


def _count(store: OxigraphStore, where: str, distinct: str) -> int:
    rows = store.query(f"{_P} SELECT (COUNT(DISTINCT {distinct}) AS ?n) WHERE {{ {where} }}")
    return int(next(iter(rows))["n"].value)  # type: ignore[arg-type]


def expected_counts(store: OxigraphStore) -> dict[str, int]:
    """Nodes per label and relationships per type the projection of ``store`` must have (zeros left out)."""
    counts: dict[str, int] = {}
    for label, rdf_class in _LABELS.items():
        counts[label] = _count(store, f"?s a {rdf_class}", "?s")
        for kind in _KIND_LABELS.get(label, ()):
            counts[kind] = _count(store, f"?s a {rdf_class}, govkg:{kind}", "?s")
    for name, starts, end, pattern in _RELATIONSHIPS:
        start_labels = (starts,) if isinstance(starts, str) else starts
        typed = " UNION ".join(f"{{ ?start a {_LABELS[label]} }}" for label in start_labels)
        key = "?key" if "?key" in pattern else 'CONCAT(STR(?start), " ", STR(?end))'
        counts[name] = _count(store, f"{pattern} . {typed} ?end a {_LABELS[end]} .", key)
    return {name: count for name, count in counts.items() if count}


def projected_counts(writer: Neo4jWriter) -> dict[str, int]:
    """Nodes per label and relationships per type in Neo4j (zeros left out)."""
    return {name: count for name, count in writer.counts().items() if count}


# -- an Oxigraph server (the remote-endpoint store's test fixture) ------------------


def _oxigraph_binary() -> str | None:
    beside_python = Path(sys.executable).parent / "oxigraph"
    return str(beside_python) if beside_python.exists() else shutil.which("oxigraph")


@pytest.fixture
def oxigraph_server(tmp_path: Path) -> Iterator[str]:
    """The base URL of an Oxigraph server of the test's own (``/query``, ``/update``), stopped afterwards."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server (PyPI package 'oxigraph') is not installed")
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                httpx.get(f"{base}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(10)
