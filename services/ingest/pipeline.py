"""The whole ingest: files and folders (or uploads) into the store; every input ends with an outcome.

Preparing runs in worker processes with ``workers > 1`` while this process,
the one holding the store, writes batch after batch (``services.ingest.write``).
A store failure stops the run (what was written stays written); anything
wrong with a file only skips that file. The store is flushed every
:data:`FLUSH_EVERY` articles and at the end.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import timedelta
from itertools import islice
from pathlib import Path

from graph.store.base import ArticleStore
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from services.ingest.outcomes import FileOutcome, IngestSummary, Status
from services.ingest.prepare import PreparedArticle, Upload, article_files, prepare_batch, prepare_uploads
from services.ingest.write import write_batch

log = logging.getLogger(__name__)

#: Articles written between two flushes of the store during a long ingest.
FLUSH_EVERY = 2000


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
    change_log_retention: timedelta | None = None,
) -> IngestSummary:
    """Ingest files and folders into the store; every file ends ok, unchanged, quarantined or rejected.

    With ``workers > 1`` the preparation runs in that many processes while this
    one writes. A store failure stops the batch (what was written stays
    written); anything wrong with a file only skips that file. With
    ``change_log_retention``, the change log is compacted at the end.
    """
    summary = IngestSummary()
    batches = _batches(article_files(paths), batch_size)
    if workers > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            _write_all(store, _prepared_in(pool, batches, max_bytes, decisions, workers * 2), summary, on_file)
    else:
        _write_all(store, (prepare_batch(batch, max_bytes, decisions) for batch in batches), summary, on_file)
    if change_log_retention is not None:
        store.compact_change_log(change_log_retention)
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
