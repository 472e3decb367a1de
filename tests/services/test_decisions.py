"""Cross-article identity: keys join, namesakes stay apart, reviewers' decisions stick across re-ingestion."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from graph.store.embedded import OxigraphStore
from graph.store.identity_review import namesakes, person_merges
from loaders.article import Article
from loaders.record import Extraction
from loaders.resolution import IdentityDecisions
from ontology.gazetteer import resolve_province
from ontology.identity import mint_article_iri
from ontology.namespaces import FOAF
from services.decisions import decide_different, decide_same, load_decisions
from tests.factories.extractions import reported_again
from tests.factories.stores import write_extraction


def _reported_by(extraction: Extraction, key: str, province: str | None = None) -> Extraction:
    """The same facts, reported by another article (optionally about another province)."""
    if province is None:
        return reported_again(extraction, key, date(2015, 4, 2))
    article = Article(key=key, file=key, text=extraction.article.text, published=date(2015, 4, 2))
    other = resolve_province(province)
    persons = [replace(p, province=other, posts=[]) for p in extraction.persons]
    return Extraction(article=article, province=other, persons=persons)


def _ingest(store: OxigraphStore, extraction: Extraction, decisions: IdentityDecisions | None = None) -> None:
    write_extraction(store, extraction, decisions=decisions or IdentityDecisions())


def _persons(store: OxigraphStore) -> set[str]:
    return {r["p"].value for r in store.query(f"SELECT DISTINCT ?p WHERE {{ ?p a <{FOAF.Person}> }}")}  # type: ignore[union-attr]


def test_same_official_in_two_articles_is_one_node_and_keys_are_recorded(store, invented_extraction) -> None:
    _ingest(store, invented_extraction)
    _ingest(store, _reported_by(invented_extraction, "second.txt"))
    assert len(_persons(store)) == 2
    merges = {m.name: m for m in person_merges(store)}
    assert set(merges) == {"Hoàng Văn Thái", "Nông Đức Mạnh"}
    assert len(merges["Hoàng Văn Thái"].articles) == 2
    assert merges["Hoàng Văn Thái"].keys == ("name=Hoàng Văn Thái; by=VN-09",)


def test_namesakes_in_two_provinces_stay_two(store, invented_extraction) -> None:
    _ingest(store, invented_extraction)
    _ingest(store, _reported_by(invented_extraction, "cao-bang.txt", province="Cao Bằng"))
    assert len(_persons(store)) == 4
    assert {name for name, persons in namesakes(store) if len(persons) == 2} == {"Hoàng Văn Thái", "Nông Đức Mạnh"}
    assert person_merges(store) == []


def test_a_different_decision_splits_and_survives_reingestion(store, invented_extraction, tmp_path: Path) -> None:
    decisions_file = tmp_path / "decisions.yaml"
    second = _reported_by(invented_extraction, "second.txt")
    _ingest(store, invented_extraction)
    _ingest(store, second)
    thai = next(m.person for m in person_merges(store) if m.name == "Hoàng Văn Thái")
    separate = decide_different(store, decisions_file, thai, str(mint_article_iri("second.txt")))
    assert {thai, separate} <= _persons(store)
    assert all(m.name != "Hoàng Văn Thái" for m in person_merges(store))
    before = _persons(store)
    _ingest(store, second, load_decisions(decisions_file))  # re-ingestion applies the decision again
    assert _persons(store) == before


def test_a_same_decision_merges_and_survives_reingestion(store, invented_extraction, tmp_path: Path) -> None:
    decisions_file = tmp_path / "decisions.yaml"
    elsewhere = _reported_by(invented_extraction, "cao-bang.txt", province="Cao Bằng")
    _ingest(store, invented_extraction)
    _ingest(store, elsewhere)
    kept, merged = next(persons for name, persons in namesakes(store) if name == "Hoàng Văn Thái")
    assert decide_same(store, decisions_file, kept, merged) == 1
    assert merged not in _persons(store)
    _ingest(store, elsewhere, load_decisions(decisions_file))
    assert merged not in _persons(store) and kept in _persons(store)
    assert "Hoàng Văn Thái" in {m.name for m in person_merges(store)}
