"""Neo4j sync throughput: batched ``UNWIND`` against one ``MERGE`` per row, on a 20,000-article store.

    .venv/bin/python -m bench.bench_neo4j_sync                      # synthetic_store(20000), NEO4J_URI
    .venv/bin/python -m bench.bench_neo4j_sync --store PATH --uri bolt://127.0.0.1:7688 --per-row-articles 500

Three full syncs (``govkg neo4j sync --full``) into the same server, one after the other:

1. every article, written in batches of ``--batch-size`` rows per ``UNWIND`` statement
   (then an incremental sync with nothing to do, timed too);
2. the first ``--per-row-articles`` articles, batched the same way;
3. those same articles, one statement and one transaction per row — the way a naive loader writes.

A per-row sync of the whole store would take hours, so run 3 uses the slice and the
whole-store time is extrapolated from its rate (the output says so). Each run reports
nodes + relationships written per second of the whole sync (reading the store included)
and per second spent writing to Neo4j. **The target server's projection is cleared**:
point ``--uri`` at a server of the benchmark's own (``scripts/neo4j-server`` with its own
``GOVKG_NEO4J_RUN_DIR``, ``GOVKG_NEO4J_DATA`` and ``GOVKG_NEO4J_BOLT_PORT``).
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from graph.neo4j_connection import connect
from graph.neo4j_sync import ProjectionSync, SyncReport
from graph.neo4j_writer import DEFAULT_BATCH_SIZE, Neo4jWriter
from graph.store import OxigraphStore


def _line(name: str, articles: int, report: SyncReport) -> str:
    rows = report.nodes_written + report.relationships_written
    return (
        f"{name:<34} {articles:>8} {report.nodes_written:>9} {report.relationships_written:>9} "
        f"{report.seconds:>9.1f} {report.rows_per_second:>10.0f} {report.writing_seconds:>9.1f} "
        f"{rows / report.writing_seconds if report.writing_seconds else 0:>10.0f}"
    )


def main(argv: list[str] | None = None) -> int:
    """Run the three syncs and print their throughput."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000, help="size of synthetic_store (default 20000)")
    parser.add_argument("--store", type=Path, help="an existing store instead of synthetic_store(--articles)")
    parser.add_argument("--uri", default=os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687"))
    parser.add_argument("--password", default=os.environ.get("NEO4J_PASSWORD", "govkg-test-password"))
    parser.add_argument("--database", default=os.environ.get("NEO4J_DATABASE", "neo4j"))
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE, help="rows per UNWIND (default 1000)")
    parser.add_argument("--chunk", type=int, default=500, help="articles per sync step (default 500)")
    parser.add_argument("--per-row-articles", type=int, default=1000, help="slice synced one row at a time")
    args = parser.parse_args(argv)

    if args.store is None:
        from bench.stores import synthetic_store

        args.store = synthetic_store(args.articles)
    store = OxigraphStore.read_only(args.store)
    total = sum(1 for _ in store.article_graphs())
    connection = connect(args.uri, "neo4j", args.password, args.database, retry_seconds=30)
    connection.verify()
    print(f"store {args.store}: {total} articles; Neo4j {args.uri}; {args.batch_size} rows per UNWIND", flush=True)
    try:
        batched = Neo4jWriter(connection.driver, args.database, batch_size=args.batch_size)
        whole = ProjectionSync(store, batched, chunk_size=args.chunk).run(full=True)
        counts = batched.counts()
        unchanged = ProjectionSync(store, batched, chunk_size=args.chunk).run()
        slice_size = min(args.per_row_articles, total)
        batched_slice = ProjectionSync(store, batched, chunk_size=args.chunk).run(full=True, limit=slice_size)
        per_row = Neo4jWriter(connection.driver, args.database, per_row=True)
        per_row_slice = ProjectionSync(store, per_row, chunk_size=args.chunk).run(full=True, limit=slice_size)
    finally:
        connection.close()

    print(
        f"\n{'run':<34} {'articles':>8} {'nodes':>9} {'rels':>9} {'sync s':>9} {'rows/s':>10} "
        f"{'write s':>9} {'rows/write s':>10}"
    )
    print(_line(f"UNWIND x{args.batch_size}, whole store", total, whole))
    print(_line(f"UNWIND x{args.batch_size}, first {slice_size}", slice_size, batched_slice))
    print(_line(f"one MERGE per row, first {slice_size}", slice_size, per_row_slice))

    rows = whole.nodes_written + whole.relationships_written
    reading = whole.seconds - whole.writing_seconds
    per_row_rate = (per_row_slice.nodes_written + per_row_slice.relationships_written) / per_row_slice.writing_seconds
    estimate = reading + rows / per_row_rate
    print(
        f"\nThroughput of the whole store: UNWIND {whole.rows_per_second:,.0f} nodes+relationships/s "
        f"({rows:,} in {whole.seconds:,.0f} s); one MERGE per row ~{rows / estimate:,.0f}/s, extrapolated from "
        f"the {slice_size}-article slice (~{estimate / 60:,.0f} min for the whole store; not run in full)."
    )
    print(
        f"Writing alone: UNWIND {whole.rows_per_writing_second:,.0f} rows/s, per row {per_row_rate:,.0f} rows/s "
        f"({whole.rows_per_writing_second / per_row_rate:,.1f}x)."
    )
    print(
        f"An incremental sync with nothing to do (digesting {unchanged.unchanged:,} article graphs, "
        f"reading the ledger) took {unchanged.seconds:,.1f} s."
    )
    labels = ", ".join(f"{name} {count:,}" for name, count in counts.items() if count)
    print(f"Projection of the whole store: {labels}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
