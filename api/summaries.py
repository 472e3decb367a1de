"""Rows of the resource queries as response models (shared by the routers that list the same things)."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date

from api.evidence import EvidenceIndex
from api.identifiers import entity_id
from api.models import (
    Links,
    MeetingRef,
    MeetingRole,
    MeetingSummary,
    PostHeld,
    ProvinceRef,
    ProvinceSummary,
    Ref,
)
from graph.sparql.results import Value
from ontology.gazetteer import Province, provinces
from ontology.namespaces import ORG
from queries.resources import pairs

Row = Mapping[str, Value]


def text(value: Value) -> str | None:
    """A cell as text (None stays None)."""
    return None if value is None else str(value)


def day(value: Value) -> date | None:
    """A cell holding an ISO date as a date."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


@functools.cache
def _units_by_iri() -> dict[str, Province]:
    return {str(unit.iri): unit for unit in provinces()}


def unit(iri: Value) -> Province | None:
    """The gazetteer unit of a province IRI."""
    return _units_by_iri().get(iri) if isinstance(iri, str) else None


def province_ref(iri: Value) -> ProvinceRef | None:
    """A province IRI as a reference (None when it is not a gazetteer unit)."""
    found = unit(iri)
    return ProvinceRef(id=found.code, iri=str(found.iri), name=found.name) if found else None


def province_summary(found: Province) -> ProvinceSummary:
    """A gazetteer unit as a list item."""
    return ProvinceSummary(
        id=found.code,
        iri=str(found.iri),
        name=found.name,
        is_city=found.is_city,
        valid_from=found.valid_from,
        valid_until=found.valid_until,
        successors=list(found.successors),
        predecessors=list(found.predecessors),
        links=Links.of(str(found.iri)),
    )


def meeting_summary(row: Row) -> MeetingSummary:
    """A row of ``queries.resources.MEETINGS``."""
    iri = str(row["meeting"])
    return MeetingSummary(
        id=entity_id(iri),
        iri=iri,
        label=text(row["label"]),
        kind=text(row["kind"]),
        date=day(row["date"]),
        province=province_ref(row["province"]),
        chairs=[Ref.of(chair, name) for chair, name in pairs(row["chairs"])],
        legal_basis=[Ref.of(document, notation) for document, notation in pairs(row["legal_basis"])],
        links=Links.of(iri),
    )


def meeting_ref(row: Row) -> MeetingRef:
    """A meeting of a row with ``meeting``, ``label``, ``date`` and ``province`` columns."""
    iri = str(row["meeting"])
    return MeetingRef(
        id=entity_id(iri),
        iri=iri,
        label=text(row["label"]),
        date=day(row["date"]),
        province=province_ref(row["province"]),
    )


def meeting_role(row: Row, predicate: str, other: str, evidence: EvidenceIndex) -> MeetingRole:
    """A meeting linked to ``other`` by ``predicate``, with the evidence of that edge."""
    meeting = meeting_ref(row)
    return MeetingRole(meeting=meeting, evidence=evidence.of(meeting.iri, predicate, other))


def post_held(row: Row, evidence: EvidenceIndex) -> PostHeld:
    """A row of ``queries.resources.POSTS``, with the evidence of its ``org:member`` edge."""
    membership, person = str(row["membership"]), str(row["person"])
    return PostHeld(
        membership=membership,
        person=Ref.of(person, text(row["name"])),
        title=str(row["title"]),
        organization=Ref.of(str(row["organization"]), text(row["organization_name"])),
        first_reported=day(row["first_reported"]),
        last_reported=day(row["last_reported"]),
        member_from=day(row["member_from"]),
        member_until=day(row["member_until"]),
        evidence=evidence.of(membership, str(ORG.member), person),
    )
