"""``/queries``: the named, parameterised questions of ``queries/`` (docs/named-queries.md)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from api.models import NamedQueryInfo, NamedQueryResult, QueryParameterInfo
from api.problems import ProblemError, problem_responses
from api.store_access import ProviderDep
from queries.registry import NamedQuery, UnknownQuery, registry

router = APIRouter(prefix="/queries", tags=["named queries"])


def _info(query: NamedQuery) -> NamedQueryInfo:
    return NamedQueryInfo(
        name=query.name,
        description=query.description,
        parameters=[
            QueryParameterInfo(
                name=p.name,
                type=p.type.value,
                required=not p.optional,
                default=p.default,
                description=p.description,
                accepts=p.hint,
            )
            for p in query.parameters
        ],
        columns=list(query.columns),
        run=f"/queries/{query.name}",
    )


def _named(name: str) -> NamedQuery:
    try:
        return registry().get(name)
    except UnknownQuery:
        known = ", ".join(registry().names())
        raise ProblemError(404, f"no named query {name!r}; the named queries are {known}", kind="not-found") from None


@router.get("", response_model=list[NamedQueryInfo])
def list_queries() -> list[NamedQueryInfo]:
    """List the named queries: what each answers, its parameters (name, type, whether required, what a
    value looks like) and its columns.

    Parameter types: `iri` (an entity IRI), `province` (a unit code such as `VN-44-2025` or a name; the
    unit's predecessors match too), `document` (a notation such as `64/2007/NĐ-CP`, or a document IRI),
    `date` (`YYYY-MM-DD`), `string`, `integer`. Each query also exists as Cypher over the Neo4j
    projection, with the same parameters and the same answer.
    """
    return [_info(query) for query in registry()]


@router.get("/{name}", response_model=NamedQueryResult, responses=problem_responses(404, 422, 503, 504))
def run_query(
    name: Annotated[str, Path(pattern=r"^[a-z_]{1,60}$", description="The query's name, e.g. `who_chaired_under`.")],
    request: Request,
    provider: ProviderDep,
) -> NamedQueryResult:
    """Run a named query with its parameters in the query string; get one JSON object per row.

    Parameters are checked against their declared types (422 with what is expected otherwise) and
    bound to the query — never pasted into it. Optional parameters that are not given do not filter.
    Dates are ISO strings, counts integers, empty cells `null`. The answer is bounded like `/sparql`
    (`GOVKG_QUERY_TIMEOUT`, `GOVKG_MAX_ROWS`).

    Example: `GET /queries/who_chaired_under?document=64/2007/NĐ-CP&province=Lạng Sơn`
    """
    query = _named(name)
    given = dict(request.query_params.items())
    return NamedQueryResult(name=query.name, columns=list(query.columns), rows=query.run(provider.runner, given))
