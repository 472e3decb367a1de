"""``/articles``: the ingested articles, what each asserted, and writes (ingest, retract) behind the API key."""

from __future__ import annotations

import hashlib
import json
import secrets
from pathlib import PurePath
from typing import Annotated, Any

import pyoxigraph as ox
from fastapi import APIRouter, Depends, Header, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile

from api.evidence import statements
from api.filters import days, given, province
from api.identifiers import Kind, entity_id, entity_iri
from api.models import ArticleDetail, ArticleIn, ArticleSummary, IngestOutcome, IngestReport, Links, Page, Ref
from api.parameters import ArticleId, FromDay, PageDep, ProviderDep, ProvinceFilter, SettingsDep, ToDay
from api.problems import ProblemError, not_found, problem_responses
from api.summaries import Row, province_ref, text
from api.summaries import day as cell_day
from ontology.identity import article_graph_iri
from queries.registry import ParameterError
from queries.resources import ARTICLES, EVIDENCE, GRAPH_SIZE
from services.ingest.outcomes import Status
from services.ingest.prepare import Upload
from services.settings import Settings

router = APIRouter(prefix="/articles", tags=["articles"])

_ARTICLES_IN = TypeAdapter(list[ArticleIn] | ArticleIn)


def article_summary(row: Row) -> ArticleSummary:
    """A row of ``queries.resources.ARTICLES``."""
    iri = str(row["article"])
    return ArticleSummary(
        id=entity_id(iri),
        iri=iri,
        title=text(row["title"]),
        published=cell_day(row["published"]),
        source=text(row["source"]),
        url=text(row["url"]),
        province=province_ref(row["province"]),
        file=text(row["file"]),
        links=Links.of(iri),
    )


def require_api_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="The write key (GOVKG_API_KEY).")] = None,
) -> None:
    """FastAPI dependency: 403 when writes are disabled, 401 when the key is missing or wrong."""
    if settings.api_key is None:
        raise ProblemError(
            403,
            "Writes are disabled on this server: it was started without GOVKG_API_KEY.",
            kind="writes-disabled",
        )
    expected = settings.api_key.get_secret_value().encode()
    if x_api_key is None or not secrets.compare_digest(x_api_key.encode(), expected):
        raise ProblemError(
            401,
            "Missing or wrong API key: send the key the server was started with in the X-API-Key header.",
            kind="unauthorized",
            headers={"WWW-Authenticate": 'ApiKey header="X-API-Key"'},
        )


@router.get("", response_model=Page[ArticleSummary], responses=problem_responses(422, 503, 504))
def list_articles(
    provider: ProviderDep,
    page: PageDep,
    province_name: ProvinceFilter = None,
    start: FromDay = None,
    end: ToDay = None,
) -> Page[ArticleSummary]:
    """List the accepted articles, newest first. Quarantined articles (invalid graphs) are not listed.

    Filter by `province` (code or name; units it succeeded match too) and by publication day (`from`, `to`).
    """
    filters = given(province=province(province_name) if province_name else None) | days(start, end)
    return page.page(provider.rows(ARTICLES, filters), article_summary)


@router.get("/{article_id}", response_model=ArticleDetail, responses=problem_responses(404, 422, 503, 504))
def get_article(article_id: ArticleId, provider: ProviderDep) -> ArticleDetail:
    """One article and what it asserted: every statement of its named graph that carries evidence
    (posts, chairs, attendees, organizers, legal bases, mentions, indicator values), each with the
    sentence, the offsets of the matched text, the rule and the confidence.

    `triples` counts everything in the article's graph (labels, types and the evidence nodes too); read
    the whole graph with `/sparql` and `named-graph-uri`, or a `GRAPH <…>` pattern.
    """
    iri = entity_iri(Kind.ARTICLE, article_id)
    node = ox.NamedNode(str(iri))
    found = provider.rows(ARTICLES, article=node)
    if not found:
        raise not_found("article", article_id, "/articles")
    size = provider.select(GRAPH_SIZE, {"graph": ox.NamedNode(str(article_graph_iri(iri)))}).rows
    return ArticleDetail(
        **article_summary(found[0]).model_dump(),
        triples=int(str(size[0][1])) if size else 0,
        statements=statements(provider.select(EVIDENCE, {"article": node})),
    )


