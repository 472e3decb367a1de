"""Extraction without the store: one article file to its extraction record, and scoring a gold set.

The record is the per-article JSON of ``../shared/eval/SCHEMA.md`` (``govkg
extract``); scoring extracts the articles of a gold set and compares, as
``../shared/eval/score.py`` does (``govkg eval``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from loaders.errors import ArticleRejected
from loaders.evaluation import Report, evaluate
from loaders.pipeline import extract
from loaders.reading import read_article


@dataclass(frozen=True, slots=True)
class ExtractedFile:
    """One file's extraction record, or why it is no article (``record`` None and the ``reason``)."""

    source: str
    record: dict[str, Any] | None
    reason: str = ""


def extract_file(path: Path, max_bytes: int) -> ExtractedFile:
    """Read and extract one article file; a file that cannot be an article comes back with its reason."""
    try:
        return ExtractedFile(str(path), extract(read_article(path, max_bytes)).to_record())
    except ArticleRejected as exc:
        return ExtractedFile(exc.source, None, exc.reason)


def evaluate_gold(gold: Path, articles: Path | None = None) -> Report:
    """Extract the articles of a gold set (beside the gold records unless ``articles`` is given) and score them."""
    return evaluate(gold, articles)
