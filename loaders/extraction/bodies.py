"""The article's bodies: every mention read once, and one organization record per body."""

from __future__ import annotations

import re

from loaders.extraction.context import ArticleContext
from loaders.extraction.coreference import BodyResolver, People, settle_bodies
from loaders.extraction.departments import find_department_lists
from loaders.extraction.keys import numbered_key, text_key
from loaders.extraction.legal_documents import DocumentMention
from loaders.extraction.organizations import OrganizationReader, OrgMatch, is_private_name
from loaders.extraction.shared_localities import share_localities
from loaders.extraction.tables import alternation, strings
from loaders.extraction.titles import title_at
from loaders.record import Evidence, Organization

_VENUE_HEADS = frozenset(strings("organizations", "venue_heads"))
_POSITION_CUE = re.compile(rf"(?<!\w)(?:{alternation(strings('organizations', 'position_cues'))})[ \t]+(?=[A-ZĐ])")
_POSITION_JOINT = re.compile(r"[ \t]*(?:,|và|[-–])[ \t]*")
_OUTLET_HEADS = frozenset(strings("organizations", "outlet_heads"))
_OUTLET_VERB = re.compile(rf"(?:\s+\w+){{0,3}}?\s+(?:{alternation(strings('organizations', 'outlet_verbs'))})(?!\w)")
_PUNCTUATION = re.compile(r"[^\w\s]")
_AT_BEFORE = re.compile(r"(?<!\w)tại\s+$", re.IGNORECASE)
_BUILDING_WORDS = alternation(strings("organizations", "venue_words"))
_IN_BUILDING = re.compile(
    rf"(?<!\w)tại\s+(?:{_BUILDING_WORDS})(?:\s+tầng\s+\d+)?[\s,–-]*(?:cơ quan\s+)?$", re.IGNORECASE
)


def article_bodies(ctx: ArticleContext) -> list[OrgMatch]:
    """Every body the article names, in order: scanned, listed after "Sở:", owning a name ("… của Ban X"),
    loose names settled on the body named in full."""
    found = ctx.bodies() + find_department_lists(ctx)
    found += [org.owner for org in found if org.owner is not None]
    found += [sibling for org in found for sibling in org.siblings]
    return settle_bodies(ctx, share_localities(ctx, sorted(found, key=lambda org: org.start)))


def organization_records(
    ctx: ArticleContext,
    bodies: list[OrgMatch],
    people: People,
    documents: list[DocumentMention],
    not_actors: list[tuple[int, int]],
) -> list[Organization]:
    """One record per body: named in the text, holding a post, or issuing a document.

    Bodies named only inside ``not_actors`` (titles such as "Phó Chủ tịch
    Thường trực …", former posts, outlet tags) or in the closing lines (the
    author's office) are no actors of the article.
    """
    records: dict[str, Organization] = {}
    resolver = BodyResolver(ctx, bodies)
    held_units = _held_units(bodies, people)
    for org in bodies:
        if org.generic and not (org.unnamed and _unit_word(org.name) in held_units):
            continue
        if org.start >= ctx.signature_start or any(a <= org.start < b for a, b in not_actors):
            continue
        if org.head in _VENUE_HEADS and _AT_BEFORE.search(ctx.text, max(0, org.start - 8), org.start):
            continue  # "tại Trung tâm Hội nghị tỉnh": where it happened
        if _IN_BUILDING.search(ctx.text, max(0, org.start - 40), org.start):
            continue  # "tại Hội trường UBND tỉnh"
        if org.head in _OUTLET_HEADS and _OUTLET_VERB.match(ctx.text, org.end):
            continue  # "Báo Phú Yên tiếp tục tường thuật …": the outlet reporting
        if org.bare:
            focus = resolver.focus(org.head, org.start)
            if not focus:
                continue
            org = focus[0]
        evidence = Evidence(org.start, org.end, "organization.mention", 0.85)
        _add(records, Organization(org.name, org.kind, evidence, org.province))
    for held in people.bodies.values():
        for body in held:
            _add(records, Organization(body.name, _kind_of(ctx, body.name, body.mention), body.evidence, body.province))
            owner = body.mention.owner if body.mention is not None else None
            if owner is not None:  # "Phó Trưởng phòng An ninh mạng, Công an tỉnh": the owner is a body too
                _add(records, Organization(owner.name, owner.kind, body.evidence, owner.province))
    for document in documents:
        if not document.issuer_named:
            continue  # an issuer only the gazetteer knows is named by no one in the article
        issuer = OrganizationReader(document.issuer, ctx.province, ctx.published).at(0) if document.issuer else None
        if issuer is not None and issuer.end == len(document.issuer or "") and not issuer.generic:
            evidence = Evidence(document.start, document.end, "organization.issuer", 0.8)
            _add(records, Organization(issuer.name, issuer.kind, evidence, issuer.province))
    return list(records.values())


