"""``/evidence``: where an edge comes from — the article, sentence, offsets, rule and confidence."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api.evidence import statements
from api.models import Page, Statement
from api.parameters import PageDep, ProviderDep
from api.problems import problem_responses
from graph.sparql.binding import Term
from queries.registry import ParameterError, iri
from queries.resources import EVIDENCE

router = APIRouter(tags=["evidence"])

_IRI_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$"


def _iri(description: str) -> object:
    return Query(min_length=3, max_length=1000, pattern=_IRI_PATTERN, description=description)


@router.get("/evidence", response_model=Page[Statement], responses=problem_responses(422, 503, 504))
def get_evidence(
    provider: ProviderDep,
    page: PageDep,
    subject: Annotated[str | None, _iri("The statement's subject (e.g. a meeting).")] = None,
    predicate: Annotated[str | None, _iri("The predicate (e.g. `https://w3id.org/govkg/def#chairedBy`).")] = None,
    object: Annotated[str | None, _iri("The statement's object (an entity IRI).")] = None,
    about: Annotated[str | None, _iri("An entity: statements where it is the subject or the object.")] = None,
) -> Page[Statement]:
    """The evidence of edges: for each statement, every article that states it, with the sentence, the
    character offsets of the matched text, the extraction rule and its confidence.

    Give at least one of `subject`, `predicate`, `object` (they combine), or `about` (an entity as subject
    *or* object — the `links.evidence` of every item). For example, who says Hoàng Văn Thái chaired a meeting:

    `GET /evidence?subject=<meeting IRI>&predicate=https://w3id.org/govkg/def#chairedBy&object=<person IRI>`

    The statements that carry evidence: `org:member` (posts), `govkg:chairedBy`, `govkg:attendedBy`,
    `govkg:organizedBy`, `govkg:underLegalBasis`, `schema:mentions` and `govkg:value` (indicator figures,
    whose object is a value).
    """
    if about is not None and (subject or object):
        raise ParameterError("about", "give either about, or subject/object, not both")
    if not (subject or predicate or object or about):
        raise ParameterError("subject", "give at least one of subject, predicate, object or about")
    bound: dict[str, Term] = {
        name: iri(name, value)
        for name, value in (("subject", subject), ("predicate", predicate), ("object", object))
        if value is not None
    }
    if about is None:
        found = statements(provider.select(EVIDENCE, bound))
    else:
        node = iri("about", about)
        found = statements(provider.select(EVIDENCE, bound | {"subject": node}))
        found += statements(provider.select(EVIDENCE, bound | {"object": node}))
    return page.page(found, lambda statement: statement)
