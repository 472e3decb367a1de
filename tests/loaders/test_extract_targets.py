"""The extraction targets on the seeds and the dev set, scored by ../shared/eval/score.py."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from loaders.pipeline import extract
from loaders.reading import read_article

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not here"),
]


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "eval" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _scores(gold_dir: Path, articles: Path) -> dict[str, Any]:
    reference = _reference()
    gold = reference.load_records(gold_dir)
    predicted = {name: extract(read_article(articles / name)).to_record() for name in gold}
    result: dict[str, Any] = reference.score(gold, predicted)
    return result


def test_seeds_macro_f1() -> None:
    result = _scores(SHARED / "eval" / "gold-seeds", SHARED / "seeds")
    assert result["macro_f1"] >= 0.95


def test_dev_macro_f1_and_every_field() -> None:
    result = _scores(SHARED / "corpus" / "dev", SHARED / "corpus" / "dev")
    assert result["macro_f1"] >= 0.85
    for field, figures in result["fields"].items():
        assert figures["f1"] >= 0.75, field
    assert result["published_accuracy"] >= 0.75
    assert result["province_accuracy"] >= 0.75


def test_throughput_on_one_core() -> None:
    articles = [read_article(path) for path in sorted((SHARED / "corpus" / "dev").glob("*.txt"))]
    extract(articles[0])  # tables and regexes are ready after the first call
    started = time.process_time()  # this process's CPU time: other loads on the machine do not count
    for article in articles * 5:
        extract(article)
    rate = len(articles) * 5 / (time.process_time() - started)
    assert rate >= 150, f"{rate:.0f} articles/s"
