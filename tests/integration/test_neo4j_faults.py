"""Neo4j going away: a sync that stops part-way resumes, and ``/cypher`` recovers after a restart.

Every test here stops or kills a Neo4j server, so they use a second server of their
own (``second_neo4j``), never the shared one.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph.neo4j import cypher
from graph.neo4j.connection import Neo4jConnection
from graph.neo4j.sync import Neo4jSyncError, ProjectionSync
from graph.neo4j.writer import Neo4jWriter
from graph.store.embedded import OxigraphStore
from services.settings import Settings
from tests.factories.synthetic import build_synthetic_store
from tests.integration.conftest import PASSWORD, Neo4jServer, expected_counts, open_connection, projected_counts

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


@pytest.fixture
def connection(second_neo4j: Neo4jServer) -> Iterator[Neo4jConnection]:
    """A connection to the second server (retrying for 2 s at most), with the projection cleared."""
    second_neo4j.start()  # a no-op when it is running
    opened = open_connection(second_neo4j.uri, retry_seconds=2)
    Neo4jWriter(opened.driver, opened.database).clear()
    yield opened
    opened.close()


class _StopAfter:
    """Stops the server once ``chunks`` chunks of articles are synced."""

    def __init__(self, server: Neo4jServer, chunks: int) -> None:
        self.server, self.chunks, self.current = server, chunks, ""

    def phase(self, description: str, total: int) -> None:
        self.current = description

    def advance(self, steps: int) -> None:
        if self.current == "syncing articles":
            self.chunks -= 1
            if self.chunks == 0:
                self.server.stop()


def test_a_sync_cut_off_by_neo4j_stopping_fails_clearly_and_the_next_run_resumes(
    tmp_path: Path, second_neo4j: Neo4jServer, connection: Neo4jConnection
) -> None:
    store = build_synthetic_store(tmp_path / "store", 120)
    writer = Neo4jWriter(connection.driver, connection.database, batch_size=100)
    with pytest.raises(Neo4jSyncError, match=r"stopped after 40 article.*run the sync again to resume"):
        ProjectionSync(store, writer, chunk_size=20, observer=_StopAfter(second_neo4j, 2)).run(full=True)

    second_neo4j.start()
    report = ProjectionSync(store, writer, chunk_size=20).run()
    assert (report.full, report.added, report.unchanged) == (False, 80, 40), report
    assert projected_counts(writer) == expected_counts(store)


def _cli(store: Path, server: Neo4jServer, *arguments: str) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "GOVKG_STORE": str(store),
        "NEO4J_URI": server.uri,
        "NEO4J_PASSWORD": PASSWORD,
        "GOVKG_NEO4J_SYNC_CHUNK": "5",
        "GOVKG_NEO4J_CONNECT_TIMEOUT": "2",
    }
    command = [sys.executable, "-m", "cli", *arguments]
    return subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _synced(connection: Neo4jConnection) -> int:
    rows = Neo4jWriter(connection.driver, connection.database).execute(
        f"MATCH (e:{cypher.LEDGER_LABEL}) WHERE e.digest IS NOT NULL RETURN count(e) AS n"
    )
    return int(rows[0]["n"])


def test_govkg_neo4j_sync_exits_non_zero_when_neo4j_dies_and_resumes_on_the_next_run(
    tmp_path: Path, second_neo4j: Neo4jServer, connection: Neo4jConnection
) -> None:
    folder = tmp_path / "store"
    store = build_synthetic_store(folder, 150)
    del store  # release the store's lock for the command line
    gc.collect()

    sync = _cli(folder, second_neo4j, "neo4j", "sync")
    while sync.poll() is None and _synced(connection) < 10:
        time.sleep(0.05)
    assert sync.poll() is None, "the sync ended before Neo4j could be stopped under it"
    second_neo4j.kill()
    _, errors = sync.communicate(timeout=120)
    assert sync.returncode == 1, errors
    assert "run the sync again to resume" in " ".join(errors.split())

    failed = _cli(folder, second_neo4j, "neo4j", "sync")
    _, errors = failed.communicate(timeout=120)
    assert failed.returncode == 2 and "cannot be reached" in errors

    second_neo4j.start()
    resumed = _cli(folder, second_neo4j, "neo4j", "sync")
    _, report = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, report
    synced = re.search(r"(\d+) articles synced \((\d+) added, (\d+) changed, 0 removed\), (\d+) unchanged", report)
    assert synced is not None, report
    total, added, changed, unchanged = map(int, synced.groups())
    assert total == added + changed and unchanged >= 10 and total + unchanged == 150

    reopened = OxigraphStore(folder)
    writer = Neo4jWriter(connection.driver, connection.database)
    assert projected_counts(writer) == expected_counts(reopened)


def test_cypher_recovers_after_a_neo4j_restart_without_restarting_the_api(
    tmp_path: Path, second_neo4j: Neo4jServer, connection: Neo4jConnection
) -> None:
    settings = Settings(store=tmp_path / "api-store", neo4j_uri=second_neo4j.uri, neo4j_connect_timeout=2)
    with TestClient(create_app(settings)) as client:
        query = {"query": "RETURN 1 AS one"}
        assert client.post("/cypher", json=query).json()["rows"] == [{"one": 1}]

        second_neo4j.stop()
        down = client.post("/cypher", json=query)
        assert down.status_code == 503 and down.json()["type"].endswith("/neo4j-unavailable")
        assert client.get("/health").status_code == 200

        second_neo4j.start()
        assert client.post("/cypher", json=query).json()["rows"] == [{"one": 1}]
