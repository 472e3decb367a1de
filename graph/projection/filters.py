"""Which part of the graph a caller asks for: a :class:`GraphFilter`, resolved from what a person typed.

A filter picks a subgraph instead of the whole graph (see
``graph.projection.walks`` for how each field chooses its nodes, and
``graph.projection.spans`` for the dates):

- a **province**: the unit and the units it succeeded, everything located,
  held or reported in them, and the direct neighbours of those;
- a **person**: everything within two steps of them;
- a **node**: everything within ``hops`` steps of any node (the explorer's view);
- a **document** (or the several a provincial notation names): the document,
  its neighbours, and the neighbours of the meetings held under it;
- a **date range**: what happened in it, and who and what took part.

Filters combine by intersection.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pyoxigraph as ox

from graph.store.base import ArticleStore
from ontology.errors import InvalidInput, NotFound
from ontology.gazetteer import province_by_code, resolve_province
from ontology.namespaces import ELI, ID

#: The steps a person's neighbourhood takes.
PERSON_HOPS = 2
#: The most steps a node's neighbourhood may take (beyond, it is most of the graph).
MAX_HOPS = 3


class UnknownEntity(NotFound):
    """A filter (or a path) names a province, person, node or document the store does not hold."""


@dataclass(frozen=True, slots=True)
class GraphFilter:
    """Which part of the graph to project; every field left ``None`` does not filter."""

    province: str | None = None
    person: str | None = None
    node: str | None = None
    hops: int = 1
    documents: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None

    @property
    def has_dates(self) -> bool:
        """True when the filter restricts dates."""
        return self.date_from is not None or self.date_to is not None


WHOLE_GRAPH = GraphFilter()


# -- resolving what a user typed ------------------------------------------------------


def province_iri(reference: str) -> str:
    """The IRI of a province given as IRI, unit code (``VN-09``, ``VN-44-2025``) or name ("Lạng Sơn")."""
    if reference.startswith(str(ID)):
        return reference
    try:
        return str(province_by_code(reference.upper()).iri)
    except (KeyError, ValueError):
        pass
    province = resolve_province(reference)
    if province is None:
        raise UnknownEntity(f"no province-level unit is called {reference!r}")
    return str(province.iri)


def entity_iri(reference: str, kind: str) -> str:
    """An entity IRI given in full, as ``kind/slug`` or as the bare slug (``person/hoang-van-thai-…``)."""
    if reference.startswith(("http://", "https://")):
        return reference
    local = reference if reference.startswith(f"{kind}/") else f"{kind}/{reference}"
    return str(ID[local])


def document_iris(store: ArticleStore, reference: str) -> list[str]:
    """The legal documents a reference names: an IRI, or a notation (``64/2007/NĐ-CP``), which may repeat."""
    if reference.startswith(("http://", "https://")):
        return [reference]
    rows = store.select(f"SELECT DISTINCT ?d WHERE {{ ?d <{ELI.id_local}> {ox.Literal(reference)} }} ORDER BY ?d")
    return [row["d"].value for row in rows if row["d"] is not None]


def resolve_filter(
    store: ArticleStore,
    *,
    province: str | None = None,
    person: str | None = None,
    node: str | None = None,
    hops: int = 1,
    document: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> GraphFilter:
    """A :class:`GraphFilter` from what a user typed: a province by code, name or IRI; a person or node by
    IRI or id; a document by notation or IRI. Raises :class:`UnknownEntity` for what the store does not hold,
    ``ValueError`` for what is no IRI or a range that ends before it starts."""
    if date_from and date_to and date_to < date_from:
        raise InvalidInput(f"the range ends ({date_to}) before it starts ({date_from})")
    documents: tuple[str, ...] = ()
    if document:
        documents = tuple(document_iris(store, document))
        if not documents:
            raise UnknownEntity(f"no legal document has the notation {document!r}")
    return GraphFilter(
        province=_checked(province_iri(province)) if province else None,
        person=_checked(entity_iri(person, "person")) if person else None,
        node=_checked(node if node.startswith(("http://", "https://")) else str(ID[node])) if node else None,
        hops=hops,
        documents=tuple(_checked(iri) for iri in documents),
        date_from=date_from,
        date_to=date_to,
    )


def _checked(iri: str) -> str:
    """``iri`` if it is a valid IRI (so it can go into query text), else ``ValueError`` saying so."""
    try:
        return ox.NamedNode(iri).value
    except ValueError as exc:
        raise InvalidInput(f"{iri!r} is not an IRI: {exc}") from None
