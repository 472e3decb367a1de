"""The terminal the commands write to: answers on standard output, messages and progress on standard error."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn
from rich.table import Table

#: Answers (tables, JSON, RDF) go to standard output.
stdout = Console()
#: Messages, warnings and progress bars go to standard error.
stderr = Console(stderr=True)


def progress(*, elapsed: bool = False, transient: bool = True) -> Progress:
    """A progress bar on standard error: description, bar, done/total, time left (and time spent, if asked)."""
    columns = [TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn()]
    if elapsed:
        columns.append(TimeElapsedColumn())
    columns.append(TimeRemainingColumn())
    return Progress(*columns, console=stderr, transient=transient)


def print_table(table: Table) -> None:
    """Print a table of answers on standard output."""
    stdout.print(table)
