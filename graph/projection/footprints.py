"""What each article contributes to the projection: a digest of its named graph and the nodes it types.

The Neo4j sync keeps these in its ledger to find the articles that are new,
changed (their graph's digest differs, so identity decisions count) or gone,
and the nodes each one touches; the reference graph's stamp and nodes tell it
when the gazetteers changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rdflib import URIRef

from graph.projection.spec import CLASSES, NODES
from graph.projection.view import value_of
from graph.store.base import ArticleStore, Triple
from ontology.identity import article_of_graph
from ontology.namespaces import GOVKG, RDF, REFERENCE_GRAPH

_RDF_TYPE = f"<{RDF.type}>"


@dataclass(frozen=True, slots=True)
class ArticleFootprint:
    """One accepted article as the sync sees it: a digest of its graph and the nodes it touches."""

    article: str
    digest: str
    nodes: tuple[str, ...]


def footprint(article: str, triples: Iterable[Triple]) -> ArticleFootprint:
    """Digest an article's named graph and list the projected nodes it types (its own node included)."""
    lines = sorted(f"{s} {p} {o}" for s, p, o in triples)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    nodes = set()
    for line in lines:
        subject, predicate, obj = line.split(" ", 2)
        if predicate == _RDF_TYPE and obj.startswith("<") and obj[1:-1] in CLASSES and subject.startswith("<"):
            nodes.add(subject[1:-1])
    return ArticleFootprint(article, digest, tuple(sorted(nodes)))


def article_footprints(store: ArticleStore, graphs: Iterable[URIRef] | None = None) -> Iterator[ArticleFootprint]:
    """The footprint of every accepted article in the store (or of those whose named graphs are given)."""
    for graph in store.article_graphs() if graphs is None else graphs:
        article = article_of_graph(str(graph))
        if article is not None:
            yield footprint(article, store.article_triples(URIRef(article)))


def reference_stamp(store: ArticleStore) -> str:
    """The version stamped on the store's reference graph (``graph.store.reference``), empty when it has none."""
    sparql = (
        f"SELECT ?version WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> <{GOVKG.version}> ?version }} }}"
    )
    versions = sorted(v for solution in store.select(sparql) if (v := value_of(solution, "version")) is not None)
    return ";".join(versions)


def reference_nodes(store: ArticleStore) -> set[str]:
    """The IRIs the reference graph types with a projected class (provinces, national documents)."""
    classes = " ".join(f"<{spec.rdf_class}>" for spec in NODES)
    sparql = (
        f"SELECT DISTINCT ?node WHERE {{ VALUES ?class {{ {classes} }} "
        f"GRAPH <{REFERENCE_GRAPH}> {{ ?node a ?class }} }}"
    )
    return {node for solution in store.select(sparql) if (node := value_of(solution, "node")) is not None}
