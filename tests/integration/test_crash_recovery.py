"""`kill -9` in the middle of an ingest: the store opens, holds only whole articles, and a re-run completes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from services.ingest.pipeline import ingest

ARTICLES = 240
TEMPLATE = (
    "Hội nghị số {i} về chuyển đổi số\n\n"
    "Ngày {day}/6/2021, UBND tỉnh Điện Biên tổ chức hội nghị lần thứ {i} về chuyển đổi số. "
    "Phó Chủ tịch UBND tỉnh Lò Văn Tiến chủ trì hội nghị, triển khai Quyết định số {i}/QĐ-UBND.\n"
)


def _graph_sizes(store: OxigraphStore) -> dict[str, int]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: int(row["n"].value) for row in rows}  # type: ignore[union-attr]


def _default_size(store: OxigraphStore) -> int:
    return int(next(iter(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")))["n"].value)  # type: ignore[arg-type]


@pytest.mark.slow
def test_kill_9_mid_batch_leaves_whole_articles_and_a_rerun_completes(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(ARTICLES):
        (folder / f"article-{i:04d}.txt").write_text(TEMPLATE.format(i=i, day=1 + i % 28), encoding="utf-8")
    clean = OxigraphStore(tmp_path / "clean")
    ensure_reference(clean)
    ingest(clean, [folder], max_bytes=1_000_000)
    expected, expected_default = _graph_sizes(clean), _default_size(clean)

    env = {**os.environ, "GOVKG_STORE": str(tmp_path / "crashed"), "GOVKG_VALIDATION_BATCH": "4"}
    command = [sys.executable, "-m", "cli", "-v", "ingest", str(folder)]
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    written = 0
    for line in process.stderr:
        written += "wrote " in line
        if written >= ARTICLES // 3:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert written >= ARTICLES // 3, "the ingest ended before it could be killed"

    crashed = OxigraphStore(tmp_path / "crashed")  # opens after the crash
    sizes = _graph_sizes(crashed)
    articles = {g for g in sizes if "/graph/article/" in g}
    assert ARTICLES // 3 <= len(articles) < ARTICLES
    assert all(sizes[g] == expected[g] for g in articles), "a partly written article survived the crash"
    del crashed

    subprocess.run(command, env=env, check=True, capture_output=True)
    rerun = OxigraphStore(tmp_path / "crashed")
    assert _graph_sizes(rerun) == expected
    assert _default_size(rerun) == expected_default
