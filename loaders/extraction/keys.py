"""Comparison keys of names, computed once per distinct text (names recur within and across articles)."""

from __future__ import annotations

import functools
import re

from ontology.orthography import comparison_key


@functools.lru_cache(maxsize=16384)
def text_key(text: str) -> str:
    """``ontology.orthography.comparison_key`` of ``text``, cached."""
    return comparison_key(text)


_DIGIT = re.compile(r"\d")


def numbered_key(text: str) -> str:
    """``text_key`` with numbers read as numbers: "Tổ công tác số 02" and "Tổ công tác số 2" are one name."""
    key = text_key(text)
    if _DIGIT.search(key) is None:
        return key  # most names have no number: nothing to read
    return " ".join(word.lstrip("0") or "0" if word.isdigit() else word for word in key.split())
