"""The ``govkg`` command line: extract, ingest, validate, query and serve."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from api.cli_export import register as register_export_commands
from api.cli_neo4j import register as register_neo4j_commands
from graph.store.base import ArticleStore, StoreError
from graph.store.identity_review import namesakes, person_merges
from graph.store.stats import StoreStats, store_stats
from graph.validation.report import quarantined_articles, revalidate_store
from ontology.namespaces import ID
from services.decisions import DecisionError, decide_different, decide_same, load_decisions
from services.extract import evaluate_gold, extract_file
from services.ingest.outcomes import FileOutcome, Status
from services.ingest.pipeline import ingest
from services.ingest.prepare import article_files
from services.settings import Settings, get_settings
from services.stores import open_store as open_configured_store

app = typer.Typer(
    help="govkg: a knowledge graph of Vietnamese government news.", no_args_is_help=True, pretty_exceptions_enable=False
)
register_neo4j_commands(app)
register_export_commands(app)
console = Console(stderr=True)
log = logging.getLogger("govkg")

_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}


@app.callback()
def _configure(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug messages.")] = False) -> None:
    level = logging.DEBUG if verbose else getattr(logging, get_settings().log_level.upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def open_store(settings: Settings) -> ArticleStore:
    """Open the configured store, with the reference graph loaded; exit with the reason if it cannot be."""
    try:
        return open_configured_store(settings)
    except (StoreError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=True,
    )


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Article files or folders.", exists=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the records (one DIR/<stem>.json each).")],
    format: Annotated[str, typer.Option("--format", "-f", help="Record format (json).")] = "json",
) -> None:
    """Extract each article into the JSON record of ../shared/eval/SCHEMA.md, without touching the store."""
    if format != "json":
        raise typer.BadParameter("only --format json is supported", param_hint="--format")
    out.mkdir(parents=True, exist_ok=True)
    settings = get_settings()
    paths = list(article_files(files))
    failed = 0
    with _progress() as progress:
        task = progress.add_task("extracting", total=len(paths))
        for path in paths:
            extracted = extract_file(path, settings.max_article_bytes)
            if extracted.record is None:
                failed += 1
                console.print(f"[yellow]rejected[/yellow] {extracted.source}: {extracted.reason}")
            else:
                target = out / f"{path.stem}.json"
                target.write_text(json.dumps(extracted.record, ensure_ascii=False, indent=2), encoding="utf-8")
            progress.advance(task)
    console.print(f"{len(paths) - failed} records written to {out}; {failed} rejected")
    if paths and failed == len(paths):
        raise typer.Exit(1)


@app.command("eval")
def eval_command(
    gold: Annotated[Path, typer.Argument(help="Folder of gold records (SCHEMA.md JSON, one per article).")],
    details: Annotated[bool, typer.Option("--details", help="List each article's missed and extra items.")] = False,
    articles: Annotated[
        Path | None, typer.Option("--articles", help="Folder of the articles (default: beside the gold records).")
    ] = None,
) -> None:
    """Extract the articles of a gold set and score them as ../shared/eval/score.py does."""
    if not gold.is_dir():
        raise typer.BadParameter(f"{gold} is not a folder", param_hint="GOLD")
    report = evaluate_gold(gold, articles)
    if not report.articles:
        console.print(f"[red]error:[/red] no gold records in {gold}")
        raise typer.Exit(2)
    typer.echo(report.table(details=details))


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes preparing articles.")] = 1,
) -> None:
    """Ingest articles into the store: extract, validate, write (or quarantine) each one atomically."""
    settings = get_settings()
    store = open_store(settings)
    total = sum(1 for _ in article_files(paths))
    with _progress() as progress:
        task = progress.add_task("ingesting", total=total)
        summary = ingest(
            store,
            paths,
            max_bytes=settings.max_article_bytes,
            batch_size=settings.validation_batch,
            workers=workers,
            decisions=load_decisions(settings.decisions_file),
            on_file=lambda _: progress.advance(task),
        )
    _print_summary(summary.outcomes)
    if not summary.ingested_any:
        raise typer.Exit(1)


def _print_summary(outcomes: list[FileOutcome]) -> None:
    counts = {status: sum(1 for o in outcomes if o.status is status) for status in Status}
    console.print(", ".join(f"{counts[s]} {s.value}" for s in Status))
    for outcome in outcomes:
        if outcome.status in (Status.REJECTED, Status.QUARANTINED):
            console.print(f"  [yellow]{outcome.status.value}[/yellow] {outcome.path}: {outcome.reason}")


@app.command()
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
    try:
        if action == "same":
            changed = decide_same(store, settings.decisions_file, _iri("person", first), _iri("person", second))
            console.print(f"merged; {changed} article graphs rewritten; decision saved to {settings.decisions_file}")
        else:
            separate = decide_different(store, settings.decisions_file, _iri("person", first), _iri("article", second))
            console.print(f"kept apart as {separate}; decision saved to {settings.decisions_file}")
    except DecisionError as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(1) from exc


def _iri(kind: str, reference: str) -> str:
    return reference if reference.startswith("http") else str(ID[f"{kind}/{reference}"])


def _print_identity_review(store: ArticleStore) -> None:
    table = Table("person", "name", "articles", "keys that agreed")
    for merge in person_merges(store):
        table.add_row(merge.person.rsplit("/", 1)[-1], merge.name, str(len(merge.articles)), "\n".join(merge.keys))
    Console().print(table)
    homonyms = Table("name", "persons kept apart")
    for name, persons in namesakes(store):
        homonyms.add_row(name, "\n".join(p.rsplit("/", 1)[-1] for p in persons))
    Console().print(homonyms)


@app.command()
def validate() -> None:
    """Re-validate every article in the store and list the quarantined ones with their reasons."""
    store = open_store(get_settings())
    report = revalidate_store(store)
    console.print(
        f"{report.articles} articles validated: {report.conforming} conform, "
        f"{len(report.failing)} violate the shapes, {report.warnings} warnings"
    )
    for article, reasons in report.failing.items():
        console.print(f"  [red]violates[/red] {article}: {'; '.join(reasons[:3])}")
    quarantined = quarantined_articles(store)
    console.print(f"{len(quarantined)} articles in quarantine")
    for entry in quarantined:
        console.print(f"  [yellow]quarantined[/yellow] {entry.article}: {'; '.join(entry.reasons[:3])}")
    if report.failing:
        raise typer.Exit(1)


@app.command()
def stats(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Count triples, articles, entities per type and quarantined articles."""
    figures: StoreStats = store_stats(open_store(get_settings()))
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
    Console().print(table)


