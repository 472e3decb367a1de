"""Accent- and case-insensitive search over labels: "tran thanh duc" finds Trần Thanh Đức, "64/2007" the decree.

Labels are folded with ``ontology.orthography.search_key`` and cut into words
of letters and digits ("64/2007/NĐ-CP" → 64, 2007, nd, cp). A query matches an
entity when every query word is the beginning of one of the label's words;
hits are ranked by how closely the query matches the label (the whole label,
its first words, words in a row inside it, all its words anywhere, word
beginnings only), then shorter labels first. The index is
built from a list of labels in memory (an inverted index over a sorted
vocabulary, so prefixes are a binary search) and is meant to be rebuilt for
each store generation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ontology.orthography import search_key

_WORD = re.compile(r"[a-z0-9]+")

# Scores of the ways a label can match, best first (whole words unless said otherwise).
_EQUAL, _PREFIX, _PHRASE, _ALL_WORDS, _WORD_PREFIXES = 5, 4, 3, 2, 1


def _words(text: str) -> list[str]:
    return _WORD.findall(search_key(text))


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One entity found: its IRI, kind, best-matching label and how well it matched (higher is better)."""

    iri: str
    kind: str
    label: str
    score: int


@dataclass(frozen=True, slots=True)
class _Entry:
    iri: str
    kind: str
    label: str
    phrase: str  # the label's words joined by single spaces


class SearchIndex:
    """An in-memory index of (IRI, kind, label) entries."""

    def __init__(self, entries: Iterable[tuple[str, str, str]]) -> None:
        self._entries: list[_Entry] = []
        postings: dict[str, set[int]] = {}
        for iri, kind, label in entries:
            words = _words(label)
            if not words:
                continue
            position = len(self._entries)
            self._entries.append(_Entry(iri, kind, label, " ".join(words)))
            for word in words:
                postings.setdefault(word, set()).add(position)
        self._vocabulary = sorted(postings)
        self._postings = [postings[word] for word in self._vocabulary]

    def __len__(self) -> int:
        return len(self._entries)

    def _starting_with(self, prefix: str) -> set[int]:
        first = bisect.bisect_left(self._vocabulary, prefix)
        last = bisect.bisect_left(self._vocabulary, prefix + "\uffff")
        found: set[int] = set()
        for position in range(first, last):
            found |= self._postings[position]
        return found

    def search(self, text: str, kinds: Iterable[str] | None = None) -> list[SearchHit]:
        """Every entity matching ``text`` (of the given kinds), best first, one hit per entity."""
        words = _words(text)
        if not words:
            return []
        wanted = set(kinds) if kinds is not None else None
        candidates: set[int] | None = None
        for word in sorted(set(words), key=len, reverse=True):
            matching = self._starting_with(word)
            candidates = matching if candidates is None else candidates & matching
            if not candidates:
                return []
        phrase = " ".join(words)
        best: dict[str, SearchHit] = {}
        for position in candidates or ():
            entry = self._entries[position]
            if wanted is not None and entry.kind not in wanted:
                continue
            hit = SearchHit(entry.iri, entry.kind, entry.label, _score(entry.phrase, phrase))
            current = best.get(entry.iri)
            if current is None or (hit.score, -len(hit.label)) > (current.score, -len(current.label)):
                best[entry.iri] = hit
        return sorted(best.values(), key=lambda hit: (-hit.score, len(hit.label), hit.label, hit.iri))


def _score(label: str, phrase: str) -> int:
    if label == phrase:
        return _EQUAL
    if f"{label} ".startswith(f"{phrase} "):
        return _PREFIX
    if f" {phrase} " in f" {label} ":
        return _PHRASE
    if set(phrase.split()) <= set(label.split()):
        return _ALL_WORDS
    return _WORD_PREFIXES
