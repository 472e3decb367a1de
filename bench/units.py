"""Province-level units as articles name them: the gazetteer plus how names read on a day."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date

from bench.resources import table
from ontology.gazetteer import provinces

_SPACES = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class Era:
    """A name a unit went by until a day (Thừa Thiên Huế until 2024)."""

    until: date
    name: str
    city: bool


@dataclass(frozen=True, slots=True)
class Unit:
    """A province-level unit of the gazetteer (63 before the 2025 reform, 34 after)."""

    code: str
    name: str
    is_city: bool
    valid_from: date | None
    valid_until: date | None
    predecessors: tuple[str, ...]
    cities: tuple[str, ...]
    eras: tuple[Era, ...]
    party_body: str | None
    outlets: tuple[str, ...]

    def valid_on(self, day: date) -> bool:
        """Whether the unit exists on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )

    def label_on(self, day: date) -> tuple[str, bool]:
        """The unit's name on ``day`` and whether it was then a centrally-run city."""
        for era in self.eras:
            if day <= era.until:
                return era.name, era.city
        return self.name, self.is_city


@dataclass(frozen=True, slots=True)
class UnitNames:
    """How an article writes one unit: the values of the name templates' slots.

    ``name`` is empty when the article never names the province.
    """

    code: str
    name: str
    unit: str
    unit_word: str
    party: str
    party_body: str
    cities: tuple[str, ...]

    def slots(self) -> dict[str, str]:
        """The template slots ({unit}, {unit_word}, {name}, {party}, {party_body})."""
        return {
            "unit": self.unit,
            "unit_word": self.unit_word,
            "name": self.name,
            "party": self.party,
            "party_body": self.party_body,
        }


def unit_names(unit: Unit, day: date, named: bool) -> UnitNames:
    """The slot values for ``unit`` on ``day``, with or without its name."""
    label, city = unit.label_on(day)
    word = "thành phố" if city else "tỉnh"
    party = "Thành ủy" if city else "Tỉnh ủy"
    if not named:
        return UnitNames(unit.code, "", word, word, party, party, ())
    body = unit.party_body or f"{party} {label}"
    return UnitNames(unit.code, label, f"{word} {label}", word, party, body, unit.cities)


@functools.lru_cache(maxsize=65_536)
def render(template: str, names: UnitNames) -> str:
    """Fill a name template (``"Sở Y tế {unit}"``) for a unit; spaces collapse where a slot is empty."""
    text = template.format_map(names.slots())
    return (_SPACES.sub(" ", text) if "  " in text else text).strip()


def _city(name: str) -> str:
    """A city's bare name ("thành phố Vinh", "TP. Vinh" → "Vinh")."""
    for prefix in ("thành phố ", "TP. ", "TP "):
        name = name.removeprefix(prefix)
    return name


@functools.cache
def all_units() -> tuple[Unit, ...]:
    """Every unit of the gazetteer with the era names and Party bodies of ``provinces.yaml``."""
    data = table("provinces")
    eras = {
        code: tuple(Era(e["until"], e["name"], bool(e["city"])) for e in entries)
        for code, entries in data["eras"].items()
    }
    bodies: dict[str, str] = data["party_bodies"]
    return tuple(
        Unit(
            code=p.code,
            name=p.name,
            is_city=p.is_city,
            valid_from=p.valid_from,
            valid_until=p.valid_until,
            predecessors=p.predecessors,
            cities=tuple(dict.fromkeys(_city(c) for c in p.cities)),
            eras=eras.get(p.code, ()),
            party_body=bodies.get(p.code),
            outlets=tuple(o for o in p.outlets if not o.startswith("Báo ")),
        )
        for p in provinces()
    )


@functools.lru_cache(maxsize=8_192)
def units_on(day: date) -> tuple[Unit, ...]:
    """The units that exist on ``day``."""
    return tuple(unit for unit in all_units() if unit.valid_on(day))
