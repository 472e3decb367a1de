"""The embedded store: Oxigraph on disk (RocksDB), no server to run."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef

from graph.store.base import ArticleStore, QueryResult, StoreError, Triple
from ontology.identity import ARTICLE_GRAPHS, article_graph_iri
from ontology.namespaces import PREFIXES


class OxigraphStore(ArticleStore):
    """The embedded store: Oxigraph on disk (RocksDB), no server to run.

    Opening takes the store's lock; one process writes at a time. Readers in
    other processes open a snapshot (see :meth:`snapshot`) read-only.
    """

    #: The change-log writer name of an embedded store: RocksDB lets one process at a time write to it.
    WRITER = "local"

    def __init__(self, path: Path | None) -> None:
        super().__init__(self.WRITER)
        self.path = path
        try:
            self._store = ox.Store(str(path)) if path is not None else ox.Store()
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {path}: {exc}. Is another govkg process using it? "
                "Stop it, or point GOVKG_STORE at another folder."
            ) from exc

    @classmethod
    def read_only(cls, path: Path) -> OxigraphStore:
        """Open a store (or a snapshot of one) for reading only."""
        store = cls.__new__(cls)
        ArticleStore.__init__(store, cls.WRITER)
        store.path = path
        try:
            store._store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path} read-only: {exc}") from exc
        return store

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query over the default (merged) graph; named graphs via ``GRAPH``.

        govkg's prefixes (``govkg:``, ``org:``, ``schema:`` …) are predeclared.
        """
        return self._store.query(sparql, prefixes=PREFIXES)

    def _update(self, update: str) -> None:
        try:
            self._store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"store update failed: {exc}") from exc

    def has_graph(self, graph: str) -> bool:
        """True when the named graph exists in the store."""
        return self._store.contains_named_graph(ox.NamedNode(graph))

    def article_graphs(self) -> Iterator[URIRef]:
        """The named graphs of the accepted articles."""
        for graph in self._store.named_graphs():
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(ARTICLE_GRAPHS):
                yield URIRef(graph.value)

    def article_triples(self, article: URIRef) -> list[Triple]:
        """The triples one accepted article asserted (its named graph), as N-Triples terms."""
        graph = ox.NamedNode(str(article_graph_iri(article)))
        return [
            (str(q.subject), str(q.predicate), str(q.object))
            for q in self._store.quads_for_pattern(None, None, None, graph)
        ]

    def snapshot(self, target: Path) -> None:
        """Write a consistent point-in-time copy of the store to ``target`` (hard links where possible)."""
        self._store.flush()
        self._store.backup(str(target))

    def flush(self) -> None:
        """Make every write durable on disk."""
        self._store.flush()
