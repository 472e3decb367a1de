"""``/meetings``: meetings that took place, who chaired them, where, when and under which documents."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query

from api.evidence import EvidenceIndex, statements
from api.filters import days, entity, given, looks_like_entity, province, text_key
from api.identifiers import Kind, entity_iri
from api.models import Links, MeetingDetail, MeetingSummary, Page, Participant, Ref, Statement
from api.parameters import FromDay, MeetingId, PageDep, ProviderDep, ProvinceFilter, ToDay
from api.problems import not_found, problem_responses
from api.provider import GraphProvider
from api.summaries import Row, meeting_summary
from graph.sparql.binding import Term
from ontology.namespaces import GOVKG, SCHEMA
from ontology.orthography import canonical_spelling
from queries.resources import EVIDENCE, MEETINGS

router = APIRouter(prefix="/meetings", tags=["meetings"])

#: A chair name naming more persons than this is matched in SPARQL (one scan of the names) rather than per person.
MAX_NAMED_CHAIRS = 50


def meeting_filters(
    *,
    chair: str | None = None,
    province_name: str | None = None,
    start: date | None = None,
    end: date | None = None,
    legal_basis: str | None = None,
    organizer: str | None = None,
) -> dict[str, Term]:
    """The filters of ``queries.resources.MEETINGS`` for what a caller gave."""
    filters = given(
        province=province(province_name) if province_name else None,
        organizer=entity("organizer", Kind.ORGANIZATION, organizer) if organizer else None,
    ) | days(start, end)
    if chair:
        if looks_like_entity(chair):
            filters["chair"] = entity("chair", Kind.PERSON, chair)
        else:
            filters["chair_name"] = text_key("chair", chair)
    if legal_basis:
        if looks_like_entity(legal_basis):
            filters["legal_basis"] = entity("legal_basis", Kind.DOCUMENT, legal_basis)
        else:
            filters["legal_basis_notation"] = ox.Literal(canonical_spelling("".join(legal_basis.split())))
    return filters


@router.get("", response_model=Page[MeetingSummary], responses=problem_responses(422, 503, 504))
def list_meetings(
    provider: ProviderDep,
    page: PageDep,
    chair: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=300,
            description="The chair: a person's id or IRI, or words of their name (accents and case ignored).",
        ),
    ] = None,
    province_name: ProvinceFilter = None,
    start: FromDay = None,
    end: ToDay = None,
    legal_basis: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=300,
            description="A document it was held under: its notation (`64/2007/NĐ-CP`), id or IRI.",
        ),
    ] = None,
    organizer: Annotated[
        str | None, Query(min_length=1, max_length=300, description="An organizing organization's id or IRI.")
    ] = None,
) -> Page[MeetingSummary]:
    """List meetings, newest first (undated ones last).

    Filters combine (all must hold):

    - `chair` — a person's id or IRI, or a chair's name: accents and case ignored, each word the start of
      a word of the name (`hoang van thai`, `van thai`, `Thái`);
    - `province` — unit code or name; a merged unit also matches the units it succeeded, so
      `province=VN-44-2025` lists meetings of the new An Giang *and* of the old An Giang and Kiên Giang;
    - `from`, `to` — the meeting's date (undated meetings never match a date filter);
    - `legal_basis` — a notation, or a document id or IRI;
    - `organizer` — an organization's id or IRI.

    Example: `GET /meetings?chair=Hoàng Văn Thái&from=2016-01-01`
    """
    filters = meeting_filters(
        chair=chair,
        province_name=province_name,
        start=start,
        end=end,
        legal_basis=legal_basis,
        organizer=organizer,
    )
    named = _named_chairs(provider, filters)
    if named is None:
        return page.page(provider.rows(MEETINGS, filters), meeting_summary)
    rest = {name: term for name, term in filters.items() if name != "chair_name"}
    found = {str(row["meeting"]): row for iri in named for row in provider.rows(MEETINGS, rest | {"chair": iri})}
    return page.page(_newest_first(found.values()), meeting_summary)


def _named_chairs(provider: GraphProvider, filters: dict[str, Term]) -> list[ox.NamedNode] | None:
    """The persons a chair name denotes, from the search index (same rule as ``govkg:wordsMatch``).

    None when no name was given, or when it names so many persons that one scan of the names in SPARQL is
    cheaper than a query per person.
    """
    name = filters.get("chair_name")
    if not isinstance(name, ox.Literal):
        return None
    hits = provider.search_index().search(name.value, ["person"])
    return [ox.NamedNode(hit.iri) for hit in hits] if len(hits) <= MAX_NAMED_CHAIRS else None


def _newest_first(rows: Iterable[Row]) -> list[Row]:
    """Rows in the order of ``MEETINGS``: newest first, undated last, then by IRI."""
    ordered = sorted(rows, key=lambda row: str(row["meeting"]))
    ordered.sort(key=lambda row: str(row["date"] or ""), reverse=True)
    return ordered


def _participants(found: list[Statement]) -> list[Participant]:
    return [
        Participant(entity=Ref.of(s.object.iri or "", s.object.label), evidence=s.evidence)
        for s in sorted(found, key=lambda s: (s.object.label or "", s.object.iri or ""))
    ]


@router.get("/{meeting_id}", response_model=MeetingDetail, responses=problem_responses(404, 422, 503, 504))
def get_meeting(meeting_id: MeetingId, provider: ProviderDep) -> MeetingDetail:
    """One meeting: its chairs, attendees, organizers and legal basis, each with the evidence for it,
    and the articles that report it.
    """
    iri = str(entity_iri(Kind.MEETING, meeting_id))
    node = ox.NamedNode(iri)
    found = provider.rows(MEETINGS, meeting=node)
    if not found:
        raise not_found("meeting", meeting_id, "/meetings")
    summary = meeting_summary(found[0])
    outgoing = EvidenceIndex(statements(provider.select(EVIDENCE, {"subject": node})))
    incoming = EvidenceIndex(statements(provider.select(EVIDENCE, {"object": node})))
    return MeetingDetail(
        id=summary.id,
        iri=iri,
        label=summary.label,
        kind=summary.kind,
        date=summary.date,
        province=summary.province,
        chairs=_participants(outgoing.about(str(GOVKG.chairedBy))),
        attendees=_participants(outgoing.about(str(GOVKG.attendedBy))),
        organizers=_participants(outgoing.about(str(GOVKG.organizedBy))),
        legal_basis=_participants(outgoing.about(str(GOVKG.underLegalBasis))),
        reported_in=[e for s in incoming.about(str(SCHEMA.mentions), obj=iri) for e in s.evidence],
        links=Links.of(iri),
    )
