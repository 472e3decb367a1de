"""The API's response models: stable JSON shapes for dashboards, documented in the OpenAPI schema.

Every entity carries its ``id`` (the last segment of its IRI), its ``iri`` and
``links`` to its detail and to the evidence of what is said about it. Dates
are ISO strings; fields without a value are ``null``.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, Field

from api.identifiers import detail_path, entity_id, evidence_path

T = TypeVar("T")

Cell = str | int | float | bool | None


class Links(BaseModel):
    """Where to read more."""

    detail: str | None = Field(None, description="This entity's resource in the API.")
    evidence: str = Field(description="The evidence of every statement about this entity.")

    @classmethod
    def of(cls, iri: str) -> Links:
        """The links of an entity IRI."""
        return cls(detail=detail_path(iri), evidence=evidence_path(iri))


class Ref(BaseModel):
    """A pointer to another entity, with a label to show."""

    id: str
    iri: str
    label: str | None = None

    @classmethod
    def of(cls, iri: str, label: str | None = None) -> Ref:
        """The reference of an IRI."""
        return cls(id=entity_id(iri), iri=iri, label=label or None)


class ProvinceRef(BaseModel):
    """A province-level unit: ``id`` is its unit code (VN-44, VN-44-2025)."""

    id: str
    iri: str
    name: str


class ArticleRef(BaseModel):
    """The article a statement comes from."""

    id: str
    iri: str
    title: str | None = None
    published: dt.date | None = None


class Evidence(BaseModel):
    """Where a statement comes from: the article, the sentence, the matched span, the rule and its confidence."""

    article: ArticleRef
    sentence: str | None = Field(None, description="The sentence of the article that states it.")
    char_start: int | None = Field(None, description="Start of the matched text in the article (code points).")
    char_end: int | None = Field(None, description="End of the matched text (exclusive).")
    rule: str | None = Field(None, description="The extraction rule that matched.")
    confidence: float | None = Field(None, description="How sure the rule is, 0–1.")


class Term(BaseModel):
    """One end of a statement: an IRI (with a label) or a literal value."""

    iri: str | None = None
    value: str | None = None
    label: str | None = None


class Statement(BaseModel):
    """One edge of the graph, with the evidence of every article that states it."""

    subject: Term
    predicate: str
    object: Term
    evidence: list[Evidence]


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` items match, ``items`` holds those from ``offset``."""

    items: list[T]
    total: int
    limit: int
    offset: int
    next: str | None = Field(None, description="The URL of the next page, if there is one.")


# -- persons -----------------------------------------------------------------


class PersonSummary(BaseModel):
    """A person in a list."""

    id: str
    iri: str
    name: str | None
    provinces: list[ProvinceRef]
    links: Links


class PostHeld(BaseModel):
    """A post a person held (a W3C ORG membership), with when articles reported it."""

    membership: str = Field(description="The IRI of the org:Membership.")
    person: Ref
    title: str
    organization: Ref
    first_reported: dt.date | None = None
    last_reported: dt.date | None = None
    member_from: dt.date | None = Field(None, description="Start of a stated org:memberDuring interval.")
    member_until: dt.date | None = Field(None, description="End of a stated org:memberDuring interval.")
    evidence: list[Evidence]


class MeetingRef(BaseModel):
    """A meeting, briefly."""

    id: str
    iri: str
    label: str | None = None
    date: dt.date | None = None
    province: ProvinceRef | None = None


class MeetingRole(BaseModel):
    """A meeting someone chaired, attended or organized, with the evidence for it."""

    meeting: MeetingRef
    evidence: list[Evidence]


class PersonDetail(PersonSummary):
    """A person: posts over time, meetings chaired and attended, articles that mention them."""

    posts: list[PostHeld]
    meetings_chaired: list[MeetingRole]
    meetings_attended: list[MeetingRole]
    mentioned_in: list[Evidence]


# -- organizations -----------------------------------------------------------


class OrganizationSummary(BaseModel):
    """An organization in a list."""

    id: str
    iri: str
    name: str | None
    kinds: list[str] = Field(description="govkg classes besides org:Organization (Department, PeoplesCommittee …).")
    province: ProvinceRef | None
    links: Links


class OrganizationDetail(OrganizationSummary):
    """An organization: the posts held in it, the meetings it organized, the articles that mention it."""

    posts: list[PostHeld]
    meetings_organized: list[MeetingRole]
    mentioned_in: list[Evidence]


# -- provinces ---------------------------------------------------------------


class ProvinceSummary(BaseModel):
    """A province-level unit of the gazetteer (63 before 1 July 2025, 34 after)."""

    id: str = Field(description="The unit code.")
    iri: str
    name: str
    is_city: bool = Field(description="A centrally-run city.")
    valid_from: dt.date | None
    valid_until: dt.date | None
    successors: list[str] = Field(description="Codes of the units it merged into.")
    predecessors: list[str] = Field(description="Codes of the units merged into it.")
    links: Links


class Official(BaseModel):
    """A post held in an organization of the province (named query ``officials_of_province``)."""

    person: Ref
    title: str | None
    organization: Ref
    last_reported: dt.date | None


