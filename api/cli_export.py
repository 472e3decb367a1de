"""The command line's graph commands: ``govkg export`` and ``govkg analytics centrality|communities|path``."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from graph import analytics
from graph.analytics import Network
from graph.exports.registry import ExportName, UnknownFormat, export_format, prepare_export
from graph.projection.filters import GraphFilter, UnknownEntity, entity_iri, resolve_filter
from graph.store.base import ArticleStore, StoreError
from services.settings import get_settings
from services.stores import open_store

console = Console(stderr=True)
analytics_app = typer.Typer(help="Officials' networks: centrality, communities, shortest paths.", no_args_is_help=True)

Province = Annotated[str | None, typer.Option(help="A unit code (VN-09, VN-07-2025), name or IRI.")]
PersonOption = Annotated[str | None, typer.Option("--person", help="A person's IRI or id: their 2-step neighbourhood.")]
DocumentOption = Annotated[str | None, typer.Option("--document", help="A notation (64/2007/NĐ-CP) or IRI.")]
FromOption = Annotated[datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="First day (YYYY-MM-DD).")]
ToOption = Annotated[datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (YYYY-MM-DD).")]
NetworkOption = Annotated[Network, typer.Option("--network", help="co-chair or co-attendance.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def register(app: typer.Typer) -> None:
    """Add ``export`` and the ``analytics`` command group to the ``govkg`` app."""
    app.command("export")(export)
    app.add_typer(analytics_app, name="analytics")


def _store() -> ArticleStore:
    try:
        return open_store(get_settings())
    except (StoreError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _filter(
    store: ArticleStore,
    province: str | None,
    person: str | None,
    document: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
) -> GraphFilter:
    try:
        return resolve_filter(
            store,
            province=province,
            person=person,
            document=document,
            date_from=date_from.date() if date_from else None,
            date_to=date_to.date() if date_to else None,
        )
    except (UnknownEntity, ValueError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


def export(
    format: Annotated[ExportName, typer.Option("--format", "-f", help="The file format.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="File to write ('-': standard output; csv: a folder or .zip).")
    ],
    province: Province = None,
    person: PersonOption = None,
    document: DocumentOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
) -> None:
    """Export the graph, or the part the filters pick, for Gephi, yEd, Cytoscape, Neo4j or an RDF store.

    Filters combine: --province (the unit, its predecessors, what is there and its neighbours), --person
    (2 steps around), --document (its meetings and their people), --from/--to (what happened then).
    """
    store = _store()
    selection = _filter(store, province, person, document, date_from, date_to)
    try:
        chosen = export_format(format.value)
        if chosen.write_folder is not None and out.suffix.lower() != f".{chosen.suffix}" and str(out) != "-":
            written = chosen.write_folder(store, selection, out)
            console.print(f"{len(written)} files written to {out}")
            return
        prepared = prepare_export(store, format.value, selection)
    except (UnknownFormat, UnknownEntity) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    size = _write(prepared.chunks, out)
    if str(out) != "-":
        console.print(f"{size:,} bytes of {prepared.format.description} written to {out}")


def _write(chunks: Iterable[bytes], out: Path) -> int:
    size = 0
    if str(out) == "-":
        for chunk in chunks:
            sys.stdout.buffer.write(chunk)
            size += len(chunk)
        sys.stdout.buffer.flush()
        return size
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as handle:
        for chunk in chunks:
            handle.write(chunk)
            size += len(chunk)
    return size


@analytics_app.command("centrality")
def centrality(
    network: NetworkOption = Network.CO_CHAIR,
    limit: Annotated[int | None, typer.Option(min=1, help="How many officials (default GOVKG_ANALYTICS_TOP).")] = None,
    province: Province = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """Rank officials by betweenness, then degree, in the co-chairing or co-attendance network."""
    store = _store()
    selection = _filter(store, province, None, None, date_from, date_to)
    rows = analytics.centrality(
        analytics.network_from_store(store, network, selection), limit=limit or get_settings().analytics_top
    )
    if as_json:
        typer.echo(json.dumps([asdict(row) for row in rows], ensure_ascii=False, indent=2))
        return
    table = Table("official", "betweenness", "degree", "colleagues", "meetings", "IRI")
    for row in rows:
        table.add_row(
            row.official.name,
            f"{row.betweenness:.4f}",
            f"{row.degree:.4f}",
            str(row.colleagues),
            str(row.meetings),
            row.official.iri,
        )
    Console().print(table)


@analytics_app.command("communities")
def communities(
    network: NetworkOption = Network.CO_CHAIR,
    min_size: Annotated[int, typer.Option(min=1, help="Smallest group listed.")] = 2,
    province: Province = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    as_json: JsonOption = False,
) -> None:
    """Group officials into communities (Louvain, seeded), largest first."""
    store = _store()
    selection = _filter(store, province, None, None, date_from, date_to)
    groups = analytics.communities(analytics.network_from_store(store, network, selection), min_size=min_size)
    if as_json:
        typer.echo(json.dumps([asdict(group) for group in groups], ensure_ascii=False, indent=2))
        return
    table = Table("#", "size", "shared meetings", "members")
    for index, group in enumerate(groups, 1):
        table.add_row(
            str(index), str(len(group.members)), str(group.meetings), ", ".join(m.name for m in group.members)
        )
    Console().print(table)


@analytics_app.command("path")
def path(
    source: Annotated[str, typer.Argument(help="A person's IRI or id.")],
    target: Annotated[str, typer.Argument(help="Another person's IRI or id.")],
    as_json: JsonOption = False,
) -> None:
    """The shortest chain of posts, meetings, organizations and documents linking two officials."""
    store = _store()
    try:
        steps = analytics.path_from_store(store, entity_iri(source, "person"), entity_iri(target, "person"))
    except KeyError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc
    if steps is None:
        console.print("no chain of posts, meetings or documents links the two")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps([asdict(step) for step in steps], ensure_ascii=False, indent=2))
        return
    for step in steps:
        typer.echo(f"{step.caption} ({step.label})" + (f"  {step.link}" if step.link else ""))
