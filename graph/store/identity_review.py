"""Reviewing who is who: persons joined across articles, namesakes kept apart, and rewrites.

A person mentioned by several articles was joined because the keys agreed
(name + province or organization, recorded as ``govkg:identityKey`` in each
article's graph). A reviewer reads :func:`person_merges` and :func:`namesakes`
and overrules them; :func:`move_mentions` then rewrites the articles' graphs so
the store agrees with the decision at once (re-ingestion applies the same
decision through ``loaders.resolution``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox
from rdflib import URIRef

from graph.store.base import ArticleStore, Triple
from graph.store.changes import ChangeKind
from ontology.namespaces import FOAF, GOVKG, SCHEMA
from ontology.orthography import comparison_key


@dataclass(frozen=True, slots=True)
class PersonMerge:
    """A person node several articles contributed to, with the keys each used."""

    person: str
    name: str
    keys: tuple[str, ...]
    articles: tuple[str, ...]


def _rows(store: ArticleStore, sparql: str) -> list[dict[str, str]]:
    result = store.select(sparql)
    names = [v.value for v in result.variables]
    return [{n: row[n].value for n in names if row[n] is not None} for row in result]


def _person_articles(store: ArticleStore) -> list[dict[str, str]]:
    return _rows(
        store,
        f"SELECT ?person ?name ?key ?article WHERE {{ GRAPH ?g {{ "
        f"?person a <{FOAF.Person}> ; <{FOAF.name}> ?name . OPTIONAL {{ ?person <{GOVKG.identityKey}> ?key }} "
        f"?article a <{SCHEMA.NewsArticle}> }} }}",
    )


def person_merges(store: ArticleStore) -> list[PersonMerge]:
    """Persons that two or more articles were joined into, most-mentioned first."""
    articles: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, set[str]] = defaultdict(set)
    names: dict[str, str] = {}
    for row in _person_articles(store):
        person = row["person"]
        articles[person].add(row["article"])
        names[person] = row["name"]
        if "key" in row:
            keys[person].add(row["key"])
    merges = [
        PersonMerge(p, names[p], tuple(sorted(keys[p])), tuple(sorted(a))) for p, a in articles.items() if len(a) > 1
    ]
    return sorted(merges, key=lambda m: (-len(m.articles), m.name))


def namesakes(store: ArticleStore) -> list[tuple[str, list[str]]]:
    """Names held by more than one person node: candidates for a *same* decision (or confirmed homonyms)."""
    by_name: dict[str, set[str]] = defaultdict(set)
    shown: dict[str, str] = {}
    for row in _rows(
        store, f"SELECT DISTINCT ?person ?name WHERE {{ ?person a <{FOAF.Person}> ; <{FOAF.name}> ?name }}"
    ):
        key = comparison_key(row["name"])
        by_name[key].add(row["person"])
        shown.setdefault(key, row["name"])
    return sorted((shown[k], sorted(v)) for k, v in by_name.items() if len(v) > 1)


def articles_mentioning(store: ArticleStore, person: str) -> list[str]:
    """The articles whose graphs mention a person."""
    rows = _rows(
        store,
        f"SELECT DISTINCT ?article WHERE {{ GRAPH ?g {{ <{person}> a <{FOAF.Person}> . "
        f"?article a <{SCHEMA.NewsArticle}> }} }}",
    )
    return sorted(row["article"] for row in rows)


def move_mentions(store: ArticleStore, source: str, target: str, articles: list[str], note: str) -> int:
    """Rewrite ``source`` to ``target`` in the given articles' graphs (each atomically); returns how many changed."""
    changed = 0
    for article in articles:
        triples = store.article_triples(URIRef(article))
        if not triples:
            continue
        rewritten = [_rename(triple, f"<{source}>", f"<{target}>") for triple in triples]
        rewritten.append((f"<{target}>", f"<{GOVKG.identityKey}>", str(ox.Literal(note))))
        store.replace_article(URIRef(article), rewritten, ChangeKind.IDENTITY)
        changed += 1
    return changed


def _rename(triple: Triple, old: str, new: str) -> Triple:
    s, p, o = triple
    return (new if s == old else s, p, new if o == old else o)
