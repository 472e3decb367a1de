"""The explorer page at ``/``: search, a graph view, facts with their evidence, a SPARQL editor, a timeline.

The page is plain HTML, CSS and JavaScript in ``api/static/``; it talks to the
API (``/search``, ``/export/cytoscape``, ``/queries``, ``/sparql``) like any
other client. Cytoscape.js is not in the repository: ``scripts/setup``
fetches it from the npm registry into ``api/static/vendor/``; without it the
page still works and says the graph view is unavailable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParameter
from fastapi.responses import FileResponse
from pydantic import BaseModel

from api.problems import ProblemError
from graph.exports.palette import COLOURS
from queries.registry import registry

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
    target = (STATIC / path).resolve()
    if not target.is_relative_to(STATIC) or not target.is_file():
        raise ProblemError(404, f"no file {path!r}", kind="not-found")
    return FileResponse(target, headers=_PAGE_HEADERS)


@router.get("/explorer/examples", response_model=list[ExampleQuery])
def examples() -> list[ExampleQuery]:
    """The named queries' SPARQL text, as examples for the explorer's editor.

    Parameters appear as variables (`?param_person` …): left unbound they do not filter, or replace
    them with a value (`<https://w3id.org/govkg/id/person/…>`). `/queries/{name}` runs a named query
    with its parameters bound.
    """
    return [ExampleQuery(name=q.name, description=q.description, sparql=q.sparql) for q in registry()]


class ExplorerStatus(BaseModel):
    """What the explorer page needs to know before it draws."""

    graph_view: bool
    colours: dict[str, str]


@router.get("/explorer/status", response_model=ExplorerStatus)
def status() -> ExplorerStatus:
    """Whether the graph view can be drawn (Cytoscape.js fetched by ``scripts/setup``), and each label's colour."""
    return ExplorerStatus(graph_view=CYTOSCAPE.is_file(), colours=COLOURS)
