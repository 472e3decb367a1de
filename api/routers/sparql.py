"""``/sparql``: the SPARQL 1.1 Protocol, read-only and bounded.

The HTTP side of ``graph.sparql.runner``: the protocol's three ways of sending
a query (GET, form POST, ``application/sparql-query`` POST), its dataset
parameters, content negotiation over the result formats, and the refusals —
updates, SERVICE calls to endpoints nobody allowed — with a clear problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from api.parameters import ProviderDep, SettingsDep
from api.problems import ProblemError, problem_responses
from api.provider import GraphProvider
from graph.sparql.results import Dataset, ResultKind
from graph.sparql.text import Operation, inspect_request, refused_services
from queries.registry import iri
from services.settings import Settings

router = APIRouter(tags=["sparql"])

#: Result formats of SELECT and ASK by media type (the first is the default), with the engine's format name.
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
#: Graph formats of CONSTRUCT and DESCRIBE by media type (the first is the default).
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
}
_GRAPH_FORMS = (Operation.CONSTRUCT, Operation.DESCRIBE)


def negotiate(accept: str, offered: list[str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, ``type/*``, ``*/*``); None if none fits.

    Ties go to the earlier offer, so the first offered type is the default.
    """
    if not accept.strip():
        return offered[0]
    ranges: list[tuple[str, float]] = []
    for part in accept.split(","):
        fields = [field.strip() for field in part.split(";")]
        quality = 1.0
        for parameter in fields[1:]:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    best, best_quality = None, 0.0
    for candidate in offered:
        quality = _quality(candidate, ranges)
        if quality > best_quality:
            best, best_quality = candidate, quality
    return best


def _quality(candidate: str, ranges: list[tuple[str, float]]) -> float:
    """The quality the most specific matching media range gives ``candidate``."""
    for media_range in (candidate, f"{candidate.split('/')[0]}/*", "*/*"):
        found = [quality for media, quality in ranges if media == media_range]
        if found:
            return max(found)
    return 0.0


@dataclass(frozen=True, slots=True)
class _Request:
    query: str
    default_graphs: tuple[str, ...]
    named_graphs: tuple[str, ...]


def _graphs(name: str, values: list[str]) -> tuple[str, ...]:
    return tuple(iri(name, value).value for value in values)


def _refuse_update() -> ProblemError:
    return ProblemError(
        400,
        "SPARQL Update is not accepted: /sparql is read-only. Change the graph through POST /articles "
        "and DELETE /articles/{id}, or with `govkg ingest` on the server.",
        kind="update-refused",
        title="Updates are refused",
    )


def _run(provider: GraphProvider, settings: Settings, request: _Request, accept: str) -> Response:
    if len(request.query) > settings.max_query_chars:
        raise ProblemError(
            422, f"the query is longer than {settings.max_query_chars} characters", kind="invalid-parameters"
        )
    shape = inspect_request(request.query)
    if shape.is_update:
        raise _refuse_update()
    refused = refused_services(shape, frozenset(settings.allowed_service_endpoints))
    if refused:
        allowed = ", ".join(f"<{e}>" for e in settings.allowed_service_endpoints) or "none"
        raise ProblemError(
            400,
            f"Federated queries may only call the endpoints this server allows (GOVKG_ALLOWED_SERVICE_ENDPOINTS: "
            f"{allowed}); this query calls {', '.join(refused)}.",
            kind="service-refused",
            title="SERVICE endpoint not allowed",
        )
    offered = list(GRAPH_TYPES if shape.operation in _GRAPH_FORMS else RESULT_TYPES)
    media = negotiate(accept, offered)
    if media is None:
        raise ProblemError(406, f"This query's answer can be sent as {', '.join(offered)}.", kind="not-acceptable")
    results_media = media if media in RESULT_TYPES else next(iter(RESULT_TYPES))
    graph_media = media if media in GRAPH_TYPES else next(iter(GRAPH_TYPES))
    answer = provider.sparql(
        request.query,
        results_format=RESULT_TYPES[results_media],
        graph_format=GRAPH_TYPES[graph_media],
        dataset=Dataset(request.default_graphs, request.named_graphs),
    )
    # The text inspection may not know the form (a parse error is the engine's to report); the answer does.
    chosen = graph_media if answer.kind is ResultKind.GRAPH else results_media
    return Response(answer.data, media_type=chosen, headers={"Vary": "Accept"})


_PROTOCOL_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The answer, in the format the Accept header asks for.",
        "content": {media: {"schema": {"type": "string"}} for media in (*RESULT_TYPES, *GRAPH_TYPES)},
    },
    **problem_responses(400, 406, 415, 422, 503, 504),
}

