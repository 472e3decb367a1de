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
