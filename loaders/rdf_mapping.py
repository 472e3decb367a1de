"""An extraction as RDF: the triples of one article's named graph.

Every relation the article states (a post, a chair, an organizer, a legal
basis, a mention, an indicator value) is written once as a plain triple, for
queries, and once as a ``govkg:Evidence`` node that reifies it with the
article, sentence, character offsets, rule and confidence, for provenance.
IRIs come from ``ontology.identity``, so the same extraction always gives the
same graph.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from loaders.article import Article
from loaders.notation import is_national
from loaders.record import Evidence, Extraction, LegalDocument, Meeting, Observation, Organization, Person
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from ontology.identity import (
    mint_article_iri,
    mint_evidence_iri,
    mint_legal_document_iri,
    mint_meeting_iri,
    mint_membership_iri,
    mint_observation_iri,
    mint_organization_iri,
    mint_role_iri,
)
from ontology.namespaces import DCTERMS, ELI, FOAF, GOVKG, ID, ORG, PROV, QB, RDF, RDFS, SCHEMA, SKOS, XSD
from ontology.orthography import comparison_key, slug
from ontology.vocabulary import document_type_named, organization_kind

#: One RDF statement as rdflib terms.
Statement = tuple[Node, Node, Node]

#: The predicates whose every triple in an article graph carries evidence.
EVIDENCED_PREDICATES = (
    ORG.member,
    GOVKG.chairedBy,
    GOVKG.organizedBy,
    GOVKG.attendedBy,
    GOVKG.underLegalBasis,
    SCHEMA.mentions,
    GOVKG.value,
)


def document_class(vietnamese_type: str) -> URIRef:
    """The govkg class of a Vietnamese document type ("Nghị định" → ``govkg:Decree``); ``ValueError`` if unknown."""
    return document_type_named(vietnamese_type).iri


class ArticleGraphBuilder:
    """Builds the named graph of one article from its extraction."""

    def __init__(self, extraction: Extraction, decisions: IdentityDecisions = NO_DECISIONS) -> None:
        self.extraction = extraction
        self.decisions = decisions
        self.article: Article = extraction.article
        self.article_iri = mint_article_iri(self.article.key)
        self._triples: dict[Statement, None] = {}  # a set that keeps insertion order
        self._persons: dict[str, URIRef] = {}
        self._organizations: dict[str, URIRef] = {}
        self._documents: dict[str, URIRef] = {}
        self._sentences: set[int] = set()

    def statements(self) -> list[Statement]:
        """Return the article's triples, without duplicates, in a stable order (built once)."""
        if not self._triples:
            self._build()
        return list(self._triples)

    def _build(self) -> None:
        self._add_article()
        for organization in self.extraction.organizations:
            self._organization(organization.name, organization)
        for person in self.extraction.persons:
            self._add_person(person)
        for document in self.extraction.legal_documents:
            self._add_document(document)
        for meeting in self.extraction.meetings:
            self._add_meeting(meeting)
        for index, observation in enumerate(self.extraction.observations):
            self._add_observation(index, observation)

    # -- article and evidence ------------------------------------------------

    def _add_article(self) -> None:
        a, article = self.article_iri, self.article
        self._add(a, RDF.type, SCHEMA.NewsArticle)
        self._add(a, GOVKG.sourceFile, Literal(article.file))
        self._add(a, GOVKG.contentHash, Literal(article.content_hash))
        self._add(a, GOVKG.identityKey, Literal(article.key))
        self._add_optional(a, SCHEMA.headline, _vi(article.title))
        self._add_optional(a, SCHEMA.datePublished, _date(article.published))
        self._add_optional(a, SCHEMA.author, _vi(article.byline))
        self._add_optional(a, SCHEMA.publisher, _vi(article.source))
        self._add_optional(a, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI) if article.url else None)
        if self.extraction.province:
            self._add(a, GOVKG.province, self.extraction.province.iri)

    def _state(
        self, subject: URIRef, predicate: URIRef, obj: Node, evidence: Evidence, date_from: URIRef | None = None
    ) -> None:
        """Add a relation and the evidence node that says where it comes from (and, for a time-bound
        statement, what its date was taken from)."""
        self._add(subject, predicate, obj)
        node = mint_evidence_iri(self.article_iri, str(subject), str(predicate), str(obj))
        sentence = self.article.sentence_at(evidence.start)
        self._add(node, RDF.type, GOVKG.Evidence)
        self._add(node, RDF.subject, subject)
        self._add(node, RDF.predicate, predicate)
        self._add(node, RDF.object, obj)
        self._add(node, PROV.wasDerivedFrom, self.article_iri)
        self._add(node, GOVKG.sentence, self._sentence(sentence.index))
        self._add(node, GOVKG.charStart, Literal(evidence.start))
        self._add(node, GOVKG.charEnd, Literal(evidence.end))
        self._add(node, GOVKG.rule, Literal(evidence.rule))
        self._add(node, GOVKG.confidence, Literal(Decimal(f"{evidence.confidence:.3f}"), datatype=XSD.decimal))
        self._add_optional(node, GOVKG.dateTakenFrom, date_from)

    def _sentence(self, index: int) -> URIRef:
        iri = URIRef(f"{self.article_iri}#sentence-{index}")
        if index not in self._sentences:
            self._sentences.add(index)
            sentence = self.article.sentences[index]
            self._add(iri, RDF.type, GOVKG.Sentence)
            self._add(iri, DCTERMS.isPartOf, self.article_iri)
            self._add(iri, GOVKG.text, Literal(self.article.sentence_text(sentence)))
            self._add(iri, GOVKG.charStart, Literal(sentence.start))
            self._add(iri, GOVKG.charEnd, Literal(sentence.end))
        return iri

    def _mention(self, entity: URIRef, evidence: Evidence) -> None:
        self._state(self.article_iri, SCHEMA.mentions, entity, evidence)

    # -- entities ------------------------------------------------------------

    def _organization(self, name: str, organization: Organization | None = None) -> URIRef:
        key = comparison_key(name)
        if key in self._organizations:
            return self._organizations[key]
        province = organization.province if organization else None
        iri = mint_organization_iri(name, province.code if province else None)
        self._organizations[key] = iri
        self._add(iri, RDF.type, ORG.Organization)
        if organization and organization.kind != "Organization":
            self._add(iri, RDF.type, organization_kind(organization.kind).iri)
        self._add(iri, SKOS.prefLabel, Literal(name, lang="vi"))
        if province:
            self._add(iri, GOVKG.province, province.iri)
        if organization:
            self._mention(iri, organization.evidence)
        return iri

    def _person_disambiguator(self, person: Person) -> str:
        if person.province:
            return person.province.code
        if person.posts and person.posts[0].organization:
            return person.posts[0].organization
        return self.article.key

    def _person_iri(self, name: str) -> URIRef:
        key = comparison_key(name)
        if key not in self._persons:  # a name the extractors did not list as a person
            self._persons[key] = self.decisions.resolve_person(name, self.article.key, self.article.key).iri
            self._add(self._persons[key], RDF.type, FOAF.Person)
            self._add(self._persons[key], FOAF.name, Literal(name))
        return self._persons[key]

    def _add_person(self, person: Person) -> None:
        identity = self.decisions.resolve_person(person.name, self._person_disambiguator(person), self.article.key)
        iri = identity.iri
        self._persons[comparison_key(person.name)] = iri
        self._add(iri, RDF.type, FOAF.Person)
        self._add(iri, FOAF.name, Literal(person.name))
        self._add(iri, GOVKG.identityKey, Literal(identity.key))
        if person.province:
            self._add(iri, GOVKG.province, person.province.iri)
        self._mention(iri, person.evidence)
        for post in person.posts:
            if not post.organization:
                continue
            organization = self._organization(post.organization)
            membership = mint_membership_iri(iri, post.title, organization)
            role = mint_role_iri(post.title)
            self._add(membership, RDF.type, ORG.Membership)
            self._add(membership, ORG.organization, organization)
            self._add(membership, ORG.role, role)
            self._add(membership, GOVKG.title, Literal(post.title, lang="vi"))
            reported_on, date_from = self._reported_on(post.reported_on, post.dated_by)
            self._add_optional(membership, GOVKG.reportedOn, _date(reported_on))
            self._add(role, RDF.type, ORG.Role)
            self._add(role, SKOS.prefLabel, Literal(post.title, lang="vi"))
            self._state(membership, ORG.member, iri, post.evidence, date_from)

    def _reported_on(self, day: date | None, meeting: Meeting | None) -> tuple[date | None, URIRef | None]:
        """A statement's date and what it was taken from: the article's date, else the meeting's it gives."""
        if self.article.published is not None:
            return self.article.published, self.article_iri
        if day is not None and meeting is not None:
            return day, self._meeting_iri(meeting)
        return None, None

    def _observation_date(self, observation: Observation) -> tuple[date | None, URIRef | None]:
        """A figure's date: the one stated with it, else as a post's (the article's, else its meeting's)."""
        if observation.ref_date is not None and observation.dated_by is None:
            return observation.ref_date, self._sentence(self.article.sentence_at(observation.evidence.start).index)
        return self._reported_on(observation.ref_date, observation.dated_by)

    def _document_iri(self, document: LegalDocument) -> URIRef:
        if is_national(document.number):
            return mint_legal_document_iri(document.number)
        province = document.province or self.extraction.province
        year = _notation_year(document.number) or (document.date.year if document.date else None)
        if province is None and year is None:
            return mint_legal_document_iri(document.number, self.article.key)
        return mint_legal_document_iri(document.number, f"{province.code if province else ''}|{year or ''}")

    def _add_document(self, document: LegalDocument) -> None:
        iri = self._document_iri(document)
        self._documents[document.number] = iri
        doc_class = document_class(document.type)
        self._add(iri, RDF.type, ELI.LegalResource)
        self._add(iri, RDF.type, doc_class)
        self._add(iri, ELI.type_document, doc_class)
        self._add(iri, ELI.id_local, Literal(document.number))
        self._add(iri, RDFS.label, Literal(f"{document.type} {document.number}", lang="vi"))
        self._add_optional(iri, ELI.date_document, _date(document.date))
        self._add_optional(iri, GOVKG.reportedOn, _date(self.article.published))
        if document.issuer:
            self._add(iri, GOVKG.issuerName, Literal(document.issuer, lang="vi"))
            issuer = self._organizations.get(comparison_key(document.issuer))
            if issuer is not None:
                self._add(iri, ELI.passed_by, issuer)
        self._mention(iri, document.evidence)

    def _meeting_iri(self, meeting: Meeting) -> URIRef:
        province = meeting.province
        return mint_meeting_iri(
            meeting.date, province.code if province else None, meeting.kind_class, fallback=self.article.key
        )

    def _add_meeting(self, meeting: Meeting) -> None:
        province = meeting.province
        iri = self._meeting_iri(meeting)
        self._add(iri, RDF.type, GOVKG.Meeting)
        self._add(iri, RDFS.label, Literal(meeting.kind, lang="vi"))
        self._add(iri, GOVKG.meetingKind, GOVKG[meeting.kind_class])
        self._add(iri, GOVKG.reportedIn, self.article_iri)
        self._add_optional(iri, GOVKG.reportedOn, _date(self.article.published))
        if meeting.date:
            self._add_optional(iri, SCHEMA.startDate, _date(meeting.date))
        else:
            self._add(iri, GOVKG.dateStatus, GOVKG.Undated)
        if province:
            self._add(iri, GOVKG.heldIn, province.iri)
        self._mention(iri, meeting.evidence)
        for chair in meeting.chairs:
            self._state(iri, GOVKG.chairedBy, self._person_iri(chair.value), chair.evidence)
        for attendee in meeting.attendees:
            self._state(iri, GOVKG.attendedBy, self._person_iri(attendee.value), attendee.evidence)
        for organizer in meeting.organizers:
            self._state(iri, GOVKG.organizedBy, self._organization(organizer.value), organizer.evidence)
        for basis in meeting.legal_basis:
            document = self._documents.get(basis.value)
            if document is not None:
                self._state(iri, GOVKG.underLegalBasis, document, basis.evidence)

    def _add_observation(self, index: int, observation: Observation) -> None:
        iri = mint_observation_iri(self.article_iri, observation.indicator, f"{index}:{observation.value}")
        indicator = ID[f"indicator/{slug(observation.indicator)}"]
        self._add(iri, RDF.type, QB.Observation)
        self._add(iri, GOVKG.indicator, indicator)
        self._add(indicator, RDF.type, GOVKG.Indicator)
        self._add(indicator, SKOS.prefLabel, Literal(observation.indicator, lang="vi"))
        self._add(iri, GOVKG.unit, Literal(observation.unit, lang="vi"))
        self._add(iri, GOVKG.reportedIn, self.article_iri)
        province = observation.province or self.extraction.province
        if province:
            self._add(iri, GOVKG.province, province.iri)
        ref_date, date_from = self._observation_date(observation)
        if ref_date is None and observation.ref_year is not None:
            year = Literal(str(observation.ref_year), datatype=XSD.gYear)
            self._add(iri, GOVKG.refYear, year)
            date_from = self._sentence(self.article.sentence_at(observation.evidence.start).index)
        self._add_optional(iri, GOVKG.refDate, _date(ref_date))
        value = Literal(observation.value, datatype=XSD.decimal)
        self._state(iri, GOVKG.value, value, observation.evidence, date_from)

    # -- plumbing ------------------------------------------------------------

    def _add(self, subject: Node, predicate: Node, obj: Node) -> None:
        self._triples[(subject, predicate, obj)] = None

    def _add_optional(self, subject: Node, predicate: Node, obj: Node | None) -> None:
        if obj is not None:
            self._triples[(subject, predicate, obj)] = None


def article_statements(extraction: Extraction, decisions: IdentityDecisions = NO_DECISIONS) -> list[Statement]:
    """Return the triples of everything one article asserts (see the module docstring).

    Cheaper than :func:`article_graph` where no rdflib graph is needed (ingestion
    builds one graph per validation batch instead of one per article).
    """
    return ArticleGraphBuilder(extraction, decisions).statements()


def article_graph(extraction: Extraction, decisions: IdentityDecisions = NO_DECISIONS) -> Graph:
    """Return the RDF graph of everything one article asserts (see the module docstring)."""
    graph = Graph()
    for triple in article_statements(extraction, decisions):
        graph.add(triple)
    return graph


def _notation_year(notation: str) -> int | None:
    parts = notation.split("/")
    return int(parts[1]) if len(parts) >= 3 and parts[1].isdigit() and len(parts[1]) == 4 else None


def _date(day: date | None) -> Literal | None:
    return Literal(day.isoformat(), datatype=XSD.date) if day else None


def _vi(text: str | None) -> Literal | None:
    return Literal(text, lang="vi") if text else None
