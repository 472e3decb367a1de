"""``govkg export``: the graph, or the part the filters pick, as a file (or a folder) in a registered format."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated

import typer

from cli.console import stderr
from cli.options import DocumentOption, FromOption, PersonOption, Province, ToOption, graph_filter
from graph.exports.registry import ExportName, export_format, prepare_export
from services.settings import get_settings
from services.stores import open_store


def register(app: typer.Typer) -> None:
    """Add ``export`` to the ``govkg`` app."""
    app.command("export")(export)


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
    store = open_store(get_settings())
    selection = graph_filter(store, province, person, document, date_from, date_to)
    chosen = export_format(format.value)
    write_folder = chosen.write_folder
    if write_folder is not None and str(out) != "-" and out.suffix.lower() != f".{chosen.suffix}":
        written = write_folder(store, selection, out)  # a format that can be a folder, and --out names no file of it
        stderr.print(f"{len(written)} files written to {out}")
        return
    prepared = prepare_export(store, chosen.name, selection)
    size = _write(prepared.chunks, out)
    if str(out) != "-":
        stderr.print(f"{size:,} bytes of {prepared.format.description} written to {out}")


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
