"""Requests per second and latency of two dashboard requests on a large store, under concurrent clients.

    .venv/bin/python -m bench.bench_api                       # synthetic_store(20000), 20 clients
    .venv/bin/python -m bench.bench_api --source invented --articles 2000 --seconds 10

The API runs in its own process (uvicorn, ``api.app:create_app``) over a copy
of the store; the load comes from another process (asyncio + httpx, one
connection per client). Two requests are measured:

- ``GET /meetings?chair=<name>`` — a resource list filtered by a chair's name
  (accents ignored), for 50 of the most frequent chairs;
- ``GET /queries/who_chaired_under?document=<notation>`` — the named query,
  for 50 of the documents meetings were most often held under.

Each runs twice: with the per-generation answer cache off (every request runs
its SPARQL in a worker process: the cost of a first request) and on (the
cache is filled by one pass over the parameters first, as a dashboard
refreshing the same views would; a write empties it). Figures are printed;
nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.queues import Queue
from pathlib import Path
from urllib.parse import quote

import httpx
import pyoxigraph as ox

from ontology.gazetteer import provinces
from tests.factories.network import free_port
from tests.factories.stores import build_store
from tests.factories.synthetic import SyntheticWorld

REPO = Path(__file__).resolve().parent.parent
PREFIXES = "PREFIX govkg: <https://w3id.org/govkg/def#>\nPREFIX foaf: <http://xmlns.com/foaf/0.1/>\n"
PREFIXES += "PREFIX eli: <http://data.europa.eu/eli/ontology#>\n"
TOP_CHAIRS = PREFIXES + (
    "SELECT ?name (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m govkg:chairedBy/foaf:name ?name } "
    "GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 50"
)
TOP_DOCUMENTS = PREFIXES + (
    "SELECT ?notation (COUNT(DISTINCT ?m) AS ?n) WHERE { ?m govkg:underLegalBasis/eli:id_local ?notation } "
    "GROUP BY ?notation ORDER BY DESC(?n) ?notation LIMIT 50"
)


# -- a store of invented articles (hand-made extractions, no extractor involved) ---------------------------------


def invented_store(path: Path, articles: int, seed: int = 0) -> Path:
    """Write a store of ``articles`` invented articles at ``path``: the tests' synthetic world
    (``tests.factories.synthetic``) over every unit of the 63-unit map, twelve officials each."""
    units = [unit.code for unit in provinces() if unit.valid_from is None]
    world = SyntheticWorld(seed, provinces=units, officials=12)
    return build_store(path, (world.extraction(number) for number in range(articles)))


# -- the server ----------------------------------------------------------------------------------------------------


@contextmanager
def serve(store: Path, *, cache_size: int, workers: int, timeout: float) -> Iterator[str]:
    """Run the API over ``store`` in a uvicorn process; yield its URL."""
    port = free_port()
    environment = os.environ | {
        "GOVKG_STORE": str(store),
        "GOVKG_QUERY_CACHE_SIZE": str(cache_size),
        "GOVKG_QUERY_WORKERS": str(workers),
        "GOVKG_QUERY_TIMEOUT": str(timeout),
        "GOVKG_LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--log-level", "warning", "--no-access-log"]
    process = subprocess.Popen(command, cwd=REPO, env=environment)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            try:
                if httpx.get(f"{url}/health", timeout=60).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the API did not start")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def _column(url: str, query: str, name: str) -> list[str]:
    response = httpx.get(f"{url}/sparql", params={"query": query}, timeout=300)
    response.raise_for_status()
    return [binding[name]["value"] for binding in response.json()["results"]["bindings"]]


# -- the load ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Measurement:
    """What one run of the load gave."""

    requests: int
    errors: int
    rate: float  # requests per second
    p50: float  # milliseconds
    p99: float  # milliseconds


def _measured(latencies: list[float], errors: int, seconds: float) -> Measurement:
    ordered = sorted(latencies) or [0.0]

    def percentile(share: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    return Measurement(len(latencies), errors, len(latencies) / seconds, percentile(0.5), percentile(0.99))


async def _clients(url: str, paths: list[str], clients: int, seconds: float) -> Measurement:
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def one(offset: int, stop: float) -> None:
            nonlocal errors
            position = offset
            while time.perf_counter() < stop:
                started = time.perf_counter()
                response = await client.get(paths[position % len(paths)])
                latencies.append(time.perf_counter() - started)
                errors += response.status_code != 200
                position += clients

        began = time.perf_counter()
        await asyncio.gather(*(one(offset, began + seconds) for offset in range(clients)))
        elapsed = time.perf_counter() - began
    return _measured(latencies, errors, elapsed)


def _load_process(url: str, paths: list[str], clients: int, seconds: float, out: Queue[Measurement]) -> None:
    out.put(asyncio.run(_clients(url, paths, clients, seconds)))


def load_python(url: str, paths: list[str], clients: int, seconds: float) -> Measurement:
    """``clients`` concurrent clients (asyncio + httpx, in another process) cycling through ``paths``."""
    context = multiprocessing.get_context("spawn")
    out: Queue[Measurement] = context.Queue()
    process = context.Process(target=_load_process, args=(url, paths, clients, seconds, out))
    process.start()
    measurement = out.get(timeout=seconds + 600)
    process.join()
    return measurement


_WRK_SCRIPT = """
local paths = {%s}
local position = 0
request = function()
  position = position + 1
  return wrk.format("GET", paths[(position %% #paths) + 1])
end
"""
_WRK_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _wrk_milliseconds(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"unexpected wrk latency {text!r}")
    return float(match[1]) * _WRK_UNITS[match[2]]


def load_wrk(url: str, paths: list[str], clients: int, seconds: float) -> Measurement:
    """``clients`` connections of ``wrk`` (2 threads) cycling through ``paths``."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(_WRK_SCRIPT % ", ".join(f'"{path}"' for path in paths))
    try:
        command = ["wrk", "-t2", f"-c{clients}", f"-d{seconds:g}s", "--timeout", "60s", "--latency", "-s", script.name]
        command.append(url)
        output = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 600).stdout
    finally:
        Path(script.name).unlink()
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    failed = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    return Measurement(
        requests=int(_found(r"(\d+) requests in", output)),
        errors=(int(bad[1]) if bad else 0) + (sum(int(n) for n in failed.groups()) if failed else 0),
        rate=float(_found(r"Requests/sec:\s+([\d.]+)", output)),
        p50=_wrk_milliseconds(_found(r"\s50%\s+(\S+)", output)),
        p99=_wrk_milliseconds(_found(r"\s99%\s+(\S+)", output)),
    )


def _found(pattern: str, output: str) -> str:
    match = re.search(pattern, output)
    if match is None:
        raise ValueError(f"wrk printed no {pattern!r}:\n{output}")
    return match[1]


# -- the run -------------------------------------------------------------------------------------------------------


def _store(args: argparse.Namespace, work: Path) -> Path:
    if args.source == "synthetic":
        from bench.stores import synthetic_store

        cached = synthetic_store(args.articles)
        print(f"store: synthetic_store({args.articles}) at {cached}", flush=True)
        # A RocksDB checkpoint of the cached store (hard links): the server opens its own copy read-write.
        ox.Store.read_only(str(cached)).backup(str(work / "store"))
        return work / "store"
    started = time.monotonic()
    path = invented_store(work / "store", args.articles)
    print(f"store: {args.articles} invented articles written in {time.monotonic() - started:.0f} s", flush=True)
    return path


def main() -> None:
    """Build or fetch the store, then measure both requests with the cache off and on."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--source", choices=("synthetic", "invented"), default="synthetic")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--workers", type=int, default=2, help="query worker processes (GOVKG_QUERY_WORKERS)")
    parser.add_argument(
        "--load",
        choices=("wrk", "python"),
        default="wrk" if shutil.which("wrk") else "python",
        help="load generator: wrk (apt-get install wrk) or asyncio + httpx",
    )
    args = parser.parse_args()
    loader = load_wrk if args.load == "wrk" else load_python
    rows = []
    scratch = REPO / ".cache"
    scratch.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="govkg-bench-", dir=scratch) as folder:
        store = _store(args, Path(folder))
        for cache_size, label in ((0, "off"), (4096, "on")):
            with serve(store, cache_size=cache_size, workers=args.workers, timeout=60) as url:
                chairs = _column(url, TOP_CHAIRS, "name")
                documents = _column(url, TOP_DOCUMENTS, "notation")
                requests = {
                    "/meetings?chair=…": [f"/meetings?chair={quote(name)}" for name in chairs],
                    "/queries/who_chaired_under": [
                        f"/queries/who_chaired_under?document={quote(notation)}" for notation in documents
                    ],
                }
                for name, paths in requests.items():
                    for path in paths:  # one pass first: warms the cache when it is on, the OS caches always
                        httpx.get(url + path, timeout=300).raise_for_status()
                    result = loader(url, paths, args.clients, args.seconds)
                    rows.append((name, label, result))
                    print(
                        f"{name:<28} cache {label:<3}  {result.rate:7.1f} req/s  p50 {result.p50:7.1f} ms"
                        f"  p99 {result.p99:7.1f} ms  ({result.requests} requests, {result.errors} errors)",
                        flush=True,
                    )
    print(
        f"\n{args.articles} {args.source} articles, {args.clients} clients ({args.load}), {args.seconds:g} s per run\n"
    )
    print("| request | cache | requests/s | p50 ms | p99 ms | errors |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for name, label, result in rows:
        print(f"| `{name}` | {label} | {result.rate:.0f} | {result.p50:.1f} | {result.p99:.1f} | {result.errors} |")
    if any(result.errors for _, _, result in rows):
        print("\nsome requests failed", file=sys.stderr)


if __name__ == "__main__":
    main()
