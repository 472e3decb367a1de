"""The reference graph: the vocabulary and gazetteers every article points into."""

from __future__ import annotations

import hashlib

from rdflib import Graph, Literal

from graph.store.base import ArticleStore, ntriples
from ontology.files import has_ontology_file, ontology_text
from ontology.namespaces import GOVKG, REFERENCE_GRAPH

#: The ontology files loaded into the reference graph, in order.
REFERENCE_FILES = ("govkg.ttl", "provinces.ttl", "legal_document_types.ttl", "national_documents.ttl")


def _reference_sources() -> list[tuple[str, str]]:
    return [(name, ontology_text(name)) for name in REFERENCE_FILES if has_ontology_file(name)]


def reference_version() -> str:
    """A digest of the reference files: changes whenever a gazetteer or the vocabulary does."""
    digest = hashlib.sha256()
    for name, text in _reference_sources():
        digest.update(name.encode())
        digest.update(text.encode("utf-8"))
    return digest.hexdigest()[:16]


def reference_graph() -> Graph:
    """The vocabulary and gazetteers as one rdflib graph, stamped with :func:`reference_version`."""
    graph = Graph()
    for _, text in _reference_sources():
        graph.parse(data=text, format="turtle")
    graph.add((REFERENCE_GRAPH, GOVKG.version, Literal(reference_version())))
    return graph


def ensure_reference(store: ArticleStore) -> bool:
    """Load the reference graph into the store unless this version is already there; True if loaded."""
    version = reference_version()
    if bool(
        store.query(f'ASK {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{GOVKG.version}> "{version}" }} }}')
    ):
        return False
    store.load_reference(ntriples(reference_graph()))
    return True
