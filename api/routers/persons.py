"""``/persons``: the officials the articles name, their posts over time and their meetings."""

from __future__ import annotations

from typing import Annotated

import pyoxigraph as ox
from fastapi import APIRouter, Query

from api.evidence import EvidenceIndex, statements
from api.filters import entity, given, province, text_key
from api.identifiers import Kind, entity_id, entity_iri
from api.models import Links, Page, PersonDetail, PersonSummary
from api.parameters import NameFilter, PageDep, PersonId, ProviderDep, ProvinceFilter
from api.problems import not_found, problem_responses
from api.summaries import Row, meeting_role, post_held, province_ref, text
from ontology.namespaces import GOVKG, SCHEMA
from queries.resources import EVIDENCE, MEETINGS_OF_PERSON, PERSONS, POSTS, words

router = APIRouter(prefix="/persons", tags=["persons"])


def person_summary(row: Row) -> PersonSummary:
    """A row of ``queries.resources.PERSONS``."""
    iri = str(row["person"])
    found = [province_ref(unit) for unit in words(row["provinces"])]
    return PersonSummary(
        id=entity_id(iri),
        iri=iri,
        name=text(row["name"]),
        provinces=[ref for ref in found if ref is not None],
        links=Links.of(iri),
    )


@router.get("", response_model=Page[PersonSummary], responses=problem_responses(422, 503, 504))
def list_persons(
    provider: ProviderDep,
    page: PageDep,
    name: NameFilter = None,
    province_filter: ProvinceFilter = None,
    organization: Annotated[
        str | None,
        Query(min_length=1, max_length=300, description="An organization's id or IRI: persons holding a post in it."),
    ] = None,
) -> Page[PersonSummary]:
    """List the persons the articles name, by name.

    Filters combine (all must hold):

    - `name` — part of the name, ignoring accents and case: `tran thanh duc` finds *Trần Thanh Đức*;
    - `province` — persons of a province (their own, or that of an organization they hold a post in);
      a merged unit (`VN-44-2025`, the new An Giang) also matches the units it succeeded;
    - `organization` — persons holding a post in that organization.

    Two officials with the same name in different provinces are two persons until evidence joins them.

    Example: `GET /persons?name=hoang&province=Lang Son`
    """
    filters = given(
        name=text_key("name", name) if name else None,
        province=province(province_filter) if province_filter else None,
        organization=entity("organization", Kind.ORGANIZATION, organization) if organization else None,
    )
    return page.page(provider.rows(PERSONS, filters), person_summary)


@router.get("/{person_id}", response_model=PersonDetail, responses=problem_responses(404, 422, 503, 504))
def get_person(person_id: PersonId, provider: ProviderDep) -> PersonDetail:
    """One person: posts over time, meetings chaired and attended, and the articles that mention them.

    - `posts` — one per post (title in an organization, a W3C ORG membership), ordered by the first day
      an article reported it, with `first_reported`/`last_reported` and, when an article stated one,
      the `member_from`/`member_until` interval;
    - `meetings_chaired`, `meetings_attended` — by date;
    - `mentioned_in` — each article that names the person.

    Every post and meeting carries its `evidence`: the article, the sentence, the character offsets of
    the matched text, the extraction rule and its confidence.
    """
    iri = str(entity_iri(Kind.PERSON, person_id))
    node = ox.NamedNode(iri)
    found = provider.rows(PERSONS, person=node)
    if not found:
        raise not_found("person", person_id, "/persons")
    evidence = EvidenceIndex(statements(provider.select(EVIDENCE, {"object": node})))
    meetings = provider.select(MEETINGS_OF_PERSON, {"person": node}).dicts()
    summary = person_summary(found[0])
    return PersonDetail(
        **summary.model_dump(),
        posts=[post_held(row, evidence) for row in provider.select(POSTS, {"person": node}).dicts()],
        meetings_chaired=[
            meeting_role(row, str(GOVKG.chairedBy), iri, evidence) for row in meetings if row["role"] == "chairedBy"
        ],
        meetings_attended=[
            meeting_role(row, str(GOVKG.attendedBy), iri, evidence) for row in meetings if row["role"] == "attendedBy"
        ],
        mentioned_in=[e for s in evidence.about(str(SCHEMA.mentions), obj=iri) for e in s.evidence],
    )
