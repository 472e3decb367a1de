"""Dates in the text: "ngày 29/10/2010", "Sáng 21-3", "hôm nay (12/8)", "ngày 27 tháng 9 năm 2018".

A day and month without a year take it from the article's publication date or,
when the article has none, from the years its text mentions (see
:func:`year_hint`). A date that cannot be pinned to a year stays unknown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from loaders.extraction.tables import alternation, first_letters, strings, table

_DAY_MONTH = r"(?P<day>\d{1,2})\s*[/.-]\s*(?P<month>\d{1,2})"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_FULL = re.compile(rf"(?<![\d/.-]){_DAY_MONTH}\s*[/.-]\s*{_YEAR}(?![\d/])")
_VERBAL = re.compile(r"ngày\s+(?P<day>\d{1,2})\s+tháng\s+(?P<month>\d{1,2})\s+năm\s+(?P<year>\d{4})", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:từ(?:\s+ngày)?|từ\s+\S+\s+ngày|\d\s*[-–—]|đến(?:\s+ngày)?)\s*$", re.IGNORECASE)
_RANGE_AFTER = re.compile(r"^\s*(?:[-–—]|đến)\s*\d")
# A year written as one ("năm 2019", "tháng 6-2013") or closing an event's name ("Tuần lễ chuyển đổi số - Huế 2023").
_YEAR_MENTION = re.compile(
    r"(?:năm|tháng\s+\d{1,2}\s*[/-]?|quý\s+[IV1-4]{1,3}\s*[/-]|cùng kỳ|(?<=[^\W\d_]) )"
    r"\s*(?P<year>(?:19|20)\d{2})(?![\d/-])",
    re.IGNORECASE,
)
# From this month on, a meeting reviewing one year and planning the next is held in the first of them.
_REVIEW_SEASON = 11
# A day reported a little after publication is still this year (articles are often dated late).
_LATE_IN_YEAR_SLACK = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written at ``text[start:end]``; ``year`` is ``None`` when the text gives none.

    ``offset`` is set instead of day and month for "hôm nay", "hôm qua".
    """

    start: int
    end: int
    day: int
    month: int
    year: int | None
    offset: int | None = None
    in_range: bool = False
    deadline: bool = False  # "trước ngày 30/6", "chậm nhất ngày 15/4": a time limit, not when something happened
    same_day: bool = False  # "chiều cùng ngày": the day of the date written before it


