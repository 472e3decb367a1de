"""Errors as RFC 9457 problem details: ``type``, ``title``, ``status``, ``detail`` — never a stack trace.

Each failure the API knows gets its own status and ``type`` IRI and a detail a
user can act on; anything unexpected is logged here and answered with a plain
500 problem. :func:`install` registers the handlers on an app.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.sparql.errors import QueryEvaluationError, QuerySyntaxError, RunnerBusy, RunnerClosed
from graph.store.base import StoreError
from ontology.errors import QueryTimeout, TooManyRows
from queries.registry import ParameterError, QueryDefinitionError

log = logging.getLogger(__name__)

#: Base of the ``type`` IRIs of govkg's problems.
PROBLEM_BASE = "https://w3id.org/govkg/problems/"
#: The media type of problem responses.
PROBLEM_MEDIA_TYPE = "application/problem+json"


class Problem(BaseModel):
    """An error (RFC 9457 problem details)."""

    type: str = Field("about:blank", description="What kind of problem this is (an IRI).")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong this time, and what to do about it.")
    errors: list[dict[str, Any]] | None = Field(
        None, description="For invalid parameters: each parameter and what is wrong with it."
    )


class ProblemError(Exception):
    """Raise to answer with a problem: ``ProblemError(404, "no person with id …")``."""

    def __init__(
        self,
        status: int,
        detail: str,
        *,
        kind: str | None = None,
        title: str | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, Any]] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.kind = kind
        self.title = title or HTTPStatus(status).phrase
        self.headers = headers
        self.errors = errors


def not_found(what: str, identifier: str, listing: str) -> ProblemError:
    """The 404 of an unknown id, saying where the known ones are listed."""
    return ProblemError(
        404,
        f"no {what} with id {identifier!r}; ids are the last segment of the entity's IRI — list them at {listing}",
        kind="not-found",
    )


def problem_response(problem: ProblemError) -> JSONResponse:
    """The JSON response of a problem."""
    body = Problem(
        type=PROBLEM_BASE + problem.kind if problem.kind else "about:blank",
        title=problem.title,
        status=problem.status,
        detail=problem.detail,
        errors=problem.errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=problem.status,
        headers=problem.headers,
        media_type=PROBLEM_MEDIA_TYPE,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the problem responses a route may give."""
    schema = Problem.model_json_schema()
    return {
        status: {"description": HTTPStatus(status).phrase, "content": {PROBLEM_MEDIA_TYPE: {"schema": schema}}}
        for status in statuses
    }


def _validation_errors(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    errors = []
    for error in exc.errors():
        location = ".".join(str(part) for part in error.get("loc", ()) if part != "body" or len(error["loc"]) == 1)
        errors.append({"parameter": location, "message": str(error.get("msg", "invalid"))})
    summary = "; ".join(f"{e['parameter']}: {e['message']}" for e in errors[:5])
    return f"invalid request: {summary}", errors


def _handlers() -> dict[type[Exception], Any]:
    def problem(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ProblemError)
        return problem_response(exc)

    def http_error(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
        return problem_response(ProblemError(exc.status_code, detail, headers=dict(exc.headers or {})))

    def invalid(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        detail, errors = _validation_errors(exc)
        return problem_response(ProblemError(422, detail, kind="invalid-parameters", errors=errors))

    def parameter(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ParameterError)
        return problem_response(
            ProblemError(
                422,
                str(exc),
                kind="invalid-parameters",
                errors=[{"parameter": exc.parameter, "message": exc.message}],
            )
        )

    def timeout(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, QueryTimeout)
        return problem_response(
            ProblemError(
                504,
                f"The query took longer than {exc.seconds:g} s and was stopped. Narrow it (more specific "
                "patterns, fewer joins, a LIMIT) or ask for a larger GOVKG_QUERY_TIMEOUT.",
                kind="query-timeout",
                title="Query timed out",
            )
        )

    def too_many(_: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, TooManyRows)
        return problem_response(
            ProblemError(
                422,
                f"The answer has more than {exc.limit} rows, the most this service returns (GOVKG_MAX_ROWS). "
                "Add filters or a LIMIT, and page with LIMIT/OFFSET.",
                kind="too-many-rows",
                title="Answer too large",
            )
        )

    def unavailable(_: Request, exc: Exception) -> JSONResponse:
        return problem_response(
            ProblemError(
                503,
                f"{exc}",
                kind="busy" if isinstance(exc, RunnerBusy) else "unavailable",
                headers={"Retry-After": "5"},
            )
        )

    def syntax(_: Request, exc: Exception) -> JSONResponse:
        return problem_response(ProblemError(400, f"The query is not valid SPARQL: {exc}", kind="sparql-syntax"))

    def evaluation(_: Request, exc: Exception) -> JSONResponse:
        return problem_response(ProblemError(400, f"The query failed while running: {exc}", kind="query-failed"))

    def store(_: Request, exc: Exception) -> JSONResponse:
        log.error("store failure: %s", exc)
        return problem_response(ProblemError(503, str(exc), kind="store-unavailable"))

    def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return problem_response(
            ProblemError(500, "Something went wrong on our side; it has been logged. Try again, or report it.")
        )

    return {
        ProblemError: problem,
        StarletteHTTPException: http_error,
        RequestValidationError: invalid,
        ParameterError: parameter,
        QueryTimeout: timeout,
        TooManyRows: too_many,
        RunnerBusy: unavailable,
        RunnerClosed: unavailable,
        QuerySyntaxError: syntax,
        QueryEvaluationError: evaluation,
        StoreError: store,
        QueryDefinitionError: unexpected,
        Exception: unexpected,
    }


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` as problem details."""
    for exception, handler in _handlers().items():
        app.add_exception_handler(exception, handler)
