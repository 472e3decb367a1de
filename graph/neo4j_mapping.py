"""What the Neo4j projection holds, and how each part of it is read from the RDF store.

The projection is declared as data: :data:`NODES` (one label per RDF class,
with the properties read from it and the extra labels its ``rdf:type``s give)
and :data:`RELATIONSHIPS` (one relationship type per RDF predicate, with the
labels at either end). The code below is generic over those tables: it turns
a spec into a SPARQL query over the store's default (merged) graph and the
rows of that query into the ``{iri, properties}`` rows the writer upserts.

Relationships keep their provenance. Each carries ``articles`` — the articles
whose named graph asserts the statement, sorted — and, for the statements the
RDF mapping evidences (``loaders.rdf_mapping.EVIDENCED_PREDICATES``), the
aligned lists ``evidence`` (the ``govkg:Evidence`` IRI each of those articles
gives, for SPARQL look-ups of offsets, rule and confidence) and ``sentences``
(the sentence it was read from). Statements only the reference graph makes
(province successions) have an empty ``articles`` list.

Values are typed: ``xsd:date`` becomes a Neo4j ``date``, ``xsd:decimal`` a
float, IRIs stay strings. A property with several values in the merged graph
(two articles naming a meeting differently) keeps its smallest value, or all
of them, sorted, where the spec says ``many``.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from graph.store import ArticleStore, Triple
from ontology.namespaces import ELI, FOAF, GOVKG, ID, ORG, QB, RDF, RDFS, REFERENCE_GRAPH, SCHEMA, SKOS, TIME

ARTICLE_GRAPH_PREFIX = str(ID["graph/article/"])
_ARTICLE_PREFIX = str(ID["article/"])

#: IRIs per ``VALUES`` block when a query is restricted to some nodes.
VALUES_CHUNK = 2000


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


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _p(name: str, *path: URIRef, kind: Kind = Kind.TEXT, many: bool = False, largest: bool = False) -> PropertySpec:
    return PropertySpec(name, tuple(path), kind, many, largest)


_ORGANIZATION_KINDS = tuple(
    (GOVKG[kind], kind)
    for kind in (
        "PeoplesCommittee",
        "PeoplesCouncil",
        "Department",
        "Ministry",
        "Government",
        "PartyCommittee",
        "SteeringCommittee",
        "Agency",
        "StateEnterprise",
        "Association",
    )
)
_DOCUMENT_TYPES = tuple(
    (GOVKG[kind], kind)
    for kind in (
        "Law",
        "Ordinance",
        "Decree",
        "Decision",
        "Directive",
        "Resolution",
        "Circular",
        "Plan",
        "OfficialLetter",
        "Submission",
        "Announcement",
    )
)

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

_CLASSES = {str(spec.rdf_class): spec for spec in NODES}
_RDF_TYPE = f"<{RDF.type}>"


def projection_version() -> str:
    """A digest of the projection's declaration: changes whenever a label, property or relationship does."""
    return hashlib.sha256(repr((NODES, RELATIONSHIPS)).encode("utf-8")).hexdigest()[:16]


# -- rows ----------------------------------------------------------------------


@dataclass(slots=True)
class NodeRow:
    """One node to upsert: its label, extra (kind) labels and properties (``iri`` included)."""

    label: str
    iri: str
    extra_labels: tuple[str, ...]
    properties: dict[str, Any]


@dataclass(slots=True)
class RelationshipRow:
    """One relationship to upsert between the nodes ``start`` and ``end``."""

    spec: RelationshipSpec
    start: str
    end: str
    properties: dict[str, Any]

    def as_parameters(self) -> dict[str, Any]:
        """The row as the writer's ``row`` map."""
        return {"start": self.start, "end": self.end, "iri": self.properties.get("iri"), "properties": self.properties}


@dataclass(slots=True)
class _Assertions:
    """Which articles assert one statement, with the evidence each gives."""

    articles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)

    def add(self, article: str | None, evidence: str | None, sentence: str | None) -> None:
        if article is None:
            return
        known = self.articles.get(article)
        if known is None or (known[0] is None and evidence is not None):
            self.articles[article] = (evidence, sentence)

    def properties(self) -> dict[str, Any]:
        ordered = sorted(self.articles)
        found = [self.articles[a] for a in ordered]
        if any(evidence is not None for evidence, _ in found):
            return {
                "articles": ordered,
                "evidence": [evidence or "" for evidence, _ in found],
                "sentences": [sentence or "" for _, sentence in found],
            }
        return {"articles": ordered}


# -- reading from the store ----------------------------------------------------------


