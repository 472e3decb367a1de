"""Bounded SPARQL: a pool of worker processes running queries over a read-only snapshot of the store.

Every query an outside caller can shape runs in a worker process
(``graph.sparql.worker``) holding a read-only store opened on a *snapshot*
(a RocksDB checkpoint taken with ``OxigraphStore.snapshot``):

- a query past its deadline kills its worker, which is replaced in the
  background; the caller gets ``QueryTimeout`` at once;
- results are counted while they are read, and a result over the row cap is
  refused (``TooManyRows``) rather than cut;
- each write to the store publishes a new snapshot *generation*
  (:meth:`SparqlRunner.publish`); a worker switches to it before its next
  query, idle workers at once, and a snapshot no worker holds any longer is
  deleted;
- answers are cached per generation (``graph.sparql.cache``): a generation
  never changes, so a cached answer is exact until the next publish.

Values are bound by ``graph.sparql.binding.bind_values``. This module knows
nothing about HTTP: it runs text with bound values and returns rows or
serialized bytes.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import queue
import shutil
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import pyoxigraph as ox

from graph.sparql.binding import Term, bind_values
from graph.sparql.cache import AnswerCache
from graph.sparql.errors import QueryEvaluationError, RunnerBusy, RunnerClosed
from graph.sparql.results import Dataset, Rows, Serialized
from graph.sparql.worker import Failure, Job, Snapshot, worker_main
from ontology.errors import QueryTimeout

log = logging.getLogger(__name__)

#: Seconds a new worker process may take to start (import its modules) before it counts as broken.
_BOOT_SECONDS = 120


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    generation: int = -1  # the snapshot generation it has open


class SparqlRunner:
    """A pool of worker processes running SPARQL over the current snapshot, with deadlines and a row cap.

    ``timeout`` and ``max_rows`` are the defaults for every call; a call may
    lower or raise them (internal queries that read whole lists raise the cap).
    ``cache_size`` answers are kept per generation (0 disables the cache).
    """

    def __init__(self, workers: int, *, timeout: float, max_rows: int, cache_size: int = 2048) -> None:
        if workers < 1:
            raise ValueError("a SPARQL runner needs at least one worker")
        self.size = workers
        self.timeout = timeout
        self.max_rows = max_rows
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload([worker_main.__module__])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._retired: dict[int, Path] = {}
        self._cache = AnswerCache(cache_size)
        self._closed = False
        for _ in range(workers):
            self._idle.put(self._spawn())

    # -- lifecycle -----------------------------------------------------------

    @property
    def generation(self) -> int:
        """The generation queries run against (-1 before the first publish)."""
        snapshot = self._snapshot
        return snapshot.generation if snapshot else -1

    def publish(self, snapshot: Snapshot) -> None:
        """Make ``snapshot`` the one new queries run against; retire the previous one."""
        with self._lock:
            if self._closed:
                raise RunnerClosed("the SPARQL runner is closed")
            previous = self._snapshot
            self._snapshot = snapshot
            if previous is not None and previous.generation != snapshot.generation:
                self._retired[previous.generation] = previous.path
        self._cache.clear()
        self._refresh_idle()
        self._delete_unused()

    def close(self) -> None:
        """Stop every worker and delete every snapshot this runner was given."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
            if self._snapshot is not None:
                self._retired[self._snapshot.generation] = self._snapshot.path
            self._snapshot = None
        for worker in workers:
            self._stop(worker)
        self._delete_unused()

    def _stop(self, worker: _Worker) -> None:
        with contextlib.suppress(OSError, ValueError):
            worker.connection.send(None)
        worker.process.join(timeout=1)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(timeout=5)
        worker.connection.close()
        with self._lock:
            self._workers.discard(worker)

    # -- queries -------------------------------------------------------------

    def select(
        self,
        query: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        max_rows: int | None = None,
        timeout: float | None = None,
        cache: bool = True,
    ) -> Rows:
        """Run a SELECT query; return its rows as plain values.

        ``bindings`` binds variables by name (without the ``?``) to typed
        terms, as a ``VALUES`` row at the start of the outer ``WHERE`` group
        (:func:`bind_values`; :class:`BindingError` when the query has no
        ``WHERE {``). Raises a :class:`QueryError` subclass when there is no
        answer.
        """
        job = Job(bind_values(query, bindings), max_rows or self.max_rows, Dataset())
        result = self._answer(job, timeout, cache)
        assert isinstance(result, Rows)
        return result

    def serialize(
        self,
        query: str,
        *,
        results_format: str,
        graph_format: str,
        dataset: Dataset | None = None,
        max_rows: int | None = None,
        timeout: float | None = None,
    ) -> Serialized:
        """Run any read-only query; return its answer serialized.

        ``results_format`` names a ``pyoxigraph.QueryResultsFormat`` (``JSON``,
        ``XML``, ``CSV``, ``TSV``) for SELECT and ASK; ``graph_format`` an
        ``RdfFormat`` (``TURTLE``, ``N_TRIPLES`` …) for CONSTRUCT and DESCRIBE.
        """
        for name, enum in ((results_format, ox.QueryResultsFormat), (graph_format, ox.RdfFormat)):
            if not hasattr(enum, name):
                raise ValueError(f"unknown format {name!r}")
        job = Job(query, max_rows or self.max_rows, dataset or Dataset(), results_format, graph_format)
        result = self._answer(job, timeout, cache=True)
        assert isinstance(result, Serialized)
        return result

    def _answer(self, job: Job, timeout: float | None, cache: bool) -> Rows | Serialized:
        snapshot = self._snapshot
        if snapshot is None or self._closed:
            raise RunnerClosed("the SPARQL runner has no store snapshot (closed, or not started)")
        key = job.cache_key(snapshot.generation)
        if cache and (hit := self._cache.get(key)) is not None:
            return hit
        result = self._on_worker(snapshot, job, timeout or self.timeout)
        if isinstance(result, Failure):
            raise result.error()
        if cache:
            self._cache.put(key, result)
        return result

    def _on_worker(self, snapshot: Snapshot, job: Job, timeout: float) -> Rows | Serialized | Failure:
        worker = self._borrow(timeout)
        try:
            worker.connection.send((snapshot, job))
            worker.generation = snapshot.generation
            if not worker.connection.poll(timeout):
                self._replace(worker)
                raise QueryTimeout(timeout)
            reply: Rows | Serialized | Failure = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise QueryEvaluationError("the query worker stopped unexpectedly; try again") from exc
        self._give_back(worker)
        return reply

    # -- pool plumbing -------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=worker_main, args=(child,), name="govkg-sparql", daemon=True)
        process.start()
        child.close()
        if not parent.poll(_BOOT_SECONDS):
            process.kill()
            raise RunnerClosed(f"a query worker did not start within {_BOOT_SECONDS} s")
        parent.recv()
        worker = _Worker(process, parent)
        with self._lock:
            self._workers.add(worker)
        return worker

    def _borrow(self, timeout: float) -> _Worker:
        try:
            return self._idle.get(timeout=timeout)
        except queue.Empty:
            raise RunnerBusy(
                f"all {self.size} query workers stayed busy for {timeout:g} s; try again shortly"
            ) from None

    def _give_back(self, worker: _Worker) -> None:
        if self._closed:
            return
        self._idle.put(worker)
        self._delete_unused()

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker (its query overran or it broke) and start another in the background."""
        worker.process.kill()
        with self._lock:
            self._workers.discard(worker)
        worker.generation = -1

        def reap_and_respawn() -> None:
            worker.process.join(timeout=10)
            worker.connection.close()
            if not self._closed:
                try:
                    fresh = self._spawn()
                except RunnerClosed as exc:
                    log.error("could not replace a query worker: %s", exc)
                else:
                    if self._closed:
                        self._stop(fresh)
                    else:
                        self._idle.put(fresh)
            self._delete_unused()

        threading.Thread(target=reap_and_respawn, name="govkg-sparql-respawn", daemon=True).start()

    def _refresh_idle(self) -> None:
        """Move idle workers onto the current snapshot now, so the old one can be deleted."""
        snapshot = self._snapshot
        if snapshot is None:
            return
        taken: list[_Worker] = []
        while True:
            try:
                taken.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for worker in taken:
            try:
                worker.connection.send((snapshot, None))
                if worker.connection.poll(self.timeout):
                    worker.connection.recv()
                    worker.generation = snapshot.generation
                    self._idle.put(worker)
                    continue
            except (EOFError, OSError):
                pass
            self._replace(worker)

    def _delete_unused(self) -> None:
        with self._lock:
            held = {worker.generation for worker in self._workers}
            unused = [(gen, path) for gen, path in self._retired.items() if gen not in held]
            for generation, _ in unused:
                del self._retired[generation]
        for _, path in unused:
            shutil.rmtree(path, ignore_errors=True)
