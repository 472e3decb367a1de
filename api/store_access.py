"""FastAPI dependencies: the app's settings, its graph provider, and (for trusted fixed reads) the live store."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from api.provider import GraphProvider
from graph.store.embedded import OxigraphStore
from services.settings import Settings


def get_settings(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


def get_provider(request: Request) -> GraphProvider:
    """The app's graph provider (opened when the app starts)."""
    provider: GraphProvider = request.app.state.provider
    return provider


def get_store(request: Request) -> OxigraphStore:
    """The live store, for fixed queries the code controls; caller-shaped queries go through the provider."""
    return get_provider(request).store


#: A route parameter receiving the provider.
ProviderDep = Annotated[GraphProvider, Depends(get_provider)]
