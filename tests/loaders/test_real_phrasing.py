"""Phrasings of the genre met in real articles (issue 11, round 2), each on sentences written for it.

The people, places and documents are invented; only the way of writing is the genre's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

RecordOf = Callable[[str], dict[str, Any]]
PostsOf = Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]

HEADER = "Tin hoạt động\n\n"


def test_unnamed_district_bodies_hold_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Sáng 3/4/2023, đồng chí Trần Văn An, Bí thư Huyện uỷ chủ trì hội nghị Ban Chấp hành Đảng bộ huyện. "
        "Dự có ông Lê Văn Bình, Chủ tịch UBND huyện; bà Phạm Thị Cúc, Phó Chủ tịch HĐND thành phố."
    )
    posts = posts_of(record)
    assert posts["Trần Văn An"] == {("Bí thư", "Huyện ủy")}
    assert posts["Lê Văn Bình"] == {("Chủ tịch", "Ủy ban nhân dân huyện")}
    assert posts["Phạm Thị Cúc"] == {("Phó Chủ tịch", "Hội đồng nhân dân thành phố")}
    assert "Ban Chấp hành Đảng bộ huyện" in record["organizations"]


def test_unit_words_listed_together_name_a_level(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ông Đỗ Văn Hưng, Chủ tịch UBND xã phát biểu. Lãnh đạo UBND huyện, thành phố và UBND xã/phường dự."
    )
    assert record["organizations"] == ["Ủy ban nhân dân xã"]


def test_an_unnamed_unit_nobody_holds_a_post_in_is_generic(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Sở Tài nguyên và Môi trường tỉnh Phú Thọ cho biết diện tích UBND xã quản lý là 40 ha.")
    assert record["organizations"] == ["Sở Tài nguyên và Môi trường tỉnh Phú Thọ"]


def test_merged_propaganda_committees_and_titles_sharing_a_national_bodys_head(
    record_of: RecordOf, posts_of: PostsOf
) -> None:
    record = record_of(
        HEADER + "Trưởng ban Tuyên giáo và Dân vận Trung ương Trần Văn Bình dự hội nghị. Đồng chí Lê Văn Cẩn, Phó "
        "Trưởng Ban Thường trực Ban Tuyên giáo và Dân vận Tỉnh ủy; đồng chí Đỗ Thị Hà, Phó trưởng Ban Tổ chức Trung "
        "ương phát biểu."
    )
    posts = posts_of(record)
    assert posts["Trần Văn Bình"] == {("Trưởng ban", "Ban Tuyên giáo và Dân vận Trung ương")}
    assert posts["Lê Văn Cẩn"] == {("Phó Trưởng ban Thường trực", "Ban Tuyên giáo và Dân vận Tỉnh ủy")}
    assert posts["Đỗ Thị Hà"] == {("Phó Trưởng ban", "Ban Tổ chức Trung ương")}


def test_council_committees_written_apart_from_their_council(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ông Ngô Văn Em - Trưởng ban Kinh tế - Ngân sách, HĐND tỉnh Phú Yên trả lời. Ban Văn hóa Xã hội – "
        "HĐND tỉnh họp. Đồng chí Phạm Văn Dũng, Chủ nhiệm UBKT Tỉnh ủy dự."
    )
    assert posts_of(record)["Ngô Văn Em"] == {("Trưởng ban", "Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh Phú Yên")}
    assert posts_of(record)["Phạm Văn Dũng"] == {("Chủ nhiệm", "Ủy ban Kiểm tra Tỉnh ủy Phú Yên")}
    assert "Ban Văn hóa - Xã hội Hội đồng nhân dân tỉnh Phú Yên" in record["organizations"]


def test_the_central_front_committee_abbreviated(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Hội nghị Đoàn Chủ tịch UBTƯ MTTQ Việt Nam lần thứ 9 diễn ra. Ông Lý Văn Sơn, Chủ tịch UBTƯ MTTQ Việt "
        "Nam chủ trì."
    )
    assert posts_of(record)["Lý Văn Sơn"] == {("Chủ tịch", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")}
    assert "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam" in record["organizations"]


def chairs_of(record: dict[str, Any]) -> list[str]:
    return [chair for meeting in record["meetings"] for chair in meeting["chairs"]]


def test_chairs_listed_with_semicolons_before_the_verb(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng 12/3/2024, Đoàn ĐBQH tỉnh tổ chức hội nghị tiếp xúc cử tri. Đồng chí Lê Văn Hải, Phó trưởng "
        "đoàn chuyên trách Đoàn ĐBQH tỉnh; đồng chí Trần Thị Mai, Phó Chủ tịch UBND tỉnh chủ trì hội nghị."
    )
    assert chairs_of(record) == ["Lê Văn Hải", "Trần Thị Mai"]


def test_chairs_joined_by_va_after_the_verb(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng 25/9/2023, HĐND tỉnh khai mạc kỳ họp thứ 15 dưới sự chủ trì của ông Võ Văn Tâm, Bí thư Tỉnh "
        "ủy, Chủ tịch HĐND tỉnh và bà Đào Thị Thy - Phó Chủ tịch Thường trực HĐND tỉnh. Dự kỳ họp có ông Hà Văn Lực."
    )
    assert chairs_of(record) == ["Võ Văn Tâm", "Đào Thị Thy"]


def test_chairs_listed_after_the_verb_up_to_a_plural_title(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ngày 28/9/2023, Hội nghị Ban Thường vụ diễn ra. Chủ trì Hội nghị có ông Lý Văn Sơn, Chủ tịch UBND "
        "tỉnh; bà Mai Thị Hà, Phó Chủ tịch - Tổng Thư ký Hội Nông dân tỉnh; các Phó Chủ tịch UBND tỉnh: Đinh Văn "
        "Long, Tạ Văn Hùng. Dự có ông Phan Văn Tú."
    )
    assert chairs_of(record) == ["Lý Văn Sơn", "Mai Thị Hà", "Đinh Văn Long", "Tạ Văn Hùng"]


def test_deputies_buildings_levels_and_the_presidents_name_are_no_bodies(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng 4/7/2024, tại Hội trường UBND tỉnh Phú Thọ, các vị đại biểu Quốc hội, đại biểu HĐND tỉnh dự "
        "kỳ họp. Kỳ họp học tập tư tưởng Hồ Chí Minh. Thường trực Ủy ban MTTQ tỉnh và HĐND, UBND các huyện dự. Các "
        "quyết định chỉ định cấp ủy, HĐND, UBND tỉnh, thành phố, xã, phường được công bố."
    )
    assert record["organizations"] == ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Phú Thọ"]


def test_posts_of_one_person_set_off_by_semicolons(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự có ông Lương Văn Thành, Ủy viên Bộ Chính trị; Giám đốc Học viện Chính trị quốc gia Hồ Chí Minh; "
        "bà Trịnh Thị Hằng, Ủy viên Ban Thường vụ Tỉnh ủy; Phó Chủ tịch Thường trực HĐND tỉnh; Chủ tịch UBND tỉnh "
        "Phạm Văn Bảo."
    )
    posts = posts_of(record)
    assert posts["Lương Văn Thành"] == {
        ("Ủy viên Bộ Chính trị", "Đảng Cộng sản Việt Nam"),
        ("Giám đốc", "Học viện Chính trị quốc gia Hồ Chí Minh"),
    }
    assert posts["Trịnh Thị Hằng"] == {
        ("Ủy viên Ban Thường vụ", "Tỉnh ủy"),
        ("Phó Chủ tịch Thường trực", "Hội đồng nhân dân tỉnh"),
    }
    assert posts["Phạm Văn Bảo"] == {("Chủ tịch", "Ủy ban nhân dân tỉnh")}


def test_approval_news_gives_the_post_to_the_people_after_doi_voi(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Thủ tướng phê chuẩn kết quả bầu bổ sung chức vụ Phó Chủ tịch UBND tỉnh Gia Lai, nhiệm kỳ 2021 - "
        "2026 đối với ông Đinh Văn Tâm, Tỉnh ủy viên, Giám đốc Sở Xây dựng và ông Lò Văn Hữu, Giám đốc Sở Tài chính. "
        "Thủ tướng cũng phê chuẩn kết quả bầu Phó Chủ tịch UBND tỉnh Sơn La đối với: bà Hà Thị Xuyến, Ủy viên Ban "
        "Thường vụ Tỉnh ủy Sơn La; ông Mai Văn Khánh, ông Cầm Văn Thủy, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh Sơn La "
        "nhiệm kỳ 2016 - 2021. Đồng thời phê chuẩn miễn nhiệm chức vụ Phó Chủ tịch UBND tỉnh Sơn La đối với ông Lường "
        "Văn Hải."
    )
    posts = posts_of(record)
    assert ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Gia Lai") in posts["Đinh Văn Tâm"]
    assert ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Gia Lai") in posts["Lò Văn Hữu"]
    for name in ("Mai Văn Khánh", "Cầm Văn Thủy"):
        assert posts[name] == {("Tỉnh ủy viên", "Tỉnh ủy Sơn La"), ("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Sơn La")}
    assert posts["Lường Văn Hải"] == set()


def test_counted_and_designated_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Thủ tướng phê chuẩn bổ sung 2 Ủy viên UBND tỉnh Bình Định là ông Lê Văn Mẫn, Giám đốc Sở Nội vụ "
        "tỉnh và ông Hoàng Văn An, Giám đốc Công an tỉnh; miễn nhiệm 2 Ủy viên UBND tỉnh Bình Định là ông Chế Văn "
        "Trường và ông Bùi Văn Lực. Chủ tịch HĐND tỉnh Bình Định được chỉ định là ông Nguyễn Văn Sính. Trước đó, ông "
        "Nguyễn Văn Sính là Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Bình Định. Ông Trần Văn Kiên, ủy viên Ban chấp hành "
        "Đảng bộ tỉnh dự."
    )
    posts = posts_of(record)
    assert posts["Lê Văn Mẫn"] == {
        ("Ủy viên", "Ủy ban nhân dân tỉnh Bình Định"),
        ("Giám đốc", "Sở Nội vụ tỉnh Bình Định"),
    }
    assert ("Ủy viên", "Ủy ban nhân dân tỉnh Bình Định") in posts["Hoàng Văn An"]
    assert posts["Chế Văn Trường"] == set() and posts["Bùi Văn Lực"] == set()
    assert posts["Nguyễn Văn Sính"] == {("Chủ tịch", "Hội đồng nhân dân tỉnh Bình Định")}
    assert posts["Trần Văn Kiên"] == {("Tỉnh ủy viên", "Tỉnh ủy Bình Định")}


def days_of(record: dict[str, Any]) -> list[str | None]:
    return [meeting["date"] for meeting in record["meetings"]]


def test_a_session_reported_by_its_chair_alone(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Tiếp tục chương trình làm việc, chiều 9-12-2015, dưới sự chủ trì của đồng chí Hoàng Văn Mạc - Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh, HĐND tỉnh tiến hành chất vấn và trả lời chất vấn."
    )
    assert days_of(record) == ["2015-12-09"]
    assert chairs_of(record) == ["Hoàng Văn Mạc"]


def test_a_meeting_named_after_one_to_come_in_the_same_sentence(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Chiều 26/4/2023, tiếp tục chương trình chuẩn bị cho Kỳ họp thứ 5, Quốc hội khóa XV, Đoàn ĐBQH tỉnh "
        "đã tổ chức hội nghị tiếp xúc cử tri phường Thanh Châu."
    )
    assert days_of(record) == ["2023-04-26"]


def test_voter_meetings_and_closings_are_meetings(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng nay 18/12/2024, đồng chí Lê Văn Hải, Phó Chủ tịch UBND tỉnh đã có buổi tiếp xúc cử tri xã An "
        "Bình.\n\nSau 2 ngày làm việc, Kỳ họp thứ 17 HĐND tỉnh khóa XIX đã hoàn thành toàn bộ nội dung đề ra."
    )
    assert days_of(record) == ["2024-12-18"]


def test_meetings_recalled_or_prepared_make_none(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Trước đó, tại kỳ họp thứ 5, HĐND tỉnh Tuyên Quang đã bầu bổ sung Phó Chủ tịch UBND tỉnh. Tại kỳ "
        "họp, ông Nguyễn Văn Giang được bầu giữ chức Phó Chủ tịch UBND tỉnh. Nghị quyết được thông qua tại kỳ họp "
        "thứ 9 vừa qua. Công tác chuẩn bị kỳ họp chuyên đề được tiến hành đúng luật định."
    )
    assert record["meetings"] == []


def test_a_meeting_known_from_the_conclusion_it_ended_with(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sau khi nghe các sở báo cáo, ý kiến phát biểu của các đại biểu dự họp, PCT UBND tỉnh Vũ Văn Bắc đã "
        "có kết luận về cuộc họp như sau."
    )
    assert chairs_of(record) == ["Vũ Văn Bắc"]


def test_a_date_opening_the_sentence_or_written_as_a_fragment_before_it(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Sáng 15-3-2016, các đồng chí: Nguyễn Văn An, Bí thư Tỉnh ủy; Trần Văn Hiền, Phó Bí thư Tỉnh ủy đã "
        "làm việc với các ban xây dựng Đảng.\n\nNgày 19 tháng 7 năm 2019, tại thành phố Huế. Bộ Nội vụ tổ chức Hội "
        "nghị triển khai Nghị định số 47/2019/NĐ-CP."
    )
    assert days_of(record) == ["2016-03-15", "2019-07-19"]
    assert record["meetings"][1]["legal_basis"] == ["47/2019/NĐ-CP"]


def test_a_congress_over_two_days_is_dated_by_the_first(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Thứ Bảy, 17/10/2020\n\nTiếp tục chương trình, chiều 16 và sáng 17.10, Đại hội đại biểu Đảng bộ tỉnh "
        "lần thứ XVII tiến hành thảo luận văn kiện. Việc tổ chức đại hội các chi bộ cơ sở đã hoàn thành."
    )
    assert days_of(record) == ["2020-10-16"]


def test_the_document_a_sentence_before_the_meeting_says_it_carries_out(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Thực hiện ý kiến chỉ đạo của Thường trực Tỉnh ủy tại Thông báo kết luận số 2927-TB/TU ngày 4/2/2020. "
        "Sau khi nghe các sở báo cáo, Chủ tịch UBND tỉnh Vũ Văn Bắc đã có kết luận về cuộc họp như sau."
    )
    assert record["meetings"][0]["legal_basis"] == ["2927-TB/TU"]


def test_party_leaders_ranks_in_chains_and_posts_chained_after_an_appointment(
    record_of: RecordOf, posts_of: PostsOf
) -> None:
    record = record_of(
        HEADER + "Dự có Tổng Bí thư Lê Văn Tâm, Thường trực Ban Bí thư Trần Văn Tú. Ông Đặng Văn Sơn, Đại tá, Chỉ huy "
        "trưởng Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh phát biểu. Tỉnh ủy điều động ông Phạm Văn Thanh - Bí thư Huyện ủy Lý "
        "Sơn giữ chức danh phó bí thư Huyện ủy, chủ tịch UBND huyện Lý Sơn. Đồng chí Lường Văn Piếng, UV BTV huyện "
        "ủy Lý Sơn dự."
    )
    posts = posts_of(record)
    assert posts["Lê Văn Tâm"] == {("Tổng Bí thư", "Đảng Cộng sản Việt Nam")}
    assert posts["Trần Văn Tú"] == {("Thường trực Ban Bí thư", "Đảng Cộng sản Việt Nam")}
    assert posts["Đặng Văn Sơn"] == {("Chỉ huy trưởng", "Bộ Chỉ huy Quân sự tỉnh Hà Tĩnh")}
    assert posts["Phạm Văn Thanh"] == {
        ("Bí thư", "Huyện ủy Lý Sơn"),
        ("Phó Bí thư", "Huyện ủy Lý Sơn"),
        ("Chủ tịch", "Ủy ban nhân dân huyện Lý Sơn"),
    }
    assert posts["Lường Văn Piếng"] == {("Ủy viên Ban Thường vụ", "Huyện ủy Lý Sơn")}


def test_a_citys_religion_committee_and_an_old_culture_department(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "UBND thành phố Hải Phòng điều động các đồng chí Trần Văn Hợp, Trưởng Ban Tôn giáo và Trịnh Văn Mịch, "
        "Phó Giám đốc Sở Văn hoá-Thông tin làm Phó Giám đốc Sở Nội vụ."
    )
    posts = posts_of(record)
    assert posts["Trần Văn Hợp"] == {
        ("Trưởng ban", "Ban Tôn giáo thành phố Hải Phòng"),
        ("Phó Giám đốc", "Sở Nội vụ thành phố Hải Phòng"),
    }
    assert ("Phó Giám đốc", "Sở Văn hóa - Thông tin thành phố Hải Phòng") in posts["Trịnh Văn Mịch"]


def test_task_forces_named_by_a_task_or_an_office(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Phó Thủ tướng Trần Văn Hà, Tổ trưởng Tổ công tác số 2 của Thủ tướng Chính phủ chủ trì hội nghị với "
        "các thành viên Tổ công tác số 02. Ông Lê Văn An, Tổ trưởng Tổ công tác đặc biệt đôn đốc giải ngân vốn đầu tư "
        "công năm 2024 tỉnh Kiên Giang phát biểu. Đoàn do Thứ trưởng Đỗ Văn Tuyên - Phó Trưởng ban Chỉ đạo Quốc gia "
        "xây dựng nông thôn mới dẫn đầu."
    )
    posts = posts_of(record)
    assert ("Tổ trưởng", "Tổ công tác số 2 của Thủ tướng Chính phủ") in posts["Trần Văn Hà"]
    assert posts["Lê Văn An"] == {
        ("Tổ trưởng", "Tổ công tác đặc biệt đôn đốc giải ngân vốn đầu tư công năm 2024 tỉnh Kiên Giang")
    }
    assert posts["Đỗ Văn Tuyên"] == {("Phó Trưởng ban", "Ban Chỉ đạo Quốc gia xây dựng nông thôn mới")}
    assert "Tổ công tác số 02" not in record["organizations"]


def test_a_commune_party_committee_shares_the_next_posts_unit(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER
        + "Bà Hoàng Thị Nga giữ chức Bí thư Đảng ủy, Chủ tịch HĐND phường Bến Thành. Ông Lê Văn Hải, Bí thư Đảng "
        "ủy, Chủ tịch UBND xã Sông Lô dự."
    )
    posts = posts_of(record)
    assert posts["Hoàng Thị Nga"] == {
        ("Bí thư", "Đảng ủy phường Bến Thành"),
        ("Chủ tịch", "Hội đồng nhân dân phường Bến Thành"),
    }
    assert ("Bí thư", "Đảng ủy xã Sông Lô") in posts["Lê Văn Hải"]


def test_deputies_named_without_a_title(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Cùng dự có các Đại biểu Quốc hội: Nguyễn Văn Trung, Khang Thị Sua, Triệu Thị Lụa. Tổ đại biểu gồm "
        "đại biểu Phan Văn Thắng và ông Lê Văn Tâm; Cầm Thị Loan, đại biểu quốc hội chuyên trách dự."
    )
    assert [p["name"] for p in record["persons"]] == [
        "Nguyễn Văn Trung",
        "Khang Thị Sua",
        "Triệu Thị Lụa",
        "Phan Văn Thắng",
        "Lê Văn Tâm",
        "Cầm Thị Loan",
    ]


def test_bodies_after_cac_nganh_and_numbered_units(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER
        + "Dự có đại diện các ngành: Tài chính, Xây dựng, Công an tỉnh Phú Thọ. Tại điểm cầu xã Tân Phước 1, ông "
        "Huỳnh Văn Bé - Chủ tịch UBND xã kiến nghị. Thành ủy TPHCM họp. Đại biểu Ban Đảng Trung ương dự."
    )
    assert set(record["organizations"]) == {
        "Sở Tài chính tỉnh Phú Thọ",
        "Sở Xây dựng tỉnh Phú Thọ",
        "Công an tỉnh Phú Thọ",
        "Ủy ban nhân dân xã Tân Phước 1",
        "Thành ủy thành phố Hồ Chí Minh",
    }
    assert posts_of(record) == {"Huỳnh Văn Bé": {("Chủ tịch", "Ủy ban nhân dân xã Tân Phước 1")}}


def test_posts_given_after_truoc_khi_are_earlier_ones(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER
        + "Bà Hoàng Thị Tố Quyên giữ chức Bí thư Đảng ủy phường Bến Thành. Trước khi sắp xếp, bà Nga là Phó Bí thư "
        "Thường trực Quận ủy quận 1."
    )
    assert posts_of(record) == {"Hoàng Thị Tố Quyên": {("Bí thư", "Đảng ủy phường Bến Thành")}}
    assert record["organizations"] == ["Đảng ủy phường Bến Thành"]


def test_acting_posts_misspelt_councils_and_congress_subcommittees(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Đồng chí Trịnh Văn Dũng, Bí thư Tỉnh ủy, Chủ tịch HDND tỉnh chủ trì. Đồng chí Cao Văn Huy, Quyền Chủ "
        "tịch UBND tỉnh dự. Tổng Bí thư Lê Văn Trọng, Trưởng Tiểu ban nhân sự Đại hội XIV của Đảng phát biểu."
    )
    posts = posts_of(record)
    assert ("Chủ tịch", "Hội đồng nhân dân tỉnh") in posts["Trịnh Văn Dũng"]
    assert posts["Cao Văn Huy"] == {("Quyền Chủ tịch", "Ủy ban nhân dân tỉnh")}
    assert ("Trưởng Tiểu ban", "Tiểu ban nhân sự Đại hội XIV của Đảng") in posts["Lê Văn Trọng"]


def test_a_departments_party_committee_and_bodies_of_no_actor(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ông Lê Văn Cẩn, Phó Bí thư Đảng ủy, Phó Giám đốc Sở Y tế tỉnh Thanh Hóa phát biểu. Dự có lãnh đạo "
        "các ban HĐND huyện. Sau khi nghe Ban Chỉ đạo cấp tỉnh báo cáo, Ban Biên tập Cổng TTĐT tỉnh đăng tải kết luận. "
        "Ban Quản lý Khu kinh tế Phú Quốc dự."
    )
    assert posts_of(record)["Lê Văn Cẩn"] == {
        ("Phó Bí thư", "Đảng ủy Sở Y tế tỉnh Thanh Hóa"),
        ("Phó Giám đốc", "Sở Y tế tỉnh Thanh Hóa"),
    }
    assert set(record["organizations"]) == {
        "Đảng ủy Sở Y tế tỉnh Thanh Hóa",
        "Sở Y tế tỉnh Thanh Hóa",
        "Ban Quản lý Khu kinh tế Phú Quốc",
    }


def test_special_zones_and_joint_stock_companies(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Ông Lê Văn An, Bí thư Đảng ủy đặc khu Phú Quốc, Chủ tịch UBND đặc khu Phú Quốc dự. Dự có đại diện "
        "Công ty Cổ phần Đầu tư Sông Hồng."
    )
    assert posts_of(record)["Lê Văn An"] == {
        ("Bí thư", "Đảng ủy đặc khu Phú Quốc"),
        ("Chủ tịch", "Ủy ban nhân dân đặc khu Phú Quốc"),
    }
    assert set(record["organizations"]) == {"Đảng ủy đặc khu Phú Quốc", "Ủy ban nhân dân đặc khu Phú Quốc"}
