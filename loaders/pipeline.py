"""Article in, extraction out: the order the extractors run in.

Each stage is guarded: a rule that fails on odd input logs the error and yields
nothing, and the article still extracts with what the other stages found.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from loaders.article import Article
from loaders.extraction.context import ArticleContext, build_context
from loaders.extraction.coreference import BodyResolver, People, join_people, settle_bodies
from loaders.extraction.departments import find_department_lists
from loaders.extraction.indicators import find_observations
from loaders.extraction.keys import text_key
from loaders.extraction.legal_documents import DocumentMention, find_documents, unique_documents
from loaders.extraction.meetings import MeetingFinder
from loaders.extraction.organizations import OrganizationReader, OrgMatch
from loaders.extraction.persons import SentenceReading, read_sentence
from loaders.record import Evidence, Extraction, LegalDocument, Organization

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
    bodies: list[OrgMatch] = _guarded("organizations", article, lambda: _bodies(ctx), [])
    readings: list[SentenceReading] = _guarded("persons", article, lambda: _readings(ctx), [])
    people = _guarded("coreference", article, lambda: join_people(ctx, readings, bodies), People())
    extraction.persons = people.persons
    extraction.legal_documents = [_document(ctx, m) for m in unique_documents(mentions)]
    post_spans = [(s.start, s.end) for r in readings for p in r.persons for s in p.segments] + ctx.source_tags
    finder = MeetingFinder(ctx, people, bodies, mentions, post_spans)
    extraction.meetings = _guarded("meetings", article, finder.find, [])
    titles = [(s.title.start, s.title.end) for r in readings for s in r.segments] + ctx.source_tags
    former = [(s.start, s.end) for r in readings for s in r.segments if s.former]
    extraction.organizations = _guarded(
        "organization_records", article, lambda: _organizations(ctx, bodies, people, mentions, titles + former), []
    )
    extraction.observations = _guarded("indicators", article, lambda: find_observations(ctx), [])
    return extraction


def _bodies(ctx: ArticleContext) -> list[OrgMatch]:
    found = ctx.bodies() + find_department_lists(ctx)
    found += [org.owner for org in found if org.owner is not None]
    return settle_bodies(ctx, sorted(found, key=lambda org: org.start))


def _readings(ctx: ArticleContext) -> list[SentenceReading]:
    return [read_sentence(ctx, s.start, s.end) for s in ctx.article.sentences]


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


def _organizations(
    ctx: ArticleContext,
    bodies: list[OrgMatch],
    people: People,
    mentions: list[DocumentMention],
    not_actors: list[tuple[int, int]],
) -> list[Organization]:
    """One record per body: named in the text, holding a post, or issuing a document.

    Bodies named only inside a title ("Phó Chủ tịch Thường trực …"), a former
    post ("nguyên Bộ trưởng Bộ …") or the closing lines (the author's office)
    are no actors of the article.
    """
    records: dict[str, Organization] = {}
    resolver = BodyResolver(ctx, bodies)
    for org in bodies:
        if org.generic or org.start >= ctx.signature_start or any(a <= org.start < b for a, b in not_actors):
            continue
        if org.bare:
            focus = resolver.focus(org.head, org.start)
            if not focus:
                continue
            org = focus[0]
        _add(records, org.name, org.kind, Evidence(org.start, org.end, "organization.mention", 0.85), org)
    for post_org, _, name, _ in people.bodies:
        person_post = next(p for person in people.persons for p in person.posts if p.organization == name)
        _add(records, name, _kind_of(ctx, name, post_org), person_post.evidence, None)
    for mention in mentions:
        if mention.issuer:
            reader = OrganizationReader(mention.issuer, ctx.province, ctx.published)
            issuer = reader.at(0)
            if issuer is not None and issuer.end == len(mention.issuer) and not issuer.generic:
                evidence = Evidence(mention.start, mention.end, "organization.issuer", 0.8)
                _add(records, issuer.name, issuer.kind, evidence, None)
    return list(records.values())


def _kind_of(ctx: ArticleContext, name: str, org: OrgMatch | None) -> str:
    if org is not None and comparison_name(org.name) == comparison_name(name):
        return org.kind
    parsed = OrganizationReader(name, ctx.province, ctx.published).at(0)
    return parsed.kind if parsed is not None else "Organization"


def comparison_name(name: str) -> str:
    """A key under which two ways of writing a body's name are one ("Viễn thông tỉnh X" = "Viễn thông X")."""
    return " ".join(w for w in text_key(name).split() if w != "tỉnh")


def _add(records: dict[str, Organization], name: str, kind: str, evidence: Evidence, org: OrgMatch | None) -> None:
    key = comparison_name(name)
    if key not in records:
        records[key] = Organization(name, kind, evidence, org.province if org else None)
