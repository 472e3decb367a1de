"""Article in, extraction out: the order the extractors run in."""

from __future__ import annotations

from loaders.article import Article
from loaders.record import Extraction


def extract(article: Article) -> Extraction:
    """Extract persons, posts, organizations, provinces, legal documents and meetings from an article."""
    return Extraction(article=article)
