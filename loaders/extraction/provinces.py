"""Which province an article is about, and province names at a place in the text.

A province is named ("tỉnh Quảng Ngãi", "Sở TT&TT Hải Phòng"), or given away by a
city ("TP Hạ Long"). News outlets are not used: the annotation conventions take
the province from what the article itself says about its events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

from loaders.extraction.keys import text_key
from loaders.extraction.letters import LETTER
from loaders.extraction.names import starts_person_name
from loaders.extraction.tables import alternation, phrase_pattern, strings
from ontology.gazetteer import Province, provinces, resolve_province

_NOT_LETTER_BEFORE = f"(?<!{LETTER[:-1]}0-9])"
_NOT_LETTER_AFTER = f"(?!{LETTER[:-1]}0-9])"
_OWN_UNIT = re.compile(r"(?:tỉnh|thành phố|tp|thủ đô)\b", re.IGNORECASE)
_UNIT_BEFORE = re.compile(r"(?:(?P<province>tỉnh)|(?P<city>thành phố|TP\.?|Tp\.?))\s*$")
_ANY_UNIT_BEFORE = re.compile(r"(?:tỉnh|thành phố|Thành phố|TP\.?|Tp\.?)\s*$")
_UNIT_REQUIRED = frozenset(strings("provinces", "unit_required"))


@dataclass(frozen=True, slots=True)
class ProvinceHit:
    """A province named (or given away by a city) at ``text[start:end]``."""

    start: int
    end: int
    province: Province
    label: str  # the gazetteer label the text matched
    by_city: bool


@dataclass(frozen=True, slots=True)
class ArticleProvince:
    """The province an article is about, as the article writes it."""

    province: Province
    label: str  # "Thừa Thiên Huế", "Hải Phòng"
    unit: str  # "tỉnh" or "thành phố"

    @property
    def locality(self) -> str:
        """How a body's name ends with this province: "tỉnh Quảng Ngãi", "thành phố Hải Phòng"."""
        return f"{self.unit} {self.label}"


def _build_labels() -> tuple[dict[str, str], dict[str, tuple[Province, ...]]]:
    names: dict[str, str] = {}
    cities: dict[str, list[Province]] = {}
    for unit in provinces():
        for label in (unit.name, *unit.aliases):
            names.setdefault(text_key(label), label)
        for city in unit.cities:
            cities.setdefault(text_key(city), []).append(unit)
    return names, {key: tuple(units) for key, units in cities.items()}


_LABELS: tuple[dict[str, str], dict[str, tuple[Province, ...]]] = _build_labels()


def _build_name_regex() -> re.Pattern[str]:
    names, _ = _LABELS
    return re.compile(alternation(names.values()))


_NAME_REGEX: re.Pattern[str] = _build_name_regex()


def _build_city_body() -> str:
    _, cities = _LABELS
    labels = {city for units in cities.values() for unit in units for city in unit.cities}
    body = "|".join(phrase_pattern(label) for label in sorted(labels, key=len, reverse=True))
    return f"(?P<city>{body}){_NOT_LETTER_AFTER}"


_CITY_BODY: str = _build_city_body()
_CITY_REGEX = re.compile(f"(?:thành phố|TP\\.?|Tp\\.?|thị xã|TX|Thành ủy|Thị ủy)\\s+{_CITY_BODY}")
_CITY_NAME_REGEX = re.compile(_CITY_BODY)


def city_end(text: str, pos: int, *, with_unit: bool = True) -> int | None:
    """Where the name of a city the gazetteer knows ends, written at ``pos`` after its unit word ("TP Buôn
    Ma Thuột") or, without ``with_unit``, alone ("Thành ủy Buôn Ma Thuột"); ``None`` if none is."""
    match = (_CITY_REGEX if with_unit else _CITY_NAME_REGEX).match(text, pos)
    return match.end("city") if match else None


def province_at(text: str, pos: int, on: date | None) -> ProvinceHit | None:
    """The province named exactly at ``pos`` ("Quảng Ngãi …"), resolved for the day ``on``."""
    match = _NAME_REGEX.match(text, pos)
    if match is None:
        return None
    label = _LABELS[0][text_key(match.group())]
    if label in _UNIT_REQUIRED and _ANY_UNIT_BEFORE.search(text, max(0, pos - 12), pos) is None:
        return None  # "Chủ tịch Hồ Chí Minh", "Học viện Chính trị quốc gia Hồ Chí Minh": no city
    unit = resolve_province(label, on=on)
    return ProvinceHit(match.start(), match.end(), unit, display_label(label, unit), False) if unit else None


