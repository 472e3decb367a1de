"""Errors as RFC 9457 problem details: ``type``, ``title``, ``status``, ``detail`` — never a stack trace.

This is the one place the API turns an error into an answer. Any error of
govkg's family (``ontology.errors``) is answered with its own status, its
``type`` IRI (``https://w3id.org/govkg/problems/<kind>``), its title and its
detail, whichever layer raised it; routers let them through. What only HTTP
knows — a missing API key, an unsupported media type, an ``Accept`` header
nothing satisfies — routers raise as :class:`ProblemError`. Anything
unexpected (and govkg's own faults, status 500) is logged here and answered
with a plain 500 problem. :func:`install` registers the handlers on an app.
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

from ontology.errors import PROBLEM_BASE, GovkgError, InvalidInput, NotFound

log = logging.getLogger(__name__)

#: The media type of problem responses.
PROBLEM_MEDIA_TYPE = "application/problem+json"

_UNEXPECTED = "Something went wrong on our side; it has been logged. Try again, or report it."


class Problem(BaseModel):
    """An error (RFC 9457 problem details)."""

    type: str = Field("about:blank", description="What kind of problem this is (an IRI).")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str = Field(description="What went wrong this time, and what to do about it.")
    errors: list[dict[str, Any]] | None = Field(
        None, description="For invalid parameters: each parameter and what is wrong with it."
    )


class ProblemError(GovkgError):
    """A problem only HTTP knows about: ``ProblemError(415, "send …", kind="unsupported-media-type")``.

    ``kind`` None gives the ``about:blank`` type (a plain HTTP status).
    """

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
        self.kind = kind or ""
        self.title = title
        self.headers = headers
        self.errors = errors


def not_found(what: str, identifier: str, listing: str) -> NotFound:
    """The 404 of an unknown id, saying where the known ones are listed."""
    return NotFound(
        f"no {what} with id {identifier!r}; ids are the last segment of the entity's IRI — list them at {listing}"
    )


def problem_response(error: GovkgError) -> JSONResponse:
    """The problem details answer of ``error``."""
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else {}
    errors = None
    if isinstance(error, ProblemError):
        headers |= error.headers or {}
        errors = error.errors
    elif isinstance(error, InvalidInput) and error.parameter:
        errors = [{"parameter": error.parameter, "message": error.message}]
    body = Problem(
        type=PROBLEM_BASE + error.kind if error.kind else "about:blank",
        title=error.title or HTTPStatus(error.status).phrase,
        status=error.status,
        detail=error.detail,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=error.status,
        headers=headers or None,
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


def _govkg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, GovkgError)
    if exc.status >= 500 and not exc.retry_after and not isinstance(exc, ProblemError):
        if exc.status == 500:  # govkg's own fault (a query file, a binding): as unexpected as a bug
            return _unexpected(request, exc)
        log.error("%s on %s %s: %s", exc.kind, request.method, request.url.path, exc)
    return problem_response(exc)


def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    return problem_response(ProblemError(exc.status_code, detail, headers=dict(exc.headers or {})))


def _invalid(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    detail, errors = _validation_errors(exc)
    return problem_response(ProblemError(422, detail, kind="invalid-parameters", errors=errors))


def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return problem_response(ProblemError(500, _UNEXPECTED))


def install(app: FastAPI) -> None:
    """Answer every error of ``app`` as problem details."""
    app.add_exception_handler(GovkgError, _govkg_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _unexpected)
