"""A page's date line: the day it stamps, with the day-month order decided by evidence.

Date lines come in many shapes: "28/01/2013 14:45 CH", "Thứ 6, ngày 03/05/2019 |
03:28 PM (GMT +7)", "Ngày cập nhật: 7/24/2019 7:53:18 AM", "5/6/2011 2:29:21 PM",
"Submitted by admin on 18 October 2019", a crawler's "date 2025-10-23" or, with the
month only, "date 2023-06" (no day: it gives the year, not a publication date).

A numeric date whose day and month could be either way round is read as the
evidence says: a part over 12, the weekday the line names, the dates the body
reports (an article is published on or a few days after what it reports), then
the clock of an English-language CMS ("2:29:21 PM", which writes month first);
Vietnamese day-first otherwise. Dates written with month names are read by
``dateparser``, on the short candidate only.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from loaders.extraction.tables import alternation, strings, table

_NUMERIC = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?![\d/])")
_ISO = re.compile(r"(?<![\d/.-])(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d/-])")
_CRAWLER = re.compile(r"^date\s*:?\s*(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T\s][\d:.+Z-]*)?$", re.IGNORECASE)
_TIME = re.compile(
    r"(?<!\d)\d{1,2}\s*[:h]\s*\d{2}(?::\d{2}(?:[.,]\d{1,6})?)?(?:\s*(?:SA|CH|AM|PM)\b)?(?:\s*\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?)?(?!\d)",
    re.IGNORECASE,
)
_US_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}:\d{2}\s*(?:AM|PM)\b")
_COUNTER = re.compile(r"(?:lượt xem|lượt đọc|lượt truy cập|view count|views?)\s*:?\s*[\d.,]+", re.IGNORECASE)
_GMT = re.compile(r"\(?\s*GMT\s*[+-]\s*\d{1,2}\s*\)?", re.IGNORECASE)
_RESIDUE_LETTERS = re.compile(r"[^\W\d_]")
_MAX_RESIDUE_LETTERS = 25  # a stamp's other words: a section name, "Xem cỡ chữ", "Submitted by admin on"
_MAX_BARE_RESIDUE_LETTERS = 8  # a bare date's: "ngày"; more is a sentence ("Sáng 3/4/2019, tỉnh họp.")
_MAX_LINE = 160  # a date line is short; a paragraph is no date line (and is not searched)
# How far after the latest event in the body an article may still be published.
_MAX_LAG_DAYS = 45


def _build_weekdays() -> tuple[re.Pattern[str], dict[str, int]]:
    names: dict[str, int] = {k.lower(): int(v) for k, v in table("dates")["line_weekdays"].items()}
    return re.compile(alternation(names), re.IGNORECASE), names


_WEEKDAYS: tuple[re.Pattern[str], dict[str, int]] = _build_weekdays()


def _build_month_name_date() -> re.Pattern[str]:
    months = rf"{alternation(strings('dates', 'month_names'))}|tháng\s+\d{{1,2}}"
    day_first = rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})\.?,?\s+(?:năm\s+)?\d{{4}}"
    month_first = rf"(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    return re.compile(rf"(?<!\d)(?:{day_first}|{month_first})(?!\d)", re.IGNORECASE)


_MONTH_NAME_DATE: re.Pattern[str] = _build_month_name_date()


def _build_labels() -> re.Pattern[str]:
    return re.compile(alternation(strings("metadata", "date_labels")), re.IGNORECASE)


_LABELS: re.Pattern[str] = _build_labels()


@dataclass(frozen=True, slots=True)
class DateLine:
    """What a standalone date line says.

    ``readings`` holds one day, or two when the day and month could be either
    way round (day-first first). ``month`` is set instead for a line giving
    only a year and month. ``stamp`` marks a publication stamp (a time or a
    label), which wins over a bare date such as a portal's "today".
    """

    readings: tuple[date, ...]
    stamp: bool
    weekday: int | None = None  # 0 is Monday
    us_clock: bool = False  # "2:29:21 PM": the clock of a month-first CMS
    month: tuple[int, int] | None = None


def read_date_line(line: str) -> DateLine | None:
    """The date a line of the page header states, when the line is a date line and nothing more."""
    if len(line) > _MAX_LINE:
        return None
    crawler = _CRAWLER.match(line.strip())
    if crawler is not None:
        return _crawler_line(crawler)
    stamp = _TIME.search(line) is not None or _LABELS.search(line) is not None
    found = _numeric(line) or _iso(line) or _named(line)
    if found is None:
        return None
    readings, span = found
    residue = line[: span[0]] + " " + line[span[1] :]
    residue = _LABELS.sub(" ", _WEEKDAYS[0].sub(" ", _TIME.sub(" ", _GMT.sub(" ", _COUNTER.sub(" ", residue)))))
    limit = _MAX_RESIDUE_LETTERS if stamp else _MAX_BARE_RESIDUE_LETTERS
    if len(_RESIDUE_LETTERS.findall(residue)) > limit or any(ch.isdigit() for ch in residue):
        return None
    return DateLine(readings, stamp, _weekday(line), _US_CLOCK.search(line) is not None)


def _crawler_line(match: re.Match[str]) -> DateLine | None:
    year, month = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12:
        return None
    if match.group(3) is None:
        return DateLine((), False, month=(year, month))
    day = _valid(year, month, int(match.group(3)))
    return DateLine((day,), True) if day else None


def _numeric(line: str) -> tuple[tuple[date, ...], tuple[int, int]] | None:
    match = _NUMERIC.search(line)
    if match is None:
        return None
    first, second, year = int(match.group(1)), int(match.group(2)), int(match.group(3))
    readings = tuple(
        dict.fromkeys(d for d in (_valid(year, second, first), _valid(year, first, second)) if d is not None)
    )
    return (readings, match.span()) if readings else None


def _iso(line: str) -> tuple[tuple[date, ...], tuple[int, int]] | None:
    match = _ISO.search(line)
    if match is None or match.group(3) is None:
        return None
    day = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return ((day,), match.span()) if day else None


def _named(line: str) -> tuple[tuple[date, ...], tuple[int, int]] | None:
    """A date written with a month name ("18 October 2019", "18 tháng Mười 2019"), read by dateparser."""
    match = _MONTH_NAME_DATE.search(line)
    if match is None:
        return None
    parsed = _parser().get_date_data(match.group())
    when: datetime | None = parsed.date_obj if parsed else None
    return ((when.date(),), match.span()) if when is not None else None


@functools.cache
def _parser() -> Any:
    """dateparser's reader for Vietnamese and English, built once (it is imported only when needed)."""
    from dateparser.date import DateDataParser  # a second of imports, spared to pages without month names

    settings = {"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_LOCALE_DATE_ORDER": False}
    return DateDataParser(languages=["vi", "en"], settings=settings)


