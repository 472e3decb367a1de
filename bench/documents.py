"""Legal documents of the synthetic world: the real national ones, and invented provincial ones.

Provincial notations are numbered as a province numbers them: per issuing
pattern and year (or per Party term), rising through the year, never twice.
Steering-committee decisions are issued when a committee is set up and every
few years after; appointment decisions when a department head takes office.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random
from typing import Any

from bench.careers import SIM_START, Roster, Tenure
from bench.catalog import NATIONAL, org_kind, org_kinds
from bench.resources import table
from bench.sampling import chance, pick
from bench.units import Unit

#: First days of the Party congress terms: Party notations restart at 01 with each.
PARTY_TERMS = (date(2005, 10, 1), date(2010, 10, 1), date(2015, 10, 1), date(2020, 10, 1), date(2025, 10, 1))
_FIRST_YEAR, _LAST_YEAR = 2006, 2026
_APPOINTED_TITLES = ("Giám đốc", "Chánh Văn phòng")


@dataclass(frozen=True, slots=True)
class Document:
    """One legal document. ``issuer`` is an organization key, or an office ("Thủ tướng Chính phủ").

    ``subject`` may hold ``{steering}`` (the committee a decision sets up), filled
    in when cited; ``signer`` means the head of the issuer signed it.
    """

    type: str
    number: str
    signed: date
    issuer: str
    unit: str
    topic: str
    subject: str
    signer: bool = False
    bare: bool = False
    variants: tuple[str, ...] = ()
    steering: str | None = None
    appointment: bool = False

    @property
    def party(self) -> bool:
        """Whether the notation is a Party one (``36-NQ/TW``, ``09-NQ/TU``)."""
        return "-" in self.number.split("/")[0]


@dataclass(slots=True)
class _Request:
    unit: str
    pattern: dict[str, Any]
    signed: date
    topic: str
    subject: str
    steering: str | None = None
    appointment: Tenure | None = None


@dataclass(slots=True)
class Shelf:
    """All documents, indexed by unit and date, steering committee and appointment."""

    national: list[Document]
    by_unit: dict[str, list[Document]] = field(default_factory=lambda: defaultdict(list))
    steering: dict[tuple[str, str], list[Document]] = field(default_factory=lambda: defaultdict(list))
    appointments: dict[str, list[tuple[Document, Tenure]]] = field(default_factory=lambda: defaultdict(list))
    _dates: dict[str, list[date]] = field(default_factory=dict)

    def index(self) -> None:
        """Sort each unit's documents by date (call once, after adding)."""
        for unit, documents in self.by_unit.items():
            documents.sort(key=lambda d: (d.signed, d.number))
            self._dates[unit] = [d.signed for d in documents]

    def recent(self, unit: str, day: date, years: int = 3) -> list[Document]:
        """The unit's documents signed in the ``years`` before ``day`` (not on the day itself)."""
        dates = self._dates.get(unit, [])
        low = bisect.bisect_left(dates, day - timedelta(days=365 * years))
        high = bisect.bisect_left(dates, day)
        return self.by_unit[unit][low:high]

    def basis(self, rng: Random, unit: str, day: date, topic: str, party: bool = False) -> Document | None:
        """A document a meeting on ``day`` about ``topic`` may implement (national or the unit's own)."""
        national = [d for d in self.national if d.signed < day - timedelta(days=14) and (d.party or not party)]
        local = [
            d for d in self.recent(unit, day) if d.type != "Công văn" and not d.appointment and (d.party or not party)
        ]
        pool = [d for d in national if d.topic == topic] if chance(rng, 0.5) else []
        pool = pool or [d for d in local if d.topic == topic] or [d for d in national if d.topic == topic]
        pool = pool or local or national
        return pick(rng, pool) if pool else None


def _national() -> list[Document]:
    return [
        Document(
            type=raw["type"],
            number=raw["number"],
            signed=raw["date"],
            issuer=_issuer_key(raw["issuer"]),
            unit=NATIONAL,
            topic=raw["topic"],
            subject=raw["subject"],
            bare=bool(raw.get("bare", False)),
            variants=tuple(raw.get("variants", [])),
        )
        for raw in table("documents")["national"]
    ]


def _issuer_key(name: str) -> str:
    """The organization key of a national issuer, or the issuer itself when it is an office."""
    return next((kind.key for kind in org_kinds().values() if kind.national and kind.full == name), name)


def _topic_on(rng: Random, day: date) -> str:
    topics = table("meetings")["topics"]
    valid = [k for k, t in topics.items() if t.get("from", SIM_START) <= day <= t.get("until", date(2100, 1, 1))]
    return pick(rng, valid) if valid and chance(rng, 0.85) else "general"


def _subject(rng: Random, topic: str, year: int) -> str:
    return str(pick(rng, table("documents")["subjects"][topic])).format(year=year, year5=year + 5)


