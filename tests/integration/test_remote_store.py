"""Ingesting into a locally started Oxigraph server through the remote-endpoint store."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.store.base import ArticleStore, StoreError
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from graph.store.remote import SparqlEndpointStore
from ontology.identity import mint_article_iri
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest
from tests.factories.network import free_port

ARTICLE = (
    "Sở Thông tin và Truyền thông tỉnh Sơn La tổ chức hội nghị\n\n"
    "Ngày 9/4/2020, Sở Thông tin và Truyền thông tỉnh Sơn La tổ chức hội nghị triển khai "
    "Kế hoạch số {n}/KH-UBND. Giám đốc Sở Cầm Văn Khoa chủ trì hội nghị."
)


def _graph_counts(store: ArticleStore) -> dict[str, str]:
    rows = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {row["g"].value: row["n"].value for row in rows}  # type: ignore[union-attr]


def test_ingest_through_a_remote_endpoint_matches_the_embedded_store(oxigraph_server: str, tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(6):
        (folder / f"son-la-{n}.txt").write_text(ARTICLE.format(n=100 + n), encoding="utf-8")
    remote = SparqlEndpointStore(f"{oxigraph_server}/query", f"{oxigraph_server}/update")
    embedded = OxigraphStore(tmp_path / "embedded")
    for store in (remote, embedded):
        ensure_reference(store)
        summary = ingest(store, [folder], max_bytes=1_000_000, batch_size=4)
        assert [o.status for o in summary.outcomes] == [Status.OK] * 6
    assert _graph_counts(remote) == _graph_counts(embedded)

    again = ingest(remote, [folder], max_bytes=1_000_000)
    assert {o.status for o in again.outcomes} == {Status.UNCHANGED}
    assert remote.retract_article(mint_article_iri("son-la-0.txt"))
    assert len(list(remote.article_graphs())) == 5


def test_an_unreachable_endpoint_is_a_clear_error() -> None:
    store = SparqlEndpointStore(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(StoreError, match="cannot be reached"):
        store.query("ASK {}")
