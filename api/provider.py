"""The graph as the API sees it: reads through the bounded SPARQL runner, writes to the one live store.

The API process holds the live store (RocksDB allows one writer). Every read
an HTTP caller can shape runs in the runner's worker processes over a
read-only snapshot of it; every write (``POST``/``DELETE /articles``) goes to
the live store and then publishes a new snapshot generation, which the
workers switch to on their next query. Answers — and the search index — are
cached per generation, so they stay exact until the next write.
"""

from __future__ import annotations

import logging
import shutil
import threading
from collections.abc import Mapping
from pathlib import Path

from rdflib import URIRef

from graph.sparql.binding import Term
from graph.sparql.errors import RunnerClosed
from graph.sparql.results import Dataset, Rows, Serialized, Value
from graph.sparql.runner import SparqlRunner
from graph.sparql.worker import Snapshot
from graph.store.embedded import OxigraphStore
from queries.resources import SEARCH_LABELS, ListQuery
from queries.search import SearchIndex
from services.decisions import load_decisions
from services.ingest.outcomes import IngestSummary, Status
from services.ingest.pipeline import ingest_uploads
from services.ingest.prepare import Upload
from services.retract import retract_article
from services.settings import INTERNAL_ROWS_CAP, Settings, change_log_retention, snapshot_root
from services.stores import open_embedded_store

log = logging.getLogger(__name__)

_SNAPSHOT_PREFIX = "gen-"

Row = dict[str, Value]


class GraphProvider:
    """Opens the store and the query workers, answers reads, serialises writes."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: OxigraphStore | None = None
        self._runner: SparqlRunner | None = None
        self._root: Path = snapshot_root(settings)
        self._generation = 0
        self._write_lock = threading.Lock()
        self._search_lock = threading.Lock()
        self._search: tuple[int, SearchIndex] | None = None

    # -- lifecycle -----------------------------------------------------------

    def open(self) -> None:
        """Open the live store (loading the reference graph), start the workers, publish the first snapshot."""
        self._store = open_embedded_store(self.settings)
        self._store.compact_change_log(change_log_retention(self.settings))
        self._root.mkdir(parents=True, exist_ok=True)
        for stale in self._root.glob(f"{_SNAPSHOT_PREFIX}*"):
            shutil.rmtree(stale, ignore_errors=True)  # left by a process that did not shut down
        self._runner = SparqlRunner(
            self.settings.query_workers,
            timeout=self.settings.query_timeout,
            max_rows=self.settings.max_rows,
            cache_size=self.settings.query_cache_size,
        )
        self._publish()

    def close(self) -> None:
        """Stop the workers, delete the snapshots and release the store."""
        if self._runner is not None:
            self._runner.close()
            self._runner = None
        if self._store is not None:
            self._store.flush()
            self._store = None

    @property
    def store(self) -> OxigraphStore:
        """The live store (for writes; reads an HTTP caller shapes go through :attr:`runner`)."""
        if self._store is None:
            raise RunnerClosed("the store is not open")
        return self._store

    @property
    def runner(self) -> SparqlRunner:
        """The bounded query runner over the current snapshot."""
        if self._runner is None:
            raise RunnerClosed("the query workers are not running")
        return self._runner

    @property
    def generation(self) -> int:
        """The snapshot generation reads are answered from."""
        return self.runner.generation

    def _publish(self) -> None:
        self._generation += 1
        path = self._root / f"{_SNAPSHOT_PREFIX}{self._generation:06d}"
        self.store.snapshot(path)
        self.runner.publish(Snapshot(self._generation, path))
        log.info("serving store snapshot generation %d", self._generation)

    # -- reads ---------------------------------------------------------------

    def select(self, query: str, bindings: Mapping[str, Term] | None = None) -> Rows:
        """Run a SELECT the API composed; whole lists may be read (up to ``INTERNAL_ROWS_CAP`` rows)."""
        return self.runner.select(query, bindings, max_rows=INTERNAL_ROWS_CAP)

    def rows(self, query: ListQuery, filters: Mapping[str, Term] | None = None, **entity: Term) -> list[Row]:
        """The rows of a list query with the given filters (by name), or of one entity (``person=IRI``)."""
        chosen = filters or {}
        bindings = {f"param_{name}": term for name, term in chosen.items()} | entity
        return self.select(query.text(chosen), bindings).dicts()

    def select_capped(self, query: str, bindings: Mapping[str, Term] | None = None) -> Rows:
        """Run a SELECT whose answer goes to the caller as is: bounded by ``GOVKG_MAX_ROWS``."""
        return self.runner.select(query, bindings)

    def sparql(self, query: str, *, results_format: str, graph_format: str, dataset: Dataset) -> Serialized:
        """Run a caller's query (already checked read-only and SERVICE-free) and serialize its answer."""
        return self.runner.serialize(query, results_format=results_format, graph_format=graph_format, dataset=dataset)

    def search_index(self) -> SearchIndex:
        """The search index of the current generation (built on first use after each write)."""
        generation = self.generation
        with self._search_lock:
            if self._search is None or self._search[0] != generation:
                labels = self.select(SEARCH_LABELS)
                entries = ((str(iri), str(kind), str(label)) for iri, kind, label in labels.rows)
                self._search = (generation, SearchIndex(entries))
            return self._search[1]

    # -- writes --------------------------------------------------------------

    def ingest(self, uploads: list[Upload]) -> IngestSummary:
        """Ingest uploaded articles into the live store, then publish a snapshot if anything changed."""
        with self._write_lock:
            summary = ingest_uploads(
                self.store,
                uploads,
                max_bytes=self.settings.max_article_bytes,
                batch_size=self.settings.validation_batch,
                decisions=load_decisions(self.settings.decisions_file),
            )
            if summary.count(Status.OK) or summary.count(Status.QUARANTINED):
                self._publish()
        return summary

    def retract(self, article: URIRef) -> bool:
        """Remove exactly what an article asserted; False when the store does not know it."""
        with self._write_lock:
            found = retract_article(self.store, article)
            if found:
                self._publish()
        return found
