"""``/analytics/…``: who is central among officials, who works with whom, how two officials are linked."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from api.parameters import GraphFilterDep, SettingsDep, StoreDep
from api.problems import problem_responses
from graph import analytics
from graph.analytics import Network
from graph.projection.filters import entity_iri
from ontology.errors import NotFound

router = APIRouter(prefix="/analytics", tags=["analytics"])

NetworkQuery = Annotated[
    Network,
    Query(description="`co-chair`: persons who chaired a meeting together; `co-attendance`: who took part together."),
]


class Official(BaseModel):
    """A person, by IRI and name."""

    iri: str
    name: str


class CentralityRow(BaseModel):
    """One official's centrality in the network."""

    official: Official
    degree: float
    colleagues: int
    meetings: int
    betweenness: float


class CommunityRow(BaseModel):
    """A group of officials who share meetings more among themselves than with others."""

    size: int
    meetings: int
    members: list[Official]


class PathStep(BaseModel):
    """One node of a path and the relationship to the next."""

    iri: str
    label: str
    caption: str
    link: str | None


def _official(found: analytics.Official) -> Official:
    return Official(iri=found.iri, name=found.name)


@router.get("/centrality", response_model=list[CentralityRow], responses=problem_responses(404, 422))
def centrality(
    settings: SettingsDep,
    store: StoreDep,
    selection: GraphFilterDep,
    network: NetworkQuery = Network.CO_CHAIR,
    limit: Annotated[int | None, Query(ge=1, le=10_000, description="How many officials (default: settings).")] = None,
) -> list[CentralityRow]:
    """Rank officials by betweenness centrality (then degree) in the co-chairing or co-attendance network.

    `degree` is the share of the other officials they shared a meeting with, `colleagues` how many,
    `meetings` how many meetings they took part in; `betweenness` how often they lie on the shortest
    paths between two others — the brokers between groups. The filters of `/export` pick the meetings
    (`province`, `from`, `to` …).

    Example: `GET /analytics/centrality?network=co-attendance&province=Lạng Sơn&limit=10`
    """
    top = limit or settings.analytics_top
    found = analytics.centrality(analytics.network_from_store(store, network, selection), limit=top)
    return [
        CentralityRow(
            official=_official(row.official),
            degree=row.degree,
            colleagues=row.colleagues,
            meetings=row.meetings,
            betweenness=row.betweenness,
        )
        for row in found
    ]


@router.get("/communities", response_model=list[CommunityRow], responses=problem_responses(404, 422))
def communities(
    store: StoreDep,
    selection: GraphFilterDep,
    network: NetworkQuery = Network.CO_CHAIR,
    min_size: Annotated[int, Query(ge=1, le=1000, description="Smallest group listed.")] = 2,
) -> list[CommunityRow]:
    """Group officials into communities (Louvain modularity, seeded: the same graph gives the same groups).

    `meetings` counts the meetings shared inside the group (once per pair of members). Largest groups first.

    Example: `GET /analytics/communities?network=co-attendance&from=2020-01-01`
    """
    found = analytics.communities(analytics.network_from_store(store, network, selection), min_size=min_size)
    return [
        CommunityRow(size=len(c.members), meetings=c.meetings, members=[_official(m) for m in c.members]) for c in found
    ]


@router.get("/path", response_model=list[PathStep], responses=problem_responses(404, 422))
def path(
    store: StoreDep,
    source: Annotated[str, Query(max_length=300, description="A person's IRI or id.")],
    target: Annotated[str, Query(max_length=300, description="Another person's IRI or id.")],
) -> list[PathStep]:
    """The shortest chain linking two officials through posts, meetings, organizations and documents.

    Each step names a node and the relationship to the next (`CHAIRED →`, `← ATTENDED`); provinces and
    articles are never crossed (everyone in a province would be two steps apart).

    Example: `GET /analytics/path?source=hoang-van-thai-ffdbbc93db&target=nong-duc-manh-bb0ac21fdd`
    """
    steps = analytics.path_from_store(store, entity_iri(source, "person"), entity_iri(target, "person"))
    if steps is None:
        raise NotFound("no chain of posts, meetings or documents links the two")
    return [PathStep(iri=s.iri, label=s.label, caption=s.caption, link=s.link) for s in steps]
