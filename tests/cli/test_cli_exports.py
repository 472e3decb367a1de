"""``govkg export`` and ``govkg analytics`` over a store on disk (the HTTP side: tests/api/test_api_exports.py)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from cli.main import app as cli
from services import settings as settings_module


@pytest.fixture
def configured(co_chaired_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The command line pointed at the store (settings read afresh)."""
    monkeypatch.setenv("GOVKG_STORE", str(co_chaired_store))
    monkeypatch.setenv("GOVKG_DECISIONS_FILE", str(tmp_path / "decisions.yaml"))
    settings_module.get_settings.cache_clear()
    yield co_chaired_store
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
