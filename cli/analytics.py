"""``govkg analytics``: officials' networks — centrality, communities, and the shortest path between two."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Annotated

import typer
from rich.table import Table

from cli.console import print_table, stderr
from cli.options import FromOption, JsonOption, NetworkOption, Province, ToOption, graph_filter
from graph import analytics
from graph.analytics import Network
from graph.projection.filters import entity_iri
from services.settings import get_settings
from services.stores import open_store

analytics_app = typer.Typer(help="Officials' networks: centrality, communities, shortest paths.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the ``analytics`` command group to the ``govkg`` app."""
    app.add_typer(analytics_app, name="analytics")


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
    settings = get_settings()
    store = open_store(settings)
    selection = graph_filter(store, province, None, None, date_from, date_to)
    rows = analytics.centrality(
        analytics.network_from_store(store, network, selection), limit=limit or settings.analytics_top
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
    print_table(table)


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
    store = open_store(get_settings())
    selection = graph_filter(store, province, None, None, date_from, date_to)
    groups = analytics.communities(analytics.network_from_store(store, network, selection), min_size=min_size)
    if as_json:
        typer.echo(json.dumps([asdict(group) for group in groups], ensure_ascii=False, indent=2))
        return
    table = Table("#", "size", "shared meetings", "members")
    for index, group in enumerate(groups, 1):
        table.add_row(
            str(index), str(len(group.members)), str(group.meetings), ", ".join(m.name for m in group.members)
        )
    print_table(table)


@analytics_app.command("path")
def path(
    source: Annotated[str, typer.Argument(help="A person's IRI or id.")],
    target: Annotated[str, typer.Argument(help="Another person's IRI or id.")],
    as_json: JsonOption = False,
) -> None:
    """The shortest chain of posts, meetings, organizations and documents linking two officials."""
    store = open_store(get_settings())
    steps = analytics.path_from_store(store, entity_iri(source, "person"), entity_iri(target, "person"))
    if steps is None:
        stderr.print("no chain of posts, meetings or documents links the two")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps([asdict(step) for step in steps], ensure_ascii=False, indent=2))
        return
    for step in steps:
        typer.echo(f"{step.caption} ({step.label})" + (f"  {step.link}" if step.link else ""))
