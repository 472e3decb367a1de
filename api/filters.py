"""Query-string filters as RDF terms, ready to bind: entity ids or IRIs, provinces, dates, text keys.

Every failure is a :class:`queries.registry.ParameterError` (answered 422 with
what the parameter accepts).
"""

from __future__ import annotations

from datetime import date

import pyoxigraph as ox

from api.identifiers import Kind, entity_iri, kind_of
from graph.sparql.binding import Term
from ontology.orthography import search_key
from queries.registry import ParameterError, iri, resolve_province_parameter

_XSD = "http://www.w3.org/2001/XMLSchema#"


def entity(parameter: str, kind: Kind, value: str) -> ox.NamedNode:
    """An entity of ``kind`` given by its id or its full IRI."""
    text = value.strip()
    if text.startswith(("http://", "https://")):
        if kind_of(text) is not kind:
            raise ParameterError(parameter, f"{value!r} is not the IRI of a {kind.name.lower()}")
        return iri(parameter, text)
    try:
        return ox.NamedNode(str(entity_iri(kind, text)))
    except ValueError:
        raise ParameterError(parameter, f"{value!r} is neither an id nor an IRI") from None


def looks_like_entity(value: str) -> bool:
    """True when a filter value is an IRI or an id (lower-case slug ending in a 10-digit hex digest)."""
    text = value.strip()
    if text.startswith(("http://", "https://")):
        return True
    head, _, digest = text.rpartition("-")
    return bool(head) and len(digest) == 10 and all(c in "0123456789abcdef" for c in digest) and text == text.lower()


def province(value: str, parameter: str = "province") -> ox.NamedNode:
    """A province given by unit code or name (its predecessors match through ``govkg:succeededBy*``)."""
    try:
        return ox.NamedNode(str(resolve_province_parameter(value).iri))
    except ParameterError as exc:
        raise ParameterError(
            parameter, f"{exc.message}; give a unit code such as VN-44 or VN-44-2025, or a name such as An Giang"
        ) from None


def day(value: date) -> ox.Literal:
    """A date as ``xsd:date``."""
    return ox.Literal(value.isoformat(), datatype=ox.NamedNode(_XSD + "date"))


def days(start: date | None, end: date | None) -> dict[str, Term]:
    """The ``from`` and ``to`` filters of the range given (either may be open); it may not end before it starts."""
    if start and end and start > end:
        raise ParameterError("from", f"{start} is after to={end}")
    return given(**{"from": day(start) if start else None, "to": day(end) if end else None})


def integer(value: int) -> ox.Literal:
    """A whole number as ``xsd:integer``."""
    return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))


def text_key(parameter: str, value: str) -> ox.Literal:
    """The accent- and case-free key of some text (matched with ``govkg:searchKey`` in the query)."""
    key = search_key(value)
    if not key:
        raise ParameterError(parameter, "is empty once accents and spaces are removed")
    return ox.Literal(key)


def given(**values: Term | None) -> dict[str, Term]:
    """The filters that were given, by name."""
    return {name: term for name, term in values.items() if term is not None}
