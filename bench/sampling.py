"""Seeded choices: uniform and weighted picks on a :class:`random.Random`."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Mapping, Sequence
from random import Random
from typing import Generic, TypeVar

T = TypeVar("T")


class Weighted(Generic[T]):
    """A fixed weighted distribution over items, drawn in O(log n)."""

    __slots__ = ("_cumulative", "_items", "_total")

    def __init__(self, weights: Mapping[T, float]) -> None:
        if not weights:
            raise ValueError("a weighted choice needs at least one item")
        self._items = list(weights)
        self._cumulative = list(itertools.accumulate(float(w) for w in weights.values()))
        self._total = self._cumulative[-1]

    def draw(self, rng: Random) -> T:
        """Draw one item."""
        return self._items[bisect.bisect_right(self._cumulative, rng.random() * self._total)]


def chance(rng: Random, probability: float) -> bool:
    """True with the given probability."""
    return rng.random() < probability


def pick(rng: Random, items: Sequence[T]) -> T:
    """One item of a non-empty sequence, uniformly."""
    return items[int(rng.random() * len(items))]
