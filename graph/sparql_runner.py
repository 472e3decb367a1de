"""Bounded SPARQL: queries run in worker processes over a read-only snapshot of the store.

pyoxigraph cannot interrupt a query from Python, and RocksDB lets only one
process open the live store. So every query an outside caller can shape runs
in a pool of worker processes, each holding a read-only store opened on a
*snapshot* (a RocksDB checkpoint taken with ``OxigraphStore.snapshot``):

- a query past its deadline kills its worker, which is replaced in the
  background; the caller gets :class:`QueryTimeout` at once;
- results are counted while they are read, and a result over the row cap is
  refused (:class:`TooManyRows`) rather than cut;
- each write to the store publishes a new snapshot *generation*
  (:meth:`SparqlRunner.publish`); a worker switches to it before its next
  query, idle workers at once, and a snapshot no worker holds any longer is
  deleted;
- answers are cached per generation: a generation never changes, so a cached
  answer is exact until the next publish.

Values are bound to a query by :func:`bind_values`: a ``VALUES`` row placed
as the first element of the query's outer ``WHERE`` group, each value a typed
term written in its own N-Triples form (never caller text). Oxigraph plans
that row as a known input, so the query starts from the bound values. SEP-0007
substitution (``substitutions=``) is not used: the planner does not see
substituted values, and a query driven by one ran 3–15× slower on a 20,000-article
store (indicators of a province: 460 ms substituted, 150 ms with the row).

This module knows nothing about HTTP: it runs text with bound values and
returns rows or serialized bytes.
"""

from __future__ import annotations

import contextlib
import functools
import json
import logging
import multiprocessing
import queue
import re
import shutil
import threading
from collections import OrderedDict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.sparql_text import SparqlTextError, tokens
from ontology.namespaces import GOVKG
from ontology.orthography import search_key

log = logging.getLogger(__name__)

#: Custom SPARQL function every worker offers: ``govkg:searchKey(?text)`` → accent- and case-free key.
SEARCH_KEY_FUNCTION = str(GOVKG.searchKey)
#: Custom SPARQL function: ``govkg:wordsMatch(?text, ?words)`` — every word of ``?words`` begins a word of
#: ``?text``, accents and case ignored ("van thai" matches "Hoàng Văn Thái").
WORDS_MATCH_FUNCTION = str(GOVKG.wordsMatch)

#: Seconds a new worker process may take to start (import its modules) before it counts as broken.
_BOOT_SECONDS = 120

