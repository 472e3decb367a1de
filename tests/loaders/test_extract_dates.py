"""Dates in the text and the year a day and month fall in."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from loaders.extraction.dates import find_dates, resolve, year_hint


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 21-3, UBND tỉnh họp", (21, 3, None)),
        ("vào sáng 9.10 tại Hà Nội", (9, 10, None)),
        ("ngày 29/10/2010 của UBND tỉnh", (29, 10, 2010)),
        ("ngày 22 tháng 5 năm 2012", (22, 5, 2012)),
        ("ngày 1.7.2014", (1, 7, 2014)),
        ("hôm nay (12/8), hội nghị", (12, 8, None)),
    ],
)
def test_date_forms(text: str, expected: Any) -> None:
    mention = find_dates(text)[0]
    assert (mention.day, mention.month, mention.year) == expected


def test_ratios_and_counts_are_no_dates() -> None:
    assert find_dates("đã kết nối 262/262 xã và 9/14 huyện") == []


def test_ranges_are_marked() -> None:
    mentions = find_dates("diễn ra từ ngày 17/8 – 19/8/2022")
    assert [m.in_range for m in mentions] == [True, True]


def test_year_from_the_publication_date_and_the_day_before_new_year() -> None:
    mention = find_dates("Chiều 30/12, Sở họp")[0]
    assert resolve(mention, date(2024, 1, 3), None) == date(2023, 12, 30)
    assert resolve(mention, date(2023, 12, 31), None) == date(2023, 12, 30)


def test_relative_days() -> None:
    mention = find_dates("Hôm qua, đoàn đã làm việc")[0]
    assert resolve(mention, date(2022, 5, 10), None) == date(2022, 5, 9)
    assert resolve(mention, None, 2022) is None


def test_year_hint_prefers_nearby_full_dates_then_the_latest_year_mentioned() -> None:
    text = "Chiều 24-10, ông A chủ trì họp. Từ ngày 1-11-2014 thực hiện giai đoạn 1, từ ngày 1-3-2015 giai đoạn 2."
    mentions = find_dates(text)
    assert year_hint(text, mentions, [], mentions[0]) == 2014
    text = "Sáng 21-3 họp đánh giá năm 2013 và phương hướng năm 2014, tầm nhìn đến năm 2030."
    mentions = find_dates(text)
    assert year_hint(text, mentions, [], mentions[0]) == 2014


def test_a_year_comes_from_the_days_own_sentence_not_a_budget_year_nearby() -> None:
    text = "Sáng 12-11, Thường trực HĐND tỉnh họp phiên thường kỳ. Phiên họp cho ý kiến dự toán ngân sách năm 2021."
    mentions = find_dates(text)
    first = (0, text.index(".") + 1)
    assert year_hint(text, mentions, [], mentions[0], first) is None
    text = "Sáng 14/12, UBND tỉnh khai mạc Tuần lễ chuyển đổi số - Quảng Trị 2022 tại thành phố Đông Hà."
    mentions = find_dates(text)
    assert year_hint(text, mentions, [], mentions[0], (0, len(text))) == 2022


def test_dates_inside_citations_give_no_year() -> None:
    text = "Sáng 9.10 hội nghị quán triệt Nghị quyết 36-NQ/TW ngày 1.7.2014."
    mentions = find_dates(text)
    citation = (text.index("Nghị quyết"), len(text))
    assert year_hint(text, mentions, [citation], mentions[0]) is None