class CitedDocument(BaseModel):
    """A document the province's articles cite (named query ``documents_cited_by_province``)."""

    document: Ref
    type: str | None
    articles: int


class IndicatorFigure(BaseModel):
    """One reported indicator figure (named query ``indicators_of_province``)."""

    indicator: Ref
    value: float | None
    unit: str | None
    date: dt.date | None
    article: Ref


class ProvinceDetail(ProvinceSummary):
    """A province with its officials, meetings (up to ``GOVKG_MAX_PAGE_SIZE``), documents and indicators.

    Meetings held in the units it succeeded count too.
    """

    officials: list[Official]
    meetings: list[MeetingSummary]
    meetings_total: int
    documents: list[CitedDocument]
    indicators: list[IndicatorFigure]


# -- legal documents ---------------------------------------------------------


class LegalDocumentSummary(BaseModel):
    """A legal document in a list."""

    id: str
    iri: str
    notation: str | None
    type: str | None = Field(description="The govkg class's local name (Decree, Decision …).")
    title: str | None
    date: dt.date | None = Field(description="The date of the document, when an article states it.")
    issuer: str | None = Field(description="The issuer as articles write it.")
    issued_by: Ref | None = Field(description="The issuing organization, when it is in the graph.")
    links: Links


class LegalDocumentDetail(LegalDocumentSummary):
    """A legal document: the meetings held under it and the articles citing it."""

    meetings: list[MeetingRole]
    cited_by: list[Evidence]


# -- meetings ----------------------------------------------------------------


class MeetingSummary(BaseModel):
    """A meeting in a list."""

    id: str
    iri: str
    label: str | None
    kind: str | None = Field(description="Conference, CommitteeMeeting, WorkingSession, Session, Seminar …")
    date: dt.date | None
    province: ProvinceRef | None
    chairs: list[Ref]
    legal_basis: list[Ref]
    links: Links


class Participant(BaseModel):
    """A person, organization or document a meeting points to, with the evidence for it."""

    entity: Ref
    evidence: list[Evidence]


class MeetingDetail(BaseModel):
    """A meeting: who chaired, attended and organized it, its legal basis, the articles that report it."""

    id: str
    iri: str
    label: str | None
    kind: str | None
    date: dt.date | None
    province: ProvinceRef | None
    chairs: list[Participant]
    attendees: list[Participant]
    organizers: list[Participant]
    legal_basis: list[Participant]
    reported_in: list[Evidence]
    links: Links


# -- articles ----------------------------------------------------------------


class ArticleSummary(BaseModel):
    """An article in a list."""

    id: str
    iri: str
    title: str | None
    published: dt.date | None
    source: str | None
    url: str | None
    province: ProvinceRef | None
    file: str | None
    links: Links


class ArticleDetail(ArticleSummary):
    """An article and everything it asserted (its named graph): each statement with its evidence sentence."""

    triples: int = Field(description="Triples in the article's named graph.")
    statements: list[Statement]


# -- search ------------------------------------------------------------------


class SearchResult(BaseModel):
    """An entity found by /search."""

    id: str
    iri: str
    kind: str = Field(description="person, organization or document.")
    label: str = Field(description="The label that matched best.")
    score: int = Field(
        description="5 the whole label, 4 its first words, 3 words in a row inside it, 2 all its words anywhere, "
        "1 only word beginnings."
    )
    links: Links


# -- named queries -----------------------------------------------------------


class QueryParameterInfo(BaseModel):
    """A parameter of a named query."""

    name: str
    type: str
    required: bool
    default: str | None
    description: str
    accepts: str = Field(description="What a value looks like.")


class NamedQueryInfo(BaseModel):
    """A named query: what it answers, its parameters and columns."""

    name: str
    description: str
    parameters: list[QueryParameterInfo]
    columns: list[str]
    run: str = Field(description="The path that runs it.")


class NamedQueryResult(BaseModel):
    """The answer of a named query: its columns and one object per row."""

    name: str
    columns: list[str]
    rows: list[dict[str, Cell]]


# -- writes ------------------------------------------------------------------


class ArticleIn(BaseModel):
    """An article sent as JSON (the same fields as a ``.json`` article file)."""

    text: str = Field(min_length=1, description="The body of the article.")
    title: str | None = None
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: str | None = Field(None, description="Where it was published; its identity when given.")
    source: str | None = Field(None, description="The newspaper or portal.")
    author: str | None = None
    file: str | None = Field(None, description="A file name to report it under (default: a digest of the text).")


class IngestOutcome(BaseModel):
    """What happened to one uploaded article."""

    file: str
    status: str = Field(description="ok, unchanged, quarantined or rejected.")
    article: Ref | None = None
    triples: int = 0
    reason: str | None = Field(None, description="Why it was quarantined or rejected.")


class IngestReport(BaseModel):
    """The outcome of every uploaded article, and the counts per status."""

    counts: dict[str, int]
    outcomes: list[IngestOutcome]


class Health(BaseModel):
    """Liveness, the snapshot generation served, and how much the store holds."""

    status: str
    generation: int
    articles: int
    persons: int
    organizations: int
    legal_documents: int
    meetings: int
    triples: int | None = Field(description="Triples in the merged default graph; null when counting took too long.")


ProvinceDetail.model_rebuild()
