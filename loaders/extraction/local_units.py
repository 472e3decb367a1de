"""Units below the province: where a district, town, commune or city is named, and which one a bare word means.

"huyện Mường Khương", "TP Buôn Ma Thuột", "xã Ia Băng" name a unit; the name ends
before a person's name written after it ("huyện Mai Sơn Nguyễn Văn A"). An article
about one district calls it "huyện" alone afterwards ("Chủ tịch UBND huyện", "Bí
thư Huyện ủy"): a bare unit word means the one unit of that kind the article
names, when it names exactly one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from loaders.extraction.letters import CAP_SYLLABLE, LETTER
from loaders.extraction.names import starts_person_name
from loaders.extraction.provinces import ArticleProvince, city_end, province_at
from loaders.extraction.tables import alternation, strings, table
from ontology.gazetteer import Province

# A unit's name: capitalised syllables, ending with a number where units of one name are numbered ("xã Tân Phước 1");
# or a number alone ("phường 3", "quận 1").
_NUMBER_END = r"(?: \d{1,2}(?=[ \t]*[,.;:)\n]|[ \t]+(?:và|cùng|đã|có)\b|$))?"
_NAME = re.compile(
    rf"(?:{CAP_SYLLABLE}(?: {CAP_SYLLABLE}){{0,3}}(?!{LETTER[:-1]}0-9]){_NUMBER_END}|\d{{1,2}}(?![\d/.,]|[ \t]*[%-]))"
)
_SYLLABLES = re.compile(r"\S+")
# Units of the two-level local government, of which an article may name several and mean one.
_MOST_NAMED_WORDS = frozenset({"xã", "phường"})


def _build_unit_word_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(strings('organizations', 'lower_unit_words'))})[ \t]+")


_UNIT_WORD: re.Pattern[str] = _build_unit_word_regex()


def _build_bare_word_regex() -> re.Pattern[str]:
    return re.compile(alternation(strings("organizations", "bare_unit_words")))


_BARE_WORD: re.Pattern[str] = _build_bare_word_regex()


def _build_committee_units() -> dict[str, str]:
    """The party committees named by their unit ("Huyện ủy Mường Khương"), by form, with their unit word."""
    return {
        form: head["unit"]
        for head in table("organizations")["heads"]
        if head.get("unit")
        for form in head.get("forms") or [head["name"]]
    }


_COMMITTEE_UNITS: dict[str, str] = _build_committee_units()
_COMMITTEE = re.compile(rf"(?:{alternation(_COMMITTEE_UNITS)})[ \t]+")


def _spelled_out(word: str) -> str:
    """The unit word as the record writes it ("TP" → "thành phố", "TX" → "thị xã")."""
    expansions: dict[str, str] = table("organizations")["abbreviations"]
    return expansions.get(word, word)


@dataclass(frozen=True, slots=True)
class LocalUnit:
    """A unit below the province named at ``text[start:end]``: its unit word and its name."""

    start: int
    end: int
    word: str  # "huyện", "thành phố", "xã"
    name: str  # "Mường Khương"

    @property
    def text(self) -> str:
        """How a body's name ends with this unit: "huyện Mường Khương"."""
        return f"{self.word} {self.name}"


class LocalUnits:
    """The units below the province one article names."""

    def __init__(self, text: str, on: date | None, province: ArticleProvince | None = None) -> None:
        self.text = text
        self.on = on
        self.province = province  # the article's, as it writes it
        self._named: dict[str, set[str]] | None = None
        self._counts: Counter[tuple[str, str]] | None = None

    def at(self, pos: int) -> LocalUnit | None:
        """The unit written at ``pos`` ("xã Đông Thành", "TP Hà Tĩnh" in a province); a province is none."""
        word = _UNIT_WORD.match(self.text, pos)
        if word is None:
            return None
        name = _NAME.match(self.text, word.end())
        if name is None:
            return None
        unit_word = _spelled_out(word.group().strip())
        hit = province_at(self.text, word.end(), self.on)
        if hit is not None and (unit_word != "thành phố" or self._city_province(hit.province)):
            return None
        end = hit.end if hit is not None else city_end(self.text, pos) or self._name_end(word.end(), name.end())
        if end is None:
            return None
        return LocalUnit(pos, end, unit_word, self.text[word.end() : end])

    def _city_province(self, province: Province) -> bool:
        """True when "thành phố X" names the province itself: a city-province the article does not write as a
        province ("thành phố Huế" in an article about the tỉnh Thừa Thiên Huế is the city below it)."""
        article = self.province
        if article is not None and article.province.code == province.code:
            return article.unit == "thành phố"
        return province.is_city

    def bare_at(self, pos: int) -> LocalUnit | None:
        """The unit a bare word at ``pos`` means ("huyện" → "huyện Mường Khương"), if the article names one."""
        word = _BARE_WORD.match(self.text, pos)
        if word is None:
            return None
        name = self.only(word.group())
        return LocalUnit(pos, word.end(), word.group(), name) if name is not None else None

    def only(self, word: str) -> str | None:
        """The name of the one unit of kind ``word`` ("huyện") the article names, if it names exactly one; of a
        commune or ward, the one it names more often than any other ("xã Sông Lô" beside the three communes
        it was merged from)."""
        names = self.named(word)
        if len(names) == 1:
            return next(iter(names))
        if word not in _MOST_NAMED_WORDS or self._counts is None:
            return None
        counts = sorted(((self._counts[(word, name)], name) for name in names), reverse=True)
        return counts[0][1] if counts and counts[0][0] >= 2 and counts[0][0] > counts[1][0] else None

    def named(self, word: str) -> frozenset[str]:
        """The names of the units of kind ``word`` the article names."""
        if self._named is None:
            self._named = {}
            self._counts = Counter()
            for match in _UNIT_WORD.finditer(self.text):
                unit = self.at(match.start())
                if unit is not None:
                    self._named.setdefault(unit.word, set()).add(unit.name)
                    self._counts[(unit.word, unit.name)] += 1
            for match in _COMMITTEE.finditer(self.text):  # "Thành ủy Vinh" names the city Vinh
                end = self.name_end(match.end())
                if end is not None:
                    unit_word = _COMMITTEE_UNITS[" ".join(match.group().split())]
                    self._named.setdefault(unit_word, set()).add(self.text[match.end() : end])
        return frozenset(self._named.get(word, ()))

    def name_end(self, pos: int) -> int | None:
        """Where a unit's name written at ``pos`` without its unit word ends ("Huyện ủy Mường Khương",
        "Thành ủy Buôn Ma Thuột"); ``None`` for a province's name or none."""
        city = city_end(self.text, pos, with_unit=False)
        if city is not None:
            return city
        name = _NAME.match(self.text, pos)
        if name is None or province_at(self.text, pos, self.on) is not None:
            return None
        return self._name_end(pos, name.end())

    def _name_end(self, start: int, end: int) -> int | None:
        """Where a unit's name ends: before a person's name written after it ("huyện Mai Sơn Nguyễn Văn A");
        ``None`` when the words are a person's name ("UBND thành phố Lưu Quang Tiến")."""
        syllables = list(_SYLLABLES.finditer(self.text, start, end))
        for index, syllable in enumerate(syllables):
            if starts_person_name(self.text, syllable.start()):
                if index == 0:
                    return None if len(syllables) >= 3 else end
                return syllables[index - 1].end()
        return end
