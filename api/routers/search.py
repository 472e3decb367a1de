"""``/search``: find people, organizations and documents by name or notation, accents ignored."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query

from api.identifiers import entity_id
from api.models import Links, Page, SearchResult
from api.parameters import PageDep, ProviderDep
from api.problems import problem_responses
from queries.search import SearchHit

router = APIRouter(tags=["search"])


class SearchKind(StrEnum):
    """What /search can look for."""

    PERSON = "person"
    ORGANIZATION = "organization"
    DOCUMENT = "document"


def _result(hit: SearchHit) -> SearchResult:
    return SearchResult(
        id=entity_id(hit.iri), iri=hit.iri, kind=hit.kind, label=hit.label, score=hit.score, links=Links.of(hit.iri)
    )


@router.get("/search", response_model=Page[SearchResult], responses=problem_responses(422, 503, 504))
def search(
    provider: ProviderDep,
    page: PageDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="Words to find, accents and case ignored.")],
    kind: Annotated[list[SearchKind] | None, Query(description="Only these kinds (repeat the parameter).")] = None,
) -> Page[SearchResult]:
    """Find persons (by name), organizations (by name) and legal documents (by notation or title).

    Accents and case are ignored and each word may be the start of a word: `tran thanh duc` finds
    *Trần Thanh Đức*, `64/2007` finds *Nghị định 64/2007/NĐ-CP*, `so thong tin` finds the
    *Sở Thông tin và Truyền thông* of every province. Best matches first: the whole label, then labels
    starting with the query's words, then containing them in a row, then anywhere, then words only
    starting with them; shorter labels first.

    Example: `GET /search?q=hoang van thai&kind=person`
    """
    kinds = [k.value for k in kind] if kind else None
    return page.page(provider.search_index().search(q, kinds), _result)
