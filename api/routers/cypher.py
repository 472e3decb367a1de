"""``/cypher``: read-only Cypher over the Neo4j projection.

The projection is optional: without ``NEO4J_URI``, or while Neo4j is down,
``/cypher`` answers 503 and every other endpoint keeps serving from the RDF
store. The driver is created on the first request and reconnects on its own
after a Neo4j restart; it is closed when the app shuts down.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request
from pydantic import BaseModel, Field

from api.problems import problem_responses
from graph.neo4j.connection import Neo4jConnection
from graph.neo4j.reader import read_query
from services.settings import Settings
from services.stores import open_neo4j

#: Longest query text accepted, in characters.
MAX_QUERY_CHARS = 100_000


class Neo4jAccess:
    """Opens the app's Neo4j connection on first use and closes it at shutdown."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._connection: Neo4jConnection | None = None
        self._lock = threading.Lock()

    def connection(self) -> Neo4jConnection:
        """The open connection (created on the first call)."""
        with self._lock:
            if self._connection is None:
                self._connection = open_neo4j(self.settings)
            return self._connection

    def close(self) -> None:
        """Close the connection, if one was opened."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def _access(app: FastAPI) -> Neo4jAccess:
    access = getattr(app.state, "neo4j", None)
    if access is None:
        access = app.state.neo4j = Neo4jAccess(app.state.settings)
    return access


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    access = getattr(app.state, "neo4j", None)
    if isinstance(access, Neo4jAccess):
        access.close()


router = APIRouter(tags=["cypher"], lifespan=_lifespan)
_access_lock = threading.Lock()


def get_neo4j_access(request: Request) -> Neo4jAccess:
    """FastAPI dependency: the app's Neo4j access (its connection is opened lazily)."""
    with _access_lock:
        return _access(request.app)


class CypherRequest(BaseModel):
    """A Cypher query and the values of its ``$parameters``."""

    query: str = Field(
        min_length=1,
        max_length=MAX_QUERY_CHARS,
        description="One read-only Cypher statement.",
        examples=["MATCH (p:Person)-[h:HOLDS_POST]->(o:Organization) RETURN p.name, h.title, o.name LIMIT 10"],
    )
    parameters: dict[str, Any] = Field(
        default_factory=dict, description="Values of the query's `$parameters` (JSON values; dates as strings)."
    )


class CypherResponse(BaseModel):
    """The columns of the result and one object per row."""

    columns: list[str]
    rows: list[dict[str, Any]]


@router.post("/cypher", response_model=CypherResponse, responses=problem_responses(400, 422, 503, 504))
def cypher(body: CypherRequest, access: Annotated[Neo4jAccess, Depends(get_neo4j_access)]) -> CypherResponse:
    """Run one read-only Cypher query against the Neo4j projection of the graph.

    The projection (see the README) has the labels `Person`, `Organization` (plus its
    kind, e.g. `PeoplesCommittee`), `Province`, `LegalDocument` (plus its type, e.g.
    `Decree`), `Meeting`, `Article` and `Observation`, every node keyed by `iri`, and
    relationships such as `HOLDS_POST {title, reported_on, first_reported, last_reported}`,
    `CHAIRED`, `ATTENDED`, `ORGANIZED`, `UNDER`, `HELD_IN`, `ISSUED_BY`, `LOCATED_IN`,
    `MENTIONED_IN`, `SUCCEEDED_BY`. Relationships read from articles list them in
    `articles`, with the `evidence` IRIs and `sentences` behind each.

    The query runs in a read transaction with a server-side timeout
    (`GOVKG_QUERY_TIMEOUT`); writes, `LOAD CSV`, `apoc.load.*`, `dbms.*` administration
    and `USE` are refused before it is sent. A result with more than `GOVKG_MAX_ROWS`
    rows is refused: add `LIMIT` or aggregate. Errors are problem details
    (`application/problem+json`); 503 means Neo4j is not configured or not reachable —
    the rest of the API does not depend on it.
    """
    settings = access.settings
    result = read_query(
        access.connection(), body.query, body.parameters, timeout=settings.query_timeout, max_rows=settings.max_rows
    )
    return CypherResponse(columns=result.columns, rows=result.records())
