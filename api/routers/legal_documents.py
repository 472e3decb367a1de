"""``/legal-documents``: the laws, decrees, decisions, directives, plans … the articles cite."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query

from api.evidence import EvidenceIndex, statements
from api.filters import given, integer, text_key
from api.identifiers import Kind, entity_id, entity_iri
from api.models import LegalDocumentDetail, LegalDocumentSummary, Links, MeetingRole, Page, Ref
from api.parameters import DocumentId, PageDep, ProviderDep
from api.problems import not_found, problem_responses
from api.summaries import Row, day, meeting_ref, text
from ontology.namespaces import GOVKG, SCHEMA
from queries.resources import EVIDENCE, LEGAL_DOCUMENTS, MEETINGS

router = APIRouter(prefix="/legal-documents", tags=["legal documents"])


def document_summary(row: Row) -> LegalDocumentSummary:
    """A row of ``queries.resources.LEGAL_DOCUMENTS``."""
    iri = str(row["document"])
    issued_by = text(row["issued_by"])
    return LegalDocumentSummary(
        id=entity_id(iri),
        iri=iri,
        notation=text(row["notation"]),
        type=text(row["type"]),
        title=text(row["title"]),
        date=day(row["date"]),
        issuer=text(row["issuer"]),
        issued_by=Ref.of(issued_by) if issued_by else None,
        links=Links.of(iri),
    )


@router.get("", response_model=Page[LegalDocumentSummary], responses=problem_responses(422, 503, 504))
def list_legal_documents(
    provider: ProviderDep,
    page: PageDep,
    type: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=100,
            description="The type, in English or Vietnamese: `Decree` or `Nghị định`, `Decision` or `Quyết định` …",
        ),
    ] = None,
    number: Annotated[
        str | None,
        Query(min_length=1, max_length=100, description="Part of the notation: `64/2007`, `QĐ-UBND`, `nd-cp`."),
    ] = None,
    issuer: Annotated[
        str | None,
        Query(min_length=1, max_length=200, description="Part of the issuer as written: `Chính phủ`, `ubnd tinh`."),
    ] = None,
    year: Annotated[int | None, Query(ge=1945, le=2100, description="Year of the document or of its notation.")] = None,
) -> Page[LegalDocumentSummary]:
    """List legal documents by notation.

    Filters combine (all must hold), each ignoring accents and case:

    - `type` — `Decree`/`Nghị định`, `Decision`/`Quyết định`, `Directive`/`Chỉ thị`, `Resolution`/`Nghị quyết`,
      `Law`/`Luật`, `Circular`/`Thông tư`, `Plan`/`Kế hoạch` …;
    - `number` — part of the notation (`64/2007` finds *64/2007/NĐ-CP*);
    - `issuer` — part of the issuer's name as the articles write it;
    - `year` — the year of the document's date or the year in its notation.

    Provincial notations such as *1501/QĐ-UBND* repeat across provinces and years: each is its own document.
    """
    filters = given(
        type=text_key("type", type) if type else None,
        number=text_key("number", number) if number else None,
        issuer=text_key("issuer", issuer) if issuer else None,
        year=integer(year) if year is not None else None,
    )
    return page.page(provider.rows(LEGAL_DOCUMENTS, filters), document_summary)


@router.get("/{document_id}", response_model=LegalDocumentDetail, responses=problem_responses(404, 422, 503, 504))
def get_legal_document(document_id: DocumentId, provider: ProviderDep) -> LegalDocumentDetail:
    """One legal document: the meetings held under it and the articles citing it, each with evidence."""
    iri = str(entity_iri(Kind.DOCUMENT, document_id))
    node = ox.NamedNode(iri)
    found = provider.rows(LEGAL_DOCUMENTS, document=node)
    if not found:
        raise not_found("legal document", document_id, "/legal-documents")
    evidence = EvidenceIndex(statements(provider.select(EVIDENCE, {"object": node})))
    meetings = provider.rows(MEETINGS, {"legal_basis": node})
    return LegalDocumentDetail(
        **document_summary(found[0]).model_dump(),
        meetings=[
            MeetingRole(
                meeting=meeting_ref(row), evidence=evidence.of(str(row["meeting"]), str(GOVKG.underLegalBasis), iri)
            )
            for row in meetings
        ],
        cited_by=[e for s in evidence.about(str(SCHEMA.mentions), obj=iri) for e in s.evidence],
    )
