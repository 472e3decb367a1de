"""``/export/{format}``: the graph, or a part of it, as a file for Gephi, yEd, Cytoscape, Neo4j or an RDF store."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Query
from fastapi.responses import StreamingResponse

from api.problems import ProblemError, problem_responses
from api.store_access import get_store
from graph.exports.registry import FORMATS, ExportName, formats_documentation, prepare_export
from graph.projection.filters import MAX_HOPS, GraphFilter, UnknownEntity, resolve_filter
from graph.store.embedded import OxigraphStore

router = APIRouter(tags=["exports"])


def graph_filter(
    store: Annotated[OxigraphStore, Depends(get_store)],
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
    """The subgraph a request asks for (dependency shared by the export and analytics routes)."""
    try:
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
    except UnknownEntity as exc:
        raise ProblemError(404, str(exc), kind="not-found") from exc
    except ValueError as exc:
        raise ProblemError(422, str(exc), kind="invalid-parameters") from exc


FilterDep = Annotated[GraphFilter, Depends(graph_filter)]


_DESCRIPTION = f"""\
Export the graph (or the part the filters pick) as a file, streamed. Formats:

{formats_documentation()}

Without filters, RDF formats stream straight from the store. Filters pick a subgraph and combine:

- `province` — the unit and those it succeeded, what is located, held or reported there, and their neighbours;
- `person` — everything within two steps of the person (never through a province or an article);
- `node` + `hops` — everything within `hops` steps of any node (what the explorer draws);
- `document` — the document, its meetings and their people;
- `from` / `to` — what happened in the range (meetings, articles, posts by their reports) and who took part.

Labels are Vietnamese, attributes typed; node labels and relationship types are those of the Neo4j
projection (`Person`, `Meeting` …, `HOLDS_POST`, `CHAIRED` …).

Example: `GET /export/gexf?province=Lạng Sơn&from=2015-01-01&to=2015-12-31`
"""


@router.get(
    "/export/{format}",
    description=_DESCRIPTION,
    response_class=StreamingResponse,
    responses={
        200: {"description": "The export, streamed.", "content": {f.media_type: {} for f in FORMATS.values()}},
        **problem_responses(404, 422),
    },
)
def export(
    format: ExportName,
    store: Annotated[OxigraphStore, Depends(get_store)],
    selection: FilterDep,
) -> StreamingResponse:
    """Export the graph (or the part the filters pick) as a file, streamed (see ``_DESCRIPTION``)."""
    try:
        prepared = prepare_export(store, format.value, selection)
    except UnknownEntity as exc:
        raise ProblemError(404, str(exc), kind="not-found") from exc
    return StreamingResponse(
        prepared.chunks,
        media_type=prepared.format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{prepared.filename}"'},
    )
