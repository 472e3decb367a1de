"""The embedded store: one graph per article, a merged default view, exact retraction, atomic writes."""

from __future__ import annotations

from datetime import date

import pytest
from rdflib import URIRef

from graph.store.base import ArticleWrite, QuarantineRecord, StoreError, ntriples
from graph.store.changes import CHANGES_GRAPH
from graph.store.embedded import OxigraphStore
from loaders.rdf_mapping import article_graph
from loaders.record import Extraction
from ontology.identity import mint_article_iri
from ontology.namespaces import GOVKG
from tests.factories.extractions import reported_again


def _count(store: OxigraphStore, where: str) -> int:
    rows = list(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"))  # type: ignore[arg-type]
    return int(rows[0]["n"].value)


def _triples(extraction: Extraction) -> tuple[URIRef, list[tuple[str, str, str]]]:
    return mint_article_iri(extraction.article.key), ntriples(article_graph(extraction))


def _second_article(extraction: Extraction) -> Extraction:
    """The same facts reported by another article (shared person, organization, meeting)."""
    return reported_again(extraction, "invented-002.txt", date(2015, 3, 16))


def test_reingesting_an_article_gives_the_same_triple_count(store: OxigraphStore, invented_extraction) -> None:
    article, triples = _triples(invented_extraction)
    store.replace_article(article, triples)
    in_graphs = f"GRAPH ?g {{ ?s ?p ?o }} FILTER (?g != <{CHANGES_GRAPH}>)"  # the change log grows, by design
    first = _count(store, "?s ?p ?o"), _count(store, in_graphs)
    store.replace_article(article, triples)
    assert (_count(store, "?s ?p ?o"), _count(store, in_graphs)) == first
    assert len(store.article_triples(article)) == len(triples)


def test_retracting_removes_exactly_what_the_article_said(store: OxigraphStore, invented_extraction) -> None:
    only_second = OxigraphStore(None)
    second_article, second = _triples(_second_article(invented_extraction))
    only_second.replace_article(second_article, second)
    article, triples = _triples(invented_extraction)
    store.replace_article(second_article, second)
    before = _count(store, "?s ?p ?o")
    store.replace_article(article, triples)
    assert _count(store, "?s ?p ?o") > before  # the first article adds its own evidence and mentions
    assert store.retract_article(article)
    assert _count(store, "?s ?p ?o") == before
    # What both articles said survives in the default view; what only the first said is gone.
    shared = f"<{mint_article_iri('invented-002.txt')}> ?p ?o"
    assert _count(store, shared) == _count(only_second, shared)
    assert _count(store, f"<{article}> ?p ?o") == 0
    assert not store.retract_article(article)


def test_quarantine_keeps_the_article_out_of_the_default_view(store: OxigraphStore, invented_extraction) -> None:
    article, triples = _triples(invented_extraction)
    store.replace_article(article, triples)
    payload = "\n".join(" ".join(t) + " ." for t in triples)
    store.quarantine_article(QuarantineRecord(article, "hash-2", ("a reason",), "report", payload))
    assert store.is_quarantined(article)
    assert _count(store, f"<{article}> ?p ?o") == 0
    assert store.article_hash(article) == "hash-2"
    reasons = _count(store, f'GRAPH ?g {{ ?q <{GOVKG.reason}> "a reason" }}')
    assert reasons == 1
    store.replace_article(article, triples)  # a valid version lifts the quarantine
    assert not store.is_quarantined(article)
    assert _count(store, f"<{article}> ?p ?o") > 0


def test_a_failed_write_leaves_nothing_behind(store: OxigraphStore, invented_extraction) -> None:
    article, triples = _triples(invented_extraction)
    before = _count(store, "GRAPH ?g { ?s ?p ?o }"), _count(store, "?s ?p ?o")
    broken = [*triples[:50], ("<https://example.org/s>", "<https://example.org/p>", '"unterminated')]
    with pytest.raises(StoreError):
        store.replace_article(article, broken)
    assert (_count(store, "GRAPH ?g { ?s ?p ?o }"), _count(store, "?s ?p ?o")) == before
    assert store.article_hash(article) is None


def test_a_second_writer_gets_a_clear_error(tmp_path) -> None:
    holder = OxigraphStore(tmp_path / "locked")
    with pytest.raises(StoreError, match="another govkg process"):
        OxigraphStore(tmp_path / "locked")
    assert holder.path == tmp_path / "locked"


def test_a_batch_is_written_whole_or_not_at_all(store: OxigraphStore, invented_extraction) -> None:
    article, triples = _triples(invented_extraction)
    second_article, second = _triples(_second_article(invented_extraction))
    broken = [*second[:20], ("<https://example.org/s>", "<https://example.org/p>", '"unterminated')]
    with pytest.raises(StoreError):
        store.write_articles([ArticleWrite(article, triples), ArticleWrite(second_article, broken)])
    assert store.article_hash(article) is None and store.article_hash(second_article) is None
    store.write_articles([ArticleWrite(article, triples), ArticleWrite(second_article, second)])
    assert len(store.article_triples(article)) == len(triples)
    assert len(store.article_triples(second_article)) == len(second)


def test_in_a_batch_the_last_write_of_an_article_wins(store: OxigraphStore, invented_extraction) -> None:
    article, triples = _triples(invented_extraction)
    record = QuarantineRecord(article, "hash-q", ("a reason",), "report", "")
    store.write_articles([ArticleWrite(article, triples), ArticleWrite(article, quarantine=record)])
    assert store.is_quarantined(article)
    assert store.article_triples(article) == []
