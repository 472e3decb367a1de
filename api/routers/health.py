"""``/health``: is the service up, which snapshot does it serve, and how much does it hold?"""

from __future__ import annotations

from fastapi import APIRouter

from api.models import Health
from api.parameters import ProviderDep
from api.problems import problem_responses
from ontology.errors import QueryTimeout
from queries.resources import COUNTS

router = APIRouter(tags=["service"])

_TRIPLES = "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"


@router.get("/health", response_model=Health, responses=problem_responses(503, 504))
def health(provider: ProviderDep) -> Health:
    """Report that the service runs, the store snapshot generation it serves (it grows with every write)
    and how many articles, entities and triples (in the merged default graph) it holds — `triples` is
    null when counting them takes longer than `GOVKG_QUERY_TIMEOUT`.

    Answers 503 while the query workers are not running.
    """
    counts = {str(row[0]): int(str(row[1])) for row in provider.select(COUNTS).rows}
    try:
        triples = provider.select(_TRIPLES).rows
    except QueryTimeout:  # a very large store: counting every triple takes longer than a query may
        triples = ((None,),)
    return Health(
        status="ok",
        generation=provider.generation,
        articles=counts.get("articles", 0),
        persons=counts.get("persons", 0),
        organizations=counts.get("organizations", 0),
        legal_documents=counts.get("legal_documents", 0),
        meetings=counts.get("meetings", 0),
        triples=int(str(triples[0][0])) if triples and triples[0][0] is not None else None,
    )
