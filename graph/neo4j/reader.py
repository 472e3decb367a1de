"""Running an analyst's Cypher against the projection: read-only, bounded in time and rows.

Three fences, each enforced where it cannot be talked round:

- **read-only** — the text must pass ``graph.neo4j.guard`` (clear refusals,
  and no files, URLs or administration), and it runs in a *read* transaction,
  which the server itself refuses to write in;
- **time** — the transaction carries a timeout the server enforces and
  terminates the query at;
- **rows** — at most ``max_rows`` rows are read; the query is refused (its
  transaction rolled back) when it has more, rather than cut silently.

Values come back as JSON-ready data: temporal values as ISO 8601 strings,
nodes as ``{element_id, labels, properties}``, relationships as ``{element_id,
type, start, end, properties}``, paths as ``{nodes, relationships}``.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

import pyoxigraph as ox
from neo4j import READ_ACCESS, ManagedTransaction, unit_of_work
from neo4j.exceptions import ClientError, DriverError, Neo4jError
from neo4j.graph import Node, Path, Relationship
from neo4j.spatial import Point
from neo4j.time import Date, DateTime, Duration, Time

from graph.neo4j.connection import UNAVAILABLE_ERRORS, Neo4jConnection, Neo4jUnavailable
from graph.neo4j.guard import check_read_only
from ontology.errors import QueryError, QueryTimeout, TooManyRows

_XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"

JSONValue = None | bool | int | float | str | list["JSONValue"] | dict[str, "JSONValue"]


class CypherFailed(QueryError):
    """The server rejected the query (syntax, types, a missing parameter …); the message is the server's."""

    kind = "cypher-failed"
    title = "Neo4j rejected the query"


@dataclass(frozen=True, slots=True)
class CypherResult:
    """The columns of a result and its rows (one list of values per row, in column order)."""

    columns: list[str]
    rows: list[list[JSONValue]]

    def records(self) -> list[dict[str, JSONValue]]:
        """The rows as ``{column: value}`` dictionaries."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def to_json(value: Any) -> JSONValue:
    """A Neo4j value as plain JSON data (see the module docstring)."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Date | DateTime | Time):
        return value.iso_format()
    if isinstance(value, Duration):
        return str(value.iso_format())
    if isinstance(value, Node):
        return {
            "element_id": value.element_id,
            "labels": list[JSONValue](sorted(value.labels)),
            "properties": {key: to_json(item) for key, item in value.items()},
        }
    if isinstance(value, Relationship):
        return {
            "element_id": value.element_id,
            "type": value.type,
            "start": value.start_node.element_id if value.start_node else None,
            "end": value.end_node.element_id if value.end_node else None,
            "properties": {key: to_json(item) for key, item in value.items()},
        }
    if isinstance(value, Path):
        return {"nodes": [to_json(n) for n in value.nodes], "relationships": [to_json(r) for r in value.relationships]}
    if isinstance(value, Point):
        return {"srid": value.srid, "coordinates": [float(c) for c in value]}
    if isinstance(value, bytes | bytearray):
        return base64.b64encode(bytes(value)).decode("ascii")
    if isinstance(value, Mapping):
        return {str(key): to_json(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if hasattr(value, "isoformat"):  # datetime.date / datetime from a parameter echoed back
        return str(value.isoformat())
    return str(value)


def _timed_out(error: Neo4jError) -> bool:
    return "TransactionTimedOut" in (error.code or "") or "Terminated" in (error.code or "")


def read_query(
    connection: Neo4jConnection,
    text: str,
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout: float,
    max_rows: int,
) -> CypherResult:
    """Run one read-only query and return its rows (see the module docstring for the fences).

    Raises ``CypherRefused`` (not read-only), :class:`CypherFailed`, ``QueryTimeout``,
    ``TooManyRows``, or ``Neo4jUnavailable`` when the server cannot be reached.
    """
    check_read_only(text)
    return run_in_read_transaction(connection, text, parameters, timeout=timeout, max_rows=max_rows)


def run_in_read_transaction(
    connection: Neo4jConnection,
    text: str,
    parameters: Mapping[str, Any] | None = None,
    *,
    timeout: float,
    max_rows: int,
) -> CypherResult:
    """Run a query in a read transaction, unchecked: the server alone keeps it from writing.

    :func:`read_query` is what callers want; this is its second fence, on its own.
    """

    @unit_of_work(timeout=timeout)
    def work(tx: ManagedTransaction) -> CypherResult:
        result = tx.run(text, dict(parameters or {}))
        columns = list(result.keys())
        rows: list[list[JSONValue]] = []
        for record in result:
            if len(rows) == max_rows:
                raise TooManyRows(max_rows)  # rolls the transaction back
            rows.append([to_json(value) for value in record.values()])
        return CypherResult(columns, rows)

    try:
        with connection.driver.session(database=connection.database, default_access_mode=READ_ACCESS) as session:
            return session.execute_read(work)
    except ClientError as exc:
        if _timed_out(exc):
            raise QueryTimeout(timeout) from exc
        if exc.code and exc.code.startswith(("Neo.ClientError.Security.", "Neo.ClientError.Database.")):
            raise Neo4jUnavailable(f"Neo4j at {connection.uri} refused govkg: {exc.message}") from exc
        raise CypherFailed(exc.message or str(exc)) from exc
    except UNAVAILABLE_ERRORS as exc:
        raise Neo4jUnavailable(f"Neo4j at {connection.uri} is unavailable: {exc}") from exc
    except (DriverError, Neo4jError) as exc:
        if isinstance(exc, Neo4jError) and _timed_out(exc):
            raise QueryTimeout(timeout) from exc
        raise CypherFailed(str(exc)) from exc


def parameter_value(term: ox.NamedNode | ox.Literal) -> Any:
    """A named query's bound RDF term as the ``$parameter`` value its ``.cypher`` twin takes.

    IRIs become strings, ``xsd:date`` a date, ``xsd:integer`` an int, other literals their text
    (see docs/named-queries.md).
    """
    if isinstance(term, ox.NamedNode):
        return term.value
    datatype = term.datatype.value
    if datatype == _XSD_DATE:
        return date.fromisoformat(term.value)
    if datatype == _XSD_INTEGER:
        return int(term.value)
    return term.value
