"""What extraction finds in one article, with the evidence for each piece.

These types are the contract between the extractors (which fill them) and the
two renderings of an extraction: the per-article JSON record of
``../shared/eval/SCHEMA.md`` (:meth:`Extraction.to_record`) and the article's
RDF graph (``loaders.rdf_mapping``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from loaders.article import Article
from ontology.gazetteer import Province


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where in the article a statement comes from and how sure the rule is.

    ``start``/``end`` are offsets into ``Article.text`` of the matched text;
    the sentence is the one containing ``start``.
    """

    start: int
    end: int
    rule: str
    confidence: float = 0.9

    @classmethod
    def of_fragment(cls, text: str, fragment: str, rule: str, confidence: float = 0.9) -> Evidence:
        """The evidence for the first occurrence of ``fragment`` in ``text`` (``ValueError`` when it is absent)."""
        start = text.index(fragment)
        return cls(start, start + len(fragment), rule, confidence)


@dataclass(slots=True)
class Reference:
    """A name, organization or notation one statement points to, with its evidence."""

    value: str
    evidence: Evidence


@dataclass(slots=True)
class Post:
    """A post a person holds, as the article states it ("Phó Chủ tịch" of an organization)."""

    title: str
    organization: str | None
    evidence: Evidence
    #: When the post is reported held, for an article with no date of its own: the date of the meeting in
    #: whose sentences it is stated (``dated_by``).
    reported_on: date | None = None
    dated_by: Meeting | None = None


@dataclass(slots=True)
class Person:
    """A named official. ``posts`` lists each post the article states they hold."""

    name: str
    evidence: Evidence
    posts: list[Post] = field(default_factory=list)
    province: Province | None = None


@dataclass(slots=True)
class Organization:
    """A state, party or public body, full name written out with its province.

    ``kind`` is the name of an ``ontology.vocabulary.OrganizationKind`` ("PeoplesCommittee"),
    or "Organization" when none fits; the RDF mapping looks it up there.
    """

    name: str
    kind: str
    evidence: Evidence
    province: Province | None = None


@dataclass(slots=True)
class LegalDocument:
    """A legal or policy document cited by notation (or bare number + issuer)."""

    type: str
    number: str
    evidence: Evidence
    date: date | None = None
    issuer: str | None = None
    province: Province | None = None


@dataclass(slots=True)
class Meeting:
    """A meeting that took place, with who chaired, organised and attended it and its legal basis."""

    kind: str
    kind_class: str
    evidence: Evidence
    date: date | None = None
    province: Province | None = None
    chairs: list[Reference] = field(default_factory=list)
    organizers: list[Reference] = field(default_factory=list)
    attendees: list[Reference] = field(default_factory=list)
    legal_basis: list[Reference] = field(default_factory=list)
    #: The article's sentences that report this meeting (indices into ``Article.sentences``).
    sentences: frozenset[int] = frozenset()


@dataclass(slots=True)
class Observation:
    """One figure the article reports for an indicator ("tỷ lệ cơ quan có mạng LAN" = 92.3 %)."""

    indicator: str
    value: Decimal
    unit: str
    evidence: Evidence
    province: Province | None = None
    ref_date: date | None = None
    #: For an article with no date of its own: the dated meeting the figure takes its date from, or the
    #: year its sentence gives when there is none.
    dated_by: Meeting | None = None
    ref_year: int | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    province: Province | None = None
    persons: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    legal_documents: list[LegalDocument] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)
    #: The province's name as the article writes it ("Thừa Thiên Huế" for the unit now called Huế).
    province_label: str | None = None

    def to_record(self) -> dict[str, Any]:
        """Render the extraction as the JSON record of ``../shared/eval/SCHEMA.md``."""
        article = self.article
        return {
            "id": article.file.rsplit(".", 1)[0],
            "file": article.file,
            "published": _iso(article.published),
            "province": (self.province_label or self.province.name) if self.province else None,
            "persons": [
                {
                    "name": person.name,
                    "posts": [{"title": p.title, "organization": p.organization} for p in person.posts],
                }
                for person in self.persons
            ],
            "organizations": [org.name for org in self.organizations],
            "legal_documents": [
                {"type": d.type, "number": d.number, "date": _iso(d.date), "issuer": d.issuer}
                for d in self.legal_documents
            ],
            "meetings": [
                {
                    "date": _iso(m.date),
                    "province": m.province.name if m.province else None,
                    "kind": m.kind,
                    "chairs": [r.value for r in m.chairs],
                    "organizers": [r.value for r in m.organizers],
                    "legal_basis": [r.value for r in m.legal_basis],
                }
                for m in self.meetings
            ],
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
