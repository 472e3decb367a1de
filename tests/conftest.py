"""Fixtures shared by every layer's tests: paths, a store on disk, a valid extraction."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from loaders.article import Article
from loaders.record import Evidence, Extraction, LegalDocument, Meeting, Organization, Person, Post, Reference
from ontology.gazetteer import resolve_province

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED = REPO.parent / "shared"

requires_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared is not here")

# An invented article in the genre, used to build graphs by hand.
INVENTED_TEXT = (
    "Sáng 14/3, tại thành phố Lạng Sơn, UBND tỉnh Lạng Sơn tổ chức Hội nghị tổng kết thực hiện "
    "Nghị định số 64/2007/NĐ-CP. Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì hội nghị.\n"
    "Dự hội nghị có ông Nông Đức Mạnh, Giám đốc Sở Thông tin và Truyền thông tỉnh Lạng Sơn."
)


def _span(text: str, fragment: str, rule: str) -> Evidence:
    return Evidence.of_fragment(INVENTED_TEXT, fragment, rule)


@pytest.fixture
def invented_extraction() -> Extraction:
    """A valid extraction of INVENTED_TEXT, built by hand (independent of the extractors)."""
    lang_son = resolve_province("Lạng Sơn")
    article = Article(
        key="invented-001.txt",
        file="invented-001.txt",
        text=INVENTED_TEXT,
        published=date(2015, 3, 15),
        title="Hội nghị tổng kết",
    )
    chair = _span(INVENTED_TEXT, "Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì", "chair.title_name_chu_tri")
    director = _span(INVENTED_TEXT, "ông Nông Đức Mạnh, Giám đốc Sở", "post.name_comma_title")
    trigger = _span(INVENTED_TEXT, "tổ chức Hội nghị tổng kết", "meeting.trigger")
    decree = _span(INVENTED_TEXT, "Nghị định số 64/2007/NĐ-CP", "document.notation")
    ubnd = _span(INVENTED_TEXT, "UBND tỉnh Lạng Sơn", "organization.abbreviation")
    return Extraction(
        article=article,
        province=lang_son,
        persons=[
            Person("Hoàng Văn Thái", chair, [Post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn", chair)], lang_son),
            Person(
                "Nông Đức Mạnh",
                director,
                [Post("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", director)],
                lang_son,
            ),
        ],
        organizations=[
            Organization("Ủy ban nhân dân tỉnh Lạng Sơn", "PeoplesCommittee", ubnd, lang_son),
            Organization("Sở Thông tin và Truyền thông tỉnh Lạng Sơn", "Department", director, lang_son),
        ],
        legal_documents=[LegalDocument("Nghị định", "64/2007/NĐ-CP", decree, issuer="Chính phủ")],
        meetings=[
            Meeting(
                kind="Hội nghị tổng kết",
                kind_class="Review",
                evidence=trigger,
                date=date(2015, 3, 14),
                province=lang_son,
                chairs=[Reference("Hoàng Văn Thái", chair)],
                organizers=[Reference("Ủy ban nhân dân tỉnh Lạng Sơn", trigger)],
                attendees=[Reference("Nông Đức Mạnh", director)],
                legal_basis=[Reference("64/2007/NĐ-CP", decree)],
            )
        ],
    )


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    """An empty store on disk with the reference graph loaded."""
    opened = OxigraphStore(tmp_path / "store")
    ensure_reference(opened)
    return opened
