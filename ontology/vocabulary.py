"""The kinds of organization and the types of legal document, read from the Turtle vocabulary once.

``govkg.ttl`` declares each organization kind as a subclass of
``org:FormalOrganization`` (``govkg:PeoplesCommittee``, ``govkg:Department`` …)
and each document type as a ``govkg:LegalDocumentType`` (``govkg:Decree`` …);
``legal_document_types.ttl`` gives each type its Vietnamese name, the code that
marks it inside a notation and the pattern its notations match. This module is
the one place Python learns them: the RDF mapping, the projection's kind labels,
the notation shapes and the API's filters all ask here, so adding a kind or a
type is an edit of the Turtle alone.

    >>> organization_kind("Department").vietnamese
    'Sở'
    >>> document_type_named("Nghị định").name
    'Decree'
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TypeVar

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from ontology.errors import InvalidInput
from ontology.files import ontology_graph
from ontology.namespaces import GOVKG, ORG


class UnknownTerm(InvalidInput):
    """A kind or type name the vocabulary does not have."""


@dataclass(frozen=True, slots=True)
class OrganizationKind:
    """A kind of organization: a govkg subclass of ``org:FormalOrganization``."""

    name: str  # the class's local name ("PeoplesCommittee"): also its Neo4j label and the API's kind filter
    iri: URIRef
    label: str  # English ("People's Committee")
    vietnamese: str  # "Ủy ban nhân dân"


@dataclass(frozen=True, slots=True)
class DocumentType:
    """A type of legal document: a ``govkg:LegalDocumentType`` with its notation rules."""

    name: str  # the class's local name ("Decree"): also its Neo4j label
    iri: URIRef
    label: str  # English ("Decree")
    vietnamese: str  # the name articles and extraction records use ("Nghị định")
    notation_code: str  # the code marking the type inside a notation ("NĐ")
    notation_pattern: str  # a regular expression every notation of the type matches (a bare number is allowed besides)


_Term = TypeVar("_Term", OrganizationKind, DocumentType)


@functools.cache
def organization_kinds() -> tuple[OrganizationKind, ...]:
    """Every organization kind of the vocabulary, by name."""
    graph = _vocabulary()
    found = (
        OrganizationKind(_local(kind), kind, _label(graph, kind, "en"), _label(graph, kind, "vi"))
        for kind in graph.subjects(RDFS.subClassOf, ORG.FormalOrganization)
        if isinstance(kind, URIRef) and kind.startswith(str(GOVKG))
    )
    return tuple(sorted(found, key=lambda kind: kind.name))


@functools.cache
def document_types() -> tuple[DocumentType, ...]:
    """Every legal document type of the vocabulary, by name."""
    graph = _vocabulary()
    found = (
        DocumentType(
            _local(kind),
            kind,
            _label(graph, kind, "en"),
            _text(graph, kind, GOVKG.vietnameseName),
            _text(graph, kind, GOVKG.notationCode),
            _text(graph, kind, GOVKG.notationPattern),
        )
        for kind in graph.subjects(RDF.type, GOVKG.LegalDocumentType)
        if isinstance(kind, URIRef)
    )
    return tuple(sorted(found, key=lambda kind: kind.name))


def organization_kind(name: str) -> OrganizationKind:
    """The organization kind called ``name`` (``"PeoplesCommittee"``); :class:`UnknownTerm` if none is."""
    return _by_name(organization_kinds(), "organization kind", name)


def document_type(name: str) -> DocumentType:
    """The document type called ``name`` (``"Decree"``); :class:`UnknownTerm` if none is."""
    return _by_name(document_types(), "legal document type", name)


def document_type_named(vietnamese: str) -> DocumentType:
    """The document type whose Vietnamese name is ``vietnamese`` ("Nghị định"); :class:`UnknownTerm` otherwise."""
    found = next((kind for kind in document_types() if kind.vietnamese == vietnamese), None)
    if found is None:
        raise UnknownTerm(f"unknown legal document type {vietnamese!r}")
    return found


def _by_name(terms: tuple[_Term, ...], what: str, name: str) -> _Term:
    found = next((term for term in terms if term.name == name), None)
    if found is None:
        known = ", ".join(term.name for term in terms)
        raise UnknownTerm(f"unknown {what} {name!r}; the vocabulary has {known}")
    return found


def _vocabulary() -> Graph:
    return ontology_graph("govkg.ttl", "legal_document_types.ttl")


def _local(iri: URIRef) -> str:
    return str(iri).rsplit("#", 1)[-1]


def _label(graph: Graph, subject: URIRef, language: str) -> str:
    labels = [str(o) for o in graph.objects(subject, RDFS.label) if isinstance(o, Literal) and o.language == language]
    return min(labels, default=_local(subject))


def _text(graph: Graph, subject: URIRef, predicate: URIRef) -> str:
    value = graph.value(subject, predicate)
    if value is None:
        raise ValueError(f"{subject} has no {predicate} in the vocabulary")
    return str(value)
