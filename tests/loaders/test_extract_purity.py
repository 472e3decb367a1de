"""Extraction is a pure function of the article's text and metadata: re-running it from the stored text
(as a re-extraction does) gives the same record and the same triples."""

from __future__ import annotations

from loaders.pipeline import extract
from loaders.rdf_mapping import article_statements
from loaders.reading import parse_article

ARTICLE = (
    "Thứ Ba, 05/12/2023 - 09:15\n\nKhai mạc kỳ họp HĐND tỉnh Quảng Trị\n\n"
    "Sáng 5/12, HĐND tỉnh Quảng Trị khóa VIII khai mạc Kỳ họp thứ 24. Ông Nguyễn Đăng Quang, Chủ tịch HĐND tỉnh "
    "chủ tọa kỳ họp. Kỳ họp xem xét việc thực hiện Nghị quyết số 88/2022/NQ-HĐND ngày 9/12/2022 của HĐND tỉnh."
)


def test_re_extracting_from_the_stored_text_gives_the_same_record_and_triples() -> None:
    first = extract(parse_article(ARTICLE.encode("utf-8"), "a.txt", "a.txt"))
    stored = first.article.text  # what the store keeps
    again = extract(parse_article(stored.encode("utf-8"), "a.txt", "a.txt"))
    assert again.to_record() == first.to_record()
    assert article_statements(again) == article_statements(first)
    assert first.to_record()["published"] == "2023-12-05"
