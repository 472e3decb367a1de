"""CSV files in the layout of ``neo4j-admin database import``, zipped (as a stream) or in a folder.

One ``nodes_<Label>.csv`` per main label, with ``iri:ID`` (the node's IRI,
kept as its ``iri`` property), ``:LABEL`` (every Neo4j label) and one typed
column per property (``date:date``, ``value:double``, ``reported_on:date[]``);
one ``relationships_<TYPE>.csv`` per relationship type with ``:START_ID``,
``:END_ID``, ``:TYPE`` and the typed properties. Labels and properties are
the Neo4j projection's, so an import gives the graph ``govkg neo4j sync``
builds. Arrays are delimited by ``|`` (a ``|`` inside a value becomes ``¦``);
``import-command.txt`` holds the command line that loads the files.
"""

from __future__ import annotations

import csv
import io
import shlex
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from graph.exports.columns import Column, Kind, as_list, columns, scalar_text
from graph.projection.labels import label_of

MEDIA_TYPE = "application/zip"
ARRAY_DELIMITER = "|"
COMMAND_FILE = "import-command.txt"

_TYPES = {
    Kind.TEXT: "string",
    Kind.INTEGER: "long",
    Kind.DECIMAL: "double",
    Kind.BOOLEAN: "boolean",
    Kind.DATE: "date",
}
#: Rows per chunk of CSV text.
_ROWS = 1000
# Derived or structural attributes that are not Neo4j properties.
_NODE_SKIP = ("iri", "caption", "labels")
_EDGE_SKIP = ("type",)


def _header(column: Column) -> str:
    kind = _TYPES[column.kind]
    if column.many:
        return f"{column.name}:{kind}[]"
    return column.name if column.kind is Kind.TEXT else f"{column.name}:{kind}"


def _cell(column: Column, value: Any) -> str:
    if value is None:
        return ""
    if column.many:
        return ARRAY_DELIMITER.join(scalar_text(item).replace(ARRAY_DELIMITER, "¦") for item in as_list(value))
    return scalar_text(value)


def _table(header: list[str], rows: Iterable[list[str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for count, row in enumerate(rows, 1):
        writer.writerow(row)
        if count % _ROWS == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _node_table(graph: nx.MultiDiGraph, nodes: list[str]) -> Iterator[str]:
    cols = columns((graph.nodes[n] for n in nodes), skip=_NODE_SKIP)
    header = ["iri:ID", ":LABEL", *(_header(c) for c in cols)]
    rows = (
        [
            node,
            ARRAY_DELIMITER.join(graph.nodes[node]["labels"]),
            *(_cell(c, graph.nodes[node].get(c.name)) for c in cols),
        ]
        for node in nodes
    )
    return _table(header, rows)


def _edge_table(edges: list[tuple[str, str, Mapping[str, Any]]]) -> Iterator[str]:
    cols = columns((data for *_, data in edges), skip=_EDGE_SKIP)
    header = [":START_ID", ":END_ID", ":TYPE", *(_header(c) for c in cols)]
    rows = ([start, end, data["type"], *(_cell(c, data.get(c.name)) for c in cols)] for start, end, data in edges)
    return _table(header, rows)


def csv_files(graph: nx.MultiDiGraph) -> Iterator[tuple[str, Iterator[str]]]:
    """Each file's name and its text in pieces: the node files, the relationship files, the command."""
    by_label: dict[str, list[str]] = defaultdict(list)
    for node, data in graph.nodes(data=True):
        by_label[label_of(data)].append(node)
    by_type: dict[str, list[tuple[str, str, Mapping[str, Any]]]] = defaultdict(list)
    for start, end, data in graph.edges(data=True):
        by_type[str(data["type"])].append((start, end, data))
    names = []
    for label in sorted(by_label):
        names.append(f"--nodes=nodes_{label}.csv")
        yield f"nodes_{label}.csv", _node_table(graph, by_label[label])
    for kind in sorted(by_type):
        names.append(f"--relationships=relationships_{kind}.csv")
        yield f"relationships_{kind}.csv", _edge_table(by_type[kind])
    yield COMMAND_FILE, iter([import_command(names)])


def import_command(arguments: Iterable[str]) -> str:
    """The ``neo4j-admin`` command line that imports the files (run from their folder)."""
    # The database name comes first: --nodes and --relationships take several files each.
    return shlex.join(["neo4j-admin", "database", "import", "full", *import_arguments(arguments)]) + "\n"


def import_arguments(files: Iterable[str], database: str = "neo4j") -> list[str]:
    """The arguments of ``neo4j-admin database import full`` for ``files`` (``--nodes=…`` / ``--relationships=…``)."""
    return [
        database,
        f"--array-delimiter={ARRAY_DELIMITER}",
        "--multiline-fields=true",
        "--overwrite-destination=true",
        *files,
    ]


def write_csv_folder(graph: nx.MultiDiGraph, folder: Path) -> list[Path]:
    """Write the files into ``folder`` (created if needed); return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, pieces in csv_files(graph):
        path = folder / name
        with path.open("w", encoding="utf-8", newline="") as handle:
            handle.writelines(pieces)
        written.append(path)
    return written


class _Sink(io.RawIOBase):
    """A write-only, unseekable byte stream whose written bytes are taken out in pieces."""

    def __init__(self) -> None:
        super().__init__()
        self._pieces: list[bytes] = []

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self._pieces.append(bytes(data))
        return len(data)

    def take(self) -> bytes:
        taken = b"".join(self._pieces)
        self._pieces.clear()
        return taken


def csv_zip_chunks(graph: nx.MultiDiGraph) -> Iterator[bytes]:
    """The files as one ZIP archive, yielded while it is written."""
    sink = _Sink()
    with zipfile.ZipFile(sink, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, pieces in csv_files(graph):
            with archive.open(name, "w", force_zip64=True) as member:
                for piece in pieces:
                    member.write(piece.encode("utf-8"))
                    if taken := sink.take():
                        yield taken
    yield sink.take()
