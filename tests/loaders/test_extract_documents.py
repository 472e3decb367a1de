"""Legal documents: notations as written, Party notations, dates, issuers, bare numbers and the gazetteer."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from loaders.extraction.legal_documents import official_notation
from loaders.extraction.national_documents import lookup_short, national_documents
from loaders.record import Extraction
from ontology.identity import mint_legal_document_iri

RecordOf = Callable[[str], dict[str, Any]]
ExtractText = Callable[..., Extraction]

HEADER = "Tin hoạt động\n\n"


@pytest.mark.parametrize(
    ("written", "official"),
    [
        ("64/2007/NĐ- CP", "64/2007/NĐ-CP"),
        ("102/2009/NĐ –CP", "102/2009/NĐ-CP"),
        ("36 - NQ/TW", "36-NQ/TW"),
        ("36/NQ-TW", "36-NQ/TW"),
        ("09/NQ-TU", "09-NQ/TU"),
        ("1501/QĐ-UBND", "1501/QĐ-UBND"),
        ("15/CT-TTg", "15/CT-TTg"),
    ],
)
def test_official_notation(written: str, official: str) -> None:
    assert official_notation(written) == official


def test_types_notations_dates_and_issuers(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Thực hiện Quyết định số 214/QĐ-UBND ngày 7.3.2016 của UBND tỉnh Đồng Nai, Kế hoạch 88/KH-UBND ngày "
        "12 tháng 4 năm 2021 và Thông tư số 03/2022/TT-BTTTT ngày 04/5/2022 của Bộ TT&TT, Sở đã triển khai."
    )
    found = {(d.type, d.number): (d.date, d.issuer) for d in extraction.legal_documents}
    assert found == {
        ("Quyết định", "214/QĐ-UBND"): (date(2016, 3, 7), "Ủy ban nhân dân tỉnh Đồng Nai"),
        ("Kế hoạch", "88/KH-UBND"): (date(2021, 4, 12), None),
        ("Thông tư", "03/2022/TT-BTTTT"): (date(2022, 5, 4), "Bộ Thông tin và Truyền thông"),
    }


def test_repeated_citations_are_one_document(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Nghị định số 45/2020/NĐ- CP của Chính phủ đã đi vào cuộc sống; sau 3 năm thực hiện Nghị định "
        "45/2020/NĐ-CP, tỉnh Long An đã số hóa hồ sơ."
    )
    assert record["legal_documents"] == [
        {"type": "Nghị định", "number": "45/2020/NĐ-CP", "date": "2020-04-08", "issuer": "Chính phủ"}
    ]


def test_bare_numbers_need_an_issuer(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "UBND tỉnh vừa ban hành Quyết định 1873 thành lập Tổ công tác. Nghị quyết 05 về chuyển đổi số "
        "đã đạt nhiều kết quả."
    )
    assert record["legal_documents"] == [
        {"type": "Quyết định", "number": "1873", "date": None, "issuer": "Ủy ban nhân dân tỉnh"}
    ]


def test_bare_number_of_a_known_national_document_is_resolved(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Tỉnh đã ban hành kế hoạch thực hiện Nghị quyết số 52 của Bộ Chính trị.")
    assert record["legal_documents"] == [
        {"type": "Nghị quyết", "number": "52-NQ/TW", "date": "2019-09-27", "issuer": "Bộ Chính trị"}
    ]


def test_bare_number_of_another_issuer_is_not_resolved() -> None:
    assert lookup_short("Nghị quyết", "52", "Hội đồng nhân dân tỉnh Hà Nam") is None


def test_the_gazetteer_uses_the_iris_article_graphs_mint() -> None:
    documents = national_documents()
    assert len(documents) >= 30
    assert {d.number for d in documents} >= {"36-NQ/TW", "64/2007/NĐ-CP", "749/QĐ-TTg", "06/QĐ-TTg", "17/NQ-CP"}
    assert str(mint_legal_document_iri("749/QĐ-TTg")).startswith("https://w3id.org/govkg/id/doc/")


def test_documents_named_only_by_title_are_left_out(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Luật Giao dịch điện tử và Đề án 06 được phổ biến tới cán bộ tỉnh Vĩnh Phúc.")
    assert record["legal_documents"] == []


def test_a_date_on_the_next_line_is_not_the_documents(record_of: RecordOf) -> None:
    record = record_of("Sơ kết Nghị quyết 05-NQ/TU của Tỉnh ủy\nNgày 20-6-2023, hội nghị diễn ra tại tỉnh Đồng Tháp.")
    assert record["legal_documents"][0]["date"] is None
    assert record["meetings"][0]["date"] == "2023-06-20"


def test_a_resolution_of_the_central_committee(record_of: RecordOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nTổng kết thực hiện Nghị quyết số 18 ngày 25-10-2017 của Ban Chấp hành Trung ương Đảng khóa "
        "XII trên địa bàn tỉnh Hà Tĩnh."
    )
    assert record["legal_documents"] == [
        {"type": "Nghị quyết", "number": "18-NQ/TW", "date": "2017-10-25", "issuer": "Ban Chấp hành Trung ương Đảng"}
    ]


def test_notations_listed_after_one_type_word_are_each_a_document(record_of: RecordOf) -> None:
    record = record_of(
        "Tin công tác cán bộ\n\nTại hội nghị, Ban Tổ chức Trung ương công bố Quyết định số 2101-QĐNS/TW và "
        "2102-QĐNS/TW ngày 03/4/2023 của Bộ Chính trị."
    )
    documents = [(d["type"], d["number"], d["date"], d["issuer"]) for d in record["legal_documents"]]
    assert documents == [
        ("Quyết định", "2101-QĐNS/TW", "2023-04-03", "Bộ Chính trị"),
        ("Quyết định", "2102-QĐNS/TW", "2023-04-03", "Bộ Chính trị"),
    ]


def test_dispatches_conclusions_guidance_and_the_type_a_notation_code_gives(record_of: RecordOf) -> None:
    record = record_of(
        "Tin chỉ đạo điều hành\n\nThực hiện Công điện số 12/CĐ-TTg của Thủ tướng Chính phủ và Kết luận số "
        "21-KL/TW của Bộ Chính trị, Sở Y tế có văn bản 88/HD-SYT hướng dẫn các huyện. Kết luận hội nghị, ông "
        "Trần Văn Hải yêu cầu các đơn vị thực hiện nghiêm; Công văn số 415/STTTT-BCVT&CNTT của Sở cũng nêu rõ."
    )
    documents = [(d["type"], d["number"]) for d in record["legal_documents"]]
    assert documents == [
        ("Công điện", "12/CĐ-TTg"),
        ("Kết luận", "21-KL/TW"),
        ("Hướng dẫn", "88/HD-SYT"),
        ("Công văn", "415/STTTT-BCVT&CNTT"),
    ]
