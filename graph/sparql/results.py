"""What a query answers with: rows of plain values, or bytes serialized in the format asked for.

Rows carry IRIs as strings, numbers as numbers, booleans as booleans, and
other literals (dates included) as their text; serialized answers are SPARQL
1.1 JSON (with the RDF 1.2 ``triple`` extension), XML, CSV, TSV, or an RDF
syntax for graphs.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import Any

import pyoxigraph as ox

#: A cell of a row.
Value = str | int | float | bool | None

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = frozenset(
    _XSD + name
    for name in (
        "integer",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    )
)
_FLOAT_TYPES = frozenset(_XSD + name for name in ("decimal", "double", "float"))
_PLAIN_TYPES = frozenset((_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"))


@dataclass(frozen=True, slots=True)
class Rows:
    """A SELECT answer as plain values: IRIs as strings, numbers as numbers, dates as ISO strings."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def dicts(self) -> list[dict[str, Value]]:
        """The rows as dictionaries keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


class ResultKind(StrEnum):
    """The shape of a query's answer."""

    SOLUTIONS = "solutions"
    BOOLEAN = "boolean"
    GRAPH = "graph"


@dataclass(frozen=True, slots=True)
class Serialized:
    """An answer serialized in the format asked for its kind."""

    kind: ResultKind
    data: bytes


@dataclass(frozen=True, slots=True)
class Dataset:
    """The RDF dataset of a protocol request (``default-graph-uri`` / ``named-graph-uri``); empty = the store's."""

    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


def plain(term: Any) -> Value:
    """A term as a plain Python value (see :class:`Rows`)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGER_TYPES:
            with contextlib.suppress(ValueError):
                return int(term.value)
        elif datatype in _FLOAT_TYPES:
            with contextlib.suppress(ValueError, ArithmeticError):
                return float(Decimal(term.value))
        elif datatype == _XSD + "boolean":
            return term.value in ("true", "1")
        return str(term.value)
    return str(term)


def json_term(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 JSON results format (with the RDF 1.2 ``triple`` extension)."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in _PLAIN_TYPES:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": json_term(term.subject),
            "predicate": json_term(term.predicate),
            "object": json_term(term.object),
        },
    }
