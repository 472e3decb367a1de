"""Turtle, N-Triples and TriG straight from the store, through pyoxigraph's serializers, as a stream.

The whole graph is the store's default (merged) graph for Turtle and
N-Triples; TriG adds every named graph (one per article, and the reference
graph) but the quarantine. A subgraph is the RDF behind a projected graph:
the descriptions of its nodes, of the memberships its ``HOLDS_POST`` edges
stand for, of the evidence of its edges and of those evidences' sentences —
so projecting the exported RDF again gives the same nodes and edges.

Triples are serialized in batches; each batch after the first drops the
``@prefix`` lines the serializer repeats, so the output is one document. The
whole dataset's named graphs are serialized by the store itself, one graph
(one article) per block. Every read streams: memory does not grow with the
store.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TypeVar

import networkx as nx
import pyoxigraph as ox

from graph.store.base import ArticleStore
from ontology.identity import ARTICLE_GRAPHS
from ontology.namespaces import GOVKG, PREFIXES, REFERENCE_GRAPH

#: How each RDF format is called here, what pyoxigraph calls it, and its media type.
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str]] = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "trig": (ox.RdfFormat.TRIG, "application/trig"),
}
#: Triples (or quads) serialized per chunk.
BATCH = 20_000
#: Subjects per ``VALUES`` block.
SUBJECTS_PER_QUERY = 2_000

Statement = TypeVar("Statement", ox.Triple, ox.Quad)

# What the dataset exports hold: the articles' graphs and the reference graph, never govkg's own
# bookkeeping (quarantine, change log, stored article texts).
_PUBLISHED_GRAPHS = f'FILTER (STRSTARTS(STR(?g), "{ARTICLE_GRAPHS}") || ?g = <{REFERENCE_GRAPH}>)'


def subgraph_subjects(store: ArticleStore, graph: nx.MultiDiGraph) -> list[str]:
    """The IRIs whose descriptions make up the RDF of a projected graph (see the module docstring)."""
    subjects = set(graph.nodes)
    evidence: set[str] = set()
    for _, _, data in graph.edges(data=True):
        if data.get("type") == "HOLDS_POST" and data.get("iri"):
            subjects.add(str(data["iri"]))
        evidence.update(str(item) for item in data.get("evidence", ()) if item)
    subjects |= evidence
    ordered = sorted(evidence)
    for start in range(0, len(ordered), SUBJECTS_PER_QUERY):
        values = _values(ordered[start : start + SUBJECTS_PER_QUERY])
        rows = store.select(f"SELECT DISTINCT ?s WHERE {{ {values} ?e <{GOVKG.sentence}> ?s }}")
        subjects.update(row["s"].value for row in rows if isinstance(row["s"], ox.NamedNode))
    return sorted(subjects)


def _values(subjects: Sequence[str], variable: str = "e") -> str:
    return f"VALUES ?{variable} {{ {' '.join(str(ox.NamedNode(s)) for s in subjects)} }}"


def default_triples(store: ArticleStore, subjects: Sequence[str] | None = None) -> Iterator[ox.Triple]:
    """The default graph's triples: all of them, or those about ``subjects``.

    Read with ``SELECT``, not ``CONSTRUCT``, whose answer the store deduplicates
    in memory (the default graph holds no duplicates to remove).
    """
    for query in _restricted("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", subjects):
        for row in store.select(query):
            yield ox.Triple(row["s"], row["p"], row["o"])


def dataset_quads(store: ArticleStore, subjects: Sequence[str]) -> Iterator[ox.Quad]:
    """The quads about ``subjects`` in the default graph and the named graphs (but the quarantine's)."""
    pattern = f"{{ ?s ?p ?o }} UNION {{ GRAPH ?g {{ ?s ?p ?o }} {_PUBLISHED_GRAPHS} }}"
    default = ox.DefaultGraph()
    for query in _restricted(f"SELECT ?s ?p ?o ?g WHERE {{ {pattern} }}", subjects):
        for row in store.select(query):
            graph = row["g"]
            yield ox.Quad(row["s"], row["p"], row["o"], graph if graph is not None else default)


def _restricted(query: str, subjects: Sequence[str] | None) -> Iterator[str]:
    """``query`` as it is, or once per chunk of ``subjects`` with ``?s`` bound to the chunk."""
    if subjects is None:
        yield query
        return
    head, brace, body = query.partition("WHERE {")
    for start in range(0, len(subjects), SUBJECTS_PER_QUERY):
        yield f"{head}{brace} {_values(subjects[start : start + SUBJECTS_PER_QUERY], 's')} {body}"


def named_graph_blocks(store: ArticleStore) -> Iterator[bytes]:
    """Each named graph (but the quarantine) as a TriG block, serialized by the store one graph at a time."""
    graphs = store.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ }} {_PUBLISHED_GRAPHS} }} ORDER BY ?g")
    for row in graphs:
        graph = row["g"]
        if not isinstance(graph, ox.NamedNode):
            continue
        triples = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
        assert isinstance(triples, ox.QueryTriples)
        body = triples.serialize(format=ox.RdfFormat.TURTLE) or b""
        yield str(graph).encode("utf-8") + b" {\n" + body + b"}\n"


def serialized(statements: Iterable[Statement], rdf_format: ox.RdfFormat) -> Iterator[bytes]:
    """Serialize triples or quads in batches, as one document (prefixes declared once)."""
    iterator = iter(statements)
    first = True
    while batch := list[Statement](islice(iterator, BATCH)):
        data = ox.serialize(batch, format=rdf_format, prefixes=PREFIXES)
        assert data is not None
        yield data if first else _without_prefixes(data)
        first = False


def _without_prefixes(data: bytes) -> bytes:
    position = 0
    while data.startswith(b"@prefix ", position):
        position = data.index(b"\n", position) + 1
    return data[position:]


def rdf_chunks(store: ArticleStore, name: str, subjects: Sequence[str] | None = None) -> Iterator[bytes]:
    """The whole graph (or the descriptions of ``subjects``) as Turtle, N-Triples or TriG (``name``)."""
    rdf_format = RDF_FORMATS[name][0]
    if rdf_format is not ox.RdfFormat.TRIG:
        return serialized(default_triples(store, subjects), rdf_format)
    if subjects is not None:
        return serialized(dataset_quads(store, subjects), rdf_format)
    return _whole_dataset(store)


def _whole_dataset(store: ArticleStore) -> Iterator[bytes]:
    default = ox.DefaultGraph()
    quads = (ox.Quad(t.subject, t.predicate, t.object, default) for t in default_triples(store))
    yield from serialized(quads, ox.RdfFormat.TRIG)
    yield from named_graph_blocks(store)
