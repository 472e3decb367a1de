"""The explorer page at ``/``: search, a graph view, facts with their evidence, a SPARQL editor, a timeline.

The page is plain HTML, CSS and JavaScript in ``api/static/``; it talks to the
API (``/search``, ``/export/cytoscape``, ``/queries``, ``/sparql``) like any
other client. Cytoscape.js is not in the repository: ``scripts/setup``
fetches it from the npm registry into ``api/static/vendor/``; without it the
page still works and says the graph view is unavailable.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi import Path as PathParameter
from fastapi.responses import FileResponse
from pydantic import BaseModel

from api.parameters import QueryName
from api.problems import problem_responses
from graph.exports.palette import COLOURS
from ontology.errors import NotFound
from queries.registry import UNSET, NamedQuery, bind_value, registry

router = APIRouter(tags=["explorer"])

#: Where the page's files are.
STATIC = Path(__file__).resolve().parent.parent / "static"
#: Cytoscape.js, once ``scripts/setup`` has fetched it.
CYTOSCAPE = STATIC / "vendor" / "cytoscape.min.js"

# The page loads scripts and styles from here only, and may be shown in no frame.
_PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "no-cache",
}


class ExampleQuery(BaseModel):
    """A named query offered as an example in the SPARQL editor."""

    name: str
    description: str
    sparql: str


@router.get("/", include_in_schema=False)
def page() -> FileResponse:
    """The explorer page."""
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=_PAGE_HEADERS)


@router.get("/static/{path:path}", include_in_schema=False)
def static_file(path: Annotated[str, PathParameter(max_length=200)]) -> FileResponse:
    """A file of the page (404 for anything outside ``api/static``, or missing)."""
    try:
        target = (STATIC / path).resolve()
        found = target.is_relative_to(STATIC) and target.is_file()
    except (OSError, ValueError):  # a name no file system has (a NUL byte, too long)
        found = False
    if not found:
        raise NotFound(f"no file {path!r}")
    return FileResponse(target, headers=_PAGE_HEADERS)


def example_text(query: NamedQuery, given: Mapping[str, str]) -> str:
    """A named query's SPARQL, runnable as it is: its parameters bound by a ``VALUES`` row at the top of the
    ``WHERE`` clause. A given value is checked and bound as ``/queries`` binds it; an optional parameter not
    given is "unset" (``<urn:govkg:unset>``, no filter); a required one not given stays free (every value)."""
    bound: dict[str, str] = {}
    for parameter in query.parameters:
        value = given.get(parameter.name) or parameter.default
        if value:
            bound[parameter.variable] = str(bind_value(parameter, value))
        elif parameter.optional:
            bound[parameter.variable] = str(UNSET)
    if not bound:
        return query.sparql
    variables = " ".join(f"?{name}" for name in bound)
    row = "# the parameters; <urn:govkg:unset> leaves one out\n"
    row += f"  VALUES ({variables}) {{ ({' '.join(bound.values())}) }}\n"
    head, where, body = query.sparql.partition("WHERE {")
    return f"{head}{where}\n  {row}{body}" if where else query.sparql


@router.get("/explorer/examples", response_model=list[ExampleQuery])
def examples() -> list[ExampleQuery]:
    """The named queries as SPARQL examples for the explorer's editor, runnable as they are (optional
    parameters left out, required ones free). `/explorer/examples/{name}` binds the parameters you give."""
    return [ExampleQuery(name=q.name, description=q.description, sparql=example_text(q, {})) for q in registry()]


@router.get("/explorer/examples/{name}", response_model=ExampleQuery, responses=problem_responses(404, 422))
def example(name: QueryName, request: Request) -> ExampleQuery:
    """One named query as SPARQL with the parameters in the query string bound in a `VALUES` row.

    Example: `GET /explorer/examples/posts_of_person?person=https://w3id.org/govkg/id/person/…`
    """
    query = registry().get(name)
    given = {key: value for key, value in request.query_params.items() if value}
    for key in given:
        query.parameter(key)  # an unknown parameter is refused (422), as /queries refuses it
    return ExampleQuery(name=query.name, description=query.description, sparql=example_text(query, given))


class ExplorerStatus(BaseModel):
    """What the explorer page needs to know before it draws."""

    graph_view: bool
    colours: dict[str, str]


@router.get("/explorer/status", response_model=ExplorerStatus)
def status() -> ExplorerStatus:
    """Whether the graph view can be drawn (Cytoscape.js fetched by ``scripts/setup``), and each label's colour."""
    return ExplorerStatus(graph_view=CYTOSCAPE.is_file(), colours=COLOURS)
