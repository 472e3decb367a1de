"""Well-known national legal documents (``ontology/national_documents.ttl``).

Articles often cite them by a short form ("Nghị quyết số 36 của Bộ Chính trị",
"Nghị định 64"); the gazetteer gives the full notation, date and issuer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from loaders.extraction.keys import text_key
from ontology.namespaces import ELI, GOVKG

_RESOURCES = ("legal_document_types.ttl", "national_documents.ttl")


@dataclass(frozen=True, slots=True)
class NationalDocument:
    """One gazetteer entry."""

    type: str  # "Nghị quyết"
    number: str  # "36-NQ/TW"
    date: date | None
    issuer: str | None


def _graph() -> Graph:
    graph = Graph()
    folder = resources.files("ontology")
    for name in _RESOURCES:
        resource = folder.joinpath(name)
        if resource.is_file():
            graph.parse(data=resource.read_text("utf-8"), format="turtle")
    return graph


def _load() -> tuple[NationalDocument, ...]:
    graph = _graph()
    names = {cls: str(name) for cls, name in graph.subject_objects(GOVKG.vietnameseName)}
    documents = []
    for subject in graph.subjects(RDF.type, ELI.LegalResource):
        if not isinstance(subject, URIRef):
            continue
        kind = next((names[c] for c in graph.objects(subject, RDF.type) if c in names), None)
        number = graph.value(subject, ELI.id_local)
        if kind is None or number is None:
            continue
        day = graph.value(subject, ELI.date_document)
        issuer = graph.value(subject, GOVKG.issuerName)
        when = day.toPython() if isinstance(day, Literal) and isinstance(day.toPython(), date) else None
        documents.append(NationalDocument(kind, str(number), when, str(issuer) if issuer else None))
    return tuple(sorted(documents, key=lambda d: (d.type, d.number)))


def _index(documents: tuple[NationalDocument, ...]) -> dict[tuple[str, str], tuple[NationalDocument, ...]]:
    index: dict[tuple[str, str], list[NationalDocument]] = {}
    for document in documents:
        leading = document.number.split("/")[0].split("-")[0]
        index.setdefault((document.type, leading), []).append(document)
    return {key: tuple(docs) for key, docs in index.items()}


_DOCUMENTS = _load()
_BY_NUMBER = _index(_DOCUMENTS)


def national_documents() -> tuple[NationalDocument, ...]:
    """Every document in the gazetteer (empty when the file is missing)."""
    return _DOCUMENTS


def lookup_short(kind: str, number: str, issuer: str | None) -> NationalDocument | None:
    """The gazetteer document a bare citation names ("Nghị quyết", "36", "Bộ Chính trị"), if one fits.

    A bare number is resolved only when the stated issuer is the document's:
    "Quyết định 20 của UBND tỉnh" is no Prime Minister's decision 20.
    """
    if issuer is None:
        return None
    candidates = [d for d in _BY_NUMBER.get((kind, number), ()) if d.issuer and text_key(d.issuer) == text_key(issuer)]
    return candidates[0] if len(candidates) == 1 else None


def lookup_full(kind: str, number: str) -> NationalDocument | None:
    """The gazetteer entry for a full notation, if the gazetteer has it."""
    leading = number.split("/")[0].split("-")[0]
    return next((d for d in _BY_NUMBER.get((kind, leading), ()) if d.number == number), None)
