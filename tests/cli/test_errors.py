"""The command line reports an error of the family in one place: its message, and exit 2 or 1."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from cli.errors import ErrorReportingGroup, exit_code
from graph.neo4j.connection import Neo4jUnavailable
from graph.store.base import StoreError
from ontology.errors import InvalidInput, NotFound, QueryTimeout


def test_exit_code_2_when_what_the_command_needs_cannot_be_reached_else_1() -> None:
    assert exit_code(StoreError("cannot open the store")) == 2
    assert exit_code(Neo4jUnavailable("Neo4j is not configured")) == 2
    assert exit_code(NotFound("no such person")) == 1
    assert exit_code(QueryTimeout(2)) == 1


def test_a_command_that_raises_is_reported_with_the_errors_detail() -> None:
    app = typer.Typer(cls=ErrorReportingGroup)

    @app.callback()
    def _root() -> None:
        pass

    @app.command()
    def fail() -> None:
        raise InvalidInput("[bold]not markup[/bold] but the message")

    result = CliRunner().invoke(app, ["fail"])
    assert result.exit_code == 1
    assert "error: [bold]not markup[/bold] but the message" in result.output
