"""Writing prepared articles: one transaction per batch of whole articles, in the process holding the store.

A crash loses a batch, never part of an article. An article whose content
hash is already stored is left as it is (``unchanged``); one that violates the
shapes goes to the quarantine with its report instead of the graph.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from rdflib import URIRef

from graph.store.base import ArticleStore, ArticleWrite, QuarantineRecord
from services.ingest.outcomes import FileOutcome, Status
from services.ingest.prepare import PreparedArticle

log = logging.getLogger(__name__)


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
