"""The typed attribute columns of a projected graph, shared by the tabular and XML formats.

A column is an attribute name with the one type its values share across the
nodes (or edges) written together: text, integer, decimal, boolean or date,
and whether the values are lists (the Neo4j projection keeps every report
date of a post, every article asserting a relationship). Values of mixed
types fall back to text, integers mixed with decimals to decimals.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    """The type of a column's values."""

    TEXT = "text"
    INTEGER = "integer"
    DECIMAL = "decimal"
    BOOLEAN = "boolean"
    DATE = "date"


@dataclass(frozen=True, slots=True)
class Column:
    """One attribute as the formats write it: its name, its type, whether it holds lists."""

    name: str
    kind: Kind
    many: bool = False


def kind_of(value: Any) -> Kind:
    """The column type of one (non-list) value."""
    if isinstance(value, bool):
        return Kind.BOOLEAN
    if isinstance(value, int):
        return Kind.INTEGER
    if isinstance(value, float):
        return Kind.DECIMAL
    if isinstance(value, date):
        return Kind.DATE
    return Kind.TEXT


def _merge(kinds: set[Kind]) -> Kind:
    if len(kinds) == 1:
        return next(iter(kinds))
    return Kind.DECIMAL if kinds == {Kind.INTEGER, Kind.DECIMAL} else Kind.TEXT


def columns(records: Iterable[Mapping[str, Any]], skip: Iterable[str] = ()) -> list[Column]:
    """The columns of ``records`` (attribute dictionaries), sorted by name, without those in ``skip``."""
    left_out = set(skip)
    kinds: dict[str, set[Kind]] = {}
    many: dict[str, bool] = {}
    for record in records:
        for name, value in record.items():
            if name in left_out or value is None:
                continue
            is_list = isinstance(value, list | tuple)
            many[name] = many.get(name, False) or is_list
            found = kinds.setdefault(name, set())
            found.update(kind_of(item) for item in (value if is_list else (value,)))
    return [Column(name, _merge(kinds[name]) if kinds[name] else Kind.TEXT, many[name]) for name in sorted(kinds)]


def scalar_text(value: Any) -> str:
    """One value as text: ISO dates, ``true``/``false``, plain numbers and strings."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def as_list(value: Any) -> list[Any]:
    """A value as a list (a scalar becomes a one-element list; ``None`` an empty one)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list | tuple) else [value]
