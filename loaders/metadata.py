"""What an article says about itself: title, publication date, source and byline."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

# A date line near the top ("28/01/2013 14:45 CH", "Thứ bảy, 01/06/2019 08:03").
_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b")
_HEAD_LINES = 12


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """Metadata of an article; ``None`` where it is unknown."""

    title: str | None = None
    published: date | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None

    def merged_with(self, hints: ArticleMetadata) -> ArticleMetadata:
        """Return this metadata with every field the ``hints`` know replaced by theirs."""
        known = {name: getattr(hints, name) for name in self.__slots__ if getattr(hints, name) is not None}
        return replace(self, **known)


def read_metadata(text: str) -> ArticleMetadata:
    """Find the title and publication date an article's text states."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    title = lines[0] if lines and len(lines[0]) < 250 else None
    return ArticleMetadata(title=title, published=_first_date(lines[:_HEAD_LINES]))


def _first_date(lines: list[str]) -> date | None:
    for line in lines:
        if len(line) > 80:
            continue
        match = _DATE.search(line)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                continue
    return None
