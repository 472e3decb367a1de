"""People's names: capitalised syllables that start with a family name.

A name is 2 to 6 capitalised syllables (the SHACL shape's rule). In running text
the capitalised words of an organization or a place often run straight into the
name ("UBND tỉnh Đắk Lắk Đinh Văn Khiết"); the family name marks where the name
begins. Honorifics ("ông", "đồng chí", "Đại tá") come before a name and are not
part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extraction.letters import CAP_SYLLABLE, LETTER, LOWER, UPPER
from loaders.extraction.tables import alternation, strings
from loaders.extraction.titles import title_at

MIN_SYLLABLES = 2
MAX_SYLLABLES = 6

# Women's names of the Central Highlands write a given name after "H'" ("H'Hen Niê", "Rơ Châm H'Yun").
_NAME_SYLLABLE = rf"(?:H['’])?{CAP_SYLLABLE}"
_SYLLABLE = re.compile(rf"{_NAME_SYLLABLE}(?!{LETTER[:-1]}0-9&])")
_RUN = re.compile(rf"(?<!{LETTER[:-1]}0-9&'’]){_NAME_SYLLABLE}(?: {_NAME_SYLLABLE})*(?!{LETTER[:-1]}0-9&])")
_HONORIFIC_BEFORE = re.compile(rf"(?:{alternation(strings('honorifics', 'honorifics'))})\s+$", re.IGNORECASE)
# Words of address that open a sentence capitalised ("Ông Trần Thanh Trường, …").
_ADDRESS_WORDS = frozenset({"ông", "bà", "anh", "chị", "cô", "chú"})
_NOT_AFTER = f"(?!{LETTER[:-1]}0-9&])"
_NOT_BEFORE = f"(?<!{LETTER[:-1]}0-9&'’])"
# Names with a syllable printed in lower case: "Nguyễn văn Chinh", "Danh hồng Phát" (a middle one before a
# capitalised one), "Trương Thanh phong" (the last, right before a comma or dash).
_LOOSE_MIDDLE = re.compile(
    rf"{_NOT_BEFORE}(?P<first>{CAP_SYLLABLE}) (?P<lower>{LOWER}+) {CAP_SYLLABLE}(?: {CAP_SYLLABLE})?{_NOT_AFTER}"
)
_LOOSE_LAST = re.compile(
    rf"{_NOT_BEFORE}(?P<first>{CAP_SYLLABLE}) {CAP_SYLLABLE} (?P<lower>{LOWER}+)(?=[ \t]*[,;:)]|[ \t]+[-–—][ \t])"
)
# A name printed in capitals in a line that is not ("Chủ tịch UBND thị xã Đức Thành TRẦN VĂN HIỀN", "PHÓ THỦ
# TƯỚNG LÊ VĂN NAM cùng đoàn công tác …"): 2 to 4 syllables, the first a family name, closing a run of capitals
# alone or after a title.
_CAPS_SYLLABLE = f"{UPPER}{{1,7}}"
_CAPS_RUN = re.compile(rf"(?<!{LETTER[:-1]}0-9&'’]){_CAPS_SYLLABLE}(?: {_CAPS_SYLLABLE})+(?!{LETTER[:-1]}0-9&])")
_CAPS_WORD = re.compile(_CAPS_SYLLABLE)
_LIST_HONORIFIC = re.compile(
    r"các\s+(?:đồng chí|ông|bà|đại biểu(?:\s+Quốc hội|\s+HĐND(?:\s+tỉnh)?)?)\s*:?\s*$", re.IGNORECASE
)


def _build_surnames() -> frozenset[str]:
    return frozenset(strings("surnames", "surnames"))


_SURNAMES: frozenset[str] = _build_surnames()
_NOT_NAME_SYLLABLES: frozenset[str] = frozenset(strings("surnames", "not_name_syllables"))


def starts_person_name(text: str, pos: int) -> bool:
    """True when a family name followed by at least one more capitalised syllable starts at ``pos``."""
    first = _SYLLABLE.match(text, pos)
    if first is None or not _is_surname(first.group()):
        return False
    return _SYLLABLE.match(text, first.end() + 1) is not None and text[first.end() : first.end() + 1] == " "


def _is_surname(syllable: str) -> bool:
    """A family name, or the "H'" that opens a woman's name of the Central Highlands ("H'Hen Niê")."""
    return syllable in _SURNAMES or syllable[1:2] in ("'", "’")


@dataclass(frozen=True, slots=True)
class NameMention:
    """A person's name at ``text[start:end]``; ``context_start`` includes an honorific before it."""

    start: int
    end: int
    name: str
    context_start: int
    honorific: bool
    has_surname: bool

    @property
    def syllables(self) -> int:
        """How many syllables the name has."""
        return self.name.count(" ") + 1


