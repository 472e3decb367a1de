"""Entity ids in URLs: the last segment of an entity's IRI, unique within its kind.

``/persons/nguyen-van-a-1a2b3c4d5e`` is ``https://w3id.org/govkg/id/person/nguyen-van-a-1a2b3c4d5e``;
provinces use their unit code (``/provinces/VN-44``). This module turns ids
into IRIs and back, and gives each IRI the API paths that describe it.
"""

from __future__ import annotations

import re
from enum import StrEnum
from urllib.parse import quote

from rdflib import URIRef

from ontology.namespaces import ID

#: What an id looks like (letters, digits, dots, dashes, underscores).
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$"
_ID = re.compile(ID_PATTERN)


class Kind(StrEnum):
    """The kinds of entity the API serves, by the IRI path segment that names them."""

    PERSON = "person"
    ORGANIZATION = "org"
    PROVINCE = "province"
    DOCUMENT = "doc"
    MEETING = "meeting"
    ARTICLE = "article"


#: Where each kind is listed (its detail is the listing path + "/" + id).
COLLECTIONS = {
    Kind.PERSON: "/persons",
    Kind.ORGANIZATION: "/organizations",
    Kind.PROVINCE: "/provinces",
    Kind.DOCUMENT: "/legal-documents",
    Kind.MEETING: "/meetings",
    Kind.ARTICLE: "/articles",
}


def entity_iri(kind: Kind, identifier: str) -> URIRef:
    """The IRI of the entity of ``kind`` with id ``identifier`` (which must look like an id)."""
    if not _ID.match(identifier):
        raise ValueError(f"{identifier!r} is not an id")
    return ID[f"{kind.value}/{identifier}"]


def entity_id(iri: str) -> str:
    """The id of an entity IRI (its last path segment)."""
    return iri.rstrip("/").rsplit("/", 1)[-1]


def kind_of(iri: str) -> Kind | None:
    """The kind of a govkg entity IRI, or None for anything else."""
    if not iri.startswith(str(ID)):
        return None
    segment = iri[len(str(ID)) :].split("/", 1)[0]
    try:
        return Kind(segment)
    except ValueError:
        return None


def detail_path(iri: str) -> str | None:
    """The API path describing an entity IRI, or None when the API has no resource for it."""
    kind = kind_of(iri)
    return f"{COLLECTIONS[kind]}/{entity_id(iri)}" if kind else None


def evidence_path(iri: str) -> str:
    """The path listing the evidence of every statement about ``iri``."""
    return f"/evidence?about={quote(iri, safe='')}"
