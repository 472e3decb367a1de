"""More phrasings of the genre met in real articles (issue 11, round 2, second pass), on invented sentences.

The people, places and documents are invented; only the way of writing is the genre's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

RecordOf = Callable[[str], dict[str, Any]]
PostsOf = Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]

HEADER = "Tin hoạt động\n\n"


@pytest.mark.parametrize(
    ("stamp", "published"),
    [
        ("2024-03-08 09:12:45.0", "2024-03-08"),
        ("Ngày đăng 14/03/2024 | 10:05  | View count: 312", "2024-03-14"),
    ],
)
def test_date_lines_of_portals(record_of: RecordOf, stamp: str, published: str) -> None:
    record = record_of(f"Hội nghị giao ban quý I\n{stamp}\nChiều 7/3, UBND huyện tổ chức hội nghị giao ban quý I.")
    assert record["published"] == published


def test_a_bracketed_stamp_opening_the_lead(record_of: RecordOf) -> None:
    record = record_of("Bế mạc kỳ họp thứ 7\n(22/07/2016)Chiều ngày 21/7, HĐND tỉnh bế mạc kỳ họp thứ 7.")
    assert record["published"] == "2016-07-22"


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("Sáng 4/7, Ban Chấp hành Đảng bộ huyện họp đánh giá quý II, triển khai nhiệm vụ quý III/2022.", "2022-07-04"),
        ("Sáng 2/12, Huyện ủy tổ chức hội nghị tổng kết năm 2021, triển khai nhiệm vụ năm 2022.", "2021-12-02"),
        ("Sáng 12/1, Huyện ủy tổ chức hội nghị tổng kết năm 2021, triển khai nhiệm vụ năm 2022.", "2022-01-12"),
    ],
)
def test_the_year_of_an_undated_meeting_from_the_years_its_sentence_writes(
    record_of: RecordOf, sentence: str, day: str
) -> None:
    assert [m["date"] for m in record_of(HEADER + sentence)["meetings"]] == [day]


def test_unions_of_associations_and_committees_of_the_assembly(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự có ông Trần Văn Khải, Phó Chủ tịch Liên hiệp các Hội Văn học nghệ thuật tỉnh Phú Yên; bà Lê Thị "
        "Mơ, Chủ tịch Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam. Chủ nhiệm Ủy ban Công tác đại biểu Nguyễn Văn "
        "Bảo trình bày tờ trình."
    )
    posts = posts_of(record)
    assert posts["Trần Văn Khải"] == {("Phó Chủ tịch", "Liên hiệp các Hội Văn học nghệ thuật tỉnh Phú Yên")}
    assert posts["Lê Thị Mơ"] == {("Chủ tịch", "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam")}
    assert posts["Nguyễn Văn Bảo"] == {("Chủ nhiệm", "Ủy ban Công tác đại biểu")}


def test_fields_written_with_an_ampersand_and_names_with_a_bracketed_abbreviation(
    record_of: RecordOf, posts_of: PostsOf
) -> None:
    record = record_of(
        HEADER + "Sáng 3/4/2023, Bộ trưởng Bộ Văn hóa, Thể thao & Du lịch Trần Văn Nam làm việc với tỉnh Phú Yên. "
        "Ban Chấp hành (BCH) Đảng bộ tỉnh đã ban hành nghị quyết. Hội đồng nhân dân (HĐND) tỉnh họp."
    )
    assert posts_of(record)["Trần Văn Nam"] == {("Bộ trưởng", "Bộ Văn hóa, Thể thao và Du lịch")}
    assert {"Ban Chấp hành Đảng bộ tỉnh Phú Yên", "Hội đồng nhân dân tỉnh Phú Yên"} <= set(record["organizations"])


def test_central_bodies_written_in_other_ways(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ngày 14/9/2023, Ban Thường trực Ủy ban Trung ương MTTQ Việt Nam tổ chức hội nghị quán triệt Nghị "
        "quyết số 18-NQ/TW ngày 25/10/2017 của Ban chấp hành Trung ương Đảng. Dự có lãnh đạo đoàn Đại biểu Quốc hội "
        "tỉnh Gia Lai."
    )
    assert set(record["organizations"]) >= {
        "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        "Ban Chấp hành Trung ương Đảng",
        "Đoàn đại biểu Quốc hội tỉnh Gia Lai",
    }


def test_departments_of_central_party_committees_and_of_the_government_office(
    record_of: RecordOf, posts_of: PostsOf
) -> None:
    record = record_of(
        HEADER + "Dự có các đồng chí: Lê Thị Hoa, Phó Vụ trưởng Vụ Địa phương II, Ban Tổ chức Trung ương; Trần Văn "
        "Bình, Vụ trưởng Vụ Tổng hợp, Văn phòng Chính phủ; lãnh đạo Vụ KHTC, Vụ Bảo hiểm y tế, Bộ Y tế."
    )
    posts = posts_of(record)
    assert posts["Lê Thị Hoa"] == {("Phó Vụ trưởng", "Vụ Địa phương II Ban Tổ chức Trung ương")}
    assert posts["Trần Văn Bình"] == {("Vụ trưởng", "Vụ Tổng hợp Văn phòng Chính phủ")}
    assert "Vụ Bảo hiểm y tế Bộ Y tế" in record["organizations"]


def test_a_standing_committee_member_heading_a_committee_body(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự có đồng chí Đào Văn Yến, Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Tỉnh ủy Phú Yên; đồng chí Lê "
        "Văn Tám, Ủy viên Ban Thường vụ, Chủ nhiệm Ủy ban Kiểm tra Tỉnh ủy Phú Yên."
    )
    posts = posts_of(record)
    assert posts["Đào Văn Yến"] == {
        ("Ủy viên Ban Thường vụ", "Tỉnh ủy Phú Yên"),
        ("Trưởng ban", "Ban Dân vận Tỉnh ủy Phú Yên"),
    }
    assert ("Ủy viên Ban Thường vụ", "Tỉnh ủy Phú Yên") in posts["Lê Văn Tám"]


def test_a_career_told_names_no_actors(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ông Lê Văn Tư, Bí thư Tỉnh ủy Phú Yên ký kết luận. Ông từng làm Trưởng Công an huyện Tuy An, phó "
        "giám đốc Công an tỉnh Gia Lai, Giám đốc Sở Tư pháp tỉnh Kon Tum."
    )
    assert record["organizations"] == ["Tỉnh ủy Phú Yên"]


def test_posts_named_as_positions_name_no_actors(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ngày 9/4/2021, Ban Thường vụ Huyện ủy tổ chức hội nghị nghe báo cáo công tác kiện toàn nhân sự Chủ "
        "tịch HĐND, Chủ tịch UBND, Phó Chủ tịch UBND huyện. Đồng chí Lê Văn Sáu – Chủ tịch HĐND huyện – Chủ tịch "
        "UBBC huyện báo cáo."
    )
    assert set(record["organizations"]) == {
        "Ban Thường vụ Huyện ủy",
        "Hội đồng nhân dân huyện",
        "Ủy ban bầu cử huyện",
    }


def test_an_outlet_reporting_and_bodies_of_many_or_of_an_office_kind(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Chiều nay (12/12/2022), Kỳ họp thứ 11 HĐND tỉnh Phú Yên tiếp tục làm việc. Báo Phú Yên tiếp tục "
        "tường thuật diễn biến Kỳ họp. Trong tháng 9, một số Hội đồng nhân dân tỉnh, thành đã tổ chức kỳ họp chuyên "
        "đề. Tỉnh thống nhất tăng thêm 1 phó chủ tịch UBND đối với các phường."
    )
    assert record["organizations"] == ["Hội đồng nhân dân tỉnh Phú Yên"]
    assert [m["date"] for m in record["meetings"]] == ["2022-12-12"]


def test_the_city_party_committees_standing_board_of_ho_chi_minh_city(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Phó Bí thư Thường trực Thành ủy TP.HCM Lê Văn Tư ký kết luận của Ban Thường vụ Thành ủy. Ban "
        "Thường vụ Thành ủy TP.HCM thống nhất chủ trương."
    )
    assert set(record["organizations"]) == {
        "Thành ủy thành phố Hồ Chí Minh",
        "Ban Thường vụ Thành ủy thành phố Hồ Chí Minh",
    }


def test_the_head_of_state_and_a_full_time_deputy_secretary(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Tổng Bí thư, Chủ tịch nước Trần Văn Tâm phát biểu chỉ đạo hội nghị. Đồng chí Đỗ Thị Huê, Phó Bí thư "
        "chuyên trách Đảng ủy UBND tỉnh dự."
    )
    posts = posts_of(record)
    assert posts["Trần Văn Tâm"] == {("Tổng Bí thư", "Đảng Cộng sản Việt Nam")}
    assert posts["Đỗ Thị Huê"] == {("Phó Bí thư chuyên trách", "Đảng ủy Ủy ban nhân dân tỉnh")}


def test_a_supervising_team_named_by_its_owner(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER
        + "Sáng ngày 16/03/2021, Đoàn giám sát của Ban Pháp chế HĐND tỉnh tiến hành giám sát tại Sở Tư pháp. Ông "
        "Lê Văn Dực - Trưởng Ban Pháp chế HĐND tỉnh làm Trưởng đoàn."
    )
    assert posts_of(record)["Lê Văn Dực"] == {
        ("Trưởng ban", "Ban Pháp chế Hội đồng nhân dân tỉnh"),
        ("Trưởng đoàn", "Đoàn giám sát của Ban Pháp chế Hội đồng nhân dân tỉnh"),
    }


def test_a_post_someone_is_relieved_of_is_former_throughout(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Tại kỳ họp, HĐND tỉnh Phú Yên đã miễn nhiệm chức Chủ tịch UBND tỉnh đối với ông Trần Văn Tám do được "
        "điều động công tác khác. Bộ Chính trị chuẩn y đồng chí Trần Văn Tám - Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh "
        "Phú Yên, giữ chức Bí thư Tỉnh ủy Phú Yên."
    )
    assert posts_of(record)["Trần Văn Tám"] == {("Phó Bí thư", "Tỉnh ủy Phú Yên"), ("Bí thư", "Tỉnh ủy Phú Yên")}


def test_two_numbered_conferences_the_same_day(record_of: RecordOf) -> None:
    record = record_of(
        HEADER
        + "Chiều 14/3/2024, Ban Thường vụ Huyện ủy tổ chức hội nghị lần thứ 51. Đồng chí Lê Văn Lực, Bí thư Huyện "
        "ủy chủ trì hội nghị. Tiếp đó, đồng chí Lê Văn Lực đã chủ trì hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 22. "
        "Những vấn đề này đã được chỉ ra tại Hội nghị lần thứ 21 hồi tháng 1."
    )
    meetings = record["meetings"]
    assert [m["date"] for m in meetings] == ["2024-03-14", "2024-03-14"]
    assert all(m["chairs"] == ["Lê Văn Lực"] for m in meetings)


def test_an_ongoing_session_and_a_meeting_whose_directions_are_carried_out(record_of: RecordOf) -> None:
    record = record_of(
        HEADER
        + "Sáng 20/10/2024, tiếp tục chương trình kỳ họp thứ 8, Quốc hội khóa XV, Chủ nhiệm Ủy ban Kinh tế Lê Văn "
        "Ba trình bày tờ trình. Thực hiện ý kiến chỉ đạo của Phó Thủ tướng Lê Văn Hai tại hội nghị phòng, chống hạn "
        "hán, UBND tỉnh Phú Yên đã có công văn yêu cầu các sở triển khai."
    )
    assert [m["date"] for m in record["meetings"]] == ["2024-10-20"]


def test_documents_listed_on_a_conferences_agenda(record_of: RecordOf) -> None:
    record = record_of(
        HEADER
        + "Sáng 8-6-2023, Ban Chấp hành Đảng bộ tỉnh khai mạc Hội nghị lần thứ mười để cho ý kiến về các nội dung "
        "sau: (1) Báo cáo tình hình quý I-2023; (2) Báo cáo sơ kết 1 năm thực hiện: Đề án số 11-ĐA/TU ngày 15-3-2022 "
        "của Tỉnh ủy về phát triển khoa học; Nghị quyết số 09-NQ/TU ngày 15-3-2022 của Tỉnh ủy về phát triển đô thị. "
        "Kỳ họp cũng xem xét tờ trình sửa đổi, bổ sung Nghị quyết số 27/2021/NQ-HĐND của HĐND tỉnh."
    )
    assert record["meetings"][0]["legal_basis"] == ["09-NQ/TU", "27/2021/NQ-HĐND"]


def test_dau_is_a_family_name(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(HEADER + "Đầu năm 2024, ông Đầu Văn Tùng, Phó Chủ tịch UBND tỉnh Nghệ An dự hội nghị.")
    assert posts_of(record) == {"Đầu Văn Tùng": {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Nghệ An")}}


def test_a_conference_numbered_in_words_and_in_digits_is_one(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng 6-5-2021, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị Tỉnh ủy lần thứ 9. Hôm nay, Ban Chấp hành Đảng "
        "bộ tỉnh khai mạc Hội nghị lần thứ chín, khoá XV. Hội nghị lần thứ mười ba đã được tổ chức ngày 3/7/2021 và "
        "Hội nghị lần thứ 13 đã bàn về đầu tư công."
    )
    assert [m["date"] for m in record["meetings"]] == ["2021-05-06", "2021-07-03"]


def test_names_printed_in_capitals(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER
        + "Chiều 5-9-2014, PHÓ THỦ TƯỚNG LÊ VĂN NAM cùng đoàn công tác Chính phủ làm việc với tỉnh Quảng Bình. Đoàn "
        "đến HÀ NỘI lúc 9 giờ.\n\nBí thư Thị ủy, Chủ tịch UBND thị xã Đức Thành TRẦN VĂN HIỀN\n\n"
        "HỘI NGHỊ TỈNH ỦY LÊ HỒNG"
    )
    assert posts_of(record) == {
        "Lê Văn Nam": {("Phó Thủ tướng", "Chính phủ")},
        "Trần Văn Hiền": {("Bí thư", "Thị ủy Đức Thành"), ("Chủ tịch", "Ủy ban nhân dân thị xã Đức Thành")},
    }


def test_a_named_units_party_organisation(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ngày 16/1/2025, Đảng bộ xã Tân Hòa tổ chức Đại hội lần thứ VII. Đảng bộ, chính quyền và Nhân dân xã "
        "Tân Hòa nỗ lực. Bộ Chính trị quyết định thành lập Đảng bộ tỉnh Lào Cai. Thực hiện Nghị quyết Đại hội XV Đảng "
        "bộ tỉnh Lào Cai, đảng viên trong Đảng bộ tỉnh học tập."
    )
    assert record["organizations"] == ["Đảng bộ xã Tân Hòa", "Bộ Chính trị", "Đảng bộ tỉnh Lào Cai"]
