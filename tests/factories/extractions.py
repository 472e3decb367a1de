"""Small builders of extractions for tests that need the same facts reported again."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from loaders.article import Article
from loaders.record import Extraction


def reported_again(extraction: Extraction, key: str, published: date) -> Extraction:
    """The same facts (observations and the province as written included), reported by another article."""
    article = Article(key=key, file=key, text=extraction.article.text, published=published)
    return replace(extraction, article=article)