def named_with_unit(label: str) -> str:
    """A province's name as a body's name closes with it: "Hồ Chí Minh" alone is the President, so "Thành ủy
    TPHCM" is the "Thành ủy thành phố Hồ Chí Minh" (see ``patterns/provinces.yaml``)."""
    return f"thành phố {label}" if label in _UNIT_REQUIRED else label


def display_label(label: str, province: Province) -> str:
    """How a body's name writes the province: the name the text used, unless that is an abbreviation or
    carries its own unit word ("TP.HCM", "TT-Huế" → the gazetteer's name; "Thừa Thiên Huế" stays)."""
    abbreviated = not any(ch.islower() for ch in label) or any(ch in label for ch in ".-")
    return province.name if abbreviated or _OWN_UNIT.match(label) else label


def find_provinces(text: str, on: date | None) -> list[ProvinceHit]:
    """Every province named in ``text`` outside people's names, and every city that gives one away."""
    hits: list[ProvinceHit] = []
    for match in _NAME_REGEX.finditer(text):
        if _inside_person_name(text, match.start()):
            continue
        hit = province_at(text, match.start(), on)
        if hit is not None:
            hits.append(hit)
    _, cities = _LABELS
    for match in _CITY_REGEX.finditer(text):
        units = cities.get(text_key(match.group("city")), ())
        valid = [u for u in units if on is None or u.valid_on(on)] or list(units)
        if len(valid) == 1:
            hits.append(ProvinceHit(match.start("city"), match.end("city"), valid[0], valid[0].name, True))
    return sorted(hits, key=lambda hit: hit.start)


def _inside_person_name(text: str, start: int) -> bool:
    """True when the capitalised words just before ``start`` begin a person's name ("Nguyễn Hà Nam")."""
    run_start = start
    while True:
        before = re.search(r"(\S+) $", text[max(0, run_start - 20) : run_start])
        if before is None or not before.group(1)[:1].isupper() or not before.group(1).isalpha():
            return False
        run_start -= len(before.group(1)) + 1
        if starts_person_name(text, run_start):
            return True


def article_province(text: str, title_end: int, hits: list[ProvinceHit]) -> ArticleProvince | None:
    """The province the article is mainly about: the most often named one, title and "tỉnh X" counting double.

    ``hits`` are the article's :func:`find_provinces`.
    """
    if not hits:
        return None
    weights: Counter[str] = Counter()
    first: dict[str, int] = {}
    for hit in hits:
        unit_before = _UNIT_BEFORE.search(text, max(0, hit.start - 12), hit.start)
        weights[hit.province.code] += 2 if unit_before or hit.start < title_end else 1
        first.setdefault(hit.province.code, hit.start)
    code = max(weights, key=lambda c: (weights[c], -first[c]))
    mine = [hit for hit in hits if hit.province.code == code]
    unit = _unit(text, mine)
    return ArticleProvince(mine[0].province, _label(text, mine, unit), unit)


def _label(text: str, hits: list[ProvinceHit], unit: str) -> str:
    """The name the article gives the province: the one written after its unit word ("tỉnh Thừa Thiên Huế",
    not the "thành phố Huế" below it), else after either unit word, else the commonest."""
    written = [(hit, _UNIT_BEFORE.search(text, max(0, hit.start - 12), hit.start)) for hit in hits]
    formal = [hit.label for hit, word in written if word and (word.group("province") is not None) == (unit == "tỉnh")]
    formal = formal or [hit.label for hit, word in written if word]
    named = [hit.label for hit in hits if not hit.by_city]
    pool = formal or named or [hits[0].province.name]
    return Counter(pool).most_common(1)[0][0]


def unit_before(text: str, hit: ProvinceHit) -> str:
    """The unit word written before a province's name ("tỉnh", "thành phố" for "TP"), else the gazetteer's."""
    written = _UNIT_BEFORE.search(text, max(0, hit.start - 12), hit.start)
    if written is not None:
        return "tỉnh" if written.group("province") else "thành phố"
    return "thành phố" if hit.province.is_city else "tỉnh"


def _unit(text: str, hits: list[ProvinceHit]) -> str:
    province = hits[0].province
    votes: Counter[str] = Counter()
    for hit in hits:
        unit_before = _UNIT_BEFORE.search(text, max(0, hit.start - 12), hit.start)
        if unit_before and not hit.by_city:
            votes["province" if unit_before.group("province") else "city"] += 1
    # A city-province written "tỉnh X" is a province in this article (Thừa Thiên Huế before 2025), and
    # "thành phố Huế" the city below it.
    if province.is_city and votes["city"] >= votes["province"] and not votes["province"]:
        return "thành phố"
    return "tỉnh"
