"""Pagination of list endpoints: ``limit`` and ``offset`` checked against the settings, pages cut in memory.

List queries read the whole filtered, ordered list once per store generation
(the runner caches it), so any page of it — and its total — costs a slice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, TypeVar
from urllib.parse import urlencode

from fastapi import Depends, Query, Request

from api.models import Page
from api.problems import ProblemError
from api.store_access import get_settings
from services.settings import Settings

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


def page_request(
    request: Request,
    settings: Annotated[Settings, Depends(get_settings)],
    limit: Annotated[
        int | None, Query(ge=1, description="Items per page (default GOVKG_PAGE_SIZE, at most GOVKG_MAX_PAGE_SIZE).")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> PageRequest:
    """FastAPI dependency: the page asked for (422 when ``limit`` is over the maximum)."""
    if limit is not None and limit > settings.max_page_size:
        raise ProblemError(
            422,
            f"limit {limit} is over the largest page, {settings.max_page_size}; ask for several pages",
            kind="invalid-parameters",
            errors=[{"parameter": "query.limit", "message": f"at most {settings.max_page_size}"}],
        )
    return PageRequest(limit or settings.page_size, offset, request)


#: A route parameter receiving the page asked for.
PageDep = Annotated[PageRequest, Depends(page_request)]
