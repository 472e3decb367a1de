"""Where the graph lives: one named graph per article, plus a merged default graph.

Each article's statements are kept in the article's own named graph (exact
provenance: retracting an article removes exactly what it said) and copied into
the store's default graph, which is the deduplicated view queries read. A
triple leaves the default graph only when no other graph still asserts it.
Quarantined articles never reach either: they are kept as a record (reasons,
SHACL report, the graph as N-Triples) in the quarantine graph.

Every write of an article is one SPARQL Update request, which the embedded
store (and an Oxigraph or Fuseki server) runs as a single transaction: a crash
leaves the article either fully in or fully out. :class:`ArticleStore` holds
that logic; ``graph.store.embedded.OxigraphStore`` and
``graph.store.remote.SparqlEndpointStore`` (any SPARQL 1.1 endpoint) only say
how to run a query and an update.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from graph.store.changes import (
    Change,
    ChangeKind,
    ChangeLogExpired,
    changes_query,
    compaction_update,
    decode_cursor,
    encode_cursor,
    heads_query,
    insert_entries,
    last_sequence_query,
    marks_query,
    read_changes,
)
from ontology.errors import Unavailable
from ontology.identity import ARTICLE_GRAPHS, article_graph_iri
from ontology.namespaces import GOVKG, ID, QUARANTINE_GRAPH, RDF, REFERENCE_GRAPH
from ontology.orthography import slug

Triple = tuple[str, str, str]  # subject, predicate, object in N-Triples syntax
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples


@dataclass(frozen=True, slots=True)
class QuarantineRecord:
    """An article that failed validation, kept with why, out of the default view."""

    article: URIRef
    content_hash: str
    reasons: tuple[str, ...]
    report_turtle: str
    payload_ntriples: str


@dataclass(frozen=True, slots=True)
class ArticleWrite:
    """One article's part of a batched write: its new statements, or its quarantine record."""

    article: URIRef
    triples: Sequence[Triple] = ()
    quarantine: QuarantineRecord | None = None
    kind: ChangeKind = ChangeKind.WRITTEN

    @property
    def change(self) -> tuple[str, ChangeKind]:
        """The change-log entry this write makes."""
        return str(self.article), ChangeKind.QUARANTINED if self.quarantine else self.kind


class StoreError(Unavailable):
    """The store cannot be opened, read or written; the message says what to do."""

    kind = "store-unavailable"
    retry_after = None


def ntriples(graph: Graph | Iterable[tuple[Node, Node, Node]]) -> list[Triple]:
    """Return the triples of an rdflib graph (or any triples of rdflib terms) as N-Triples term strings."""
    return [(s.n3(), p.n3(), o.n3()) for s, p, o in graph]


def quarantine_iri(article: URIRef) -> URIRef:
    """IRI of the quarantine record of an article."""
    return ID[f"quarantine/{slug(str(article).rsplit('/', 1)[-1], 80)}"]


def _lines(triples: Iterable[Triple]) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


def _insert_everywhere(graph: str, triples: Iterable[Triple]) -> str:
    # Each article's statements go to its own graph and to the default graph (the merged view).
    body = _lines(triples)
    return f"INSERT DATA {{\nGRAPH <{graph}> {{\n{body}\n}}\n{body}\n}}"


def _retract(graph: str) -> str:
    # Remove from the default view what only this graph asserted, then the graph.
    return (
        f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{graph}>) }} }} ;\n"
        f"DROP SILENT GRAPH <{graph}> ;\n"
    )


def _unquarantine(article: URIRef) -> str:
    return f"DELETE WHERE {{ GRAPH <{QUARANTINE_GRAPH}> {{ <{quarantine_iri(article)}> ?p ?o }} }} ;\n"


def _literal(text: str) -> str:
    return str(ox.Literal(text))


