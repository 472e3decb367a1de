"""Ingestion: files → loaders → RDF → SHACL → store, one article at a time, never half.

Preparing an article (read, extract, map to RDF, validate) is pure and runs in
worker processes when asked; writing is done by the one process that holds
the store, one transaction per batch of whole articles (a crash loses a batch,
never part of an article). A bad file is reported with its reason and the
batch goes on.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from pathlib import Path

from rdflib import URIRef

from graph.store.base import ArticleStore, ArticleWrite, QuarantineRecord, StoreError, Triple, ntriples
from graph.validation.shapes import validate_article_graphs
from loaders.errors import ArticleRejected
from loaders.pipeline import extract
from loaders.rdf_mapping import Statement, article_statements
from loaders.reading import ARTICLE_SUFFIXES, parse_article, read_article
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from ontology.identity import mint_article_iri

log = logging.getLogger(__name__)

#: Articles written between two flushes of the store during a long ingest.
FLUSH_EVERY = 2000


class Status(StrEnum):
    """What happened to one input file."""

    OK = "ok"
    UNCHANGED = "unchanged"
    QUARANTINED = "quarantined"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """The fate of one file, with the reason when it did not go in."""

    path: str
    status: Status
    article: str | None = None
    triples: int = 0
    reason: str = ""


@dataclass(slots=True)
class IngestSummary:
    """Counts per status and every file that was not ingested, with why."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """How many files ended with ``status``."""
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def ingested_any(self) -> bool:
        """True when at least one article is in the store (new, replaced or unchanged)."""
        return any(o.status in (Status.OK, Status.UNCHANGED) for o in self.outcomes)


@dataclass(frozen=True, slots=True)
class _Parsed:
    """An article read and mapped to RDF, not yet validated (picklable across processes)."""

    path: str
    article: str
    content_hash: str
    graph: list[Statement]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to write: its triples and the validation verdict."""

    path: str
    article: str
    content_hash: str
    triples: list[Triple]
    violations: tuple[str, ...]
    report_turtle: str


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the article files under them (sorted); files are yielded as given.

    A link under a folder that points nowhere is yielded too, so that it is
    reported as unreadable rather than silently skipped.
    """
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if (p.is_file() or p.is_symlink()) and _is_article_name(p))
            yield from sorted(found)
        else:
            yield path


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _parse(path: Path, max_bytes: int, decisions: IdentityDecisions) -> _Parsed | FileOutcome:
    try:
        article = read_article(path, max_bytes=max_bytes)
    except ArticleRejected as exc:
        return FileOutcome(str(path), Status.REJECTED, reason=exc.reason)
    graph = article_statements(extract(article), decisions)
    return _Parsed(str(path), str(mint_article_iri(article.key)), article.content_hash, graph)


@dataclass(frozen=True, slots=True)
class Upload:
    """An article received as bytes (an uploaded file, a JSON article), under the file name it came with."""

    name: str
    data: bytes


def _parse_upload(upload: Upload, max_bytes: int, decisions: IdentityDecisions) -> _Parsed | FileOutcome:
    if Path(upload.name).suffix.lower() not in ARTICLE_SUFFIXES:
        suffix = Path(upload.name).suffix or "(none)"
        reason = f"unsupported file type {suffix}; govkg reads .txt, .html and .json articles"
        return FileOutcome(upload.name, Status.REJECTED, reason=reason)
    if len(upload.data) > max_bytes:
        reason = (
            f"file too large: {len(upload.data) / 1e6:.1f} MB "
            f"(the limit is {max_bytes / 1e6:.1f} MB; set GOVKG_MAX_ARTICLE_BYTES)"
        )
        return FileOutcome(upload.name, Status.REJECTED, reason=reason)
    try:
        article = parse_article(upload.data, upload.name, upload.name)
    except ArticleRejected as exc:
        return FileOutcome(upload.name, Status.REJECTED, reason=exc.reason)
    graph = article_statements(extract(article), decisions)
    return _Parsed(upload.name, str(mint_article_iri(article.key)), article.content_hash, graph)


def prepare_batch(
    paths: Sequence[Path], max_bytes: int, decisions: IdentityDecisions = NO_DECISIONS
) -> list[PreparedArticle | FileOutcome]:
    """Read, extract, map and validate a batch of files (one pySHACL run for the batch)."""
    return _validated([_parse(path, max_bytes, decisions) for path in paths])


def prepare_uploads(
    uploads: Sequence[Upload], max_bytes: int, decisions: IdentityDecisions = NO_DECISIONS
) -> list[PreparedArticle | FileOutcome]:
    """Decode, extract, map and validate a batch of uploaded articles (one pySHACL run for the batch)."""
    return _validated([_parse_upload(upload, max_bytes, decisions) for upload in uploads])


def _validated(parsed: list[_Parsed | FileOutcome]) -> list[PreparedArticle | FileOutcome]:
    good = [p for p in parsed if isinstance(p, _Parsed)]
    verdicts = iter(validate_article_graphs([p.graph for p in good]) if good else [])
    prepared: list[PreparedArticle | FileOutcome] = []
    for item in parsed:
        if isinstance(item, FileOutcome):
            prepared.append(item)
            continue
        verdict = next(verdicts)
        prepared.append(
            PreparedArticle(
                item.path,
                item.article,
                item.content_hash,
                ntriples(item.graph),
                verdict.violations,
                verdict.report_turtle,
            )
        )
    return prepared


def write_prepared(store: ArticleStore, prepared: PreparedArticle | FileOutcome) -> FileOutcome:
    """Write one prepared article to the store (or its quarantine) in one transaction."""
    return write_batch(store, [prepared])[0]


def write_batch(store: ArticleStore, batch: Sequence[PreparedArticle | FileOutcome]) -> list[FileOutcome]:
    """Write a batch of prepared articles in one transaction; the outcomes are in the batch's order.

    Unchanged articles (same content hash as stored) are not written again. A
    crash loses the whole batch or nothing, never part of an article.
    """
    outcomes: list[FileOutcome] = []
    writes: list[ArticleWrite] = []
    for prepared in batch:
        if isinstance(prepared, FileOutcome):
            outcomes.append(prepared)
            continue
        outcome, write = _planned_write(store, prepared)
        outcomes.append(outcome)
        if write is not None:
            writes.append(write)
    store.write_articles(writes)
    for outcome in outcomes:
        if outcome.status is Status.OK:
            log.debug("wrote %s (%d triples) from %s", outcome.article, outcome.triples, outcome.path)
    return outcomes


def _planned_write(store: ArticleStore, prepared: PreparedArticle) -> tuple[FileOutcome, ArticleWrite | None]:
    article = URIRef(prepared.article)
    size = len(prepared.triples)
    if store.article_hash(article) == prepared.content_hash:
        return FileOutcome(prepared.path, Status.UNCHANGED, prepared.article, size), None
    if prepared.violations:
        payload = "\n".join(f"{s} {p} {o} ." for s, p, o in prepared.triples)
        record = QuarantineRecord(article, prepared.content_hash, prepared.violations, prepared.report_turtle, payload)
        reason = "; ".join(prepared.violations[:3])
        return FileOutcome(prepared.path, Status.QUARANTINED, prepared.article, size, reason), ArticleWrite(
            article, quarantine=record
        )
    return FileOutcome(prepared.path, Status.OK, prepared.article, size), ArticleWrite(article, prepared.triples)


def _batches(paths: Iterable[Path], size: int) -> Iterator[list[Path]]:
    iterator = iter(paths)
    while batch := list(islice(iterator, size)):
        yield batch


def ingest(
    store: ArticleStore,
    paths: Sequence[Path],
    *,
    max_bytes: int,
    batch_size: int = 16,
    workers: int = 1,
    decisions: IdentityDecisions = NO_DECISIONS,
    on_file: Callable[[FileOutcome], None] | None = None,
) -> IngestSummary:
    """Ingest files and folders into the store; every file ends ok, unchanged, quarantined or rejected.

    With ``workers > 1`` the preparation runs in that many processes while this
    one writes. A store failure stops the batch (what was written stays
    written); anything wrong with a file only skips that file.
    """
    summary = IngestSummary()
    batches = _batches(article_files(paths), batch_size)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            _write_all(store, _prepared_in(pool, batches, max_bytes, decisions, workers * 2), summary, on_file)
    else:
        _write_all(store, (prepare_batch(batch, max_bytes, decisions) for batch in batches), summary, on_file)
    store.flush()
    return summary


def ingest_uploads(
    store: ArticleStore,
    uploads: Sequence[Upload],
    *,
    max_bytes: int,
    batch_size: int = 16,
    decisions: IdentityDecisions = NO_DECISIONS,
) -> IngestSummary:
    """Ingest articles received as bytes; each ends ok, unchanged, quarantined or rejected (see :func:`ingest`)."""
    summary = IngestSummary()
    batches = (uploads[start : start + batch_size] for start in range(0, len(uploads), batch_size))
    _write_all(store, (prepare_uploads(batch, max_bytes, decisions) for batch in batches), summary, None)
    store.flush()
    return summary


def _write_all(
    store: ArticleStore,
    prepared_batches: Iterable[list[PreparedArticle | FileOutcome]],
    summary: IngestSummary,
    on_file: Callable[[FileOutcome], None] | None,
) -> None:
    written = 0
    for batch in prepared_batches:
        written += len(batch)
        if written >= FLUSH_EVERY:
            # Flushing lets the store drop its write-ahead logs, which otherwise pile up for hours.
            store.flush()
            written = 0
        for outcome in write_batch(store, batch):
            if outcome.status is Status.REJECTED:
                log.warning("rejected %s: %s", outcome.path, outcome.reason)
            elif outcome.status is Status.QUARANTINED:
                log.warning("quarantined %s: %s", outcome.path, outcome.reason)
            summary.outcomes.append(outcome)
            if on_file:
                on_file(outcome)


def _prepared_in(
    pool: ProcessPoolExecutor,
    batches: Iterator[list[Path]],
    max_bytes: int,
    decisions: IdentityDecisions,
    in_flight: int,
) -> Iterator[list[PreparedArticle | FileOutcome]]:
    """Prepared batches in input order, with at most ``in_flight`` batches submitted ahead of the writer."""
    pending: deque[Future[list[PreparedArticle | FileOutcome]]] = deque()
    for batch in batches:
        pending.append(pool.submit(prepare_batch, batch, max_bytes, decisions))
        if len(pending) >= in_flight:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


__all__ = [
    "FileOutcome",
    "IngestSummary",
    "Status",
    "StoreError",
    "Upload",
    "article_files",
    "ingest",
    "ingest_uploads",
]
