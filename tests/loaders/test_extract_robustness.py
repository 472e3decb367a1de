"""Odd input never makes extraction fail: a failing rule is logged and the article still extracts."""

from __future__ import annotations

import logging
from collections.abc import Callable

import pytest

import loaders.pipeline as pipeline
from loaders.article import Article
from loaders.record import Extraction

ExtractText = Callable[..., Extraction]

ODD_TEXTS = [
    "x",
    "\n\n\n",
    "“" * 500,
    "UBND " * 2000,
    "Ông " * 300 + "Nguyễn",
    "Quyết định số 12/" + "/" * 200,
    "Sáng 31/2, ngày 99/99/9999, hôm qua (0/0) họp.",
    "Ban Chỉ đạo " + "về " * 400 + "tỉnh",
    "Nghị quyết số 36 - NQ/TW ngày 1.7.2014 của" + " Bộ" * 100,
    "Đồng chí A, B, C; D – E – F chủ trì. Kết luận cuộc họp, .",
    "\u0000\u200b\ufeff Tỉnh ủy\tviên Nguyễn\u00a0Văn A",
    "ĐẠI HỘI ĐẢNG BỘ TỈNH LẦN THỨ XX " * 50,
    "Ban  Chỉ  đạo  chuyển đổi số  tỉnh  Hà  Nam và Chính  phủ,  Tỉnh\nủy  họp;  Sở  TT&TT  Hà  Nam dự.",
    "sở tt&tt hà nam, ubnd tỉnh, ban chỉ đạo, ông nguyễn văn a, phó chủ tịch ubnd tỉnh chủ trì.",
]


@pytest.mark.parametrize("text", ODD_TEXTS)
def test_odd_text_extracts_without_error(text: str, caplog: pytest.LogCaptureFixture) -> None:
    article = Article(key="odd.txt", file="odd.txt", text=text)
    with caplog.at_level(logging.ERROR, logger="loaders.pipeline"):
        record = pipeline.extract(article).to_record()
    assert record["file"] == "odd.txt"
    assert not caplog.records, [r.getMessage() for r in caplog.records]


def test_a_failing_rule_is_logged_and_the_rest_still_extracts(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, extract_text: ExtractText
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rule broke")

    monkeypatch.setattr(pipeline, "find_documents", broken)
    with caplog.at_level(logging.ERROR, logger="loaders.pipeline"):
        extraction = extract_text("Tin hoạt động\n\nÔng Đỗ Văn Chiến, Chủ tịch UBND tỉnh Tuyên Quang chủ trì họp.")
    assert [p.name for p in extraction.persons] == ["Đỗ Văn Chiến"]
    assert extraction.legal_documents == []
    assert any("legal_documents" in r.getMessage() for r in caplog.records)


def test_a_failing_context_still_returns_an_empty_extraction(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ValueError("no context")

    monkeypatch.setattr(pipeline, "build_context", broken)
    article = Article(key="a.txt", file="a.txt", text="UBND tỉnh Hà Nam họp.")
    with caplog.at_level(logging.ERROR, logger="loaders.pipeline"):
        extraction = pipeline.extract(article)
    assert extraction.persons == [] and extraction.province is None
    assert caplog.records
