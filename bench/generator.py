"""Synthetic articles of the genre with their gold records, drawn from a seeded world.

The world (:mod:`bench.world`: units, officials and careers, documents) is built
once per seed; article ``i`` of a corpus is then drawn with its own random
stream, so the same seed and index always give the same bytes, and a corpus of
1,000 articles is the first 1,000 of a corpus of 100,000.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from random import Random
from typing import Any

from bench.composer import ArticleWriter
from bench.meeting_articles import write_meeting_article
from bench.names import NameMaker
from bench.news_articles import write_appointment, write_ceremony, write_plan, write_report, write_steering_decision
from bench.phrases import dateline
from bench.resources import table
from bench.sampling import Weighted, chance, pick
from bench.units import Unit, units_on
from bench.visit_articles import write_visit_article
from bench.world import World, build_world

log = logging.getLogger(__name__)

FIRST_DAY = date(2008, 1, 1)
LAST_DAY = date(2026, 12, 31)
_ATTEMPTS = 8
_PARALLEL_FROM = 2_000
_MIN_BYTES, _MAX_BYTES = 1024, 4096


@dataclass(frozen=True, slots=True)
class SyntheticArticle:
    """One generated article: its file name, its text, and its gold record (SCHEMA.md)."""

    file_name: str
    text: str
    gold: dict[str, Any]


@dataclass(slots=True)
class _Draft:
    """What an article is about before it is written."""

    kind: str
    unit: Unit
    day: date
    published: date
    write: Callable[[ArticleWriter, int], str]


def generate_corpus(size: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    """Yield ``size`` articles (``000000.txt`` …) of the world of ``seed``, in order."""
    world = build_world(seed)
    for index in range(size):
        yield synthetic_article(world, index)


def synthetic_article(world: World, index: int) -> SyntheticArticle:
    """Article ``index`` of the world's corpus."""
    rng = Random(world.seed * 1_000_003 + index)
    file_name = f"{index:06d}.txt"
    for _ in range(_ATTEMPTS):
        try:
            return _write(world, rng, file_name, _draft(world, rng))
        except LookupError as exc:
            log.debug("%s: redrawing (%s)", file_name, exc)
    raise RuntimeError(f"{file_name}: no article could be written in {_ATTEMPTS} attempts")


def write_corpus(folder: Path, size: int, seed: int = 0, workers: int = 1) -> int:
    """Write ``NNNNNN.txt`` and its gold ``NNNNNN.json`` (one line) for ``size`` articles; return how many.

    With ``workers > 1`` ranges of articles are written by that many processes;
    the files are the same whatever the number of workers.
    """
    folder.mkdir(parents=True, exist_ok=True)
    if workers <= 1 or size < _PARALLEL_FROM:
        return _write_range(folder, seed, 0, size)
    step = -(-size // (workers * 8))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        ranges = [
            pool.submit(_write_range, folder, seed, start, min(start + step, size)) for start in range(0, size, step)
        ]
        return sum(future.result() for future in ranges)


def _write_range(folder: Path, seed: int, start: int, stop: int) -> int:
    world = build_world(seed)
    for index in range(start, stop):
        article = synthetic_article(world, index)
        path = folder / article.file_name
        path.write_text(article.text, encoding="utf-8")
        path.with_suffix(".json").write_text(json.dumps(article.gold, ensure_ascii=False) + "\n", encoding="utf-8")
    return stop - start


@functools.cache
def _mix() -> tuple[Weighted[str], Weighted[int], Weighted[int]]:
    data = table("articles")
    return Weighted(data["kinds"]), Weighted(data["years"]), Weighted({int(k): v for k, v in data["delays"].items()})


