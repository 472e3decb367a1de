"""Every export format by name, and :func:`prepare_export`, which turns a store and a filter into bytes.

Graph formats (GraphML, GEXF, Cytoscape.js JSON, Neo4j CSV) are written from
the networkx projection; RDF formats (Turtle, N-Triples, TriG, JSON-LD) from
the store, the whole of it without a filter, else the RDF behind the
projected subgraph. Preparing an export does the part that can fail (the
projection, finding what the filter names) at once; the bytes come lazily,
so a caller can stream them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum

import networkx as nx

from graph.exports import cytoscape, gexf, graphml, jsonld, neo4j_csv, rdf
from graph.projection.filters import WHOLE_GRAPH, GraphFilter
from graph.projection.networkx_graph import project
from graph.store.base import ArticleStore


@dataclass(frozen=True, slots=True)
class ExportFormat:
    """One format: its name, media type, file suffix, and how it is written."""

    name: str
    media_type: str
    suffix: str
    description: str
    from_graph: Callable[[nx.MultiDiGraph], Iterator[bytes]] | None = None


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat("graphml", graphml.MEDIA_TYPE, "graphml", "GraphML for yEd and Gephi", graphml.graphml_chunks),
        ExportFormat("gexf", gexf.MEDIA_TYPE, "gexf", "GEXF 1.3 with a timeline, for Gephi", gexf.gexf_chunks),
        ExportFormat("cytoscape", cytoscape.MEDIA_TYPE, "cyjs", "Cytoscape.js JSON", cytoscape.cytoscape_chunks),
        ExportFormat("csv", neo4j_csv.MEDIA_TYPE, "zip", "CSV for neo4j-admin", neo4j_csv.csv_zip_chunks),
        ExportFormat("jsonld", jsonld.MEDIA_TYPE, "jsonld", "JSON-LD with govkg's context"),
        ExportFormat("turtle", rdf.RDF_FORMATS["turtle"][1], "ttl", "Turtle (the default graph)"),
        ExportFormat("ntriples", rdf.RDF_FORMATS["ntriples"][1], "nt", "N-Triples (the default graph)"),
        ExportFormat("trig", rdf.RDF_FORMATS["trig"][1], "trig", "TriG (every article's named graph kept)"),
    )
}


#: The formats' names, as an enumeration (for command-line and HTTP parameters).
ExportName = StrEnum("ExportName", {name: name for name in FORMATS})  # type: ignore[misc]


class UnknownFormat(ValueError):
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
    """Project (when the format or the filter needs it) and return the export, its bytes still to come.

    Raises :class:`UnknownFormat`, or ``graph.projection.filters.UnknownEntity``
    when the filter names something the store does not hold.
    """
    chosen = export_format(name)
    if chosen.from_graph is not None:
        return PreparedExport(chosen, chosen.from_graph(project(store, selection)))
    subjects = None if selection == WHOLE_GRAPH else rdf.subgraph_subjects(store, project(store, selection))
    if name == "jsonld":
        return PreparedExport(chosen, jsonld.jsonld_chunks(rdf.default_triples(store, subjects)))
    return PreparedExport(chosen, rdf.rdf_chunks(store, name, subjects))
