"""Validation of the whole store, one article graph at a time, and the quarantine's contents."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, URIRef

from graph.store.base import ArticleStore
from graph.validation.shapes import validate_article_graphs
from ontology.namespaces import GOVKG, QUARANTINE_GRAPH


@dataclass(slots=True)
class StoreValidation:
    """The result of re-validating every accepted article."""

    articles: int = 0
    conforming: int = 0
    warnings: int = 0
    failing: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class QuarantineEntry:
    """An article held in quarantine and why."""

    article: str
    reasons: tuple[str, ...]
    report_turtle: str


def _graph_of(store: ArticleStore, article: URIRef) -> Graph:
    graph = Graph()
    graph.parse(data="\n".join(f"{s} {p} {o} ." for s, p, o in store.article_triples(article)), format="nt")
    return graph


def revalidate_store(store: ArticleStore, batch_size: int = 16) -> StoreValidation:
    """Validate each accepted article's graph again (e.g. after the shapes changed)."""
    report = StoreValidation()
    graphs = list(store.article_graphs())
    for start in range(0, len(graphs), batch_size):
        batch = graphs[start : start + batch_size]
        articles = [URIRef(str(g).replace("/id/graph/article/", "/id/article/", 1)) for g in batch]
        outcomes = validate_article_graphs([_graph_of(store, a) for a in articles])
        for article, outcome in zip(articles, outcomes, strict=True):
            report.articles += 1
            report.warnings += len(outcome.warnings)
            if outcome.conforms:
                report.conforming += 1
            else:
                report.failing[str(article)] = outcome.violations
    return report


def quarantined_articles(store: ArticleStore) -> list[QuarantineEntry]:
    """Every quarantined article with its reasons and SHACL report."""
    rows = store.select(
        f"SELECT ?article (GROUP_CONCAT(?reason; SEPARATOR='\\u001f') AS ?reasons) (SAMPLE(?report) AS ?r) "
        f"WHERE {{ GRAPH <{QUARANTINE_GRAPH}> {{ ?q <{GOVKG.article}> ?article ; <{GOVKG.report}> ?report . "
        f"OPTIONAL {{ ?q <{GOVKG.reason}> ?reason }} }} }} GROUP BY ?article ORDER BY ?article"
    )
    entries = []
    for row in rows:
        article, reasons, report = row["article"], row["reasons"], row["r"]
        entries.append(
            QuarantineEntry(
                article=article.value if article is not None else "",
                reasons=tuple(reasons.value.split("\u001f")) if reasons is not None and reasons.value else (),
                report_turtle=report.value if report is not None else "",
            )
        )
    return entries