def position_spans(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Chains of posts named as positions ("kiện toàn nhân sự Chủ tịch HĐND, Chủ tịch UBND huyện", "bầu chức Chủ
    tịch UBND tỉnh"): the bodies in them are named for the post, not as actors (someone's post is listed anyway)."""
    spans: list[tuple[int, int]] = []
    text = ctx.text
    for cue in _POSITION_CUE.finditer(text):
        pos = end = cue.end()
        while (title := title_at(text, pos)) is not None:
            last_word = text.rfind(" ", title.start, title.end) + 1
            body = ctx.organizations.at(ctx.organizations.skip_space(title.end)) or (
                ctx.organizations.at(last_word, any_case=True) if last_word > title.start else None
            )
            end = body.end if body is not None else title.end
            joint = _POSITION_JOINT.match(text, end)
            if joint is None:
                break
            pos = joint.end()
        if end > cue.end():
            spans.append((cue.start(), end))
    return spans


def _held_units(bodies: list[OrgMatch], people: People) -> set[str]:
    """The unit words of the unnamed units ("huyện", "thành phố") in which someone holds a post: the article is
    about one such unit, so its bodies written with the bare word ("HĐND huyện tổ chức …") are that unit's."""
    unnamed = {text_key(org.name) for org in bodies if org.unnamed}
    return {_unit_word(b.name) for held in people.bodies.values() for b in held if text_key(b.name) in unnamed}


def _unit_word(name: str) -> str:
    """The unit word closing an unnamed unit's body ("Ủy ban nhân dân huyện" → "huyện", "Huyện ủy" → "huyện")."""
    words = name.split()
    if len(words) >= 2 and words[-2:] in (["thị", "xã"], ["thành", "phố"]):
        return " ".join(words[-2:])
    last = words[-1].lower() if words else ""
    return {"ủy": words[-2].lower() if len(words) >= 2 else ""}.get(last, last)


def same_body_key(name: str) -> str:
    """A key under which two ways of writing a body's name are one ("Viễn thông tỉnh X" = "Viễn thông X",
    "kinh tế-xã hội" = "kinh tế - xã hội", "Tổ công tác số 02" = "Tổ công tác số 2")."""
    return " ".join(word for word in numbered_key(_PUNCTUATION.sub(" ", name)).split() if word != "tỉnh")


def _kind_of(ctx: ArticleContext, name: str, mention: OrgMatch | None) -> str:
    """The kind of a body written out for a post: the mention's, or read from the name itself."""
    if mention is not None and same_body_key(mention.name) == same_body_key(name):
        return mention.kind
    parsed = OrganizationReader(name, ctx.province, ctx.published).at(0)
    return parsed.kind if parsed is not None else "Organization"


def _add(records: dict[str, Organization], organization: Organization) -> None:
    if not is_private_name(organization.name):
        records.setdefault(same_body_key(organization.name), organization)
