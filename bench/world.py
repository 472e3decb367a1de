"""The synthetic world of one seed: units, officials with their careers, documents."""

from __future__ import annotations

import functools
import logging
import time
from dataclasses import dataclass
from random import Random

from bench.careers import Roster, simulate_careers
from bench.documents import Shelf, build_shelf
from bench.units import Unit, all_units

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class World:
    """Everything articles are drawn from; built once per seed, never changed."""

    seed: int
    units: dict[str, Unit]
    roster: Roster
    shelf: Shelf


@functools.lru_cache(maxsize=4)
def build_world(seed: int) -> World:
    """The world of ``seed`` (the same seed always gives the same world)."""
    started = time.perf_counter()
    rng = Random(f"govkg-bench-world-{seed}")
    units = all_units()
    roster = simulate_careers(rng, units)
    shelf = build_shelf(rng, units, roster)
    log.info(
        "world %d: %d officials, %d tenures, %d provincial documents in %.1f s",
        seed,
        len(roster.officials),
        len(roster.tenures),
        sum(len(docs) for docs in shelf.by_unit.values()),
        time.perf_counter() - started,
    )
    return World(seed, {unit.code: unit for unit in units}, roster, shelf)
