"""Organizations: where a body is named and how the record writes it out.

A body is named by a head word ("UBND", "Sở", "Ban Chỉ đạo", "Tỉnh ủy") and what
follows it: a locality ("tỉnh Hà Tĩnh", "TP", "xã Đông Thành"), a field of
government ("TT&TT", "Nội vụ"), another body ("Văn phòng" + "UBND tỉnh") or a
free-form name ("Ban Chỉ đạo chuyển đổi số tỉnh"). National bodies with fixed
names ("Chính phủ", "Bộ Chính trị", "VNPT") are a list. Everything is data in
``patterns/organizations.yaml``; this module reads it into regexes once.

A name is written out in full: abbreviations expanded, the article's province
added where the text leaves it implicit ("UBND tỉnh" → "Ủy ban nhân dân tỉnh
Quảng Ngãi"), or "tỉnh" alone when the article never says which.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any, TypeVar

from loaders.extraction.keys import text_key
from loaders.extraction.letters import LETTER, is_capitalised
from loaders.extraction.local_units import LocalUnits
from loaders.extraction.names import starts_person_name
from loaders.extraction.provinces import ArticleProvince, ProvinceHit, city_end, named_with_unit, province_at
from loaders.extraction.tables import alternation, phrase_pattern, strings, table
from loaders.extraction.titles import title_at
from ontology.gazetteer import Province

_ALNUM = f"{LETTER[:-1]}0-9]"
_SPACE = re.compile(r"[ \t]+")
# A body's short name in brackets after its name: "(VNPT)", "(VNPT Gia Lai)", "(sau đây viết tắt là …)".
_PAREN_ABBREVIATION = re.compile(r"[ \t]*\(([^()\s]{1,15}|[A-ZĐ]{2,}[^()\n]{0,25}|[^()]{1,40}viết tắt[^()]{0,40})\)")
# An abbreviation in brackets between a head and the rest of the name: "Ban Chấp hành (BCH) Đảng bộ tỉnh".
_HEAD_ABBREVIATION = re.compile(r"[ \t]*\([A-ZĐƯ][A-ZĐƯ&.\-]{1,9}\)(?=[ \t]+[^\W\d_])")
# What a party organisation's name written after it names instead: its congress, resolution or documents.
_NAMES_AN_EVENT = re.compile(
    r"(?:Đại hội|đại hội|Nghị quyết|nghị quyết|[Vv]ăn kiện)(?:\s+[Đđ]ại biểu)?(?:\s+[IVXL]+|\s+lần thứ \w+)?\s+$"
)
_UNIT_WORDS = frozenset({"tỉnh", "huyện", "xã", "phường", "quận", "trấn", "phố"})
_OWN_UNIT = re.compile(r"(?:tỉnh|thành phố|tp|thủ đô)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"]([^”\"\n]{2,200})[”\"]")
# "… trên địa bàn tỉnh" closing a quoted name is where the body works, not its name.
_QUOTED_LOCALITY = re.compile(r"\s+(?:trên địa bàn|của)?\s*(?:tỉnh|thành phố)(?:\s+\S.*)?$")
_TOKEN = re.compile(rf"{_ALNUM}+(?:[&.'’/-]{_ALNUM}+)*|[-–&]")
# "2 ban chỉ đạo", "hai Sở": a count of bodies is no body ("kỳ họp thứ 8 HĐND" is one).
_DIGITS_BEFORE = re.compile(r"(?<!thứ )(?<!số )(?<!lần )(?:(?<![\d/.,])\b\d+|\bhai|\bba|\bbốn)[ \t]+$", re.IGNORECASE)
_NATIONAL_WORDS = re.compile(r"quốc gia|Trung ương|Việt Nam|miền (?:Bắc|Trung|Nam)|khu vực|của Đảng", re.IGNORECASE)
_CLAUSE_PUNCTUATION = re.compile(r"[ \t]*[,;.:)\n]")
_UNIT_OPENING = re.compile(r"(?:huyện|quận|thị xã)\b")
_MAX_NAME_TOKENS = 14
_MAX_CLOSED_NAME_TOKENS = 24  # "Ban Chỉ đạo Chương trình mục tiêu quốc gia phát triển … và miền núi tỉnh X"
_MINISTRY_START = re.compile(r"(?<![^\W\d_])Bộ\s")
_OF_THE_MINISTRY = re.compile(r"[ \t]+của[ \t]+Bộ(?![ \t]*[^\W\d_])")
# "các tỉnh", "5 tỉnh", "hai tỉnh, thành phố:" before a list of provinces each of which has the body.
_PROVINCE_LIST_OPENING = re.compile(
    r"(?:của[ \t]+)?(?:các|\d+|hai|ba|bốn|năm|sáu|bảy)[ \t]+(?P<unit>tỉnh,[ \t]*thành phố|tỉnh|thành phố)[ \t]*:?[ \t]*"
)
_LIST_JOINT = re.compile(r"[ \t]*(?:,[ \t]*và|,|và)[ \t]*")
_PARENT_JOINT = re.compile(r"(?:,|[-–—])[ \t]*")
_COMMA_JOINT = re.compile(r",[ \t]*")
_DANGLING = frozenset({"-", "–", "&", "và", "của", "về"})  # words a name cannot end with


@dataclass(frozen=True, slots=True)
class OrgMatch:
    """A body named at ``text[start:end]``.

    ``name`` is the record's full form. ``bare`` marks a head alone ("Ban Chỉ
    đạo") that refers back to a body named in full elsewhere; ``generic`` a
    mention of no particular body ("các Sở", "UBND cấp huyện").
    """

    start: int
    end: int
    name: str
    kind: str
    head: str
    province: Province | None = None
    bare: bool = False
    generic: bool = False
    located: bool = False  # the text itself writes the locality ("tỉnh", "tỉnh Hà Tĩnh")
    #: Of a unit the text does not name ("UBND huyện", "Huyện ủy" in an article naming no district): generic on
    #: its own, one particular body where a person holds a post in it ("Chủ tịch UBND huyện Lê Văn A").
    unnamed: bool = False
    owner: OrgMatch | None = None  # the body named after "của" in a free-form name
    #: The same kind of body of the other provinces of a list ("UBND các tỉnh Kon Tum, Gia Lai và Lâm Đồng").
    siblings: tuple[OrgMatch, ...] = ()

    @property
    def private(self) -> bool:
        """A private company named like a state body ("Tập đoàn FPT"): no organization of the record."""
        return is_private_name(self.name)


@dataclass(frozen=True, slots=True)
class _Head:
    name: str
    kind: str
    complement: str
    scope: str
    requires: bool
    open: bool  # a free-form name may start with a lower-case word
    parents: frozenset[str] = frozenset()  # heads or kinds of the body owning it, after a comma ("Vụ X, Bộ Y")
    owned: bool = False  # a name without its locality or owner is no body of its own ("Phòng Kinh tế")
    unit: str | None = None  # the unit below the province it serves ("huyện" for "Huyện ủy")
    default_owner: bool = False  # named without its owner, it is the article's ministry's ("Vụ Pháp chế")
    or_locality: bool = False  # with no body after it, a locality may follow ("Ban Dân tộc tỉnh")
    any_locality: bool = False  # … of any level, keeping its kind ("Đảng bộ xã Tân Hòa", "Đảng bộ tỉnh Lào Cai")


@dataclass(frozen=True, slots=True)
class _NameRules:
    """How a free-form name is read."""

    inner: bool = False  # the words after a comma, read to see whether the name runs on
    lenient: bool = False  # a verb may open the name ("Ban Chỉ đạo thực hiện …"); a locality must close it
    parents: frozenset[str] = frozenset()  # see _Head.parents
    through: bool = False  # verbs do not end the name ("Tổ công tác đặc biệt đôn đốc …"); a locality must close it


@dataclass(slots=True)
class _FreeName:
    words: list[str]
    end: int
    locality: _Locality | None = None
    owner: OrgMatch | None = None


@dataclass(frozen=True, slots=True)
class _Locality:
    end: int
    text: str  # as the record writes it: "tỉnh Quảng Ngãi", "xã Đông Thành", "tỉnh"
    province: Province | None
    generic: bool
    unnamed: bool = False  # a bare unit word naming no unit the article names ("huyện", "thành phố")


T = TypeVar("T")
_PRIVATE_REGEX = re.compile(alternation(strings("organizations", "private_names")))

# -- tables ------------------------------------------------------------------


def _org_table() -> dict[str, Any]:
    return table("organizations")


def _build_heads() -> dict[str, _Head]:
    heads: dict[str, _Head] = {}
    for item in _org_table()["heads"]:
        head = _Head(
            item["name"],
            item["kind"],
            item["complement"],
            item.get("scope", "local"),
            bool(item.get("requires")),
            bool(item.get("open")),
            frozenset(item.get("parents") or ()),
            bool(item.get("owned")),
            item.get("unit"),
            bool(item.get("default_owner")),
            bool(item.get("or_locality")),
            item.get("or_locality") == "any",
        )
        for form in item.get("forms") or [item["name"]]:
            heads[form] = head
    return heads


_HEADS: dict[str, _Head] = _build_heads()
#: The heads by their folded form, for a head written inside a title ("Trưởng đoàn Đại biểu Quốc hội").
_HEADS_BY_KEY: dict[str, _Head] = {text_key(form): head for form, head in _HEADS.items()}


def head_named(form: str) -> _Head | None:
    """The head a form names ("UBND" → the people's committee), if the table has it."""
    return _HEADS.get(_as_written(form)) or _HEADS_BY_KEY.get(text_key(form))


def _build_national() -> dict[str, tuple[str, str]]:
    return {
        form: (item["name"], item["kind"])
        for item in _org_table()["national"]
        for form in item.get("forms") or [item["name"]]
    }


_NATIONAL: dict[str, tuple[str, str]] = _build_national()


def _domain_forms(item: dict[str, Any]) -> list[str]:
    """A field's forms, each also with an en dash where it has a hyphen ("Kế hoạch – Đầu tư") and with an
    ampersand where it has "và" ("Văn hóa, Thể thao & Du lịch")."""
    forms = list(item.get("forms") or [item["name"]])
    forms += [f.replace("-", "–") for f in forms if "-" in f]
    forms += [f.replace(" và ", " & ") for f in forms if " và " in f]
    return list(dict.fromkeys(forms))


def _build_domains() -> dict[str, tuple[str, bool]]:
    return {
        text_key(form): (item["name"], bool(item.get("ministry_only")))
        for item in _org_table()["domains"]
        for form in _domain_forms(item)
    }


_DOMAINS: dict[str, tuple[str, bool]] = _build_domains()


def _exact(forms: list[str], *, ignore_case: bool = False) -> re.Pattern[str]:
    return re.compile(alternation(forms), re.IGNORECASE if ignore_case else 0)


def _build_head_regex() -> re.Pattern[str]:
    return _exact(list(_HEADS))


_HEAD_REGEX: re.Pattern[str] = _build_head_regex()
_HEAD_REGEX_ANY_CASE = re.compile(_HEAD_REGEX.pattern, re.IGNORECASE)


def _build_national_regex() -> re.Pattern[str]:
    return _exact(list(_NATIONAL))


_NATIONAL_REGEX: re.Pattern[str] = _build_national_regex()
#: For a national body whose head a title shares, in lower case ("Trưởng ban Tuyên giáo Trung ương").
_NATIONAL_REGEX_ANY_CASE = re.compile(_NATIONAL_REGEX.pattern, re.IGNORECASE)
_NATIONAL_BY_KEY: dict[str, tuple[str, str]] = {text_key(form): value for form, value in _NATIONAL.items()}


def _build_start_regex() -> re.Pattern[str]:
    # Not inside a notation: the "BCĐ" of "45/KH-BCĐ" is an issuer code.
    return re.compile(r"(?<![-/])" + alternation([*_HEADS, *_NATIONAL]))


_START_REGEX: re.Pattern[str] = _build_start_regex()


def _build_domain_regex() -> re.Pattern[str]:
    forms = [form for item in _org_table()["domains"] for form in _domain_forms(item)]
    return _exact(forms, ignore_case=True)


_DOMAIN_REGEX: re.Pattern[str] = _build_domain_regex()


def _build_stop_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "name_stops"))


