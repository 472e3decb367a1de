"""Article in, extraction out: the order the extractors run in.

Each stage is guarded: a rule that fails on odd input logs the error and yields
nothing, and the article still extracts with what the other stages found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TypeVar

from loaders.article import Article
from loaders.extraction.bodies import article_bodies, organization_records, position_spans
from loaders.extraction.context import ArticleContext, build_context
from loaders.extraction.coreference import People, join_people
from loaders.extraction.indicators import find_observations
from loaders.extraction.legal_documents import DocumentMention, find_documents, unique_documents
from loaders.extraction.meetings import MeetingFinder
from loaders.extraction.organizations import OrgMatch
from loaders.extraction.persons import SentenceReading, article_careers, read_sentence
from loaders.extraction.timing import date_undated_statements
from loaders.record import Evidence, Extraction, LegalDocument

log = logging.getLogger(__name__)
T = TypeVar("T")


def _guarded(stage: str, article: Article, run: Callable[[], T], default: T) -> T:
    """Run one stage; on any error, log it with the article and return ``default``."""
    try:
        return run()
    except Exception:  # one failing rule must not lose the article (see the module docstring)
        log.exception("extraction stage %s failed on %s", stage, article.file)
        return default


def extract(article: Article) -> Extraction:
    """Extract persons, posts, organizations, provinces, legal documents and meetings from an article."""
    extraction = Extraction(article=article)
    ctx = _guarded("context", article, lambda: build_context(article), None)
    if ctx is None:
        return extraction
    extraction.province = ctx.province.province if ctx.province else None
    if ctx.province is not None:
        extraction.province_label = ctx.province.label
    mentions: list[DocumentMention] = _guarded("legal_documents", article, lambda: find_documents(ctx), [])
    ctx.citations = [(m.start, m.end) for m in mentions]
    bodies: list[OrgMatch] = _guarded("organizations", article, lambda: article_bodies(ctx), [])
    readings: list[SentenceReading] = _guarded("persons", article, lambda: _readings(ctx), [])
    people = _guarded("coreference", article, lambda: join_people(ctx, readings, bodies), People())
    extraction.persons = people.persons
    extraction.legal_documents = _guarded(
        "legal_document_records", article, lambda: [_document(ctx, m) for m in unique_documents(mentions)], []
    )
    segments = [s for r in readings for s in r.segments]
    # Bodies named in someone's post or in the outlet's tag organise no meeting; nor are they actors when
    # named only inside a title ("Phó Chủ tịch Thường trực …") or a former post.
    in_posts = [(s.start, s.end) for s in segments] + ctx.source_tags
    in_titles = [(s.title.start, s.title.end) for s in segments] + [(s.start, s.end) for s in segments if s.former]
    # A body in a person's post is recorded as the post resolves it (with the province the person's other
    # posts name), not as read on its own.
    in_titles += [(s.org.start, s.org.end) for r in readings for p in r.persons for s in p.segments if s.org]
    # Bodies of a career told ("Ông từng làm … Giám đốc Công an tỉnh X") are former posts' too.
    in_titles += article_careers(ctx) + position_spans(ctx)
    finder = MeetingFinder(ctx, people, bodies, mentions, in_posts)
    extraction.meetings = _guarded("meetings", article, finder.find, [])
    extraction.organizations = _guarded(
        "organization_records",
        article,
        lambda: organization_records(ctx, bodies, people, mentions, in_titles + ctx.source_tags),
        [],
    )
    extraction.observations = _guarded("indicators", article, lambda: find_observations(ctx), [])
    _guarded("timing", article, lambda: date_undated_statements(extraction), None)
    return extraction


def _readings(ctx: ArticleContext) -> list[SentenceReading]:
    """Each sentence's people; a sentence a rule fails on reads as empty."""
    readings = []
    for sentence in ctx.article.sentences:
        reading = _guarded(
            f"persons (sentence {sentence.index})",
            ctx.article,
            partial(read_sentence, ctx, sentence.start, sentence.end),
            SentenceReading([], [], [], []),
        )
        readings.append(reading)
    return readings


def _document(ctx: ArticleContext, mention: DocumentMention) -> LegalDocument:
    rule = "document.bare_number" if mention.bare else "document.notation"
    province = ctx.province.province if ctx.province and not mention.bare else None
    return LegalDocument(
        type=mention.type,
        number=mention.number,
        evidence=Evidence(mention.start, mention.end, rule, 0.8 if mention.bare else 0.95),
        date=mention.date,
        issuer=mention.issuer,
        province=province,
    )
