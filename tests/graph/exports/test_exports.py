"""Exports read back by their own readers give the projection's nodes and edges again."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import date
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib

from graph.exports.gexf import merge_spans
from graph.exports.neo4j_csv import write_csv_folder
from graph.exports.rdf import RDF_FORMATS
from graph.exports.registry import FORMATS, UnknownFormat, prepare_export
from graph.projection.filters import WHOLE_GRAPH, GraphFilter
from graph.projection.networkx_graph import project
from graph.store.base import ArticleStore, QueryResult
from graph.store.embedded import OxigraphStore
from loaders.record import Extraction
from ontology.identity import mint_article_iri
from ontology.namespaces import ID
from tests.factories.extractions import reported_again
from tests.factories.stores import write_extraction

RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "trig": "trig", "jsonld": "json-ld"}


class _LoadedStore(ArticleStore):
    """A fresh in-memory Oxigraph store holding what an export was read back into (read-only use)."""

    def __init__(self, nquads: bytes) -> None:
        self._store = ox.Store()
        self._store.load(nquads, format=ox.RdfFormat.N_QUADS)

    def query(self, sparql: str) -> QueryResult:
        return self._store.query(sparql)

    def _update(self, update: str) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        pass


def _later_report(extraction: Extraction) -> Extraction:
    """The same facts reported again by another article, ten months later."""
    return reported_again(extraction, "invented-002.txt", date(2016, 1, 10))


@pytest.fixture
def reported(store: OxigraphStore, invented_extraction: Extraction) -> OxigraphStore:
    """The invented article and a later article reporting the same facts."""
    for extraction in (invented_extraction, _later_report(invented_extraction)):
        write_extraction(store, extraction)
    return store


def _thai(store: OxigraphStore) -> str:
    graph = project(store)
    return next(str(n) for n, d in graph.nodes(data=True) if d.get("name") == "Hoàng Văn Thái")


def _filters(store: OxigraphStore) -> dict[str, GraphFilter]:
    return {
        "whole": WHOLE_GRAPH,
        "person": GraphFilter(person=_thai(store)),
        "dates": GraphFilter(date_from=date(2015, 1, 1), date_to=date(2015, 12, 31)),
    }


def _bytes(store: ArticleStore, name: str, selection: GraphFilter) -> bytes:
    return b"".join(prepare_export(store, name, selection).chunks)


def _counts(graph: nx.MultiDiGraph) -> tuple[int, int]:
    return graph.number_of_nodes(), graph.number_of_edges()


@pytest.mark.parametrize("which", ["whole", "person", "dates"])
@pytest.mark.parametrize("name", ["graphml", "gexf"])
def test_graph_formats_read_back_with_networkx(reported: OxigraphStore, name: str, which: str) -> None:
    selection = _filters(reported)[which]
    reader = nx.read_graphml if name == "graphml" else nx.read_gexf
    back = reader(io.BytesIO(_bytes(reported, name, selection)))
    assert _counts(back) == _counts(project(reported, selection))


@pytest.mark.parametrize("which", ["whole", "person", "dates"])
def test_cytoscape_json_reads_back(reported: OxigraphStore, which: str) -> None:
    selection = _filters(reported)[which]
    elements = json.loads(_bytes(reported, "cytoscape", selection))["elements"]
    assert (len(elements["nodes"]), len(elements["edges"])) == _counts(project(reported, selection))


def _csv_rows(files: dict[str, str]) -> tuple[int, int]:
    nodes = sum(
        len(list(csv.DictReader(io.StringIO(text)))) for name, text in files.items() if name.startswith("nodes_")
    )
    edges = sum(
        len(list(csv.DictReader(io.StringIO(text))))
        for name, text in files.items()
        if name.startswith("relationships_")
    )
    return nodes, edges


@pytest.mark.parametrize("which", ["whole", "person", "dates"])
def test_neo4j_csv_zip_reads_back(reported: OxigraphStore, which: str) -> None:
    selection = _filters(reported)[which]
    with zipfile.ZipFile(io.BytesIO(_bytes(reported, "csv", selection))) as archive:
        files = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    assert _csv_rows(files) == _counts(project(reported, selection))


def test_neo4j_csv_folder_has_the_import_layout(reported: OxigraphStore, tmp_path: Path) -> None:
    graph = project(reported)
    written = write_csv_folder(graph, tmp_path / "neo4j")
    files = {path.name: path.read_text("utf-8") for path in written}
    assert _csv_rows(files) == _counts(graph)
    meetings = next(csv.reader(io.StringIO(files["nodes_Meeting.csv"])))
    assert meetings[:2] == ["iri:ID", ":LABEL"]
    assert "date:date" in meetings
    assert "reported_on:date[]" in meetings
    posts = list(csv.DictReader(io.StringIO(files["relationships_HOLDS_POST.csv"])))
    assert {row[":TYPE"] for row in posts} == {"HOLDS_POST"}
    assert {row["reported_on:date[]"] for row in posts} == {"2015-03-15|2016-01-10"}
    documents = list(csv.DictReader(io.StringIO(files["nodes_LegalDocument.csv"])))
    decree = next(row for row in documents if row["notation"] == "64/2007/NĐ-CP")
    assert decree[":LABEL"] == "LegalDocument|Decree"
    assert "--nodes=nodes_Person.csv" in files["import-command.txt"]


def _reloaded(data: bytes, name: str) -> _LoadedStore:
    """Parse an RDF export with rdflib; put a triples export in one named graph too, as the store keeps statements."""
    if name == "trig":
        dataset = rdflib.Dataset()
        dataset.parse(data=data, format="trig")
        return _LoadedStore(dataset.serialize(format="nquads", encoding="utf-8"))
    graph = rdflib.Graph()
    graph.parse(data=data, format=RDFLIB_FORMATS[name])
    holder = f"<{ID['graph/article/export']}>"
    lines = [f"{s.n3()} {p.n3()} {o.n3()} {g} .\n" for s, p, o in graph for g in ("", holder)]
    return _LoadedStore("".join(lines).encode("utf-8"))


@pytest.mark.parametrize("which", ["whole", "person", "dates"])
@pytest.mark.parametrize("name", ["turtle", "ntriples", "trig", "jsonld"])
def test_rdf_formats_read_back_with_rdflib_project_the_same(reported: OxigraphStore, name: str, which: str) -> None:
    selection = _filters(reported)[which]
    back = _reloaded(_bytes(reported, name, selection), name)
    assert _counts(project(back)) == _counts(project(reported, selection))


def test_turtle_of_the_whole_graph_is_the_default_graph(reported: OxigraphStore) -> None:
    graph = rdflib.Graph()
    graph.parse(data=_bytes(reported, "turtle", WHOLE_GRAPH), format="turtle")
    rows = list(reported.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))  # type: ignore[arg-type]
    assert len(graph) == int(rows[0]["n"].value)


def test_trig_keeps_every_articles_named_graph(reported: OxigraphStore) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(data=_bytes(reported, "trig", WHOLE_GRAPH), format="trig")
    for article in ("invented-001.txt", "invented-002.txt"):
        graph_iri = str(mint_article_iri(article)).replace("/id/article/", "/id/graph/article/")
        assert len(dataset.graph(rdflib.URIRef(graph_iri))) == len(reported.article_triples(mint_article_iri(article)))


def test_jsonld_compacts_with_its_context(reported: OxigraphStore) -> None:
    document = json.loads(_bytes(reported, "jsonld", GraphFilter(person=_thai(reported))))
    assert document["@context"]["foaf"] == "http://xmlns.com/foaf/0.1/"
    thai = next(node for node in document["@graph"] if "foaf:name" in node and node["foaf:name"] == ["Hoàng Văn Thái"])
    assert thai["@type"] == ["foaf:Person"]
    assert thai["@id"].startswith("id:person/")


def test_gexf_puts_dates_on_the_timeline(reported: OxigraphStore) -> None:
    back = nx.read_gexf(io.BytesIO(_bytes(reported, "gexf", WHOLE_GRAPH)))
    meeting = next(d for _, d in back.nodes(data=True) if d.get("category") == "Meeting")
    assert (meeting["start"], meeting["end"]) == ("2015-03-14", "2015-03-14")
    thai = next(d for _, d in back.nodes(data=True) if d.get("name") == "Hoàng Văn Thái")
    assert thai["spells"] == [("2015-03-14", "2016-01-10")]  # the meeting, then the post until its last report
    post = next(d for *_, d in back.edges(data=True) if d.get("type") == "HOLDS_POST")
    assert (post["start"], post["end"]) == ("2015-03-15", "2016-01-10")


def test_graphml_keeps_vietnamese_labels_and_typed_keys(reported: OxigraphStore) -> None:
    data = _bytes(reported, "graphml", WHOLE_GRAPH)
    back = nx.read_graphml(io.BytesIO(data))
    labels = {d["label"] for _, d in back.nodes(data=True)}
    assert {"Hoàng Văn Thái", "Nghị định 64/2007/NĐ-CP", "Lạng Sơn"} <= labels
    assert "<y:NodeLabel>Hoàng Văn Thái</y:NodeLabel>".encode() in data  # yEd shows the name at once


def test_every_format_is_listed_and_an_unknown_one_is_refused(reported: OxigraphStore) -> None:
    assert set(FORMATS) == {"graphml", "gexf", "cytoscape", "jsonld", "turtle", "ntriples", "trig", "csv"}
    assert set(RDF_FORMATS) <= set(FORMATS)
    with pytest.raises(UnknownFormat):
        prepare_export(reported, "dot")


def test_spells_merge_where_they_touch_and_stay_apart_across_a_gap() -> None:
    day = date(2020, 5, 1)
    spans = [(day, day), (date(2020, 5, 2), date(2020, 5, 3)), (date(2020, 6, 1), None), (None, None)]
    assert merge_spans(spans) == [(day, date(2020, 5, 3)), (date(2020, 6, 1), date(2020, 6, 1))]
