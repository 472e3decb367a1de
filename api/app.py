"""The FastAPI application: the graph provider behind it, the routers in front of it.

To add endpoints, write ``api/routers/<resource>.py`` with a ``router`` and add
the module to :data:`ROUTERS`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from types import ModuleType

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware

from api import problems
from api.provider import GraphProvider
from api.response_cache import ResponseCache
from api.routers import (
    analytics,
    articles,
    cypher,
    evidence,
    explorer,
    export,
    health,
    legal_documents,
    meetings,
    named_queries,
    organizations,
    persons,
    provinces,
    search,
    sparql,
)
from services.settings import Settings, get_settings

#: The routers of the app, in the order their paths are matched.
ROUTERS: tuple[ModuleType, ...] = (
    health,
    persons,
    organizations,
    provinces,
    legal_documents,
    meetings,
    articles,
    evidence,
    search,
    named_queries,
    sparql,
    cypher,
    export,
    analytics,
    explorer,
)

#: Read endpoints whose GET answers are kept per store generation (see api/response_cache.py).
CACHED_PATHS = (
    "/health",
    "/persons",
    "/organizations",
    "/provinces",
    "/legal-documents",
    "/meetings",
    "/articles",
    "/evidence",
    "/search",
    "/queries",
    "/sparql",
)

DESCRIPTION = """\
A knowledge graph of Vietnamese government news: people, the posts they hold, organizations,
provinces, legal documents and meetings — each fact traceable to the sentence that states it.

- **Resources** (`/persons`, `/organizations`, `/provinces`, `/legal-documents`, `/meetings`,
  `/articles`): paged (`limit`, `offset`), filterable, each item with its `id`, `iri` and links to its
  evidence; `/evidence` says where any edge comes from.
- **`/search`**: people, organizations and documents by name or notation, accents ignored.
- **`/queries`**: named, parameterised questions (who chaired what under which decree …).
- **`/sparql`**: the SPARQL 1.1 Protocol, read-only, bounded in time and size.

Writes (`POST /articles`, `DELETE /articles/{id}`) need the `X-API-Key` header. Errors are
RFC 9457 problem details (`application/problem+json`).
"""


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    provider: GraphProvider = app.state.provider
    await run_in_threadpool(provider.open)
    try:
        yield
    finally:
        await run_in_threadpool(provider.close)


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for ``settings`` (default: from the environment); the store opens when it starts."""
    settings = settings or get_settings()
    app = FastAPI(title="govkg", version="0.1.0", description=DESCRIPTION, lifespan=_lifespan)
    app.state.settings = settings
    app.state.provider = GraphProvider(settings)
    problems.install(app)
    provider: GraphProvider = app.state.provider
    app.add_middleware(
        ResponseCache,
        generation=lambda: provider.generation,
        prefixes=CACHED_PATHS,
        capacity=settings.query_cache_size,
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Accept", "Content-Type", "X-API-Key"],
        )
    for module in ROUTERS:
        app.include_router(module.router)
    return app