def _routine_requests(rng: Random, unit: Unit) -> list[_Request]:
    requests = []
    for pattern in table("documents")["provincial"]:
        issuer = org_kind(pattern["issuer"])
        for year in range(_FIRST_YEAR, _LAST_YEAR + 1):
            expected = float(pattern["yearly"])
            count = int(expected) + (1 if chance(rng, expected - int(expected)) else 0)
            for _ in range(count):
                signed = date(year, 1, 1) + timedelta(days=int(rng.random() * 365))
                if unit.valid_on(signed) and issuer.exists_on(signed) and signed.year == year:
                    topic = _topic_on(rng, signed)
                    requests.append(_Request(unit.code, pattern, signed, topic, _subject(rng, topic, year)))
    return requests


def _steering_requests(rng: Random, unit: Unit) -> list[_Request]:
    decision = table("documents")["provincial"][0]
    requests = []
    for kind in org_kinds().values():
        if not kind.steering:
            continue
        start = max(d for d in (kind.valid_from, unit.valid_from, date(_FIRST_YEAR, 1, 1)) if d is not None)
        end = min(d for d in (kind.valid_until, unit.valid_until, date(_LAST_YEAR, 12, 31)) if d is not None)
        signed, verb = start + timedelta(days=int(rng.random() * 60)), "thành lập"
        while signed < end:
            topic = kind.topics[0] if kind.topics else "general"
            subject = f"về việc {verb} {{steering}}"
            requests.append(_Request(unit.code, decision, signed, topic, subject, steering=kind.key))
            signed, verb = signed + timedelta(days=int(365 * (1.5 + 2 * rng.random()))), "kiện toàn"
    return requests


def _appointment_requests(rng: Random, unit: Unit, roster: Roster) -> list[_Request]:
    decision = table("documents")["provincial"][0]
    requests = []
    for title in _APPOINTED_TITLES:
        for tenure in roster.appointments(unit.code, title, date(_FIRST_YEAR, 1, 1), date(_LAST_YEAR, 12, 31)):
            kind = org_kind(tenure.org)
            if kind.steering or not kind.appointed or tenure.org in ("ubnd", "hdnd", "tinh_uy"):
                continue
            signed = max(tenure.start - timedelta(days=int(rng.random() * 10)), unit.valid_from or SIM_START)
            requests.append(_Request(unit.code, decision, signed, "general", "về việc bổ nhiệm", appointment=tenure))
    return requests


def _number(pattern: dict[str, Any], sequence: int, signed: date) -> str:
    low = int(pattern["numbers"][0])
    if pattern.get("per_term") or "{year}" in pattern["pattern"]:
        n = f"{sequence:02d}" if pattern.get("per_term") else str(sequence)
    else:
        n = str(low + sequence)
    return str(pattern["pattern"]).format(n=n, year=signed.year)


def _numbered(rng: Random, requests: list[_Request]) -> list[tuple[Document, _Request]]:
    """Number the requests per pattern and year (or Party term), in date order."""
    groups: dict[tuple[str, str, int], list[_Request]] = defaultdict(list)
    for request in requests:
        pattern = request.pattern
        period = bisect.bisect_right(PARTY_TERMS, request.signed) if pattern.get("per_term") else request.signed.year
        groups[(request.unit, pattern["pattern"], period)].append(request)
    documents = []
    for _, group in sorted(groups.items()):
        group.sort(key=lambda r: r.signed)
        low, high = group[0].pattern["numbers"]
        sequence = 0
        for request in group:
            if group[0].pattern.get("per_term") or "{year}" in group[0].pattern["pattern"]:
                sequence += 1
            else:
                share = request.signed.timetuple().tm_yday / 366
                sequence = max(sequence + 1, int((high - low) * share * (0.8 + 0.4 * rng.random())))
            pattern = request.pattern
            document = Document(
                type=pattern["type"],
                number=_number(pattern, sequence, request.signed),
                signed=request.signed,
                issuer=pattern["issuer"],
                unit=request.unit,
                topic=request.topic,
                subject=request.subject,
                signer=bool(pattern.get("signer", False)) and chance(rng, 0.5),
                steering=request.steering,
                appointment=request.appointment is not None,
            )
            documents.append((document, request))
    return documents


def build_shelf(rng: Random, units: tuple[Unit, ...], roster: Roster) -> Shelf:
    """Every document of the world: the national ones and each unit's own."""
    shelf = Shelf(national=_national())
    for unit in units:
        requests = _routine_requests(rng, unit) + _steering_requests(rng, unit)
        requests += _appointment_requests(rng, unit, roster)
        for document, request in _numbered(rng, requests):
            shelf.by_unit[unit.code].append(document)
            if request.steering:
                shelf.steering[(unit.code, request.steering)].append(document)
            if request.appointment:
                shelf.appointments[unit.code].append((document, request.appointment))
    shelf.index()
    return shelf


__all__ = ["PARTY_TERMS", "Document", "Shelf", "build_shelf"]
