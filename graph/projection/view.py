"""Reading the projection from the store: :class:`StoreView` turns specs into node and relationship rows.

A view reads what a spec (``graph.projection.spec``) needs about some nodes —
their properties from the store's default (merged) graph, the statements
behind relationships from the named graphs that make them — and turns it into
the ``{iri, properties}`` rows the Neo4j writer upserts and the networkx
projection adds.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyoxigraph as ox
from rdflib import URIRef

from graph.projection.spec import RELATION_PREDICATES, Kind, NodeSpec, PropertySpec, RelationshipSpec, local_name
from graph.store.base import ArticleStore
from ontology.identity import ARTICLE_GRAPHS, article_of_graph
from ontology.namespaces import GOVKG, PROV, RDF, REFERENCE_GRAPH

#: IRIs per ``VALUES`` block when a query is restricted to some nodes.
VALUES_CHUNK = 2000


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


Term = ox.NamedNode | ox.Literal | ox.BlankNode
_TYPE = str(RDF.type)


def value_of(solution: ox.QuerySolution, name: str) -> str | None:
    """The text of the term bound to ``name`` in a solution (an IRI's IRI, a literal's value), if bound."""
    term = solution[name]
    return None if term is None else term.value


def _convert(term: Term, kind: Kind) -> Any:
    if kind is Kind.PRESENT:
        return True
    if kind is Kind.LOCAL_NAME:
        return local_name(URIRef(term.value))
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


def _sort_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, value.isoformat() if isinstance(value, date) else str(value))


def _pick(found: list[Any], prop: PropertySpec) -> Any:
    distinct = sorted(set(found), key=_sort_key)
    return distinct if prop.many else distinct[-1 if prop.largest else 0]


# Statements asserted by the graphs the projection reads: the articles' and the reference graph.
def _counts(graph: str) -> bool:
    return graph.startswith(ARTICLE_GRAPHS) or graph == str(REFERENCE_GRAPH)


class StoreView:
    """What the projection needs to know about some nodes, read from the store in batches.

    Every query here starts from nodes bound by ``VALUES`` and follows patterns whose
    subject (or object) is already bound — the store answers those with index look-ups,
    in time proportional to what they return. Patterns with a constant object, such as
    ``?node a <Class>``, are left out: the store's planner may start from them and scan
    every instance of the class, once per sync step; types are checked in Python.
    Answers are cached: one view serves one sync step, or one call of
    :func:`read_nodes` / :func:`read_relationships`.
    """

    def __init__(self, store: ArticleStore) -> None:
        self.store = store
        self._out: dict[str, list[tuple[str, Term]]] = {}  # merged view: subject → (predicate, object)
        self._asserted_out: dict[str, list[tuple[str, str, str]]] = {}  # subject → (predicate, object, graph)
        self._asserted_in: dict[str, list[tuple[str, str, str]]] = {}  # object → (subject, predicate, graph)
        # statement subject → (predicate, object, article, evidence node, sentence) of its evidence
        self._evidence: dict[str, list[tuple[str, ...]]] = {}

    # -- look-ups ------------------------------------------------------------

    def _load(
        self, cache: dict[str, Any], iris: Iterable[str], where: str, read: Callable[[ox.QuerySolution], None]
    ) -> None:
        missing = sorted({iri for iri in iris if iri not in cache})
        for iri in missing:
            cache[iri] = []
        for start in range(0, len(missing), VALUES_CHUNK):
            values = " ".join(f"<{iri}>" for iri in missing[start : start + VALUES_CHUNK])
            for solution in self.store.select(f"SELECT * WHERE {{ VALUES ?x {{ {values} }} {where} }}"):
                read(solution)

    def out(self, iris: Iterable[str]) -> None:
        """Fetch what the merged view says about ``iris`` (as subjects)."""

        def read(solution: ox.QuerySolution) -> None:
            subject, predicate, obj = solution["x"], solution["p"], solution["o"]
            if subject is not None and predicate is not None and obj is not None:
                self._out[subject.value].append((predicate.value, obj))

        self._load(self._out, iris, "?x ?p ?o", read)

    def asserted(self, iris: Iterable[str]) -> None:
        """Fetch the relationship statements article or reference graphs make with ``iris`` as subject or object."""
        iris = list(iris)

        def read_out(solution: ox.QuerySolution) -> None:
            subject, predicate, obj, graph = (value_of(solution, n) for n in ("x", "p", "o", "g"))
            if subject and predicate and obj and graph and _counts(graph) and isinstance(solution["o"], ox.NamedNode):
                self._asserted_out[subject].append((predicate, obj, graph))

        def read_in(solution: ox.QuerySolution) -> None:
            subject, predicate, obj, graph = (value_of(solution, n) for n in ("s", "p", "x", "g"))
            if subject and predicate and obj and graph and _counts(graph) and isinstance(solution["s"], ox.NamedNode):
                self._asserted_in[obj].append((subject, predicate, graph))

        # A filter, not a constant predicate: the store would start from a constant and scan every statement.
        relations = f"FILTER (?p IN ({', '.join(f'<{p}>' for p in RELATION_PREDICATES)}))"
        self._load(self._asserted_out, iris, f"GRAPH ?g {{ ?x ?p ?o }} {relations}", read_out)
        self._load(self._asserted_in, iris, f"GRAPH ?g {{ ?s ?p ?x }} {relations}", read_in)

    def types(self, iri: str) -> set[str]:
        """The ``rdf:type``s of a node already fetched with :meth:`out`."""
        return {obj.value for predicate, obj in self._out.get(iri, ()) if predicate == _TYPE}

    def values(self, iri: str, predicate: str) -> list[Term]:
        """The objects of ``predicate`` for a node already fetched with :meth:`out`."""
        return [obj for p, obj in self._out.get(iri, ()) if p == predicate]

    def properties(self, iris: Sequence[str], properties: Sequence[PropertySpec]) -> dict[str, dict[str, Any]]:
        """``{iri: {property: value}}`` for nodes already fetched with :meth:`out`."""
        found: dict[str, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
        for index, prop in enumerate(properties):
            if len(prop.path) == 1:
                for iri in iris:
                    for term in self.values(iri, str(prop.path[0])):
                        if (value := _convert(term, prop.kind)) is not None:
                            found[iri][index].append(value)
                continue
            path = "/".join(f"<{step}>" for step in prop.path)  # through blank nodes: one path query
            for start in range(0, len(iris), VALUES_CHUNK):
                values = " ".join(f"<{iri}>" for iri in iris[start : start + VALUES_CHUNK])
                for solution in self.store.select(f"SELECT * WHERE {{ VALUES ?x {{ {values} }} ?x {path} ?v }}"):
                    node, term = solution["x"], solution["v"]
                    if node is not None and term is not None and (value := _convert(term, prop.kind)) is not None:
                        found[node.value][index].append(value)
        return {
            iri: {properties[index].name: _pick(values, properties[index]) for index, values in by_index.items()}
            for iri, by_index in found.items()
        }

    # -- the projection ------------------------------------------------------

    def nodes(self, spec: NodeSpec, iris: Iterable[str]) -> list[NodeRow]:
        """The nodes of ``spec``'s label among ``iris`` (those the store types with its class)."""
        candidates = sorted(set(iris))
        self.out(candidates)
        members = [iri for iri in candidates if str(spec.rdf_class) in self.types(iri)]
        properties = self.properties(members, spec.properties)
        rows = []
        for iri in members:
            kinds = sorted({label for rdf_type in self.types(iri) if (label := spec.kind_label(rdf_type))})
            rows.append(NodeRow(spec.label, iri, tuple(kinds), {"iri": iri, **properties.get(iri, {})}))
        return rows

    def _statements(self, spec: RelationshipSpec, restrict: Mapping[str, Sequence[str]]) -> set[tuple[str, str, str]]:
        """``(subject, object, graph)`` of the statements behind ``spec`` with an end among ``restrict``."""
        predicate = str(spec.predicate)
        starts, ends = restrict.get(spec.start.label, ()), restrict.get(spec.end.label, ())
        as_subject: Sequence[str]
        as_object: Sequence[str]
        if spec.through is not None:
            as_subject, as_object = (), starts  # the memberships come from the organizations below
        else:
            as_subject, as_object = (ends, starts) if spec.inverse else (starts, ends)
        self.asserted([*as_subject, *as_object])
        found: set[tuple[str, str, str]] = {
            (s, o, g) for s in as_subject for p, o, g in self._asserted_out[s] if p == predicate
        }
        found |= {(s, o, g) for o in as_object for s, p, g in self._asserted_in[o] if p == predicate}
        if spec.through is not None:  # the subjects (memberships) of the organizations in `ends`
            through = str(spec.through)
            self.asserted(ends)
            subjects = {s for o in ends for s, p, _ in self._asserted_in[o] if p == through}
            self.asserted(subjects)
            found |= {(s, o, g) for s in subjects for p, o, g in self._asserted_out[s] if p == predicate}
        return found

    def _ends(self, spec: RelationshipSpec, subject: str, obj: str) -> list[tuple[str, str]]:
        """The (start, end) pairs a statement gives (a membership gives one per organization)."""
        if spec.through is not None:
            return [
                (obj, end.value) for end in self.values(subject, str(spec.through)) if isinstance(end, ox.NamedNode)
            ]
        return [(obj, subject)] if spec.inverse else [(subject, obj)]

    def _evidence_of(self, statements: set[tuple[str, str, str]], predicate: str) -> dict[tuple[str, str, str], Any]:
        """``{(subject, object, article): (evidence, sentence)}`` for the statements, from their evidence nodes."""

        def read(solution: ox.QuerySolution) -> None:
            found = tuple(value_of(solution, name) for name in ("x", "p", "o", "a", "e", "t"))
            if all(found):
                self._evidence[str(found[0])].append(tuple(str(value) for value in found[1:]))

        # One chain from the bound subject: the store follows it with look-ups.
        chain = (
            f"?e <{RDF.subject}> ?x ; <{RDF.predicate}> ?p ; <{RDF.object}> ?o ; <{PROV.wasDerivedFrom}> ?a ; "
            f"<{GOVKG.sentence}> ?s . ?s <{GOVKG.text}> ?t"
        )
        self._load(self._evidence, {s for s, _, _ in statements}, chain, read)
        found: dict[tuple[str, str, str], Any] = {}
        for subject in {s for s, _, _ in statements}:
            for p, obj, article, evidence, text in self._evidence[subject]:
                if p == predicate:
                    known = found.get((subject, obj, article))
                    found[(subject, obj, article)] = min(known, (evidence, text)) if known else (evidence, text)
        return found

    def relationships(self, spec: RelationshipSpec, restrict: Mapping[str, Sequence[str]]) -> list[RelationshipRow]:
        """The relationships of ``spec`` with an end among ``restrict`` (IRIs by label), with their provenance."""
        statements = self._statements(spec, restrict)
        subjects = {s for s, _, _ in statements}
        self.out(subjects | {o for _, o, _ in statements})
        evidence = self._evidence_of(statements, str(spec.predicate))
        found: dict[tuple[str, str, str], _Assertions] = defaultdict(_Assertions)
        for subject, obj, graph in statements:
            article = article_of_graph(graph)
            for start, end in self._ends(spec, subject, obj):
                key = subject if spec.through is not None else ""
                entry = found[(start, end, key)]
                if article is not None:
                    entry.add(article, *evidence.get((subject, obj, article), (None, None)))
        self.out({end for _, end, _ in found})
        typed = {
            key: assertions
            for key, assertions in found.items()
            if str(spec.start.rdf_class) in self.types(key[0]) and str(spec.end.rdf_class) in self.types(key[1])
        }
        keys = sorted({key for _, _, key in typed if key})
        key_properties = self.properties(keys, spec.properties) if keys else {}
        rows = []
        for (start, end, key), assertions in sorted(typed.items()):
            properties: dict[str, Any] = {}
            if key:
                properties["iri"] = key
                properties.update(key_properties.get(key, {}))
                _add_report_span(properties)
            properties.update(assertions.properties())
            rows.append(RelationshipRow(spec, start, end, properties))
        return rows


