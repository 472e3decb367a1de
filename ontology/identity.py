"""Deterministic IRIs: the same key gives the same IRI on every run and machine.

Each ``mint_*`` function takes the normalised key of one kind of entity, as laid
down in ``docs/architecture.md`` (identity), and returns its IRI under
``https://w3id.org/govkg/id/``. An IRI is a readable slug plus a short digest of
the full key, so two keys that fold to the same ASCII slug ("Hùng" / "Hưng")
still get two IRIs.
"""

from __future__ import annotations

import hashlib
from datetime import date

from rdflib import URIRef

from ontology.namespaces import ID
from ontology.orthography import comparison_key, slug


def key_digest(*parts: str | None) -> str:
    """Return a 10-hex-digit digest of the parts' comparison keys (``None`` counts as empty)."""
    joined = "\x1f".join(comparison_key(part) if part else "" for part in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:10]


def _mint(kind: str, label: str, *key: str | None) -> URIRef:
    return ID[f"{kind}/{slug(label)}-{key_digest(label, *key)}"]


def mint_province_iri(unit_code: str) -> URIRef:
    """IRI of a province-level unit by its code (``VN-23``; ``VN-44-2025`` for a 2025 unit)."""
    return ID[f"province/{unit_code}"]


def mint_article_iri(article_key: str) -> URIRef:
    """IRI of an article by its key (its source URL, or its file name when there is none)."""
    return _mint("article", article_key.rsplit("/", 1)[-1] or article_key, article_key)


#: The IRIs of articles' named graphs start with this.
ARTICLE_GRAPHS = str(ID["graph/article/"])
_ARTICLES = str(ID["article/"])


def article_graph_iri(article_iri: URIRef) -> URIRef:
    """The named graph holding everything one article asserts."""
    return URIRef(str(article_iri).replace("/id/article/", "/id/graph/article/", 1))


def article_of_graph(graph: str) -> str | None:
    """The article whose named graph ``graph`` is (``None`` for the reference graph and others)."""
    if graph.startswith(ARTICLE_GRAPHS):
        return _ARTICLES + graph[len(ARTICLE_GRAPHS) :]
    return None


def mint_person_iri(name: str, disambiguator: str) -> URIRef:
    """IRI of a person: normalised name plus what tells namesakes apart.

    ``disambiguator`` is the province code, or the organization key when no
    province is known, or the article key as a last resort: two officials named
    alike in different provinces stay two people until a decision joins them.
    """
    return _mint("person", name, disambiguator)


def mint_organization_iri(full_name: str, province_code: str | None) -> URIRef:
    """IRI of an organization by its full name and province (``None`` for national bodies)."""
    return _mint("org", full_name, province_code)


def mint_legal_document_iri(notation: str, scope: str | None = None) -> URIRef:
    """IRI of a legal document by notation, plus ``scope`` when the notation repeats.

    National notations (``64/2007/NĐ-CP``) are unique on their own; provincial
    ones (``1501/QĐ-UBND``) need the province and year in ``scope``.
    """
    return _mint("doc", notation, scope)


def mint_meeting_iri(when: date | None, place: str | None, kind: str, fallback: str = "") -> URIRef:
    """IRI of a meeting by date, province and kind; ``fallback`` (the article key) when undated."""
    label = f"{when.isoformat() if when else 'undated'} {kind}"
    return _mint("meeting", label, place, "" if when else fallback)


def mint_role_iri(title: str) -> URIRef:
    """IRI of a post title as a role ("Phó Chủ tịch" → ``id/role/pho-chu-tich``)."""
    return ID[f"role/{slug(title)}"]


def mint_membership_iri(person: URIRef, title: str, organization: URIRef) -> URIRef:
    """IRI of one person holding one post in one organization (shared across articles)."""
    return _mint("membership", title, str(person), str(organization))


def mint_evidence_iri(article: URIRef, subject: str, predicate: str, obj: str) -> URIRef:
    """IRI of the evidence an article gives for one statement."""
    return _mint("evidence", predicate.rsplit("#", 1)[-1].rsplit("/", 1)[-1], str(article), subject, obj)


def mint_observation_iri(article: URIRef, indicator: str, value: str) -> URIRef:
    """IRI of one indicator figure reported by one article."""
    return _mint("observation", indicator, str(article), value)
