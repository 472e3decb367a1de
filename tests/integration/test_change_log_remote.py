"""The change log through a remote SPARQL endpoint (a real Oxigraph server), with several writers at once."""

from __future__ import annotations

import threading
from pathlib import Path

from rdflib import URIRef

from graph.store.changes import Change, ChangeKind
from graph.store.remote import SparqlEndpointStore
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest

ARTICLE = (
    "Sở Tư pháp tỉnh Điện Biên tổ chức hội nghị\n\n"
    "Ngày 2/6/2021, Sở Tư pháp tỉnh Điện Biên tổ chức hội nghị triển khai "
    "Kế hoạch số {n}/KH-UBND. Giám đốc Sở Lò Văn Hưng chủ trì hội nghị."
)
WRITERS = 3
ARTICLES_PER_WRITER = 25


def _remote(base: str) -> SparqlEndpointStore:
    return SparqlEndpointStore(f"{base}/query", f"{base}/update")


def test_ingest_and_retraction_through_an_endpoint_are_logged(oxigraph_server: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(3):
        (folder / f"dien-bien-{n}.txt").write_text(ARTICLE.format(n=200 + n), encoding="utf-8")
    store = _remote(oxigraph_server)
    summary = ingest(store, [folder], max_bytes=1_000_000, batch_size=2)
    written = {o.article for o in summary.outcomes if o.status is Status.OK and o.article}
    changes, cursor = store.changes_since(None)
    assert {c.article for c in changes} == written and len(changes) == 3
    assert {c.kind for c in changes} == {ChangeKind.WRITTEN}
    retracted = sorted(written)[0]
    store.retract_article(URIRef(retracted))
    again, _ = store.changes_since(cursor)
    assert [(c.article, c.kind) for c in again] == [(retracted, ChangeKind.RETRACTED)]
    store.close()


def _writer(base: str, index: int, done: list[str]) -> None:
    store = _remote(base)
    try:
        for n in range(ARTICLES_PER_WRITER):
            article = f"https://w3id.org/govkg/id/article/w{index}-{n}"
            triple = (f"<{article}>", "<https://schema.org/headline>", f'"writer {index} article {n}"')
            store.replace_article(URIRef(article), [triple])
            done.append(article)
    finally:
        store.close()


def test_a_reader_following_several_writers_misses_nothing_and_sees_nothing_twice(oxigraph_server: str) -> None:
    reader = _remote(oxigraph_server)
    written: list[str] = []
    threads = [threading.Thread(target=_writer, args=(oxigraph_server, i, written)) for i in range(WRITERS)]
    seen: list[Change] = []
    cursor: str | None = None
    for thread in threads:
        thread.start()
    while any(thread.is_alive() for thread in threads):
        changes, cursor = reader.changes_since(cursor, limit=7)
        seen += changes
    for thread in threads:
        thread.join()
    changes, cursor = reader.changes_since(cursor)
    seen += changes
    reader.close()
    assert len({c.writer for c in seen}) == WRITERS  # each process wrote under its own slot
    keys = [(c.writer, c.sequence) for c in seen]
    assert len(keys) == len(set(keys)) == WRITERS * ARTICLES_PER_WRITER  # each entry exactly once
    assert sorted(c.article for c in seen) == sorted(written)
    for writer in {c.writer for c in seen}:  # each writer's entries in their order
        numbers = [c.sequence for c in seen if c.writer == writer]
        assert numbers == sorted(numbers) == list(range(1, ARTICLES_PER_WRITER + 1))
