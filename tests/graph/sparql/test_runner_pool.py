"""The worker pool on real store snapshots: generations, deletion of unused snapshots, deadlines, caps, busy."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.sparql.errors import RunnerBusy
from graph.sparql.runner import SparqlRunner
from graph.sparql.worker import Snapshot
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from ontology.errors import QueryError, QueryTimeout, TooManyRows
from tests.factories.invented import invented_articles
from tests.factories.stores import write_articles

MEETINGS = "SELECT (COUNT(*) AS ?n) WHERE { ?m a <https://w3id.org/govkg/def#Meeting> }"
RUNAWAY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o } ORDER BY ?a ?f ?i ?l ?o"


@pytest.fixture
def live(tmp_path: Path) -> OxigraphStore:
    store = OxigraphStore(tmp_path / "store")
    ensure_reference(store)
    write_articles(store, invented_articles()[:2])
    return store


@pytest.fixture
def runner() -> Iterator[SparqlRunner]:
    pool = SparqlRunner(2, timeout=2.0, max_rows=100)
    yield pool
    pool.close()


def _run_in_background(runner: SparqlRunner, query: str) -> tuple[threading.Thread, list[QueryError]]:
    """Start a query in a thread; the list receives the error it ends with."""
    errors: list[QueryError] = []

    def run() -> None:
        try:
            runner.select(query)
        except QueryError as exc:
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def _snapshot(store: OxigraphStore, root: Path, generation: int) -> Snapshot:
    path = root / f"gen-{generation}"
    store.snapshot(path)
    return Snapshot(generation, path)


def test_a_new_generation_is_served_and_the_old_snapshot_deleted(
    live: OxigraphStore, runner: SparqlRunner, tmp_path: Path
) -> None:
    first = _snapshot(live, tmp_path, 1)
    runner.publish(first)
    assert runner.select(MEETINGS).rows == ((2,),)
    write_articles(live, invented_articles()[2:])
    assert runner.select(MEETINGS).rows == ((2,),)  # the snapshot does not change under a write
    second = _snapshot(live, tmp_path, 2)
    runner.publish(second)
    assert runner.select(MEETINGS).rows == ((5,),)
    assert runner.generation == 2
    assert not first.path.exists() and second.path.exists()
    runner.close()
    assert not second.path.exists()


def test_a_snapshot_in_use_by_a_busy_worker_is_kept_until_it_is_done(
    live: OxigraphStore, runner: SparqlRunner, tmp_path: Path
) -> None:
    first = _snapshot(live, tmp_path, 1)
    runner.publish(first)
    busy, errors = _run_in_background(runner, RUNAWAY)
    time.sleep(0.3)
    runner.publish(_snapshot(live, tmp_path, 2))
    assert first.path.exists()  # the worker running the long query still holds it
    busy.join()
    assert [type(e) for e in errors] == [QueryTimeout]
    deadline = time.monotonic() + 10
    while first.path.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not first.path.exists()


def test_an_overrunning_query_kills_its_worker_and_the_pool_recovers(
    live: OxigraphStore, runner: SparqlRunner, tmp_path: Path
) -> None:
    runner.publish(_snapshot(live, tmp_path, 1))
    started = time.monotonic()
    with pytest.raises(QueryTimeout, match="longer than 1 s"):
        runner.select(RUNAWAY, timeout=1.0)
    assert time.monotonic() - started < 3
    answers = [runner.select(MEETINGS, cache=False).rows for _ in range(6)]
    assert answers == [((2,),)] * 6


def test_too_many_rows_is_refused_and_busy_workers_are_reported(live: OxigraphStore, tmp_path: Path) -> None:
    single = SparqlRunner(1, timeout=3.0, max_rows=10)
    try:
        single.publish(_snapshot(live, tmp_path, 1))
        with pytest.raises(TooManyRows):
            single.select("SELECT * WHERE { ?s ?p ?o }")
        assert len(single.select("SELECT * WHERE { ?s ?p ?o }", max_rows=100_000).rows) > 10
        busy, errors = _run_in_background(single, RUNAWAY)
        time.sleep(0.3)
        with pytest.raises(RunnerBusy, match="busy"):
            single.select(MEETINGS, timeout=0.5, cache=False)
        busy.join()
        assert [type(e) for e in errors] == [QueryTimeout]
        assert single.select(MEETINGS, cache=False).rows == ((2,),)
    finally:
        single.close()
