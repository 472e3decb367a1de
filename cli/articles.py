"""Articles in: ``govkg extract``, ``govkg ingest``, ``govkg validate`` and ``govkg eval``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from cli.console import progress, stderr
from graph.validation.report import quarantined_articles, revalidate_store
from services.decisions import load_decisions
from services.extract import evaluate_gold, extract_file
from services.ingest.outcomes import FileOutcome, Status
from services.ingest.pipeline import ingest
from services.ingest.prepare import article_files
from services.settings import change_log_retention, get_settings
from services.stores import open_store


def register(app: typer.Typer) -> None:
    """Add ``extract``, ``ingest``, ``validate`` and ``eval`` to the ``govkg`` app."""
    app.command()(extract)
    app.command("ingest")(ingest_command)
    app.command()(validate)
    app.command("eval")(eval_command)


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
    with progress() as bar:
        task = bar.add_task("extracting", total=len(paths))
        for path in paths:
            extracted = extract_file(path, settings.max_article_bytes)
            if extracted.record is None:
                failed += 1
                stderr.print(f"[yellow]rejected[/yellow] {extracted.source}: {extracted.reason}")
            else:
                target = out / f"{path.stem}.json"
                target.write_text(json.dumps(extracted.record, ensure_ascii=False, indent=2), encoding="utf-8")
            bar.advance(task)
    stderr.print(f"{len(paths) - failed} records written to {out}; {failed} rejected")
    if paths and failed == len(paths):
        raise typer.Exit(1)


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders.")],
    workers: Annotated[int, typer.Option("--workers", "-w", min=1, help="Processes preparing articles.")] = 1,
) -> None:
    """Ingest articles into the store: extract, validate, write (or quarantine) each one atomically."""
    settings = get_settings()
    store = open_store(settings)
    total = sum(1 for _ in article_files(paths))
    with progress() as bar:
        task = bar.add_task("ingesting", total=total)
        summary = ingest(
            store,
            paths,
            max_bytes=settings.max_article_bytes,
            batch_size=settings.validation_batch,
            workers=workers,
            decisions=load_decisions(settings.decisions_file),
            on_file=lambda _: bar.advance(task),
            change_log_retention=change_log_retention(settings),
        )
    _print_summary(summary.outcomes)
    if not summary.ingested_any:
        raise typer.Exit(1)


def _print_summary(outcomes: list[FileOutcome]) -> None:
    counts = {status: sum(1 for o in outcomes if o.status is status) for status in Status}
    stderr.print(", ".join(f"{counts[s]} {s.value}" for s in Status))
    for outcome in outcomes:
        if outcome.status in (Status.REJECTED, Status.QUARANTINED):
            stderr.print(f"  [yellow]{outcome.status.value}[/yellow] {outcome.path}: {outcome.reason}")


def validate() -> None:
    """Re-validate every article in the store and list the quarantined ones with their reasons."""
    store = open_store(get_settings())
    report = revalidate_store(store)
    stderr.print(
        f"{report.articles} articles validated: {report.conforming} conform, "
        f"{len(report.failing)} violate the shapes, {report.warnings} warnings"
    )
    for article, reasons in report.failing.items():
        stderr.print(f"  [red]violates[/red] {article}: {'; '.join(reasons[:3])}")
    quarantined = quarantined_articles(store)
    stderr.print(f"{len(quarantined)} articles in quarantine")
    for entry in quarantined:
        stderr.print(f"  [yellow]quarantined[/yellow] {entry.article}: {'; '.join(entry.reasons[:3])}")
    if report.failing:
        raise typer.Exit(1)


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
        raise typer.BadParameter(f"no gold records in {gold}", param_hint="GOLD")
    typer.echo(report.table(details=details))
