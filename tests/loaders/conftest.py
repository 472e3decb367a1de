"""Fixtures for the loaders tests: an invented article in, its extraction or record out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from loaders.pipeline import extract
from loaders.reading import parse_article
from loaders.record import Extraction


def _extract_text(text: str, name: str = "invented.txt") -> Extraction:
    return extract(parse_article(text.encode("utf-8"), name, name))


@pytest.fixture
def extract_text() -> Callable[..., Extraction]:
    """Read a text as an article file (metadata and all) and extract it."""
    return _extract_text


@pytest.fixture
def record_of() -> Callable[[str], dict[str, Any]]:
    """The JSON record of a text."""
    return lambda text: _extract_text(text).to_record()


@pytest.fixture
def posts_of() -> Callable[[dict[str, Any]], dict[str, set[tuple[str, str | None]]]]:
    """Each person's posts in a record, as (title, organization) pairs."""

    def posts(record: dict[str, Any]) -> dict[str, set[tuple[str, str | None]]]:
        return {p["name"]: {(q["title"], q["organization"]) for q in p["posts"]} for p in record["persons"]}

    return posts
