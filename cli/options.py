"""Options several commands take, declared once, and the graph filter they add up to."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import typer

from graph.analytics import Network
from graph.projection.filters import GraphFilter, resolve_filter
from graph.store.base import ArticleStore

Province = Annotated[str | None, typer.Option(help="A unit code (VN-09, VN-07-2025), name or IRI.")]
PersonOption = Annotated[str | None, typer.Option("--person", help="A person's IRI or id: their 2-step neighbourhood.")]
DocumentOption = Annotated[str | None, typer.Option("--document", help="A notation (64/2007/NĐ-CP) or IRI.")]
FromOption = Annotated[datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="First day (YYYY-MM-DD).")]
ToOption = Annotated[datetime | None, typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (YYYY-MM-DD).")]
NetworkOption = Annotated[Network, typer.Option("--network", help="co-chair or co-attendance.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def graph_filter(
    store: ArticleStore,
    province: str | None,
    person: str | None,
    document: str | None,
    date_from: datetime | None,
    date_to: datetime | None,
) -> GraphFilter:
    """The part of the graph the options pick (``UnknownEntity`` or ``InvalidInput`` when they cannot)."""
    return resolve_filter(
        store,
        province=province,
        person=person,
        document=document,
        date_from=date_from.date() if date_from else None,
        date_to=date_to.date() if date_to else None,
    )
