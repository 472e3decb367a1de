"""The Turtle files of the vocabulary, read and parsed once per process.

``govkg.ttl`` (the OWL vocabulary), ``shapes.ttl`` (SHACL), and the gazetteers
``provinces.ttl``, ``legal_document_types.ttl`` and ``national_documents.ttl``
ship inside this package. Every module that needs one asks here, so a file is
read once however many modules use it.
"""

from __future__ import annotations

import functools
from importlib import resources

from rdflib import Graph


@functools.cache
def ontology_text(name: str) -> str:
    """The text of one of the package's files (``FileNotFoundError`` when it has none of that name)."""
    return resources.files("ontology").joinpath(name).read_text("utf-8")


def has_ontology_file(name: str) -> bool:
    """True when the package ships a file called ``name``."""
    return resources.files("ontology").joinpath(name).is_file()


@functools.cache
def ontology_graph(*names: str) -> Graph:
    """The named Turtle files parsed into one rdflib graph, shared by every caller: read it, never change it."""
    graph = Graph()
    for name in names:
        graph.parse(data=ontology_text(name), format="turtle")
    return graph