_UPLOAD_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"files": {"type": "array", "items": {"type": "string", "format": "binary"}}},
                    "required": ["files"],
                }
            },
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"$ref": "#/components/schemas/ArticleIn"},
                        {"type": "array", "items": {"$ref": "#/components/schemas/ArticleIn"}},
                    ]
                }
            },
        },
    }
}


def _json_upload(article: ArticleIn) -> Upload:
    record = article.model_dump(exclude_none=True)
    name = record.pop("file", None) or f"{hashlib.sha256(article.text.encode()).hexdigest()[:16]}.json"
    if not name.lower().endswith(".json"):
        name += ".json"
    return Upload(PurePath(name).name, json.dumps(record, ensure_ascii=False).encode("utf-8"))


async def _uploads(request: Request, settings: Settings) -> list[Upload]:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "multipart/form-data":
        async with request.form(max_files=settings.max_upload_files, max_fields=10) as form:
            files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
            if not files:
                raise ParameterError("files", "no file in the form field 'files'")
            uploads = []
            for item in files:
                data = await item.read(settings.max_article_bytes + 1)
                uploads.append(Upload(PurePath(item.filename or "upload.txt").name or "upload.txt", data))
            return uploads
    if content_type == "application/json":
        try:
            parsed = _ARTICLES_IN.validate_json(await request.body())
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first.get("loc", ()))
            raise ParameterError("body", f"{where or 'article'}: {first.get('msg', 'invalid')}") from None
        articles = parsed if isinstance(parsed, list) else [parsed]
        if not articles or len(articles) > settings.max_upload_files:
            raise ParameterError("body", f"send between 1 and {settings.max_upload_files} articles")
        return [_json_upload(article) for article in articles]
    raise ProblemError(
        415,
        "Send the articles as multipart/form-data (field 'files') or as application/json (one article or a list).",
        kind="unsupported-media-type",
    )


@router.post(
    "",
    response_model=IngestReport,
    dependencies=[Depends(require_api_key)],
    responses=problem_responses(400, 401, 403, 413, 415, 422, 503),
    openapi_extra=_UPLOAD_BODY,
)
async def post_articles(request: Request, provider: ProviderDep, settings: SettingsDep) -> IngestReport:
    """Ingest articles (requires the `X-API-Key` header).

    Send either **files** — `multipart/form-data` with one or more `files` (`.txt`, `.html`, `.json`, in
    UTF-8, UTF-16, Windows-1258, TCVN3 or VNI) — or **JSON**: one article object or a list of them
    (`{"title", "text", "published", "url", "source", "author"}`).

    Each article is read, extracted, mapped to RDF and validated; it ends `ok` (stored), `unchanged`
    (the same text is already stored), `quarantined` (kept out of the graph with the reasons) or
    `rejected` (not an article, with the reason). The graph served by every read endpoint changes as
    soon as this returns.

    ```
    curl -H 'X-API-Key: …' -F files=@bai-bao.txt http://127.0.0.1:8000/articles
    ```
    """
    uploads = await _uploads(request, settings)
    summary = await run_in_threadpool(provider.ingest, uploads)
    return IngestReport(
        counts={status.value: summary.count(status) for status in Status},
        outcomes=[
            IngestOutcome(
                file=outcome.path,
                status=outcome.status.value,
                article=Ref.of(outcome.article) if outcome.article else None,
                triples=outcome.triples,
                reason=outcome.reason or None,
            )
            for outcome in summary.outcomes
        ],
    )


@router.delete(
    "/{article_id}",
    status_code=204,
    dependencies=[Depends(require_api_key)],
    responses=problem_responses(401, 403, 404, 422, 503),
)
def delete_article(article_id: ArticleId, provider: ProviderDep) -> Response:
    """Retract an article (requires the `X-API-Key` header): remove exactly what it asserted.

    Statements other articles also assert stay in the graph; a quarantined article's record is removed.
    """
    if not provider.retract(entity_iri(Kind.ARTICLE, article_id)):
        raise not_found("article", article_id, "/articles")
    return Response(status_code=204)
