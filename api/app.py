"""The FastAPI application: the store behind it, the routers in front of it."""

from __future__ import annotations

from fastapi import FastAPI

from api.routers import cypher, health, sparql
from api.settings import Settings, get_settings
from api.store_access import StoreAccess


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the app for ``settings`` (default: from the environment)."""
    settings = settings or get_settings()
    app = FastAPI(
        title="govkg",
        version="0.1.0",
        description="A knowledge graph of Vietnamese government news: people, posts, organizations, "
        "provinces, legal documents and meetings, each fact traceable to its sentence.",
    )
    app.state.settings = settings
    app.state.store = StoreAccess(settings)
    app.include_router(health.router)
    app.include_router(sparql.router)
    app.include_router(cypher.router)
    return app
