"""The gold record of one article (``../shared/eval/SCHEMA.md``), collected as the article is written.

Whatever the text states goes through here the moment it is written: a person
with the posts the sentence gives, an organization as named, a document as
cited (its date and issuer only where the citation gives them), a meeting with
the chairs, organizers and legal basis the sentences state.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(slots=True)
class MeetingGold:
    """A meeting that took place, as the article reports it."""

    date: date | None
    province: str | None
    kind: str
    held: datetime.date | None = None
    chairs: list[str] = field(default_factory=list)
    organizers: list[str] = field(default_factory=list)
    legal_basis: list[str] = field(default_factory=list)

    def add_chair(self, name: str) -> None:
        """Record a chair (once)."""
        if name not in self.chairs:
            self.chairs.append(name)

    def add_organizer(self, organization: str) -> None:
        """Record an organizer (once)."""
        if organization not in self.organizers:
            self.organizers.append(organization)

    def add_basis(self, number: str) -> None:
        """Record a document the meeting implements (once)."""
        if number not in self.legal_basis:
            self.legal_basis.append(number)


@dataclass(slots=True)
class _DocumentGold:
    type: str
    number: str
    date: date | None
    issuer: str | None


class GoldRecord:
    """The extraction record an article's text supports, built up mention by mention."""

    __slots__ = ("_documents", "_names", "_organizations", "_persons", "file", "meetings", "province", "published")

    def __init__(self, file: str, published: date | None, province: str | None) -> None:
        self.file = file
        self.published = published
        self.province = province
        self._persons: dict[int, list[tuple[str, str]]] = {}
        self._names: dict[int, str] = {}
        self._organizations: dict[str, None] = {}
        self._documents: dict[str, _DocumentGold] = {}
        self.meetings: list[MeetingGold] = []

    def person(self, pid: int, name: str, posts: list[tuple[str, str]]) -> None:
        """Record a person and the (title, organization) posts a mention states."""
        known = self._persons.setdefault(pid, [])
        self._names[pid] = name
        for post in posts:
            if post not in known:
                known.append(post)

    def organization(self, name: str) -> None:
        """Record an organization by its full name."""
        self._organizations.setdefault(name, None)

    def document(self, type_: str, number: str, signed: date | None, issuer: str | None) -> None:
        """Record a cited document; a later citation may add the date or issuer an earlier one left out."""
        known = self._documents.get(number)
        if known is None:
            self._documents[number] = _DocumentGold(type_, number, signed, issuer)
            return
        known.date = known.date or signed
        known.issuer = known.issuer or issuer

    def meeting(self, held: date, province: str | None, kind: str) -> MeetingGold:
        """Open the record of a meeting held on ``held``; its ``date`` is set when the text dates it."""
        meeting = MeetingGold(None, province, kind, held)
        self.meetings.append(meeting)
        return meeting

    def infer_years(self, text: str) -> None:
        """Date the meetings whose phrase gave no year when the text places them in their year.

        As an annotator would: "Chiều 14-6" in an article without a date line that
        speaks of "6 tháng đầu năm 2019" was held on 2019-06-14.
        """
        for meeting in self.meetings:
            if meeting.date is None and meeting.held is not None and f"năm {meeting.held.year}" in text:
                meeting.date = meeting.held

    def name_of(self, pid: int) -> str:
        """The name under which ``pid`` was recorded."""
        return self._names[pid]

    def to_dict(self) -> dict[str, Any]:
        """The record as SCHEMA.md lays it out."""
        return {
            "id": self.file.rsplit(".", 1)[0],
            "file": self.file,
            "published": _iso(self.published),
            "province": self.province,
            "persons": [
                {"name": self._names[pid], "posts": [{"title": t, "organization": o} for t, o in posts]}
                for pid, posts in self._persons.items()
            ],
            "organizations": list(self._organizations),
            "legal_documents": [
                {"type": d.type, "number": d.number, "date": _iso(d.date), "issuer": d.issuer}
                for d in self._documents.values()
            ],
            "meetings": [
                {
                    "date": _iso(m.date),
                    "province": m.province,
                    "kind": m.kind,
                    "chairs": list(m.chairs),
                    "organizers": list(m.organizers),
                    "legal_basis": list(m.legal_basis),
                }
                for m in self.meetings
            ],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
