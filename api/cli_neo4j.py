"""The command line's Neo4j commands: ``govkg cypher`` and ``govkg neo4j sync``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from graph.neo4j.connection import Neo4jConnection, Neo4jUnavailable
from graph.neo4j.guard import CypherRefused
from graph.neo4j.reader import CypherFailed, read_query
from graph.neo4j.sync import Neo4jSyncError, ProjectionSync, SyncReport
from graph.neo4j.writer import Neo4jWriter
from graph.store.base import StoreError
from ontology.errors import QueryTimeout, TooManyRows
from services.settings import get_settings
from services.stores import open_neo4j, open_store

console = Console(stderr=True)
neo4j_app = typer.Typer(help="The Neo4j projection of the graph.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add ``cypher`` and the ``neo4j`` command group to the ``govkg`` app."""
    app.command("cypher")(cypher)
    app.add_typer(neo4j_app, name="neo4j")


def _connect() -> Neo4jConnection:
    try:
        connection = open_neo4j(get_settings())
        connection.verify()
    except Neo4jUnavailable as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    return connection


def _parameter(text: str) -> tuple[str, Any]:
    name, separator, value = text.partition("=")
    if not separator or not name:
        raise typer.BadParameter(f"{text!r} is not NAME=VALUE", param_hint="--param")
    try:
        return name, json.loads(value)
    except json.JSONDecodeError:
        return name, value


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
    connection = _connect()
    try:
        result = read_query(connection, text, parameters, timeout=settings.query_timeout, max_rows=settings.max_rows)
    except (CypherRefused, CypherFailed, TooManyRows, QueryTimeout) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    except Neo4jUnavailable as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    finally:
        connection.close()
    if format == "json":
        typer.echo(json.dumps({"columns": result.columns, "rows": result.records()}, ensure_ascii=False, indent=2))
        return
    table = Table(*result.columns)
    for row in result.rows:
        table.add_row(*("" if value is None else _cell(value) for value in row))
    Console().print(table)


def _cell(value: object) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class _ProgressBar:
    """Draws the sync's phases as a rich progress bar."""

    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.task: TaskID | None = None

    def phase(self, description: str, total: int) -> None:
        if self.task is not None:
            self.progress.update(self.task, visible=False)
        self.task = self.progress.add_task(description, total=total)

    def advance(self, steps: int) -> None:
        if self.task is not None:
            self.progress.advance(self.task, steps)


@neo4j_app.command("sync")
def sync(
    full: Annotated[bool, typer.Option("--full", help="Clear the projection and rebuild it from the store.")] = False,
) -> None:
    """Bring the Neo4j projection up to date with the store.

    Incremental by default: only articles added, changed (their graph's digest differs) or
    removed since the last sync are visited, in steps of GOVKG_NEO4J_SYNC_CHUNK articles.
    A sync that fails part-way keeps what it wrote; run it again to resume.
    """
    settings = get_settings()
    try:
        store = open_store(settings)
    except (StoreError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    connection = _connect()
    writer = Neo4jWriter(connection.driver, connection.database, batch_size=settings.neo4j_batch_size)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console,
    )
    syncer = ProjectionSync(store, writer, chunk_size=settings.neo4j_sync_chunk, observer=_ProgressBar(progress))
    try:
        with progress:
            report = syncer.run(full=full)
    except Neo4jSyncError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    finally:
        connection.close()
    _print_report(report)


def _print_report(report: SyncReport) -> None:
    if report.full:
        console.print(f"rebuilt the projection ({report.reason})")
    console.print(
        f"{report.articles_synced} articles synced ({report.added} added, {report.changed} changed, "
        f"{report.removed} removed), {report.unchanged} unchanged; {report.nodes_written} nodes and "
        f"{report.relationships_written} relationships written in {report.seconds:.1f} s"
    )
