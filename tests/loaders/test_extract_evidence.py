"""Evidence: every statement points at the exact text it was read from, with a rule and a confidence."""

from __future__ import annotations

from collections.abc import Callable

from loaders.record import Evidence, Extraction

ExtractText = Callable[..., Extraction]

ARTICLE = (
    "Hà Giang tổng kết 5 năm chuyển đổi số\n\n"
    "20/12/2023 16:40\n\n"
    "Sáng 19/12, tại thành phố Hà Giang, Ban Chỉ đạo chuyển đổi số tỉnh Hà Giang tổ chức hội nghị tổng kết 5 năm "
    "thực hiện Quyết định số 749/QĐ-TTg ngày 3/6/2020 của Thủ tướng Chính phủ. Ông Nguyễn Văn Sơn, Phó Chủ tịch "
    "UBND tỉnh, Trưởng Ban Chỉ đạo chủ trì hội nghị.\n\n"
    "Dự hội nghị có bà Vàng Thị Mai – Tỉnh ủy viên, Giám đốc Sở Nội vụ. Tỷ lệ hồ sơ trực tuyến đạt 62,5%; "
    "toàn tỉnh có 1.024 chứng thư số.\n\n"
    "Thanh Hà"
)


def _evidences(extraction: Extraction) -> list[tuple[str, Evidence]]:
    found: list[tuple[str, Evidence]] = []
    for person in extraction.persons:
        found.append((person.name, person.evidence))
        found += [(post.title, post.evidence) for post in person.posts]
    found += [(org.name, org.evidence) for org in extraction.organizations]
    found += [(doc.number, doc.evidence) for doc in extraction.legal_documents]
    for meeting in extraction.meetings:
        found.append((meeting.kind, meeting.evidence))
        for ref in [*meeting.chairs, *meeting.organizers, *meeting.attendees, *meeting.legal_basis]:
            found.append((ref.value, ref.evidence))
    found += [(o.indicator, o.evidence) for o in extraction.observations]
    return found


def test_every_statement_has_exact_offsets_a_rule_and_a_confidence(extract_text: ExtractText) -> None:
    extraction = extract_text(ARTICLE)
    evidences = _evidences(extraction)
    assert len(evidences) >= 15
    text = extraction.article.text
    for what, evidence in evidences:
        assert 0 <= evidence.start < evidence.end <= len(text), what
        assert text[evidence.start : evidence.end].strip() == text[evidence.start : evidence.end], what
        assert evidence.rule and "." in evidence.rule, what
        assert 0 < evidence.confidence <= 1, what


def test_offsets_point_at_what_was_read(extract_text: ExtractText) -> None:
    extraction = extract_text(ARTICLE)
    text = extraction.article.text
    person = next(p for p in extraction.persons if p.name == "Nguyễn Văn Sơn")
    assert text[person.evidence.start : person.evidence.end] == "Nguyễn Văn Sơn"
    [document] = extraction.legal_documents
    assert text[document.evidence.start : document.evidence.end].startswith("Quyết định số 749/QĐ-TTg")
    [meeting] = extraction.meetings
    assert text[meeting.evidence.start : meeting.evidence.end].lower() == "hội nghị tổng kết"
    [chair] = meeting.chairs
    assert "Nguyễn Văn Sơn" in text[chair.evidence.start : chair.evidence.end]
    posts = {post.title: text[post.evidence.start : post.evidence.end] for post in person.posts}
    assert posts["Phó Chủ tịch"] == "Phó Chủ tịch UBND tỉnh"
    assert posts["Trưởng ban"] == "Trưởng Ban Chỉ đạo"


def test_offsets_hold_for_text_written_with_the_old_tone_marks(extract_text: ExtractText) -> None:
    extraction = extract_text("Tin hoạt động\n\nÔng Lương Văn Thuỷ, Phó Chủ tịch UBND tỉnh Hoà Bình phát biểu.")
    person = extraction.persons[0]
    assert extraction.article.text[person.evidence.start : person.evidence.end] == person.name
