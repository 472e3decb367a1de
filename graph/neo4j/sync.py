"""Keeping the Neo4j projection equal to the RDF store: full rebuilds and incremental syncs that resume.

The projection is a function of the store (``graph.projection.spec``): a node is
the merged view of its IRI, a relationship the set of articles asserting it.
The sync keeps a ledger in Neo4j — one ``GovkgSyncedArticle`` node per article
with the SHA-256 of its named graph (so identity decisions that rewrite a graph
count as changes) and the nodes it touched — and a ``GovkgSyncState`` node with
the versions of the projection and the reference graph.

An incremental sync compares the ledger with the store and visits only the
articles that are new, changed or gone, in chunks. For each chunk it

1. marks the chunk's articles *pending* in the ledger (digest cleared, nodes =
   old ∪ new), so a crash leaves them to redo and remembers what to clean;
2. deletes the non-reference nodes they touch (old and new versions), with
   their relationships;
3. recreates those nodes still in the store, and every relationship with an end
   among them, from the store's merged view — so a relationship other articles
   still assert survives with a shorter ``articles`` list, and one no article
   asserts any more is gone, as is a node no article mentions any more;
4. records the chunk's articles as synced (or forgets the removed ones).

Each node is rebuilt at most once per run. A run that fails (Neo4j stopped)
raises :class:`Neo4jSyncError`; the next run sees the pending and untouched
articles and carries on from there. When the projection's declaration or the
reference graph changed since the last sync, or on ``full=True``, everything
the projection owns is cleared and rebuilt (reference nodes first).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from neo4j.exceptions import DriverError, Neo4jError

from graph.neo4j import cypher
from graph.neo4j.connection import UNAVAILABLE_ERRORS
from graph.neo4j.writer import Neo4jWriter
from graph.projection.footprints import ArticleFootprint, article_footprints, reference_nodes, reference_stamp
from graph.projection.spec import NODES, RELATIONSHIPS, projection_version
from graph.projection.view import StoreView
from graph.store.base import ArticleStore
from ontology.errors import Unavailable

#: What stops a sync: the server going away, or it refusing a statement.
_SYNC_FAILURES: tuple[type[Exception], ...] = (*UNAVAILABLE_ERRORS, DriverError, Neo4jError)

#: Articles per sync step (one ledger update each).
DEFAULT_CHUNK = 500


class Neo4jSyncError(Unavailable):
    """The sync stopped part-way; what was done is kept, and the next run resumes from there."""

    kind = "sync-stopped"
    title = "The Neo4j sync stopped"
    retry_after = None


class SyncObserver(Protocol):
    """Follows a sync's progress (the CLI draws a progress bar with it)."""

    def phase(self, description: str, total: int) -> None:
        """A new phase of ``total`` steps begins."""

    def advance(self, steps: int) -> None:
        """``steps`` more steps of the current phase are done."""


class _Silent:
    def phase(self, description: str, total: int) -> None:
        pass

    def advance(self, steps: int) -> None:
        pass


@dataclass(slots=True)
class SyncReport:
    """What one sync did."""

    full: bool = False
    reason: str = ""
    added: int = 0
    changed: int = 0
    removed: int = 0
    unchanged: int = 0
    nodes_written: int = 0
    relationships_written: int = 0
    seconds: float = 0.0
    writing_seconds: float = 0.0

    @property
    def articles_synced(self) -> int:
        """Articles whose projection was (re)written or removed."""
        return self.added + self.changed + self.removed

    @property
    def rows_per_second(self) -> float:
        """Nodes plus relationships written per second of the whole sync."""
        return (self.nodes_written + self.relationships_written) / self.seconds if self.seconds else 0.0

    @property
    def rows_per_writing_second(self) -> float:
        """Nodes plus relationships written per second spent sending them to Neo4j."""
        rows = self.nodes_written + self.relationships_written
        return rows / self.writing_seconds if self.writing_seconds else 0.0


@dataclass(slots=True)
class _Ledger:
    digests: dict[str, str | None] = field(default_factory=dict)
    nodes: dict[str, tuple[str, ...]] = field(default_factory=dict)


