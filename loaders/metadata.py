"""What an article says about itself: title, publication date, source and byline.

Pages of the genre put a date line near the top ("28/01/2013 14:45 CH",
"Ngày đăng: 27/12/2018", "(05:53 | 16/05/2018)", "Cập nhật, 16:47, Thứ Sáu,
22/12/2023"), sometimes under a portal header holding today's date ("Thứ năm,
ngày 29/02/2024"): a line with a time or a publication label wins over a bare
date. The source is the outlet tag opening the lead ("(Mic.gov.vn) -", "BDK.VN -")
or a closing "Nguồn …"/"Theo …" line; the byline is the author's line at the end.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import TypeVar

from loaders.date_lines import DateLine, decide, read_date_line
from loaders.extraction.dates import find_dates
from loaders.extraction.tables import alternation, strings

log = logging.getLogger(__name__)
T = TypeVar("T")

_SOURCE_TAG = re.compile(r"^\(\s*([^()]{2,40}?)\s*\)\s*[-–—:]?\s*|^([A-Za-zĐđ0-9.]{2,30}\.[A-Za-z]{2,4})\s*[-–—]\s+")
_INITIALS = re.compile(r"^(?:[A-ZĐ]\.\s?)+[A-ZĐ]?[\wÀ-ỹ]*\.?$|^[A-ZĐ]{1,3}$")
# A stamp in brackets opening the lead paragraph itself: "(16/07/2014)Chiều ngày 16/7, …".
_LEADING_STAMP = re.compile(r"^\(\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*\)")
_HEAD_LINES = 15
_TAIL_LINES = 4
_STAMP_TAIL_LINES = 12  # a page that prints its stamp at the foot, under the related links
_MAX_TITLE = 250


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """Metadata of an article; ``None`` where it is unknown."""

    title: str | None = None
    published: date | None = None
    published_month: date | None = None  # "date 2023-06": the month (its first day) when no day is given
    source: str | None = None
    byline: str | None = None
    url: str | None = None

    def merged_with(self, hints: ArticleMetadata) -> ArticleMetadata:
        """Return this metadata with every field the ``hints`` know replaced by theirs."""
        known = {name: getattr(hints, name) for name in self.__slots__ if getattr(hints, name) is not None}
        return replace(self, **known)


def _build_furniture() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(strings('metadata', 'furniture'))})\W*$", re.IGNORECASE)


_FURNITURE: re.Pattern[str] = _build_furniture()


def _build_end_marker() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(strings('metadata', 'end_markers'))})", re.IGNORECASE)


_END_MARKER: re.Pattern[str] = _build_end_marker()


def _build_labels() -> re.Pattern[str]:
    return re.compile(alternation(strings("metadata", "date_labels")), re.IGNORECASE)


_LABELS: re.Pattern[str] = _build_labels()


def _build_source_line() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(strings('metadata', 'source_cues'))})\s*:?\s+(.{{2,40}})$", re.IGNORECASE)


_SOURCE_LINE: re.Pattern[str] = _build_source_line()


def _build_byline_labels() -> re.Pattern[str]:
    return re.compile(rf"^(?:{alternation(strings('metadata', 'byline_labels'))})\s*:", re.IGNORECASE)


_BYLINE_LABELS: re.Pattern[str] = _build_byline_labels()


def read_metadata(text: str) -> ArticleMetadata:
    """Find the title, publication date, source and byline an article's text states.

    A field whose reader fails on odd text is logged and left unknown: metadata
    never stops an article from being read.
    """
    lines = _article_lines(text)
    head = lines[:_HEAD_LINES]
    foot = [line for line in _foot(text) if line not in head]
    published, month = _guarded("published", lambda _: _published(head, foot, text), head) or (None, None)
    return ArticleMetadata(
        title=_guarded("title", _title, lines),
        published=published,
        published_month=month,
        source=_guarded("source", _source, lines),
        byline=_guarded("byline", _byline, lines),
    )


def _guarded(field: str, read: Callable[[list[str]], T], lines: list[str]) -> T | None:
    try:
        return read(lines)
    except Exception:  # one odd page must not stop the article (see read_metadata)
        log.exception("reading the %s of an article failed", field)
        return None


def _article_lines(text: str) -> list[str]:
    """The non-empty lines up to the page furniture that follows the article."""
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if lines and _END_MARKER.match(line):
            break
        lines.append(line)
    return lines


def _is_furniture(line: str) -> bool:
    return _FURNITURE.match(line) is not None


def _title(lines: list[str]) -> str | None:
    for line in lines[:_HEAD_LINES]:
        if _is_furniture(line) or _date_line(line) is not None or _SOURCE_TAG.match(line):
            continue
        return line if len(line) <= _MAX_TITLE and len(line.split()) >= 3 else None
    return None


def _date_line(line: str) -> DateLine | None:
    """What a standalone date line states (see :mod:`loaders.date_lines`), or the bracketed stamp opening
    the lead paragraph."""
    leading = _LEADING_STAMP.match(line)
    return read_date_line(leading.group(1) if leading else line)


def _foot(text: str) -> list[str]:
    """The last lines of the page, furniture and all."""
    return [line.strip() for line in text.splitlines() if line.strip()][-_STAMP_TAIL_LINES:]


def _published(head: list[str], foot: list[str], text: str) -> tuple[date | None, date | None]:
    """The publication date, or else the month a crawler's line gives (its first day): a stamp (a time or a
    label) in the head, then at the foot, wins over a bare date in the head such as a portal's "today"."""
    at_head = [line for line in map(_date_line, head) if line is not None]
    month = next((date(*line.month, 1) for line in at_head if line.month), None)
    dated = [line for line in at_head if line.readings]
    stamps = [line for line in dated if line.stamp] + [line for line in map(_date_line, foot) if line and line.stamp]
    chosen = stamps[0] if stamps else (dated[0] if dated else None)
    if chosen is None:
        return None, month

    def body() -> list[tuple[int, int, int | None]]:
        return [(m.day, m.month, m.year) for m in find_dates(text) if m.offset is None and not m.same_day]

    return decide(chosen, body), month


def _source(lines: list[str]) -> str | None:
    for line in lines[:_HEAD_LINES]:
        tag = _SOURCE_TAG.match(line)
        if tag is not None and _date_line(line) is None and not _LABELS.search(line):
            return (tag.group(1) or tag.group(2)).strip()
    for line in reversed(lines[-_TAIL_LINES:]):
        cue = _SOURCE_LINE.match(line)
        if cue is not None:
            return cue.group(1).strip()
    return None


def _byline(lines: list[str]) -> str | None:
    """The author's line: a short name, initials or "Tin: … Ảnh: …" line at the end (or under the title)."""
    for line in reversed(lines[-_TAIL_LINES:]):
        if _is_furniture(line) or _SOURCE_LINE.match(line):
            continue
        if _looks_like_byline(line):
            return line.rstrip(" |")
    for line in lines[1:4]:
        if line.endswith("|") and _looks_like_byline(line.rstrip(" |")):
            return line.rstrip(" |")
    return None


def _looks_like_byline(line: str) -> bool:
    if len(line) > 40 or line.endswith((":", ",")):
        return False
    if _BYLINE_LABELS.match(line) or _INITIALS.match(line):
        return True
    words = line.rstrip(".").split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() and (w.isalpha() or w.endswith(".")) for w in words)
