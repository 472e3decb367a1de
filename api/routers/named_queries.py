"""``/queries``: the named, parameterised questions of ``queries/`` (docs/named-queries.md)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Query, Request

from api.models import NamedQueryInfo, NamedQueryResult, QueryParameterInfo
from api.parameters import ProviderDep, QueryName
from api.problems import problem_responses
from api.provider import GraphProvider
from queries.registry import NamedQuery, registry

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


def _answer(query: NamedQuery, request: Request, provider: GraphProvider) -> NamedQueryResult:
    given = dict(request.query_params.items())
    return NamedQueryResult(name=query.name, columns=list(query.columns), rows=query.run(provider.runner, given))


_RUN_DOC = """

Parameters are checked against their declared types (422 with what is expected otherwise) and bound to
the query — never pasted into it. Optional parameters that are not given do not filter. Dates are ISO
strings, counts integers, empty cells `null`. The answer is bounded like `/sparql` (`GOVKG_QUERY_TIMEOUT`,
`GOVKG_MAX_ROWS`).

Columns: {columns}.
"""


def _endpoint(query: NamedQuery) -> Callable[..., NamedQueryResult]:
    """A route function for one named query, whose signature declares its parameters (for the OpenAPI docs)."""

    def endpoint(request: Request, provider: GraphProvider, **_: str | None) -> NamedQueryResult:
        return _answer(query, request, provider)

    fixed = inspect.Parameter.POSITIONAL_OR_KEYWORD
    parameters = [
        inspect.Parameter("request", fixed, annotation=Request),
        inspect.Parameter("provider", fixed, annotation=ProviderDep),
    ]
    for declared in query.parameters:
        description = f"{declared.description} — {declared.hint}"
        if declared.default is not None:
            description += f" (default {declared.default})"
        kind = str | None if declared.optional else str
        parameters.append(
            inspect.Parameter(
                f"arg_{declared.name}",
                inspect.Parameter.KEYWORD_ONLY,
                default=None if declared.optional else inspect.Parameter.empty,
                annotation=Annotated[kind, Query(alias=declared.name, min_length=1, description=description)],
            )
        )
    endpoint.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    return endpoint


for _query in registry():
    router.add_api_route(
        f"/{_query.name}",
        _endpoint(_query),
        methods=["GET"],
        response_model=NamedQueryResult,
        responses=problem_responses(422, 503, 504),
        summary=f"Run {_query.name}",
        description=_query.description + _RUN_DOC.format(columns=", ".join(f"`{c}`" for c in _query.columns)),
        operation_id=f"query_{_query.name}",
    )


@router.get("/{name}", response_model=NamedQueryResult, responses=problem_responses(404, 422, 503, 504))
def run_query(name: QueryName, request: Request, provider: ProviderDep) -> NamedQueryResult:
    """Run a named query by name, its parameters in the query string (each query also has its own
    documented path above). Unknown names answer 404 with the list of names.

    Example: `GET /queries/who_chaired_under?document=64/2007/NĐ-CP&province=Lạng Sơn`
    """
    return _answer(registry().get(name), request, provider)
