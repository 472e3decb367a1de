"""The scale benchmark: one command, one table, written to ``bench/README.md``.

    python -m bench.run [--sizes 1000,20000,100000] [--workers 2] [--baseline-size 1000]

For each size it builds (or reuses) a synthetic store through the real
pipeline and measures: ingest articles/s with validation on and its peak
memory; per-article validation and write cost of new articles at that store
size; p50/p95 latency of every named query. Beside them, in the same run:
extraction articles/s on one core and its score on generated gold; the same
named queries on rdflib's in-memory engine; whole-store pySHACL against
per-article validation; underthesea's NER.
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import platform
import random
import shutil
import statistics
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate

from bench.bench_extraction import extraction_rate, underthesea_baseline
from bench.generator import write_corpus
from bench.memory import PeakMemory
from bench.stores import CACHE, store_path, synthetic_corpus, synthetic_store
from graph.sparql.runner import SparqlRunner
from graph.sparql.worker import Snapshot
from graph.store.embedded import OxigraphStore
from graph.validation.shapes import shapes_graph, validate_article_graphs
from loaders.evaluation import evaluate
from loaders.pipeline import extract
from loaders.rdf_mapping import article_graph
from loaders.reading import DEFAULT_MAX_BYTES, parse_article
from ontology.identity import mint_article_iri
from queries.registry import NamedQuery, registry
from services.ingest.prepare import prepare_batch
from services.ingest.write import write_prepared

log = logging.getLogger(__name__)

README = Path(__file__).resolve().parent / "README.md"
SAMPLES_PER_QUERY = 20


@dataclass(slots=True)
class SizeFigures:
    """What was measured on the store of one size."""

    size: int
    triples: int = 0
    ingest_rate: float | None = None
    ingest_peak_mb: float | None = None
    ingest_note: str = ""
    validation_ms: float = 0.0
    write_ms: float = 0.0
    query_ms: dict[str, tuple[float, float]] = field(default_factory=dict)


# -- stores -------------------------------------------------------------------


def _build_store(size: int, workers: int, rebuild: bool) -> SizeFigures:
    figures = SizeFigures(size)
    target = store_path(size)
    if rebuild and target.exists():
        shutil.rmtree(target)
        target.with_name(f"{target.name}.json").unlink(missing_ok=True)
    synthetic_corpus(size)  # written outside the timed ingest
    if target.exists():
        notes = json.loads(target.with_name(f"{target.name}.json").read_text("utf-8"))
        figures.ingest_rate = size / float(notes["seconds"])
        figures.ingest_peak_mb = notes.get("peak_mb")
        figures.ingest_note = "timed when built"
    else:
        with PeakMemory() as memory:
            started = time.perf_counter()
            synthetic_store(size, workers=workers)
            figures.ingest_rate = size / (time.perf_counter() - started)
        figures.ingest_peak_mb = memory.peak_mb
    return figures


def _count(store: OxigraphStore, where: str) -> int:
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    assert isinstance(rows, ox.QuerySolutions)
    term = next(iter(rows))["n"]
    return int(term.value) if term is not None else 0


# -- article N+1 --------------------------------------------------------------


def _held_out(count: int) -> list[Path]:
    folder = CACHE / f"held-out-{count}"
    if not folder.exists():
        folder.mkdir(parents=True)
        write_corpus(folder, count, seed=99)
    return sorted(folder.glob("*.txt"))


def _next_articles_cost(store: OxigraphStore, articles: list[Path], batch: int = 16) -> tuple[float, float]:
    """ms per article to validate, and to write, new articles into a store of this size (then retracted)."""
    validation = writing = 0.0
    try:
        for start in range(0, len(articles), batch):
            chunk = articles[start : start + batch]
            graphs = [article_graph(extract(parse_article(p.read_bytes(), p.name, str(p)))) for p in chunk]
            began = time.perf_counter()
            validate_article_graphs(graphs)
            validation += time.perf_counter() - began
            prepared = prepare_batch(chunk, DEFAULT_MAX_BYTES)
            began = time.perf_counter()
            for item in prepared:
                write_prepared(store, item)
            writing += time.perf_counter() - began
    finally:
        for path in articles:
            store.retract_article(mint_article_iri(path.name))
        store.flush()
    return validation * 1000 / len(articles), writing * 1000 / len(articles)


# -- named queries ------------------------------------------------------------


def _parameter_values(store: OxigraphStore) -> dict[str, list[str]]:
    """Values that occur in the store, per parameter type, for sampling named-query parameters."""

    def column(sparql: str) -> list[str]:
        rows = store.query(sparql)
        assert isinstance(rows, ox.QuerySolutions)
        return [row[0].value for row in rows if row[0] is not None]

    return {
        "province": column("SELECT DISTINCT ?c WHERE { ?m govkg:heldIn/govkg:unitCode ?c } LIMIT 200"),
        "person": column("SELECT DISTINCT ?p WHERE { ?m govkg:chairedBy ?p } LIMIT 500"),
        "document": column("SELECT DISTINCT ?n WHERE { ?m govkg:underLegalBasis/eli:id_local ?n } LIMIT 500"),
        "organization": column("SELECT DISTINCT ?o WHERE { ?x org:organization ?o } LIMIT 500"),
        "on": column("SELECT DISTINCT ?d WHERE { ?m govkg:reportedOn ?d } LIMIT 500"),
    }


#: Optional parameters given when sampling (a dashboard's drill-down); the others are left out.
_SAMPLED_OPTIONAL = ("document", "province", "person")
#: Named queries also timed with no parameter at all (their whole-graph answer), as an extra row.
_UNFILTERED = ("co_chairs",)


def _arguments(query: NamedQuery, values: dict[str, list[str]], rng: random.Random) -> dict[str, str]:
    arguments = {}
    for parameter in query.parameters:
        pool = values.get(parameter.name) or values.get(parameter.type.value) or []
        if pool and (not parameter.optional or parameter.name in _SAMPLED_OPTIONAL):
            arguments[parameter.name] = rng.choice(pool)
    return arguments


def _percentiles(timings: list[float]) -> tuple[float, float]:
    ordered = sorted(timings)
    return statistics.median(ordered), ordered[max(0, round(len(ordered) * 0.95) - 1)]


def _timed_runs(runner: SparqlRunner, query: NamedQuery, argument_sets: list[dict[str, str]]) -> list[float]:
    timings = []
    for arguments in argument_sets:
        began = time.perf_counter()
        query.run(runner, arguments)
        timings.append((time.perf_counter() - began) * 1000)
    return timings


def _query_latencies(store: OxigraphStore, store_folder: Path) -> dict[str, tuple[float, float]]:
    """p50 and p95 ms of each named query through the API's runner (one worker, cache off)."""
    values = _parameter_values(store)
    snapshot = store_folder.with_name(f"{store_folder.name}.snapshot")
    shutil.rmtree(snapshot, ignore_errors=True)
    store.snapshot(snapshot)
    runner = SparqlRunner(1, timeout=120, max_rows=1_000_000, cache_size=0)
    runner.publish(Snapshot(0, snapshot))  # the runner deletes its snapshot when closed
    rng = random.Random(0)
    figures = {}
    try:
        for query in registry():
            query.run(runner, _arguments(query, values, rng))  # warm the worker up
            argument_sets = [_arguments(query, values, rng) for _ in range(SAMPLES_PER_QUERY)]
            figures[query.name] = _percentiles(_timed_runs(runner, query, argument_sets))
            if query.name in _UNFILTERED:
                unfiltered: list[dict[str, str]] = [{} for _ in range(SAMPLES_PER_QUERY // 4)]
                figures[f"{query.name} (no parameters)"] = _percentiles(_timed_runs(runner, query, unfiltered))
    finally:
        runner.close()
    return figures


# -- baselines ----------------------------------------------------------------


def _rdflib_graph(store_folder: Path) -> rdflib.Graph:
    store = OxigraphStore.read_only(store_folder)
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    graph = rdflib.Graph()
    graph.parse(data=result.serialize(format=ox.RdfFormat.N_TRIPLES), format="nt")
    return graph


def _rdflib_term(term: ox.NamedNode | ox.Literal) -> rdflib.term.Identifier:
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    datatype = rdflib.URIRef(term.datatype.value) if term.language is None else None
    return rdflib.Literal(term.value, lang=term.language, datatype=datatype)


#: How long one rdflib query may run before it is stopped and reported as "over the limit".
RDFLIB_LIMIT_S = 60.0


def _rdflib_latencies(store_folder: Path) -> dict[str, float | None]:
    """p50 ms of each named query on rdflib's in-memory engine over the same default graph.

    ``None`` for a query that ran past :data:`RDFLIB_LIMIT_S` (it is not run again).
    """
    graph = _rdflib_graph(store_folder)
    values = _parameter_values(OxigraphStore.read_only(store_folder))
    rng = random.Random(0)
    figures: dict[str, float | None] = {}
    for query in registry():
        timings: list[float] = []
        for _ in range(3):
            bound = query.bind(_arguments(query, values, rng))
            bindings = {
                name: _rdflib_term(term) for name, term in bound.items() if isinstance(term, ox.NamedNode | ox.Literal)
            }
            elapsed = _rdflib_answer_ms(graph, query.sparql, bindings)
            if elapsed is None:
                log.info("rdflib: %s ran past %.0f s; stopped", query.name, RDFLIB_LIMIT_S)
                break
            timings.append(elapsed)
        figures[query.name] = statistics.median(timings) if len(timings) == 3 else None
    return figures


def _rdflib_answer_ms(graph: rdflib.Graph, text: str, bindings: dict[str, rdflib.term.Identifier]) -> float | None:
    """ms rdflib takes to answer, or ``None`` past the limit: it runs in a forked child, killed then."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)

    def answer() -> None:
        began = time.perf_counter()
        list(graph.query(text, initBindings=bindings))
        sending.send((time.perf_counter() - began) * 1000)

    child = context.Process(target=answer, daemon=True)
    child.start()
    elapsed = receiving.recv() if receiving.poll(RDFLIB_LIMIT_S) else None
    child.kill()
    child.join()
    return elapsed


def _article_graphs(store_folder: Path) -> list[rdflib.Graph]:
    store = OxigraphStore.read_only(store_folder)
    graphs = []
    for graph_iri in store.article_graphs():
        article = rdflib.URIRef(str(graph_iri).replace("/graph/article/", "/article/"))
        graph = rdflib.Graph()
        graph.parse(data="\n".join(" ".join(t) + " ." for t in store.article_triples(article)), format="nt")
        graphs.append(graph)
    return graphs


def _whole_store_shacl(store_folder: Path) -> tuple[float, float]:
    """Seconds for one pySHACL run over the whole store's default graph, and for per-article batches."""
    graph = _rdflib_graph(store_folder)
    began = time.perf_counter()
    shacl_validate(graph, shacl_graph=shapes_graph(), inference="none", allow_warnings=True)
    whole = time.perf_counter() - began
    graphs = _article_graphs(store_folder)
    began = time.perf_counter()
    for start in range(0, len(graphs), 16):
        validate_article_graphs(graphs[start : start + 16])
    return whole, time.perf_counter() - began


# -- report -------------------------------------------------------------------


def _ingest_cell(figures: SizeFigures) -> str:
    rate = f"{figures.ingest_rate:.1f}" if figures.ingest_rate else "n/a"
    return f"{rate} ({figures.ingest_note})" if figures.ingest_note else rate


def _rows(sizes: list[SizeFigures]) -> Iterator[str]:
    header = "| | " + " | ".join(f"{s.size:,} articles" for s in sizes) + " |"
    yield header
    yield "|" + " --- |" * (len(sizes) + 1)

    def line(label: str, cell: Callable[[SizeFigures], str]) -> str:
        return f"| {label} | " + " | ".join(cell(s) for s in sizes) + " |"

    yield line("triples in the default view", lambda s: f"{s.triples:,}")
    yield line(
        "ingest, validation on (articles/s)",
        lambda s: f"{s.ingest_rate:.1f}" + (f" ({s.ingest_note})" if s.ingest_note else ""),
    )
    yield line("ingest peak memory (MB)", lambda s: f"{s.ingest_peak_mb:.0f}" if s.ingest_peak_mb else "n/a")
    yield line("validate article N+1 (ms/article)", lambda s: f"{s.validation_ms:.1f}")
    yield line("write article N+1 (ms/article)", lambda s: f"{s.write_ms:.1f}")
    for name in sizes[0].query_ms:
        yield f"| `{name}` p50 / p95 (ms) | " + " | ".join(_latency_cell(s, name) for s in sizes) + " |"


def _latency_cell(figures: SizeFigures, query: str) -> str:
    p50, p95 = figures.query_ms[query]
    return f"{p50:.1f} / {p95:.1f}"


def main(argv: list[str] | None = None) -> None:
    """Run the scale benchmark and write bench/README.md."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,20000,100000")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--baseline-size", type=int, default=1000)
    parser.add_argument("--rebuild", action="store_true", help="rebuild cached stores to time their ingest")
    parser.add_argument("--out", type=Path, default=README)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sizes = [int(s) for s in args.sizes.split(",")]
    held_out = _held_out(64)
    figures: list[SizeFigures] = []
    for size in sizes:
        log.info("size %d: store", size)
        result = _build_store(size, args.workers, args.rebuild)
        folder = store_path(size)
        store = OxigraphStore(folder)
        result.triples = _count(store, "?s ?p ?o")
        log.info("size %d: article N+1", size)
        result.validation_ms, result.write_ms = _next_articles_cost(store, held_out)
        log.info("size %d: named queries", size)
        result.query_ms = _query_latencies(store, folder)
        del store
        figures.append(result)
    report = _report(figures, args)
    print(report)
    args.out.write_text(report, encoding="utf-8")


def _ratio_row(name: str, oxigraph_ms: float, rdflib_ms: float | None) -> str:
    oxigraph_ms = max(oxigraph_ms, 0.01)
    if rdflib_ms is None:
        limit = RDFLIB_LIMIT_S * 1000
        return f"| `{name}` | {oxigraph_ms:.1f} | > {limit:,.0f} (stopped) | > {limit / oxigraph_ms:,.0f}× |"
    return f"| `{name}` | {oxigraph_ms:.1f} | {rdflib_ms:.1f} | {rdflib_ms / oxigraph_ms:,.0f}× |"


def _report(figures: list[SizeFigures], args: argparse.Namespace) -> str:
    baseline_folder = store_path(args.baseline_size)
    corpus = synthetic_corpus(args.baseline_size)
    log.info("baselines on %d articles", args.baseline_size)
    rdflib_ms = _rdflib_latencies(baseline_folder)
    ours = next(f for f in figures if f.size == args.baseline_size).query_ms
    whole, per_article = _whole_store_shacl(baseline_folder)
    texts = {p.name: p.read_bytes() for p in sorted(corpus.glob("*.txt"))[:200]}
    rate = extraction_rate(texts, runs=3)
    under = underthesea_baseline(texts)
    extraction_score = evaluate(corpus)
    lines = [
        "# Benchmarks",
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.node()} ({platform.machine()}, "
        f"{platform.processor() or 'cpu'}, Python {platform.python_version()}), `python -m bench.run "
        f"--sizes {args.sizes} --workers {args.workers}`. Synthetic corpus from `bench/generator.py`, seed 0.",
        "",
        "## Scale",
        "",
        *_rows(figures),
        "",
        "## Baselines (same run)",
        "",
        f"| named query on {args.baseline_size:,} articles | Oxigraph p50 (ms) | rdflib p50 (ms) | rdflib / Oxigraph |",
        "| --- | --- | --- | --- |",
        *(_ratio_row(n, ours[n][0], rdflib_ms[n]) for n in rdflib_ms),
        "",
        f"SHACL on {args.baseline_size:,} articles: one pySHACL run over the whole store {whole:.1f} s; the same "
        f"articles validated a batch of 16 at a time {per_article:.1f} s "
        f"({per_article * 1000 / args.baseline_size:.1f} ms an article, flat as the store grows: the row "
        f"'validate article N+1'). Re-validating the store for each new article would cost it {whole:.1f} s here "
        f"({whole * args.baseline_size / per_article:,.0f}× the per-article cost), growing with the store.",
        "",
        f"Extraction on one core: {rate:.0f} articles/s; score on {args.baseline_size:,} generated articles "
        f"(sanity check, not the quality judge): macro-F1 {extraction_score.macro_f1:.3f}.",
    ]
    if under is not None:
        under_rate, _ = under
        lines.append(
            f"underthesea NER, sentence by sentence: {under_rate:.1f} articles/s ({rate / under_rate:.0f}× slower)."
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
