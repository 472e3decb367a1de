"""Stores ingested from synthetic corpora, built once and cached for benchmarks.

``synthetic_store(20_000)`` writes the corpus to ``.cache/bench/corpus-20000-0/``
and ingests it through the real pipeline into ``.cache/bench/store-20000-0/``.
Both are built in a temporary folder beside their final place and renamed
into it only when complete: an interrupted build leaves no folder that could
be taken for a finished one (its temporary folder is cleared on a later run).
What was built, and how long it took, is noted in ``<folder>.json`` beside it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path

from bench.generator import write_corpus
from bench.memory import PeakMemory
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference, reference_version
from loaders.reading import DEFAULT_MAX_BYTES
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest

log = logging.getLogger(__name__)

CACHE = Path(__file__).resolve().parent.parent / ".cache" / "bench"
_TEMPORARY = ".tmp-"
_GENERATOR_MODULES = (
    "careers",
    "catalog",
    "composer",
    "documents",
    "generator",
    "gold",
    "meeting_articles",
    "names",
    "news_articles",
    "phrases",
    "resources",
    "sampling",
    "templates",
    "topics",
    "units",
    "visit_articles",
    "world",
)


def corpus_path(size: int, seed: int = 0, cache: Path = CACHE) -> Path:
    """Where the corpus of ``size`` articles and ``seed`` is cached."""
    return cache / f"corpus-{size}-{seed}"


def store_path(size: int, seed: int = 0, cache: Path = CACHE) -> Path:
    """Where the store ingested from that corpus is cached."""
    return cache / f"store-{size}-{seed}"


def synthetic_corpus(size: int, seed: int = 0, cache: Path = CACHE, rebuild: bool = False) -> Path:
    """The folder holding the corpus (``NNNNNN.txt`` + gold ``NNNNNN.json``), written if not cached."""
    target = corpus_path(size, seed, cache)
    return _cached(target, lambda folder: _write_corpus(folder, size, seed), rebuild)


def synthetic_store(size: int, seed: int = 0, workers: int = 2, cache: Path = CACHE, rebuild: bool = False) -> Path:
    """The path of an embedded Oxigraph store holding the ingested corpus, built if not cached.

    The corpus goes through ``services.ingest.pipeline.ingest`` (read, extract, map,
    validate, write) with ``workers`` processes, after the reference graph.
    Open the result with ``graph.store.embedded.OxigraphStore`` (or ``read_only``).
    A cache written by another version of the generator is reported (and
    replaced when ``rebuild``); changes to the pipeline are not detected:
    pass ``rebuild=True`` after them.
    """
    corpus = synthetic_corpus(size, seed, cache, rebuild)
    target = store_path(size, seed, cache)
    return _cached(target, lambda folder: _ingest(folder, corpus, workers), rebuild)


def generator_version() -> str:
    """A digest of the generator's modules and data: changes whenever the corpus it writes may."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    for path in [*(here / f"{name}.py" for name in _GENERATOR_MODULES), *sorted((here / "data").glob("*.yaml"))]:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _cached(target: Path, build: Callable[[Path], dict[str, object]], rebuild: bool = False) -> Path:
    """``target`` if it exists; else built by ``build`` into a temporary folder renamed onto it."""
    if target.is_dir() and not _stale(target, rebuild):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    _clear_abandoned(target)
    temporary = target.with_name(f"{target.name}{_TEMPORARY}{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    temporary.mkdir()
    try:
        started = time.perf_counter()
        manifest = build(temporary)
        manifest["seconds"] = round(time.perf_counter() - started, 1)
        manifest["generator"] = generator_version()
        temporary.rename(target)
        target.with_name(f"{target.name}.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    except OSError:
        if not target.is_dir():
            raise
        log.info("%s was built by another process meanwhile; using it", target)
    finally:
        shutil.rmtree(temporary, ignore_errors=True)
    return target


def _stale(target: Path, rebuild: bool) -> bool:
    """Whether a cached folder must be replaced: written by another generator and ``rebuild`` asked."""
    manifest = target.with_name(f"{target.name}.json")
    try:
        built_by = json.loads(manifest.read_text(encoding="utf-8")).get("generator")
    except (OSError, ValueError):
        built_by = None
    if built_by == generator_version():
        return False
    if not rebuild:
        log.warning("%s was written by another version of the generator; pass rebuild=True to replace it", target)
        return False
    log.info("replacing %s (written by another version of the generator)", target)
    shutil.rmtree(target)
    manifest.unlink(missing_ok=True)
    return True


def _clear_abandoned(target: Path) -> None:
    """Remove temporary folders of ``target`` left by builds whose process is gone."""
    for folder in target.parent.glob(f"{target.name}{_TEMPORARY}*"):
        pid = folder.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            log.info("removing the remains of an interrupted build: %s", folder)
            shutil.rmtree(folder, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _write_corpus(folder: Path, size: int, seed: int) -> dict[str, object]:
    log.info("writing a synthetic corpus of %d articles (seed %d) to %s", size, seed, folder)
    return {"articles": write_corpus(folder, size, seed), "seed": seed}


def _ingest(folder: Path, corpus: Path, workers: int) -> dict[str, object]:
    log.info("ingesting %s into %s with %d workers", corpus, folder, workers)
    store = OxigraphStore(folder)
    ensure_reference(store)
    articles = sorted(corpus.glob("*.txt"))
    with PeakMemory() as memory:
        summary = ingest(store, articles, max_bytes=DEFAULT_MAX_BYTES, workers=workers)
        store.flush()
    del store
    gc.collect()  # close the RocksDB handle before the folder is renamed
    counts = {status.value: summary.count(status) for status in Status}
    log.info("ingested %s: %s", corpus.name, counts)
    return {
        "corpus": corpus.name,
        "workers": workers,
        "reference": reference_version(),
        "peak_mb": round(memory.peak_mb),
        **counts,
    }
