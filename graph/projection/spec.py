"""The property-graph projection, declared as data: which labels, properties and relationships it has.

One declaration serves every consumer of the property graph: the Neo4j sync
(``graph.neo4j``), the networkx projection behind exports and analytics
(``graph.projection.networkx_graph``) and the sync's footprints.
:data:`NODES` holds one label per RDF class, with the properties read from it
and the extra labels its ``rdf:type``s give (an organization's kind, a
document's type: both from ``ontology.vocabulary``); :data:`RELATIONSHIPS`
holds one relationship type per RDF predicate, with the labels at either end.
``graph.projection.view`` reads what a spec needs from the store.

Relationships keep their provenance. Each carries ``articles`` — the articles
whose named graph asserts the statement, sorted — and, for the statements the
RDF mapping evidences (``loaders.rdf_mapping.EVIDENCED_PREDICATES``), the
aligned lists ``evidence`` (the ``govkg:Evidence`` IRI each of those articles
gives, for SPARQL look-ups of offsets, rule and confidence) and ``sentences``
(the sentence it was read from). Statements only the reference graph makes
(province successions) have an empty ``articles`` list.

Values are typed: ``xsd:date`` becomes a ``date``, ``xsd:decimal`` a float,
IRIs stay strings. A property with several values in the merged graph (two
articles naming a meeting differently) keeps its smallest value, or all of
them, sorted, where the spec says ``many``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import Enum

from rdflib import URIRef

from ontology.namespaces import ELI, FOAF, GOVKG, ORG, QB, RDFS, SCHEMA, SKOS, TIME
from ontology.vocabulary import document_types, organization_kinds


class Kind(Enum):
    """How an RDF value becomes a Neo4j property value."""

    TEXT = "text"
    DATE = "date"
    NUMBER = "number"
    IRI = "iri"
    LOCAL_NAME = "local"  # the IRI's fragment or last path segment ("govkg:Review" → "Review")
    PRESENT = "present"  # true when the path leads anywhere


@dataclass(frozen=True, slots=True)
class PropertySpec:
    """A node (or relationship) property read along ``path`` from the node.

    With several values the property keeps the smallest (``largest``: the largest),
    or all of them, sorted, when ``many``.
    """

    name: str
    path: tuple[URIRef, ...]
    kind: Kind = Kind.TEXT
    many: bool = False
    largest: bool = False


@dataclass(frozen=True, slots=True)
class NodeSpec:
    """One label: the RDF class whose instances it holds, their properties and kind labels."""

    label: str
    rdf_class: URIRef
    properties: tuple[PropertySpec, ...]
    kinds: tuple[tuple[URIRef, str], ...] = ()

    def kind_label(self, rdf_type: str) -> str | None:
        """The extra label an ``rdf:type`` gives (``govkg:Decree`` → ``Decree``), if any."""
        return next((label for iri, label in self.kinds if str(iri) == rdf_type), None)


@dataclass(frozen=True, slots=True)
class RelationshipSpec:
    """One relationship type between two labels, read from the statements ``subject predicate object``.

    The relationship runs from the statement's subject to its object, or the
    other way round when ``inverse`` (``?meeting govkg:chairedBy ?person`` gives
    ``(person)-[:CHAIRED]->(meeting)``). With ``through``, the statement's subject
    is a node between the two ends (an ``org:Membership``): ``subject predicate
    start`` and ``subject through end``; it becomes the relationship's ``iri``
    and its ``properties`` are read from it.
    """

    type: str
    start: NodeSpec
    end: NodeSpec
    predicate: URIRef
    inverse: bool = False
    through: URIRef | None = None
    properties: tuple[PropertySpec, ...] = ()

    @property
    def name(self) -> str:
        """A readable name unique among the specs (``LOCATED_IN:Person``)."""
        return f"{self.type}:{self.start.label}->{self.end.label}"


def local_name(iri: URIRef) -> str:
    """An IRI's fragment or last path segment (``govkg:Review`` → ``Review``)."""
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _p(name: str, *path: URIRef, kind: Kind = Kind.TEXT, many: bool = False, largest: bool = False) -> PropertySpec:
    return PropertySpec(name, tuple(path), kind, many, largest)


#: The extra labels of organizations and documents: their kind or type, as the vocabulary names them.
_ORGANIZATION_KINDS = tuple((kind.iri, kind.name) for kind in organization_kinds())
_DOCUMENT_TYPES = tuple((kind.iri, kind.name) for kind in document_types())

