"""``/sparql``: the SPARQL 1.1 Protocol, read-only."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request, Response

from api.store_access import get_store
from graph.store import OxigraphStore

router = APIRouter(tags=["sparql"])

_RESULT_TYPES = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_TYPES = {"text/turtle": ox.RdfFormat.TURTLE, "application/n-triples": ox.RdfFormat.N_TRIPLES}


def _run(store: OxigraphStore, query: str, accept: str) -> Response:
    try:
        result = store.query(query)
    except SyntaxError as exc:
        raise HTTPException(400, f"Not a SPARQL query (updates are refused here): {exc}") from exc
    if isinstance(result, ox.QueryTriples):
        media = next((m for m in _GRAPH_TYPES if m in accept), "text/turtle")
        return Response(result.serialize(format=_GRAPH_TYPES[media]), media_type=media)
    media = next((m for m in _RESULT_TYPES if m in accept), "application/sparql-results+json")
    return Response(result.serialize(format=_RESULT_TYPES[media]), media_type=media)


@router.get("/sparql")
def sparql_get(
    request: Request,
    store: Annotated[OxigraphStore, Depends(get_store)],
    query: Annotated[str, Query(description="The SPARQL query.")],
) -> Response:
    """Run a read-only SPARQL query (SPARQL 1.1 Protocol, query via GET)."""
    return _run(store, query, request.headers.get("accept", ""))


@router.post("/sparql")
def sparql_post(
    request: Request,
    store: Annotated[OxigraphStore, Depends(get_store)],
    query: Annotated[str, Form(description="The SPARQL query.")],
) -> Response:
    """Run a read-only SPARQL query (SPARQL 1.1 Protocol, query via URL-encoded POST)."""
    return _run(store, query, request.headers.get("accept", ""))
