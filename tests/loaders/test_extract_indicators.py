"""Indicators: rates and counts with Vietnamese number formats."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from loaders.extraction.indicators import parse_number
from loaders.record import Extraction

ExtractText = Callable[..., Extraction]


def test_vietnamese_numbers() -> None:
    assert parse_number("92,3") == Decimal("92.3")
    assert parse_number("3.382") == Decimal("3382")
    assert parse_number("1.250.000") == Decimal("1250000")


def test_rates_and_counts(extract_text: ExtractText) -> None:
    extraction = extract_text(
        "Thái Nguyên đẩy mạnh chính quyền số\n\n18/04/2022 09:00\n\nTheo báo cáo, tỷ lệ hồ sơ giải quyết trực tuyến "
        "đạt 47,5%; toàn tỉnh đã cấp 2.140 hộp thư điện tử và cung cấp 812 dịch vụ công trực tuyến mức độ 3, 4. "
        "Năm 2021 có 15 đơn vị tham gia."
    )
    found = {(o.indicator, o.value, o.unit) for o in extraction.observations}
    assert found >= {
        ("tỷ lệ hồ sơ giải quyết trực tuyến", Decimal("47.5"), "%"),
        ("hộp thư điện tử", Decimal("2140"), "hộp thư điện tử"),
        ("dịch vụ công trực tuyến mức độ 3, 4", Decimal("812"), "dịch vụ công trực tuyến"),
    }
    assert all(o.province is not None and o.province.name == "Thái Nguyên" for o in extraction.observations)
    assert all(o.ref_date is not None and o.ref_date.year == 2022 for o in extraction.observations)


def test_percentages_over_100_and_year_like_counts_are_left_out(extract_text: ExtractText) -> None:
    extraction = extract_text("Tin hoạt động\n\nTỷ lệ tăng trưởng đạt 120%; năm 2020 có 350 hồ sơ, 2021 hồ sơ khác.")
    assert [(o.value, o.unit) for o in extraction.observations] == [(Decimal("350"), "hồ sơ")]