class ProjectionSync:
    """Syncs one store into one Neo4j database through ``writer``."""

    def __init__(
        self,
        store: ArticleStore,
        writer: Neo4jWriter,
        *,
        chunk_size: int = DEFAULT_CHUNK,
        observer: SyncObserver | None = None,
    ) -> None:
        self.store = store
        self.writer = writer
        self.chunk_size = max(1, chunk_size)
        self.observer: SyncObserver = observer or _Silent()
        self._reference: set[str] = set()

    def run(self, *, full: bool = False) -> SyncReport:
        """Bring the projection up to date with the store (see the module docstring); return what was done."""
        report = SyncReport()
        began = time.perf_counter()
        writing = self.writer.seconds
        try:
            self._run(report, full)
        except _SYNC_FAILURES as exc:
            reason = " ".join(str(exc).split())
            raise Neo4jSyncError(
                f"the Neo4j sync stopped after {report.articles_synced} article(s): {reason}. "
                "What was written is kept; run the sync again to resume."
            ) from exc
        report.seconds = time.perf_counter() - began
        report.writing_seconds = self.writer.seconds - writing
        return report

    # -- steps ---------------------------------------------------------------

    def _run(self, report: SyncReport, full: bool) -> None:
        self.writer.ensure_schema()
        self._reference = reference_nodes(self.store)
        versions = {"projection": projection_version(), "reference": reference_stamp(self.store)}
        state = self.writer.execute(cypher.READ_STATE, name=cypher.STATE_NAME)
        if full:
            report.reason = "full sync requested"
        elif not state:
            report.reason = "first sync"
        elif state[0] != versions:
            report.reason = "the projection or the reference graph changed"
        if report.reason:
            report.full = True
            self.observer.phase("clearing Neo4j", 1)
            self.writer.clear()
            self._write_reference(report)
            self.writer.execute(cypher.WRITE_STATE, name=cypher.STATE_NAME, **versions)
            self.observer.advance(1)

        footprints = self._footprints()
        ledger = self._ledger()
        work = sorted(set(footprints) | set(ledger.digests))
        pending = [a for a in work if ledger.digests.get(a) != (footprints[a].digest if a in footprints else None)]
        report.unchanged = len(work) - len(pending)
        self.observer.phase("syncing articles", len(pending))
        processed: set[str] = set()
        for start in range(0, len(pending), self.chunk_size):
            chunk = pending[start : start + self.chunk_size]
            self._sync_chunk(chunk, footprints, ledger, processed, report)
            self.observer.advance(len(chunk))

    def _footprints(self) -> dict[str, ArticleFootprint]:
        graphs = list(self.store.article_graphs())
        self.observer.phase("reading the store", len(graphs))
        found: dict[str, ArticleFootprint] = {}
        for footprint in article_footprints(self.store, graphs):
            found[footprint.article] = footprint
            self.observer.advance(1)
        return found

    def _ledger(self) -> _Ledger:
        ledger = _Ledger()
        for row in self.writer.execute(cypher.READ_LEDGER):
            ledger.digests[row["article"]] = row["digest"]
            ledger.nodes[row["article"]] = tuple(row["nodes"] or ())
        return ledger

    def _write_reference(self, report: SyncReport) -> None:
        """Project the reference graph's nodes and the relationships among them."""
        view = StoreView(self.store)
        nodes = [row for spec in NODES for row in view.nodes(spec, self._reference)]
        report.nodes_written += self.writer.write_nodes(nodes)
        by_label = _by_label((row.label, row.iri) for row in nodes)
        for spec in RELATIONSHIPS:
            if spec.start.label in by_label and spec.end.label in by_label:
                rows = [
                    row
                    for row in view.relationships(spec, by_label)
                    if row.start in self._reference and row.end in self._reference
                ]
                report.relationships_written += self.writer.write_relationships(rows)

    def _sync_chunk(
        self,
        chunk: Sequence[str],
        footprints: dict[str, ArticleFootprint],
        ledger: _Ledger,
        processed: set[str],
        report: SyncReport,
    ) -> None:
        touched: set[str] = set()
        begin = []
        for article in chunk:
            nodes = set(ledger.nodes.get(article, ())) | set(footprints[article].nodes if article in footprints else ())
            touched |= nodes
            begin.append({"article": article, "nodes": sorted(nodes)})
        self.writer.execute(cypher.BEGIN_ARTICLES, rows=begin)

        todo = sorted(touched - processed)
        if not report.full:  # after a clear, nothing this run has not written yet is there to delete
            self.writer.delete_nodes([iri for iri in todo if iri not in self._reference])
        view = StoreView(self.store)
        rows = [row for spec in NODES for row in view.nodes(spec, todo)]
        report.nodes_written += self.writer.write_nodes(rows)
        rebuilt = _by_label((row.label, row.iri) for row in rows if row.iri not in self._reference)
        for spec in RELATIONSHIPS:
            if spec.start.label in rebuilt or spec.end.label in rebuilt:
                report.relationships_written += self.writer.write_relationships(view.relationships(spec, rebuilt))
        processed.update(todo)

        finished = [
            {"article": a, "digest": footprints[a].digest, "nodes": list(footprints[a].nodes)}
            for a in chunk
            if a in footprints
        ]
        gone = [a for a in chunk if a not in footprints]
        self.writer.execute(cypher.FINISH_ARTICLES, rows=finished)
        self.writer.execute(cypher.FORGET_ARTICLES, articles=gone)
        for article in chunk:
            if article not in footprints:
                report.removed += 1
            elif article in ledger.digests:
                report.changed += 1
            else:
                report.added += 1


def _by_label(pairs: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for label, iri in pairs:
        grouped[label].append(iri)
    return dict(grouped)
