"""The bodies of the synthetic world and their seats, as typed views of ``organizations.yaml``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from typing import Any

from bench.resources import table

NATIONAL = "VN"  # the "unit" of national bodies


@dataclass(frozen=True, slots=True)
class Feeder:
    """A seat a holder may be promoted from (in the same unit, or in any unit)."""

    org: str
    title: str
    any_unit: bool


@dataclass(frozen=True, slots=True)
class Concurrent:
    """A post held together with a seat, with the probability it is."""

    org: str
    title: str
    p: float


@dataclass(frozen=True, slots=True)
class SeatSpec:
    """``count`` seats of one title in a body, with their terms, feeders and concurrent posts."""

    org: str
    title: str
    count: int
    term: tuple[float, float]
    feeders: tuple[Feeder, ...]
    concurrent: tuple[tuple[Concurrent, ...], ...]


@dataclass(frozen=True, slots=True)
class ExOfficio:
    """A steering-committee post held by whoever holds the first of ``holders`` that exists."""

    title: str
    holders: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class OrgKind:
    """One kind of body: its name templates, when it exists, and its seats."""

    key: str
    national: bool
    full: str
    forms: tuple[str, ...]
    later: tuple[str, ...]
    valid_from: date | None
    valid_until: date | None
    needs_name: bool
    appointed: bool
    steering: bool
    topics: tuple[str, ...]
    formed_from: tuple[str, ...]
    seats: tuple[SeatSpec, ...]
    ex_officio: tuple[ExOfficio, ...]

    def exists_on(self, day: date) -> bool:
        """Whether the body exists on ``day``."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


def _seat(org: str, raw: dict[str, Any]) -> SeatSpec:
    low, high = raw.get("term", [3, 6])
    return SeatSpec(
        org=org,
        title=raw["title"],
        count=int(raw.get("count", 1)),
        term=(float(low), float(high)),
        feeders=tuple(Feeder(f[0], f[1], len(f) > 2 and f[2] == "any") for f in raw.get("feeders", [])),
        concurrent=tuple(
            tuple(Concurrent(alt["org"], alt["title"], float(alt["p"])) for alt in group)
            for group in raw.get("concurrent", [])
        ),
    )


def _org(raw: dict[str, Any], national: bool) -> OrgKind:
    key = raw["key"]
    return OrgKind(
        key=key,
        national=national,
        full=raw["full"],
        forms=tuple(raw.get("forms", [raw["full"]])),
        later=tuple(raw.get("later", [])),
        valid_from=raw.get("from"),
        valid_until=raw.get("until"),
        needs_name=bool(raw.get("needs_name", False)),
        appointed=bool(raw.get("appointed", True)),
        steering=bool(raw.get("steering", False)),
        topics=tuple(raw.get("topic", [])),
        formed_from=tuple(raw.get("formed_from", [])),
        seats=tuple(_seat(key, seat) for seat in raw.get("seats", [])),
        ex_officio=tuple(
            ExOfficio(e["title"], tuple((h[0], h[1]) for h in e["holder"])) for e in raw.get("ex_officio", [])
        ),
    )


@functools.cache
def org_kinds() -> dict[str, OrgKind]:
    """Every kind of body by key, provincial ones first, in file order."""
    data = table("organizations")
    kinds = [_org(raw, False) for raw in data["provincial"]] + [_org(raw, True) for raw in data["national"]]
    return {kind.key: kind for kind in kinds}


def org_kind(key: str) -> OrgKind:
    """The kind of body ``key`` names; :class:`KeyError` naming it when there is none."""
    try:
        return org_kinds()[key]
    except KeyError:
        raise KeyError(f"no organization kind {key!r} in bench/data/organizations.yaml") from None


def first_existing(keys: tuple[str, ...] | list[str], day: date) -> str | None:
    """The first body of ``keys`` that exists on ``day``."""
    return next((key for key in keys if org_kind(key).exists_on(day)), None)
