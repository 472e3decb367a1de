"""The province gazetteer: typed, cached access to ``ontology/provinces.ttl``.

The Turtle file holds the 63 province-level units that existed before the
reorganisation of 1 July 2025 and the 23 units it created (34 valid after it),
with successor links between them. This module parses it once per process and
answers three questions: which units exist, which unit has a code, and which
unit a name in an article denotes on a given day.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS
from rdflib.term import Node

from ontology.files import ontology_graph
from ontology.namespaces import GOVKG
from ontology.orthography import comparison_key

#: First day of the 34-unit map (Resolution 202/2025/QH15).
REFORM_DATE = date(2025, 7, 1)
#: The day names resolve on when no date is given: the last day of the 63-unit map.
_DEFAULT_DAY = date(2025, 6, 30)

_RESOURCE = "provinces.ttl"
# "tỉnh X", "thành phố X", "TP X", "TP. X", "TP.X" (on comparison keys, so already case-folded).
_UNIT_PREFIX = re.compile(r"^(?:tỉnh|thành phố|tp)\s+|^tp\.\s*")
_DASH = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")


@dataclass(frozen=True, slots=True)
class Province:
    """One province-level unit (tỉnh or centrally-run city) as the gazetteer records it."""

    iri: URIRef
    code: str  # "VN-23" or "VN-44-2025"
    name: str  # prefLabel
    is_city: bool  # centrally-run city
    aliases: tuple[str, ...]
    cities: tuple[str, ...]
    outlets: tuple[str, ...]
    valid_from: date | None
    valid_until: date | None
    successors: tuple[str, ...]  # codes
    predecessors: tuple[str, ...]  # codes

    def valid_on(self, day: date) -> bool:
        """Return whether the unit existed on ``day`` (open ends count as unbounded)."""
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


def reference_graph_path() -> Path:
    """Return the filesystem path of ``provinces.ttl``, the package data this module reads.

    Raises :class:`FileNotFoundError` when the package is installed in a form
    (such as a zip archive) that has no real file behind the resource.
    """
    resource = resources.files("ontology").joinpath(_RESOURCE)
    path = Path(str(resource))
    if not path.is_file():
        raise FileNotFoundError(f"province gazetteer not found as a file: {resource}")
    return path


def _graph() -> Graph:
    return ontology_graph(_RESOURCE)


def _strings(values: Iterable[Node]) -> tuple[str, ...]:
    return tuple(sorted(str(value) for value in values))


def _date(graph: Graph, subject: URIRef, predicate: URIRef) -> date | None:
    value = graph.value(subject, predicate)
    if value is None:
        return None
    if not isinstance(value, Literal) or not isinstance(value.toPython(), date):
        raise ValueError(f"{subject} {predicate}: expected an xsd:date, got {value!r}")
    day: date = value.toPython()
    return day


def _unit_code(graph: Graph, subject: Node) -> str:
    value = graph.value(subject, GOVKG.unitCode)
    if value is None:
        raise ValueError(f"{subject} has no govkg:unitCode")
    return str(value)


def _codes(graph: Graph, subject: URIRef, predicate: URIRef) -> tuple[str, ...]:
    return tuple(sorted(_unit_code(graph, other) for other in graph.objects(subject, predicate)))


def _province(graph: Graph, subject: URIRef) -> Province:
    name = graph.value(subject, SKOS.prefLabel)
    if name is None:
        raise ValueError(f"{subject} has no skos:prefLabel")
    return Province(
        iri=subject,
        code=_unit_code(graph, subject),
        name=str(name),
        is_city=(subject, GOVKG.unitKind, GOVKG.CentralCity) in graph,
        aliases=_strings(graph.objects(subject, SKOS.altLabel)),
        cities=_strings(graph.objects(subject, GOVKG.cityName)),
        outlets=_strings(graph.objects(subject, GOVKG.newsOutlet)),
        valid_from=_date(graph, subject, GOVKG.validFrom),
        valid_until=_date(graph, subject, GOVKG.validUntil),
        successors=_codes(graph, subject, GOVKG.succeededBy),
        predecessors=_codes(graph, subject, GOVKG.precededBy),
    )


@functools.cache
def provinces() -> tuple[Province, ...]:
    """Return every unit in the gazetteer: the 63 pre-2025 units, then the 23 formed in 2025.

    Each group is ordered by code. The tuple is built once per process and
    shared; :class:`Province` is immutable.
    """
    graph = _graph()
    units = [
        _province(graph, subject) for subject in graph.subjects(RDF.type, GOVKG.Province) if isinstance(subject, URIRef)
    ]
    return tuple(sorted(units, key=lambda unit: (unit.valid_from is not None, unit.code)))


@functools.cache
def _by_code() -> dict[str, Province]:
    return {unit.code: unit for unit in provinces()}


def province_by_code(code: str) -> Province:
    """Return the unit whose code is ``code`` ("VN-23", "VN-44-2025").

    Raises :class:`KeyError` naming the code when no unit has it.
    """
    try:
        return _by_code()[code]
    except KeyError:
        raise KeyError(
            f"no province-level unit with code {code!r} (codes look like 'VN-23', 'VN-HN' or 'VN-44-2025')"
        ) from None


def _key(text: str) -> str:
    return _DASH.sub("-", comparison_key(text))


@functools.cache
def _by_name() -> dict[str, tuple[Province, ...]]:
    index: dict[str, list[Province]] = {}
    for unit in provinces():
        for label in (unit.name, *unit.aliases):
            bucket = index.setdefault(_key(label), [])
            if unit not in bucket:
                bucket.append(unit)
    return {key: tuple(units) for key, units in index.items()}


def resolve_province(name: str, on: date | None = None) -> Province | None:
    """Return the unit ``name`` denotes on day ``on``, or ``None`` when no unit bears that name.

    ``name`` is matched against names and aliases, case- and tone-placement-
    insensitively, with or without a leading "tỉnh", "thành phố", "TP" or "TP.";
    city names and news outlets are not matched. When the name is borne by an
    old and a new unit (An Giang until 2025-06-30 and from 2025-07-01), the
    unit valid on ``on`` wins; with no ``on``, the pre-2025 unit wins. A name
    only an old unit bore resolves to that unit whatever the date: follow its
    ``successors`` for the unit that replaced it.
    """
    key = _key(name)
    index = _by_name()
    candidates = index.get(key)
    if candidates is None:
        stripped = _UNIT_PREFIX.sub("", key, count=1)
        candidates = index.get(stripped) if stripped != key else None
    if not candidates:
        return None
    day = on if on is not None else _DEFAULT_DAY
    return next((unit for unit in candidates if unit.valid_on(day)), candidates[0])


__all__ = [
    "REFORM_DATE",
    "Province",
    "province_by_code",
    "provinces",
    "reference_graph_path",
    "resolve_province",
]
