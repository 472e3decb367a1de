"""Retracting an article: removing exactly what it asserted, durably."""

from __future__ import annotations

from rdflib import URIRef

from graph.store.base import ArticleStore


def retract_article(store: ArticleStore, article: URIRef) -> bool:
    """Remove what ``article`` asserted (and its quarantine record) and flush; False when the store does not know it.

    Statements another article also asserts stay in the default graph (see ``graph.store.base``).
    """
    found = store.retract_article(article)
    if found:
        store.flush()
    return found