def _weekday(line: str) -> int | None:
    pattern, names = _WEEKDAYS
    match = pattern.search(line)
    return names[" ".join(match.group().lower().split())] if match else None


def decide(
    line: DateLine,
    body_dates: Callable[[], Iterable[tuple[int, int, int | None]]] | Iterable[tuple[int, int, int | None]],
) -> date | None:
    """The day a date line stamps, its day-month order decided by evidence (see the module docstring).

    ``body_dates`` are the (day, month, year or ``None``) dates the article's body reports, or a function
    giving them (called only when the order is in doubt).
    """
    if not line.readings:
        return None
    if len(line.readings) == 1:
        return line.readings[0]
    if line.weekday is not None:
        matching = [d for d in line.readings if d.weekday() == line.weekday]
        if len(matching) == 1:
            return matching[0]
    reported = list(body_dates() if callable(body_dates) else body_dates)
    lags = {d: _lag(d, reported) for d in line.readings}
    known = {d: lag for d, lag in lags.items() if lag is not None}
    if known:
        best = min(known, key=lambda d: known[d])
        if len(known) == 1 or sorted(known.values())[1] - known[best] >= 3:
            return best
    day_first, month_first = line.readings
    return month_first if line.us_clock else day_first


def _lag(day: date, body_dates: Iterable[tuple[int, int, int | None]]) -> int | None:
    """Days from the latest body date on or before ``day`` (within the usual lag), ``None`` if none is."""
    lags = []
    for d, m, y in body_dates:
        reported = _valid(y if y is not None else day.year, m, d)
        if reported is not None and 0 <= (day - reported).days <= _MAX_LAG_DAYS:
            lags.append((day - reported).days)
    return min(lags) if lags else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
