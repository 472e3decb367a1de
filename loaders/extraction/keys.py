"""Comparison keys of names, computed once per distinct text (names recur within and across articles)."""

from __future__ import annotations

import functools

from ontology.orthography import comparison_key


@functools.lru_cache(maxsize=16384)
def text_key(text: str) -> str:
    """``ontology.orthography.comparison_key`` of ``text``, cached."""
    return comparison_key(text)
