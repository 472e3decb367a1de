"""Cached synthetic stores: built through the real pipeline, never half-built in their final place."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import stores
from bench.stores import corpus_path, store_path, synthetic_store
from graph.store.embedded import OxigraphStore


@pytest.mark.slow
def test_store_is_built_once_and_holds_the_articles(tmp_path: Path) -> None:
    path = synthetic_store(12, seed=1, workers=1, cache=tmp_path)
    assert path == store_path(12, 1, tmp_path) and path.is_dir()
    assert len(list(corpus_path(12, 1, tmp_path).glob("*.txt"))) == 12
    manifest = json.loads(path.with_name(f"{path.name}.json").read_text(encoding="utf-8"))
    assert manifest["ok"] + manifest["quarantined"] == 12
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]
    store = OxigraphStore.read_only(path)
    assert sum(1 for _ in store.article_graphs()) == manifest["ok"]
    del store
    before = path.stat().st_mtime_ns
    assert synthetic_store(12, seed=1, workers=1, cache=tmp_path) == path
    assert path.stat().st_mtime_ns == before


def test_an_interrupted_build_leaves_no_finished_folder(tmp_path: Path) -> None:
    def fail(folder: Path) -> dict[str, object]:
        (folder / "half.txt").write_text("half", encoding="utf-8")
        raise RuntimeError("interrupted")

    target = tmp_path / "store-3-0"
    with pytest.raises(RuntimeError):
        stores._cached(target, fail)
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_remains_of_a_dead_build_are_cleared(tmp_path: Path) -> None:
    abandoned = tmp_path / "corpus-2-0.tmp-999999999"
    abandoned.mkdir()
    synthetic_corpus_path = stores.synthetic_corpus(2, 0, cache=tmp_path)
    assert not abandoned.exists()
    assert len(list(synthetic_corpus_path.glob("*.json"))) == 2


def test_a_corpus_of_another_generator_is_replaced_on_request(tmp_path: Path) -> None:
    path = stores.synthetic_corpus(2, 0, cache=tmp_path)
    manifest = path.with_name(f"{path.name}.json")
    manifest.write_text(json.dumps({"generator": "older"}), encoding="utf-8")
    (path / "stale.txt").write_text("stale", encoding="utf-8")
    assert stores.synthetic_corpus(2, 0, cache=tmp_path) == path and (path / "stale.txt").exists()
    assert stores.synthetic_corpus(2, 0, cache=tmp_path, rebuild=True) == path
    assert not (path / "stale.txt").exists()
    assert json.loads(manifest.read_text(encoding="utf-8"))["generator"] == stores.generator_version()
