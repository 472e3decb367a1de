"""Invented Vietnamese personal names: officials (2–4 syllables) and article authors."""

from __future__ import annotations

from dataclasses import dataclass
from random import Random
from typing import Any

from bench.resources import table
from bench.sampling import Weighted, chance, pick


@dataclass(frozen=True, slots=True)
class PersonName:
    """A full name and whether its bearer is a woman (for "ông" / "bà")."""

    text: str
    female: bool


class NameMaker:
    """Draws names from the parts in ``bench/data/names.yaml``."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        data = data if data is not None else table("names")
        self._surnames: Weighted[str] = Weighted(data["surnames"])
        self._middle = {sex: Weighted(data["middle"][sex]) for sex in ("male", "female")}
        self._second = {sex: tuple(data["second_middle"][sex]) for sex in ("male", "female")}
        self._given = {sex: tuple(data["given"][sex]) for sex in ("male", "female")}
        self._syllables: Weighted[int] = Weighted({int(k): v for k, v in data["syllables"].items()})
        self._female_share = float(data["female_share"])
        self._honorifics = {sex: Weighted(data["honorifics"][sex]) for sex in ("male", "female")}

    def person(self, rng: Random) -> PersonName:
        """A new official's name."""
        female = chance(rng, self._female_share)
        sex = "female" if female else "male"
        surname = self._surnames.draw(rng)
        given = pick(rng, self._given[sex])
        syllables = self._syllables.draw(rng)
        if syllables == 2:
            return PersonName(f"{surname} {given}", female)
        middle = self._middle[sex].draw(rng)
        if syllables == 4:
            second = pick(rng, self._second[sex])
            if second != middle:
                return PersonName(f"{surname} {middle} {second} {given}", female)
        return PersonName(f"{surname} {middle} {given}", female)

    def author(self, rng: Random) -> str:
        """A byline name: middle and given name ("Thu Hà", "Quốc Tuấn")."""
        sex = "female" if chance(rng, 0.5) else "male"
        middle = self._middle[sex].draw(rng)
        if middle in ("Văn", "Thị"):
            middle = pick(rng, self._second[sex])
        return f"{middle} {pick(rng, self._given[sex])}"

    def initials(self, rng: Random) -> str:
        """A byline of initials ("X.T")."""
        return f"{self.author(rng)[0]}.{pick(rng, self._given['male'])[0]}"

    def honorific(self, rng: Random, female: bool) -> str:
        """ "đồng chí", "ông"/"bà", or "" (the bare name)."""
        return str(self._honorifics["female" if female else "male"].draw(rng))