Term = ox.NamedNode | ox.Literal
Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOAT_TYPES = frozenset(_XSD + name for name in ("decimal", "double", "float"))
_PLAIN_TYPES = frozenset((_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"))


# -- what callers get back ---------------------------------------------------


class QueryError(Exception):
    """A query did not produce an answer; the message says why, for the caller."""


class QuerySyntaxError(QueryError):
    """The engine could not parse the query."""


class QueryEvaluationError(QueryError):
    """The engine parsed the query but failed while evaluating it (a type error, a failed SERVICE call …)."""


class QueryTimeout(QueryError):
    """The query ran past its deadline and its worker was stopped."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"the query took longer than {seconds:g} s and was stopped")
        self.seconds = seconds


class TooManyRows(QueryError):
    """The answer has more rows (or triples) than the cap allows."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the answer has more than {limit} rows")
        self.limit = limit


class RunnerBusy(QueryError):
    """No worker became free in time (every worker is running a long query)."""


class RunnerClosed(QueryError):
    """The runner has been closed or has no snapshot to query yet."""


@dataclass(frozen=True, slots=True)
class Snapshot:
    """A read-only copy of the store: its generation number and folder."""

    generation: int
    path: Path


@dataclass(frozen=True, slots=True)
class Rows:
    """A SELECT answer as plain values: IRIs as strings, numbers as numbers, dates as ISO strings."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def dicts(self) -> list[dict[str, Value]]:
        """The rows as dictionaries keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


class ResultKind(StrEnum):
    """The shape of a query's answer."""

    SOLUTIONS = "solutions"
    BOOLEAN = "boolean"
    GRAPH = "graph"


@dataclass(frozen=True, slots=True)
class Serialized:
    """An answer serialized in the format asked for its kind."""

    kind: ResultKind
    data: bytes


@dataclass(frozen=True, slots=True)
class Dataset:
    """The RDF dataset of a protocol request (``default-graph-uri`` / ``named-graph-uri``); empty = the store's."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


# -- binding values ----------------------------------------------------------

_VARIABLE_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class BindingError(ValueError):
    """Values cannot be bound to a query: a bad variable name or term, or no outer ``WHERE {`` to bind them in."""


def values_row(bindings: Mapping[str, Term]) -> str:
    """``VALUES (?a ?b) { (term term) }`` for ``bindings`` (variable name → term); empty when there are none.

    Each term is written in its own N-Triples form (``str`` of a pyoxigraph
    term: an IRI the constructor validated, a literal with its quotes and
    escapes), so no value can change the query around it.
    """
    if not bindings:
        return ""
    for name, term in bindings.items():
        if not _VARIABLE_NAME.match(name):
            raise BindingError(f"{name!r} is not a variable name")
        if not isinstance(term, ox.NamedNode | ox.Literal):
            raise BindingError(f"?{name} must be bound to an IRI or a literal, not {type(term).__name__}")
    ordered = sorted(bindings.items())  # one text (and one cache entry) whatever the order given
    variables = " ".join(f"?{name}" for name, _ in ordered)
    terms = " ".join(str(term) for _, term in ordered)
    return f"VALUES ({variables}) {{ ({terms}) }}"


@functools.lru_cache(maxsize=1024)
def outer_group_start(query: str) -> int:
    """Where the outer ``WHERE`` group's content begins in ``query``: the offset just past its ``{``.

    Read from the tokens (a brace in a string, an IRI or a comment does not
    count; a ``{`` inside parentheses belongs to an expression such as
    ``EXISTS``). Raises :class:`BindingError` when the first top-level group
    is not introduced by the keyword ``WHERE`` (``SELECT * { … }``, a
    ``CONSTRUCT`` template) or there is none: a query that takes values must
    say ``WHERE {``.
    """
    depth = parentheses = 0
    previous = None
    try:
        for token in tokens(query):
            if token.kind == "punct" and token.text in "{}()":
                if token.text == "{" and depth == 0 and parentheses == 0:
                    if previous is None or previous.kind != "word" or previous.text.upper() != "WHERE":
                        break
                    return token.offset + 1
                step = 1 if token.text in "{(" else -1
                if token.text in "{}":
                    depth += step
                else:
                    parentheses += step
            previous = token
    except SparqlTextError as exc:
        raise BindingError(f"cannot read the query: {exc}") from None
    raise BindingError("the query has no outer 'WHERE {' to bind values in")


def bind_values(query: str, bindings: Mapping[str, Term] | None) -> str:
    """``query`` with :func:`values_row` of ``bindings`` as the first element of its outer ``WHERE`` group.

    The query is returned unchanged when there is nothing to bind. Raises
    :class:`BindingError` (see :func:`outer_group_start`).
    """
    if not bindings:
        return query
    row = values_row(bindings)
    start = outer_group_start(query)
    return f"{query[:start]}\n  {row}\n{query[start:]}"


# -- jobs sent to workers ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Job:
    query: str
    max_rows: int
    dataset: Dataset
    # None: plain rows; else the formats to serialize solutions/booleans and graphs in.
    results_format: str | None = None
    graph_format: str | None = None

    def cache_key(self, generation: int) -> Hashable:
        return (
            generation,
            self.query,
            self.max_rows,
            self.dataset,
            self.results_format,
            self.graph_format,
        )


@dataclass(frozen=True, slots=True)
class _Failure:
    kind: str  # "syntax", "evaluation", "rows"
    message: str


# -- the worker process ------------------------------------------------------


def _search_key_function(term: Any) -> ox.Literal | None:
    if isinstance(term, ox.Literal):
        return ox.Literal(search_key(term.value))
    return None


_WORD = re.compile(r"[a-z0-9]+")
_TRUE = ox.Literal("true", datatype=ox.NamedNode(_XSD + "boolean"))
_FALSE = ox.Literal("false", datatype=ox.NamedNode(_XSD + "boolean"))


def words_match(text: str, words: str) -> bool:
    """True when every word of ``words`` begins a word of ``text`` (accents and case ignored)."""
    found = _WORD.findall(search_key(text))
    wanted = _WORD.findall(search_key(words))
    return bool(wanted) and all(any(word.startswith(w) for word in found) for w in wanted)


def _words_match_function(text: Any, words: Any) -> ox.Literal | None:
    if isinstance(text, ox.Literal) and isinstance(words, ox.Literal):
        return _TRUE if words_match(text.value, words.value) else _FALSE
    return None


_CUSTOM_FUNCTIONS = {
    ox.NamedNode(SEARCH_KEY_FUNCTION): _search_key_function,
    ox.NamedNode(WORDS_MATCH_FUNCTION): _words_match_function,
}


def _plain(term: Any) -> Value:
    """A term as a plain Python value (see :class:`Rows`)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            with contextlib.suppress(ValueError):
                return int(term.value)
        elif datatype in _FLOAT_TYPES:
            with contextlib.suppress(ValueError, ArithmeticError):
                return float(Decimal(term.value))
        elif datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return str(term.value)
    return str(term)


def _json_term(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 JSON results format (with the RDF 1.2 ``triple`` extension)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in _PLAIN_TYPES:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


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


def _run_job(store: ox.Store, job: _Job) -> Rows | Serialized | _Failure:
    options: dict[str, Any] = {"custom_functions": _CUSTOM_FUNCTIONS}
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
        return _Failure("syntax", str(exc))
    except (OSError, RuntimeError, ValueError, TypeError) as exc:
        return _Failure("evaluation", str(exc))


def _rows(result: Any, max_rows: int) -> Rows | _Failure:
    if not isinstance(result, ox.QuerySolutions):
        return _Failure("evaluation", "expected a SELECT query")
    variables = tuple(variable.value for variable in result.variables)
    rows: list[tuple[Value, ...]] = []
    for solution in result:
        if len(rows) == max_rows:
            return _Failure("rows", str(max_rows))
        rows.append(tuple(_plain(solution[name]) for name in variables))
    return Rows(variables, tuple(rows))


def _serialize(result: Any, job: _Job) -> Serialized | _Failure:
    if isinstance(result, ox.QueryBoolean):
        fmt = getattr(ox.QueryResultsFormat, job.results_format or "JSON")
        return Serialized(ResultKind.BOOLEAN, result.serialize(format=fmt) or b"")
    if isinstance(result, ox.QueryTriples):
        triples: list[ox.Triple] = []
        for triple in result:
            if len(triples) == job.max_rows:
                return _Failure("rows", str(job.max_rows))
            triples.append(triple)
        fmt_graph = getattr(ox.RdfFormat, job.graph_format or "TURTLE")
        return Serialized(ResultKind.GRAPH, ox.serialize(triples, format=fmt_graph) or b"")
    variables = [variable.value for variable in result.variables]
    bindings: list[dict[str, Any]] = []
    for solution in result:
        if len(bindings) == job.max_rows:
            return _Failure("rows", str(job.max_rows))
        bindings.append({name: _json_term(solution[name]) for name in variables if solution[name] is not None})
    document = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}}, ensure_ascii=False)
    data = document.encode("utf-8")
    if job.results_format not in (None, "JSON"):
        # Counted above; the engine writes the other formats from the bounded answer.
        parsed = ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        data = parsed.serialize(format=getattr(ox.QueryResultsFormat, job.results_format or "JSON")) or b""
    return Serialized(ResultKind.SOLUTIONS, data)


def _worker_main(connection: Connection) -> None:
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
            connection.send(_Failure("evaluation", f"cannot open the store snapshot: {exc}"))
            continue
        connection.send(True if job is None else _run_job(store, job))


# -- the parent side ---------------------------------------------------------


@dataclass(eq=False)
class _Worker:
    process: BaseProcess
    connection: Connection
    generation: int = -1  # the snapshot generation it has open


@dataclass
class _Cache:
    """A small thread-safe LRU of answers, keyed by generation and job."""

    capacity: int
    entries: OrderedDict[Hashable, Rows | Serialized] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: Hashable) -> Rows | Serialized | None:
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Rows | Serialized) -> None:
        if self.capacity <= 0:
            return
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.capacity:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


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
        self._context.set_forkserver_preload([__name__])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._snapshot: Snapshot | None = None
        self._retired: dict[int, Path] = {}
        self._cache = _Cache(cache_size)
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
        job = _Job(bind_values(query, bindings), max_rows or self.max_rows, Dataset())
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
        job = _Job(query, max_rows or self.max_rows, dataset or Dataset(), results_format, graph_format)
        result = self._answer(job, timeout, cache=True)
        assert isinstance(result, Serialized)
        return result

    def _answer(self, job: _Job, timeout: float | None, cache: bool) -> Rows | Serialized:
        snapshot = self._snapshot
        if snapshot is None or self._closed:
            raise RunnerClosed("the SPARQL runner has no store snapshot (closed, or not started)")
        key = job.cache_key(snapshot.generation)
        if cache and (hit := self._cache.get(key)) is not None:
            return hit
        result = self._on_worker(snapshot, job, timeout or self.timeout)
        if isinstance(result, _Failure):
            raise _error(result)
        if cache:
            self._cache.put(key, result)
        return result

    def _on_worker(self, snapshot: Snapshot, job: _Job, timeout: float) -> Rows | Serialized | _Failure:
        worker = self._borrow(timeout)
        try:
            worker.connection.send((snapshot, job))
            worker.generation = snapshot.generation
            if not worker.connection.poll(timeout):
                self._replace(worker)
                raise QueryTimeout(timeout)
            reply: Rows | Serialized | _Failure = worker.connection.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            self._replace(worker)
            raise QueryEvaluationError("the query worker stopped unexpectedly; try again") from exc
        self._give_back(worker)
        return reply

    # -- pool plumbing -------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child,), name="govkg-sparql", daemon=True)
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


def _error(failure: _Failure) -> QueryError:
    if failure.kind == "rows":
        return TooManyRows(int(failure.message))
    if failure.kind == "syntax":
        return QuerySyntaxError(failure.message)
    return QueryEvaluationError(failure.message)
