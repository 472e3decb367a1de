"""Pagination of list endpoints: pages cut in memory (``api.parameters.PageDep`` checks ``limit`` and ``offset``).

List queries read the whole filtered, ordered list once per store generation
(the runner caches it), so any page of it — and its total — costs a slice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urlencode

from fastapi import Request

from api.models import Page

T = TypeVar("T")
R = TypeVar("R")

#: The largest offset accepted (far beyond any list; keeps nonsense values out).
MAX_OFFSET = 10_000_000


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which page a caller asked for, and the URL to build the next one from."""

    limit: int
    offset: int
    request: Request

    def page(self, items: Sequence[R], convert: Callable[[R], T]) -> Page[T]:
        """The requested page of ``items``, each converted for the response."""
        chosen = items[self.offset : self.offset + self.limit]
        following = self.offset + self.limit
        next_url = None
        if following < len(items):
            query = dict(self.request.query_params)
            query.update(offset=str(following), limit=str(self.limit))
            next_url = f"{self.request.url.path}?{urlencode(query)}"
        return Page[T](
            items=[convert(item) for item in chosen],
            total=len(items),
            limit=self.limit,
            offset=self.offset,
            next=next_url,
        )
