"""Figures the genre reports: rates ("tỷ lệ cơ quan có mạng LAN là 92,3%") and counts ("3.382 hộp thư điện tử").

Precision over recall: a rate needs "tỷ lệ <what>" then a verb and a percentage;
a count needs a number right before one of the counted things of
``patterns/indicators.yaml``. Vietnamese numbers group thousands with "." and
write decimals with "," ("3.382" = 3382, "92,3" = 92.3).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from loaders.extraction.context import ArticleContext
from loaders.extraction.tables import alternation, strings
from loaders.record import Evidence, Observation

_NUMBER = r"(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
_WHAT_END = r"[^.;:\n%]{3,80}?"


def _build_rate_regex() -> re.Pattern[str]:
    words = alternation(strings("indicators", "rate_words"))
    verbs = "|".join(re.escape(v) for v in sorted(strings("indicators", "rate_verbs"), key=len, reverse=True))
    return re.compile(
        rf"(?P<what>(?:{words})\s{_WHAT_END})\s*(?:{verbs})\s*(?:là\s*)?{_NUMBER}\s*%",
        re.IGNORECASE,
    )


_RATE_REGEX: re.Pattern[str] = _build_rate_regex()


def _build_count_regex() -> re.Pattern[str]:
    units = alternation(strings("indicators", "units"))
    qualifiers = "|".join(strings("indicators", "unit_qualifiers"))
    return re.compile(rf"(?<![\d.,/]){_NUMBER}\s+(?P<unit>{units})(?P<qualifier>\s+(?:{qualifiers}))?", re.IGNORECASE)


_COUNT_REGEX: re.Pattern[str] = _build_count_regex()


def parse_number(text: str) -> Decimal | None:
    """A Vietnamese-written number as a Decimal ("3.382" → 3382, "92,3" → 92.3), or ``None``."""
    try:
        return Decimal(text.replace(".", "").replace(",", "."))
    except InvalidOperation:
        return None


def find_observations(ctx: ArticleContext) -> list[Observation]:
    """Every rate and count the article reports, with the article's province and date."""
    province = ctx.province.province if ctx.province else None
    found: list[Observation] = []
    for match in _RATE_REGEX.finditer(ctx.text):
        value = parse_number(match.group("number"))
        if value is None or value > 100:
            continue
        indicator = " ".join(match.group("what").split())
        evidence = Evidence(match.start(), match.end(), "indicator.rate", 0.8)
        found.append(Observation(indicator, value, "%", evidence, province, ctx.published))
    for match in _COUNT_REGEX.finditer(ctx.text):
        value = parse_number(match.group("number"))
        if value is None or _is_year(match.group("number")):
            continue
        unit = " ".join(match.group("unit").split())
        indicator = " ".join((match.group("unit") + (match.group("qualifier") or "")).split())
        evidence = Evidence(match.start(), match.end(), "indicator.count", 0.75)
        found.append(Observation(indicator, value, unit, evidence, province, ctx.published))
    return _distinct(found)


def _distinct(observations: list[Observation]) -> list[Observation]:
    """The first report of each (indicator, value, unit): a figure repeated is one figure."""
    seen: set[tuple[str, Decimal, str]] = set()
    distinct = []
    for observation in observations:
        key = (observation.indicator, observation.value, observation.unit)
        if key not in seen:
            seen.add(key)
            distinct.append(observation)
    return distinct


def _is_year(number: str) -> bool:
    return len(number) == 4 and number.isdigit() and number.startswith(("19", "20"))
