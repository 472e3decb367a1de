"""Export benchmark: seconds and peak memory to export a synthetic store in every format.

    python -m bench.bench_exports [--size 20000] [--formats graphml,gexf,…] [--province VN-09] [--keep]

The store is ``bench.stores.synthetic_store(size)`` (built through the real
pipeline and cached on first use). Each format runs in a fresh process, so
its peak resident memory (sampled for the process, as ``bench.memory`` does)
is its own and not what an earlier export left behind; the baseline is that
process's memory with the store open, before exporting. Graph formats include
the projection they need; ``projection`` alone is measured too. Files go to
``bench/out/exports/`` and are deleted unless ``--keep``. Figures are printed,
never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.memory import PeakMemory, tree_rss_mb
from bench.stores import synthetic_store
from graph.exports.registry import FORMATS, prepare_export
from graph.projection.filters import GraphFilter, province_iri
from graph.projection.networkx_graph import project
from graph.store.embedded import OxigraphStore

OUT = Path(__file__).resolve().parent / "out" / "exports"
PROJECTION = "projection"


@dataclass(frozen=True, slots=True)
class Figure:
    """What one export cost."""

    format: str
    seconds: float
    peak_mb: float
    baseline_mb: float
    bytes: int
    nodes: int
    edges: int


def measure(store_path: Path, name: str, selection: GraphFilter, out: Path) -> Figure:
    """Export the store in ``name`` (or only project it) and measure time and peak resident memory."""
    store = OxigraphStore.read_only(store_path)
    baseline = tree_rss_mb(os.getpid())
    size = nodes = edges = 0
    with PeakMemory(interval=0.05) as memory:
        started = time.perf_counter()
        if name == PROJECTION:
            graph = project(store, selection)
            nodes, edges = graph.number_of_nodes(), graph.number_of_edges()
        else:
            with out.open("wb") as handle:
                for chunk in prepare_export(store, name, selection).chunks:
                    handle.write(chunk)
                    size += len(chunk)
        seconds = time.perf_counter() - started
    return Figure(name, round(seconds, 2), round(memory.peak_mb, 1), round(baseline, 1), size, nodes, edges)


def _in_fresh_process(store_path: Path, name: str, province: str | None, keep: bool) -> Figure:
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / (f"govkg.{FORMATS[name].suffix}" if name in FORMATS else "projection.none")
    command = [sys.executable, "-m", "bench.bench_exports", "--one", name, "--store", str(store_path)]
    command += ["--out", str(out)] + (["--province", province] if province else [])
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        reason = (done.stderr.strip().splitlines() or ["no output"])[-1]
        print(f"{name} failed: {reason}", file=sys.stderr)
        return Figure(name, float("nan"), float("nan"), float("nan"), 0, 0, 0)
    figure = Figure(**json.loads(done.stdout.strip().splitlines()[-1]))
    if not keep:
        out.unlink(missing_ok=True)
    return figure


def _table(figures: list[Figure], title: str) -> str:
    lines = [
        title,
        "",
        "| format | seconds | peak RSS (MB) | baseline RSS (MB) | output (MB) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for f in figures:
        output = f"{f.bytes / 1_048_576:.1f}" if f.format != PROJECTION else f"{f.nodes:,} nodes, {f.edges:,} edges"
        lines.append(f"| {f.format} | {f.seconds:.1f} | {f.peak_mb:.0f} | {f.baseline_mb:.0f} | {output} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark (or, with ``--one``, one measurement in this process, printed as JSON)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=20_000, help="articles in the synthetic store")
    parser.add_argument("--formats", default=",".join([PROJECTION, *FORMATS]), help="comma-separated")
    parser.add_argument("--province", help="export this province's subgraph instead of the whole graph")
    parser.add_argument("--keep", action="store_true", help="keep the exported files in bench/out/exports")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    parser.add_argument("--store", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        selection = GraphFilter(province=province_iri(args.province)) if args.province else GraphFilter()
        print(json.dumps(asdict(measure(args.store, args.one, selection, args.out))))
        return
    store_path = synthetic_store(args.size)
    figures = [_in_fresh_process(store_path, name, args.province, args.keep) for name in args.formats.split(",")]
    scope = f"the subgraph of {args.province}" if args.province else "the whole graph"
    print(_table(figures, f"Exports of {scope}, synthetic store of {args.size:,} articles ({store_path.name})"))


if __name__ == "__main__":
    main()