def article_of_graph(graph: str) -> str | None:
    """The article whose named graph ``graph`` is (``None`` for the reference graph and others)."""
    if graph.startswith(ARTICLE_GRAPH_PREFIX):
        return _ARTICLE_PREFIX + graph[len(ARTICLE_GRAPH_PREFIX) :]
    return None


def _values(variable: str, iris: Sequence[str]) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in iris)} }}\n"


def _chunks(iris: Sequence[str] | None) -> Iterator[Sequence[str] | None]:
    if iris is None:
        yield None
        return
    for start in range(0, len(iris), VALUES_CHUNK):
        yield iris[start : start + VALUES_CHUNK]


def _solutions(store: ArticleStore, sparql: str) -> ox.QuerySolutions:
    result = store.query(sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise TypeError("expected SELECT solutions")
    return result


def _term(solution: ox.QuerySolution, name: str) -> str | None:
    term = solution[name]
    return None if term is None else term.value


def _convert(term: ox.NamedNode | ox.Literal | ox.BlankNode, kind: Kind) -> Any:
    if kind is Kind.PRESENT:
        return True
    if kind is Kind.LOCAL_NAME:
        return _local(URIRef(term.value))
    if kind is Kind.IRI:
        return term.value
    if kind is Kind.DATE:
        try:
            return date.fromisoformat(term.value)
        except ValueError:
            return None
    if kind is Kind.NUMBER:
        try:
            return float(term.value)
        except ValueError:
            return None
    return term.value


def _property_union(variable: str, properties: Sequence[PropertySpec]) -> str:
    branches = [
        f"{{ ?{variable} {'/'.join(f'<{step}>' for step in prop.path)} ?value BIND({index} AS ?property) }}"
        for index, prop in enumerate(properties)
    ]
    return " UNION ".join(branches)


def _read_properties(
    store: ArticleStore, rdf_class: URIRef | None, properties: Sequence[PropertySpec], iris: Sequence[str] | None
) -> dict[str, dict[str, Any]]:
    """``{iri: {property: value}}`` for the instances of ``rdf_class`` (or the given ``iris``)."""
    collected: dict[str, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
    if not properties:
        return {}
    for chunk in _chunks(iris):
        restriction = _values("node", chunk) if chunk is not None else ""
        typed = f"?node a <{rdf_class}> .\n" if rdf_class is not None else ""
        sparql = (
            f"SELECT ?node ?property ?value WHERE {{\n{restriction}{typed}{_property_union('node', properties)}\n}}"
        )
        for solution in _solutions(store, sparql):
            node, index, value = solution["node"], solution["property"], solution["value"]
            if node is None or index is None or value is None:
                continue
            prop = properties[int(index.value)]
            converted = _convert(value, prop.kind)
            if converted is not None:
                collected[node.value][int(index.value)].append(converted)
    result: dict[str, dict[str, Any]] = {}
    for node, by_index in collected.items():
        values: dict[str, Any] = {}
        for index, found in by_index.items():
            prop = properties[index]
            distinct = sorted(set(found), key=_sort_key)
            values[prop.name] = distinct if prop.many else distinct[-1 if prop.largest else 0]
        result[node] = values
    return result


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, value.isoformat() if isinstance(value, date) else str(value))


def read_nodes(store: ArticleStore, spec: NodeSpec, iris: Sequence[str] | None = None) -> list[NodeRow]:
    """The nodes of one label, read from the store's default graph (all of them, or those in ``iris``)."""
    typed: dict[str, set[str]] = defaultdict(set)
    for chunk in _chunks(iris):
        restriction = _values("node", chunk) if chunk is not None else ""
        sparql = f"SELECT ?node ?type WHERE {{\n{restriction}?node a <{spec.rdf_class}> ; a ?type .\n}}"
        for solution in _solutions(store, sparql):
            node, rdf_type = _term(solution, "node"), _term(solution, "type")
            if node is None or rdf_type is None:
                continue
            kind = spec.kind_label(rdf_type)
            typed[node].update((kind,) if kind else ())
    properties = _read_properties(store, spec.rdf_class, spec.properties, iris)
    return [
        NodeRow(spec.label, node, tuple(sorted(kinds)), {"iri": node, **properties.get(node, {})})
        for node, kinds in sorted(typed.items())
    ]


def _statement(spec: RelationshipSpec) -> tuple[str, str, str]:
    """The statement's subject and object variables, and what else joins the ends."""
    if spec.through is not None:
        return "?key", "?start", f"?key <{spec.through}> ?end ."
    if spec.inverse:
        return "?end", "?start", ""
    return "?start", "?end", ""


def _relationship_query(spec: RelationshipSpec, restriction: str) -> str:
    subject, obj, joins = _statement(spec)
    key = "?key" if spec.through is not None else ""
    return (
        f"SELECT ?start ?end {key} ?graph ?evidence ?sentence WHERE {{\n"
        f"{restriction}"
        f"GRAPH ?graph {{ {subject} <{spec.predicate}> {obj} . }}\n"
        f"{joins}\n"
        f"?start a <{spec.start.rdf_class}> . ?end a <{spec.end.rdf_class}> .\n"
        f"OPTIONAL {{ GRAPH ?graph {{ ?evidence <{RDF.subject}> {subject} ; <{RDF.predicate}> <{spec.predicate}> ; "
        f"<{RDF.object}> {obj} ; <{GOVKG.sentence}> ?s . ?s <{GOVKG.text}> ?sentence . }} }}\n"
        f"}}"
    )


def read_relationships(
    store: ArticleStore, spec: RelationshipSpec, restrict: Mapping[str, Sequence[str]] | None = None
) -> list[RelationshipRow]:
    """The relationships of one spec, with their provenance.

    All of them, or with ``restrict`` (IRIs by label) those with an end among
    the given nodes of the start's or the end's label.
    """
    found: dict[tuple[str, str, str], _Assertions] = defaultdict(_Assertions)
    if restrict is None:
        restrictions = [""]
    else:
        restrictions = [
            _values(variable, chunk)
            for variable, label in (("start", spec.start.label), ("end", spec.end.label))
            for chunk in _chunks(restrict.get(label, ()))
            if chunk
        ]
    for restriction in restrictions:
        for solution in _solutions(store, _relationship_query(spec, restriction)):
            start, end, graph = _term(solution, "start"), _term(solution, "end"), _term(solution, "graph")
            if start is None or end is None or graph is None:
                continue
            key = (_term(solution, "key") or "") if spec.through is not None else ""
            entry = found[(start, end, key)]
            entry.add(article_of_graph(graph), _term(solution, "evidence"), _term(solution, "sentence"))
    keyed = sorted({key for _, _, key in found if key})
    key_properties = _read_properties(store, None, spec.properties, keyed) if keyed else {}
    rows = []
    for (start, end, key), assertions in sorted(found.items()):
        properties: dict[str, Any] = {}
        if key:
            properties["iri"] = key
            properties.update(key_properties.get(key, {}))
            _add_report_span(properties)
        properties.update(assertions.properties())
        rows.append(RelationshipRow(spec, start, end, properties))
    return rows


def _add_report_span(properties: dict[str, Any]) -> None:
    reported = properties.get("reported_on")
    if reported:
        properties["first_reported"] = reported[0]
        properties["last_reported"] = reported[-1]


# -- what articles touch -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleFootprint:
    """One accepted article as the sync sees it: a digest of its graph and the nodes it touches."""

    article: str
    digest: str
    nodes: tuple[str, ...]


def footprint(article: str, triples: Iterable[Triple]) -> ArticleFootprint:
    """Digest an article's named graph and list the projected nodes it types (its own node included)."""
    lines = sorted(f"{s} {p} {o}" for s, p, o in triples)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    nodes = set()
    for line in lines:
        subject, predicate, obj = line.split(" ", 2)
        if predicate == _RDF_TYPE and obj.startswith("<") and obj[1:-1] in _CLASSES and subject.startswith("<"):
            nodes.add(subject[1:-1])
    return ArticleFootprint(article, digest, tuple(sorted(nodes)))


def article_footprints(store: ArticleStore, graphs: Iterable[URIRef] | None = None) -> Iterator[ArticleFootprint]:
    """The footprint of every accepted article in the store (or of those whose named graphs are given)."""
    for graph in store.article_graphs() if graphs is None else graphs:
        article = article_of_graph(str(graph))
        if article is not None:
            yield footprint(article, store.article_triples(URIRef(article)))


def reference_stamp(store: ArticleStore) -> str:
    """The version stamped on the store's reference graph (``graph.reference``), empty when it has none."""
    sparql = (
        f"SELECT ?version WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{GOVKG.version}> ?version }} }}"
    )
    versions = sorted(v for solution in _solutions(store, sparql) if (v := _term(solution, "version")) is not None)
    return ";".join(versions)


def reference_nodes(store: ArticleStore) -> set[str]:
    """The IRIs the reference graph types with a projected class (provinces, national documents)."""
    classes = " ".join(f"<{spec.rdf_class}>" for spec in NODES)
    sparql = (
        f"SELECT DISTINCT ?node WHERE {{ VALUES ?class {{ {classes} }} "
        f"GRAPH <{REFERENCE_GRAPH}> {{ ?node a ?class }} }}"
    )
    return {node for solution in _solutions(store, sparql) if (node := _term(solution, "node")) is not None}
