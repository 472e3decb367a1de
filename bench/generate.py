"""Write a synthetic corpus: ``python -m bench.generate --articles N --seed S --out DIR``."""

from __future__ import annotations

import argparse
import logging
import os
import time
from pathlib import Path

from bench.generator import write_corpus
from bench.world import build_world


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, write the corpus, print a one-line summary."""
    parser = argparse.ArgumentParser(description="Write synthetic articles (NNNNNN.txt) with their gold (NNNNNN.json).")
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=0, help="the world and corpus seed (default 0)")
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")
    parser.add_argument("--workers", type=int, default=min(4, os.cpu_count() or 1), help="processes writing")
    parser.add_argument("--verbose", action="store_true", help="log the world's size")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be 0 or more")
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(message)s")
    started = time.perf_counter()
    build_world(args.seed)
    world_seconds = time.perf_counter() - started
    count = write_corpus(args.out, args.articles, args.seed, args.workers)
    total = time.perf_counter() - started
    print(f"{count} articles (seed {args.seed}) written to {args.out} in {total:.1f} s (world {world_seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
