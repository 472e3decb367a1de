"""Answers kept per store generation: a generation never changes, so an answer stays exact until the next."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field

from graph.sparql.results import Rows, Serialized


@dataclass
class AnswerCache:
    """A small thread-safe LRU of answers, keyed by generation and job (0 ``capacity`` keeps nothing)."""

    capacity: int
    entries: OrderedDict[Hashable, Rows | Serialized] = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: Hashable) -> Rows | Serialized | None:
        """The answer kept under ``key``, if any (it becomes the most recently used)."""
        with self.lock:
            value = self.entries.get(key)
            if value is not None:
                self.entries.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Rows | Serialized) -> None:
        """Keep ``value`` under ``key``, dropping the least recently used beyond the capacity."""
        if self.capacity <= 0:
            return
        with self.lock:
            self.entries[key] = value
            self.entries.move_to_end(key)
            while len(self.entries) > self.capacity:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        """Forget every answer (a new generation was published)."""
        with self.lock:
            self.entries.clear()
