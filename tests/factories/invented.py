"""Hand-made articles of the genre the tests assert on, built without the extractors.

- ``invented_extraction`` — the Lạng Sơn review of Decree 64/2007/NĐ-CP (the ``invented_extraction`` fixture);
- ``invented_articles`` — the API tests' five articles from Lạng Sơn, An Giang, Kiên Giang (merged into the
  new An Giang in 2025) and Hà Giang: posts over time, co-chaired meetings, national and provincial
  documents, an undated meeting without chair and two indicator figures;
- ``co_chaired_2016`` — a 2016 Lạng Sơn meeting the two officials of ``invented_extraction`` chaired together.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from loaders.article import Article
from loaders.record import (
    Evidence,
    Extraction,
    LegalDocument,
    Meeting,
    Observation,
    Organization,
    Person,
    Post,
    Reference,
)
from ontology.gazetteer import province_by_code, resolve_province

#: Evidence for a fragment of an article's text (every article here is built by hand).
_span = Evidence.of_fragment

# An invented article in the genre, used to build graphs by hand.
INVENTED_TEXT = (
    "Sáng 14/3, tại thành phố Lạng Sơn, UBND tỉnh Lạng Sơn tổ chức Hội nghị tổng kết thực hiện "
    "Nghị định số 64/2007/NĐ-CP. Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì hội nghị.\n"
    "Dự hội nghị có ông Nông Đức Mạnh, Giám đốc Sở Thông tin và Truyền thông tỉnh Lạng Sơn."
)


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


LANG_SON_2015 = (
    "Sáng 14/3, tại thành phố Lạng Sơn, UBND tỉnh Lạng Sơn tổ chức Hội nghị tổng kết thực hiện "
    "Nghị định số 64/2007/NĐ-CP. Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì hội nghị.\n"
    "Dự hội nghị có ông Nông Đức Mạnh, Giám đốc Sở Thông tin và Truyền thông tỉnh Lạng Sơn."
)
LANG_SON_2016 = (
    "Ngày 9/5, Chủ tịch UBND tỉnh Hoàng Văn Thái và Giám đốc Sở Thông tin và Truyền thông Nông Đức Mạnh "
    "đồng chủ trì cuộc họp triển khai Quyết định số 1501/QĐ-UBND của UBND tỉnh Lạng Sơn và "
    "Nghị định số 64/2007/NĐ-CP.\nTỷ lệ cơ quan có mạng LAN đạt 92,3%."
)
AN_GIANG_2024 = (
    "Ngày 19/9, ông Trần Thanh Đức, Phó Chủ tịch UBND tỉnh An Giang, chủ trì hội nghị về "
    "Quyết định số 749/QĐ-TTg.\nTỷ lệ hồ sơ trực tuyến đạt 45%."
)
KIEN_GIANG_2024 = (
    "Ngày 2/10, bà Lê Thị Hòa, Phó Chủ tịch UBND tỉnh Kiên Giang, chủ trì buổi làm việc về "
    "Quyết định số 749/QĐ-TTg với Sở Nội vụ tỉnh Kiên Giang."
)
HA_GIANG_UNDATED = "Sở Tư pháp tỉnh Hà Giang tổ chức tập huấn về Luật số 80/2015/QH13."


def _article(key: str, text: str, published: date, title: str) -> Article:
    return Article(key=key, file=key, text=text, published=published, title=title)


def lang_son_2015() -> Extraction:
    """Hoàng Văn Thái, Phó Chủ tịch, chairs a review of Decree 64/2007/NĐ-CP; Nông Đức Mạnh attends."""
    text, unit = LANG_SON_2015, province_by_code("VN-09")
    chair = _span(text, "Phó Chủ tịch UBND tỉnh Hoàng Văn Thái chủ trì", "chair.title_name_chu_tri")
    director = _span(text, "ông Nông Đức Mạnh, Giám đốc Sở", "post.name_comma_title", 0.85)
    decree = _span(text, "Nghị định số 64/2007/NĐ-CP", "document.notation")
    return Extraction(
        article=_article("lang-son-2015.txt", text, date(2015, 3, 15), "Hội nghị tổng kết Nghị định 64"),
        province=unit,
        persons=[
            Person("Hoàng Văn Thái", chair, [Post("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn", chair)], unit),
            Person(
                "Nông Đức Mạnh",
                director,
                [Post("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", director)],
                unit,
            ),
        ],
        organizations=[
            Organization(
                "Ủy ban nhân dân tỉnh Lạng Sơn",
                "PeoplesCommittee",
                _span(text, "UBND tỉnh", "org"),
                unit,
            ),
            Organization("Sở Thông tin và Truyền thông tỉnh Lạng Sơn", "Department", director, unit),
        ],
        legal_documents=[LegalDocument("Nghị định", "64/2007/NĐ-CP", decree, issuer="Chính phủ")],
        meetings=[
            Meeting(
                kind="Hội nghị tổng kết",
                kind_class="Review",
                evidence=_span(text, "tổ chức Hội nghị tổng kết", "meeting.trigger"),
                date=date(2015, 3, 14),
                province=unit,
                chairs=[Reference("Hoàng Văn Thái", chair)],
                organizers=[Reference("Ủy ban nhân dân tỉnh Lạng Sơn", _span(text, "UBND tỉnh Lạng Sơn tổ", "org"))],
                attendees=[Reference("Nông Đức Mạnh", director)],
                legal_basis=[Reference("64/2007/NĐ-CP", decree)],
            )
        ],
    )


def lang_son_2016() -> Extraction:
    """Hoàng Văn Thái, now Chủ tịch, co-chairs with Nông Đức Mạnh; a provincial decision; one figure."""
    text, unit = LANG_SON_2016, province_by_code("VN-09")
    thai = _span(text, "Chủ tịch UBND tỉnh Hoàng Văn Thái", "post.title_org_name")
    manh = _span(text, "Giám đốc Sở Thông tin và Truyền thông Nông Đức Mạnh", "post.title_org_name")
    cochair = _span(text, "đồng chủ trì", "chair.dong_chu_tri", 0.8)
    decision = _span(text, "Quyết định số 1501/QĐ-UBND", "document.notation")
    decree = _span(text, "Nghị định số 64/2007/NĐ-CP", "document.notation")
    return Extraction(
        article=_article("lang-son-2016.txt", text, date(2016, 5, 10), "Cuộc họp triển khai Quyết định 1501"),
        province=unit,
        persons=[
            Person("Hoàng Văn Thái", thai, [Post("Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn", thai)], unit),
            Person("Nông Đức Mạnh", manh, [Post("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", manh)], unit),
        ],
        organizations=[
            Organization("Ủy ban nhân dân tỉnh Lạng Sơn", "PeoplesCommittee", thai, unit),
            Organization("Sở Thông tin và Truyền thông tỉnh Lạng Sơn", "Department", manh, unit),
        ],
        legal_documents=[
            LegalDocument(
                "Quyết định",
                "1501/QĐ-UBND",
                decision,
                date=date(2016, 4, 2),
                issuer="Ủy ban nhân dân tỉnh Lạng Sơn",
                province=unit,
            ),
            LegalDocument("Nghị định", "64/2007/NĐ-CP", decree, issuer="Chính phủ"),
        ],
        meetings=[
            Meeting(
                kind="cuộc họp",
                kind_class="CommitteeMeeting",
                evidence=_span(text, "cuộc họp triển khai", "meeting.trigger"),
                date=date(2016, 5, 9),
                province=unit,
                chairs=[Reference("Hoàng Văn Thái", cochair), Reference("Nông Đức Mạnh", cochair)],
                legal_basis=[Reference("1501/QĐ-UBND", decision), Reference("64/2007/NĐ-CP", decree)],
            )
        ],
        observations=[
            Observation(
                "tỷ lệ cơ quan có mạng LAN",
                Decimal("92.3"),
                "%",
                _span(text, "Tỷ lệ cơ quan có mạng LAN đạt 92,3%", "indicator.rate"),
            )
        ],
    )


def _giang(key: str, text: str, code: str, published: date, person: str, kind: tuple[str, str]) -> Extraction:
    unit = province_by_code(code)
    committee = f"Ủy ban nhân dân tỉnh {unit.name}"
    chair = _span(text, f"{person}, Phó Chủ tịch UBND tỉnh", "post.name_comma_title")
    decision = _span(text, "Quyết định số 749/QĐ-TTg", "document.notation")
    return Extraction(
        article=_article(key, text, published, f"{kind[0].capitalize()} tại {unit.name}"),
        province=unit,
        persons=[Person(person, chair, [Post("Phó Chủ tịch", committee, chair)], unit)],
        organizations=[Organization(committee, "PeoplesCommittee", chair, unit)],
        legal_documents=[LegalDocument("Quyết định", "749/QĐ-TTg", decision, issuer="Thủ tướng Chính phủ")],
        meetings=[
            Meeting(
                kind=kind[0],
                kind_class=kind[1],
                evidence=_span(text, "chủ trì", "meeting.trigger"),
                date=published.replace(day=published.day - 1),
                province=unit,
                chairs=[Reference(person, chair)],
                legal_basis=[Reference("749/QĐ-TTg", decision)],
            )
        ],
    )


def an_giang_2024() -> Extraction:
    """Trần Thanh Đức (An Giang, before the merger) chairs a conference under Decision 749/QĐ-TTg; one figure."""
    extraction = _giang(
        "an-giang-2024.txt", AN_GIANG_2024, "VN-44", date(2024, 9, 20), "Trần Thanh Đức", ("hội nghị", "Conference")
    )
    extraction.observations.append(
        Observation(
            "tỷ lệ hồ sơ trực tuyến",
            Decimal("45"),
            "%",
            _span(AN_GIANG_2024, "Tỷ lệ hồ sơ trực tuyến đạt 45%", "indicator.rate"),
            ref_date=date(2024, 9, 1),
        )
    )
    return extraction


def kien_giang_2024() -> Extraction:
    """Lê Thị Hòa (Kiên Giang, merged into An Giang in 2025) chairs a working session."""
    return _giang(
        "kien-giang-2024.txt",
        KIEN_GIANG_2024,
        "VN-47",
        date(2024, 10, 3),
        "Lê Thị Hòa",
        ("buổi làm việc", "WorkingSession"),
    )


def ha_giang_undated() -> Extraction:
    """An undated training in Hà Giang with no chair, on Law 80/2015/QH13."""
    text, unit = HA_GIANG_UNDATED, province_by_code("VN-03")
    law = _span(text, "Luật số 80/2015/QH13", "document.notation")
    return Extraction(
        article=_article("ha-giang-undated.txt", text, date(2020, 1, 6), "Tập huấn Luật 80"),
        province=unit,
        organizations=[Organization("Sở Tư pháp tỉnh Hà Giang", "Department", _span(text, "Sở Tư pháp", "org"), unit)],
        legal_documents=[LegalDocument("Luật", "80/2015/QH13", law, issuer="Quốc hội")],
        meetings=[
            Meeting(
                kind="tập huấn",
                kind_class="Training",
                evidence=_span(text, "tổ chức tập huấn", "meeting.trigger"),
                province=unit,
                organizers=[Reference("Sở Tư pháp tỉnh Hà Giang", law)],
                legal_basis=[Reference("80/2015/QH13", law)],
            )
        ],
    )


def invented_articles() -> list[Extraction]:
    """Every invented article, in a fixed order."""
    return [lang_son_2015(), lang_son_2016(), an_giang_2024(), kien_giang_2024(), ha_giang_undated()]


CO_CHAIRED = (
    "Ngày 9/5/2016, Chủ tịch UBND tỉnh Hoàng Văn Thái và Giám đốc Sở Nông Đức Mạnh "
    "đồng chủ trì cuộc họp về chuyển đổi số."
)


def co_chaired_2016() -> Extraction:
    """A 2016 Lạng Sơn meeting the two officials of the invented article chaired together."""
    text, unit = CO_CHAIRED, resolve_province("Lạng Sơn")

    def span(fragment: str) -> Evidence:
        return Evidence.of_fragment(text, fragment, "test.hand_made")

    thai, manh = span("Chủ tịch UBND tỉnh Hoàng Văn Thái"), span("Giám đốc Sở Nông Đức Mạnh")
    return Extraction(
        article=Article(key="co-chaired-2016.txt", file="co-chaired-2016.txt", text=text, published=date(2016, 5, 10)),
        province=unit,
        persons=[
            Person("Hoàng Văn Thái", thai, [Post("Chủ tịch", "Ủy ban nhân dân tỉnh Lạng Sơn", thai)], unit),
            Person("Nông Đức Mạnh", manh, [Post("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Lạng Sơn", manh)], unit),
        ],
        meetings=[
            Meeting(
                kind="cuộc họp",
                kind_class="CommitteeMeeting",
                evidence=span("đồng chủ trì cuộc họp"),
                date=date(2016, 5, 9),
                province=unit,
                chairs=[Reference("Hoàng Văn Thái", thai), Reference("Nông Đức Mạnh", manh)],
            )
        ],
    )
