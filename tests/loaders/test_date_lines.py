"""Date lines of every kind, and the evidence that orders an ambiguous day and month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from loaders.date_lines import decide, read_date_line
from loaders.metadata import read_metadata


def _published(line: str, body: str = "Sáng nay, UBND tỉnh họp bàn công tác chuyển đổi số.") -> date | None:
    return read_metadata(f"Tiêu đề của một bài viết thử nghiệm\n\n{line}\n\n{body}").published


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ngày cập nhật: 8/27/2018 9:05:41 AM", date(2018, 8, 27)),  # a part over 12 is the day
        ("Thứ 4, ngày 04/09/2019 | 10:12 AM (GMT +7)", date(2019, 9, 4)),  # 4 Sept 2019 was a Wednesday
        ("Thứ Hai, 09/04/2018, 08:15 (GMT+7)", date(2018, 4, 9)),  # 9 April 2018 was a Monday
        ("date 2024-11-02", date(2024, 11, 2)),
        ("Submitted by biên tập viên on 12 March 2020", date(2020, 3, 12)),
        ("Posted on March 12, 2020", date(2020, 3, 12)),
        ("Thứ Ba, 14 tháng 1 năm 2020 09:30", date(2020, 1, 14)),
        ("Cập nhật lúc 2024-05-09 07:45", date(2024, 5, 9)),
        ("Lượt xem: 1.234 | 16/08/2019 09:15", date(2019, 8, 16)),
        ("08:22 SA, 15/08/2019", date(2019, 8, 15)),
    ],
)
def test_date_line_kinds(line: str, expected: date) -> None:
    assert _published(line) == expected


def test_a_month_only_crawler_line_gives_no_publication_date_but_its_month() -> None:
    metadata = read_metadata("date 2021-09\nChiều 14/9, Sở Nội vụ tổ chức hội nghị triển khai nhiệm vụ.")
    assert metadata.published is None
    assert metadata.published_month == date(2021, 9, 1)


def test_the_body_decides_the_order_of_an_ambiguous_stamp() -> None:
    # "4/3/2016 3:10:05 PM" is 4 March or 3 April; the body reports 2 April.
    body = "Ngày 2/4/2016, Sở Tư pháp tổ chức hội nghị tập huấn cho cán bộ cấp xã."
    assert _published("4/3/2016 3:10:05 PM", body) == date(2016, 4, 3)
    # The same line over a body reporting 1 March reads day first.
    body = "Ngày 1/3/2016, Sở Tư pháp tổ chức hội nghị tập huấn cho cán bộ cấp xã."
    assert _published("4/3/2016 3:10:05 PM", body) == date(2016, 3, 4)


def test_without_other_evidence_a_us_clock_reads_month_first_and_a_vietnamese_line_day_first() -> None:
    us_clock = read_date_line("4/3/2016 3:10:05 PM")
    vietnamese = read_date_line("04/03/2016 15:10")
    assert us_clock is not None and vietnamese is not None
    assert decide(us_clock, []) == date(2016, 4, 3)
    assert decide(vietnamese, []) == date(2016, 3, 4)


def test_a_short_dated_sentence_is_no_date_line() -> None:
    assert read_date_line("Sáng 3/4/2019, tỉnh họp bàn.") is None
    assert _published("Ngày 12/4/2019, Sở Nội vụ họp.") is None


def test_a_month_line_completes_a_meetings_day_and_month(record_of: Callable[[str], dict[str, Any]]) -> None:
    record = record_of(
        "date 2021-09\nChiều 14/9, Sở Nội vụ tỉnh Nam Định tổ chức hội nghị triển khai nhiệm vụ quý IV.\n"
    )
    assert record["published"] is None
    assert [m["date"] for m in record["meetings"]] == ["2021-09-14"]


def test_a_stamp_printed_at_the_foot_of_the_page_is_the_publication_date() -> None:
    text = (
        "Trang chủ » Chính trị\n\nTiêu đề bài viết về hội nghị tỉnh ủy\n\nNgày 20/12, Tỉnh ủy họp.\n\n"
        "» Tin liên quan một\n» Tin liên quan hai\n\n21/12/2023 | 19:32\n\nChia sẻ: Facebook Zalo"
    )
    assert read_metadata(text).published == date(2023, 12, 21)
