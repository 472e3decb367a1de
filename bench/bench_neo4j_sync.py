"""Neo4j sync throughput: batched ``UNWIND`` against one ``MERGE`` per row, on a 20,000-article store.

    .venv/bin/python -m bench.bench_neo4j_sync --uri bolt://127.0.0.1:7697          # synthetic_store(20000)
    .venv/bin/python -m bench.bench_neo4j_sync --store PATH --uri … --per-row-articles 500

In one run, into the same server:

1. ``govkg neo4j sync --full`` of the whole store, ``--batch-size`` rows per ``UNWIND``
   statement (one transaction each) — then an incremental sync with nothing to do;
2. the same full sync of a slice: a store holding the first ``--per-row-articles``
   article graphs (copied, with the reference graph), batched the same way;
3. that slice again, one ``MERGE`` statement and one transaction per row — the way a
   naive loader writes.

A per-row sync of the whole store would take hours, so run 3 uses the slice and the
whole-store figure is extrapolated from its rate (the output says so). Throughput is
nodes + relationships of the projection per second of the sync (reading the store
included); the rows sent per second of writing are shown too (a relationship whose
other end a later step writes is sent twice). **The target server's projection is
cleared**: point ``--uri`` at a server of the benchmark's own (``scripts/neo4j-server``
with its own ``GOVKG_NEO4J_RUN_DIR``, ``GOVKG_NEO4J_DATA`` and ``GOVKG_NEO4J_BOLT_PORT``).
"""

from __future__ import annotations

import argparse
import os
import tempfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from graph.neo4j.connection import Neo4jConnection, connect
from graph.neo4j.sync import ProjectionSync, SyncReport
from graph.neo4j.writer import DEFAULT_BATCH_SIZE, Neo4jWriter
from graph.projection.spec import NODES
from graph.store.base import ArticleStore
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference


@dataclass(frozen=True)
class Run:
    """One sync and the projection it left."""

    name: str
    articles: int
    report: SyncReport
    nodes: int
    relationships: int

    @property
    def per_second(self) -> float:
        """Nodes + relationships of the projection per second of the sync."""
        return (self.nodes + self.relationships) / self.report.seconds

    @property
    def sent(self) -> int:
        """Rows sent to Neo4j."""
        return self.report.nodes_written + self.report.relationships_written

    def line(self) -> str:
        """The run as a table row."""
        report = self.report
        return (
            f"{self.name:<32} {self.articles:>8,} {self.nodes:>9,} {self.relationships:>9,} {report.seconds:>8.1f} "
            f"{self.per_second:>9,.0f} {report.writing_seconds:>8.1f} {self.sent / report.writing_seconds:>10,.0f}"
        )


HEADER = (
    f"{'run':<32} {'articles':>8} {'nodes':>9} {'rels':>9} {'sync s':>8} {'n+r /s':>9} {'write s':>8} {'sent/wr s':>10}"
)


def _sync(name: str, store: ArticleStore, writer: Neo4jWriter, articles: int, chunk: int) -> Run:
    report = ProjectionSync(store, writer, chunk_size=chunk).run(full=True)
    counts = writer.counts()
    nodes = sum(counts[spec.label] for spec in NODES)
    relationships = sum(count for name, count in counts.items() if name.startswith(":"))
    run = Run(name, articles, report, nodes, relationships)
    print(run.line(), flush=True)
    return run


def _slice(store: OxigraphStore, articles: int, folder: Path) -> OxigraphStore:
    """A store holding the first ``articles`` article graphs of ``store`` (and the reference graph)."""
    part = OxigraphStore(folder)
    ensure_reference(part)
    for graph in islice(sorted(store.article_graphs()), articles):
        article = str(graph).replace("/id/graph/article/", "/id/article/", 1)
        part.replace_article(type(graph)(article), store.article_triples(type(graph)(article)))
    part.flush()
    return part


def _measure(args: argparse.Namespace, store: OxigraphStore, connection: Neo4jConnection, work: Path) -> None:
    total = sum(1 for _ in store.article_graphs())
    print(f"store {args.store}: {total:,} articles; Neo4j {args.uri}; {args.batch_size} rows per UNWIND\n")
    print(HEADER, flush=True)
    batched = Neo4jWriter(connection.driver, connection.database, batch_size=args.batch_size)
    per_row = Neo4jWriter(connection.driver, connection.database, per_row=True)
    whole = _sync(f"UNWIND x{args.batch_size}, whole store", store, batched, total, args.chunk)
    idle = ProjectionSync(store, batched, chunk_size=args.chunk).run()
    size = min(args.per_row_articles, total)
    part = _slice(store, size, work / "slice")
    _sync(f"UNWIND x{args.batch_size}, {size:,}-article slice", part, batched, size, args.chunk)
    row_by_row = _sync("one MERGE per row, same slice", part, per_row, size, args.chunk)

    per_row_rate = row_by_row.sent / row_by_row.report.writing_seconds
    estimate = whole.report.seconds - whole.report.writing_seconds + whole.sent / per_row_rate
    whole_rows = whole.nodes + whole.relationships
    print(
        f"\nWhole store: {whole_rows:,} nodes + relationships in {whole.report.seconds:,.0f} s with UNWIND "
        f"= {whole.per_second:,.0f}/s. One MERGE per row: ~{whole_rows / estimate:,.0f}/s (~{estimate / 60:,.0f} min), "
        f"extrapolated from the {size:,}-article slice, not run on the whole store."
    )
    print(
        f"Writing alone: UNWIND sends {whole.sent / whole.report.writing_seconds:,.0f} rows/s, one per row "
        f"{per_row_rate:,.0f} rows/s ({whole.sent / whole.report.writing_seconds / per_row_rate:,.1f}x)."
    )
    print(f"An incremental sync with nothing to do ({idle.unchanged:,} articles unchanged): {idle.seconds:,.1f} s.")


def main(argv: list[str] | None = None) -> int:
    """Run the syncs and print their throughput."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="size of synthetic_store (default 20000)")
    parser.add_argument("--store", type=Path, help="an existing store instead of synthetic_store(--articles)")
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "govkg-test-password"))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="rows per UNWIND (default 1000)")
    parser.add_argument("--chunk", type=int, default=500, help="articles per sync step (default 500)")
    parser.add_argument("--per-row-articles", type=int, default=1000, help="size of the slice synced row by row")
    args = parser.parse_args(argv)
    if args.store is None:
        from bench.stores import synthetic_store

        args.store = synthetic_store(args.articles)
    store = OxigraphStore.read_only(args.store)
    connection = connect(args.uri, "neo4j", args.password, args.database, retry_seconds=30)
    connection.verify()
    try:
        with tempfile.TemporaryDirectory(prefix="govkg-bench-neo4j-") as work:
            _measure(args, store, connection, Path(work))
    finally:
        connection.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
