"""Where the graph lives: one named graph per article, plus a merged default graph.

Each article's statements are kept in the article's own named graph (exact
provenance: retracting an article removes exactly what it said) and copied into
the store's default graph, which is the deduplicated view queries read. A
triple leaves the default graph only when no other graph still asserts it.
Quarantined articles never reach either: they are kept as a record (reasons,
SHACL report, the graph as N-Triples) in the quarantine graph.

Every write of an article is one SPARQL Update request, which both backends run
as a single transaction: a crash leaves the article either fully in or fully out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef

from ontology.identity import article_graph_iri
from ontology.namespaces import GOVKG, ID, QUARANTINE_GRAPH, REFERENCE_GRAPH
from ontology.orthography import slug

Triple = tuple[str, str, str]  # subject, predicate, object in N-Triples syntax


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    """An article that failed validation, kept with why, out of the default view."""

    article: URIRef
    content_hash: str
    reasons: tuple[str, ...]
    report_turtle: str
    payload_ntriples: str


class StoreError(Exception):
    """The store cannot be opened, read or written; the message says what to do."""


def ntriples(graph: Graph) -> list[Triple]:
    """Return the triples of an rdflib graph as N-Triples term strings."""
    return [(s.n3(), p.n3(), o.n3()) for s, p, o in graph]


class QueryBackend(Protocol):
    """What the query layers need from a store: SPARQL in, pyoxigraph results out."""

    def query(
        self, sparql: str, *, substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a read-only SPARQL query over the default (merged) graph."""
        ...


def quarantine_iri(article: URIRef) -> URIRef:
    """IRI of the quarantine record of an article."""
    return ID[f"quarantine/{slug(str(article).rsplit('/', 1)[-1], 80)}"]


def _insert_block(graph: str, triples: Iterable[Triple]) -> str:
    lines = [f"{s} {p} {o} ." for s, p, o in triples]
    body = "\n".join(lines)
    return f"GRAPH <{graph}> {{\n{body}\n}}\n{body}\n"


def _retract_update(graph: str) -> str:
    # Remove from the default view what only this graph asserted, then the graph.
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{graph}> ;\n"
    )


def _unquarantine_update(article: URIRef) -> str:
    record = quarantine_iri(article)
    return f"DELETE WHERE {{ GRAPH <{QUARANTINE_GRAPH}> {{ <{record}> ?p ?o }} }} ;\n"


def _literal(text: str) -> str:
    return str(ox.Literal(text))


class OxigraphStore:
    """The embedded store: Oxigraph on disk (RocksDB), no server to run.

    Opening takes the store's lock; one process writes at a time. The query
    API reads through snapshots (see ``snapshot``) so that a query can run in a
    worker process that is stopped when it overruns.
    """

    def __init__(self, path: Path | None) -> None:
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
        store.path = path
        try:
            store._store = ox.Store.read_only(str(path))
        except OSError as exc:
            raise StoreError(f"cannot open the store at {path} read-only: {exc}") from exc
        return store

    # -- writes --------------------------------------------------------------

    def replace_article(self, article: URIRef, triples: list[Triple]) -> None:
        """Make ``triples`` the article's statements, atomically (replacing any earlier version)."""
        graph = str(article_graph_iri(article))
        update = _unquarantine_update(article)
        if self._store.contains_named_graph(ox.NamedNode(graph)):
            update += _retract_update(graph)
        update += "INSERT DATA {\n" + _insert_block(graph, triples) + "}"
        self._update(update)

    def retract_article(self, article: URIRef) -> bool:
        """Remove exactly what the article asserted (and its quarantine record); False if unknown."""
        graph = str(article_graph_iri(article))
        known = self._store.contains_named_graph(ox.NamedNode(graph)) or self.is_quarantined(article)
        if known:
            self._update(_unquarantine_update(article) + _retract_update(graph))
        return known

    def quarantine_article(self, record: QuarantineRecord) -> None:
        """Keep an invalid article with its report, withdrawing any earlier accepted version."""
        graph = str(article_graph_iri(record.article))
        node = f"<{quarantine_iri(record.article)}>"
        facts = [
            (node, f"<{GOVKG.article}>", f"<{record.article}>"),
            (node, "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>", f"<{GOVKG.QuarantineRecord}>"),
            (node, f"<{GOVKG.contentHash}>", _literal(record.content_hash)),
            (node, f"<{GOVKG.report}>", _literal(record.report_turtle)),
            (node, f"<{GOVKG.payload}>", _literal(record.payload_ntriples)),
            *((node, f"<{GOVKG.reason}>", _literal(reason)) for reason in record.reasons),
        ]
        update = _unquarantine_update(record.article)
        if self._store.contains_named_graph(ox.NamedNode(graph)):
            update += _retract_update(graph)
        body = "\n".join(f"{s} {p} {o} ." for s, p, o in facts)
        update += f"INSERT DATA {{ GRAPH <{QUARANTINE_GRAPH}> {{\n{body}\n}} }}"
        self._update(update)

    def load_reference(self, triples: list[Triple]) -> None:
        """Replace the reference graph (gazetteers, vocabulary) in one transaction."""
        self._update(
            _retract_update(str(REFERENCE_GRAPH))
            + "INSERT DATA {\n"
            + _insert_block(str(REFERENCE_GRAPH), triples)
            + "}"
        )

    def _update(self, update: str) -> None:
        try:
            self._store.update(update)
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"store update failed: {exc}") from exc

    # -- reads ---------------------------------------------------------------

    def query(
        self, sparql: str, *, substitutions: dict[ox.Variable, ox.NamedNode | ox.Literal] | None = None
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """Run a SPARQL query over the default (merged) graph; named graphs via ``GRAPH``."""
        return self._store.query(sparql, substitutions=substitutions)  # type: ignore[arg-type]

    def article_hash(self, article: URIRef) -> str | None:
        """The content hash of the stored (or quarantined) version of an article, if any."""
        graph = article_graph_iri(article)
        rows = self._store.query(
            f"SELECT ?h WHERE {{ {{ GRAPH <{graph}> {{ <{article}> <{GOVKG.contentHash}> ?h }} }} UNION "
            f"{{ GRAPH <{QUARANTINE_GRAPH}> {{ <{quarantine_iri(article)}> <{GOVKG.contentHash}> ?h }} }} }}"
        )
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            value = row["h"]
            return value.value if value is not None else None
        return None

    def is_quarantined(self, article: URIRef) -> bool:
        """True when the article is held in quarantine."""
        answer = self._store.query(f"ASK {{ GRAPH <{QUARANTINE_GRAPH}> {{ <{quarantine_iri(article)}> ?p ?o }} }}")
        return bool(answer)

    def article_graphs(self) -> Iterator[URIRef]:
        """The named graphs of the accepted articles."""
        prefix = str(ID["graph/article/"])
        for graph in self._store.named_graphs():
            if isinstance(graph, ox.NamedNode) and graph.value.startswith(prefix):
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
