"""The named queries: loaded from the ``*.rq`` files of this package, their parameters typed and bound.

Each ``NAME.rq`` starts with a header of comment lines that declares it (see
``docs/named-queries.md`` for the contract the ``.cypher`` twins share)::

    # NAME
    # description: what the query answers
    # param NAME: TYPE[, optional][, default=VALUE] — what the parameter means
    # columns: first, second, …
    # joined: column, …      (optional: "; "-joined names, sorted here)

Parameter values never enter the query text as caller text: each is checked
and turned into an RDF term (:meth:`NamedQuery.bind`), and the runner binds it
to the variable ``?param_NAME`` in a ``VALUES`` row at the start of the
``WHERE`` group (:func:`graph.sparql.binding.bind_values`), where the engine
starts from it. An optional parameter that is not given is bound to
:data:`UNSET`, which the file as a whole treats as "no filter", so it runs as
it is in any engine. For speed the registry runs a trimmed text
(:meth:`NamedQuery.text`): lines between ``# if: NAME`` and ``# end`` serve
only when NAME is given (its filter, which the engine starts from), lines
between ``# unless: NAME`` and ``# end`` only when it is not (what lets the
full file run with NAME unset). Rows come back with exactly the
declared columns, in order.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from importlib import resources

import pyoxigraph as ox

from graph.sparql.binding import Term
from graph.sparql.results import Rows, Value
from graph.sparql.runner import SparqlRunner
from ontology.errors import GovkgError, InvalidInput, NotFound
from ontology.gazetteer import Province, province_by_code, resolve_province
from ontology.orthography import canonical_spelling

#: What an optional parameter that is not given is bound to ("no filter").
UNSET = ox.NamedNode("urn:govkg:unset")

#: The separator of "joined" columns.
JOIN_SEPARATOR = "; "

_XSD = "http://www.w3.org/2001/XMLSchema#"
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_INTEGER = re.compile(r"^[+-]?\d{1,12}$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
_PROVINCE_CODE = re.compile(r"^VN-[A-Z0-9]{2}(?:-2025)?$", re.IGNORECASE)
_SECTION_START = re.compile(r"^\s*# (?P<kind>if|unless): (?P<name>[a-z_][a-z0-9_]*)\s*$")
_SECTION_END = re.compile(r"^\s*# end\s*$")
_PARAM_LINE = re.compile(
    r"^param\s+(?P<name>[a-z_][a-z0-9_]*)\s*:\s*(?P<type>[a-z]+)(?P<flags>(?:\s*,\s*[a-z]+(?:=[^,\s—]+)?)*)"
    r"\s*(?:—\s*(?P<description>.*))?$"
)


class ParamType(StrEnum):
    """The parameter types of docs/named-queries.md."""

    IRI = "iri"
    PROVINCE = "province"
    DOCUMENT = "document"
    DATE = "date"
    STRING = "string"
    INTEGER = "integer"


_TYPE_HINTS = {
    ParamType.IRI: "an entity IRI such as https://w3id.org/govkg/id/person/…",
    ParamType.PROVINCE: "a unit code such as VN-44 or VN-44-2025, or a name such as An Giang",
    ParamType.DOCUMENT: "a notation such as 64/2007/NĐ-CP, or a document IRI",
    ParamType.DATE: "a day as YYYY-MM-DD",
    ParamType.STRING: "some text",
    ParamType.INTEGER: "a whole number",
}


class QueryDefinitionError(GovkgError, ValueError):
    """A ``.rq`` file's header does not declare the query properly (govkg's own fault: status 500)."""

    kind = "query-definition"


class ParameterError(InvalidInput):
    """A parameter value is missing, unknown or not of its type; the message says what is expected."""

    parameter: str

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(message, parameter=parameter)


class UnknownQuery(NotFound, KeyError):
    """No named query has this name."""


@dataclass(frozen=True, slots=True)
class Parameter:
    """One declared parameter of a named query."""

    name: str
    type: ParamType
    optional: bool
    default: str | None
    description: str

    @property
    def variable(self) -> str:
        """The query variable the parameter is bound to."""
        return f"param_{self.name}"

    @property
    def hint(self) -> str:
        """What a value of this parameter looks like, for messages and docs."""
        return _TYPE_HINTS[self.type]


def resolve_province_parameter(value: str) -> Province:
    """The unit a province parameter names: a code, or a name (as the unit valid today, if several bear it)."""
    text = value.strip()
    if _PROVINCE_CODE.match(text):
        try:
            return province_by_code(text.upper())
        except KeyError:
            pass
    unit = resolve_province(text, on=date.today())
    if unit is None:
        raise ParameterError("province", f"no province-level unit is called or coded {value!r}")
    return unit


def iri(parameter: str, value: str, expected: str = "an IRI") -> ox.NamedNode:
    """``value`` as an IRI term; :class:`ParameterError` when it is not a valid IRI."""
    if _IRI.match(value):
        try:
            return ox.NamedNode(value)
        except ValueError:
            pass
    raise ParameterError(parameter, f"{value!r} is not an IRI; expected {expected}")


def bind_value(parameter: Parameter, value: str) -> Term:
    """Check one parameter value and return the RDF term it is bound to."""
    text = value.strip()
    if not text:
        raise ParameterError(parameter.name, f"is empty; expected {parameter.hint}")
    if parameter.type is ParamType.PROVINCE:
        try:
            return ox.NamedNode(str(resolve_province_parameter(text).iri))
        except ParameterError as exc:
            raise ParameterError(parameter.name, f"{exc.message}; expected {parameter.hint}") from None
    if parameter.type is ParamType.IRI or (parameter.type is ParamType.DOCUMENT and text.startswith("http")):
        return iri(parameter.name, text, parameter.hint)
    if parameter.type is ParamType.DOCUMENT:
        return ox.Literal(canonical_spelling(re.sub(r"\s+", "", text)))
    if parameter.type is ParamType.DATE:
        try:
            day = date.fromisoformat(text) if _DATE.match(text) else None
        except ValueError:
            day = None
        if day is None:
            raise ParameterError(parameter.name, f"{value!r} is not a date; expected {parameter.hint}")
        return ox.Literal(day.isoformat(), datatype=ox.NamedNode(_XSD + "date"))
    if parameter.type is ParamType.INTEGER:
        if not _INTEGER.match(text):
            raise ParameterError(parameter.name, f"{value!r} is not a whole number")
        return ox.Literal(str(int(text)), datatype=ox.NamedNode(_XSD + "integer"))
    return ox.Literal(canonical_spelling(text))


@dataclass(frozen=True, slots=True)
class NamedQuery:
    """One named query: its SPARQL text and what its header declares."""

    name: str
    description: str
    parameters: tuple[Parameter, ...]
    columns: tuple[str, ...]
    joined: frozenset[str]
    sparql: str

    def parameter(self, name: str) -> Parameter:
        """The declared parameter called ``name``."""
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        raise ParameterError(name, f"unknown parameter; {self.name} takes {self._parameter_list()}")

    def _parameter_list(self) -> str:
        return ", ".join(p.name for p in self.parameters) or "no parameters"

    def bind(self, given: Mapping[str, str]) -> dict[str, Term]:
        """Check the given values; return the bindings (an optional parameter not given is :data:`UNSET`)."""
        for name in given:
            self.parameter(name)
        bound: dict[str, Term] = {}
        for parameter in self.parameters:
            value = given.get(parameter.name, parameter.default)
            if value is not None:
                bound[parameter.variable] = bind_value(parameter, value)
            elif parameter.optional:
                bound[parameter.variable] = UNSET
            else:
                raise ParameterError(parameter.name, f"is required; expected {parameter.hint}")
        return bound

    def text(self, bound: Mapping[str, object]) -> str:
        """The query text trimmed for these bindings (see the module docstring).

        A parameter counts as given when ``bound`` has a value for its variable
        other than :data:`UNSET` (as a term or as its N-Triples text).
        """
        given = {
            name.removeprefix("param_")
            for name, value in bound.items()
            if value is not None and value != UNSET and str(value) != str(UNSET)
        }
        kept = []
        keeping = [True]
        for line in self.sparql.splitlines():
            start = _SECTION_START.match(line)
            if start:
                wanted = (start["name"] in given) == (start["kind"] == "if")
                keeping.append(keeping[-1] and wanted)
            elif _SECTION_END.match(line):
                keeping.pop()
            elif keeping[-1]:
                kept.append(line)
        return "\n".join(kept) + "\n"

    def shape(self, rows: Rows) -> list[dict[str, Value]]:
        """The answer's rows with exactly the declared columns; "joined" columns sorted, empty ones null."""
        index = {name: position for position, name in enumerate(rows.variables)}
        missing = [column for column in self.columns if column not in index]
        if missing:
            raise QueryDefinitionError(f"{self.name}.rq does not project {', '.join(missing)}")
        shaped = []
        for row in rows.rows:
            record: dict[str, Value] = {}
            for column in self.columns:
                value = row[index[column]]
                if column in self.joined:
                    value = _sorted_join(value)
                record[column] = value
            shaped.append(record)
        return shaped

    def run(
        self, runner: SparqlRunner, given: Mapping[str, str], *, max_rows: int | None = None
    ) -> list[dict[str, Value]]:
        """Bind the parameters, run the query on ``runner`` and return its rows."""
        bound = self.bind(given)
        return self.shape(runner.select(self.text(bound), bound, max_rows=max_rows))