def instances(store: ArticleStore, spec: NodeSpec) -> list[str]:
    """Every IRI the store types with ``spec``'s class."""
    sparql = f"SELECT DISTINCT ?x WHERE {{ ?x a <{spec.rdf_class}> }}"
    return sorted(iri for solution in store.select(sparql) if (iri := value_of(solution, "x")) is not None)


def read_nodes(store: ArticleStore, spec: NodeSpec, iris: Sequence[str] | None = None) -> list[NodeRow]:
    """The nodes of one label, read from the store's merged view (all of them, or those in ``iris``)."""
    return StoreView(store).nodes(spec, instances(store, spec) if iris is None else iris)


def read_relationships(
    store: ArticleStore, spec: RelationshipSpec, restrict: Mapping[str, Sequence[str]] | None = None
) -> list[RelationshipRow]:
    """The relationships of one spec, with their provenance.

    All of them, or with ``restrict`` (IRIs by label) those with an end among
    the given nodes of the start's or the end's label.
    """
    if restrict is None:
        restrict = {spec.start.label: instances(store, spec.start)}
    return StoreView(store).relationships(spec, restrict)


def _add_report_span(properties: dict[str, Any]) -> None:
    reported = properties.get("reported_on")
    if reported:
        properties["first_reported"] = reported[0]
        properties["last_reported"] = reported[-1]
