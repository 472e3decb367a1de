"""Opening what the settings point at: the store (embedded, or a SPARQL endpoint) and the Neo4j projection."""

from __future__ import annotations

from graph.neo4j.connection import Neo4jConnection, Neo4jUnavailable, connect
from graph.store.base import ArticleStore, StoreError
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from graph.store.remote import SparqlEndpointStore
from services.settings import Settings


def open_store(settings: Settings) -> ArticleStore:
    """Open the configured store (``GOVKG_SPARQL_ENDPOINT`` wins over ``GOVKG_STORE``) with its reference graph.

    Raises ``graph.store.base.StoreError`` with a message naming the store when it cannot be opened.
    """
    if settings.sparql_endpoint:
        remote = SparqlEndpointStore(settings.sparql_endpoint, settings.sparql_update_endpoint)
        ensure_reference(remote)
        return remote
    return open_embedded_store(settings)


def open_embedded_store(settings: Settings) -> OxigraphStore:
    """Open (creating if need be) the embedded store at ``GOVKG_STORE``, with its reference graph loaded."""
    try:
        settings.store.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create the store folder {settings.store}: {exc.strerror}") from exc
    store = OxigraphStore(settings.store)
    ensure_reference(store)
    return store


def open_neo4j(settings: Settings) -> Neo4jConnection:
    """A connection to the configured Neo4j database; ``Neo4jUnavailable`` when none is configured.

    The driver connects lazily: ``verify()`` the connection to know whether the server answers.
    """
    if not settings.neo4j_uri:
        raise Neo4jUnavailable(
            "Neo4j is not configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE), "
            "then run `govkg neo4j sync`"
        )
    return connect(
        settings.neo4j_uri,
        settings.neo4j_user,
        settings.neo4j_password.get_secret_value(),
        settings.neo4j_database,
        connect_seconds=settings.neo4j_connect_timeout,
        retry_seconds=settings.neo4j_connect_timeout,
    )