def _sorted_join(value: Value) -> Value:
    if not isinstance(value, str) or not value:
        return None
    return JOIN_SEPARATOR.join(sorted(set(value.split(JOIN_SEPARATOR))))


def parse_named_query(name: str, text: str) -> NamedQuery:
    """Read a named query's header; raise :class:`QueryDefinitionError` naming what is wrong."""
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line.lstrip("#").strip())
    if not header or header[0] != name:
        raise QueryDefinitionError(f"{name}.rq must start with the line '# {name}'")
    fields: dict[str, str] = {}
    parameters = []
    for line in header[1:]:
        if line.startswith("param "):
            parameters.append(_parameter(name, line))
        elif ":" in line and line.split(":", 1)[0] in ("description", "columns", "joined"):
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    if "description" not in fields or "columns" not in fields:
        raise QueryDefinitionError(f"{name}.rq must declare '# description:' and '# columns:'")
    columns = tuple(column.strip() for column in fields["columns"].split(","))
    joined = frozenset(column.strip() for column in fields.get("joined", "").split(",") if column.strip())
    if not joined <= set(columns):
        raise QueryDefinitionError(f"{name}.rq: joined columns must be among the columns")
    for parameter in parameters:
        if f"?{parameter.variable}" not in text:
            raise QueryDefinitionError(f"{name}.rq declares {parameter.name} but never uses ?{parameter.variable}")
    _check_sections(name, text, {p.name for p in parameters if p.optional})
    return NamedQuery(name, fields["description"], tuple(parameters), columns, joined, text)


