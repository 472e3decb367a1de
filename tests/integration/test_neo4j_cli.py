"""``govkg neo4j sync`` and ``govkg cypher`` as a user runs them, against the shared Neo4j server."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from graph.neo4j.connection import Neo4jConnection
from graph.neo4j.writer import Neo4jWriter
from graph.store.embedded import OxigraphStore
from tests.factories.synthetic import build_synthetic_store
from tests.integration.conftest import PASSWORD, expected_counts, projected_counts

pytestmark = pytest.mark.neo4j


def _govkg(store: Path, uri: str | None, *arguments: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NEO4J_", "GOVKG_"))}
    env |= {"GOVKG_STORE": str(store), "NEO4J_PASSWORD": PASSWORD, "GOVKG_NEO4J_CONNECT_TIMEOUT": "1"}
    if uri:
        env["NEO4J_URI"] = uri
    command = [sys.executable, "-m", "cli", *arguments]
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture
def store_folder(tmp_path: Path) -> Path:
    """A folder holding a store of 30 synthetic articles (closed, for the command line to open)."""
    folder = tmp_path / "store"
    store = build_synthetic_store(folder, 30)
    del store
    gc.collect()
    return folder


def test_sync_then_query_from_the_command_line(
    store_folder: Path, neo4j: Neo4jConnection, neo4j_writer: Neo4jWriter
) -> None:
    full = _govkg(store_folder, neo4j.uri, "neo4j", "sync", "--full")
    assert full.returncode == 0, full.stderr
    assert "30 articles synced (30 added" in " ".join(full.stderr.split())
    again = _govkg(store_folder, neo4j.uri, "neo4j", "sync")
    assert "0 articles synced" in again.stderr and "30 unchanged" in again.stderr
    assert projected_counts(neo4j_writer) == expected_counts(OxigraphStore.read_only(store_folder))

    query = (
        "MATCH (p:Person)-[:CHAIRED]->(m:Meeting)-[:HELD_IN]->(:Province {code: $code}) "
        "RETURN p.name AS chair, count(m) AS meetings ORDER BY meetings DESC, chair LIMIT 3"
    )
    answer = _govkg(store_folder, neo4j.uri, "cypher", query, "--param", "code=VN-13", "--format", "json")
    assert answer.returncode == 0, answer.stderr
    body = json.loads(answer.stdout)
    assert body["columns"] == ["chair", "meetings"]
    assert body["rows"] and all(row["chair"].endswith(" 13") and row["meetings"] >= 1 for row in body["rows"])

    table = _govkg(store_folder, neo4j.uri, "cypher", query, "-p", "code=VN-13")
    assert table.returncode == 0 and body["rows"][0]["chair"] in table.stdout


def test_the_command_line_refuses_writes_and_says_when_neo4j_is_missing(
    store_folder: Path, neo4j: Neo4jConnection
) -> None:
    refused = _govkg(store_folder, neo4j.uri, "cypher", "MATCH (n:Person) DETACH DELETE n")
    assert refused.returncode == 1 and "DETACH" in refused.stderr

    unconfigured = _govkg(store_folder, None, "neo4j", "sync")
    assert unconfigured.returncode == 2 and "NEO4J_URI" in unconfigured.stderr
