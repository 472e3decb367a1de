"""Organizations: full names from abbreviations, the province filled in, generic and private ones left out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loaders.record import Extraction

RecordOf = Callable[[str], dict[str, Any]]
PostsOf = Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]
ExtractText = Callable[..., Extraction]


HEADER = "Tin hoạt động\n\n"


def test_abbreviations_are_written_out_with_the_province(record_of: RecordOf) -> None:
    record = record_of(HEADER + "UBND tỉnh Phú Yên và Sở TT&TT vừa làm việc với Văn phòng UBND tỉnh về Cổng TTĐT tỉnh.")
    assert set(record["organizations"]) == {
        "Ủy ban nhân dân tỉnh Phú Yên",
        "Sở Thông tin và Truyền thông tỉnh Phú Yên",
        "Văn phòng Ủy ban nhân dân tỉnh Phú Yên",
        "Cổng Thông tin điện tử tỉnh Phú Yên",
    }


def test_central_city_bodies_are_written_with_thanh_pho(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Sở TT&TT Đà Nẵng phối hợp với HĐND TP tổ chức tọa đàm.")
    assert set(record["organizations"]) == {
        "Sở Thông tin và Truyền thông thành phố Đà Nẵng",
        "Hội đồng nhân dân thành phố Đà Nẵng",
    }


def test_generic_plurals_offices_and_e_government_are_no_bodies(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Các sở, ban, ngành và UBND cấp huyện của tỉnh Bình Dương thực hiện Chỉ thị của Thủ tướng Chính phủ "
        "về Chính phủ điện tử; các Sở đã kết nối mạng."
    )
    assert record["organizations"] == []


def test_department_list_after_a_colon(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Thành viên gồm lãnh đạo các sở, ngành: Tài chính; Nội vụ; Y tế; Công an tỉnh; Văn phòng UBND tỉnh "
        "Tuyên Quang."
    )
    assert set(record["organizations"]) >= {
        "Sở Tài chính tỉnh Tuyên Quang",
        "Sở Nội vụ tỉnh Tuyên Quang",
        "Sở Y tế tỉnh Tuyên Quang",
        "Công an tỉnh Tuyên Quang",
        "Văn phòng Ủy ban nhân dân tỉnh Tuyên Quang",
    }


def test_steering_committee_name_runs_to_its_locality(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Ban Chỉ đạo cải cách hành chính (CCHC) tỉnh Hậu Giang họp phiên thứ nhất; Ban Chỉ đạo nhận định "
        "kết quả còn thấp."
    )
    assert record["organizations"] == ["Ban Chỉ đạo cải cách hành chính tỉnh Hậu Giang"]


def test_national_bodies_and_state_groups(record_of: RecordOf) -> None:
    record = record_of(
        HEADER + "Bộ Chính trị, Văn phòng Chính phủ và Tập đoàn Công nghiệp - Viễn thông Quân đội (Viettel) cùng "
        "VNPT Ninh Bình tham gia."
    )
    assert set(record["organizations"]) == {
        "Bộ Chính trị",
        "Văn phòng Chính phủ",
        "Tập đoàn Công nghiệp - Viễn thông Quân đội",
        "VNPT Ninh Bình",
    }


def test_named_commune_keeps_its_own_name(record_of: RecordOf) -> None:
    record = record_of(HEADER + "UBND xã Tân Phú (huyện Đồng Xuân) đạt giải nhất.")
    assert record["organizations"] == ["Ủy ban nhân dân xã Tân Phú"]


def test_kinds_are_govkg_class_names(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "HĐND tỉnh Bạc Liêu, Tỉnh ủy Bạc Liêu, Bộ Tài chính và Ban Chỉ đạo chuyển đổi số tỉnh cùng phối hợp."
    )
    kinds = {org.name: org.kind for org in extraction.organizations}
    assert kinds == {
        "Hội đồng nhân dân tỉnh Bạc Liêu": "PeoplesCouncil",
        "Tỉnh ủy Bạc Liêu": "PartyCommittee",
        "Bộ Tài chính": "Ministry",
        "Ban Chỉ đạo chuyển đổi số tỉnh Bạc Liêu": "SteeringCommittee",
    }


def test_the_authors_office_in_the_closing_lines_is_no_actor(record_of: RecordOf) -> None:
    record = record_of(
        "Hà Nam họp trực tuyến\n\nSáng 4/5, UBND tỉnh Hà Nam họp trực tuyến với các huyện.\n\nMinh Tâm\n\n"
        "Sở Nội vụ Hà Nam"
    )
    assert record["organizations"] == ["Ủy ban nhân dân tỉnh Hà Nam"]


def test_a_body_without_its_province_takes_the_one_named_before_it_in_the_sentence(record_of: RecordOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nĐoàn công tác tỉnh Hà Nam do ông Đinh Văn Phú, Chủ tịch UBND tỉnh dẫn đầu đã làm việc "
        "tại Quảng Ninh. Tiếp đoàn có ông Lý Minh Tuệ, Phó Chủ tịch UBND tỉnh Quảng Ninh."
    )
    posts = {p["name"]: p["posts"][0]["organization"] for p in record["persons"]}
    assert posts == {"Đinh Văn Phú": "Ủy ban nhân dân tỉnh Hà Nam", "Lý Minh Tuệ": "Ủy ban nhân dân tỉnh Quảng Ninh"}


def test_a_body_after_a_date_line_is_no_count_of_bodies(record_of: RecordOf) -> None:
    record = record_of("Thành lập Ban Chỉ đạo\n\nNgày đăng: 05/03/2020\n\nUBND tỉnh Gia Lai vừa ban hành quyết định.")
    assert "Ủy ban nhân dân tỉnh Gia Lai" in record["organizations"]


def test_the_outlet_tag_opening_the_lead_is_no_actor(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Họp Ban Chỉ đạo\n\n(Cổng TTĐT Hà Giang) - Sáng 3/3/2023, UBND tỉnh Hà Giang tổ chức họp Ban Chỉ đạo."
    )
    assert [o.name for o in extraction.organizations] == ["Ủy ban nhân dân tỉnh Hà Giang"]
    assert [o.value for o in extraction.meetings[0].organizers] == ["Ủy ban nhân dân tỉnh Hà Giang"]


def test_private_groups_are_no_organizations_but_posts_in_them_are_posts(record_of: RecordOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nUBND tỉnh Yên Bái phối hợp với Tập đoàn FPT tổ chức hội nghị. Chủ tịch Hội đồng quản trị "
        "Tập đoàn FPT Trịnh Gia Khánh trình bày tham luận."
    )
    assert record["organizations"] == ["Ủy ban nhân dân tỉnh Yên Bái"]
    assert record["persons"][0]["posts"] == [{"title": "Chủ tịch Hội đồng quản trị", "organization": "Tập đoàn FPT"}]


def test_a_persons_posts_share_the_province_one_of_them_names(record_of: RecordOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nĐoàn công tác tỉnh Hà Nam làm việc với tỉnh Quảng Ninh. Tiếp đoàn có đồng chí Hứa Văn "
        "Toàn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Ninh."
    )
    assert {(p["title"], p["organization"]) for p in record["persons"][0]["posts"]} == {
        ("Phó Bí thư", "Tỉnh ủy Quảng Ninh"),
        ("Chủ tịch", "Ủy ban nhân dân tỉnh Quảng Ninh"),
    }


def test_thanh_pho_alone_is_the_city_named_before_it(record_of: RecordOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nDự tại điểm cầu thành phố Lạng Sơn có đồng chí Mông Văn Tiệp, Bí thư Thành ủy, Chủ tịch "
        "HĐND thành phố."
    )
    assert ("Chủ tịch", "Hội đồng nhân dân thành phố Lạng Sơn") in {
        (p["title"], p["organization"]) for p in record["persons"][0]["posts"]
    }


def test_a_list_of_provinces_gives_one_body_each(record_of: RecordOf) -> None:
    record = record_of(
        "Hội nghị liên kết vùng\n\nChiều 4/3, Bộ Nội vụ họp trực tuyến với UBND 3 tỉnh Sơn La, Điện Biên và Lai "
        "Châu. Dự họp có lãnh đạo Sở Y tế các tỉnh Hòa Bình, Phú Thọ."
    )
    names = set(record["organizations"])
    assert {
        "Ủy ban nhân dân tỉnh Sơn La",
        "Ủy ban nhân dân tỉnh Điện Biên",
        "Ủy ban nhân dân tỉnh Lai Châu",
        "Sở Y tế tỉnh Hòa Bình",
        "Sở Y tế tỉnh Phú Thọ",
    } <= names


def test_abbreviated_offices_and_elected_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Kỳ họp HĐND tỉnh\n\nBà Lò Thị Hoa, Trưởng Ban Dân vận Tỉnh ủy Sơn La được bầu giữ chức Phó Chủ tịch HĐND "
        "tỉnh. Dự có Chánh VPUBND tỉnh Cầm Văn Chung, lãnh đạo Văn phòng Đoàn ĐBQH và HĐND tỉnh."
    )
    posts = posts_of(record)
    assert ("Phó Chủ tịch", "Hội đồng nhân dân tỉnh Sơn La") in posts["Lò Thị Hoa"]
    assert posts["Cầm Văn Chung"] == {("Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh Sơn La")}
    assert "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Sơn La" in record["organizations"]


def test_ministries_listed_after_cac_bo_and_executive_boards(record_of: RecordOf) -> None:
    record = record_of(
        "Làm việc với tỉnh\n\nDự tại điểm cầu Trung ương có đại diện các Bộ: Nội vụ, Tài chính, Tư pháp. Chủ tịch "
        "UBND tỉnh Kon Tum, Trưởng Ban Điều hành chuyển đổi số tỉnh Lê Ngọc Tuấn chủ trì."
    )
    names = set(record["organizations"])
    assert {"Bộ Nội vụ", "Bộ Tài chính", "Bộ Tư pháp", "Ban Điều hành chuyển đổi số tỉnh Kon Tum"} <= names


def test_a_bare_commune_word_means_the_one_commune_the_article_names(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Làm việc với xã sau sắp xếp\n\nChiều 14/8, Phó Chủ tịch UBND tỉnh Phú Thọ làm việc với xã Hiền Quan. "
        "Ông Đỗ Văn Lâm, Chủ tịch UBND xã báo cáo tình hình vận hành chính quyền địa phương hai cấp."
    )
    assert posts_of(record)["Đỗ Văn Lâm"] == {("Chủ tịch", "Ủy ban nhân dân xã Hiền Quan")}


def test_a_visits_paragraph_carries_the_province_it_works_in(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Bộ Y tế làm việc tại hai tỉnh\n\nNgày 5/4, đoàn công tác Bộ Y tế làm việc với UBND tỉnh Cao Bằng. Tiếp đoàn "
        "có ông Nông Văn Hải - Phó Chủ tịch UBND tỉnh.\n\nNgày 6/4, đoàn làm việc với UBND tỉnh Bắc Kạn. Tiếp đoàn "
        "có bà Hà Thị Liên - Phó Chủ tịch UBND tỉnh.\n\nĐoàn công tác đánh giá cao kết quả của tỉnh Cao Bằng."
    )
    posts = posts_of(record)
    assert posts["Nông Văn Hải"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Cao Bằng")}
    assert posts["Hà Thị Liên"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Bắc Kạn")}


def test_a_ministrys_department_named_alone_is_the_articles_ministrys(record_of: RecordOf) -> None:
    record = record_of(
        "Bộ Tư pháp làm việc với tỉnh\n\nĐoàn công tác của Bộ Tư pháp làm việc với UBND tỉnh Hà Nam. Tham gia đoàn "
        "có lãnh đạo Cục Y tế dự phòng, Vụ KHTC, Vụ Tổ chức cán bộ của Bộ. Vụ Pháp chế, Bộ Y tế cũng dự."
    )
    names = set(record["organizations"])
    assert {
        "Vụ Kế hoạch - Tài chính Bộ Tư pháp",
        "Vụ Tổ chức cán bộ Bộ Tư pháp",
        "Vụ Pháp chế Bộ Y tế",
        "Cục Y tế dự phòng",
    } <= names


def test_social_insurance_party_blocs_and_long_names_a_locality_closes(record_of: RecordOf) -> None:
    record = record_of(
        "Thành lập Ban Chỉ đạo\n\nUBND tỉnh thành lập Ban Chỉ đạo Chương trình mục tiêu quốc gia phát triển KT-XH "
        "vùng đồng bào DTTS và miền núi tỉnh Yên Bái. Dự họp có BHXH tỉnh Yên Bái, Đảng ủy Khối cơ quan và doanh "
        "nghiệp tỉnh Yên Bái, Văn phòng Đoàn ĐBQH&HĐND tỉnh Yên Bái."
    )
    names = set(record["organizations"])
    assert {
        "Ban Chỉ đạo Chương trình mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và "
        "miền núi tỉnh Yên Bái",
        "Bảo hiểm xã hội tỉnh Yên Bái",
        "Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái",
        "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Yên Bái",
    } <= names


def test_heads_listed_before_one_locality_share_it(record_of: RecordOf) -> None:
    record = record_of(
        "Kiểm tra xã sau sắp xếp\n\nChiều 14/8, Phó Chủ tịch UBND tỉnh Tuyên Quang làm việc với Đảng ủy, HĐND, "
        "UBND xã Minh Quang về vận hành chính quyền địa phương hai cấp."
    )
    names = set(record["organizations"])
    assert {"Đảng ủy xã Minh Quang", "Hội đồng nhân dân xã Minh Quang", "Ủy ban nhân dân xã Minh Quang"} <= names
    assert "Hội đồng nhân dân tỉnh Tuyên Quang" not in names


def test_a_free_name_ending_with_its_province_is_not_written_out_twice(record_of: RecordOf) -> None:
    record = record_of(
        "Thu hút đầu tư\n\nSáng 3/6, UBND tỉnh Thanh Hóa họp. Dự có lãnh đạo Ban Quản lý Khu kinh tế Nghi Sơn Thanh "
        "Hóa, Sở Tài chính."
    )
    assert "Ban Quản lý Khu kinh tế Nghi Sơn Thanh Hóa" in record["organizations"]


def test_venues_hospitals_and_bodies_owned_by_a_national_one(record_of: RecordOf) -> None:
    record = record_of(
        "Hội nghị tại tỉnh\n\nSáng 5/3, tại Trung tâm Hội nghị tỉnh Nam Định, Ban Chỉ đạo cải cách hành chính của "
        "Chính phủ họp. Dự có Giám đốc Bệnh viện Đa khoa tỉnh Nam Định."
    )
    names = set(record["organizations"])
    assert "Ban Chỉ đạo cải cách hành chính của Chính phủ" in names
    assert "Bệnh viện Đa khoa tỉnh Nam Định" in names
    assert not any(name.startswith("Trung tâm Hội nghị") for name in names)


def test_merged_provinces_and_a_bodys_bracketed_short_name(record_of: RecordOf) -> None:
    record = record_of(
        "date 2025-09-18\nKhánh Hòa sau hợp nhất\n\nSáng 17/9, UBND tỉnh Khánh Hòa họp. Dự có Viễn thông Khánh Hòa "
        "(VNPT Khánh Hòa). Sau khi hợp nhất tỉnh Khánh Hòa và tỉnh Ninh Thuận, các xã đã kết nối với Trung tâm "
        "dữ liệu tỉnh."
    )
    names = set(record["organizations"])
    assert "Trung tâm dữ liệu tỉnh Khánh Hòa" in names
    assert not any("VNPT" in name for name in names)


def test_the_provinces_ethnic_committee_and_the_councils(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Hội nghị dân tộc\n\nÔng Ma Văn Hùng, Trưởng Ban Dân tộc tỉnh Bắc Kạn dự; bà Triệu Thị Lan, Trưởng Ban Dân tộc "
        "HĐND tỉnh Bắc Kạn dự. Tham dự có Ban Chỉ đạo phát triển kinh tế-xã hội tỉnh Bắc Kạn và Ban Chỉ đạo phát "
        "triển kinh tế - xã hội tỉnh Bắc Kạn."
    )
    posts = posts_of(record)
    assert posts["Ma Văn Hùng"] == {("Trưởng ban", "Ban Dân tộc tỉnh Bắc Kạn")}
    assert posts["Triệu Thị Lan"] == {("Trưởng ban", "Ban Dân tộc Hội đồng nhân dân tỉnh Bắc Kạn")}
    assert sum(name.startswith("Ban Chỉ đạo phát triển") for name in record["organizations"]) == 1