_STOP_REGEX: re.Pattern[str] = _build_stop_regex()


def _build_start_stop_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "name_start_stops"))


_START_STOP_REGEX: re.Pattern[str] = _build_start_stop_regex()


def _build_period_regex() -> re.Pattern[str]:
    return re.compile("|".join(strings("organizations", "name_periods")), re.IGNORECASE)


_PERIOD_REGEX: re.Pattern[str] = _build_period_regex()


def _build_name_phrase_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "name_phrases"), ignore_case=True)


_NAME_PHRASE_REGEX: re.Pattern[str] = _build_name_phrase_regex()


def _build_opening_verb_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "name_opening_verbs"))


_OPENING_VERB_REGEX: re.Pattern[str] = _build_opening_verb_regex()
_INNER_VERB_REGEX = _exact(strings("organizations", "name_inner_verbs"))
_OFFICE_OWNER_REGEX = re.compile(rf"của[ \t]+(?:{alternation(strings('organizations', 'office_owners'))})(?![^\W\d_])")
_MAX_WORDS_BEFORE_TASK = 3


def _build_province_word_regex() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternation(strings('organizations', 'province_words'))})[ \t]*")


_PROVINCE_WORD_REGEX: re.Pattern[str] = _build_province_word_regex()


def _build_generic_locality_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "generic_localities"))


