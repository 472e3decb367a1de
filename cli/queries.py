"""Asking the graph: ``govkg sparql`` (the store), ``govkg cypher`` (the Neo4j projection) and ``govkg stats``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import pyoxigraph as ox
import typer
from rich.table import Table

from cli.console import print_table
from cli.options import JsonOption
from graph.neo4j.reader import read_query
from graph.store.stats import store_stats
from services.settings import get_settings
from services.stores import open_neo4j, open_store

_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}


def register(app: typer.Typer) -> None:
    """Add ``sparql``, ``cypher`` and ``stats`` to the ``govkg`` app."""
    app.command()(sparql)
    app.command()(cypher)
    app.command()(stats)


def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a file holding one.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table, json, csv, tsv or xml.")] = "table",
) -> None:
    """Run a read-only SPARQL query against the store."""
    text = _query_text(query)
    store = open_store(get_settings())
    try:
        result = store.query(text)
    except (SyntaxError, OSError) as exc:  # the engine's own errors: the query given cannot run
        raise typer.BadParameter(str(exc), param_hint="QUERY") from exc
    if isinstance(result, ox.QueryBoolean):
        typer.echo("true" if bool(result) else "false")
    elif isinstance(result, ox.QueryTriples):
        sys.stdout.write((result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8"))
    elif format == "table":
        _print_solutions(result)
    elif format in _FORMATS:
        sys.stdout.write((result.serialize(format=_FORMATS[format]) or b"").decode("utf-8"))
    else:
        raise typer.BadParameter(f"unknown format {format!r}", param_hint="--format")


def _query_text(argument: str) -> str:
    """The query itself, or the content of the file the argument names."""
    if "{" in argument:
        return argument
    try:
        return Path(argument).read_text("utf-8")
    except OSError as exc:
        raise typer.BadParameter(
            f"{argument!r} is neither a SPARQL query nor a readable file ({exc.strerror})", param_hint="QUERY"
        ) from exc


def _print_solutions(result: ox.QuerySolutions) -> None:
    names = [v.value for v in result.variables]
    table = Table(*names)
    for row in result:
        table.add_row(*(_term_text(row[name]) for name in names))
    print_table(table)


def _term_text(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


def cypher(
    query: Annotated[str, typer.Argument(help="A Cypher query, or the path of a file holding one.")],
    param: Annotated[
        list[str] | None,
        typer.Option("--param", "-p", help="NAME=VALUE for $NAME (VALUE read as JSON when it parses, else text)."),
    ] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """Run a read-only Cypher query against the Neo4j projection (see `govkg neo4j sync`)."""
    if format not in ("table", "json"):
        raise typer.BadParameter(f"unknown format {format!r}", param_hint="--format")
    text = Path(query).read_text("utf-8") if len(query) < 4096 and Path(query).is_file() else query
    parameters = dict(_parameter(p) for p in param or [])
    settings = get_settings()
    connection = open_neo4j(settings)
    try:
        connection.verify()
        result = read_query(connection, text, parameters, timeout=settings.query_timeout, max_rows=settings.max_rows)
    finally:
        connection.close()
    if format == "json":
        typer.echo(json.dumps({"columns": result.columns, "rows": result.records()}, ensure_ascii=False, indent=2))
        return
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if value is None else _value_text(value) for value in row))
    print_table(table)


def _parameter(text: str) -> tuple[str, Any]:
    name, separator, value = text.partition("=")
    if not separator or not name:
        raise typer.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


def _value_text(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def stats(as_json: JsonOption = False) -> None:
    """Count triples, articles, entities per type and quarantined articles."""
    figures = store_stats(open_store(get_settings()))
    if as_json:
        typer.echo(json.dumps(figures.as_dict(), indent=2))
        return
    table = Table("what", "count")
    for name, value in figures.as_dict().items():
        if isinstance(value, dict):
            for kind, count in value.items():
                table.add_row(f"{name}: {kind}", str(count))
        else:
            table.add_row(name, str(value))
    print_table(table)
