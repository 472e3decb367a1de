"""The change log of the embedded store: one entry per changed article, in the write's own transaction."""

from __future__ import annotations

import gc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from rdflib import URIRef

from graph.exports.rdf import rdf_chunks
from graph.store.base import ArticleStore, ArticleWrite, QuarantineRecord, StoreError, ntriples
from graph.store.changes import CHANGES_GRAPH, ChangeKind, ChangeLogExpired, CursorError
from graph.store.embedded import OxigraphStore
from loaders.rdf_mapping import article_graph
from loaders.record import Extraction
from ontology.identity import mint_article_iri
from services.decisions import decide_same
from tests.factories.extractions import reported_again
from tests.factories.invented import invented_articles
from tests.factories.stores import new_store


def _article(extraction: Extraction) -> tuple[URIRef, list[tuple[str, str, str]]]:
    return mint_article_iri(extraction.article.key), ntriples(article_graph(extraction))


def _record(article: URIRef) -> QuarantineRecord:
    return QuarantineRecord(article, "hash", ("a reason",), "report", "")


def _kinds(store: ArticleStore, cursor: str | None = None) -> tuple[list[tuple[str, ChangeKind]], str]:
    changes, after = store.changes_since(cursor)
    return [(c.article, c.kind) for c in changes], after


def _log_size(store: ArticleStore) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{CHANGES_GRAPH}> {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def test_every_kind_of_write_appends_one_entry_per_article(store: OxigraphStore) -> None:
    first, second, third = invented_articles()[:3]
    (a, a_triples), (b, b_triples), (c, _) = _article(first), _article(second), _article(third)
    store.replace_article(a, a_triples)
    store.write_articles([ArticleWrite(b, b_triples), ArticleWrite(c, quarantine=_record(c))])
    assert store.retract_article(a)
    assert not store.retract_article(a)  # nothing to retract: nothing logged
    changes, cursor = _kinds(store)
    assert changes == [
        (str(a), ChangeKind.WRITTEN),
        (str(b), ChangeKind.WRITTEN),
        (str(c), ChangeKind.QUARANTINED),
        (str(a), ChangeKind.RETRACTED),
    ]
    assert _kinds(store, cursor) == ([], cursor)
    store.replace_article(a, a_triples)
    assert _kinds(store, cursor)[0] == [(str(a), ChangeKind.WRITTEN)]


def test_an_identity_decision_logs_every_article_it_rewrites(store: OxigraphStore, tmp_path: Path) -> None:
    extraction = invented_articles()[0]
    article, triples = _article(extraction)
    again = reported_again(extraction, "invented-again.txt", date(2015, 3, 16))
    other, other_triples = _article(again)
    store.replace_article(article, triples)
    store.replace_article(other, other_triples)
    _, cursor = store.changes_since(None)
    persons = sorted(
        row["p"].value for row in store.select("SELECT DISTINCT ?p WHERE { ?p a <http://xmlns.com/foaf/0.1/Person> }")
    )
    rewritten = decide_same(store, tmp_path / "decisions.yaml", persons[0], persons[1])
    changes, _ = _kinds(store, cursor)
    assert rewritten == len(changes) > 0
    assert {kind for _, kind in changes} == {ChangeKind.IDENTITY}


def test_a_failed_write_logs_nothing(store: OxigraphStore, invented_extraction: Extraction) -> None:
    article, triples = _article(invented_extraction)
    broken = [*triples[:5], ("<https://example.org/s>", "<https://example.org/p>", '"unterminated')]
    with pytest.raises(StoreError):
        store.replace_article(article, broken)
    assert store.changes_since(None)[0] == []
    store.replace_article(article, triples)
    assert [c.sequence for c in store.changes_since(None)[0]] == [1]


def test_the_log_is_outside_the_default_graph_and_the_exports(
    store: OxigraphStore, invented_extraction: Extraction
) -> None:
    article, triples = _article(invented_extraction)
    store.replace_article(article, triples)
    assert _log_size(store) > 0
    assert not store.query("ASK { ?entry <https://w3id.org/govkg/def#changedArticle> ?article }")
    for name in ("trig", "turtle"):
        exported = b"".join(rdf_chunks(store, name)).decode()
        assert "/id/change/" not in exported and "<https://w3id.org/govkg/id/graph/changes>" not in exported


def test_numbers_go_on_after_the_store_is_opened_again(tmp_path: Path, invented_extraction: Extraction) -> None:
    article, triples = _article(invented_extraction)
    store = new_store(tmp_path / "store")
    store.replace_article(article, triples)
    store.replace_article(article, triples)
    _, cursor = store.changes_since(None)
    del store
    gc.collect()
    reopened = OxigraphStore(tmp_path / "store")
    assert reopened.writer == "local"
    reopened.retract_article(article)
    changes, _ = reopened.changes_since(cursor)
    assert [(c.sequence, c.kind) for c in changes] == [(3, ChangeKind.RETRACTED)]


def test_a_limit_pages_through_the_log_without_losing_an_entry(store: OxigraphStore) -> None:
    articles = [_article(extraction) for extraction in invented_articles()]
    for article, triples in articles:
        store.replace_article(article, triples)
    pages: list[str] = []
    cursor = None
    while True:
        changes, cursor = store.changes_since(cursor, limit=2)
        if not changes:
            break
        assert len(changes) <= 2
        pages += [c.article for c in changes]
    assert pages == [str(article) for article, _ in articles]


def test_compaction_keeps_each_articles_latest_entry_for_every_reader(store: OxigraphStore) -> None:
    (a, a_triples), (b, b_triples) = (_article(e) for e in invented_articles()[:2])
    store.replace_article(a, a_triples)  # 1
    _, after_first = store.changes_since(None)
    store.replace_article(b, b_triples)  # 2
    store.replace_article(a, a_triples)  # 3
    store.retract_article(a)  # 4
    before = _log_size(store)
    store.compact_change_log(timedelta(days=30))
    assert _log_size(store) < before  # entries 1 and 3 are superseded by 4
    for cursor, expected in (
        (None, [(str(b), ChangeKind.WRITTEN), (str(a), ChangeKind.RETRACTED)]),
        (after_first, [(str(b), ChangeKind.WRITTEN), (str(a), ChangeKind.RETRACTED)]),
    ):
        assert _kinds(store, cursor)[0] == expected


def test_a_cursor_older_than_the_retention_is_told_to_rebuild(store: OxigraphStore) -> None:
    (a, a_triples), (b, b_triples) = (_article(e) for e in invented_articles()[:2])
    store.replace_article(a, a_triples)
    _, old = store.changes_since(None)
    store.replace_article(b, b_triples)
    store.compact_change_log(timedelta(days=30), now=datetime.now(UTC) + timedelta(days=31))
    assert _log_size(store) < 10  # only the marks are left
    for stale in (old, None):
        with pytest.raises(ChangeLogExpired):
            store.changes_since(stale)
    head = store.change_head()
    assert store.changes_since(head)[0] == []
    store.retract_article(b)
    changes, _ = store.changes_since(head)
    assert [(c.article, c.kind, c.sequence) for c in changes] == [(str(b), ChangeKind.RETRACTED, 3)]


@pytest.mark.parametrize("cursor", ["", "c1", "c1.!!!", "c2.e30", "c1.WyJhIl0", "c1.eyJsb2NhbCI6LTF9"])
def test_a_cursor_not_handed_out_is_refused(store: OxigraphStore, cursor: str) -> None:
    with pytest.raises(CursorError):
        store.changes_since(cursor)
