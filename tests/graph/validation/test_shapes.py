"""Each SHACL shape reports a graph that breaks it, and lets the valid graph through."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph, Literal, URIRef

from graph.validation.shapes import validate_article_graph, validate_article_graphs
from loaders.rdf_mapping import article_graph
from loaders.record import Extraction
from ontology.namespaces import DCTERMS, ELI, FOAF, GOVKG, ORG, RDF, SCHEMA, XSD

Mutation = Callable[[Graph], None]


def _one(graph: Graph, rdf_type: URIRef) -> URIRef:
    node = next(graph.subjects(RDF.type, rdf_type))
    assert isinstance(node, URIRef)
    return node


def test_the_valid_graph_conforms(invented_extraction: Extraction) -> None:
    outcome = validate_article_graph(article_graph(invented_extraction))
    assert outcome.conforms, outcome.violations
    assert outcome.violations == ()


def _second_date(g: Graph) -> None:
    g.add((_one(g, GOVKG.Meeting), SCHEMA.startDate, Literal("2015-03-13", datatype=XSD.date)))


def _datetime_not_date(g: Graph) -> None:
    meeting = _one(g, GOVKG.Meeting)
    g.remove((meeting, SCHEMA.startDate, None))
    g.add((meeting, SCHEMA.startDate, Literal("2015-03-14T08:00:00", datatype=XSD.dateTime)))


def _no_date_not_marked_undated(g: Graph) -> None:
    g.remove((_one(g, GOVKG.Meeting), SCHEMA.startDate, None))


def _meeting_after_article(g: Graph) -> None:
    meeting = _one(g, GOVKG.Meeting)
    g.remove((meeting, SCHEMA.startDate, None))
    g.add((meeting, SCHEMA.startDate, Literal("2015-04-01", datatype=XSD.date)))


def _chair_is_an_organization(g: Graph) -> None:
    g.add((_one(g, GOVKG.Meeting), GOVKG.chairedBy, _one(g, ORG.Organization)))


def _membership_without_organization(g: Graph) -> None:
    g.remove((_one(g, ORG.Membership), ORG.organization, None))


def _membership_with_two_persons(g: Graph) -> None:
    membership = _one(g, ORG.Membership)
    others = [p for p in g.subjects(RDF.type, FOAF.Person) if (membership, ORG.member, p) not in g]
    g.add((membership, ORG.member, others[0]))


def _membership_without_title(g: Graph) -> None:
    g.remove((_one(g, ORG.Membership), GOVKG.title, None))


def _notation_of_another_type(g: Graph) -> None:
    document = _one(g, ELI.LegalResource)
    g.remove((document, ELI.id_local, None))
    g.add((document, ELI.id_local, Literal("64/2007/QĐ-CP")))


def _document_dated_after_article(g: Graph) -> None:
    g.add((_one(g, ELI.LegalResource), ELI.date_document, Literal("2016-01-01", datatype=XSD.date)))


def _statement_without_evidence(g: Graph) -> None:
    g.add((_one(g, GOVKG.Meeting), GOVKG.attendedBy, URIRef("https://w3id.org/govkg/id/person/someone")))
    g.add((URIRef("https://w3id.org/govkg/id/person/someone"), RDF.type, FOAF.Person))
    g.add((URIRef("https://w3id.org/govkg/id/person/someone"), FOAF.name, Literal("Lê Văn Tư")))


def _evidence_not_from_an_article(g: Graph) -> None:
    evidence = _one(g, GOVKG.Evidence)
    g.remove((evidence, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    g.add((evidence, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), URIRef("https://example.org/not-an-article")))


def _sentence_of_another_article(g: Graph) -> None:
    sentence = next(g.subjects(RDF.type, GOVKG.Sentence))
    g.remove((sentence, DCTERMS.isPartOf, None))
    g.add((sentence, DCTERMS.isPartOf, URIRef("https://w3id.org/govkg/id/article/another")))
    g.add((URIRef("https://w3id.org/govkg/id/article/another"), RDF.type, SCHEMA.NewsArticle))


def _lower_case_name(g: Graph) -> None:
    person = _one(g, FOAF.Person)
    g.remove((person, FOAF.name, None))
    g.add((person, FOAF.name, Literal("hoàng văn thái")))


def _seven_syllable_name(g: Graph) -> None:
    person = _one(g, FOAF.Person)
    g.remove((person, FOAF.name, None))
    g.add((person, FOAF.name, Literal("Phó Chủ Tịch Ủy Ban Hoàng Thái")))


def _one_syllable_name(g: Graph) -> None:
    person = _one(g, FOAF.Person)
    g.remove((person, FOAF.name, None))
    g.add((person, FOAF.name, Literal("Thái")))


def _province_outside_gazetteer(g: Graph) -> None:
    meeting = _one(g, GOVKG.Meeting)
    g.remove((meeting, GOVKG.heldIn, None))
    g.add((meeting, GOVKG.heldIn, URIRef("https://w3id.org/govkg/id/province/VN-99")))


@pytest.mark.parametrize(
    ("mutation", "expected"),
    [
        (_second_date, "exactly one schema:startDate"),
        (_datetime_not_date, "exactly one schema:startDate"),
        (_no_date_not_marked_undated, "exactly one schema:startDate"),
        (_meeting_after_article, "meeting's date is not after the publication date"),
        (_chair_is_an_organization, "chair must be a person"),
        (_membership_without_organization, "exactly one organization"),
        (_membership_with_two_persons, "exactly one person"),
        (_membership_without_title, "exactly one post title"),
        (_notation_of_another_type, "Nghị định notation must match"),
        (_document_dated_after_article, "document's date is not after the publication date"),
        (_statement_without_evidence, "has no evidence pointing into an article"),
        (_evidence_not_from_an_article, "Evidence points to exactly one article"),
        (_sentence_of_another_article, "sentence belongs to the article the evidence comes from"),
        (_lower_case_name, "2 to 6 capitalised Vietnamese syllables"),
        (_seven_syllable_name, "2 to 6 capitalised Vietnamese syllables"),
        (_one_syllable_name, "2 to 6 capitalised Vietnamese syllables"),
        (_province_outside_gazetteer, "must be one of the gazetteer's"),
    ],
    ids=lambda value: getattr(value, "__name__", "")[1:] if callable(value) else "",
)
def test_a_violating_graph_is_reported(invented_extraction: Extraction, mutation: Mutation, expected: str) -> None:
    graph = article_graph(invented_extraction)
    mutation(graph)
    outcome = validate_article_graph(graph)
    assert not outcome.conforms
    assert any(expected in violation for violation in outcome.violations), outcome.violations
    assert "ValidationReport" in outcome.report_turtle


def test_an_undated_meeting_marked_as_such_conforms(invented_extraction: Extraction) -> None:
    invented_extraction.meetings[0].date = None
    graph = article_graph(invented_extraction)
    assert (None, GOVKG.dateStatus, GOVKG.Undated) in graph
    assert validate_article_graph(graph).conforms


def test_a_meeting_without_chair_or_organizer_is_a_warning(invented_extraction: Extraction) -> None:
    invented_extraction.meetings[0].chairs.clear()
    invented_extraction.meetings[0].organizers.clear()
    outcome = validate_article_graph(article_graph(invented_extraction))
    assert outcome.conforms
    assert any("at least one chair or organizer" in warning for warning in outcome.warnings)


def test_a_bare_number_is_a_valid_notation(invented_extraction: Extraction) -> None:
    invented_extraction.legal_documents[0].number = "64"
    invented_extraction.meetings[0].legal_basis[0].value = "64"
    assert validate_article_graph(article_graph(invented_extraction)).conforms


def test_a_batch_charges_a_violation_to_the_right_article(invented_extraction: Extraction) -> None:
    good = article_graph(invented_extraction)
    bad = Graph()
    for triple in good:
        bad.add(triple)
    _chair_is_an_organization(bad)
    outcomes = validate_article_graphs([good, bad, good])
    assert [o.conforms for o in outcomes] == [True, False, True]
