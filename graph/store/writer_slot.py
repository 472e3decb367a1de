"""Who is writing: a change-log writer name that no two live processes share, and few names over time.

Entries of the change log are numbered per writer (``graph.store.changes``),
which is only sound while one process at a time writes under a name. A process
writing to a remote endpoint takes the first free *slot* on its host — a lock
file per endpoint and slot number, held while the process lives — and writes as
``<host>/<slot>``. Runs one after another reuse slot 0, so the names (and the
readers' cursors) stay as few as the writers that ever ran at the same time.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import tempfile
from pathlib import Path
from typing import IO

#: Slots tried before giving up (that many processes writing to one endpoint from one host at once).
MAX_SLOTS = 256


class WriterSlot:
    """A writer name held (by a lock file) until :meth:`release` or the end of the process."""

    def __init__(self, name: str, handle: IO[str] | None) -> None:
        self.name = name
        self._handle = handle

    def release(self) -> None:
        """Let another process take the slot."""
        if self._handle is not None:
            self._handle.close()
            self._handle = None


def take_slot(endpoint: str, lock_dir: Path | None = None) -> WriterSlot:
    """The first free slot of this host for ``endpoint``; ``RuntimeError`` when all are taken."""
    folder = lock_dir or Path(tempfile.gettempdir())
    key = hashlib.sha256(endpoint.encode()).hexdigest()[:16]
    host = socket.gethostname() or "host"
    for slot in range(MAX_SLOTS):
        path = folder / f"govkg-writer-{key}-{slot}.lock"
        handle = path.open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        return WriterSlot(f"{host}/{slot}", handle)
    raise RuntimeError(f"all {MAX_SLOTS} writer slots for {endpoint} are taken on this host")