_GENERIC_LOCALITY_REGEX: re.Pattern[str] = _build_generic_locality_regex()


def _build_not_after_regex() -> re.Pattern[str]:
    words = alternation(strings("organizations", "not_after"))
    return re.compile(rf"(?:{words})\s+$")


_NOT_AFTER_REGEX: re.Pattern[str] = _build_not_after_regex()
_OFFICE_KIND_BEFORE = re.compile(
    rf"(?<!\w)(?:\d+|{alternation(strings('organizations', 'office_counts'))})\s+"
    rf"(?:{alternation(strings('organizations', 'office_kinds_before'))})\s+$"
)


def _build_bare_unit_regex() -> re.Pattern[str]:
    return _exact(strings("organizations", "bare_unit_words"))


_BARE_UNIT_REGEX: re.Pattern[str] = _build_bare_unit_regex()
# "huyện, thành phố", "xã/phường", "xã và thị trấn": unit words listed together name a level, not a unit.
_LEVEL_LIST = re.compile(
    rf"[ \t]*(?:,|/|và|hoặc)[ \t]*(?:{alternation(strings('organizations', 'lower_unit_words'))}|thị)(?!{_ALNUM})"
)


def _build_abbreviation_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    expansions: dict[str, str] = _org_table()["abbreviations"]
    body = "|".join(re.escape(a) for a in sorted(expansions, key=len, reverse=True))
    return re.compile(f"(?<!{_ALNUM})(?:{body})(?!{_ALNUM})"), expansions


_ABBREVIATION_REGEX: tuple[re.Pattern[str], dict[str, str]] = _build_abbreviation_regex()


def _as_written(matched: str) -> str:
    """A matched form with its spacing as the table writes it (the patterns allow any run of spaces)."""
    return " ".join(matched.split())


def expand_abbreviations(text: str) -> str:
    """Write out the abbreviations of a name ("Ban Chỉ đạo CNTT" → "Ban Chỉ đạo công nghệ thông tin")."""
    regex, expansions = _ABBREVIATION_REGEX
    return regex.sub(lambda m: expansions[m.group()], text)


def _not_before(name: str, text: str, end: int) -> bool:
    following: dict[str, list[str]] = _org_table()["not_before"]
    words = following.get(name) or []
    return bool(words) and re.match(rf"\s+(?:{'|'.join(map(phrase_pattern, words))})\b", text[end:]) is not None


# -- the reader --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NamedPlaces:
    """Provinces and cities the text names, by offset, and where its sentences start.

    A body written without its province after a province named in the same
    sentence is of that province ("đoàn công tác tỉnh Hà Nam do đồng chí X, Chủ
    tịch UBND tỉnh …"); "thành phố" alone after a city named so is that city.
    """

    sentence_starts: list[int]
    provinces: list[tuple[int, ArticleProvince]]
    cities: list[tuple[int, str]]  # "thành phố Bắc Kạn"
    #: Paragraphs a visit's working session in a province opens ("Chiều 12/4, đoàn làm việc với UBND tỉnh
    #: Điện Biên. Tiếp đoàn có … Phó Chủ tịch UBND tỉnh"): from the province's name to the paragraph's end.
    visited: list[tuple[int, int, ArticleProvince]] = field(default_factory=list)

    def visited_at(self, pos: int) -> ArticleProvince | None:
        """The province whose working session the paragraph holding ``pos`` reports, if one does."""
        return next((province for start, end, province in self.visited if start <= pos < end), None)

    def last_before(self, pos: int, places: list[tuple[int, T]]) -> T | None:
        """The place of ``places`` named last before ``pos`` in the sentence holding ``pos``."""
        index = bisect_right(self.sentence_starts, pos) - 1
        sentence_start = self.sentence_starts[index] if index >= 0 else 0
        found = [place for offset, place in places if sentence_start <= offset < pos]
        return found[-1] if found else None


_NO_PLACES = NamedPlaces([], [], [])


