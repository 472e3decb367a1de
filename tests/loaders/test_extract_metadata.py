"""Metadata: the article's own date line, title, source and byline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from loaders.metadata import read_metadata

RecordOf = Callable[[str], dict[str, Any]]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ngày đăng: 03/05/2019", date(2019, 5, 3)),
        ("Cập nhật, 09:12, Thứ Hai, 07/11/2022 (GMT+7)", date(2022, 11, 7)),
        ("(07:40 | 21/03/2017)", date(2017, 3, 21)),
        ("14:05 02/10/2015", date(2015, 10, 2)),
        ("11/06/2020 - 15:47", date(2020, 6, 11)),
        ("Chính trị Thứ tư, 05/08/2020 10:15", date(2020, 8, 5)),
    ],
)
def test_date_lines(line: str, expected: Any) -> None:
    text = f"Tiêu đề của bài viết về chuyển đổi số\n\n{line}\n\nSáng nay, UBND tỉnh họp."
    assert read_metadata(text).published == expected


def test_a_portal_header_date_loses_to_the_articles_stamp() -> None:
    text = (
        "Skip to main content\nThứ hai, ngày 01/07/2024\n\nTIN TỨC\n\nSơn La triển khai chữ ký số\n\n"
        "12/03/2016 10:20 SA Xem cỡ chữ\nNội dung bài viết."
    )
    metadata = read_metadata(text)
    assert metadata.published == date(2016, 3, 12)
    assert metadata.title == "Sơn La triển khai chữ ký số"


def test_a_date_in_a_body_sentence_is_no_publication_date() -> None:
    text = "Tiêu đề bài viết khá dài\n\nNgày 12/4/2019, UBND tỉnh Nam Định tổ chức hội nghị tổng kết công tác năm."
    assert read_metadata(text).published is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Tiêu đề bài viết ở đây\n(Baolongan.vn) - Sáng 3/4, tỉnh họp.", "Baolongan.vn"),
        ("Tiêu đề bài viết ở đây\nLAD.VN - Sáng 3/4, tỉnh họp.", "LAD.VN"),
        ("Tiêu đề bài viết ở đây\nSáng 3/4, tỉnh họp.\nNguồn Báo Hậu Giang", "Báo Hậu Giang"),
    ],
)
def test_sources(text: str, source: str) -> None:
    assert read_metadata(text).source == source


@pytest.mark.parametrize(
    ("ending", "byline"),
    [
        ("Thu Hà", "Thu Hà"),
        ("K.L", "K.L"),
        ("Tin: HL. Ảnh: MT", "Tin: HL. Ảnh: MT"),
        ("MINH TRANG", "MINH TRANG"),
    ],
)
def test_bylines(ending: str, byline: str) -> None:
    text = f"Tiêu đề bài viết ở đây\n\nSáng 3/4, UBND tỉnh họp bàn về chuyển đổi số.\n\n{ending}\n\nGửi bình luận\nX"
    assert read_metadata(text).byline == byline


def test_the_byline_is_never_a_person(record_of: RecordOf) -> None:
    record = record_of("Phú Thọ họp Ban Chỉ đạo\n\nSáng 3/4, Ban Chỉ đạo họp.\n\nNguyễn Thu Hà")
    assert record["persons"] == []


def test_stamps_with_seconds_and_english_furniture() -> None:
    text = "Tiêu đề bài viết về chuyển đổi số\n\nTHỨ BA, 05/04/2022 18:36:10\n\nNội dung bài.\n\nHOÀNG AN\n\nComment\nX"
    metadata = read_metadata(text)
    assert metadata.published == date(2022, 4, 5)
    assert metadata.byline == "HOÀNG AN"


def test_a_date_stamp_in_parentheses_is_no_source() -> None:
    assert read_metadata("Tiêu đề bài viết ở đây\n\n( Cập nhật lúc: 24/12/2020 )\n\nNội dung bài.").source is None


def test_a_failing_field_leaves_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    import loaders.metadata as metadata

    def broken(lines: list[str]) -> None:
        raise IndexError("odd page")

    monkeypatch.setattr(metadata, "_byline", broken)
    result = metadata.read_metadata("Tiêu đề bài viết ở đây\n\n14:05 02/10/2015\n\nNội dung.\n\nThu Hà")
    assert result.byline is None
    assert result.published == date(2015, 10, 2)
