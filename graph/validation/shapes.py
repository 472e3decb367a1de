"""SHACL validation of article graphs against ``ontology/shapes.ttl``.

An article is validated on its own graph plus only the reference facts it
points to (the provinces it names, the document types it cites), so validating
article N+1 costs the same whatever the store holds.

pySHACL has a fixed cost per run and a high one per SHACL-SPARQL query, so
:func:`validate_article_graphs` checks a batch of articles in one run and only
re-checks articles one by one when the batch has a violation to attribute.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal
from rdflib.namespace import SH
from rdflib.term import Node

from ontology.files import ontology_graph, ontology_text
from ontology.namespaces import ELI, GOVKG, RDF
from ontology.vocabulary import DocumentType, document_types

log = logging.getLogger(__name__)

_REFERENCE_FILES = ("provinces.ttl", "legal_document_types.ttl")

#: An article's triples: an rdflib graph, or any collection of (subject, predicate, object).
ArticleTriples = Graph | Collection[tuple[Node, Node, Node]]
_BARE_NUMBER = r"^\d+$"


@dataclass(frozen=True, slots=True)
class ValidationOutcome:
    """The verdict on one graph: conforms unless a shape with severity Violation fails."""

    conforms: bool
    violations: tuple[str, ...]
    warnings: tuple[str, ...]
    report_turtle: str


@cache
def shapes_graph() -> Graph:
    """The SHACL shapes (``shapes.ttl`` plus one notation shape per document type), built once."""
    graph = Graph()
    graph.parse(data=ontology_text("shapes.ttl"), format="turtle")
    for doc_type in document_types():
        _add_notation_shape(graph, doc_type)
    return graph


def _add_notation_shape(shapes: Graph, doc_type: DocumentType) -> None:
    shape, prop = BNode(), BNode()
    name, pattern = doc_type.vietnamese, doc_type.notation_pattern
    shapes.add((shape, RDF.type, SH.NodeShape))
    shapes.add((shape, SH.targetClass, doc_type.iri))
    shapes.add((shape, SH.property, prop))
    shapes.add((prop, SH.path, ELI.id_local))
    shapes.add((prop, SH.pattern, Literal(f"{pattern}|{_BARE_NUMBER}")))
    shapes.add((prop, SH.message, Literal(f"A {name} notation must match {pattern} (or be a bare number).")))


def _reference_graph() -> Graph:
    return ontology_graph(*_REFERENCE_FILES)


def reference_context(article_graph: Graph) -> Graph:
    """The reference triples an article's graph needs for validation, and no more.

    For each province the graph points to: its types and unit code. Anything
    else stays unresolved, which is what lets the shapes catch a province that
    is not in the gazetteer.
    """
    reference = _reference_graph()
    context = Graph()
    for predicate in (GOVKG.province, GOVKG.heldIn):
        for target in set(article_graph.objects(None, predicate)):
            for attribute in (RDF.type, GOVKG.unitCode):
                for value in reference.objects(target, attribute):
                    context.add((target, attribute, value))
    return context


def validate_article_graph(article_graph: ArticleTriples) -> ValidationOutcome:
    """Validate one article's graph (with its reference context) against the shapes."""
    return _run(_with_context([article_graph]))


def validate_article_graphs(article_graphs: Sequence[ArticleTriples]) -> list[ValidationOutcome]:
    """Validate several articles' graphs; the outcomes are in the same order.

    One pySHACL run covers the batch. If it finds a violation, each article is
    validated alone so the violation is charged to the right one.
    """
    if len(article_graphs) == 1:
        return [validate_article_graph(article_graphs[0])]
    batch = _run(_with_context(article_graphs))
    if not batch.conforms:
        return [validate_article_graph(graph) for graph in article_graphs]
    return [ValidationOutcome(True, (), _warnings_for(graph, batch), "") for graph in article_graphs]


def _warnings_for(graph: ArticleTriples, batch: ValidationOutcome) -> tuple[str, ...]:
    subjects = {str(subject) for subject, _, _ in graph}
    return tuple(w for w in batch.warnings if w.rsplit("(focus: ", 1)[-1].rstrip(")") in subjects)


def _with_context(graphs: Sequence[ArticleTriples]) -> Graph:
    data = Graph()
    for graph in graphs:
        for triple in graph:
            data.add(triple)
    for triple in reference_context(data):
        data.add(triple)
    return data


def _run(data: Graph) -> ValidationOutcome:
    conforms, report, text = shacl_validate(
        data, shacl_graph=shapes_graph(), inference="none", allow_warnings=True, advanced=False
    )
    if not isinstance(report, Graph):
        raise RuntimeError(f"SHACL validation could not run: {text}")
    violations, warnings = _results(report)
    return ValidationOutcome(
        conforms=bool(conforms),
        violations=violations,
        warnings=warnings,
        report_turtle=report.serialize(format="turtle") if violations else "",
    )


def _results(report: Graph) -> tuple[tuple[str, ...], tuple[str, ...]]:
    violations: set[str] = set()
    warnings: set[str] = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        message = str(report.value(result, SH.resultMessage) or "constraint not met")
        focus = report.value(result, SH.focusNode)
        line = f"{message} (focus: {focus})"
        is_violation = report.value(result, SH.resultSeverity) == SH.Violation
        (violations if is_violation else warnings).add(line)
    return tuple(sorted(violations)), tuple(sorted(warnings))


__all__ = ["ValidationOutcome", "shapes_graph", "validate_article_graph", "validate_article_graphs"]
