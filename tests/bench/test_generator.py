"""The synthetic corpus generator: reproducible, well-formed gold, namesakes, readable by the pipeline."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from bench.generator import SyntheticArticle, generate_corpus, write_corpus
from loaders.evaluation import score
from loaders.pipeline import extract
from loaders.reading import parse_article

REPO = Path(__file__).resolve().parents[2]
SCORER = REPO.parent / "shared" / "eval" / "score.py"
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
RECORD_KEYS = {"id", "file", "published", "province", "persons", "organizations", "legal_documents", "meetings"}
MEETING_KEYS = {"date", "province", "kind", "chairs", "organizers", "legal_basis"}


@pytest.fixture(scope="module")
def corpus() -> list[SyntheticArticle]:
    return list(generate_corpus(500, seed=3))


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    assert write_corpus(tmp_path / "a", 60, seed=11) == 60
    write_corpus(tmp_path / "b", 60, seed=11)
    first, second = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert len(first) == 120
    assert first == second


def test_a_small_corpus_is_the_start_of_a_larger_one() -> None:
    small = [a.text for a in generate_corpus(20, seed=5)]
    large = [a.text for a in generate_corpus(40, seed=5)]
    assert large[:20] == small


def test_different_seeds_differ() -> None:
    one = [a.text for a in generate_corpus(20, seed=1)]
    two = [a.text for a in generate_corpus(20, seed=2)]
    assert sum(a != b for a, b in zip(one, two, strict=True)) >= 19


def _check_record(article: SyntheticArticle) -> None:
    gold: dict[str, Any] = article.gold
    assert set(gold) == RECORD_KEYS
    assert gold["file"] == article.file_name
    assert gold["published"] is None or ISO_DATE.match(gold["published"])
    persons = {p["name"] for p in gold["persons"]}
    organizations = set(gold["organizations"])
    numbers = {d["number"] for d in gold["legal_documents"]}
    for person in gold["persons"]:
        assert 2 <= len(person["name"].split()) <= 4
        assert person["name"] in article.text
        for post in person["posts"]:
            assert post["title"] and post["organization"] in organizations
    for document in gold["legal_documents"]:
        assert document["type"] and document["number"]
        assert document["date"] is None or ISO_DATE.match(document["date"])
    for meeting in gold["meetings"]:
        assert set(meeting) == MEETING_KEYS
        assert meeting["date"] is None or ISO_DATE.match(meeting["date"])
        assert not (meeting["date"] and gold["published"]) or meeting["date"] <= gold["published"]
        assert set(meeting["chairs"]) <= persons
        assert set(meeting["legal_basis"]) <= numbers
        assert set(meeting["organizers"]) <= organizations


def test_every_gold_record_is_well_formed(corpus: list[SyntheticArticle]) -> None:
    for article in corpus:
        _check_record(article)


def test_articles_look_like_the_genre(corpus: list[SyntheticArticle]) -> None:
    sizes = [len(a.text.encode("utf-8")) for a in corpus]
    assert min(sizes) >= 1024 and max(sizes) <= 4096
    assert sum(1 for a in corpus if a.gold["meetings"]) > len(corpus) // 3
    assert sum(1 for a in corpus if a.gold["published"]) > len(corpus) * 0.7
    years = {a.gold["published"][:4] for a in corpus if a.gold["published"]}
    assert "2009" in years and "2026" in years
    for article in corpus:
        if article.gold["province"]:
            assert article.gold["province"] in article.text


def test_new_province_names_after_the_reform(corpus: list[SyntheticArticle]) -> None:
    late = [a for a in corpus if (a.gold["published"] or "") >= "2025-07-01" and a.gold["province"]]
    assert late
    assert all(a.gold["province"] not in ("Quảng Nam", "Bình Định", "Bến Tre", "Hà Giang") for a in late)


def test_namesakes_across_provinces(corpus: list[SyntheticArticle]) -> None:
    """The same full name held by different officials in different provinces."""
    provinces_by_name: dict[str, set[str]] = defaultdict(set)
    for article in corpus:
        for person in article.gold["persons"]:
            for post in person["posts"]:
                if article.gold["province"] and article.gold["province"] in post["organization"]:
                    provinces_by_name[person["name"]].add(article.gold["province"])
    assert sum(1 for provinces in provinces_by_name.values() if len(provinces) > 1) >= 3


def test_gold_scores_one_against_itself(corpus: list[SyntheticArticle]) -> None:
    gold = {a.file_name: a.gold for a in corpus}
    report = score(gold, gold)
    assert report.macro_f1 == 1.0
    assert report.accuracy("published") == 1.0 and report.accuracy("province") == 1.0


@pytest.mark.skipif(not SCORER.exists(), reason="../shared is not here")
def test_shared_scorer_gives_one(tmp_path: Path) -> None:
    write_corpus(tmp_path, 80, seed=4)
    result = subprocess.run(
        [sys.executable, str(SCORER), str(tmp_path), str(tmp_path), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["macro_f1"] == 1.0


def test_the_pipeline_extracts_generated_articles() -> None:
    for article in generate_corpus(50, seed=9):
        record = extract(parse_article(article.text.encode("utf-8"), article.file_name, article.file_name)).to_record()
        assert record["file"] == article.file_name


@pytest.mark.slow
def test_workers_write_the_same_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "one", 2100, seed=6, workers=1)
    write_corpus(tmp_path / "two", 2100, seed=6, workers=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")
