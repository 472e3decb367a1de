"""People and posts: titles before and after names, chains, lists, party posts, former posts."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from loaders.record import Extraction

RecordOf = Callable[[str], dict[str, Any]]
PostsOf = Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]
ExtractText = Callable[..., Extraction]


HEADER = "Tin hoạt động\n\n"


def test_title_before_name_with_province_from_the_body(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Sáng 3/4, UBND tỉnh Yên Bái tổ chức họp. Phó Chủ tịch UBND tỉnh Đoàn Minh Khôi chủ trì cuộc họp."
    )
    assert posts_of(record) == {"Đoàn Minh Khôi": {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Yên Bái")}}


def test_name_then_chain_of_posts_with_party_split(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự hội nghị có ông Tạ Quang Lộc - Tỉnh ủy viên, Giám đốc Sở Thông tin và Truyền thông tỉnh Sơn La."
    )
    assert posts_of(record)["Tạ Quang Lộc"] == {
        ("Tỉnh ủy viên", "Tỉnh ủy Sơn La"),
        ("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Sơn La"),
    }


def test_standing_committee_abbreviations_split_into_title_and_committee(
    record_of: RecordOf, posts_of: PostsOf
) -> None:
    record = record_of(
        HEADER + "Tham dự có đồng chí Lục Thị Hoa – UVTVTU – Phó Chủ tịch Thường trực HĐND tỉnh Cao Bằng."
    )
    assert posts_of(record)["Lục Thị Hoa"] == {
        ("Ủy viên Ban Thường vụ", "Tỉnh ủy Cao Bằng"),
        ("Phó Chủ tịch Thường trực", "Hội đồng nhân dân tỉnh Cao Bằng"),
    }


def test_central_committee_member_belongs_to_the_party(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Đồng chí Vi Văn Tường, Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy Lạng Sơn phát biểu."
    )
    assert posts_of(record)["Vi Văn Tường"] == {
        ("Ủy viên Ban Chấp hành Trung ương", "Đảng Cộng sản Việt Nam"),
        ("Bí thư", "Tỉnh ủy Lạng Sơn"),
    }
    assert "Đảng Cộng sản Việt Nam" in record["organizations"]


def test_list_of_people_each_keeps_its_own_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Về phía tỉnh Kon Tum có các đồng chí: Bí thư Tỉnh ủy Hồ Văn Kiên, Chủ tịch UBND tỉnh Lê Ngọc Sơn, "
        "Phó Chủ tịch UBND tỉnh Y Ngọc Hà."
    )
    assert posts_of(record) == {
        "Hồ Văn Kiên": {("Bí thư", "Tỉnh ủy Kon Tum")},
        "Lê Ngọc Sơn": {("Chủ tịch", "Ủy ban nhân dân tỉnh Kon Tum")},
        "Y Ngọc Hà": {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Kon Tum")},
    }


def test_posts_between_two_names_go_to_the_right_person(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Giám đốc Sở Y tế Đào Thu Hằng - Phó Trưởng ban Chỉ đạo, Chủ tịch UBND tỉnh Phú Thọ Mạc Đăng Khoa - "
        "Trưởng ban Chỉ đạo đồng chủ trì."
    )
    posts = posts_of(record)
    assert ("Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ") in posts["Mạc Đăng Khoa"]
    assert ("Chủ tịch", "Ủy ban nhân dân tỉnh Phú Thọ") not in posts["Đào Thu Hằng"]
    assert ("Giám đốc", "Sở Y tế tỉnh Phú Thọ") in posts["Đào Thu Hằng"]


def test_former_posts_are_dropped_but_the_person_is_kept(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        HEADER + "Dự lễ có các đồng chí: Quách Văn Định, nguyên Bộ trưởng Bộ Nội vụ; Ninh Thị Lan, Phó Chủ tịch UBND "
        "tỉnh Hòa Bình."
    )
    posts = posts_of(record)
    assert posts["Quách Văn Định"] == set()
    assert "Bộ Nội vụ" not in record["organizations"]
    assert posts["Ninh Thị Lan"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hòa Bình")}


def test_honorifics_and_ranks_are_not_part_of_names(record_of: RecordOf) -> None:
    record = record_of(HEADER + "Đại tá Lò Văn Cường, Giám đốc Công an tỉnh Điện Biên và bà Cầm Thị Yến phát biểu.")
    assert {p["name"] for p in record["persons"]} == {"Lò Văn Cường", "Cầm Thị Yến"}


def test_post_given_by_a_verb_and_by_the_committee_in_focus(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Thành lập Ban Chỉ đạo chuyển đổi số\n\nUBND tỉnh Bắc Kạn vừa thành lập Ban Chỉ đạo chuyển đổi số tỉnh. "
        "Ông Nông Quang Vinh, Phó Chủ tịch UBND tỉnh làm Trưởng ban; bà Hà Thị Mai, Giám đốc Sở TT&TT làm Phó ban."
    )
    posts = posts_of(record)
    assert ("Trưởng ban", "Ban Chỉ đạo chuyển đổi số tỉnh Bắc Kạn") in posts["Nông Quang Vinh"]
    assert ("Phó Trưởng ban", "Ban Chỉ đạo chuyển đổi số tỉnh Bắc Kạn") in posts["Hà Thị Mai"]
    assert ("Giám đốc", "Sở Thông tin và Truyền thông tỉnh Bắc Kạn") in posts["Hà Thị Mai"]


def test_unknown_province_writes_bodies_with_the_bare_word(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(HEADER + "Chiều 5/6, ông Kiều Văn Bình, Chủ tịch UBND tỉnh chủ trì cuộc họp.")
    assert record["province"] is None
    assert posts_of(record) == {"Kiều Văn Bình": {("Chủ tịch", "Ủy ban nhân dân tỉnh")}}


def test_a_repeated_short_mention_is_the_same_person(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Ngày 2/3/2021, UBND tỉnh Gia Lai họp. Ông Phùng Đức Khiêm, Phó Chủ tịch UBND tỉnh Gia Lai chủ trì. "
        "Phó Chủ tịch UBND tỉnh Phùng Đức Khiêm đề nghị các sở đẩy nhanh tiến độ; ông Khiêm cũng lưu ý công tác "
        "an toàn thông tin."
    )
    assert [p.name for p in extraction.persons] == ["Phùng Đức Khiêm"]


def test_bylines_and_capitalised_places_are_no_people(record_of: RecordOf) -> None:
    record = record_of(
        "Quảng Trị đẩy mạnh chuyển đổi số\n\nSở Thông tin và Truyền thông tỉnh Quảng Trị cho biết, đến nay Đông Hà "
        "đã hoàn thành kết nối mạng.\n\nHoài Nam"
    )
    assert record["persons"] == []


def test_names_are_two_to_six_capitalised_syllables(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Tham dự có ông Nguyễn Văn Anh Tuấn Minh Khang Hùng, Giám đốc Sở Tư pháp tỉnh Hà Nam; ông Khánh."
    )
    for person in extraction.persons:
        assert 2 <= len(person.name.split()) <= 6
        assert all(word[0].isupper() for word in person.name.split())


def test_abbreviated_central_committee_and_heads_inside_titles(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Tin hoạt động\n\nĐồng chí Đàm Thị Nga, UVT.Ư Đảng, Bí thư Tỉnh ủy, Trưởng đoàn Đại biểu Quốc hội tỉnh Nam "
        "Định chủ trì hội nghị; đồng chí Chu Văn Khải, Tỉnh ủy viên, Bí thư Đảng ủy Khối các cơ quan tỉnh dự."
    )
    posts = posts_of(record)
    assert posts["Đàm Thị Nga"] == {
        ("Ủy viên Ban Chấp hành Trung ương", "Đảng Cộng sản Việt Nam"),
        ("Bí thư", "Tỉnh ủy Nam Định"),
        ("Trưởng đoàn", "Đoàn đại biểu Quốc hội tỉnh Nam Định"),
    }
    assert ("Bí thư", "Đảng ủy Khối các cơ quan tỉnh Nam Định") in posts["Chu Văn Khải"]
    assert "Quốc hội" not in record["organizations"]


def test_names_with_a_syllable_printed_in_lower_case(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Kiện toàn Ban Chỉ đạo\n\nTheo quyết định, ông Lê văn Tám, Giám đốc Sở Nội vụ tỉnh Hậu Giang và ông "
        "Phan Minh tuấn - Giám đốc Sở Tài chính tỉnh Hậu Giang cùng tham gia; đồng chủ trì có bà Trịnh thị Hoa "
        "Mai. Ông Trần Văn Hải nói, các tỉnh Nguyễn và Trần không liên quan."
    )
    posts = posts_of(record)
    assert posts["Lê văn Tám"] == {("Giám đốc", "Sở Nội vụ tỉnh Hậu Giang")}
    assert posts["Phan Minh tuấn"] == {("Giám đốc", "Sở Tài chính tỉnh Hậu Giang")}
    assert "Trịnh thị Hoa Mai" in posts
    assert not any(name.endswith((" nói", " và")) for name in posts)


def test_a_plural_title_introducing_a_list_is_each_listed_persons(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Công bố nhân sự tỉnh\n\nCùng dự có các Phó Chủ tịch UBND tỉnh Hậu Giang: Lê Minh Hải, Trần Thị Mai; "
        "Chánh Văn phòng UBND tỉnh Ngô Văn Lâm. Các đồng chí Phó Bí thư Tỉnh ủy Hậu Giang gồm: Võ Văn Tâm, "
        "nguyên Chủ tịch UBND tỉnh; Đỗ Thị Hằng, được giới thiệu để bầu. Các Phó Chủ tịch HĐND tỉnh Hậu Giang gồm "
        "các ông, bà: Phan Quốc Việt, Lý Thị Sen."
    )
    posts = posts_of(record)
    committee, council, party = (
        "Ủy ban nhân dân tỉnh Hậu Giang",
        "Hội đồng nhân dân tỉnh Hậu Giang",
        "Tỉnh ủy Hậu Giang",
    )
    assert posts["Lê Minh Hải"] == posts["Trần Thị Mai"] == {("Phó Chủ tịch", committee)}
    assert posts["Ngô Văn Lâm"] == {("Chánh Văn phòng", f"Văn phòng {committee}")}
    assert posts["Võ Văn Tâm"] == posts["Đỗ Thị Hằng"] == {("Phó Bí thư", party)}
    assert posts["Phan Quốc Việt"] == posts["Lý Thị Sen"] == {("Phó Chủ tịch", council)}


def test_a_head_alone_before_a_name_and_the_articles_ministry(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Bộ Xây dựng làm việc với tỉnh\n\nChiều 3/5, Bộ trưởng Bộ Xây dựng làm việc với UBND tỉnh Hà Nam. Cùng đi có "
        "Thứ trưởng Bùi Hồng Minh. Theo báo cáo của Sở Xây dựng do Giám đốc Sở Trần Văn Dũng trình bày, tiến độ "
        "còn chậm."
    )
    posts = posts_of(record)
    assert posts["Bùi Hồng Minh"] == {("Thứ trưởng", "Bộ Xây dựng")}
    assert posts["Trần Văn Dũng"] == {("Giám đốc", "Sở Xây dựng tỉnh Hà Nam")}


def test_the_party_committee_of_the_commune_an_article_is_about(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Làm việc với xã Yên Lạc\n\nXã Yên Lạc được thành lập trên cơ sở sáp nhập xã Tân Lập, xã Tân Tiến. Sáng "
        "5/8, đoàn làm việc với xã Yên Lạc. Ông Lê Văn Nam - Bí thư Đảng ủy xã cho biết xã vận hành ổn định."
    )
    assert posts_of(record)["Lê Văn Nam"] == {("Bí thư", "Đảng ủy xã Yên Lạc")}


def test_appointment_news_new_former_and_proposed_posts(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Công bố quyết định về công tác cán bộ\n\nQuyết định số 310-QĐ/TU điều động đồng chí Hà Văn Quế, Ủy viên "
        "Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy Bắc Giang, đến nhận công tác, chỉ định tham gia Ban Chấp "
        "hành và giữ chức Bí thư Huyện ủy Lục Nam; Quyết định số 311-QĐ/TU cho đồng chí Ngô Thị Lan, Tỉnh ủy viên, "
        "thôi giữ chức Bí thư Huyện ủy Lục Nam. Tỉnh ủy giới thiệu đồng chí Đào Văn Tiến, Phó Bí thư Tỉnh ủy, để HĐND "
        "tỉnh bầu giữ chức Chủ tịch HĐND tỉnh."
    )
    posts = posts_of(record)
    assert ("Bí thư", "Huyện ủy Lục Nam") in posts["Hà Văn Quế"]
    assert ("Trưởng ban", "Ban Tổ chức Tỉnh ủy Bắc Giang") in posts["Hà Văn Quế"]
    assert ("Bí thư", "Huyện ủy Lục Nam") not in posts["Ngô Thị Lan"]
    assert posts["Đào Văn Tiến"] == {("Phó Bí thư", "Tỉnh ủy Bắc Giang")}


def test_a_dash_joins_a_post_to_the_name_after_it_and_captions_are_read(record_of: RecordOf, posts_of: PostsOf) -> None:
    record = record_of(
        "Hội nghị tổng kết\n\nGiám đốc Sở Nội vụ tỉnh Hòa Bình - Bùi Thị Hoa báo cáo. Dự có Trần Văn An - Giám đốc "
        "Sở Tài chính tỉnh Hòa Bình - Lê Thị Hồng - Phó Giám đốc Sở Y tế tỉnh Hòa Bình.\n\n"
        "Ảnh: Đồng chí Đinh Công Sứ, Phó Chủ tịch UBND tỉnh Hòa Bình phát biểu. (Ảnh: Nguyễn Hùng)"
    )
    posts = posts_of(record)
    assert posts["Bùi Thị Hoa"] == {("Giám đốc", "Sở Nội vụ tỉnh Hòa Bình")}
    assert posts["Trần Văn An"] == {("Giám đốc", "Sở Tài chính tỉnh Hòa Bình")}
    assert posts["Lê Thị Hồng"] == {("Phó Giám đốc", "Sở Y tế tỉnh Hòa Bình")}
    assert posts["Đinh Công Sứ"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hòa Bình")}
    assert "Nguyễn Hùng" not in posts
