"""Every export format, one row each: its name, media type, file suffix, what it is for, and its writer.

The command line (``govkg export``) and the HTTP API (``/export/{format}``)
read this table and nothing else: a new format is one module that writes it
and one row here. A writer takes the store and a
``graph.projection.filters.GraphFilter``; it does at once the part that can
fail (the projection, finding what the filter names) and returns the bytes
lazily, so a caller can stream them. Graph formats (GraphML, GEXF,
Cytoscape.js JSON, Neo4j CSV) are written from the networkx projection; RDF
formats (Turtle, N-Triples, TriG, JSON-LD) from the store, the whole of it
without a filter, else the RDF behind the projected subgraph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import networkx as nx

from graph.exports import cytoscape, gexf, graphml, jsonld, neo4j_csv, rdf
from graph.projection.filters import WHOLE_GRAPH, GraphFilter
from graph.projection.networkx_graph import project
from graph.store.base import ArticleStore
from ontology.errors import InvalidInput

#: Writes an export of the store (or the part a filter picks): the part that can fail now, the bytes lazily.
Writer = Callable[[ArticleStore, GraphFilter], Iterator[bytes]]
#: Writes an export as the files of a folder; returns their paths.
FolderWriter = Callable[[ArticleStore, GraphFilter, Path], list[Path]]


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One format: its name, media type and file suffix, what it is (plain, and for the API docs), its writers.

    ``write_folder``, when a format has one, writes it as a folder of files
    instead of one file (``govkg export`` uses it when ``--out`` does not end
    in the format's suffix).
    """

    name: str
    media_type: str
    suffix: str
    description: str
    documentation: str
    write: Writer
    write_folder: FolderWriter | None = None


def _projected(chunks: Callable[[nx.MultiDiGraph], Iterator[bytes]]) -> Writer:
    """A writer of a graph format: project, then write the projection."""

    def write(store: ArticleStore, selection: GraphFilter) -> Iterator[bytes]:
        return chunks(project(store, selection))

    return write


def _subjects(store: ArticleStore, selection: GraphFilter) -> list[str] | None:
    """The IRIs an RDF export describes: all (``None``) without a filter, else those behind the subgraph."""
    return None if selection == WHOLE_GRAPH else rdf.subgraph_subjects(store, project(store, selection))


def _rdf(name: str) -> Writer:
    """A writer of an RDF syntax pyoxigraph serializes (``rdf.RDF_FORMATS``)."""

    def write(store: ArticleStore, selection: GraphFilter) -> Iterator[bytes]:
        return rdf.rdf_chunks(store, name, _subjects(store, selection))

    return write


def _jsonld(store: ArticleStore, selection: GraphFilter) -> Iterator[bytes]:
    return jsonld.jsonld_chunks(rdf.default_triples(store, _subjects(store, selection)))


def _csv_folder(store: ArticleStore, selection: GraphFilter, folder: Path) -> list[Path]:
    return neo4j_csv.write_csv_folder(project(store, selection), folder)


#: The formats by name.
FORMATS: dict[str, ExportFormat] = {
    row.name: row
    for row in (
        ExportFormat(
            "graphml",
            graphml.MEDIA_TYPE,
            "graphml",
            "GraphML for yEd and Gephi",
            "GraphML for **yEd** (names and colours shown at once) and **Gephi**",
            _projected(graphml.graphml_chunks),
        ),
        ExportFormat(
            "gexf",
            gexf.MEDIA_TYPE,
            "gexf",
            "GEXF 1.3 with a timeline, for Gephi",
            "GEXF 1.3 for **Gephi**, dynamic: meetings and articles on their day, posts from first to last "
            "report, officials while they are reported (spells), for Gephi's timeline",
            _projected(gexf.gexf_chunks),
        ),
        ExportFormat(
            "cytoscape",
            cytoscape.MEDIA_TYPE,
            "cyjs",
            "Cytoscape.js JSON",
            "Cytoscape.js JSON (`elements.nodes`, `elements.edges`), also for Cytoscape desktop",
            _projected(cytoscape.cytoscape_chunks),
        ),
        ExportFormat(
            "csv",
            neo4j_csv.MEDIA_TYPE,
            "zip",
            "CSV for neo4j-admin",
            "a ZIP of CSV files for `neo4j-admin database import` (`nodes_<Label>.csv`, "
            "`relationships_<TYPE>.csv`, the command line in `import-command.txt`)",
            _projected(neo4j_csv.csv_zip_chunks),
            _csv_folder,
        ),
        ExportFormat(
            "jsonld",
            jsonld.MEDIA_TYPE,
            "jsonld",
            "JSON-LD with govkg's context",
            "the RDF (the merged default graph) as JSON-LD with govkg's context",
            _jsonld,
        ),
        ExportFormat(
            "turtle",
            rdf.RDF_FORMATS["turtle"][1],
            "ttl",
            "Turtle (the default graph)",
            "the RDF (the merged default graph) as Turtle",
            _rdf("turtle"),
        ),
        ExportFormat(
            "ntriples",
            rdf.RDF_FORMATS["ntriples"][1],
            "nt",
            "N-Triples (the default graph)",
            "the RDF (the merged default graph) as N-Triples",
            _rdf("ntriples"),
        ),
        ExportFormat(
            "trig",
            rdf.RDF_FORMATS["trig"][1],
            "trig",
            "TriG (every article's named graph kept)",
            "the RDF with every article's named graph kept, as TriG",
            _rdf("trig"),
        ),
    )
}

#: The formats' names, as an enumeration (for command-line and HTTP parameters).
ExportName = StrEnum("ExportName", {name: name for name in FORMATS})  # type: ignore[misc]


class UnknownFormat(InvalidInput):
    """An export format govkg does not write."""


@dataclass(slots=True)
class PreparedExport:
    """An export ready to be written: what it is and its bytes, to be read once."""

    format: ExportFormat
    chunks: Iterator[bytes]

    @property
    def filename(self) -> str:
        """A file name for it (``govkg.graphml``)."""
        return f"govkg.{self.format.suffix}"


def export_format(name: str) -> ExportFormat:
    """The format called ``name``; :class:`UnknownFormat` names the known ones otherwise."""
    try:
        return FORMATS[name]
    except KeyError:
        raise UnknownFormat(f"unknown export format {name!r}; use one of {', '.join(FORMATS)}") from None


def prepare_export(store: ArticleStore, name: str, selection: GraphFilter = WHOLE_GRAPH) -> PreparedExport:
    """The export of the store (or the part ``selection`` picks) in format ``name``, its bytes still to come.

    Raises :class:`UnknownFormat`, or ``graph.projection.filters.UnknownEntity``
    when the filter names something the store does not hold.
    """
    chosen = export_format(name)
    return PreparedExport(chosen, chosen.write(store, selection))


def formats_documentation() -> str:
    """The formats as a Markdown list, for the API's documentation."""
    return "\n".join(f"- `{row.name}` — {row.documentation};" for row in FORMATS.values())
