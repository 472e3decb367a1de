"""Every named query's ``.cypher`` twin gives the ``.rq``'s answer, on the seeds and on synthetic stores.

The SPARQL side runs as the API runs it (the registry's binding, a ``SparqlRunner``
worker over a snapshot); the Cypher side runs the twin over the Neo4j projection
of the same store with the same parameters. Rows are compared normalised: the
same columns, values as strings or integers (decimals canonical), sorted.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from graph.neo4j.connection import Neo4jConnection
from graph.neo4j.reader import parameter_value, read_query
from graph.neo4j.sync import ProjectionSync
from graph.neo4j.writer import Neo4jWriter
from graph.sparql.results import Value
from graph.sparql.runner import SparqlRunner
from graph.sparql.worker import Snapshot
from graph.store.embedded import OxigraphStore
from queries.registry import UNSET, NamedQuery, registry
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest
from tests.conftest import SHARED
from tests.factories.stores import new_store
from tests.factories.synthetic import build_synthetic_store
from tests.integration.conftest import REPO

pytestmark = pytest.mark.neo4j

Row = tuple[tuple[str, str | int | None], ...]
#: Parameter sets tried per query and store (a sample of the store's entities).
SAMPLE = 12


@dataclass
class Projected:
    """A store, its SPARQL runner and its Neo4j projection."""

    name: str
    store: OxigraphStore
    runner: SparqlRunner
    neo4j: Neo4jConnection

    def values(self, sparql: str) -> list[str]:
        """The first column of a SELECT over the store, as strings, sorted."""
        rows = self.runner.select(sparql, max_rows=100_000, cache=False)
        return sorted(str(row[0]) for row in rows.rows if row[0] is not None)


def _seeds(folder: Path) -> OxigraphStore:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is not here")
    store = new_store(folder)
    summary = ingest(store, [SHARED / "seeds"], max_bytes=2_000_000)
    assert {o.status for o in summary.outcomes} == {Status.OK}
    return store


def _bench(folder: Path) -> OxigraphStore:
    if str(REPO) not in sys.path:  # bench/ is not an installed package
        sys.path.insert(0, str(REPO))
    try:
        from bench.stores import synthetic_store
    except ImportError:
        pytest.skip("bench.stores (the synthetic corpus) is not here")
    shutil.copytree(synthetic_store(200), folder)  # a copy of our own: the cached store stays untouched
    return OxigraphStore(folder)


_STORES = {
    "hand-made": lambda folder: build_synthetic_store(folder, 300),
    "seeds": _seeds,
    "generated": _bench,
}


@pytest.fixture(scope="module", params=list(_STORES))
def projected(
    request: pytest.FixtureRequest, neo4j: Neo4jConnection, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Projected]:
    """Each store in turn, projected into the shared server."""
    folder = tmp_path_factory.mktemp(f"parity-{request.param}")
    store = _STORES[request.param](folder / "store")
    report = ProjectionSync(store, Neo4jWriter(neo4j.driver, neo4j.database)).run(full=True)
    assert report.added > 0
    store.snapshot(folder / "snapshot")
    runner = SparqlRunner(1, timeout=60, max_rows=100_000, cache_size=0)
    runner.publish(Snapshot(0, folder / "snapshot"))
    try:
        yield Projected(request.param, store, runner, neo4j)
    finally:
        runner.close()


# -- normalising and running -------------------------------------------------------------


def _normal(value: Any) -> str | int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    if isinstance(value, float):
        return format(Decimal(repr(value)).normalize(), "f")
    return str(value)


def _normalised(columns: tuple[str, ...], rows: list[dict[str, Any]]) -> list[Row]:
    for row in rows:
        assert tuple(row) == columns, f"columns {tuple(row)} instead of {columns}"
    return sorted(
        (tuple((column, _normal(row[column])) for column in columns) for row in rows),
        key=repr,
    )


def _cypher_text(name: str) -> str:
    return resources.files("queries").joinpath(f"{name}.cypher").read_text("utf-8")


def _both(projected: Projected, query: NamedQuery, given: dict[str, str]) -> tuple[list[Row], list[Row]]:
    sparql: list[dict[str, Value]] = query.run(projected.runner, given, max_rows=100_000)
    bound = query.bind(given)
    parameters = {
        p.name: None if bound[p.variable] == UNSET else parameter_value(bound[p.variable]) for p in query.parameters
    }
    result = read_query(projected.neo4j, _cypher_text(query.name), parameters, timeout=60, max_rows=100_000)
    assert tuple(result.columns) == query.columns
    return _normalised(query.columns, list(sparql)), _normalised(query.columns, result.records())


def _check(projected: Projected, name: str, parameter_sets: list[dict[str, str]]) -> None:
    query = registry().get(name)
    answered = 0
    for given in parameter_sets:
        sparql, cypher = _both(projected, query, given)
        assert cypher == sparql, f"{name}({given}) on {projected.name}"
        answered += bool(sparql)
    if projected.name != "seeds" or name in _ANSWERED_ON_SEEDS:
        assert answered, f"no parameter set of {name} has an answer on {projected.name}: the check proves nothing"


# The questions the five seed articles can answer (they report no indicators nor co-chairs across meetings …).
_ANSWERED_ON_SEEDS = {"who_chaired_under", "meetings_under_document", "posts_of_person", "officials_of_province"}

_P = (
    "PREFIX govkg: <https://w3id.org/govkg/def#> PREFIX org: <http://www.w3.org/ns/org#> "
    "PREFIX eli: <http://data.europa.eu/eli/ontology#> PREFIX schema: <https://schema.org/> "
    "PREFIX qb: <http://purl.org/linked-data/cube#> "
)


def _sample(values: list[str]) -> list[str]:
    step = max(1, len(values) // SAMPLE)
    return values[::step][:SAMPLE]


def _province_codes(projected: Projected, pattern: str) -> list[str]:
    """Unit codes of the provinces ``pattern`` reaches through ``?unit``, and of their successors."""
    return _sample(
        projected.values(
            f"{_P} SELECT DISTINCT ?code WHERE {{ {pattern} ?unit govkg:succeededBy* ?target . "
            "?target govkg:unitCode ?code }"
        )
    )


# -- one test per named query ---------------------------------------------------------------


def test_who_chaired_under(projected: Projected) -> None:
    notations = _sample(
        projected.values(f"{_P} SELECT DISTINCT ?n WHERE {{ ?m govkg:underLegalBasis/eli:id_local ?n }}")
    )
    documents = _sample(projected.values(f"{_P} SELECT DISTINCT ?d WHERE {{ ?m govkg:underLegalBasis ?d }}"))
    provinces = _province_codes(projected, "?m govkg:heldIn ?unit .")
    days = projected.values(f"{_P} SELECT DISTINCT ?day WHERE {{ ?m a govkg:Meeting ; schema:startDate ?day }}")
    middle = days[len(days) // 2] if days else "2020-01-01"
    sets: list[dict[str, str]] = [{}, {"from": middle}, {"to": middle}]
    sets += [{"document": d} for d in notations + documents[:3]]
    sets += [{"province": p} for p in provinces]
    sets += [{"province": p, "from": middle} for p in provinces[:2]]
    sets += [{"document": d, "province": p} for d in notations[:2] for p in provinces[:2]]
    _check(projected, "who_chaired_under", sets)


def test_officials_of_province(projected: Projected) -> None:
    provinces = _province_codes(projected, "?m org:organization/govkg:province ?unit .")
    _check(projected, "officials_of_province", [{"province": p} for p in provinces])


def test_posts_of_person(projected: Projected) -> None:
    persons = _sample(projected.values(f"{_P} SELECT DISTINCT ?p WHERE {{ ?m org:member ?p }}"))
    _check(projected, "posts_of_person", [{"person": p} for p in persons])


def test_meetings_under_document(projected: Projected) -> None:
    notations = _sample(
        projected.values(f"{_P} SELECT DISTINCT ?n WHERE {{ ?m govkg:underLegalBasis/eli:id_local ?n }}")
    )
    documents = _sample(projected.values(f"{_P} SELECT DISTINCT ?d WHERE {{ ?m govkg:underLegalBasis ?d }}"))
    _check(projected, "meetings_under_document", [{"document": d} for d in notations + documents])


def test_documents_cited_by_province(projected: Projected) -> None:
    provinces = _province_codes(projected, "?a a schema:NewsArticle ; govkg:province ?unit ; schema:mentions ?d .")
    _check(projected, "documents_cited_by_province", [{"province": p} for p in provinces])


def test_co_chairs(projected: Projected) -> None:
    chairs = _sample(projected.values(f"{_P} SELECT DISTINCT ?p WHERE {{ ?m govkg:chairedBy ?p }}"))
    _check(projected, "co_chairs", [{}] + [{"person": p} for p in chairs])


def test_indicators_of_province(projected: Projected) -> None:
    provinces = _province_codes(projected, "?o a qb:Observation ; govkg:province ?unit .")
    _check(projected, "indicators_of_province", [{"province": p} for p in provinces or ["VN-44"]])


def test_post_holders_on(projected: Projected) -> None:
    organizations = _sample(projected.values(f"{_P} SELECT DISTINCT ?o WHERE {{ ?m org:organization ?o }}"))
    days = projected.values(f"{_P} SELECT DISTINCT ?day WHERE {{ ?m a org:Membership ; govkg:reportedOn ?day }}")
    probes = sorted({days[0], days[len(days) // 2], days[-1], "2021-03-01", "2024-06-30"} if days else {"2021-03-01"})
    sets: list[dict[str, str]] = [{"organization": o, "on": day} for o in organizations for day in probes]
    sets += [{"organization": o, "on": probes[-1], "within_days": "2000"} for o in organizations[:4]]
    sets += [{"organization": o, "on": day, "within_days": "7"} for o in organizations for day in probes]
    titles = projected.values(f"{_P} SELECT DISTINCT ?t WHERE {{ ?m govkg:title ?t }}")
    sets += [
        {"organization": o, "on": day, "title": t.upper()}
        for o in organizations[:3]
        for day in probes
        for t in titles[:2]
    ]
    _check(projected, "post_holders_on", sets)
