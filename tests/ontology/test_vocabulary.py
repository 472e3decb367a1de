"""The vocabulary read from the Turtle files: the kinds and types Python no longer lists itself."""

from __future__ import annotations

import pytest
from rdflib.namespace import RDF, RDFS

from ontology.files import ontology_graph
from ontology.namespaces import GOVKG, ORG
from ontology.vocabulary import (
    UnknownTerm,
    document_type,
    document_type_named,
    document_types,
    organization_kind,
    organization_kinds,
)


def test_every_organization_kind_of_the_turtle_is_known_once() -> None:
    graph = ontology_graph("govkg.ttl")
    declared = {str(kind) for kind in graph.subjects(RDFS.subClassOf, ORG.FormalOrganization)}
    assert {str(kind.iri) for kind in organization_kinds()} == declared
    assert organization_kind("PeoplesCommittee").vietnamese == "Ủy ban nhân dân"


def test_every_document_type_has_its_vietnamese_name_and_notation_rule() -> None:
    graph = ontology_graph("govkg.ttl")
    assert {kind.iri for kind in document_types()} == set(graph.subjects(RDF.type, GOVKG.LegalDocumentType))
    decree = document_type_named("Nghị định")
    assert (decree.name, decree.iri, decree.notation_code) == ("Decree", GOVKG.Decree, "NĐ")
    assert document_type("Decree") is decree


@pytest.mark.parametrize("lookup", [lambda: organization_kind("Club"), lambda: document_type_named("Sắc lệnh")])
def test_an_unknown_name_is_an_error_that_says_so(lookup: object) -> None:
    with pytest.raises(UnknownTerm, match="unknown"):
        lookup()  # type: ignore[operator]
