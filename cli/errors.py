"""The one place an error of govkg's family becomes a message on the terminal and an exit code.

Exit codes: 0 when the command did its work; 1 when it ran and something
failed or was refused (an unknown province, a refused query, a sync that
stopped part-way); 2 when it could not run at all because what it needs
cannot be reached (the store, Neo4j) — the same 2 Click gives a command
line it cannot read. Errors outside the family are bugs: they keep their
traceback.
"""

from __future__ import annotations

from typing import Any

import typer
from rich.markup import escape
from typer.core import TyperGroup

from cli.console import stderr
from ontology.errors import GovkgError

#: The kinds of error that mean the command could not run at all (exit code 2).
CANNOT_RUN = frozenset({"store-unavailable", "neo4j-unavailable"})


def exit_code(error: GovkgError) -> int:
    """The exit code for ``error`` (see the module docstring)."""
    return 2 if error.kind in CANNOT_RUN else 1


def report(error: GovkgError) -> typer.Exit:
    """Print ``error`` for a person and return the exit that ends the command with its code."""
    stderr.print(f"[red]error:[/red] {escape(error.detail)}")
    return typer.Exit(exit_code(error))


class ErrorReportingGroup(TyperGroup):
    """The ``govkg`` command group: any command (or subcommand) that raises a ``GovkgError`` is reported here."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]  # Typer's own Context, always
        """Run the command; turn an error of the family into its message and exit code."""
        try:
            return super().invoke(ctx)
        except GovkgError as error:
            raise report(error) from error
