"""Which store govkg talks to: the embedded one, or a SPARQL endpoint when configured."""

from __future__ import annotations

from api.settings import Settings
from graph.store.base import ArticleStore
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from graph.store.remote import SparqlEndpointStore


def open_store(settings: Settings) -> ArticleStore:
    """Open the configured store (``GOVKG_SPARQL_ENDPOINT`` wins over ``GOVKG_STORE``) with its reference graph.

    Raises ``graph.store.base.StoreError`` with a message naming the store when it cannot be opened.
    """
    store: ArticleStore
    if settings.sparql_endpoint:
        store = SparqlEndpointStore(settings.sparql_endpoint, settings.sparql_update_endpoint)
    else:
        settings.store.mkdir(parents=True, exist_ok=True)
        store = OxigraphStore(settings.store)
    ensure_reference(store)
    return store