class ArticleStore(ABC):
    """Article-level writes and reads over any store that runs SPARQL queries and updates.

    Every write appends its change-log entries (``graph.store.changes``) in the
    same transaction, numbered for ``writer``; writes through one instance run
    one at a time, so the entries commit in their numbers' order.
    """

    def __init__(self, writer: str) -> None:
        self.writer = writer
        self._write_lock = threading.RLock()
        self._next_entry: int | None = None

    # -- what a backend provides ---------------------------------------------

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a read-only SPARQL query over the default (merged) graph; named graphs via ``GRAPH``."""

    @abstractmethod
    def _update(self, update: str) -> None:
        """Run one SPARQL Update request as one transaction."""

    @abstractmethod
    def flush(self) -> None:
        """Make every write durable."""

    def select(self, sparql: str) -> ox.QuerySolutions:
        """Run a SELECT query over the default (merged) graph; ``TypeError`` when the query is no SELECT."""
        result = self.query(sparql)
        if not isinstance(result, ox.QuerySolutions):
            raise TypeError("expected SELECT solutions")
        return result

    # -- the change log --------------------------------------------------------

    def _logged_update(self, update: str, changes: Sequence[tuple[str, ChangeKind]]) -> None:
        """Run ``update`` and append ``changes`` to the log, in one request (one transaction)."""
        with self._write_lock:
            first = self._entry_numbers(len(changes))
            parts = [update.rstrip().rstrip(";")] if update.strip() else []
            if changes:
                parts.append(insert_entries(self.writer, first, changes))
            try:
                self._update(" ;\n".join(parts))
            except BaseException:
                self._next_entry = None  # unknown whether it committed: read the log again
                raise

    def _entry_numbers(self, count: int) -> int:
        """Reserve ``count`` entry numbers for this writer; returns the first."""
        if self._next_entry is None:
            rows = list(self.select(last_sequence_query(self.writer)))
            last = rows[0]["n"] if rows else None
            self._next_entry = int(last.value) + 1 if last is not None else 1
        first = self._next_entry
        self._next_entry += count
        return first

    def changes_since(self, cursor: str | None, limit: int | None = None) -> tuple[list[Change], str]:
        """The changes after ``cursor`` (``None``: from the start) and the cursor to pass next time.

        Every change committed before this call is in its answer or a later
        one's; each writer's entries come in their order (see
        ``graph.store.changes``). With ``limit``, at most that many; call again
        with the new cursor for the rest. Raises ``ChangeLogExpired`` when the
        log no longer holds what the cursor has not seen: rebuild from
        :meth:`change_head` (taken before the rebuild starts).
        """
        seen = decode_cursor(cursor)
        for row in self.select(marks_query()):
            writer, mark = row["w"], row["n"]
            if writer is not None and mark is not None and seen.get(writer.value, 0) < int(mark.value):
                raise ChangeLogExpired(
                    f"the change log no longer holds the changes of writer {writer.value} after entry "
                    f"{seen.get(writer.value, 0)}; rebuild in full from the current head"
                )
        changes = read_changes(self.select(changes_query(seen, limit)))
        for change in changes:
            seen[change.writer] = max(seen.get(change.writer, 0), change.sequence)
        return changes, encode_cursor(seen)

    def change_head(self) -> str:
        """A cursor past every change committed so far (take it before a full rebuild, then follow it)."""
        heads = {row["w"].value: int(row["n"].value) for row in self.select(heads_query()) if row["n"] is not None}
        return encode_cursor(heads)

    def compact_change_log(self, retention: timedelta, now: datetime | None = None) -> None:
        """Drop superseded entries and those older than ``retention`` (see ``graph.store.changes``)."""
        with self._write_lock:
            self._update(compaction_update(now or datetime.now(UTC), retention))

    # -- writes --------------------------------------------------------------

    def replace_article(self, article: URIRef, triples: list[Triple], kind: ChangeKind = ChangeKind.WRITTEN) -> None:
        """Make ``triples`` the article's statements, atomically (replacing any earlier version); log ``kind``."""
        self._logged_update(self._replacing(article, triples), [(str(article), kind)])

    def write_articles(self, writes: Sequence[ArticleWrite]) -> None:
        """Apply several articles' writes in one transaction: all of them, or none.

        Each write replaces an article's statements or quarantines it; when an
        article appears twice, the last write wins, as if applied in order.
        """
        last = {write.article: write for write in writes}
        parts = [
            self._quarantining(w.quarantine) if w.quarantine else self._replacing(w.article, w.triples)
            for w in last.values()
        ]
        if parts:
            update = " ;\n".join(part.rstrip().rstrip(";") for part in parts)
            self._logged_update(update, [w.change for w in last.values()])

    def _replacing(self, article: URIRef, triples: Sequence[Triple]) -> str:
        graph = str(article_graph_iri(article))
        update = _unquarantine(article)
        if self.has_graph(graph):
            update += _retract(graph)
        return update + _insert_everywhere(graph, triples)

    def retract_article(self, article: URIRef) -> bool:
        """Remove exactly what the article asserted (and its quarantine record); False if unknown."""
        graph = str(article_graph_iri(article))
        known = self.has_graph(graph) or self.is_quarantined(article)
        if known:
            self._logged_update(_unquarantine(article) + _retract(graph), [(str(article), ChangeKind.RETRACTED)])
        return known

    def quarantine_article(self, record: QuarantineRecord) -> None:
        """Keep an invalid article with its report, withdrawing any earlier accepted version."""
        self._logged_update(self._quarantining(record), [(str(record.article), ChangeKind.QUARANTINED)])

    def _quarantining(self, record: QuarantineRecord) -> str:
        graph = str(article_graph_iri(record.article))
        node = f"<{quarantine_iri(record.article)}>"
        facts = [
            (node, f"<{RDF.type}>", f"<{GOVKG.QuarantineRecord}>"),
            (node, f"<{GOVKG.article}>", f"<{record.article}>"),
            (node, f"<{GOVKG.contentHash}>", _literal(record.content_hash)),
            (node, f"<{GOVKG.report}>", _literal(record.report_turtle)),
            (node, f"<{GOVKG.payload}>", _literal(record.payload_ntriples)),
            *((node, f"<{GOVKG.reason}>", _literal(reason)) for reason in record.reasons),
        ]
        update = _unquarantine(record.article)
        if self.has_graph(graph):
            update += _retract(graph)
        return update + f"INSERT DATA {{ GRAPH <{QUARANTINE_GRAPH}> {{\n{_lines(facts)}\n}} }}"

    def load_reference(self, triples: list[Triple]) -> None:
        """Replace the reference graph (gazetteers, vocabulary) in one transaction (not an article: not logged)."""
        with self._write_lock:
            self._update(_retract(str(REFERENCE_GRAPH)) + _insert_everywhere(str(REFERENCE_GRAPH), triples))

    # -- reads ---------------------------------------------------------------

    def has_graph(self, graph: str) -> bool:
        """True when the named graph holds at least one triple."""
        return bool(self.query(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"))

    def article_hash(self, article: URIRef) -> str | None:
        """The content hash of the stored (or quarantined) version of an article, if any."""
        graph = article_graph_iri(article)
        rows = self.query(
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
        return bool(self.query(f"ASK {{ GRAPH <{QUARANTINE_GRAPH}> {{ <{quarantine_iri(article)}> ?p ?o }} }}"))

    def article_graphs(self) -> Iterator[URIRef]:
        """The named graphs of the accepted articles."""
        rows = self.query(
            f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?a a <https://schema.org/NewsArticle> }} "
            f'FILTER (STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}")) }}'
        )
        assert isinstance(rows, ox.QuerySolutions)
        for row in rows:
            graph = row["g"]
            if isinstance(graph, ox.NamedNode):
                yield URIRef(graph.value)

    def article_triples(self, article: URIRef) -> list[Triple]:
        """The triples one accepted article asserted (its named graph), as N-Triples terms."""
        triples = self.query(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{article_graph_iri(article)}> {{ ?s ?p ?o }} }}"
        )
        assert isinstance(triples, ox.QueryTriples)
        return [(str(t.subject), str(t.predicate), str(t.object)) for t in triples]
