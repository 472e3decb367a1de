"""Scoring extraction records against gold records, as ``../shared/eval/SCHEMA.md`` defines it.

Per field, precision, recall and F1 are micro-averaged over all articles; the
macro-F1 is their mean over the seven fields. Items are compared after
normalisation (case, tone-mark placement, punctuation, the genre's
abbreviations, the word "tỉnh"); each gold item matches at most one predicted
item, first come first served. ``published`` and ``province`` are accuracies
over the articles whose gold value is known.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from loaders.errors import ArticleRejected
from loaders.extraction.tables import table
from loaders.pipeline import extract
from loaders.reading import read_article
from ontology.orthography import canonical_spelling

log = logging.getLogger(__name__)

FIELDS = ("persons", "posts", "organizations", "legal_documents", "meetings", "meeting_chairs", "meeting_legal_basis")
SCALARS = ("published", "province")

Item = Any  # a normalised string or tuple of strings
_NOT_WORD = re.compile(r"[^\w\s]")
_DASHES = re.compile(r"[–—‐]")


def _build_abbreviations() -> list[tuple[re.Pattern[str], str]]:
    rows: list[dict[str, str]] = table("evaluation")["abbreviations"]
    return [(re.compile(row["pattern"]), row["expansion"]) for row in rows]


_ABBREVIATIONS: list[tuple[re.Pattern[str], str]] = _build_abbreviations()


def normal_text(text: str | None) -> str:
    """A name, title or body as compared: folded, abbreviations written out, "tỉnh" and punctuation dropped."""
    folded = canonical_spelling(text or "").casefold()
    for pattern, expansion in _ABBREVIATIONS:
        folded = pattern.sub(expansion, folded)
    words = _NOT_WORD.sub(" ", folded).split()
    return " ".join(w for w in words if w != "tỉnh")


def normal_number(number: str | None) -> str:
    """A notation as compared: no spaces, ASCII hyphens, upper case ("64/2007/NĐ- CP" → "64/2007/NĐ-CP")."""
    text = canonical_spelling(number or "")
    return "".join(_DASHES.sub("-", text).split()).upper().strip(".,;")


def number_matches(gold: str, predicted: str) -> bool:
    """Equal notations, or a bare gold number ("36") that the predicted notation starts with ("36-NQ/TW")."""
    g, p = normal_number(gold), normal_number(predicted)
    if g == p:
        return True
    return g.isdigit() and p.startswith(g) and not p[len(g) : len(g) + 1].isdigit()


def _day(meeting: Mapping[str, Any]) -> str:
    return str(meeting.get("date") or "undated")


def record_items(record: Mapping[str, Any]) -> dict[str, list[Item]]:
    """The comparable items of one record, per field."""
    persons = record.get("persons") or []
    meetings = record.get("meetings") or []
    return {
        "persons": [normal_text(p.get("name")) for p in persons],
        "posts": [
            (normal_text(p.get("name")), normal_text(post.get("title")), normal_text(post.get("organization")))
            for p in persons
            for post in p.get("posts") or []
        ],
        "organizations": [normal_text(o) for o in record.get("organizations") or []],
        "legal_documents": [
            (normal_text(d.get("type")), str(d.get("number") or "")) for d in record.get("legal_documents") or []
        ],
        "meetings": [_day(m) for m in meetings],
        "meeting_chairs": [(_day(m), normal_text(c)) for m in meetings for c in m.get("chairs") or []],
        "meeting_legal_basis": [(_day(m), str(n)) for m in meetings for n in m.get("legal_basis") or []],
    }


def _same(name: str) -> Callable[[Item, Item], bool]:
    if name in ("legal_documents", "meeting_legal_basis"):
        return lambda g, p: bool(g[0] == p[0] and number_matches(g[1], p[1]))
    return lambda g, p: bool(g == p)


def match_items(
    gold: list[Item], predicted: list[Item], same: Callable[[Item, Item], bool]
) -> tuple[list[Item], list[Item], list[Item]]:
    """Pair gold items with predicted ones (each used once, in order): matched, gold-only, predicted-only."""
    left = list(predicted)
    matched: list[Item] = []
    missed: list[Item] = []
    for item in gold:
        index = next((i for i, candidate in enumerate(left) if same(item, candidate)), None)
        if index is None:
            missed.append(item)
        else:
            matched.append(item)
            del left[index]
    return matched, missed, left


@dataclass(slots=True)
class FieldScore:
    """Counts and figures of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1 when nothing was predicted and nothing was missed."""
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 0.0 if self.fn else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1 when the gold has nothing."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Miss:
    """What one article's prediction got wrong in one field."""

    article: str
    field: str
    gold_only: list[Item]
    predicted_only: list[Item]