class OrganizationReader:
    """Reads bodies out of one article's text, writing names out with the article's province."""

    def __init__(
        self, text: str, province: ArticleProvince | None, on: date | None, places: NamedPlaces = _NO_PLACES
    ) -> None:
        self.text = text
        self.province = province
        self.on = on
        self._places = places
        self._units = LocalUnits(text, on, province)
        self._siblings: dict[str, OrganizationReader] = {}
        self._ministry: tuple[OrgMatch, ...] | None = None  # the article's ministry, read once

    def _local_province(self, pos: int) -> ArticleProvince | None:
        """The province named last before ``pos`` in its sentence, when it is not the article's (nor one that no
        longer exists on the article's date: "hợp nhất tỉnh Gia Lai và tỉnh Bình Định, … Trung tâm dữ liệu tỉnh")."""
        province = self._places.last_before(pos, self._places.provinces) or self._places.visited_at(pos)
        if province is not None and self.on is not None and not province.province.valid_on(self.on):
            return None
        if province is None or (self.province and province.province.code == self.province.province.code):
            return None
        return province

    def _local_city(self, pos: int) -> str | None:
        """The city below the province named last before ``pos`` in its sentence, else the one the article names."""
        city = self._places.last_before(pos, self._places.cities)
        if city is not None:
            return city
        named = {c for _, c in self._places.cities} | {f"thành phố {n}" for n in self._units.named("thành phố")}
        return next(iter(named)) if len(named) == 1 else None

    def unit_body(self, name: str) -> str | None:
        """A body a title implies, written with the one unit the article names ("Quận ủy" → "Quận ủy Cầu Giấy")."""
        head = _HEADS.get(name)
        if head is None or head.unit is None or (head.complement == "province" and self._in_city()):
            return None
        only = self._unit_named(head.unit, len(self.text))
        return f"{name} {only}" if only else None

    def _unit_named(self, word: str, pos: int) -> str | None:
        """The name of the unit of kind ``word`` a bare mention at ``pos`` means (see :mod:`local_units`)."""
        if word == "thành phố":
            city = self._local_city(pos)
            return city.removeprefix("thành phố ") if city else None
        return self._units.only(word)

    def _in_city(self) -> bool:
        return self.province is not None and self.province.unit == "thành phố"

    def department_at(self, pos: int, head: str = "Sở") -> OrgMatch | None:
        """A department (or ministry, ``head`` "Bộ") written by its field alone at ``pos`` ("Kế hoạch và Đầu
        tư" in a list after "Sở:")."""
        return self._with_domain(_HEADS[head], pos, pos, 0)

    def read_as(self, pos: int, province: ArticleProvince) -> OrgMatch | None:
        """The body at ``pos`` read as written in an article about ``province``."""
        return self._sibling(province).at(pos, any_case=True)

    def _sibling(self, province: ArticleProvince) -> OrganizationReader:
        reader = self._siblings.get(province.province.code)
        if reader is None:
            reader = OrganizationReader(self.text, province, self.on)
            self._siblings[province.province.code] = reader
        return reader

    @property
    def default_locality(self) -> str:
        """How a provincial body's name ends when the text gives no locality."""
        return self.province.locality if self.province else "tỉnh"

    def scan(self, start: int = 0, end: int | None = None) -> list[OrgMatch]:
        """Every body named in ``text[start:end]``, left to right, outermost first, none overlapping."""
        found: list[OrgMatch] = []
        last_end = start
        for match in _START_REGEX.finditer(self.text, start, len(self.text) if end is None else end):
            if match.start() < last_end:
                continue
            org = self.at(match.start())
            if org is not None:
                found.append(org)
                last_end = org.end
        return found

    def at(self, pos: int, depth: int = 0, *, any_case: bool = False) -> OrgMatch | None:
        """The body named exactly at ``pos``, or ``None``.

        ``any_case`` lets the head be written in lower case, as it is where a
        title shares it ("Trưởng ban Tuyên giáo", "Trưởng đoàn Đại biểu Quốc hội").
        """
        local = self._local_province(pos)
        if local is not None:
            return self._sibling(local).at(pos, depth, any_case=any_case)
        headed = self._headed_at(pos, depth, any_case)
        candidates = [c for c in (self._national_at(pos, any_case), headed) if c is not None]
        if not candidates:
            return None
        best = max(candidates, key=lambda c: (c.end, c.head == c.name))
        aliased = self._skip_abbreviation(best.end)  # "Viễn thông Gia Lai (VNPT Gia Lai)" is one body
        if aliased != best.end:
            best = replace(best, end=aliased)
        if self._generic_by_context(best, pos):
            best = replace(best, generic=True)
        return best

    def _generic_by_context(self, org: OrgMatch, pos: int) -> bool:
        """A mention of no one body: after "các", "một số" or a number ("hai Sở"), or after a counted title in lower
        case when written without a locality ("thêm 1 phó chủ tịch UBND đối với các phường": a kind of office)."""
        text = self.text
        if _NOT_AFTER_REGEX.search(text, max(0, pos - 30), pos) or _DIGITS_BEFORE.search(text, max(0, pos - 8), pos):
            return True
        return not org.located and _OFFICE_KIND_BEFORE.search(text, max(0, pos - 30), pos) is not None

    def bare_head_at(self, pos: int) -> OrgMatch | None:
        """A head written alone at ``pos``, up to a comma or clause end ("Đảng ủy," after "Bí thư") or a
        person's name ("Giám đốc Sở Hồ Sỹ Nguyên")."""
        match = _HEAD_REGEX.match(self.text, pos)
        if match is None:
            return None
        named = self.text[match.end() : match.end() + 1] == " " and starts_person_name(self.text, match.end() + 1)
        if not named and not _CLAUSE_PUNCTUATION.match(self.text, match.end()):
            return None
        head = _HEADS[_as_written(match.group())]
        return OrgMatch(pos, match.end(), head.name, head.kind, head.name, bare=True)

    def _national_at(self, pos: int, any_case: bool = False) -> OrgMatch | None:
        match = (_NATIONAL_REGEX_ANY_CASE if any_case else _NATIONAL_REGEX).match(self.text, pos)
        if match is None:
            return None
        name, kind = _NATIONAL_BY_KEY[text_key(match.group())] if any_case else _NATIONAL[_as_written(match.group())]
        if _not_before(name, self.text, match.end()):
            return None
        return OrgMatch(pos, match.end(), name, kind, name)

    def _headed_at(self, pos: int, depth: int, any_case: bool = False) -> OrgMatch | None:
        match = (_HEAD_REGEX_ANY_CASE if any_case else _HEAD_REGEX).match(self.text, pos)
        if match is None:
            return None
        head = _HEADS_BY_KEY[text_key(match.group())] if any_case else _HEADS[_as_written(match.group())]
        abbreviated = _HEAD_ABBREVIATION.match(self.text, match.end())
        after = self._skip_space(abbreviated.end() if abbreviated else match.end())
        parse = {
            "locality": self._with_locality,
            "province": self._with_province,
            "domain": self._with_domain,
            "body": self._with_body,
            "name": self._with_name,
            "place": self._with_place,
        }.get(head.complement)
        org = parse(head, pos, after, depth) if parse else None
        if org is None and head.any_locality and not _NAMES_AN_EVENT.search(self.text, max(0, pos - 30), pos):
            # "Đảng bộ xã Tân Hòa tổ chức Đại hội", "thành lập Đảng bộ tỉnh Lào Cai": a named unit's party
            # organisation (not the congress or resolution named after it, nor one of no unit in particular)
            local = self._with_locality(head, pos, after, depth)
            org = local if local is not None and local.located and not (local.generic or local.unnamed) else None
            org = org if org is not None and org.name.split()[-1] not in _UNIT_WORDS else None
        elif org is None and head.or_locality and not head.any_locality and _OWN_UNIT.match(self.text, after):
            # "Ban Dân tộc tỉnh" is the province's committee, "Ban Dân tộc HĐND tỉnh" the council's
            org = self._with_locality(replace(head, kind="Agency"), pos, after, depth)
        if org is None and not head.requires and head.complement != "domain":
            return OrgMatch(pos, match.end(), head.name, head.kind, head.name, bare=True)
        return org

    # -- complements --------------------------------------------------------

    def _with_locality(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        listed = self._distributed(OrgMatch(pos, after, head.name, head.kind, head.name), after)
        if listed is not None:
            return listed
        locality = self.locality_at(after)
        if locality is None:
            if head.requires:
                return None
            end = self._head_end(pos, after)
            if head.scope == "provincial":
                return self._with_default_locality(OrgMatch(pos, end, head.name, head.kind, head.name))
            return OrgMatch(pos, end, head.name, head.kind, head.name, bare=True)
        return OrgMatch(
            pos,
            locality.end,
            f"{head.name} {locality.text}",
            head.kind,
            head.name,
            province=locality.province,
            generic=locality.generic,
            located=True,
            unnamed=locality.unnamed,
        )

    def _with_province(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        hit = province_at(self.text, after, self.on)
        if hit is not None:
            name = f"{head.name} {named_with_unit(hit.label)}"
            return OrgMatch(pos, hit.end, name, head.kind, head.name, hit.province, located=True)
        if head.requires:
            return None
        if head.unit is not None and not self._in_city():  # "Thành ủy Buôn Ma Thuột" in a province
            local = self._with_place(head, pos, after, depth)
            if local is not None and not local.bare:
                return local
        end = self._head_end(pos, after)
        if self.province is None:
            return OrgMatch(pos, end, head.name, head.kind, head.name)
        name = f"{head.name} {named_with_unit(self.province.label)}"
        return OrgMatch(pos, end, name, head.kind, head.name, self.province.province)

    def _with_place(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        """A body named by the unit it serves ("Huyện ủy Mường Khương", "Quận ủy quận 1"); alone, by the one the
        article names."""
        unit = self._units.at(after)
        if unit is not None and unit.word == head.unit:
            return OrgMatch(pos, unit.end, f"{head.name} {unit.text}", head.kind, head.name, located=True)
        end = self._units.name_end(after)
        if end is not None:
            return OrgMatch(pos, end, f"{head.name} {self.text[after:end]}", head.kind, head.name, located=True)
        only = self._unit_named(head.unit, pos) if head.unit else None
        if only is not None:
            return OrgMatch(pos, self._head_end(pos, after), f"{head.name} {only}", head.kind, head.name)
        if head.requires and head.unit is not None and head.complement == "place":
            # "Bí thư Huyện ủy" in an article that names no district: the committee of the unit it is about
            end = self._head_end(pos, after)
            return OrgMatch(pos, end, head.name, head.kind, head.name, generic=True, unnamed=True)
        if head.requires:
            return None
        return OrgMatch(pos, self._head_end(pos, after), head.name, head.kind, head.name, bare=True)

    def _with_domain(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        match = _DOMAIN_REGEX.match(self.text, after)
        if match is None:
            return None
        domain, ministry_only = _DOMAINS[text_key(match.group())]
        if ministry_only and head.scope != "national":
            return None
        name = f"{head.name} {domain}"
        end = self._skip_abbreviation(match.end())
        if head.scope == "national":
            return OrgMatch(pos, end, name, head.kind, head.name)
        return self._localised(OrgMatch(pos, end, name, head.kind, head.name), end)

    def _with_body(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        if depth > 2:
            return None
        inner = self.at(after, depth + 1)
        if inner is None and head.parents:  # "Ban Kinh tế - Ngân sách, HĐND tỉnh", "Ban Pháp chế – HĐND tỉnh"
            joint = _PARENT_JOINT.match(self.text, after)
            parent = self.at(joint.end(), depth + 1) if joint else None
            if parent is not None and (parent.kind in head.parents or parent.head in head.parents):
                inner = parent
        if inner is None or (inner.generic and not inner.unnamed):
            return None
        if inner.bare and inner.head == inner.name and head.requires:
            return None
        return OrgMatch(
            pos,
            inner.end,
            f"{head.name} {inner.name}",
            head.kind,
            head.name,
            inner.province,
            generic=inner.generic,
            located=inner.located,
            unnamed=inner.unnamed,
        )

    def _with_name(self, head: _Head, pos: int, after: int, depth: int) -> OrgMatch | None:
        free = self._free_name(after, _NameRules(parents=head.parents))
        if not free.words and _OPENING_VERB_REGEX.match(self.text, after):
            # "Ban Chỉ đạo thực hiện các chương trình … tỉnh Phú Yên": a verb opens a name a locality closes
            lenient = self._free_name(after, _NameRules(lenient=True, parents=head.parents))
            free = lenient if lenient.locality is not None and not lenient.locality.generic else free
        if free.locality is None and free.owner is None and head.open and self._named_by_task(after, free):
            # "Tổ công tác đặc biệt đôn đốc giải ngân … tỉnh Kiên Giang": a task named by a verb a locality closes
            through = self._free_name(after, _NameRules(parents=head.parents, through=True))
            free = through if through.locality is not None and not through.locality.generic else free
        if not free.words and head.open and (owner := self._owner_at(after)) is not None:
            # "Đoàn giám sát của Ban Pháp chế HĐND tỉnh": a team named by its owner alone
            name = f"{head.name} của {owner.name}"
            return OrgMatch(
                pos, owner.end, name, head.kind, head.name, owner.province, located=owner.located, owner=owner
            )
        words, end, locality, owner = free.words, free.end, free.locality, free.owner
        if not words or (not head.open and not words[0][:1].isupper()) or (head.owned and not (locality or owner)):
            return None
        name = f"{head.name} {expand_abbreviations(' '.join(words))}"
        org = OrgMatch(pos, end, name, head.kind, head.name, owner=owner)
        if words == ["cấp"]:  # "Ban Chỉ đạo cấp tỉnh": a level's committee, none in particular
            return replace(org, generic=True)
        placed = locality is not None or owner is not None
        if not placed and head.scope != "provincial" and words[0][:1].islower() and not _numbered(words):
            return None  # "Trung tâm dữ liệu tập trung" is a facility; "Trung tâm … tỉnh X", "… của UBND tỉnh" a body
        if locality is not None:
            return replace(
                org,
                name=f"{name} {locality.text}",
                province=locality.province,
                generic=locality.generic,
                located=True,
            )
        closing = self._province_closing(after, end)
        if closing is not None:  # "Ban Quản lý Khu kinh tế Đông Nam Nghệ An": the name ends with its province
            return replace(org, province=closing.province, located=True)
        if self._city_closing(after, end):  # "Ban Quản lý Khu kinh tế Phú Quốc": or with a city of the province
            return replace(org, located=True)

        if head.scope == "provincial" and owner is None and not _NATIONAL_WORDS.search(name):
            return self._with_default_locality(org)
        if head.default_owner and owner is None:
            return self._with_article_ministry(org)
        return org

    def _city_closing(self, start: int, end: int) -> bool:
        """True when the name of a city the gazetteer knows closes the words ``text[start:end]``."""
        pos = self.text.find(" ", start, end)
        while pos >= 0:
            if city_end(self.text, pos + 1, with_unit=False) == end:
                return True
            pos = self.text.find(" ", pos + 1, end)
        return False

    def _named_by_task(self, after: int, free: _FreeName) -> bool:
        """True when a body is named by its task, a verb opening its name or stopping it early ("Tổ công tác rà
        soát, tháo gỡ …", "Tổ công tác đặc biệt | đôn đốc …")."""
        if _INNER_VERB_REGEX.match(self.text, after) is not None:
            return True
        pos = self._skip_space(free.end)
        return len(free.words) <= _MAX_WORDS_BEFORE_TASK and _INNER_VERB_REGEX.match(self.text, pos) is not None

    def _province_closing(self, start: int, end: int) -> ProvinceHit | None:
        """The province whose name closes the words ``text[start:end]`` of a free-form name, if one does."""
        pos = self.text.find(" ", start, end)
        while pos >= 0:
            hit = province_at(self.text, pos + 1, self.on)
            if hit is not None and hit.end == end:
                return hit
            pos = self.text.find(" ", pos + 1, end)
        return None

    def _with_article_ministry(self, org: OrgMatch) -> OrgMatch:
        """A ministry's department named without its ministry ("Vụ Kế hoạch - Tài chính", "Vụ Tổ chức cán bộ
        của Bộ") is the department of the ministry the article is about: the one it names most often."""
        ministry = self._article_ministry()
        if ministry is None:
            return org
        of_it = _OF_THE_MINISTRY.match(self.text, org.end)
        end = of_it.end() if of_it else org.end
        return replace(org, end=end, name=f"{org.name} {ministry.name}", owner=ministry)

    def article_ministry(self) -> OrgMatch | None:
        """The ministry the article is about: the one it names most often (the first of equals)."""
        return self._article_ministry()

    def _article_ministry(self) -> OrgMatch | None:
        if self._ministry is None:
            found = [org for m in _MINISTRY_START.finditer(self.text) if (org := self._ministry_at(m.start()))]
            counts: dict[str, int] = {}
            for org in found:
                counts[org.name] = counts.get(org.name, 0) + 1
            best = max(counts, key=lambda name: counts[name], default=None)
            self._ministry = (next(org for org in found if org.name == best),) if best else ()
        return self._ministry[0] if self._ministry else None

    def _ministry_at(self, pos: int) -> OrgMatch | None:
        national = self._national_at(pos)
        if national is not None and national.kind == "Ministry":
            return national
        return self._with_domain(_HEADS["Bộ"], pos, self._skip_space(pos + len("Bộ")), 0)

    # -- pieces -------------------------------------------------------------

    def locality_at(self, pos: int) -> _Locality | None:
        """The locality written at ``pos``: "tỉnh Hà Tĩnh", "TP", "xã Đông Thành", "cấp huyện" …"""
        lower = self._lower_unit_at(pos)
        if lower is not None:
            return lower
        whole = province_at(self.text, pos, self.on)  # "TP.HCM", "Thủ đô Hà Nội": a name with its unit word
        if whole is not None and _OWN_UNIT.match(self.text, pos):
            unit = self._unit_word(whole.province, "thành phố")
            return _Locality(whole.end, f"{unit} {whole.label}", whole.province, False)
        word = _PROVINCE_WORD_REGEX.match(self.text, pos)
        written = word.group().strip() if word else None
        hit = province_at(self.text, word.end() if word else pos, self.on)
        if hit is not None:
            unit = self._unit_word(hit.province, written)
            return _Locality(hit.end, f"{unit} {hit.label}", hit.province, False)
        bare = self._units.bare_at(pos)  # "UBND huyện" in an article about one district
        if bare is not None:
            return _Locality(bare.end, bare.text, None, False)
        generic = _GENERIC_LOCALITY_REGEX.match(self.text, pos)
        if generic is not None:
            unnamed = _BARE_UNIT_REGEX.fullmatch(generic.group()) is not None and not self._levels_listed(generic.end())
            return _Locality(generic.end(), generic.group(), None, True, unnamed)
        if written is None:
            return None
        end = pos + len(word.group().rstrip()) if word else pos
        if written != "tỉnh" and not self._in_city():
            city = self._local_city(pos)  # "… tại thành phố Bắc Kạn có … Chủ tịch HĐND thành phố"
            if city:
                return _Locality(end, city, None, False)
            return _Locality(end, "thành phố", None, True, not self._levels_listed(end))
        if self._levels_listed(end):  # "UBND tỉnh, thành phố, xã, phường": every one of those levels
            return _Locality(end, written, None, True)
        province = self.province.province if self.province else None
        return _Locality(end, self.default_locality, province, False)

    def _levels_listed(self, end: int) -> bool:
        """True when another unit word follows a bare one: "UBND huyện, thành phố" is every district's."""
        return _LEVEL_LIST.match(self.text, end) is not None

    def _lower_unit_at(self, pos: int) -> _Locality | None:
        """A district, town or commune named at ``pos`` ("xã Đông Thành", "TP Hà Tĩnh" in a province)."""
        unit = self._units.at(pos)
        return _Locality(unit.end, unit.text, None, False) if unit is not None else None

    def _unit_word(self, province: Province, written: str | None) -> str:
        if self.province is not None and province.code == self.province.province.code:
            return self.province.unit
        if written == "tỉnh":
            return "tỉnh"
        return "thành phố" if province.is_city or written else "tỉnh"

    def _distributed(self, org: OrgMatch, after: int) -> OrgMatch | None:
        """One body per province of a list written after it ("UBND 5 tỉnh Kon Tum, Gia Lai, …", "Sở Y tế các
        tỉnh A và B"): the first as ``org``, the others as its siblings; ``None`` when no list follows."""
        opening = _PROVINCE_LIST_OPENING.match(self.text, after)
        if opening is None:
            return None
        hits = []
        pos = opening.end()
        while (hit := province_at(self.text, pos, self.on)) is not None:
            hits.append(hit)
            joint = _LIST_JOINT.match(self.text, hit.end)
            if joint is None:
                break
            pos = joint.end()
        if len(hits) < 2:
            return None
        unit = "thành phố" if opening.group("unit").lower().startswith("thành") else "tỉnh"
        bodies = [
            replace(
                org,
                end=hit.end,
                name=f"{org.name} {self._unit_word(hit.province, unit)} {hit.label}",
                province=hit.province,
                located=True,
            )
            for hit in hits
        ]
        siblings = tuple(replace(b, start=h.start) for b, h in zip(bodies[1:], hits[1:], strict=True))
        return replace(bodies[0], end=hits[-1].end, siblings=siblings)

    def _localised(self, org: OrgMatch, after: int) -> OrgMatch:
        """``org`` with the locality written after it, or the article's province if none is."""
        pos = self._skip_space(after)
        listed = self._distributed(org, pos)
        if listed is not None:
            return listed
        locality = self.locality_at(pos)
        if locality is None:
            hit = province_at(self.text, pos, self.on)
            if hit is not None:
                unit = self._unit_word(hit.province, None)
                locality = _Locality(hit.end, f"{unit} {hit.label}", hit.province, False)
        if locality is None or locality.generic:
            return self._with_default_locality(replace(org, generic=locality is not None and locality.generic))
        return replace(
            org,
            end=locality.end,
            name=f"{org.name} {locality.text}",
            province=locality.province,
            located=True,
        )

    def _with_default_locality(self, org: OrgMatch) -> OrgMatch:
        province = self.province.province if self.province else None
        return replace(org, name=f"{org.name} {self.default_locality}", province=province)

    def _free_name(self, pos: int, rules: _NameRules = _NameRules()) -> _FreeName:
        """The words of a free-form name from ``pos`` up to what ends it, a locality that closes it, its owner.

        A comma ends the name unless the words after it run on to a locality or
        a period ("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh").
        """
        name = _FreeName([], pos)
        ends: list[int] = []  # where each word ends, to give back the dangling ones
        while len(name.words) < _MAX_CLOSED_NAME_TOKENS:
            pos = self._skip_space(name.end)
            if pos >= len(self.text):
                break
            closed = self._closed(pos, name.words, rules)
            if closed is not None and (len(closed.words) <= _MAX_NAME_TOKENS or closed.locality is not None):
                return closed
            piece = self._piece(pos, name.words, rules.lenient, rules.through)
            if piece is None:
                break
            name.words.append(piece[0])
            name.end = piece[1]
            ends.append(piece[1])
        if len(name.words) > _MAX_NAME_TOKENS:  # a long name is one only when a locality closes it
            name.words, ends = name.words[:_MAX_NAME_TOKENS], ends[:_MAX_NAME_TOKENS]
            name.end = ends[-1]
        while name.words and name.words[-1] in _DANGLING:
            name.words.pop()
            ends.pop()
            name.end = ends[-1] if ends else name.end
        return name

    def _closed(self, pos: int, words: list[str], rules: _NameRules) -> _FreeName | None:
        """The name closed at ``pos``: by a locality, by its owner ("của Ban X", ", Bộ Y"), or run on past a
        comma."""
        closing = self._closing_locality(pos)
        if closing is not None:
            return _FreeName(words, closing.end, closing)
        owner = self._owner_at(pos) if words else None
        if owner is not None:
            return _FreeName([*words, "của", owner.name], owner.end, owner=owner)
        office = _OFFICE_OWNER_REGEX.match(self.text, pos) if words else None
        if office is not None:  # "Tổ công tác số 2 của Thủ tướng Chính phủ": an office is no body, but names it
            return _FreeName([*words, *office.group().split()], office.end())
        parent = self._parent_at(pos, rules.parents) if words and rules.parents else None
        if parent is not None:
            return _FreeName([*words, parent.name], parent.end, owner=parent)
        if self.text[pos] == "," and words and not rules.inner:
            more = self._free_name(pos + 1, _NameRules(inner=True, through=rules.through))
            runs_on = more.words and more.words[0][:1].islower()
            if runs_on and (more.locality is not None or _PERIOD_REGEX.search(more.words[-1])):
                return _FreeName([*words[:-1], words[-1] + ",", *more.words], more.end, more.locality)
        return None

    def _piece(
        self, pos: int, words: list[str], lenient: bool = False, through: bool = False
    ) -> tuple[str, int] | None:
        """The next word of a name at ``pos`` and where it ends, or ``None`` where the name ends."""
        quoted = _QUOTED.match(self.text, pos) if not words else None
        if quoted is not None:
            return _QUOTED_LOCALITY.sub("", quoted.group(1)).strip(), quoted.end()
        phrase = _PERIOD_REGEX.match(self.text, pos) if words else None
        phrase = phrase or _NAME_PHRASE_REGEX.match(self.text, pos)
        if phrase is not None:
            return " ".join(phrase.group().split()), phrase.end()
        if self._ends_name(pos, words, lenient, through):
            return None
        token = _TOKEN.match(self.text, pos)
        if token is None or (not words and _START_STOP_REGEX.match(self.text, pos)):
            return None
        return token.group(), self._skip_abbreviation(token.end())

    def _closing_locality(self, pos: int) -> _Locality | None:
        for prefix in ("trên địa bàn ", "của "):
            if self.text.startswith(prefix, pos):
                locality = self.locality_at(pos + len(prefix))
                return locality if locality is not None and not locality.generic else None
        if self.text.startswith(("tỉnh", "thành phố", "TP"), pos):
            return self.locality_at(pos)
        if _UNIT_OPENING.match(self.text, pos):  # "Ban Chỉ đạo chuyển đổi số huyện Mường Khương"
            locality = self.locality_at(pos)
            return locality if locality is not None and not locality.generic else None
        return None

    def _owner_at(self, pos: int) -> OrgMatch | None:
        """The body after "của" that a free-form name belongs to ("Đoàn giám sát của Ban Thường vụ Tỉnh ủy")."""
        if not self.text.startswith("của ", pos):
            return None
        owner = self.at(pos + 4, 1)
        return owner if owner is not None and not owner.generic and not owner.bare else None

    def _parent_at(self, pos: int, kinds: frozenset[str]) -> OrgMatch | None:
        """The body written after a comma that owns a unit's name ("Vụ Pháp chế, Bộ Y tế"), if of ``kinds``."""
        # "Vụ Pháp chế, Bộ Y tế"; a committee's subcommittee also after a dash ("Tiểu ban tuyên truyền - Ban Chỉ đạo
        # …"), while "Cục UDCNTT - Bộ TT&TT" is the department alone, as the record writes a ministry's Cục
        joint = _PARENT_JOINT.match(self.text, pos) if "SteeringCommittee" in kinds else None
        joint = joint or (_COMMA_JOINT.match(self.text, pos) if kinds else None)
        if joint is None:
            return None
        parent = self.at(joint.end(), 1)
        if parent is None or parent.generic or parent.bare:
            return None
        return parent if parent.kind in kinds or parent.head in kinds else None

    def _ends_name(self, pos: int, words: list[str], lenient: bool = False, through: bool = False) -> bool:
        char = self.text[pos]
        if char in ',;:.!?()“”"\n…':
            return True
        if char in "-–—" and self.text[pos + 1 : pos + 2] in (" ", "") and words:
            return not self._joins_names(pos, words)
        if _STOP_REGEX.match(self.text, pos) is not None and not (lenient and not words) and not through:
            return True
        if starts_person_name(self.text, pos) or (words and _starts_title(self.text, pos)):
            return True
        return bool(words) and _START_REGEX.match(self.text, pos) is not None

    def _joins_names(self, pos: int, words: list[str]) -> bool:
        """A dash between two capitalised parts of one name ("miền Trung - Tây Nguyên")."""
        after = self._skip_space(pos + 1)
        following = _TOKEN.match(self.text, after)
        return (
            (words[-1][:1].isupper() or words[0][:1].isupper())
            and following is not None
            and is_capitalised(following.group())
            and not starts_person_name(self.text, after)
            and not _starts_title(self.text, after)
        )

    def _skip_space(self, pos: int) -> int:
        text = self.text
        if text[pos : pos + 1] not in (" ", "\t"):
            return pos  # the common case, without a regex call
        match = _SPACE.match(text, pos)
        return match.end() if match else pos

    def skip_space(self, pos: int) -> int:
        """``pos`` past the spaces written at it."""
        return self._skip_space(pos)

    def _skip_abbreviation(self, pos: int) -> int:
        match = _PAREN_ABBREVIATION.match(self.text, pos)
        return match.end() if match else pos

    def _head_end(self, pos: int, after: int) -> int:
        return len(self.text[pos:after].rstrip()) + pos


def _numbered(words: list[str]) -> bool:
    return any(word.isdigit() for word in words)


def is_private_name(name: str) -> bool:
    """True for the name of a private group ("Tập đoàn FPT"), which the record leaves out."""
    return _PRIVATE_REGEX.search(name) is not None


def is_national_name(name: str) -> bool:
    """True for a name that places the body above the provinces ("Ban Chỉ đạo quốc gia …")."""
    return _NATIONAL_WORDS.search(name) is not None


def _starts_title(text: str, pos: int) -> bool:
    return text[pos : pos + 1].isupper() and title_at(text, pos) is not None
