"""Phrases that state no entity: dates, date lines, numbers, indicators, filler sentences."""

from __future__ import annotations

import functools
from datetime import date, timedelta
from random import Random
from typing import Any

from bench.resources import table
from bench.sampling import chance, pick
from bench.templates import sentence


def _date_slots(day: date) -> dict[str, str]:
    return {
        "d": str(day.day),
        "m": str(day.month),
        "dd": f"{day.day:02d}",
        "mm": f"{day.month:02d}",
        "yyyy": str(day.year),
        "q": str((day.month - 1) // 3 + 1),
    }


def date_phrase(rng: Random, day: date, role: str = "start") -> tuple[str, bool]:
    """A phrase for ``day`` ("sáng 21/3", "ngày 14/8/2019") and whether it gives the year.

    ``role`` is ``start`` (opens a sentence), ``mid`` (inside one) or ``future``.
    """
    form: str = pick(rng, table("filler")["dates"][role])
    return form.format_map(_date_slots(day)), "{yyyy}" in form


def document_date(rng: Random, day: date) -> str:
    """A document's signing date as a citation writes it."""
    form: str = pick(rng, table("filler")["document_dates"])
    return form.format_map(_date_slots(day))


def dateline(rng: Random, published: date) -> str:
    """A publication-date line for the top of an article."""
    data = table("filler")
    slots = _date_slots(published)
    slots["weekday"] = data["weekdays"][published.weekday()]
    slots["HH"] = f"{6 + int(rng.random() * 16):02d}"
    slots["MM"] = f"{int(rng.random() * 60):02d}"
    return str(pick(rng, data["datelines"])).format_map(slots)


def vn_integer(value: int) -> str:
    """An integer with dots between thousands (1.250)."""
    return f"{value:,}".replace(",", ".")


def vn_decimal(value: float) -> str:
    """A one-decimal number with a decimal comma (85,2)."""
    return f"{value:.1f}".replace(".", ",")


def indicator(rng: Random, units: int) -> str:
    """One indicator clause with its figures ("tỷ lệ … đạt 85,2%")."""
    template: str = pick(rng, table("filler")["indicators"])
    count = int(10 ** (1.5 + 2.5 * rng.random()))
    return template.format(
        pct=vn_decimal(40 + 60 * rng.random() ** 0.5),
        count=vn_integer(count),
        count2=vn_integer(count * (3 + int(rng.random() * 8))),
        score=vn_decimal(0.3 + 0.5 * rng.random()),
        rank=1 + int(rng.random() * units),
        units=units,
    )


def indicator_sentence(rng: Random, units: int, year: int) -> str:
    """A sentence reporting one or two indicators."""
    template: str = pick(rng, table("filler")["indicator_sentences"])
    first = indicator(rng, units)
    second = indicator(rng, units)
    while second.split(" ")[:3] == first.split(" ")[:3]:
        second = indicator(rng, units)
    return sentence(
        template.format(
            indicator=first,
            indicator2=second,
            year=year,
            prev_year=year - 1,
        )
    )


@functools.cache
def _filler_parts() -> dict[str, Any]:
    parts: dict[str, Any] = table("filler")["filler_parts"]
    return parts


def filler(rng: Random, topic: str, year: int) -> str:
    """A sentence of running text that names no person, body or document."""
    if chance(rng, 0.55):
        template: str = pick(rng, table("filler")["filler"])
        return sentence(template.format(topic=topic, year=year, next_year=year + 1))
    parts = _filler_parts()
    obj = str(pick(rng, parts["objects"])).format(topic=topic)
    return f"{pick(rng, parts['subjects'])} {pick(rng, parts['actions'])} {obj}, {pick(rng, parts['goals'])}."


def clause(rng: Random, key: str, **slots: object) -> str:
    """A clause of ``filler.yaml`` (statements, tasks, directives) with its slots filled."""
    template: str = pick(rng, table("filler")[key])
    return template.format(**slots)


def future_day(rng: Random, after: date) -> date:
    """A day some weeks after ``after``."""
    return after + timedelta(days=10 + int(rng.random() * 60))
