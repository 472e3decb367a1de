"""The query worker: a process that opens a read-only snapshot of the store and runs the jobs it is sent.

pyoxigraph cannot interrupt a query from Python, and RocksDB lets only one
process open the live store, so queries an outside caller can shape run here,
in processes the runner (``graph.sparql.runner``) can kill at a deadline.

The protocol, over a pipe: the worker sends ``True`` once it has started;
then each message is ``(snapshot, job)`` — it opens ``snapshot`` if it does not
hold it yet and answers with :class:`~graph.sparql.results.Rows`,
:class:`~graph.sparql.results.Serialized` or a :class:`Failure` (``job`` None:
only switch snapshots, answer ``True``); ``None`` tells it to stop. Answers are
counted while they are read: one over ``max_rows`` is a failure, not cut.
"""

from __future__ import annotations

import json
from collections.abc import Hashable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.sparql.errors import QueryEvaluationError, QuerySyntaxError
from graph.sparql.functions import CUSTOM_FUNCTIONS
from graph.sparql.results import Dataset, ResultKind, Rows, Serialized, Value, json_term, plain
from ontology.errors import QueryError, TooManyRows


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A read-only copy of the store: its generation number and folder."""

    generation: int
    path: Path


@dataclass(frozen=True, slots=True)
class Job:
    """One query for a worker: its text (values already bound), the row cap and the dataset.

    Without formats the answer is plain :class:`Rows`; with them, solutions and
    booleans are serialized in ``results_format`` (a ``pyoxigraph.QueryResultsFormat``
    name) and graphs in ``graph_format`` (an ``RdfFormat`` name).
    """

    query: str
    max_rows: int
    dataset: Dataset
    results_format: str | None = None
    graph_format: str | None = None

    def cache_key(self, generation: int) -> Hashable:
        """The key of this job's answer on snapshot ``generation``."""
        return (generation, self.query, self.max_rows, self.dataset, self.results_format, self.graph_format)


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a job gave no answer, as sent back over the pipe."""

    kind: str  # "syntax", "evaluation", "rows"
    message: str

    def error(self) -> QueryError:
        """The error the caller of the runner gets for this failure."""
        if self.kind == "rows":
            return TooManyRows(int(self.message))
        if self.kind == "syntax":
            return QuerySyntaxError(self.message)
        return QueryEvaluationError(self.message)


class _WorkerState:
    """The snapshot a worker has open."""

    def __init__(self) -> None:
        self.generation = -1
        self.store: ox.Store | None = None

    def open(self, snapshot: Snapshot) -> ox.Store:
        if self.store is None or snapshot.generation != self.generation:
            self.store = None  # close the old snapshot before opening the new one
            self.store = ox.Store.read_only(str(snapshot.path))
            self.generation = snapshot.generation
        return self.store


def run_job(store: ox.Store, job: Job) -> Rows | Serialized | Failure:
    """Run one job on an open store; never raises for a query's own failure."""
    options: dict[str, Any] = {"custom_functions": CUSTOM_FUNCTIONS}
    if job.dataset.default_graphs:
        options["default_graph"] = [ox.NamedNode(iri) for iri in job.dataset.default_graphs]
    if job.dataset.named_graphs:
        options["named_graphs"] = [ox.NamedNode(iri) for iri in job.dataset.named_graphs]
    try:
        result = store.query(job.query, **options)
        if job.results_format is None:
            return _rows(result, job.max_rows)
        return _serialize(result, job)
    except SyntaxError as exc:
        return Failure("syntax", str(exc))
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return Failure("evaluation", str(exc))


def _rows(result: Any, max_rows: int) -> Rows | Failure:
    if not isinstance(result, ox.QuerySolutions):
        return Failure("evaluation", "expected a SELECT query")
    variables = tuple(variable.value for variable in result.variables)
    rows: list[tuple[Value, ...]] = []
    for solution in result:
        if len(rows) == max_rows:
            return Failure("rows", str(max_rows))
        rows.append(tuple(plain(solution[name]) for name in variables))
    return Rows(variables, tuple(rows))


def _serialize(result: Any, job: Job) -> Serialized | Failure:
    if isinstance(result, ox.QueryBoolean):
        fmt = getattr(ox.QueryResultsFormat, job.results_format or "JSON")
        return Serialized(ResultKind.BOOLEAN, result.serialize(format=fmt) or b"")
    if isinstance(result, ox.QueryTriples):
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) == job.max_rows:
                return Failure("rows", str(job.max_rows))
            triples.append(triple)
        fmt_graph = getattr(ox.RdfFormat, job.graph_format or "TURTLE")
        return Serialized(ResultKind.GRAPH, ox.serialize(triples, format=fmt_graph) or b"")
    variables = [variable.value for variable in result.variables]
    bindings: list[dict[str, Any]] = []
    for solution in result:
        if len(bindings) == job.max_rows:
            return Failure("rows", str(job.max_rows))
        bindings.append({name: json_term(solution[name]) for name in variables if solution[name] is not None})
    document = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)
    data = document.encode("utf-8")
    if job.results_format not in (None, "JSON"):
        # Counted above; the engine writes the other formats from the bounded answer.
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        data = parsed.serialize(format=getattr(ox.QueryResultsFormat, job.results_format or "JSON")) or b""
    return Serialized(ResultKind.SOLUTIONS, data)


def worker_main(connection: Connection) -> None:
    """Serve jobs from the parent until told to stop (or the pipe closes)."""
    state = _WorkerState()
    connection.send(True)  # booted: the parent counts query deadlines from here on
    while True:
        try:
            message = connection.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        snapshot, job = message
        try:
            store = state.open(snapshot)
        except OSError as exc:
            connection.send(Failure("evaluation", f"cannot open the store snapshot: {exc}"))
            continue
        connection.send(True if job is None else run_job(store, job))
