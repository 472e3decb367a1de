"""``/organizations``: people's committees, departments, ministries, party committees … and who holds posts there."""

from __future__ import annotations

import re
from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query

from api.evidence import EvidenceIndex, statements
from api.filters import given, province, text_key
from api.identifiers import Kind, entity_id, entity_iri
from api.models import Links, OrganizationDetail, OrganizationSummary, Page
from api.parameters import NameFilter, OrganizationId, PageDep, ProviderDep, ProvinceFilter
from api.problems import not_found, problem_responses
from api.summaries import Row, meeting_role, post_held, province_ref, text
from ontology.namespaces import GOVKG, SCHEMA
from ontology.vocabulary import organization_kinds
from queries.registry import ParameterError
from queries.resources import EVIDENCE, MEETINGS, MEMBERSHIP_EVIDENCE, ORGANIZATIONS, POSTS, words

router = APIRouter(prefix="/organizations", tags=["organizations"])

_KIND = re.compile(r"^[A-Z][A-Za-z]{1,60}$")
_KINDS = ", ".join(f"`{kind.name}`" for kind in organization_kinds())


def organization_summary(row: Row) -> OrganizationSummary:
    """A row of ``queries.resources.ORGANIZATIONS``."""
    iri = str(row["organization"])
    return OrganizationSummary(
        id=entity_id(iri),
        iri=iri,
        name=text(row["name"]),
        kinds=words(row["kinds"]),
        province=province_ref(row["province"]),
        links=Links.of(iri),
    )


@router.get("", response_model=Page[OrganizationSummary], responses=problem_responses(422, 503, 504))
def list_organizations(
    provider: ProviderDep,
    page: PageDep,
    name: NameFilter = None,
    province_name: ProvinceFilter = None,
    kind: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=60,
            description=f"A govkg kind: {_KINDS}.",
        ),
    ] = None,
) -> Page[OrganizationSummary]:
    """List organizations by name.

    Filters combine: `name` (part of it, accents and case ignored: `so thong tin`), `province` (code or
    name; units it succeeded match too) and `kind` (a govkg class such as `Department`).
    """
    if kind is not None and not _KIND.match(kind):
        raise ParameterError("kind", f"{kind!r} is not a kind; use a name such as Department or PeoplesCommittee")
    filters = given(
        name=text_key("name", name) if name else None,
        province=province(province_name) if province_name else None,
        kind=ox.NamedNode(str(GOVKG[kind])) if kind else None,
    )
    return page.page(provider.rows(ORGANIZATIONS, filters), organization_summary)


@router.get("/{organization_id}", response_model=OrganizationDetail, responses=problem_responses(404, 422, 503, 504))
def get_organization(organization_id: OrganizationId, provider: ProviderDep) -> OrganizationDetail:
    """One organization: the posts held in it (with evidence), the meetings it organized, the articles naming it."""
    iri = str(entity_iri(Kind.ORGANIZATION, organization_id))
    node = ox.NamedNode(iri)
    found = provider.rows(ORGANIZATIONS, organization=node)
    if not found:
        raise not_found("organization", organization_id, "/organizations")
    about = EvidenceIndex(statements(provider.select(EVIDENCE, {"object": node})))
    members = EvidenceIndex(statements(provider.select(MEMBERSHIP_EVIDENCE, {"organization": node})))
    meetings = provider.rows(MEETINGS, {"organizer": node})
    return OrganizationDetail(
        **organization_summary(found[0]).model_dump(),
        posts=[post_held(row, members) for row in provider.select(POSTS, {"organization": node}).dicts()],
        meetings_organized=[meeting_role(row, str(GOVKG.organizedBy), iri, about) for row in meetings],
        mentioned_in=[e for s in about.about(str(SCHEMA.mentions), obj=iri) for e in s.evidence],
    )
