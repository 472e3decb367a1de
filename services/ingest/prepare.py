r"""Preparing articles: read (or decode an upload), extract, map to RDF and validate, a batch at a time.

Preparation is pure — it touches no store — so it runs in worker processes
when asked (``services.ingest.pipeline``). A file that cannot be an article
ends as a rejected ``FileOutcome`` with its reason; the others become
:class:`PreparedArticle`\ s with their SHACL verdict, one pySHACL run per batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from graph.store.base import Triple, ntriples
from graph.validation.shapes import validate_article_graphs
from loaders.errors import ArticleRejected
from loaders.pipeline import extract
from loaders.rdf_mapping import Statement, article_statements
from loaders.reading import ARTICLE_SUFFIXES, parse_article, read_article
from loaders.resolution import NO_DECISIONS, IdentityDecisions
from ontology.identity import mint_article_iri
from services.ingest.outcomes import FileOutcome, Status


@dataclass(frozen=True, slots=True)
class _Parsed:
    """An article read and mapped to RDF, not yet validated (picklable across processes)."""

    path: str
    article: str
    content_hash: str
    graph: list[Statement]


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to write: its triples and the validation verdict."""

    path: str
    article: str
    content_hash: str
    triples: list[Triple]
    violations: tuple[str, ...]
    report_turtle: str


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Expand folders into the article files under them (sorted); files are yielded as given.

    A link under a folder that points nowhere is yielded too, so that it is
    reported as unreadable rather than silently skipped.
    """
    for path in paths:
        if path.is_dir():
            found = (p for p in path.rglob("*") if (p.is_file() or p.is_symlink()) and _is_article_name(p))
            yield from sorted(found)
        else:
            yield path


def _is_article_name(path: Path) -> bool:
    return path.suffix.lower() in ARTICLE_SUFFIXES


def _parse(path: Path, max_bytes: int, decisions: IdentityDecisions) -> _Parsed | FileOutcome:
    try:
        article = read_article(path, max_bytes=max_bytes)
    except ArticleRejected as exc:
        return FileOutcome(str(path), Status.REJECTED, reason=exc.reason)
    graph = article_statements(extract(article), decisions)
    return _Parsed(str(path), str(mint_article_iri(article.key)), article.content_hash, graph)


@dataclass(frozen=True, slots=True)
class Upload:
    """An article received as bytes (an uploaded file, a JSON article), under the file name it came with."""

    name: str
    data: bytes


def _parse_upload(upload: Upload, max_bytes: int, decisions: IdentityDecisions) -> _Parsed | FileOutcome:
    if Path(upload.name).suffix.lower() not in ARTICLE_SUFFIXES:
        suffix = Path(upload.name).suffix or "(none)"
        reason = f"unsupported file type {suffix}; govkg reads .txt, .html and .json articles"
        return FileOutcome(upload.name, Status.REJECTED, reason=reason)
    if len(upload.data) > max_bytes:
        reason = (
            f"file too large: {len(upload.data) / 1e6:.1f} MB "
            f"(the limit is {max_bytes / 1e6:.1f} MB; set GOVKG_MAX_ARTICLE_BYTES)"
        )
        return FileOutcome(upload.name, Status.REJECTED, reason=reason)
    try:
        article = parse_article(upload.data, upload.name, upload.name)
    except ArticleRejected as exc:
        return FileOutcome(upload.name, Status.REJECTED, reason=exc.reason)
    graph = article_statements(extract(article), decisions)
    return _Parsed(upload.name, str(mint_article_iri(article.key)), article.content_hash, graph)


def prepare_batch(
    paths: Sequence[Path], max_bytes: int, decisions: IdentityDecisions = NO_DECISIONS
) -> list[PreparedArticle | FileOutcome]:
    """Read, extract, map and validate a batch of files (one pySHACL run for the batch)."""
    return _validated([_parse(path, max_bytes, decisions) for path in paths])


def prepare_uploads(
    uploads: Sequence[Upload], max_bytes: int, decisions: IdentityDecisions = NO_DECISIONS
) -> list[PreparedArticle | FileOutcome]:
    """Decode, extract, map and validate a batch of uploaded articles (one pySHACL run for the batch)."""
    return _validated([_parse_upload(upload, max_bytes, decisions) for upload in uploads])


def _validated(parsed: list[_Parsed | FileOutcome]) -> list[PreparedArticle | FileOutcome]:
    good = [p for p in parsed if isinstance(p, _Parsed)]
    verdicts = iter(validate_article_graphs([p.graph for p in good]) if good else [])
    prepared: list[PreparedArticle | FileOutcome] = []
    for item in parsed:
        if isinstance(item, FileOutcome):
            prepared.append(item)
            continue
        verdict = next(verdicts)
        prepared.append(
            PreparedArticle(
                item.path,
                item.article,
                item.content_hash,
                ntriples(item.graph),
                verdict.violations,
                verdict.report_turtle,
            )
        )
    return prepared
