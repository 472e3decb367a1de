"""The reviewers' identity decisions file (YAML): read it, add to it, apply it to the store.

The file survives re-ingestion: ingestion maps every article through it
(``loaders.resolution.IdentityDecisions``), and a new decision is also applied
to the store at once by rewriting the graphs of the articles it touches.

    same:                # the second person is merged into the first
      - [https://w3id.org/govkg/id/person/a-…, https://w3id.org/govkg/id/person/b-…]
    different:           # this article's mention is not that person
      - {person: https://w3id.org/govkg/id/person/a-…, article: dev-028.txt}
"""

from __future__ import annotations

from pathlib import Path

import yaml
from rdflib import URIRef

from graph.store.base import ArticleStore
from graph.store.identity_review import articles_mentioning, move_mentions
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from ontology.identity import mint_person_iri
from ontology.namespaces import FOAF, GOVKG


class DecisionError(ValueError):
    """A decision that cannot be recorded (unknown person, article not mentioning them, bad file)."""


def load_decisions(path: Path) -> IdentityDecisions:
    """Read the decisions file; no file means no decisions."""
    if not path.exists():
        return NO_DECISIONS
    try:
        data = yaml.safe_load(path.read_text("utf-8")) or {}
        same = {str(alias): str(canonical) for canonical, alias in data.get("same", [])}
        different = frozenset((str(d["person"]), str(d["article"])) for d in data.get("different", []))
    except (yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
        raise DecisionError(f"{path}: not a decisions file ({exc})") from exc
    return IdentityDecisions(same=same, different=different)


def _save(path: Path, decisions: IdentityDecisions) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "same": [[canonical, alias] for alias, canonical in sorted(decisions.same.items())],
        "different": [{"person": p, "article": a} for p, a in sorted(decisions.different)],
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _article_key(store: ArticleStore, article: str) -> str:
    rows = list(store.select(f"SELECT ?k WHERE {{ <{article}> <{GOVKG.identityKey}> ?k }}"))
    if not rows:
        raise DecisionError(f"{article} is not an article in the store")
    return str(rows[0]["k"].value)


def _name(store: ArticleStore, person: str) -> str:
    rows = list(store.select(f"SELECT ?n WHERE {{ <{person}> <{FOAF.name}> ?n }}"))
    if not rows:
        raise DecisionError(f"{person} is not a person in the store")
    return str(rows[0]["n"].value)


def decide_same(store: ArticleStore, path: Path, kept: str, merged: str) -> int:
    """Record that ``merged`` is the same person as ``kept``; rewrite the store. Returns articles rewritten."""
    for person in (kept, merged):
        _name(store, person)  # both must be persons in the store
    decisions = load_decisions(path)
    if decisions.canonical(kept) == merged:
        raise DecisionError(f"{kept} is already merged into {merged}; decide the other way round")
    _save(path, IdentityDecisions({**decisions.same, merged: kept}, decisions.different))
    note = f"same as {kept} by decision"
    return move_mentions(store, merged, kept, articles_mentioning(store, merged), note)


def decide_different(store: ArticleStore, path: Path, person: str, article: str) -> str:
    """Record that ``article``'s mention is not ``person``; rewrite that article. Returns the mention's new IRI."""
    name = _name(store, person)
    if article not in articles_mentioning(store, person):
        raise DecisionError(f"{article} does not mention {person}")
    key = _article_key(store, article)
    decisions = load_decisions(path)
    _save(path, IdentityDecisions(decisions.same, decisions.different | {(person, key)}))
    separate = str(mint_person_iri(name, key))
    move_mentions(store, person, separate, [article], "kept apart by decision")
    return str(URIRef(separate))
