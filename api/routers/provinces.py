"""``/provinces``: the province-level units (63 → 34 in 2025) and what the graph holds about each."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.filters import given, province
from api.models import CitedDocument, IndicatorFigure, Official, Page, ProvinceDetail, ProvinceSummary, Ref
from api.parameters import PageDep, ProviderDep, ProvinceCode
from api.problems import problem_responses
from api.summaries import Row, day, meeting_summary, province_summary, text, unit
from ontology.errors import NotFound
from ontology.gazetteer import Province, provinces
from ontology.orthography import search_key
from queries.registry import ParameterError, registry
from queries.resources import MEETINGS
from services.settings import INTERNAL_ROWS_CAP

router = APIRouter(prefix="/provinces", tags=["provinces"])


def _matches(found: Province, key: str) -> bool:
    return any(key in search_key(label) for label in (found.name, *found.aliases))


@router.get("", response_model=Page[ProvinceSummary], responses=problem_responses(422))
def list_provinces(
    page: PageDep,
    name: Annotated[
        str | None, Query(min_length=1, max_length=100, description="Part of the name or an alias, accents ignored.")
    ] = None,
    valid_on: Annotated[
        date | None, Query(description="Only the units that existed on this day (`2025-07-01` gives the 34).")
    ] = None,
) -> Page[ProvinceSummary]:
    """List the province-level units of the gazetteer: the 63 that existed until 30 June 2025, then the
    units formed on 1 July 2025 (34 valid after it, counting the 11 that did not change).

    Each unit has its code (the `id`), its validity and the codes of the units it merged into
    (`successors`) or that merged into it (`predecessors`). Filter by `name` (accents ignored) or by
    `valid_on` a day.
    """
    key = search_key(name) if name else ""
    chosen = [
        found
        for found in provinces()
        if (not key or _matches(found, key)) and (valid_on is None or found.valid_on(valid_on))
    ]
    return page.page(chosen, province_summary)


@router.get("/{code}", response_model=ProvinceDetail, responses=problem_responses(404, 422, 503, 504))
def get_province(code: ProvinceCode, provider: ProviderDep) -> ProvinceDetail:
    """One province and what the graph holds about it — counting the units it succeeded, so the new
    An Giang (`VN-44-2025`) shows what was reported about the old An Giang and Kiên Giang:

    - `officials` — posts held in its organizations (named query `officials_of_province`);
    - `meetings` — meetings held there, newest first (up to `GOVKG_MAX_PAGE_SIZE`; `meetings_total` counts
      them all, and `/meetings?province=…` pages through them);
    - `documents` — documents its articles cite (named query `documents_cited_by_province`);
    - `indicators` — indicator figures reported for it (named query `indicators_of_province`).
    """
    try:
        term = province(code, parameter="code")
    except ParameterError as exc:
        raise NotFound(exc.message) from None  # a unit in the path that does not exist is not found
    found = unit(term.value)
    assert found is not None
    queries = registry()
    arguments = {"province": found.code}

    def named(name: str) -> Sequence[Row]:
        return queries.get(name).run(provider.runner, arguments, max_rows=INTERNAL_ROWS_CAP)

    meetings = provider.rows(MEETINGS, given(province=term))
    return ProvinceDetail(
        **province_summary(found).model_dump(),
        officials=[
            Official(
                person=Ref.of(str(row["person"]), text(row["name"])),
                title=text(row["title"]),
                organization=Ref.of(str(row["organization"]), text(row["organization_name"])),
                last_reported=day(row["last_reported"]),
            )
            for row in named("officials_of_province")
        ],
        meetings=[meeting_summary(row) for row in meetings[: provider.settings.max_page_size]],
        meetings_total=len(meetings),
        documents=[
            CitedDocument(
                document=Ref.of(str(row["document"]), text(row["notation"])),
                type=text(row["type"]),
                articles=int(str(row["articles"])),
            )
            for row in named("documents_cited_by_province")
        ],
        indicators=[
            IndicatorFigure(
                indicator=Ref.of(str(row["indicator"]), text(row["label"])),
                value=float(str(row["value"])) if row["value"] is not None else None,
                unit=text(row["unit"]),
                date=day(row["date"]),
                article=Ref.of(str(row["article"])),
            )
            for row in named("indicators_of_province")
        ],
    )
