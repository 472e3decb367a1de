"""Figures about what the store holds."""

from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from graph.store.base import ArticleStore
from ontology.namespaces import ELI, FOAF, GOVKG, ORG, QB, QUARANTINE_GRAPH, SCHEMA

#: The entity types counted, by the name the figures give them.
ENTITY_TYPES = {
    "persons": FOAF.Person,
    "organizations": ORG.Organization,
    "legal_documents": ELI.LegalResource,
    "meetings": GOVKG.Meeting,
    "memberships": ORG.Membership,
    "observations": QB.Observation,
    "provinces": GOVKG.Province,
}


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Triples in the default view, accepted and quarantined articles, entities per type."""

    triples: int
    articles: int
    quarantined: int
    entities: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, int | dict[str, int]]:
        """The figures as a plain dictionary (for JSON)."""
        return {
            "triples": self.triples,
            "articles": self.articles,
            "quarantined": self.quarantined,
            "entities": dict(self.entities),
        }


def _count(store: ArticleStore, where: str) -> int:
    for row in store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}"):
        term = row["n"]
        return int(term.value) if isinstance(term, ox.Literal) else 0
    return 0


def store_stats(store: ArticleStore) -> StoreStats:
    """Count what the store holds (the default view, plus the quarantine)."""
    entities = {name: _count(store, f"?e a <{iri}>") for name, iri in ENTITY_TYPES.items()}
    return StoreStats(
        triples=_count(store, "?s ?p ?o"),
        articles=_count(store, f"?a a <{SCHEMA.NewsArticle}>"),
        quarantined=_count(store, f"GRAPH <{QUARANTINE_GRAPH}> {{ ?q a <{GOVKG.QuarantineRecord}> }}"),
        entities=entities,
    )
