"""Stores holding hand-made extractions, mapped to RDF by the real mapping (no extractor involved)."""

from __future__ import annotations

import gc
from collections.abc import Iterable
from pathlib import Path

from rdflib import URIRef

from graph.store.base import ArticleStore, Triple, ntriples
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from loaders.rdf_mapping import article_graph
from loaders.record import Extraction
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from ontology.identity import mint_article_iri


def new_store(path: Path) -> OxigraphStore:
    """An empty store at ``path`` with the reference graph loaded."""
    store = OxigraphStore(path)
    ensure_reference(store)
    return store


def write_extraction(
    store: ArticleStore,
    extraction: Extraction,
    extra: list[Triple] | None = None,
    decisions: IdentityDecisions = NO_DECISIONS,
) -> str:
    """Map an extraction to RDF and write it as its article's graph (plus ``extra`` triples); return the article."""
    article = mint_article_iri(extraction.article.key)
    store.replace_article(article, ntriples(article_graph(extraction, decisions)) + (extra or []))
    return str(article)


def write_articles(store: ArticleStore, extractions: Iterable[Extraction]) -> list[URIRef]:
    """Write each extraction as its article's named graph, then flush; return the article IRIs."""
    iris = [URIRef(write_extraction(store, extraction)) for extraction in extractions]
    store.flush()
    return iris


def build_store(path: Path, extractions: Iterable[Extraction]) -> Path:
    """Create a store at ``path`` holding the reference graph and ``extractions``, and close it (for a server)."""
    store = new_store(path)
    write_articles(store, extractions)
    del store
    gc.collect()  # releases the RocksDB lock
    return path
