"""Peak memory of a benchmark step: the resident set of this process and all its descendants."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

_PROC = Path("/proc")


def _rss_and_parents() -> dict[int, tuple[int, int]]:
    """pid → (parent pid, resident kB) for every process we may read."""
    table: dict[int, tuple[int, int]] = {}
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = dict(line.split(":", 1) for line in (entry / "status").read_text().splitlines() if ":" in line)
        except OSError:
            continue
        rss = fields.get("VmRSS", "0 kB").split()[0]
        table[int(entry.name)] = (int(fields.get("PPid", "0").strip() or 0), int(rss))
    return table


def tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and its descendants now, in MB."""
    table = _rss_and_parents()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += table.get(pid, (0, 0))[1]
        stack.extend(children.get(pid, []))
    return total / 1024


class PeakMemory:
    """Samples the process tree's resident memory while the ``with`` block runs; ``peak_mb`` after."""

    def __init__(self, interval: float = 0.1) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        pid = os.getpid()
        while True:
            self.peak_mb = max(self.peak_mb, tree_rss_mb(pid))
            if self._stop.wait(self.interval):
                return