QueryText = Annotated[str, Query(min_length=1, description="The SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE).")]
DefaultGraphs = Annotated[
    list[str] | None,
    Query(alias="default-graph-uri", description="Graphs whose union is the default graph (repeatable)."),
]
NamedGraphs = Annotated[
    list[str] | None, Query(alias="named-graph-uri", description="Graphs available to GRAPH patterns (repeatable).")
]


@router.get("/sparql", response_class=Response, responses=_PROTOCOL_RESPONSES)
def sparql_get(
    request: Request,
    provider: ProviderDep,
    settings: SettingsDep,
    query: QueryText,
    default_graph_uri: DefaultGraphs = None,
    named_graph_uri: NamedGraphs = None,
) -> Response:
    """Run a read-only SPARQL query (SPARQL 1.1 Protocol, query via GET).

    The default graph is the merged, deduplicated view of every accepted article plus the reference
    graph (provinces, document types); each article's own statements are in its named graph
    (`https://w3id.org/govkg/id/graph/article/…`). `default-graph-uri` and `named-graph-uri` replace the
    query's dataset, as the protocol says.

    **Formats** (Accept header): SELECT and ASK — `application/sparql-results+json` (default),
    `application/sparql-results+xml`, `text/csv`, `text/tab-separated-values`; CONSTRUCT and DESCRIBE —
    `text/turtle` (default), `application/n-triples`.

    **Limits**: a query runs at most `GOVKG_QUERY_TIMEOUT` seconds (then 504) and may return at most
    `GOVKG_MAX_ROWS` rows or triples (a larger answer is refused with 422, never cut: add a LIMIT).
    Updates are refused (400), and so is a `SERVICE` call to an endpoint not listed in
    `GOVKG_ALLOWED_SERVICE_ENDPOINTS`.

    ```
    curl -G http://127.0.0.1:8000/sparql -H 'Accept: text/csv' --data-urlencode 'query=
      PREFIX govkg: <https://w3id.org/govkg/def#>
      PREFIX foaf: <http://xmlns.com/foaf/0.1/>
      SELECT ?meeting ?chair WHERE { ?meeting govkg:chairedBy/foaf:name ?chair } LIMIT 10'
    ```
    """
    parsed = _Request(
        query,
        _graphs("default-graph-uri", default_graph_uri or []),
        _graphs("named-graph-uri", named_graph_uri or []),
    )
    return _run(provider, settings, parsed, request.headers.get("accept", ""))


_POST_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "application/x-www-form-urlencoded": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "query": {"type": "string", "minLength": 1},
                        "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                        "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                    },
                    "required": ["query"],
                }
            },
            "application/sparql-query": {"schema": {"type": "string", "minLength": 1}},
        },
    }
}


async def _posted(request: Request) -> _Request:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise _refuse_update()
    if content_type == "application/sparql-query":
        try:
            text = (await request.body()).decode("utf-8")
        except UnicodeDecodeError:
            raise ProblemError(400, "the query must be UTF-8 text", kind="sparql-syntax") from None
        params = request.query_params
        return _Request(
            text,
            _graphs("default-graph-uri", params.getlist("default-graph-uri")),
            _graphs("named-graph-uri", params.getlist("named-graph-uri")),
        )
    if content_type == "application/x-www-form-urlencoded":
        form: FormData = await request.form()
        if "update" in form:
            raise _refuse_update()
        query = form.get("query")
        if not isinstance(query, str) or not query:
            raise ProblemError(422, "the form has no 'query' field", kind="invalid-parameters")
        return _Request(
            query,
            _graphs("default-graph-uri", [str(v) for v in form.getlist("default-graph-uri")]),
            _graphs("named-graph-uri", [str(v) for v in form.getlist("named-graph-uri")]),
        )
    raise ProblemError(
        415,
        "POST a query as application/x-www-form-urlencoded (field 'query') or as application/sparql-query.",
        kind="unsupported-media-type",
    )


@router.post("/sparql", response_class=Response, responses=_PROTOCOL_RESPONSES, openapi_extra=_POST_BODY)
async def sparql_post(request: Request, provider: ProviderDep, settings: SettingsDep) -> Response:
    """Run a read-only SPARQL query sent by POST: URL-encoded form (`query=…`, with `default-graph-uri`
    and `named-graph-uri` fields) or the query itself as `application/sparql-query` (dataset parameters
    in the URL). Same formats, limits and refusals as GET; `update=…` and `application/sparql-update`
    are refused with 400.
    """
    parsed = await _posted(request)
    return await run_in_threadpool(_run, provider, settings, parsed, request.headers.get("accept", ""))
