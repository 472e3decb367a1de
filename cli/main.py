"""The ``govkg`` app: every command group registered on one Typer app, whose errors are reported in one place."""

from __future__ import annotations

import logging
import sys
from typing import Annotated

import typer

from cli import analytics, articles, export, neo4j, queries, resolve, serve
from cli.errors import ErrorReportingGroup
from services.settings import get_settings

app = typer.Typer(
    cls=ErrorReportingGroup,
    help="govkg: a knowledge graph of Vietnamese government news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
for group in (articles, queries, resolve, export, analytics, neo4j, serve):
    group.register(app)


@app.callback()
def _configure(verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log debug messages.")] = False) -> None:
    level = logging.DEBUG if verbose else getattr(logging, get_settings().log_level.upper(), logging.INFO)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)


def main() -> None:
    """Entry point of the ``govkg`` console script (and ``python -m cli``)."""
    app()