@dataclass(slots=True)
class Report:
    """The scores of a set of predictions against gold."""

    articles: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {name: FieldScore() for name in FIELDS})
    scalar_known: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALARS, 0))
    scalar_right: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SCALARS, 0))
    misses: list[Miss] = field(default_factory=list)

    def accuracy(self, name: str) -> float | None:
        """The share of articles with a known gold ``name`` whose prediction equals it."""
        known = self.scalar_known[name]
        return self.scalar_right[name] / known if known else None

    @property
    def macro_f1(self) -> float:
        """The mean F1 over the fields."""
        return sum(score.f1 for score in self.fields.values()) / len(self.fields)

    def table(self, details: bool = False) -> str:
        """The report as score.py prints it (with the misses item by item when ``details``)."""
        lines = [f"{'field':22} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn"]
        for name, s in self.fields.items():
            lines.append(f"{name:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}   {s.tp}/{s.fp}/{s.fn}")
        for name in SCALARS:
            accuracy = self.accuracy(name)
            lines.append(f"{name + ' accuracy':22} {'-' if accuracy is None else f'{accuracy:.3f}'}")
        if details:
            lines.extend(_miss_lines(self.misses))
        lines.append(f"macro-F1 {self.macro_f1:.3f} over {self.articles} articles")
        return "\n".join(lines)


def _miss_lines(misses: Iterable[Miss]) -> list[str]:
    lines = []
    for miss in misses:
        lines.append(f"{miss.article} {miss.field}:")
        lines.extend(f"    gold only:      {_show(item)}" for item in miss.gold_only)
        lines.extend(f"    predicted only: {_show(item)}" for item in miss.predicted_only)
    return lines


def _show(item: Item) -> str:
    return " | ".join(item) if isinstance(item, tuple) else str(item)


def score(gold: Mapping[str, Mapping[str, Any]], predicted: Mapping[str, Mapping[str, Any]]) -> Report:
    """Score ``predicted`` records against ``gold`` ones, both keyed by article file name."""
    report = Report(articles=len(gold))
    for name, gold_record in gold.items():
        predicted_record = predicted.get(name, {})
        gold_items, predicted_items = record_items(gold_record), record_items(predicted_record)
        for field_name in FIELDS:
            matched, missed, extra = match_items(gold_items[field_name], predicted_items[field_name], _same(field_name))
            counts = report.fields[field_name]
            counts.tp += len(matched)
            counts.fn += len(missed)
            counts.fp += len(extra)
            if missed or extra:
                report.misses.append(Miss(name, field_name, missed, extra))
        for key in SCALARS:
            if gold_record.get(key) is not None:
                report.scalar_known[key] += 1
                right = normal_text(str(gold_record[key])) == normal_text(str(predicted_record.get(key) or ""))
                report.scalar_right[key] += int(right)
    return report


def load_gold(folder: Path) -> dict[str, dict[str, Any]]:
    """The gold records of ``folder`` keyed by their article's file name ("file", else the JSON's own name)."""
    records: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("%s: unreadable gold record (%s)", path.name, exc)
            continue
        for record in data if isinstance(data, list) else [data]:
            if isinstance(record, dict):
                records[Path(record.get("file") or path.with_suffix(".txt").name).name] = record
    return records


def evaluate(gold_folder: Path, articles_folder: Path | None = None) -> Report:
    """Extract every article that has a gold record in ``gold_folder`` and score the records.

    Articles are looked for beside the gold records, or in ``articles_folder``;
    an article that cannot be found or read counts as an empty prediction.
    """
    gold = load_gold(gold_folder)
    predicted: dict[str, dict[str, Any]] = {}
    for name in gold:
        path = (articles_folder or gold_folder) / name
        try:
            predicted[name] = extract(read_article(path)).to_record()
        except ArticleRejected as exc:
            log.warning("%s: %s (scored as an empty prediction)", name, exc.reason)
    return score(gold, predicted)
