"""Cross-article identity: reviewers' decisions on top of the minted keys.

Minting already joins the mentions whose keys agree (name + province, or name +
organization); :class:`IdentityDecisions` lets a reviewer overrule that: *same*
joins two persons whose keys differ, *different* splits one article's mention
off a person it was joined to. Decisions are applied while an article is mapped
to RDF, so they survive re-ingestion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from ontology.identity import mint_person_iri


@dataclass(frozen=True, slots=True)
class PersonIdentity:
    """The IRI a mention ends up with, and the keys (or decision) that gave it."""

    iri: URIRef
    key: str


@dataclass(frozen=True, slots=True)
class IdentityDecisions:
    """Reviewers' decisions: ``same`` maps a person IRI to the one it is merged into;
    ``different`` lists (person IRI, article key) mentions kept apart from that person."""

    same: dict[str, str] = field(default_factory=dict)
    different: frozenset[tuple[str, str]] = frozenset()

    def canonical(self, iri: str) -> str:
        """Follow ``same`` decisions to the IRI a person is merged into (cycles stop where they loop)."""
        seen = {iri}
        while iri in self.same and self.same[iri] not in seen:
            iri = self.same[iri]
            seen.add(iri)
        return iri

    def resolve_person(self, name: str, disambiguator: str, article_key: str) -> PersonIdentity:
        """The identity of a person mentioned in an article, decisions applied."""
        minted = mint_person_iri(name, disambiguator)
        key = f"name={name}; by={disambiguator}"
        if (str(minted), article_key) in self.different:
            return PersonIdentity(mint_person_iri(name, article_key), f"{key}; kept apart by decision")
        canonical = self.canonical(str(minted))
        if canonical != str(minted):
            return PersonIdentity(URIRef(canonical), f"{key}; same as {canonical} by decision")
        return PersonIdentity(minted, key)


NO_DECISIONS = IdentityDecisions()