# "từ ngày 13 đến 14/7", "từ ngày 5 đến ngày 7/12/2023", "từ 17/8 – 19/8/2022": a span of days.
_SPAN = re.compile(
    r"từ\s+(?:ngày\s+)?(?P<d1>\d{1,2})(?:\s*[/.-]\s*(?P<m1>\d{1,2}))?(?:\s*[/.-]\s*(?P<y1>\d{4}))?"
    r"\s*(?:đến|tới|[-–—])\s*(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/.-]\s*(?P<m2>\d{1,2})(?:\s*[/.-]\s*(?P<y2>\d{4}))?"
    r"(?![\d/])",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DaySpan:
    """A span of days written at ``text[start:end]``: its first and last day as (day, month, year or None)."""

    start: int
    end: int
    first: tuple[int, int, int | None]
    last: tuple[int, int, int | None]


# "chiều 16 và sáng 17.10", "ngày 5 và 6/12/2023": two days of one month.
_PAIR = re.compile(
    r"(?<![\d/.-])(?P<d1>\d{1,2})\s+và\s+(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/.-]\s*"
    r"(?P<m2>\d{1,2})(?:\s*[/.-]\s*(?P<y2>\d{4}))?(?![\d/])",
    re.IGNORECASE,
)


def find_spans(text: str, start: int = 0, end: int | None = None) -> list[DaySpan]:
    """Every span of days ("từ ngày 13 đến 14/7", "chiều 16 và sáng 17.10") in ``text[start:end]``."""
    spans = []
    for m in [*_SPAN.finditer(text, start, len(text) if end is None else end), *_pair(text, start, end)]:
        groups = m.groupdict()
        year = int(groups["y2"]) if groups["y2"] else None
        month = int(groups.get("m1") or groups["m2"])
        first = (int(groups["d1"]), month, int(groups["y1"]) if groups.get("y1") else year)
        spans.append(DaySpan(m.start(), m.end(), first, (int(m.group("d2")), int(m.group("m2")), year)))
    return spans


def _pair(text: str, start: int, end: int | None) -> list[re.Match[str]]:
    return [
        m
        for m in _PAIR.finditer(text, start, len(text) if end is None else end)
        if int(m.group("d1")) < int(m.group("d2"))
    ]


def _build_cued_day_month() -> re.Pattern[str]:
    parts = alternation(strings("dates", "day_parts"))
    relative = alternation(table("dates")["relative_days"])
    weekdays = alternation(table("dates")["weekdays"])
    # "Sáng nay (24/4)", "Chiều nay 21/9", "thứ Hai (12/8)"
    cue = rf"(?:(?:{parts})\s+(?:ngày\s+)?|ngày\s+|(?:{relative}|{weekdays})\s*,?\s*\(?\s*(?:ngày\s+)?)"
    opening = first_letters(
        [*strings("dates", "day_parts"), *table("dates")["relative_days"], *table("dates")["weekdays"], "ngày"]
    )
    return re.compile(rf"{opening}{cue}{_DAY_MONTH}(?!\s*[/.-]?\s*\d)", re.IGNORECASE)


_CUED_DAY_MONTH: re.Pattern[str] = _build_cued_day_month()


def _build_relative() -> re.Pattern[str]:
    return re.compile(alternation(table("dates")["relative_days"]), re.IGNORECASE)


_RELATIVE: re.Pattern[str] = _build_relative()


def _build_future_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(strings('dates', 'future_year_cues'))})\s*$", re.IGNORECASE)


_FUTURE_CUE: re.Pattern[str] = _build_future_cue()


def _build_deadline_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(strings('dates', 'deadline_cues'))})\s*(?:ngày\s*)?$", re.IGNORECASE)


_DEADLINE_CUE: re.Pattern[str] = _build_deadline_cue()


def _build_same_day() -> re.Pattern[str]:
    parts = alternation(strings("dates", "day_parts"))
    opening = first_letters([*strings("dates", "day_parts"), *strings("dates", "same_day")])
    return re.compile(rf"{opening}(?:(?:{parts})\s+)?(?:{alternation(strings('dates', 'same_day'))})", re.IGNORECASE)


_SAME_DAY: re.Pattern[str] = _build_same_day()


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Every date in ``text[start:end]``, left to right."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for regex in (_VERBAL, _FULL, _CUED_DAY_MONTH):
        for match in regex.finditer(text, start, end):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            mention = _mention(text, match)
            if mention is not None:
                found.append(mention)
                taken.append((match.start(), match.end()))
    for match in _RELATIVE.finditer(text, start, end):
        # "Sáng nay 18/12/2024": the date written right after says which day "nay" is
        if not any(a <= match.start() < b or match.end() <= a <= match.end() + 4 for a, b in taken):
            offset = int(table("dates")["relative_days"][match.group().lower()])
            found.append(DateMention(match.start(), match.end(), 0, 0, None, offset=offset))
    for match in _SAME_DAY.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(DateMention(match.start(), match.end(), 0, 0, None, same_day=True))
    return sorted(found, key=lambda m: m.start)


def _mention(text: str, match: re.Match[str]) -> DateMention | None:
    day, month = int(match.group("day")), int(match.group("month"))
    groups = match.groupdict()
    year = int(groups["year"]) if groups.get("year") else None
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    if year is not None and _valid(year, month, day) is None:
        return None
    in_range = bool(
        _RANGE_BEFORE.search(text, max(0, match.start() - 16), match.start())
        or _RANGE_AFTER.match(text[match.end() : match.end() + 8])
    )
    deadline = _DEADLINE_CUE.search(text, max(0, match.start() - 24), match.start()) is not None
    return DateMention(match.start(), match.end(), day, month, year, in_range=in_range, deadline=deadline)


