"""An undated article still dates what it reports: posts and figures take the date of the meeting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from rdflib import Literal
from rdflib.term import Node

from loaders.pipeline import extract
from loaders.rdf_mapping import article_graph
from loaders.reading import read_article
from loaders.record import Extraction
from ontology import namespaces as ns
from ontology.namespaces import GOVKG, ORG, RDF, SCHEMA

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

UNDATED = (
    "Bình Phước: Ban Chỉ đạo chuyển đổi số tỉnh họp quý III\n\n"
    "Ngày 12/10/2022, Ban Chỉ đạo chuyển đổi số tỉnh Bình Phước tổ chức cuộc họp quý III. "
    "Ông Trịnh Văn Lộc – Phó Chủ tịch UBND tỉnh Bình Phước chủ trì cuộc họp.\n\n"
    "Năm 2022, tỷ lệ hồ sơ trực tuyến đạt 41,5%.\n\n"
    "Bà Đoàn Thị Mơ, Giám đốc Sở Nội vụ tỉnh Bình Phước, cho biết nhiều việc còn chậm.\n"
)


def _membership_dates(extraction: Extraction) -> dict[str, tuple[Node | None, Node | None]]:
    graph = article_graph(extraction)
    found: dict[str, tuple[Node | None, Node | None]] = {}
    for membership in graph.subjects(RDF.type, ORG.Membership):
        title = str(graph.value(membership, GOVKG.title))
        evidence = next(graph.subjects(RDF.subject, membership))
        found[title] = (graph.value(membership, GOVKG.reportedOn), graph.value(evidence, GOVKG.dateTakenFrom))
    return found


def test_a_post_stated_at_a_dated_meeting_is_reported_on_its_day(extract_text: Callable[..., Extraction]) -> None:
    extraction = extract_text(UNDATED)
    assert extraction.article.published is None
    dates = _membership_dates(extraction)
    reported, taken_from = dates["Phó Chủ tịch"]
    assert reported == Literal("2022-10-12", datatype=ns.XSD.date)
    assert taken_from is not None and (taken_from, RDF.type, GOVKG.Meeting) in article_graph(extraction)
    # A post stated elsewhere in the article is no post of the meeting's: it stays undated.
    assert dates["Giám đốc"] == (None, None)


def test_a_dated_article_reports_its_posts_on_its_own_date(extract_text: Callable[..., Extraction]) -> None:
    extraction = extract_text(UNDATED.replace("\n\n", "\n\n14/10/2022 08:30\n\n", 1))
    assert extraction.article.published == date(2022, 10, 14)
    reported, taken_from = _membership_dates(extraction)["Giám đốc"]
    assert reported == Literal("2022-10-14", datatype=ns.XSD.date)
    assert (taken_from, RDF.type, SCHEMA.NewsArticle) in article_graph(extraction)


def test_a_figure_of_an_undated_article_takes_the_dated_meetings_day(extract_text: Callable[..., Extraction]) -> None:
    extraction = extract_text(UNDATED)
    (observation,) = [o for o in extraction.observations if o.unit == "%"]
    assert observation.ref_date == date(2022, 10, 12)
    graph = article_graph(extraction)
    assert Literal("2022-10-12", datatype=ns.XSD.date) in set(graph.objects(None, GOVKG.refDate))


def test_a_figure_with_no_meeting_takes_the_year_of_its_sentence(extract_text: Callable[..., Extraction]) -> None:
    extraction = extract_text("Chuyển đổi số của tỉnh Bình Phước\n\nNăm 2021, tỷ lệ hồ sơ trực tuyến đạt 38,2%.\n")
    (observation,) = extraction.observations
    assert observation.ref_date is None and observation.ref_year == 2021
    assert Literal("2021", datatype=ns.XSD.gYear) in set(article_graph(extraction).objects(None, GOVKG.refYear))


@pytest.mark.skipif(not SEEDS.exists(), reason="../shared is not here")
def test_seed_003_deputy_chair_of_dak_lak_is_reported_on_the_meetings_day() -> None:
    extraction = extract(read_article(SEEDS / "003_576287467814676e.txt"))
    assert extraction.article.published is None
    reported, taken_from = _membership_dates(extraction)["Phó Chủ tịch"]
    assert reported == Literal("2011-07-07", datatype=ns.XSD.date)
    assert taken_from is not None
    posts = [(p.title, p.organization) for person in extraction.persons for p in person.posts]
    assert ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Đắk Lắk") in posts