def honorific_before(text: str, start: int) -> int | None:
    """Where an honorific written right before ``start`` begins ("đồng chí " → its offset), else ``None``."""
    match = _HONORIFIC_BEFORE.search(text, max(0, start - 24), start)
    return match.start() if match else None


def in_people_list(text: str, start: int) -> bool:
    """True when ``start`` follows "các đồng chí:" directly."""
    return _LIST_HONORIFIC.search(text, max(0, start - 20), start) is not None


def find_names(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[NameMention]:
    """Every person's name (and one-syllable short name after an honorific) in ``text[start:end]``.

    ``skip`` lists spans (provinces, titles) whose words cannot begin a name;
    the capitalised run after them may still hold one.
    """
    found = _loose_names(text, start, end, skip) + _capital_names(text, start, end, skip)
    for run in _RUN.finditer(text, start, end):
        mention = _name_in_run(text, run.start(), run.end(), skip)
        if mention is not None and not any(n.start < mention.end and mention.start < n.end for n in found):
            found.append(mention)
    return sorted(found, key=lambda n: n.start)


def _capital_names(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[NameMention]:
    """Names printed in capitals in a line that is not (see ``_CAPS_RUN``), written out as names are."""
    found: list[NameMention] = []
    for run in _CAPS_RUN.finditer(text, start, end):
        words = [(m.start(), m.end()) for m in _CAPS_WORD.finditer(text, run.start(), run.end())]
        first = next(
            (i for i in range(max(0, len(words) - 4), len(words) - 1) if _opens_capital_name(text, words, i)), None
        )
        if first is None or any(a <= words[first][0] < b for a, b in skip):
            continue
        line_start = text.rfind("\n", 0, run.start()) + 1
        line_end = text.find("\n", run.end())
        if not any(ch.islower() for ch in text[line_start : line_end if line_end >= 0 else len(text)]):
            continue  # a headline in capitals
        name_start = words[first][0]
        honorific = honorific_before(text, name_start)
        context = honorific if honorific is not None else name_start
        name = " ".join(text[a:b].capitalize() for a, b in words[first:])
        found.append(NameMention(name_start, run.end(), name, context, honorific is not None, True))
    return found


def _opens_capital_name(text: str, words: list[tuple[int, int]], index: int) -> bool:
    """True when the capitals ``words[index:]`` are a name: a family name first, after nothing or a title."""
    if not _is_surname(text[words[index][0] : words[index][1]].capitalize()):
        return False
    if index == 0:
        return True
    title = title_at(text, words[0][0])
    return title is not None and title.end == words[index - 1][1]


def _loose_names(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> list[NameMention]:
    """Names with one syllable printed in lower case, opening with a family name (see ``_LOOSE_MIDDLE``)."""
    found: list[NameMention] = []
    for regex in (_LOOSE_MIDDLE, _LOOSE_LAST):
        for match in regex.finditer(text, start, end):
            if not _is_surname(match.group("first")) or match.group("lower") in _NOT_NAME_SYLLABLES:
                continue
            if any(a <= match.start() < b for a, b in skip) or any(
                n.start < match.end() and match.start() < n.end for n in found
            ):
                continue
            honorific = honorific_before(text, match.start())
            context = honorific if honorific is not None else match.start()
            found.append(NameMention(match.start(), match.end(), match.group(), context, honorific is not None, True))
    return found


def _name_in_run(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> NameMention | None:
    tokens = [(m.start(), m.end()) for m in _SYLLABLE.finditer(text, start, end)]
    tokens = [t for t in tokens if not any(a <= t[0] < b for a, b in skip)]
    while tokens and text[tokens[0][0] : tokens[0][1]].lower() in _ADDRESS_WORDS:
        tokens = tokens[1:]
    if not tokens:
        return None
    first = next((i for i, (a, b) in enumerate(tokens) if _is_surname(text[a:b])), None)
    if first is not None and len(tokens) - first < MIN_SYLLABLES:
        first = None
    candidates = tokens[first:] if first is not None else tokens
    candidates = _contiguous(text, candidates)[:MAX_SYLLABLES]
    name_start, name_end = candidates[0][0], candidates[-1][1]
    honorific = honorific_before(text, name_start)
    if first is None and honorific is None and not in_people_list(text, name_start):
        return None
    if first is None and len(candidates) > 4:
        return None
    return NameMention(
        start=name_start,
        end=name_end,
        name=text[name_start:name_end],
        context_start=honorific if honorific is not None else name_start,
        honorific=honorific is not None,
        has_surname=first is not None,
    )


def _contiguous(text: str, tokens: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The leading tokens separated by single spaces only."""
    kept = tokens[:1]
    for token in tokens[1:]:
        if text[kept[-1][1] : token[0]] != " ":
            break
        kept.append(token)
    return kept
