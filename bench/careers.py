"""Officials and their careers: who held which seat, from when to when.

Every seat of every body of every unit is simulated from 2004 to 2026 in one
chronological pass. A seat whose term ends is renewed, filled by promoting the
holder of a feeder seat (whose own seat then falls vacant), or given to a new
official; a seat of a unit or body created later (the 2025 mergers) is filled
first from the holders of the seats it replaces. New officials now and then
take the full name of an official of another province: the world has namesakes.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from random import Random

from bench.catalog import NATIONAL, OrgKind, SeatSpec, org_kind, org_kinds
from bench.names import NameMaker, PersonName
from bench.resources import table
from bench.sampling import chance, pick
from bench.units import Unit

SIM_START = date(2004, 1, 1)
SIM_END = date(2026, 12, 31)
_PROMOTE = 0.55
_RENEW = 0.3
_OPEN, _EXPIRE, _VACANT = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Official:
    """A person of the synthetic world; ``home`` is the unit of their first seat."""

    pid: int
    name: str
    female: bool
    home: str


@dataclass(frozen=True, slots=True)
class Tenure:
    """A post held from ``start`` to ``end`` (inclusive); ``seat`` is False for concurrent posts."""

    pid: int
    org: str
    unit: str
    title: str
    start: date
    end: date
    seat: bool

    def covers(self, day: date) -> bool:
        """Whether the post was held on ``day``."""
        return self.start <= day <= self.end


@dataclass(slots=True)
class _Seat:
    unit: str
    spec: SeatSpec
    opens: date
    closes: date
    holder: int | None = None
    since: date = SIM_START
    token: int = 0
    extras: list[tuple[str, str, str]] = field(default_factory=list)
    last_holder: int | None = None


class Roster:
    """Every official and tenure of the world, indexed for the questions articles ask."""

    def __init__(self, officials: list[Official], tenures: list[Tenure]) -> None:
        self.officials = officials
        self.tenures = tenures
        self._by_post: dict[tuple[str, str, str], list[Tenure]] = defaultdict(list)
        self._by_person: dict[int, list[Tenure]] = defaultdict(list)
        for tenure in sorted(tenures, key=lambda t: (t.start, t.pid)):
            self._by_post[(tenure.unit, tenure.org, tenure.title)].append(tenure)
            self._by_person[tenure.pid].append(tenure)

    def holders(self, unit: str, org: str, title: str, day: date) -> list[int]:
        """Who held ``title`` in ``org`` of ``unit`` on ``day`` (seat order)."""
        return [t.pid for t in self._by_post.get((unit, org, title), ()) if t.covers(day)]

    def holder(self, unit: str, org: str, title: str, day: date) -> int | None:
        """The first holder of the post on ``day``, if any."""
        found = self.holders(unit, org, title, day)
        return found[0] if found else None

    def posts(self, pid: int, day: date) -> list[Tenure]:
        """Every post ``pid`` held on ``day``."""
        return [t for t in self._by_person.get(pid, ()) if t.covers(day)]

    def career(self, pid: int) -> list[Tenure]:
        """Every post ``pid`` ever held, by start date."""
        return list(self._by_person.get(pid, ()))

    def appointments(self, unit: str, title: str, first: date, last: date) -> list[Tenure]:
        """Seats of ``title`` in ``unit`` taken between ``first`` and ``last``."""
        return [
            t
            for t in self.tenures
            if t.seat and t.unit == unit and t.title == title and first <= t.start <= last and t.start > SIM_START
        ]


class _Simulation:
    """One chronological pass over all seats (see the module docstring)."""

    def __init__(self, rng: Random, units: tuple[Unit, ...]) -> None:
        self.rng = rng
        self.names = NameMaker()
        self.namesake_share = float(table("names")["namesake_share"])
        self.units = {unit.code: unit for unit in units}
        # A two-syllable name can spell a province ("Thái Bình"): such names are not given.
        self.place_names = {unit.name for unit in units} | {era.name for unit in units for era in unit.eras}
        self.seats: list[_Seat] = []
        self.by_post: dict[tuple[str, str, str], list[int]] = defaultdict(list)
        self.by_kind: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.events: list[tuple[date, int, int, int, int]] = []
        self.seq = 0
        self.seat_of: dict[int, int] = {}
        self.officials: list[Official] = []
        self.tenures: list[Tenure] = []

    def run(self) -> None:
        """Process every event in date order."""
        self._create_seats()
        while self.events:
            day, _, action, index, token = heapq.heappop(self.events)
            seat = self.seats[index]
            if action == _OPEN:
                self._fill(index, day, inherit=day > SIM_START)
            elif action == _VACANT and seat.holder is None and day < seat.closes:
                self._fill(index, day, inherit=False)
            elif action == _EXPIRE and token == seat.token and seat.holder is not None:
                self._expire(index, day)

    def _push(self, day: date, action: int, index: int, token: int = 0) -> None:
        self.seq += 1
        heapq.heappush(self.events, (day, self.seq, action, index, token))

    def _create_seats(self) -> None:
        for kind in org_kinds().values():
            codes = [NATIONAL] if kind.national else list(self.units)
            for code in codes:
                window = self._window(kind, code)
                if window is None:
                    continue
                for spec in kind.seats:
                    for _ in range(spec.count):
                        self._add_seat(_Seat(code, spec, *window))

    def _window(self, kind: OrgKind, code: str) -> tuple[date, date] | None:
        opens, closes = kind.valid_from or SIM_START, kind.valid_until or SIM_END
        if code != NATIONAL:
            unit = self.units[code]
            opens = max(opens, unit.valid_from or SIM_START)
            closes = min(closes, unit.valid_until or SIM_END)
        opens, closes = max(opens, SIM_START), min(closes, SIM_END)
        return (opens, closes) if opens < closes else None

    def _add_seat(self, seat: _Seat) -> None:
        index = len(self.seats)
        self.seats.append(seat)
        self.by_post[(seat.unit, seat.spec.org, seat.spec.title)].append(index)
        self.by_kind[(seat.spec.org, seat.spec.title)].append(index)
        self._push(seat.opens, _OPEN, index)

    def _fill(self, index: int, day: date, inherit: bool) -> None:
        pid = self._inherited(self.seats[index], day) if inherit else None
        if pid is None and chance(self.rng, _PROMOTE):
            pid = self._promoted(index, day)
        if pid is None:
            pid = self._new_official(self.seats[index].unit)
        self._appoint(index, pid, day, stagger=not inherit and day == SIM_START)

    def _expire(self, index: int, day: date) -> None:
        seat = self.seats[index]
        if day < seat.closes and chance(self.rng, _RENEW):
            seat.token += 1
            self._push(min(day + self._term(seat.spec), seat.closes), _EXPIRE, index, seat.token)
            return
        self._vacate(index, day - timedelta(days=1) if day < seat.closes else seat.closes)
        if day < seat.closes:
            self._fill(index, day, inherit=False)

    def _term(self, spec: SeatSpec) -> timedelta:
        low, high = spec.term
        return timedelta(days=int(365 * (low + (high - low) * self.rng.random())))

    def _appoint(self, index: int, pid: int, day: date, stagger: bool) -> None:
        seat = self.seats[index]
        seat.holder, seat.since = pid, day
        seat.token += 1
        seat.extras = self._concurrent(seat)
        self.seat_of[pid] = index
        term = self._term(seat.spec)
        if stagger:
            term = timedelta(days=int(term.days * (0.1 + 0.9 * self.rng.random())))
        self._push(min(day + term, seat.closes), _EXPIRE, index, seat.token)

    def _concurrent(self, seat: _Seat) -> list[tuple[str, str, str]]:
        extras = []
        for group in seat.spec.concurrent:
            draw = self.rng.random()
            for alternative in group:
                if draw < alternative.p:
                    unit = NATIONAL if org_kind(alternative.org).national else seat.unit
                    extras.append((unit, alternative.org, alternative.title))
                    break
                draw -= alternative.p
        return extras

    def _vacate(self, index: int, last_day: date) -> None:
        seat = self.seats[index]
        pid = seat.holder
        if pid is None:
            return
        end = max(last_day, seat.since)
        self.tenures.append(Tenure(pid, seat.spec.org, seat.unit, seat.spec.title, seat.since, end, True))
        for unit, org, title in seat.extras:
            self.tenures.append(Tenure(pid, org, unit, title, seat.since, end, False))
        seat.holder, seat.last_holder = None, pid
        seat.token += 1
        if self.seat_of.get(pid) == index:
            del self.seat_of[pid]

    def _inherited(self, seat: _Seat, day: date) -> int | None:
        """A holder of a seat this one replaces (same title, predecessor unit or body), now free."""
        kind = org_kind(seat.spec.org)
        unit = self.units.get(seat.unit)
        units = (unit.predecessors if unit and unit.predecessors else ()) + (seat.unit,)
        orgs = (*kind.formed_from, seat.spec.org)
        candidates = [
            self.seats[i].last_holder
            for code in units
            for org in orgs
            for i in self.by_post.get((code, org, seat.spec.title), ())
            if self.seats[i].closes < day and self.seats[i].last_holder is not None
        ]
        free = [pid for pid in candidates if pid is not None and pid not in self.seat_of]
        return pick(self.rng, free) if free else None

    def _promoted(self, index: int, day: date) -> int | None:
        """Promote the holder of a feeder seat (held for a year or more); their seat falls vacant."""
        seat = self.seats[index]
        candidates: list[int] = []
        for feeder in seat.spec.feeders:
            key = (feeder.org, feeder.title)
            pool = self.by_kind.get(key, []) if feeder.any_unit else self.by_post.get((seat.unit, *key), [])
            candidates.extend(
                i
                for i in pool
                if i != index and self.seats[i].holder is not None and (day - self.seats[i].since).days >= 365
            )
        if not candidates:
            return None
        source = pick(self.rng, candidates)
        pid = self.seats[source].holder
        self._vacate(source, day - timedelta(days=1))
        self._push(day, _VACANT, source)
        return pid

    def _new_official(self, unit: str) -> int:
        name: PersonName | None = None
        if self.officials and chance(self.rng, self.namesake_share):
            other = pick(self.rng, self.officials)
            if other.home != unit:
                name = PersonName(other.name, other.female)
        while name is None or name.text in self.place_names:
            name = self.names.person(self.rng)
        official = Official(len(self.officials), name.text, name.female, unit)
        self.officials.append(official)
        return official.pid

    def finish(self) -> None:
        """Close every tenure still running at the end of the simulation."""
        for index, seat in enumerate(self.seats):
            if seat.holder is not None:
                self._vacate(index, min(seat.closes, SIM_END))


def simulate_careers(rng: Random, units: tuple[Unit, ...]) -> Roster:
    """Run the career simulation over ``units`` (and the national bodies) and index the result."""
    simulation = _Simulation(rng, units)
    simulation.run()
    simulation.finish()
    return Roster(simulation.officials, simulation.tenures)
