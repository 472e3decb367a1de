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
