"""What routes take, declared once: the dependencies, and the path and query parameters several routes share.

A route names a type here (``provider: ProviderDep``, ``person_id: PersonId``,
``province: ProvinceFilter``) instead of spelling out ``Annotated[…, Depends(…)]``
or ``Query(…)`` itself, so a parameter is validated and documented the same
way wherever it appears.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import Depends, Path, Query, Request

from api.identifiers import ID_PATTERN
from api.paging import MAX_OFFSET, PageRequest
from api.problems import ProblemError
from api.provider import GraphProvider
from graph.projection.filters import MAX_HOPS, GraphFilter, resolve_filter
from graph.store.embedded import OxigraphStore
from services.settings import Settings

# -- dependencies ------------------------------------------------------------------------------


def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_provider(request: Request) -> GraphProvider:
    """The app's graph provider (opened when the app starts)."""
    provider: GraphProvider = request.app.state.provider
    return provider


def get_store(request: Request) -> OxigraphStore:
    """The live store, for fixed queries the code controls; caller-shaped queries go through the provider."""
    return get_provider(request).store


#: The app's settings.
SettingsDep = Annotated[Settings, Depends(get_settings)]
#: The graph provider: bounded reads over the current snapshot, and writes.
ProviderDep = Annotated[GraphProvider, Depends(get_provider)]
#: The live store (exports and analytics read it with queries the code composes).
StoreDep = Annotated[OxigraphStore, Depends(get_store)]


def page_request(
    request: Request,
    settings: SettingsDep,
    limit: Annotated[
        int | None, Query(ge=1, description="Items per page (default GOVKG_PAGE_SIZE, at most GOVKG_MAX_PAGE_SIZE).")
    ] = None,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")] = 0,
) -> PageRequest:
    """The page asked for (422 when ``limit`` is over the maximum)."""
    if limit is not None and limit > settings.max_page_size:
        raise ProblemError(
            422,
            f"limit {limit} is over the largest page, {settings.max_page_size}; ask for several pages",
            kind="invalid-parameters",
            errors=[{"parameter": "query.limit", "message": f"at most {settings.max_page_size}"}],
        )
    return PageRequest(limit or settings.page_size, offset, request)


#: The page of a list a caller asked for (``limit``, ``offset``).
PageDep = Annotated[PageRequest, Depends(page_request)]


def graph_filter(
    store: StoreDep,
    province: Annotated[
        str | None, Query(max_length=100, description="A unit code (`VN-09`, `VN-07-2025`), name or IRI.")
    ] = None,
    person: Annotated[
        str | None, Query(max_length=300, description="A person's IRI or id: their 2-step neighbourhood.")
    ] = None,
    node: Annotated[
        str | None, Query(max_length=300, description="Any node's IRI: its `hops`-step neighbourhood.")
    ] = None,
    hops: Annotated[int, Query(ge=0, le=MAX_HOPS, description="Steps around `node`.")] = 1,
    document: Annotated[
        str | None, Query(max_length=300, description="A legal document's notation (`64/2007/NĐ-CP`) or IRI.")
    ] = None,
    date_from: Annotated[date | None, Query(alias="from", description="First day of a date range.")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last day of a date range.")] = None,
) -> GraphFilter:
    """The subgraph a request asks for (404 for what the store does not hold, 422 for what is no IRI or range)."""
    return resolve_filter(
        store,
        province=province,
        person=person,
        node=node,
        hops=hops,
        document=document,
        date_from=date_from,
        date_to=date_to,
    )


#: The part of the graph an export or an analysis covers (``province``, ``person``, ``node``/``hops`` …).
GraphFilterDep = Annotated[GraphFilter, Depends(graph_filter)]

# -- ids in paths --------------------------------------------------------------------------------

PersonId = Annotated[str, Path(pattern=ID_PATTERN, description="The person's id, e.g. `hoang-van-thai-ffdbbc93db`.")]
OrganizationId = Annotated[
    str, Path(pattern=ID_PATTERN, description="The organization's id, e.g. `uy-ban-nhan-dan-tinh-lang-son-1643217e87`.")
]
DocumentId = Annotated[str, Path(pattern=ID_PATTERN, description="The document's id, e.g. `64-2007-nd-cp-7aa183b130`.")]
MeetingId = Annotated[
    str, Path(pattern=ID_PATTERN, description="The meeting's id, e.g. `2016-05-09-committeemeeting-e627586fe8`.")
]
ArticleId = Annotated[
    str, Path(pattern=ID_PATTERN, description="The article's id, e.g. `lang-son-2015-txt-9caf62f7be`.")
]
ProvinceCode = Annotated[
    str,
    Path(
        min_length=1,
        max_length=100,
        description="A unit code (`VN-44`, `VN-44-2025`, `VN-HN`) or a name (`An Giang`, `TP.HCM`).",
    ),
]
QueryName = Annotated[
    str, Path(pattern=r"^[a-z_]{1,60}$", description="A named query's name, e.g. `who_chaired_under`.")
]

# -- filters of the resource lists ---------------------------------------------------------------

NameFilter = Annotated[
    str | None, Query(min_length=1, max_length=200, description="Part of the name, accents and case ignored.")
]
ProvinceFilter = Annotated[
    str | None,
    Query(
        alias="province",
        min_length=1,
        max_length=100,
        description="A unit code (`VN-44`, `VN-44-2025`) or name; the units it succeeded match too.",
    ),
]
FromDay = Annotated[date | None, Query(alias="from", description="On or after this day (YYYY-MM-DD).")]
ToDay = Annotated[date | None, Query(alias="to", description="On or before this day (YYYY-MM-DD).")]
