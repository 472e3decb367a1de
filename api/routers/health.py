"""``/health``: is the service up, and can it read its store?"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel

from api.store_access import get_store
from graph.stats import store_stats
from graph.store import OxigraphStore

router = APIRouter(tags=["service"])


class Health(BaseModel):
    """Liveness and the size of what is served."""

    status: str
    articles: int
    triples: int


@router.get("/health", response_model=Health)
def health(store: Annotated[OxigraphStore, Depends(get_store)]) -> Health:
    """Report that the service runs and how many articles and triples it serves."""
    figures = store_stats(store)
    return Health(status="ok", articles=figures.articles, triples=figures.triples)
