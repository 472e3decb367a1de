"""The article's province: named, given away by an agency or a city, never from a person's name."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from loaders.extraction.provinces import article_province, find_provinces

RecordOf = Callable[[str], dict[str, Any]]


def test_the_most_named_province_wins() -> None:
    text = "Tin hoạt động\n\nSở TT&TT Quảng Bình làm việc với đoàn của tỉnh Hà Tĩnh. UBND tỉnh Quảng Bình cho biết…"
    province = article_province(text, 0, find_provinces(text, None))
    assert province is not None and province.province.name == "Quảng Bình"
    assert province.locality == "tỉnh Quảng Bình"


def test_province_named_in_an_agency_and_a_city(record_of: RecordOf) -> None:
    assert record_of("Tin hoạt động\n\nViễn thông Vĩnh Long triển khai cáp quang.")["province"] == "Vĩnh Long"
    assert record_of("Tin hoạt động\n\nSáng nay, tại TP Hạ Long, hội nghị đã khai mạc.")["province"] == "Quảng Ninh"


def test_a_persons_name_names_no_province(record_of: RecordOf) -> None:
    record = record_of("Tin hoạt động\n\nÔng Nguyễn Hà Nam, Giám đốc Sở Nội vụ phát biểu.")
    assert record["province"] is None


def test_a_news_outlet_alone_gives_no_province(record_of: RecordOf) -> None:
    record = record_of("Tin hoạt động\n\nSở Nội vụ vừa ban hành kế hoạch cải cách hành chính.\n\ntheo baohatinh.vn")
    assert record["province"] is None


def test_the_province_keeps_the_name_the_article_gives_it(record_of: RecordOf) -> None:
    record = record_of("Tin hoạt động\n\nUBND tỉnh Thừa Thiên Huế tổ chức hội nghị về chuyển đổi số.")
    assert record["province"] == "Thừa Thiên Huế"
    assert record["organizations"] == ["Ủy ban nhân dân tỉnh Thừa Thiên Huế"]


def test_merged_provinces_resolve_by_the_article_date() -> None:
    text = "Tin hoạt động\n\nUBND tỉnh An Giang họp."
    before = find_provinces(text, date(2024, 5, 1))[0].province
    after = find_provinces(text, date(2025, 8, 1))[0].province
    assert before.code != after.code
    assert after.valid_on(date(2025, 8, 1))
