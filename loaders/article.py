"""An article as the extractors see it: normalised text with sentence offsets."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article's text: ``text[start:end]``."""

    index: int
    start: int
    end: int


# A sentence ends at . ! ? … or a line break, when followed by space and an
# upper-case letter, a quote or a digit; "TP. Hà Tĩnh" and "1.000" stay whole.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”»)]*\s+(?=[\"“«(]?[A-ZÀ-ỸĐ0-9])|\n+")
_ABBREVIATION_BEFORE = re.compile(r"(?:\bTP|\bTX|\bTT|\bĐ/c|\bThS|\bTS|\bPGS|\bGS|\bNxb|\bSố|\bsố)\.$")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets; every character outside is whitespace."""
    sentences: list[Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if "\n" not in match.group() and _ABBREVIATION_BEFORE.search(text, 0, match.start()):
            continue
        _append(sentences, text, start, match.start())
        start = match.end()
    _append(sentences, text, start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end))


@dataclass(slots=True)
class Article:
    """A decoded, normalised article and what its metadata says about it.

    ``text`` is the body the extractors read (title first when there is one);
    every evidence offset in govkg points into it. ``key`` is the article's
    identity: its source URL when known, else its file name.
    """

    key: str
    file: str
    text: str
    title: str | None = None
    published: date | None = None
    #: The month of publication (its first day) when the page gives no day ("date 2023-06"); its year
    #: completes the day-and-month dates of the text.
    published_month: date | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None
    encoding: str = "utf-8"
    sentences: list[Sentence] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.sentences:
            self.sentences = split_sentences(self.text)

    @property
    def content_hash(self) -> str:
        """SHA-256 of the normalised text: equal hashes mean an unchanged article."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def sentence_at(self, offset: int) -> Sentence:
        """Return the sentence containing character ``offset`` (the nearest one before it otherwise)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return self.sentences[lo]

    def sentence_text(self, sentence: Sentence) -> str:
        """Return the text of one of this article's sentences."""
        return self.text[sentence.start : sentence.end]
