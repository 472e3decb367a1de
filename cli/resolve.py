"""Who is who: ``govkg resolve`` lists persons joined across articles and records reviewers' decisions."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table

from cli.console import print_table, stderr
from graph.projection.filters import entity_iri
from graph.store.base import ArticleStore
from graph.store.identity_review import namesakes, person_merges
from services.decisions import decide_different, decide_same
from services.settings import get_settings
from services.stores import open_store


def register(app: typer.Typer) -> None:
    """Add ``resolve`` to the ``govkg`` app."""
    app.command()(resolve)


def resolve(
    action: Annotated[str | None, typer.Argument(help="'same' or 'different'.")] = None,
    first: Annotated[str | None, typer.Argument(help="A person (IRI or id).")] = None,
    second: Annotated[
        str | None, typer.Argument(help="same: the person merged into the first; different: an article.")
    ] = None,
    show: Annotated[bool, typer.Option("--list", help="List joined persons and namesakes.")] = False,
) -> None:
    """Review cross-article identity: list who was joined and why, or decide same / different.

    `govkg resolve same A B` merges person B into person A; `govkg resolve different A ARTICLE`
    splits that article's mention off person A. Decisions go to GOVKG_DECISIONS_FILE and are
    applied again on every later ingest.
    """
    settings = get_settings()
    store = open_store(settings)
    if show or action is None:
        _print_identity_review(store)
        return
    if action not in ("same", "different") or not first or not second:
        raise typer.BadParameter("use: resolve --list | resolve same PERSON PERSON | resolve different PERSON ARTICLE")
    if action == "same":
        changed = decide_same(store, settings.decisions_file, entity_iri(first, "person"), entity_iri(second, "person"))
        stderr.print(f"merged; {changed} article graphs rewritten; decision saved to {settings.decisions_file}")
    else:
        separate = decide_different(
            store, settings.decisions_file, entity_iri(first, "person"), entity_iri(second, "article")
        )
        stderr.print(f"kept apart as {separate}; decision saved to {settings.decisions_file}")


def _print_identity_review(store: ArticleStore) -> None:
    table = Table("person", "name", "articles", "keys that agreed")
    for merge in person_merges(store):
        table.add_row(merge.person.rsplit("/", 1)[-1], merge.name, str(len(merge.articles)), "\n".join(merge.keys))
    print_table(table)
    homonyms = Table("name", "persons kept apart")
    for name, persons in namesakes(store):
        homonyms.add_row(name, "\n".join(p.rsplit("/", 1)[-1] for p in persons))
    print_table(homonyms)
