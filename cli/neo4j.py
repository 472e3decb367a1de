"""``govkg neo4j sync``: bring the Neo4j projection up to date with the store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import Progress, TaskID

from cli.console import progress, stderr
from graph.neo4j.sync import ProjectionSync, SyncReport
from graph.neo4j.writer import Neo4jWriter
from services.settings import get_settings
from services.stores import open_neo4j, open_store

neo4j_app = typer.Typer(help="The Neo4j projection of the graph.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the ``neo4j`` command group to the ``govkg`` app."""
    app.add_typer(neo4j_app, name="neo4j")


class _ProgressBar:
    """Draws the sync's phases as a rich progress bar."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.task: TaskID | None = None

    def phase(self, description: str, total: int) -> None:
        if self.task is not None:
            self.bar.update(self.task, visible=False)
        self.task = self.bar.add_task(description, total=total)

    def advance(self, steps: int) -> None:
        if self.task is not None:
            self.bar.advance(self.task, steps)


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
    store = open_store(settings)
    connection = open_neo4j(settings)
    try:
        connection.verify()
        writer = Neo4jWriter(connection.driver, connection.database, batch_size=settings.neo4j_batch_size)
        bar = progress(elapsed=True, transient=False)
        syncer = ProjectionSync(store, writer, chunk_size=settings.neo4j_sync_chunk, observer=_ProgressBar(bar))
        with bar:
            report = syncer.run(full=full)
    finally:
        connection.close()
    _print_report(report)


def _print_report(report: SyncReport) -> None:
    if report.full:
        stderr.print(f"rebuilt the projection ({report.reason})")
    stderr.print(
        f"{report.articles_synced} articles synced ({report.added} added, {report.changed} changed, "
        f"{report.removed} removed), {report.unchanged} unchanged; {report.nodes_written} nodes and "
        f"{report.relationships_written} relationships written in {report.seconds:.1f} s"
    )