@app.command()
def sparql(
    query: Annotated[str, typer.Argument(help="A SPARQL query, or the path of a file holding one.")],
    format: Annotated[str, typer.Option("--format", "-f", help="table, json, csv, tsv or xml.")] = "table",
) -> None:
    """Run a read-only SPARQL query against the store."""
    text = _query_text(query)
    store = open_store(get_settings())
    try:
        result = store.query(text)
    except (SyntaxError, OSError) as exc:
        console.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    if isinstance(result, ox.QueryBoolean):
        typer.echo("true" if bool(result) else "false")
    elif isinstance(result, ox.QueryTriples):
        sys.stdout.write((result.serialize(format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8"))
    elif format == "table":
        _print_table(result)
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
        console.print(f"[red]error:[/red] {argument!r} is neither a SPARQL query nor a readable file ({exc.strerror})")
        raise typer.Exit(2) from exc


def _print_table(result: ox.QuerySolutions) -> None:
    names = [v.value for v in result.variables]
    table = Table(*names)
    for row in result:
        table.add_row(*(_cell(row[name]) for name in names))
    Console().print(table)


def _cell(term: object) -> str:
    if term is None:
        return ""
    return str(getattr(term, "value", term))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to listen on (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on (default 8000).")] = None,
) -> None:
    """Serve the HTTP API (and the explorer page) with uvicorn."""
    import uvicorn

    from api.app import create_app

    settings = get_settings()
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_level=settings.log_level.lower(),
    )


def main() -> None:
    """Entry point of the ``govkg`` console script."""
    app()


if __name__ == "__main__":
    main()
