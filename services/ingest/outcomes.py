"""What happened to each input of an ingest: ok, unchanged, quarantined or rejected, with the reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """What happened to one input file."""

    OK = "ok"
    UNCHANGED = "unchanged"
    QUARANTINED = "quarantined"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    """The fate of one file, with the reason when it did not go in."""

    path: str
    status: Status
    article: str | None = None
    triples: int = 0
    reason: str = ""


@dataclass(slots=True)
class IngestSummary:
    """Counts per status and every file that was not ingested, with why."""

    outcomes: list[FileOutcome] = field(default_factory=list)

    def count(self, status: Status) -> int:
        """How many files ended with ``status``."""
        return sum(1 for outcome in self.outcomes if outcome.status is status)

    @property
    def ingested_any(self) -> bool:
        """True when at least one article is in the store (new, replaced or unchanged)."""
        return any(o.status in (Status.OK, Status.UNCHANGED) for o in self.outcomes)