def _draft(world: World, rng: Random) -> _Draft:
    kinds, years, delays = _mix()
    kind = kinds.draw(rng)
    day = min(date(years.draw(rng), 1, 1) + timedelta(days=int(rng.random() * 365)), LAST_DAY)
    unit = pick(rng, units_on(day))
    delay = timedelta(days=delays.draw(rng))
    if kind == "decision":
        return _decision(world, rng, unit, delay)
    if kind == "appointment":
        return _appointment(world, rng, unit, delay)
    writers: dict[str, Callable[[ArticleWriter, int], str]] = {
        "meeting": write_meeting_article,
        "visit": write_visit_article,
        "ceremony": write_ceremony,
        "plan": write_plan,
        "report": write_report,
    }
    event = kind in ("meeting", "visit", "ceremony")
    return _Draft(kind, unit, day, min(day + delay, LAST_DAY) if event else day, writers[kind])


def _decision(world: World, rng: Random, unit: Unit, delay: timedelta) -> _Draft:
    documents = [
        d
        for (code, _), found in world.shelf.steering.items()
        if code == unit.code
        for d in found
        if FIRST_DAY <= d.signed <= LAST_DAY - delay
    ]
    if not documents:
        raise LookupError(f"no steering decision in {unit.code}")
    document = pick(rng, documents)
    day = document.signed + delay
    return _Draft("decision", unit, day, day, lambda w, target: write_steering_decision(w, document, target))


def _appointment(world: World, rng: Random, unit: Unit, delay: timedelta) -> _Draft:
    found = [(d, t) for d, t in world.shelf.appointments.get(unit.code, []) if FIRST_DAY <= t.start <= LAST_DAY - delay]
    if not found:
        raise LookupError(f"no appointment in {unit.code}")
    document, tenure = pick(rng, found)
    day = max(tenure.start, document.signed)
    return _Draft(
        "appointment",
        unit,
        day,
        day + delay,
        lambda w, target: write_appointment(w, document, tenure, target),
    )


def _write(world: World, rng: Random, file_name: str, draft: _Draft) -> SyntheticArticle:
    data = table("articles")
    named = draft.unit.label_on(draft.day)[1] or not chance(rng, float(table("provinces")["unnamed_share"]))
    has_dateline = chance(rng, float(data["dateline_share"]))
    published = draft.published if has_dateline else None
    writer = ArticleWriter(world, rng, file_name, draft.unit, draft.day, named, published, draft.published)
    low, high = data["bytes"]
    title = draft.write(writer, int(low + (high - low) * rng.random()))
    text = _assemble(writer, rng, title, published)
    _check_naming(writer, text)
    if not _MIN_BYTES <= len(text.encode("utf-8")) <= _MAX_BYTES:
        raise LookupError("the article is not 1–4 KB long")
    writer.gold.infer_years(text)
    return SyntheticArticle(file_name, text, writer.gold.to_dict())


def _assemble(writer: ArticleWriter, rng: Random, title: str, published: date | None) -> str:
    data = table("articles")
    head = [title]
    if published is not None:
        line = dateline(rng, published)
        head = [line, title] if chance(rng, float(data["dateline_first_share"])) else [title, line]
    body = writer.body()
    if body and chance(rng, float(data["outlet_share"])):
        body[0] = _outlet(rng, writer) + body[0]
    separator = "\n" if chance(rng, 0.25) else "\n\n"
    return "\n\n".join(head) + "\n\n" + separator.join(body) + "\n\n" + _byline(rng) + "\n"


def _outlet(rng: Random, writer: ArticleWriter) -> str:
    own = writer.unit.outlets if writer.named and writer.unit.valid_on(writer.day) else ()
    outlets: list[str] = list(table("filler")["outlets"]) + [f"({o}) - " for o in own]
    return str(pick(rng, outlets))


@functools.cache
def _names() -> NameMaker:
    return NameMaker()


def _byline(rng: Random) -> str:
    form = str(pick(rng, table("filler")["bylines"]))
    names = _names()
    return form.format(author=names.author(rng), author2=names.author(rng), initials=names.initials(rng))


def _check_naming(writer: ArticleWriter, text: str) -> None:
    """An article that names its province must say the name; one that does not must not."""
    label = writer.unit.label_on(writer.day)[0]
    if writer.named and label not in text:
        raise LookupError(f"the article never names {label}")
    if not writer.named and (label in text or any(city in text for city in writer.unit.cities)):
        raise LookupError(f"the article names {label} by accident")
