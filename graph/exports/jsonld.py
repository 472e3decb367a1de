"""JSON-LD with a context, written as a stream from the store's triples.

The document is ``{"@context": {...}, "@graph": [...]}``: the context maps
govkg's prefixes (``govkg:``, ``id:``, ``org:``, ``foaf:`` …), and each node
object gives ``@id``, ``@type`` and its properties in compact IRIs. Plain
strings stay strings; Vietnamese labels keep ``@language``; dates, numbers
and other typed literals keep ``@type``. Consecutive triples about one
subject become one node object; a subject met again later gets another,
which JSON-LD merges when read. It covers what Turtle does (the default
graph, or a subgraph's descriptions: ``graph.exports.rdf``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from graph.exports.text import chunked
from ontology.namespaces import PREFIXES

MEDIA_TYPE = "application/ld+json"

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Longest namespace first, so ``id:`` wins over a shorter prefix of it.
_NAMESPACES = sorted(((iri, name) for name, iri in PREFIXES.items()), key=lambda pair: -len(pair[0]))


def context() -> dict[str, str]:
    """The ``@context``: govkg's prefixes."""
    return dict(PREFIXES)


def compact(iri: str) -> str:
    """``iri`` as ``prefix:local`` when a prefix covers it, else unchanged."""
    for namespace, name in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace) and not iri[len(namespace) :].startswith("//"):
            return f"{name}:{iri[len(namespace) :]}"
    return iri


def _reference(term: Any) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def _object(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if term.language:
            return {"@value": term.value, "@language": term.language}
        if datatype in (_XSD_STRING, _LANG_STRING):
            return term.value
        return {"@value": term.value, "@type": compact(datatype)}
    return {"@id": _reference(term)}


def _node_objects(triples: Iterable[ox.Triple]) -> Iterator[dict[str, Any]]:
    current: dict[str, Any] | None = None
    subject: Any = None
    for triple in triples:
        if current is None or triple.subject != subject:
            if current is not None:
                yield current
            subject = triple.subject
            current = {"@id": _reference(subject)}
        predicate = triple.predicate.value
        if predicate == _RDF_TYPE and not isinstance(triple.object, ox.Literal):
            current.setdefault("@type", []).append(_reference(triple.object))
        else:
            current.setdefault(compact(predicate), []).append(_object(triple.object))
    if current is not None:
        yield current


def _lines(triples: Iterable[ox.Triple]) -> Iterator[str]:
    yield '{"@context":' + json.dumps(context(), ensure_ascii=False) + ',\n"@graph":['
    for index, node in enumerate(_node_objects(triples)):
        yield ("," if index else "") + "\n" + json.dumps(node, ensure_ascii=False, separators=(",", ":"))
    yield "\n]}\n"


def jsonld_chunks(triples: Iterable[ox.Triple]) -> Iterator[bytes]:
    """``triples`` as one JSON-LD document, in UTF-8 chunks."""
    return chunked(_lines(triples))
