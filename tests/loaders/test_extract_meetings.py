"""Meetings: which took place, when, who chaired and organised them, and under which documents."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from loaders.record import Extraction

ExtractText = Callable[..., Extraction]

HEADER = "Tin hoạt động\n\n"


def test_dated_conference_with_organizers_chairs_and_basis(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Hội nghị tổng kết 10 năm thực hiện Nghị định 43\n\n15/10/2021 08:30\n\n"
        "Sáng 14/10, Bộ Thông tin và Truyền thông phối hợp với UBND tỉnh Hưng Yên tổ chức Hội nghị tổng kết 10 năm "
        "thực hiện Nghị định số 43/2011/NĐ-CP của Chính phủ. Thứ trưởng Bộ TT&TT Tôn Thất Bảo cùng Phó Chủ tịch "
        "UBND tỉnh Hưng Yên Đặng Ngọc Quỳnh chủ trì hội nghị."
    )
    [meeting] = extraction.meetings
    assert meeting.date == date(2021, 10, 14)
    assert meeting.kind_class == "Review"
    assert meeting.province is not None and meeting.province.name == "Hưng Yên"
    assert [c.value for c in meeting.chairs] == ["Tôn Thất Bảo", "Đặng Ngọc Quỳnh"]
    assert [o.value for o in meeting.organizers] == ["Bộ Thông tin và Truyền thông", "Ủy ban nhân dân tỉnh Hưng Yên"]
    assert [b.value for b in meeting.legal_basis] == ["43/2011/NĐ-CP"]


def test_chaired_by_do_and_co_chair_clauses(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Ngày 8/6/2022, tại tỉnh Cà Mau diễn ra tọa đàm về chính quyền số. Chủ trì tọa đàm, Phó Chủ tịch UBND "
        "tỉnh Lâm Văn Bi; đồng chủ trì, Giám đốc Sở Nội vụ Tô Minh Triết."
    )
    [meeting] = extraction.meetings
    assert meeting.kind_class == "Seminar"
    assert [c.value for c in meeting.chairs] == ["Lâm Văn Bi", "Tô Minh Triết"]


def test_conclusion_makes_a_chair_but_an_opening_speech_does_not(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Sáng 2/6/2020, Sở Y tế tỉnh Ninh Bình tổ chức hội thảo. Phát biểu khai mạc, ông Trịnh Văn Sang, "
        "Phó Chủ tịch UBND tỉnh nêu rõ yêu cầu. Kết luận hội thảo, ông Phí Hữu Nghĩa, Giám đốc Sở Y tế đề nghị các "
        "đơn vị tiếp thu ý kiến."
    )
    [meeting] = extraction.meetings
    assert [c.value for c in meeting.chairs] == ["Phí Hữu Nghĩa"]


def test_year_unknown_means_date_unknown(extract_text: ExtractText) -> None:
    extraction = extract_text(HEADER + "Chiều 11/4, UBND tỉnh Sóc Trăng tổ chức hội nghị trực tuyến với các huyện.")
    [meeting] = extraction.meetings
    assert meeting.date is None


def test_year_from_the_text_when_the_article_is_undated(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Sáng 12/1, Ban Chỉ đạo chuyển đổi số tỉnh Bình Định họp đánh giá kết quả năm 2022 và triển khai "
        "nhiệm vụ năm 2023."
    )
    assert extraction.meetings[0].date == date(2023, 1, 12)


def test_planned_meetings_ceremonies_and_past_ones_in_passing_are_no_meetings(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Thời gian tới, Ban Chỉ đạo sẽ họp hằng quý. Sáng 5/9/2023, UBND tỉnh Đắk Nông tổ chức lễ ký kết "
        "hợp tác với Viettel. Tháng 6-2021, Sở đã tổ chức tập huấn cho 300 cán bộ. Chiều 7/9/2023 diễn ra lễ trao "
        "giải Cuộc thi chuyển đổi số."
    )
    assert extraction.meetings == []


def test_meetings_on_different_days_are_kept_apart_and_undated_mentions_join_them(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Ngày 15/3/2023, đoàn công tác của Bộ Nội vụ làm việc với UBND tỉnh Quảng Nam. Ngày 16/3/2023, đoàn "
        "tiếp tục làm việc với UBND tỉnh Quảng Ngãi. Tại buổi làm việc, hai bên trao đổi kinh nghiệm."
    )
    assert [(m.date, m.province.name if m.province else None) for m in extraction.meetings] == [
        (date(2023, 3, 15), "Quảng Nam"),
        (date(2023, 3, 16), "Quảng Ngãi"),
    ]


def test_council_session_is_organised_by_the_council(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Chiều 9/12/2021, HĐND tỉnh Bến Tre khóa X bế mạc kỳ họp thứ 3. Chủ tịch HĐND tỉnh Hồ Thị Hoàng Yến "
        "chủ trì kỳ họp. Tại kỳ họp, đại biểu đã thông qua Nghị quyết số 15/2021/NQ-HĐND."
    )
    [meeting] = extraction.meetings
    assert meeting.kind_class == "Session"
    assert [o.value for o in meeting.organizers] == ["Hội đồng nhân dân tỉnh Bến Tre"]
    assert [b.value for b in meeting.legal_basis] == ["15/2021/NQ-HĐND"]


def test_attendees_are_listed_apart_from_chairs(extract_text: ExtractText) -> None:
    extraction = extract_text(
        HEADER + "Ngày 4/4/2024, UBND tỉnh Lai Châu họp Ban Chỉ đạo. Ông Giàng A Tính, Chủ tịch UBND tỉnh chủ trì. "
        "Dự họp có ông Tống Thanh Hải, Phó Chủ tịch UBND tỉnh."
    )
    [meeting] = extraction.meetings
    assert [a.value for a in meeting.attendees] == ["Tống Thanh Hải"]
    assert [c.value for c in meeting.chairs] == ["Giàng A Tính"]


def test_a_place_name_is_no_cue_word(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Hội thảo chính quyền số\n\n09:00 14/11/2022\n\nSáng 13/11, UBND thành phố Cần Thơ tổ chức Hội thảo "
        "“Chính quyền số”."
    )
    [meeting] = extraction.meetings
    assert meeting.date == date(2022, 11, 13)
    assert meeting.kind == "Hội thảo Chính quyền số"


def test_presiding_board_and_plural_titles(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Tin hoạt động\n\nNgày 5/12/2023, HĐND tỉnh Hà Nam khai mạc kỳ họp thứ 12. Chủ tọa kỳ họp có các đồng chí: "
        "Lê Thị Thủy, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; Trần Xuân Dưỡng, Phó Chủ tịch HĐND tỉnh. Dự kỳ họp có "
        "các Phó Chủ tịch UBND tỉnh Nguyễn Anh Chức, Trần Đức Thắng."
    )
    [meeting] = extraction.meetings
    assert [c.value for c in meeting.chairs] == ["Lê Thị Thủy", "Trần Xuân Dưỡng"]
    assert [a.value for a in meeting.attendees] == ["Nguyễn Anh Chức", "Trần Đức Thắng"]
    posts = {p.name: {(q.title, q.organization) for q in p.posts} for p in extraction.persons}
    assert posts["Trần Đức Thắng"] == {("Phó Chủ tịch", "Ủy ban nhân dân tỉnh Hà Nam")}


def test_a_purpose_clause_before_a_dated_meeting_still_reports_it(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Tin hoạt động\n\nĐể nâng cao kỹ năng số cho cán bộ, ngày 20/9/2023, Sở Nội vụ tỉnh Gia Lai tổ chức hội nghị "
        "tập huấn. Thời gian tới, cần thiết phải tổ chức thêm các hội nghị tương tự."
    )
    assert [(m.date, m.kind_class) for m in extraction.meetings] == [(date(2023, 9, 20), "Training")]


def test_a_session_over_several_days_is_dated_by_its_first(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Bế mạc kỳ họp HĐND tỉnh\n\n10/12/2022 17:00\n\n"
        "Chiều 9/12, Kỳ họp thứ 11 HĐND tỉnh Lâm Đồng khóa X đã bế mạc sau 3 ngày làm việc (từ ngày 7 đến 9/12). "
        "Ông Trần Đức Quận, Chủ tịch HĐND tỉnh chủ tọa kỳ họp."
    )
    assert [m.date for m in extraction.meetings] == [date(2022, 12, 7)]


def test_meetings_to_come_are_left_out_even_when_the_cue_follows_the_trigger(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Họp bàn tiến độ dự án\n\n05/04/2021 10:00\n\n"
        "Ngày 4/4/2021, Phó Chủ tịch UBND tỉnh Yên Bái Dương Văn Tiến chủ trì cuộc họp nghe báo cáo tiến độ. "
        "Cuộc họp tiếp theo dự kiến tổ chức vào ngày 20/4. Chiều 25/4, kỳ họp sẽ dành thời gian cho chất vấn."
    )
    assert [m.date for m in extraction.meetings] == [date(2021, 4, 4)]


def test_an_earlier_meeting_recalled_later_in_the_article_is_no_meeting(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Tổ công tác họp đôn đốc\n\n21/06/2023 16:00\n\n"
        "Chiều 20/6, Tổ công tác của UBND tỉnh An Giang họp đánh giá tiến độ. Ông Lê Văn Phước chủ trì cuộc họp. "
        "Tại cuộc họp ngày 16/5, Tổ công tác đã giao các địa phương hoàn thành kiểm đếm."
    )
    assert [m.date for m in extraction.meetings] == [date(2023, 6, 20)]


def test_a_date_in_another_clause_does_not_date_a_trigger(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Phiên họp thường kỳ\n\n07/10/2022 08:10\n\n"
        "Chiều 6/10, UBND tỉnh Bạc Liêu tổ chức phiên họp thường kỳ quý III. "
        "Trước đó, ngày 15/8/2022, UBND tỉnh ban hành Chỉ thị số 12/CT-UBND; tại phiên họp, Công an tỉnh báo cáo."
    )
    assert [m.date for m in extraction.meetings] == [date(2022, 10, 6)]


def test_an_announcement_conference_rests_on_the_decisions_it_announces(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Công bố quyết định về công tác cán bộ\n\n09/05/2023 10:00\n\n"
        "Sáng 8/5, UBND tỉnh Hòa Bình tổ chức hội nghị công bố quyết định về công tác cán bộ. Phó Chủ tịch UBND "
        "tỉnh Đinh Công Sứ chủ trì hội nghị.\n\nGiám đốc Sở Nội vụ Nguyễn Văn Toàn đã công bố Quyết định số "
        "801/QĐ-UBND ngày 5/5/2023 của Chủ tịch UBND tỉnh bổ nhiệm ông A; Quyết định số 802/QĐ-UBND cùng ngày "
        "điều động ông B."
    )
    [meeting] = extraction.meetings
    assert [b.value for b in meeting.legal_basis] == ["801/QĐ-UBND", "802/QĐ-UBND"]


def test_a_visits_plan_is_the_basis_of_each_working_session(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Đoàn công tác Bộ Y tế làm việc tại hai tỉnh\n\n14/04/2024 09:00\n\n"
        "Ngày 12/4, đoàn công tác của Bộ Y tế do Thứ trưởng Trần Văn Thuấn dẫn đầu đã có buổi làm việc với UBND "
        "tỉnh Lai Châu. Ngày 13/4, đoàn tiếp tục có buổi làm việc với UBND tỉnh Điện Biên. Chuyến công tác nhằm "
        "thực hiện Kế hoạch số 301/KH-BYT ngày 1/3/2024 của Bộ Y tế."
    )
    assert [(m.date, [b.value for b in m.legal_basis]) for m in extraction.meetings] == [
        (date(2024, 4, 12), ["301/KH-BYT"]),
        (date(2024, 4, 13), ["301/KH-BYT"]),
    ]


def test_a_meeting_known_from_its_announced_conclusions_is_in_passing(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Tiếp tục phòng, chống dịch\n\n20/04/2020 10:00\n\n"
        "Theo Thông báo kết luận của Thủ tướng Chính phủ tại cuộc họp Thường trực Chính phủ ngày 15/4/2020, các "
        "tỉnh tiếp tục thực hiện giãn cách."
    )
    assert extraction.meetings == []


def test_a_list_of_people_opening_the_sentence_chairs_together(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Hội nghị trực tuyến toàn quốc\n\n10/10/2015 10:00\n\n"
        "Sáng 9/10, Bộ Nội vụ tổ chức hội nghị trực tuyến toàn quốc. Các đồng chí Lê Vĩnh Tân - Bộ trưởng Bộ Nội "
        "vụ; Nguyễn Trọng Thừa – Thứ trưởng Bộ Nội vụ chủ trì hội nghị."
    )
    [meeting] = extraction.meetings
    assert [c.value for c in meeting.chairs] == ["Lê Vĩnh Tân", "Nguyễn Trọng Thừa"]


def test_a_span_of_days_dates_a_meeting_written_without_a_day(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Bế mạc hội nghị Tỉnh ủy\n\nSau 2 ngày làm việc (từ ngày 18 đến 19/12), Hội nghị lần thứ 12 Ban Chấp hành "
        "Đảng bộ tỉnh Nam Định đã bế mạc. Hội nghị Ban Thường vụ Tỉnh ủy mở rộng tổng kết công tác năm dự kiến "
        "diễn ra ngày 6/1/2024.\n\n20/12/2023 | 18:00"
    )
    assert [m.date for m in extraction.meetings] == [date(2023, 12, 18)]
