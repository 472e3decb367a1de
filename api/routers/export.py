"""``/export/{format}``: the graph, or a part of it, as a file for Gephi, yEd, Cytoscape, Neo4j or an RDF store."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import StreamingResponse

from api.parameters import GraphFilterDep, StoreDep
from api.problems import problem_responses
from graph.exports.registry import FORMATS, ExportName, formats_documentation, prepare_export

router = APIRouter(tags=["exports"])


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
def export(format: ExportName, store: StoreDep, selection: GraphFilterDep) -> StreamingResponse:
    """Export the graph (or the part the filters pick) as a file, streamed (see ``_DESCRIPTION``)."""
    prepared = prepare_export(store, format.value, selection)
    return StreamingResponse(
        prepared.chunks,
        media_type=prepared.format.media_type,
        headers={"Content-Disposition": f'attachment; filename="{prepared.filename}"'},
    )