PERSON = NodeSpec("Person", FOAF.Person, (_p("name", FOAF.name),))
ORGANIZATION = NodeSpec("Organization", ORG.Organization, (_p("name", SKOS.prefLabel),), _ORGANIZATION_KINDS)
PROVINCE = NodeSpec(
    "Province",
    GOVKG.Province,
    (
        _p("name", SKOS.prefLabel),
        _p("code", GOVKG.unitCode),
        _p("iso_code", GOVKG.isoCode),
        _p("unit_kind", GOVKG.unitKind, kind=Kind.LOCAL_NAME),
        _p("valid_from", GOVKG.validFrom, kind=Kind.DATE),
        _p("valid_until", GOVKG.validUntil, kind=Kind.DATE),
    ),
)
LEGAL_DOCUMENT = NodeSpec(
    "LegalDocument",
    ELI.LegalResource,
    (
        _p("notation", ELI.id_local),
        _p("notations", ELI.id_local, many=True),
        _p("title", RDFS.label),
        _p("type", ELI.type_document, kind=Kind.LOCAL_NAME),
        _p("date", ELI.date_document, kind=Kind.DATE),
        _p("issuer_name", GOVKG.issuerName),
        _p("reported_on", GOVKG.reportedOn, kind=Kind.DATE, many=True),
    ),
    _DOCUMENT_TYPES,
)
MEETING = NodeSpec(
    "Meeting",
    GOVKG.Meeting,
    (
        _p("label", RDFS.label),
        _p("kind", GOVKG.meetingKind, kind=Kind.LOCAL_NAME),
        _p("date", SCHEMA.startDate, kind=Kind.DATE),
        _p("reported_on", GOVKG.reportedOn, kind=Kind.DATE, many=True),
    ),
)
ARTICLE = NodeSpec(
    "Article",
    SCHEMA.NewsArticle,
    (
        _p("headline", SCHEMA.headline),
        _p("published", SCHEMA.datePublished, kind=Kind.DATE),
        _p("url", SCHEMA.url),
        _p("publisher", SCHEMA.publisher),
        _p("author", SCHEMA.author),
        _p("source_file", GOVKG.sourceFile),
        _p("content_hash", GOVKG.contentHash),
    ),
)
OBSERVATION = NodeSpec(
    "Observation",
    QB.Observation,
    (
        _p("indicator", GOVKG.indicator, kind=Kind.IRI),
        _p("indicator_label", GOVKG.indicator, SKOS.prefLabel),
        _p("value", GOVKG.value, kind=Kind.NUMBER),
        _p("unit", GOVKG.unit),
        _p("date", GOVKG.refDate, kind=Kind.DATE),
    ),
)

#: Every label of the projection, in the order nodes are written.
NODES: tuple[NodeSpec, ...] = (PROVINCE, ARTICLE, PERSON, ORGANIZATION, LEGAL_DOCUMENT, MEETING, OBSERVATION)

#: Every relationship type of the projection (one spec per pair of labels it joins).
RELATIONSHIPS: tuple[RelationshipSpec, ...] = (
    RelationshipSpec(
        "HOLDS_POST",
        PERSON,
        ORGANIZATION,
        ORG.member,
        through=ORG.organization,
        properties=(
            _p("title", GOVKG.title),
            _p("reported_on", GOVKG.reportedOn, kind=Kind.DATE, many=True),
            _p("interval", ORG.memberDuring, kind=Kind.PRESENT),
            _p("member_from", ORG.memberDuring, TIME.hasBeginning, TIME.inXSDDate, kind=Kind.DATE),
            _p("member_until", ORG.memberDuring, TIME.hasEnd, TIME.inXSDDate, kind=Kind.DATE, largest=True),
        ),
    ),
    RelationshipSpec("CHAIRED", PERSON, MEETING, GOVKG.chairedBy, inverse=True),
    RelationshipSpec("ATTENDED", PERSON, MEETING, GOVKG.attendedBy, inverse=True),
    RelationshipSpec("ORGANIZED", ORGANIZATION, MEETING, GOVKG.organizedBy, inverse=True),
    RelationshipSpec("UNDER", MEETING, LEGAL_DOCUMENT, GOVKG.underLegalBasis),
    RelationshipSpec("HELD_IN", MEETING, PROVINCE, GOVKG.heldIn),
    RelationshipSpec("ISSUED_BY", LEGAL_DOCUMENT, ORGANIZATION, ELI.passed_by),
    RelationshipSpec("LOCATED_IN", ORGANIZATION, PROVINCE, GOVKG.province),
    RelationshipSpec("LOCATED_IN", PERSON, PROVINCE, GOVKG.province),
    RelationshipSpec("ABOUT", ARTICLE, PROVINCE, GOVKG.province),
    RelationshipSpec("ABOUT", OBSERVATION, PROVINCE, GOVKG.province),
    *(
        RelationshipSpec("MENTIONED_IN", spec, ARTICLE, SCHEMA.mentions, inverse=True)
        for spec in (PERSON, ORGANIZATION, LEGAL_DOCUMENT, MEETING)
    ),
    RelationshipSpec("REPORTED_IN", MEETING, ARTICLE, GOVKG.reportedIn),
    RelationshipSpec("REPORTED_IN", OBSERVATION, ARTICLE, GOVKG.reportedIn),
    RelationshipSpec("SUCCEEDED_BY", PROVINCE, PROVINCE, GOVKG.succeededBy),
)

#: Each node spec by the IRI of its RDF class.
CLASSES = {str(spec.rdf_class): spec for spec in NODES}
#: The predicates relationships are read from (and the links of memberships to their organization).
RELATION_PREDICATES = sorted(
    {str(spec.predicate) for spec in RELATIONSHIPS} | {str(spec.through) for spec in RELATIONSHIPS if spec.through}
)


def projection_version() -> str:
    """A digest of the projection's declaration: changes whenever a label, property or relationship does."""
    return hashlib.sha256(repr((NODES, RELATIONSHIPS)).encode("utf-8")).hexdigest()[:16]
