"""The evaluation metric (SCHEMA.md) and the `govkg eval` command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli.main import app
from loaders.evaluation import normal_number, normal_text, number_matches, score

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
requires_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not here")


def test_normalisation_folds_spelling_abbreviations_and_the_word_tinh() -> None:
    assert normal_text("UBND tỉnh Hoà Bình") == normal_text("Ủy ban nhân dân Hòa Bình")
    assert normal_text("Sở TT&TT Quảng Ngãi") == normal_text("Sở Thông tin và Truyền thông tỉnh Quảng Ngãi")
    assert normal_number("64/2007/NĐ- CP") == "64/2007/NĐ-CP"


def test_a_bare_gold_number_matches_a_full_notation_that_starts_with_it() -> None:
    assert number_matches("36", "36-NQ/TW")
    assert not number_matches("36", "361/QĐ-UBND")
    assert not number_matches("36-NQ/TW", "36")


def _record(**fields: Any) -> dict[str, Any]:
    return {"file": "a.txt", "persons": [], "organizations": [], "legal_documents": [], "meetings": [], **fields}


def test_counts_precision_recall_and_accuracies() -> None:
    gold = {
        "a.txt": _record(
            published="2020-01-02",
            province="Hà Nam",
            persons=[{"name": "Trần Văn An", "posts": [{"title": "Chủ tịch", "organization": "UBND tỉnh Hà Nam"}]}],
            organizations=["UBND tỉnh Hà Nam", "Sở Y tế tỉnh Hà Nam"],
            meetings=[{"date": None, "chairs": ["Trần Văn An"], "legal_basis": ["12"]}],
        )
    }
    predicted = {
        "a.txt": _record(
            published="2020-01-02",
            province=None,
            persons=[
                {"name": "Trần Văn An", "posts": [{"title": "Chủ tịch", "organization": "Ủy ban nhân dân Hà Nam"}]},
                {"name": "Lê Thị Bình", "posts": []},
            ],
            organizations=["Ủy ban nhân dân tỉnh Hà Nam"],
            meetings=[{"date": None, "chairs": ["Trần Văn An"], "legal_basis": ["12/QĐ-UBND"]}],
        )
    }
    report = score(gold, predicted)
    persons = report.fields["persons"]
    assert (persons.tp, persons.fp, persons.fn) == (1, 1, 0)
    assert persons.precision == 0.5 and persons.recall == 1.0
    organizations = report.fields["organizations"]
    assert (organizations.tp, organizations.fp, organizations.fn) == (1, 0, 1)
    assert report.fields["meeting_legal_basis"].f1 == 1.0
    assert report.fields["legal_documents"].f1 == 1.0  # nothing in gold, nothing predicted
    assert report.accuracy("published") == 1.0 and report.accuracy("province") == 0.0
    assert [(m.field, m.predicted_only) for m in report.misses if m.field == "persons"] == [
        ("persons", ["lê thị bình"])
    ]


def test_eval_command_prints_the_table_and_the_misses(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text(
        "Tin hoạt động\n\nÔng Hà Văn Lâm, Phó Chủ tịch UBND tỉnh Hà Nam chủ trì họp.", encoding="utf-8"
    )
    gold = _record(
        file="x.txt",
        province="Hà Nam",
        persons=[{"name": "Hà Văn Lâm", "posts": []}, {"name": "Đỗ Thị Hoa", "posts": []}],
    )
    (tmp_path / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(tmp_path), "--details"])
    assert result.exit_code == 0, result.output
    assert "persons                 1.000  0.500  0.667   1/0/1" in result.output
    assert "gold only:      đỗ thị hoa" in result.output
    assert result.output.strip().splitlines()[-1].startswith("macro-F1 ")
    assert result.output.strip().splitlines()[-1].endswith(" over 1 articles")


@requires_shared
@pytest.mark.shared
def test_figures_equal_the_reference_scorer(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("reference_score", SHARED / "eval" / "score.py")
    assert spec and spec.loader
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    from loaders.evaluation import evaluate, load_gold

    for gold_dir, articles in [(SHARED / "eval" / "gold-seeds", SHARED / "seeds"), (SHARED / "corpus" / "dev", None)]:
        mine = evaluate(gold_dir, articles)
        from loaders.pipeline import extract
        from loaders.reading import read_article

        predicted = {}
        for name in load_gold(gold_dir):
            predicted[name] = extract(read_article((articles or gold_dir) / name)).to_record()
        theirs = reference.score(reference.load_records(gold_dir), predicted)
        for field, counts in mine.fields.items():
            expected = theirs["fields"][field]
            assert (counts.tp, counts.fp, counts.fn) == (expected["tp"], expected["fp"], expected["fn"]), field
        assert mine.macro_f1 == pytest.approx(theirs["macro_f1"])
        assert mine.accuracy("published") == theirs["published_accuracy"]
        assert mine.accuracy("province") == theirs["province_accuracy"]
