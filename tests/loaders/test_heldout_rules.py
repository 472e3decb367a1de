"""Rules of the genre found by scoring the held-out set, each on an invented sentence of its own.

The held-out articles (``held_out/``) are scored as a whole in ``test_heldout_score.py``;
these tests pin each rule family down on a short example, so that a regression names
the rule it breaks.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from loaders.record import Extraction

ExtractText = Callable[..., Extraction]
RecordOf = Callable[[str], dict[str, Any]]
PostsOf = Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]

HEADER = "Tin hoạt động\n\n"


def test_a_deadline_dates_no_meeting(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Sáng 9/10/2023, UBND tỉnh Hòa Bình tổ chức hội nghị trực tuyến về cải cách hành chính. Kết luận "
        "hội nghị, Phó Chủ tịch UBND tỉnh Quách Thị Lan yêu cầu các sở hoàn thành số hóa hồ sơ trước ngày 30/11 "
        "và báo cáo kết quả chậm nhất ngày 5/12."
    )
    assert [m.date for m in extraction.meetings] == [date(2023, 10, 9)]
    assert [c.value for c in extraction.meetings[0].chairs] == ["Quách Thị Lan"]


def test_a_ministry_named_with_a_comma_in_its_field_holds_the_post(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 4/5/2022, Thứ trưởng Bộ Văn hóa, Thể thao và Du lịch Đinh Công Tráng làm việc với UBND tỉnh "
        "Ninh Bình về phát triển du lịch."
    )
    assert posts_of(record)["Đinh Công Tráng"] == {("Thứ trưởng", "Bộ Văn hóa, Thể thao và Du lịch")}


def test_a_law_cited_by_title_then_notation(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Tại buổi làm việc, Sở Tư pháp tỉnh Yên Bái báo cáo việc thi hành Luật Phòng, chống tham nhũng số "
        "36/2018/QH14 và Bộ luật Lao động số 45/2019/QH14; Luật Tiếp cận thông tin chưa được phổ biến rộng."
    )
    assert [(d["type"], d["number"]) for d in record["legal_documents"]] == [
        ("Luật", "36/2018/QH14"),
        ("Bộ luật", "45/2019/QH14"),
    ]


def test_family_names_of_the_north_and_names_of_the_central_highlands(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Dự hội nghị có ông Tống Văn Khải, Phó Chủ tịch UBND tỉnh Kon Tum; bà Rơ Mah H'Lan, Chủ tịch UBND "
        "xã Ia Tơi và ông Khuất Duy Tân, Giám đốc Sở Y tế."
    )
    assert [p["name"] for p in record["persons"]] == ["Tống Văn Khải", "Rơ Mah H'Lan", "Khuất Duy Tân"]


def test_an_issuer_only_the_gazetteer_knows_is_no_organization(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Học viên được giới thiệu những điểm mới của Luật An ninh mạng số 24/2018/QH14.")
    assert record["legal_documents"][0]["issuer"] == "Quốc hội"
    assert "Quốc hội" not in record["organizations"]


def test_committees_of_a_council_and_of_the_centre_are_bodies(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự hội nghị có bà Vi Thị Hồng, Trưởng Ban Pháp chế HĐND tỉnh Lạng Sơn; ông Mẫn Đức Toàn, Phó "
        "Trưởng Ban Dân vận Trung ương và ông Bế Văn Lực, Ủy viên Ủy ban Xã hội của Quốc hội."
    )
    posts = posts_of(record)
    assert posts["Vi Thị Hồng"] == {("Trưởng ban", "Ban Pháp chế Hội đồng nhân dân tỉnh Lạng Sơn")}
    assert posts["Mẫn Đức Toàn"] == {("Phó Trưởng ban", "Ban Dân vận Trung ương")}
    assert posts["Bế Văn Lực"] == {("Ủy viên", "Ủy ban Xã hội của Quốc hội")}


def test_a_unit_written_with_its_owner_after_a_comma(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Tại hội thảo, ông Lò Văn Sính, Vụ trưởng Vụ Pháp chế, Bộ Y tế và Trung tá Cù Đức Hạnh, Trưởng "
        "phòng Cảnh sát kinh tế, Công an tỉnh Sơn La trình bày tham luận. Đại diện Phòng Kinh tế cũng dự."
    )
    posts = posts_of(record)
    assert posts["Lò Văn Sính"] == {("Vụ trưởng", "Vụ Pháp chế Bộ Y tế")}
    assert posts["Cù Đức Hạnh"] == {("Trưởng phòng", "Phòng Cảnh sát kinh tế Công an tỉnh Sơn La")}
    assert {"Bộ Y tế", "Công an tỉnh Sơn La"} <= set(record["organizations"])
    assert not any(name.startswith("Phòng Kinh tế") for name in record["organizations"])


def test_a_steering_committee_named_from_a_verb_to_its_province(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Chiều 3/8/2023, Ban Chỉ đạo triển khai các dự án trọng điểm tỉnh Hưng Yên họp phiên thứ nhất. "
        "Ông Đào Quang Vinh, Phó Chủ tịch UBND tỉnh, Trưởng BCĐ chủ trì."
    )
    committee = "Ban Chỉ đạo triển khai các dự án trọng điểm tỉnh Hưng Yên"
    assert committee in record["organizations"]
    assert ("Trưởng ban", committee) in posts_of(record)["Đào Quang Vinh"]


def test_a_post_in_a_private_company_makes_no_organization(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Bà Ong Thị Hiền, Giám đốc Công ty TNHH Gốm sứ Minh Long phản ánh khó khăn về mặt bằng; ông Phí "
        "Văn Tường, nguyên Phó Giám đốc Sở Xây dựng, hiện là Phó Chủ tịch UBND huyện Gia Lộc."
    )
    posts = posts_of(record)
    assert posts["Ong Thị Hiền"] == {("Giám đốc", "Công ty TNHH Gốm sứ Minh Long")}
    assert posts["Phí Văn Tường"] == {("Phó Chủ tịch", "Ủy ban nhân dân huyện Gia Lộc")}
    assert "Công ty TNHH Gốm sứ Minh Long" not in record["organizations"]


def test_a_bare_district_word_means_the_one_district_the_article_names(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 6/5/2024, Ban Chỉ đạo chuyển đổi số huyện Bảo Lâm (Cao Bằng) họp phiên thường kỳ. Đồng chí "
        "Lý Văn Pủ, Bí thư Huyện ủy, Trưởng Ban Chỉ đạo chủ trì; ông Nông Đình Kiên, Huyện ủy viên, Chủ tịch UBND "
        "huyện dự họp. Lãnh đạo Phòng Văn hóa và Thông tin huyện, Văn phòng HĐND và UBND huyện báo cáo."
    )
    posts = posts_of(record)
    committee = "Ban Chỉ đạo chuyển đổi số huyện Bảo Lâm"
    assert posts["Lý Văn Pủ"] == {("Bí thư", "Huyện ủy Bảo Lâm"), ("Trưởng ban", committee)}
    assert posts["Nông Đình Kiên"] == {
        ("Huyện ủy viên", "Huyện ủy Bảo Lâm"),
        ("Chủ tịch", "Ủy ban nhân dân huyện Bảo Lâm"),
    }
    assert committee in record["organizations"]
    assert "Phòng Văn hóa và Thông tin huyện Bảo Lâm" in record["organizations"]
    assert "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Bảo Lâm" in record["organizations"]


def test_a_city_party_committee_in_a_province(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Sáng 2/11/2023, Thành ủy Pleiku tổ chức hội nghị sơ kết. Dự có ông Ksor Hmăng, Ủy viên Ban Thường "
        "vụ Tỉnh ủy, Bí thư Thành ủy Pleiku; ông Đinh Văn Hòa, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố."
    )
    posts = posts_of(record)
    assert posts["Ksor Hmăng"] == {("Ủy viên Ban Thường vụ", "Tỉnh ủy Gia Lai"), ("Bí thư", "Thành ủy Pleiku")}
    assert posts["Đinh Văn Hòa"] == {
        ("Phó Bí thư", "Thành ủy Pleiku"),
        ("Chủ tịch", "Ủy ban nhân dân thành phố Pleiku"),
    }


def test_a_post_given_by_a_verb_to_a_list_of_people(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "UBND tỉnh Bắc Giang thành lập Ban Chỉ đạo phát triển thương mại điện tử tỉnh. Theo quyết định, ông "
        "Thân Văn Lộc, Phó Chủ tịch UBND tỉnh làm Trưởng ban; bà Giáp Thị Mận, Giám đốc Sở Tài chính và ông Ngọ Duy "
        "Hiển, Giám đốc Sở Nội vụ làm Phó ban."
    )
    posts = posts_of(record)
    assert {title for title, _ in posts["Giáp Thị Mận"]} == {"Giám đốc", "Phó Trưởng ban"}
    assert {title for title, _ in posts["Ngọ Duy Hiển"]} == {"Giám đốc", "Phó Trưởng ban"}
    assert "Phó Trưởng ban" not in {title for title, _ in posts["Thân Văn Lộc"]}


def test_a_head_alone_after_a_title_is_the_body_the_article_names(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 9/9/2024, đoàn kiểm tra làm việc với Đảng ủy Sở Tài chính tỉnh Vĩnh Long. Ông Hà Quốc Tuấn, "
        "Bí thư Đảng ủy, Giám đốc Sở Tài chính báo cáo. Ông Lê Tấn Đạt, Cục trưởng Cục Thuế tỉnh cũng dự."
    )
    posts = posts_of(record)
    assert posts["Hà Quốc Tuấn"] == {
        ("Bí thư", "Đảng ủy Sở Tài chính tỉnh Vĩnh Long"),
        ("Giám đốc", "Sở Tài chính tỉnh Vĩnh Long"),
    }


def test_a_document_a_speaker_asks_others_to_implement_is_no_basis(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Sáng 12/3/2024, UBND tỉnh Thái Nguyên tổ chức hội nghị triển khai Kế hoạch số 41/KH-UBND ngày "
        "1/3/2024 của UBND tỉnh về cải cách hành chính. Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Dương Văn Lượng "
        "đề nghị các sở thực hiện nghiêm Chỉ thị số 05/CT-UBND của Chủ tịch UBND tỉnh."
    )
    [meeting] = extraction.meetings
    assert [b.value for b in meeting.legal_basis] == ["41/KH-UBND"]


def test_a_sentence_naming_the_purpose_of_the_meeting_gives_its_basis(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Ngày 4/6/2024, Sở Y tế tỉnh Hà Nam tổ chức lớp tập huấn cho 200 cán bộ y tế cơ sở. Ngày 6/6/2024, "
        "Sở tổ chức hội thảo về bệnh án điện tử. Giám đốc Sở Y tế Trần Thị Hoa cho biết, hội thảo nhằm cụ thể hóa "
        "Kế hoạch số 77/KH-UBND của UBND tỉnh. Tại lớp tập huấn, học viên được hướng dẫn theo Thông tư số "
        "46/2018/TT-BYT của Bộ Y tế."
    )
    basis = {m.date: [b.value for b in m.legal_basis] for m in extraction.meetings}
    assert basis == {date(2024, 6, 4): ["46/2018/TT-BYT"], date(2024, 6, 6): ["77/KH-UBND"]}


def test_a_law_title_never_takes_another_documents_notation(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ông Bạc Cầm Khiêm yêu cầu thực hiện nghiêm Luật Phòng, chống thiên tai và Chỉ thị số 11/CT-UBND "
        "ngày 3/5/2024 của Chủ tịch UBND tỉnh Điện Biên."
    )
    assert [(d["type"], d["number"]) for d in record["legal_documents"]] == [("Chỉ thị", "11/CT-UBND")]


def test_a_bare_number_is_the_document_the_article_cites_in_full(record_of: RecordOf) -> None:
    record = record_of(
        "Hà Nam sơ kết thực hiện Nghị quyết 26 của Bộ Chính trị\n\nNgày 4/11/2023, Tỉnh ủy Hà Nam sơ kết 1 năm "
        "thực hiện Nghị quyết số 26-NQ/TW ngày 3/11/2022 của Bộ Chính trị."
    )
    assert [(d["type"], d["number"]) for d in record["legal_documents"]] == [("Nghị quyết", "26-NQ/TW")]


def test_later_the_same_day_is_the_day_written_before(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Sáng 10/6/2024, UBND tỉnh Ninh Thuận tổ chức lễ công bố quyết định thành lập Trung tâm Dữ liệu "
        "tỉnh. Chiều cùng ngày, Sở Thông tin và Truyền thông tổ chức hội nghị tập huấn cho cán bộ các sở."
    )
    assert [m.date for m in extraction.meetings] == [date(2024, 6, 10)]


def test_a_command_board_and_a_working_group_hold_their_heads_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Chiều 2/6/2024, Ban Chỉ huy Phòng thủ dân sự tỉnh Yên Bái họp. Ông Vũ Thế Phiệt, Phó Chủ tịch "
        "UBND tỉnh, Trưởng Ban Chỉ huy chủ trì. UBND tỉnh cũng lập Tổ công tác liên ngành của UBND tỉnh về thu "
        "hút đầu tư; ông Đàm Quang Huy, Giám đốc Sở Công Thương làm Tổ trưởng."
    )
    posts = posts_of(record)
    assert ("Trưởng ban", "Ban Chỉ huy Phòng thủ dân sự tỉnh Yên Bái") in posts["Vũ Thế Phiệt"]
    assert ("Tổ trưởng", "Tổ công tác liên ngành của Ủy ban nhân dân tỉnh Yên Bái") in posts["Đàm Quang Huy"]


def test_a_university_named_with_the_university_it_belongs_to(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Hội thảo do Trường Đại học Kinh tế, Đại học Đà Nẵng tổ chức. PGS.TS Lưu Trọng Tuấn, Hiệu trưởng "
        "Trường Đại học Kinh tế phát biểu khai mạc."
    )
    assert posts_of(record)["Lưu Trọng Tuấn"] == {("Hiệu trưởng", "Trường Đại học Kinh tế Đại học Đà Nẵng")}
    assert "Đại học Đà Nẵng" in record["organizations"]


def test_a_city_province_written_as_a_province_and_the_city_below_it(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 5/10/2023, UBND TP Huế tổ chức tọa đàm về du lịch đêm. Dự có ông Lê Bá Thuận, Phó Chủ tịch "
        "UBND thành phố Huế và bà Tôn Nữ Hạnh, Phó Giám đốc Sở Du lịch tỉnh Thừa Thiên Huế."
    )
    assert record["province"] == "Thừa Thiên Huế"
    posts = posts_of(record)
    assert posts["Lê Bá Thuận"] == {("Phó Chủ tịch", "Ủy ban nhân dân thành phố Huế")}
    assert posts["Tôn Nữ Hạnh"] == {("Phó Giám đốc", "Sở Du lịch tỉnh Thừa Thiên Huế")}


def test_a_city_party_committee_names_its_city(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 8/9/2023, Ban Thường vụ Thành ủy Tam Kỳ sơ kết công tác. Bà Lê Thị Mai Hoa, Phó Bí thư "
        "Thường trực Thành ủy và ông Trịnh Huy Đăng, Chủ tịch UBND thành phố cùng dự. UBND tỉnh Quảng Nam chỉ đạo."
    )
    posts = posts_of(record)
    assert posts["Lê Thị Mai Hoa"] == {("Phó Bí thư Thường trực", "Thành ủy Tam Kỳ")}
    assert posts["Trịnh Huy Đăng"] == {("Chủ tịch", "Ủy ban nhân dân thành phố Tam Kỳ")}


def test_a_provinces_party_newspaper_is_a_body_and_newspapers_in_general_are_not(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Dự giao ban có lãnh đạo Báo Bắc Giang, Đài Phát thanh và Truyền hình tỉnh cùng phóng viên các báo, "
        "tạp chí thường trú."
    )
    assert "Báo Bắc Giang" in record["organizations"]
    assert not any(name.lower().startswith("báo ") and name != "Báo Bắc Giang" for name in record["organizations"])
