"""The Neo4j projection against a real server: what it holds, and how syncs follow the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from neo4j.time import Date

from graph.neo4j import cypher
from graph.neo4j.sync import ProjectionSync, SyncReport
from graph.neo4j.writer import Neo4jWriter
from graph.store.embedded import OxigraphStore
from loaders.record import Extraction, Reference
from ontology.identity import mint_article_iri
from tests.factories.stores import new_store, write_extraction
from tests.factories.synthetic import SyntheticWorld, build_synthetic_store
from tests.integration.conftest import expected_counts, projected_counts

pytestmark = pytest.mark.neo4j


def _sync(store: OxigraphStore, writer: Neo4jWriter, *, full: bool = False, chunk: int = 500) -> SyncReport:
    return ProjectionSync(store, writer, chunk_size=chunk).run(full=full)


def _one(writer: Neo4jWriter, query: str, **parameters: Any) -> dict[str, Any]:
    rows = writer.execute(query, **parameters)
    assert len(rows) == 1, rows
    return rows[0]


def test_a_full_sync_holds_exactly_what_the_store_says(tmp_path: Path, neo4j_writer: Neo4jWriter) -> None:
    store = build_synthetic_store(tmp_path / "store", 80)
    report = _sync(store, neo4j_writer, full=True, chunk=25)
    assert report.full and report.added == 80
    assert projected_counts(neo4j_writer) == expected_counts(store)

    again = _sync(store, neo4j_writer)
    assert (again.full, again.articles_synced, again.unchanged) == (False, 0, 80)
    assert again.nodes_written == again.relationships_written == 0


def test_an_article_projects_typed_nodes_and_relationships_with_their_evidence(
    store: OxigraphStore, neo4j_writer: Neo4jWriter, invented_extraction: Extraction
) -> None:
    article = write_extraction(store, invented_extraction)
    _sync(store, neo4j_writer)

    post = _one(
        neo4j_writer,
        "MATCH (p:Person {name: 'Hoàng Văn Thái'})-[h:HOLDS_POST]->(o:Organization:PeoplesCommittee) "
        "RETURN h.title AS title, h.reported_on AS reported_on, h.first_reported AS first, "
        "h.last_reported AS last, h.articles AS articles, h.sentences AS sentences, h.evidence AS evidence, "
        "o.name AS organization",
    )
    assert post["title"] == "Phó Chủ tịch"
    assert post["organization"] == "Ủy ban nhân dân tỉnh Lạng Sơn"
    assert post["reported_on"] == [Date(2015, 3, 15)] and post["first"] == post["last"] == Date(2015, 3, 15)
    assert post["articles"] == [article]
    assert "Hoàng Văn Thái chủ trì" in post["sentences"][0]
    assert post["evidence"][0].startswith("https://w3id.org/govkg/id/evidence/")

    meeting = _one(
        neo4j_writer,
        "MATCH (:Person {name: 'Hoàng Văn Thái'})-[c:CHAIRED]->(m:Meeting)-[:UNDER]->(d:LegalDocument:Decree), "
        "(m)-[:HELD_IN]->(p:Province), (o:Organization)-[:ORGANIZED]->(m), "
        "(:Person {name: 'Nông Đức Mạnh'})-[:ATTENDED]->(m), (m)-[:MENTIONED_IN]->(a:Article) "
        "RETURN m.date AS date, m.kind AS kind, d.notation AS notation, d.type AS type, p.code AS province, "
        "o.name AS organizer, a.iri AS article, a.published AS published, c.articles AS articles",
    )
    assert meeting == {
        "date": Date(2015, 3, 14),
        "kind": "Review",
        "notation": "64/2007/NĐ-CP",
        "type": "Decree",
        "province": "VN-09",
        "organizer": "Ủy ban nhân dân tỉnh Lạng Sơn",
        "article": article,
        "published": Date(2015, 3, 15),
        "articles": [article],
    }
    constraints = neo4j_writer.execute("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    unique = {c["labelsOrTypes"][0] for c in constraints if c["type"] == "UNIQUENESS" and c["properties"] == ["iri"]}
    assert {"Person", "Organization", "Province", "LegalDocument", "Meeting", "Article", "Observation"} <= unique


def _retitled(extraction: Extraction, chair: str) -> Extraction:
    meeting = replace(extraction.meetings[0], chairs=[Reference(chair, extraction.meetings[0].chairs[0].evidence)])
    return replace(extraction, meetings=[meeting])


def test_reingesting_replaces_an_articles_relationships_and_retracting_removes_them(
    store: OxigraphStore, neo4j_writer: Neo4jWriter, invented_extraction: Extraction
) -> None:
    first = write_extraction(store, invented_extraction)
    twin = replace(invented_extraction, article=replace(invented_extraction.article, key="twin.txt", file="twin.txt"))
    second = write_extraction(store, twin)
    _sync(store, neo4j_writer)
    chaired = "MATCH (p:Person)-[c:CHAIRED]->(:Meeting) RETURN p.name AS name, c.articles AS articles ORDER BY name"
    assert neo4j_writer.execute(chaired) == [{"name": "Hoàng Văn Thái", "articles": sorted([first, second])}]

    write_extraction(store, _retitled(twin, "Nông Đức Mạnh"))  # the twin now says someone else chaired
    report = _sync(store, neo4j_writer)
    assert (report.changed, report.unchanged) == (1, 1)
    assert neo4j_writer.execute(chaired) == [
        {"name": "Hoàng Văn Thái", "articles": [first]},
        {"name": "Nông Đức Mạnh", "articles": [second]},
    ]

    assert store.retract_article(mint_article_iri(invented_extraction.article.key))
    assert _sync(store, neo4j_writer).removed == 1
    assert neo4j_writer.execute(chaired) == [{"name": "Nông Đức Mạnh", "articles": [second]}]
    assert projected_counts(neo4j_writer) == expected_counts(store)

    assert store.retract_article(mint_article_iri("twin.txt"))
    _sync(store, neo4j_writer)
    remaining = projected_counts(neo4j_writer)
    assert remaining == expected_counts(store)
    assert set(remaining) - {"Province", "LegalDocument", ":SUCCEEDED_BY"} <= set(_KINDS_OF_REFERENCE_DOCUMENTS)
    assert _one(neo4j_writer, f"MATCH (e:{cypher.LEDGER_LABEL}) RETURN count(e) AS n")["n"] == 0


# Reference documents (national laws, decrees …) stay when no article mentions them, with their type labels.
_KINDS_OF_REFERENCE_DOCUMENTS = (
    *("Law", "Ordinance", "Decree", "Decision", "Directive", "Resolution"),
    *("Circular", "Plan", "OfficialLetter", "Submission", "Announcement"),
)


def test_a_rewritten_graph_with_unchanged_text_is_synced(tmp_path: Path, neo4j_writer: Neo4jWriter) -> None:
    store = new_store(tmp_path / "store")
    world = SyntheticWorld()
    extraction = next(e for e in map(world.extraction, range(40)) if world.intervals(e))
    write_extraction(store, extraction)
    _sync(store, neo4j_writer)
    intervals = "MATCH ()-[h:HOLDS_POST]->() WHERE h.interval RETURN h.member_from AS since"
    assert neo4j_writer.execute(intervals) == []

    write_extraction(store, extraction, world.intervals(extraction))  # same text, graph rewritten
    report = _sync(store, neo4j_writer)
    assert report.changed == 1
    assert {row["since"] for row in neo4j_writer.execute(intervals)} == {Date(2021, 3, 1)}


def test_a_changed_projection_declaration_rebuilds_everything(
    store: OxigraphStore, neo4j_writer: Neo4jWriter, invented_extraction: Extraction
) -> None:
    write_extraction(store, invented_extraction)
    _sync(store, neo4j_writer)
    neo4j_writer.execute(
        f"MATCH (s:{cypher.STATE_LABEL}) SET s.projection = 'an older version'", name=cypher.STATE_NAME
    )
    report = _sync(store, neo4j_writer)
    assert report.full and "changed" in report.reason
    assert report.added == 1
    assert projected_counts(neo4j_writer) == expected_counts(store)


def test_per_row_and_batched_writes_give_the_same_graph(tmp_path: Path, neo4j_writer: Neo4jWriter) -> None:
    store = build_synthetic_store(tmp_path / "store", 12)
    _sync(store, neo4j_writer, full=True)
    batched = projected_counts(neo4j_writer)
    per_row = Neo4jWriter(neo4j_writer.driver, neo4j_writer.database, per_row=True)
    report = ProjectionSync(store, per_row).run(full=True)
    assert report.nodes_written and report.relationships_written
    assert projected_counts(neo4j_writer) == batched == expected_counts(store)


def test_observations_are_linked_to_their_province_and_article(tmp_path: Path, neo4j_writer: Neo4jWriter) -> None:
    store = new_store(tmp_path / "store")
    world = SyntheticWorld()
    extraction = next(e for e in map(world.extraction, range(40)) if e.observations)
    article = write_extraction(store, extraction)
    _sync(store, neo4j_writer)
    observation = extraction.observations[0]
    row = _one(
        neo4j_writer,
        "MATCH (p:Province)<-[:ABOUT]-(o:Observation)-[:REPORTED_IN]->(a:Article) "
        "RETURN p.code AS province, o.value AS value, o.unit AS unit, o.indicator_label AS label, "
        "o.date AS date, a.iri AS article",
    )
    assert observation.province is not None and observation.ref_date is not None
    assert row == {
        "province": observation.province.code,
        "value": float(observation.value),
        "unit": observation.unit,
        "label": observation.indicator,
        "date": Date.from_native(observation.ref_date),
        "article": article,
    }
    assert isinstance(observation.ref_date, date)
