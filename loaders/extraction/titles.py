"""Post titles: where a title is written, how the record writes it, and its party splits."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extraction.keys import text_key
from loaders.extraction.tables import alternation, phrase_pattern, strings, table


@dataclass(frozen=True, slots=True)
class TitleEntry:
    """One title of ``patterns/titles.yaml``."""

    title: str
    head: str | None  # the title's last word starts the organization ("Ban" in "Trưởng ban")
    organization: str | None  # the body the title always belongs to
    of: str | None = None  # the first word of the kind of body it is held in ("Tổ" for "Tổ trưởng")


@dataclass(frozen=True, slots=True)
class TitleMatch:
    """A title written at ``text[start:end]`` (``start`` includes "nguyên" for a former post)."""

    start: int
    end: int
    entry: TitleEntry
    former: bool

    @property
    def head_start(self) -> int | None:
        """Where the organization starts inside the title ("Ban" of "Trưởng Ban Tuyên giáo"), if it does."""
        return None if self.entry.head is None else self.end - len(self.entry.head)


def _build_entries() -> dict[str, TitleEntry]:
    entries: dict[str, TitleEntry] = {}
    for item in table("titles")["titles"]:
        entry = TitleEntry(item["title"], item.get("head"), item.get("organization"), item.get("of"))
        for form in item.get("forms") or [item["title"]]:
            entries[text_key(form)] = entry
    return entries


_ENTRIES: dict[str, TitleEntry] = _build_entries()


def _build_forms() -> tuple[str, ...]:
    forms = [form for item in table("titles")["titles"] for form in item.get("forms") or [item["title"]]]
    return tuple(forms)


_FORMS: tuple[str, ...] = _build_forms()


def _build_regex() -> re.Pattern[str]:
    formers = strings("titles", "former")
    former = "|".join(phrase_pattern(f) for f in formers)
    # A cheap first test, a title's or "nguyên"'s first letter, spares the long alternation most places.
    firsts = {word[0].lower() for word in [*_FORMS, *formers]}
    first = "".join(sorted(re.escape(ch) for ch in firsts | {ch.upper() for ch in firsts}))
    return re.compile(rf"(?=[{first}])(?P<former>(?:{former})\s+)?(?P<title>{alternation(_FORMS)})", re.IGNORECASE)


_REGEX: re.Pattern[str] = _build_regex()


def _build_post_verbs() -> re.Pattern[str]:
    return re.compile(rf"^[\s,)]*(?:{alternation(strings('titles', 'post_verbs'))})\s*$", re.IGNORECASE)


_POST_VERBS: re.Pattern[str] = _build_post_verbs()


def _build_title_kinds() -> dict[str, frozenset[str]]:
    kinds: dict[str, list[str]] = table("titles")["title_kinds"]
    return {title: frozenset(values) for title, values in kinds.items()}


_TITLE_KINDS: dict[str, frozenset[str]] = _build_title_kinds()


def body_kinds(title: str) -> frozenset[str]:
    """The kinds of body a title is held in ("Thứ trưởng" → Ministry), empty when any may be."""
    return _TITLE_KINDS.get(title, frozenset())


def find_titles(text: str, start: int, end: int) -> list[TitleMatch]:
    """Every title in ``text[start:end]``, left to right, longest first where two begin together."""
    found: list[TitleMatch] = []
    for match in _REGEX.finditer(text, start, end):
        title = match.group("title")
        entry = _ENTRIES.get(text_key(title))
        if entry is None or _is_head_noun(title, entry):
            continue
        former = match.group("former") is not None or _proposed(text, match.start("title"))
        found.append(TitleMatch(match.start(), match.end(), entry, former))
    return found


def _build_proposed() -> re.Pattern[str]:
    proposing = alternation(strings("titles", "proposed"))
    then = alternation(strings("titles", "proposed_then"))
    # "giới thiệu … bầu giữ chức", or "… để HĐND tỉnh bầu giữ chức" (to be elected: only proposed)
    return re.compile(rf"(?:(?:{proposing})[^,;.:\n]{{0,40}}?|để\s+[^,;.:\n]{{0,30}}?)(?:{then})\s+$", re.IGNORECASE)


_PROPOSED: re.Pattern[str] = _build_proposed()


def _proposed(text: str, pos: int) -> bool:
    """True for a post only proposed: "giới thiệu để HĐND tỉnh bầu giữ chức Chủ tịch" (see the table)."""
    return _PROPOSED.search(text, max(0, pos - 80), pos) is not None


def title_at(text: str, pos: int) -> TitleMatch | None:
    """The title written exactly at ``pos``, if one is."""
    match = _REGEX.match(text, pos)
    if match is None or match.group("former"):
        return None
    entry = _ENTRIES.get(text_key(match.group("title")))
    return TitleMatch(match.start(), match.end(), entry, False) if entry else None


def is_post_verb(gap: str) -> bool:
    """True when ``gap`` is a verb giving the post after it ("làm", "giữ chức vụ", "kiêm")."""
    return _POST_VERBS.match(gap) is not None


def _is_head_noun(written: str, entry: TitleEntry) -> bool:
    """A lower-case generic noun ("thành viên", "ủy viên") is a title only when capitalised or in a chain."""
    return entry.title in ("Thành viên", "Ủy viên", "Thủ trưởng") and written[:1].islower() and " " not in written