def _check_sections(query: str, text: str, optional: set[str]) -> None:
    """Sections must name an optional parameter and close; they nest at most three deep."""
    depth = 0
    for line in text.splitlines():
        start = _SECTION_START.match(line)
        if start:
            if start["name"] not in optional:
                raise QueryDefinitionError(
                    f"{query}.rq: '# {start['kind']}: {start['name']}' names no optional parameter"
                )
            depth += 1
            if depth > 3:
                raise QueryDefinitionError(f"{query}.rq: sections nest more than three deep")
        elif _SECTION_END.match(line):
            if depth == 0:
                raise QueryDefinitionError(f"{query}.rq: '# end' without '# if:' or '# unless:'")
            depth -= 1
    if depth:
        raise QueryDefinitionError(f"{query}.rq: a section is never closed")


def _parameter(query: str, line: str) -> Parameter:
    match = _PARAM_LINE.match(line)
    if match is None:
        raise QueryDefinitionError(f"{query}.rq: cannot read the parameter line {line!r}")
    try:
        kind = ParamType(match["type"])
    except ValueError:
        raise QueryDefinitionError(f"{query}.rq: unknown parameter type {match['type']!r}") from None
    flags = [flag.strip() for flag in match["flags"].split(",") if flag.strip()]
    default = next((flag.split("=", 1)[1] for flag in flags if flag.startswith("default=")), None)
    return Parameter(
        name=match["name"],
        type=kind,
        optional="optional" in flags or default is not None,
        default=default,
        description=(match["description"] or "").strip(),
    )


class QueryRegistry:
    """Every named query of the package, by name."""

    def __init__(self, queries: Mapping[str, NamedQuery]) -> None:
        self._queries = dict(sorted(queries.items()))

    @classmethod
    def load(cls) -> QueryRegistry:
        """Read every ``*.rq`` file shipped with the ``queries`` package."""
        folder = resources.files("queries")
        found = {}
        for entry in folder.iterdir():
            if entry.name.endswith(".rq"):
                name = entry.name.removesuffix(".rq")
                found[name] = parse_named_query(name, entry.read_text("utf-8"))
        return cls(found)

    def __iter__(self) -> Iterator[NamedQuery]:
        return iter(self._queries.values())

    def names(self) -> list[str]:
        """The names, sorted."""
        return list(self._queries)

    def get(self, name: str) -> NamedQuery:
        """The query called ``name``; :class:`UnknownQuery` if there is none."""
        try:
            return self._queries[name]
        except KeyError:
            known = ", ".join(self._queries)
            raise UnknownQuery(f"no named query {name!r}; the named queries are {known}") from None


@functools.cache
def registry() -> QueryRegistry:
    """The package's named queries, loaded once per process."""
    return QueryRegistry.load()