def resolve(
    mention: DateMention, published: date | None, year_hint: int | None, published_month: date | None = None
) -> date | None:
    """The day ``mention`` names, its year from the text, the publication date (or month) or the hint; else
    ``None``. A publication month stands for its last day when a day and month take their year from it."""
    if mention.same_day:
        return None  # the caller knows the date written before it (see MeetingFinder)
    if mention.offset is not None:
        return published + timedelta(days=mention.offset) if published else None
    if mention.year is not None:
        return _valid(mention.year, mention.month, mention.day)
    if published is None and published_month is not None:
        published = _month_end(published_month)
    if published is not None:
        day = _valid(published.year, mention.month, mention.day)
        if day is not None and day > published + _LATE_IN_YEAR_SLACK:
            day = _valid(published.year - 1, mention.month, mention.day)
        return day
    if year_hint is not None:
        return _valid(year_hint, mention.month, mention.day)
    return None


def year_hint(
    text: str,
    dated: Iterable[DateMention],
    excluded: list[tuple[int, int]],
    day: DateMention,
    within: tuple[int, int] | None = None,
) -> int | None:
    """The year the events of an undated article most likely fall in, for a day-and-month ``day``.

    Full dates outside legal-document citations (``excluded``) count first: the
    year that puts ``day`` nearest to one of them. Otherwise the one year written
    in ``text[within]`` (the sentence reporting the day, so that a budget or plan
    year elsewhere gives none): "năm 2019", "tháng 6-2013", "quý II/2024", "Huế
    2023", leaving out targets and spans ("đến năm 2030", "giai đoạn 2021-2025");
    of a sentence writing the year reviewed and the next one planned, the later,
    unless the day falls in the last months (a review held before the year's end).
    """

    def outside(start: int) -> bool:
        return not any(a <= start < b for a, b in excluded)

    full = [_valid(m.year, m.month, m.day) for m in dated if m.year is not None and outside(m.start)]
    anchors = [d for d in full if d is not None]
    if anchors:
        years = {d.year for d in anchors} | {d.year - 1 for d in anchors} | {d.year + 1 for d in anchors}
        return min(years, key=lambda y: _distance(y, day, anchors))
    start, end = within if within is not None else (0, len(text))
    written = sorted(set(_years(text, start, end, excluded)))
    if len(written) == 2 and written[1] == written[0] + 1 and day.month >= _REVIEW_SEASON:
        return written[0]  # "Sáng 1/12, … tổng kết năm 2017, dự kiến nhiệm vụ năm 2018": the year under review
    return written[-1] if written else None


def latest_year(text: str, start: int, end: int, excluded: list[tuple[int, int]] | None = None) -> int | None:
    """The latest year ``text[start:end]`` writes as the time of what it reports ("năm 2019", "Huế 2023"),
    outside ``excluded`` spans and leaving out targets and spans ("đến năm 2030", "giai đoạn 2021-2025")."""
    return max(_years(text, start, end, excluded), default=None)


def _years(text: str, start: int, end: int, excluded: list[tuple[int, int]] | None) -> list[int]:
    return [
        int(m.group("year"))
        for m in _YEAR_MENTION.finditer(text, start, end)
        if not any(a <= m.start() < b for a, b in excluded or ())
        and not _FUTURE_CUE.search(text, max(0, m.start() - 24), m.start())
    ]


def _distance(year: int, day: DateMention, anchors: list[date]) -> int:
    candidate = _valid(year, day.month, day.day)
    if candidate is None:
        return 10**6
    return min(abs((candidate - anchor).days) for anchor in anchors)


def _month_end(first: date) -> date:
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return following - timedelta(days=1)


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
