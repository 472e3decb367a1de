"""One article's mentions joined up: people across sentences, posts to their bodies.

A person named twice is one person; "ông Khiết" or "Phó Chủ tịch Đức" is the
person whose name ends so; "Bí thư Tỉnh ủy" with no name is whoever holds that
post in the article. A post written without its body takes it from the body the
article is about: "… làm Trưởng ban" in an article setting up a steering
committee, "Trưởng Ban Chỉ đạo" after the committee was named in full.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from loaders.extraction.context import ArticleContext
from loaders.extraction.keys import numbered_key, text_key
from loaders.extraction.names import NameMention
from loaders.extraction.organizations import OrgMatch, is_national_name
from loaders.extraction.persons import PersonMention, Segment, SentenceReading
from loaders.extraction.provinces import ArticleProvince, named_with_unit
from loaders.extraction.titles import body_kinds
from loaders.record import Evidence, Person, Post
from ontology.gazetteer import Province

_SEVERAL = re.compile(r"(?:của\s+)?(?P<count>\d+|hai|ba|bốn|các)\s+ban chỉ đạo", re.IGNORECASE)
_COUNTS = {"hai": 2, "ba": 3, "bốn": 4}
_PARTY_TITLES = frozenset({"Bí thư", "Phó Bí thư", "Phó Bí thư Thường trực", "Phó Bí thư chuyên trách"})
_PARTY_BODIES = frozenset({"Tỉnh ủy", "Thành ủy"})
# Membership of a party committee, which a committee's own body does not have: "Ủy viên Ban Thường vụ, Trưởng Ban
# Dân vận Tỉnh ủy" is a member of the Tỉnh ủy's standing committee.
_MEMBERSHIP_TITLES = frozenset({"Ủy viên Ban Thường vụ", "Ủy viên Ban Chấp hành"})
_COMMITTEE_OF_ITS_BODY = re.compile(
    r"^(?:Ban|Ủy ban Kiểm tra|Văn phòng)(?:\s.*?)?\s((?:Tỉnh|Thành|Huyện|Quận|Thị) ủy\b.*)$"
)
_MINISTRY_ONLY = frozenset({"Ministry"})
_RELIEVED = re.compile(r"(?<!\w)(?:miễn nhiệm|thôi giữ|cho thôi)(?!\w)", re.IGNORECASE)
_TOWARDS = re.compile(r"(?<!\w)đối với(?!\w)")


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Where the text refers to a person (by name, short name or post)."""

    start: int
    end: int
    key: str


@dataclass(frozen=True, slots=True)
class PostBody:
    """A body a person's post belongs to, as the record writes it, with the post's evidence."""

    name: str
    mention: OrgMatch | None  # the body as the text names it with the post, if it does
    province: Province | None
    evidence: Evidence


@dataclass(slots=True)
class People:
    """The article's people, in order of first mention, and every reference to them."""

    persons: list[Person] = field(default_factory=list)
    refs: list[PersonRef] = field(default_factory=list)
    bodies: dict[str, list[PostBody]] = field(default_factory=dict)  # by person key

    def key_of(self, start: int, end: int) -> list[str]:
        """The people referred to inside ``text[start:end]``, in order."""
        keys: list[str] = []
        for ref in self.refs:
            if start <= ref.start and ref.end <= end and ref.key not in keys:
                keys.append(ref.key)
        return keys

    def name_of(self, key: str) -> str:
        """The full name of the person with ``key``."""
        return next(p.name for p in self.persons if text_key(p.name) == key)


class BodyResolver:
    """Finds the body a post refers to when the text names it only by its head ("Ban Chỉ đạo")."""

    def __init__(self, ctx: ArticleContext, organizations: list[OrgMatch]) -> None:
        self.ctx = ctx
        self.named = [o for o in organizations if not o.bare and not o.generic]
        self._counts: dict[int, int] = {}  # "của 2 ban chỉ đạo": the count of bodies each sentence speaks of

    def focus(self, head: str, pos: int) -> list[OrgMatch]:
        """The body (or bodies, "của 2 ban chỉ đạo") of kind ``head`` the text at ``pos`` is about.

        ``head`` is a body's head ("Ban Chỉ đạo") or the word a title shares with its body ("Ban").
        """
        matching = [o for o in self.named if (o.head == head or o.name.startswith(f"{head} ")) and o.name != head]
        if head.startswith("Ban"):
            steering = [o for o in matching if o.kind == "SteeringCommittee"]
            matching = steering or [o for o in matching if o.kind != "PartyCommittee"]
        before = [o for o in matching if o.start < pos]
        after = [o for o in matching if o.start >= pos]
        count = self._count(pos) if head.startswith("Ban") else 1
        distinct: list[OrgMatch] = []
        for org in reversed(before):
            if all(text_key(org.name) != text_key(d.name) for d in distinct):
                distinct.append(org)
        if distinct:
            return distinct[:count]
        return after[:1]

    def settled(self, org: OrgMatch) -> OrgMatch:
        """``org`` as the article's bodies settled it: "Cục Thống kê" after "Cục Thống kê tỉnh" is that body."""
        if org.located:
            return org
        longer = (o for o in self.named if o.start == org.start and o.head == org.head and o.name != org.name)
        return next((o for o in longer if o.name.startswith(org.name)), org)

    def nearby(self, kinds: frozenset[str], pos: int) -> OrgMatch | None:
        """The one body of ``kinds`` named earlier in the sentence holding ``pos``, if exactly one is."""
        if not kinds:
            return None
        sentence = self.ctx.sentence(pos)
        found = {text_key(o.name): o for o in self.named if sentence.start <= o.start < pos and o.kind in kinds}
        return next(iter(found.values())) if len(found) == 1 else None

    def _count(self, pos: int) -> int:
        sentence = self.ctx.sentence(pos)
        count = self._counts.get(sentence.index)
        if count is None:
            match = _SEVERAL.search(self.ctx.text, sentence.start, sentence.end)
            word = match.group("count").lower() if match is not None else "1"
            count = int(word) if word.isdigit() else _COUNTS.get(word, 99)
            self._counts[sentence.index] = count
        return count

    def complete(self, name: str, province: ArticleProvince | None = None) -> tuple[str, Province | None]:
        """A body a title implies, with the province ("Tỉnh ủy" → "Tỉnh ủy Quảng Ngãi"; the article's by default)."""
        local = self.ctx.organizations.unit_body(name) if province is None else None
        if local is not None:  # "Quận ủy viên" in an article about one district
            return local, None
        province = province or self.ctx.province
        if name in _PARTY_BODIES and province is not None:
            return f"{name} {named_with_unit(province.label)}", province.province
        return name, None


def join_people(ctx: ArticleContext, readings: list[SentenceReading], organizations: list[OrgMatch]) -> People:
    """The article's people with their posts, and every reference to them."""
    resolver = BodyResolver(ctx, organizations)
    people = People()
    by_key: dict[str, Person] = {}
    for reading in readings:
        for mention in reading.persons:
            key = text_key(mention.name.name)
            person = by_key.get(key)
            if person is None:
                person = Person(mention.name.name, _evidence(mention.name, "person.name", 0.9))
                by_key[key] = person
                people.persons.append(person)
            _add_posts(person, mention, resolver, people)
            people.refs.append(PersonRef(mention.name.context_start, mention.name.end, key))
    for reading in readings:
        _resolve_short(reading.short_names, by_key, people)
        _resolve_loose(reading.loose, by_key, resolver, people)
    _drop_relieved(ctx, readings, by_key, people)
    for person in people.persons:
        held = people.bodies.get(text_key(person.name), [])
        person.province = next((body.province for body in held if body.province), None)
    people.refs.sort(key=lambda r: r.start)
    return people


def _drop_relieved(
    ctx: ArticleContext, readings: list[SentenceReading], by_key: dict[str, Person], people: People
) -> None:
    """Posts someone is relieved of ("miễn nhiệm chức Chủ tịch UBND tỉnh đối với ông A") are former wherever the
    article still writes them with the person ("đồng chí A - Chủ tịch UBND tỉnh, giữ chức Bí thư Tỉnh ủy")."""
    text = ctx.text
    for reading in readings:
        for segment in reading.segments:
            if not _RELIEVED.search(text, max(0, segment.start - 30), segment.title.end):
                continue
            sentence = ctx.sentence(segment.start)
            towards = _TOWARDS.search(text, segment.end, sentence.end)
            if towards is None:
                continue
            named = [m for m in reading.persons if 0 <= m.name.context_start - towards.end() <= 12]
            if not named:
                continue
            key = text_key(named[0].name.name)
            person = by_key[key]
            head = segment.org.head if segment.org is not None else None
            kept = [
                post
                for post in person.posts
                if post.title != segment.title.entry.title
                or (head is not None and not (post.organization or "").startswith(head))
            ]
            if len(kept) < len(person.posts):
                names = {text_key(p.organization or "") for p in kept}
                person.posts[:] = kept
                held = people.bodies.get(key, [])
                held[:] = [b for b in held if text_key(b.name) in names]


def _add_posts(person: Person, mention: PersonMention, resolver: BodyResolver, people: People) -> None:
    segments = _one_province([s for s in mention.segments if not s.former], resolver)
    for index, segment in enumerate(segments):
        bodies = _bodies(segment, segments[index + 1 :], mention.frame, resolver)
        for name, province in bodies:
            _add_post(person, segment, name, people, province)


def _one_province(segments: list[Segment], resolver: BodyResolver) -> list[Segment]:
    """A person's posts written without a province are in the province one of them names: "Phó Bí thư
    Tỉnh ủy, Chủ tịch UBND tỉnh Quảng Ninh" are both Quảng Ninh's, whatever the article's province."""
    ctx = resolver.ctx
    named = next(
        (p for s in segments if s.org and s.org.located for p in [ctx.province_named_in(s.org.start, s.org.end)] if p),
        None,
    )
    if named is None or (ctx.province and ctx.province.province.code == named.province.code):
        return segments
    moved = []
    for segment in segments:
        org = segment.org
        if org is not None and not org.located:
            org = ctx.organizations.read_as(org.start, named) or org
        moved.append(replace(segment, org=org, implied_province=named))
    return moved


def _bodies(
    segment: Segment, following: list[Segment], frame: OrgMatch | None, resolver: BodyResolver
) -> list[tuple[str, Province | None]]:
    """The bodies a post belongs to (usually one; none when the text does not say).

    ``following`` are the person's later posts (a body two titles share), ``frame``
    the body the sentence speaks for ("Về phía Viettel, …").
    """
    entry = segment.title.entry
    if entry.organization:
        return [resolver.complete(entry.organization, segment.implied_province)]
    org = segment.org
    if org is not None and org.generic:
        # "Chủ tịch UBND huyện Lê Văn A": a person's post is in one body, of the unit the article is about
        return [(org.name, None)] if org.unnamed else []
    if org is not None and not org.bare:
        org = resolver.settled(org)
        return [(org.name, org.province)]
    head = org.head if org is not None else entry.head or entry.of
    if head is not None:
        found = resolver.focus(head, segment.start)
        if found:
            return [(o.name, o.province) for o in found]
    shared = _shared_body(entry.title, following, resolver)
    if shared is not None:
        return [shared]
    if frame is not None:
        return [(frame.name, frame.province)]
    nearby = resolver.nearby(body_kinds(entry.title), segment.start)
    if nearby is not None:
        return [(nearby.name, nearby.province)]
    if body_kinds(entry.title) == _MINISTRY_ONLY:  # "Cùng đi có Thứ trưởng Lê Quang Hà": the article's ministry
        ministry = resolver.ctx.organizations.article_ministry()
        return [(ministry.name, None)] if ministry is not None else []
    return []


def _shared_body(title: str, following: list[Segment], resolver: BodyResolver) -> tuple[str, Province | None] | None:
    """The body of the next post in the chain, which two titles can share ("Trưởng đại diện – Giám đốc VNPT X"),
    when it is of a kind the title is held in (a "Giám đốc" is no post of a people's committee)."""
    kinds = body_kinds(title)
    for segment in following:
        body = segment.org
        if segment.title.entry.organization:
            return None
        if body is None or body.generic:
            continue
        if kinds and body.kind not in kinds:
            return None
        if title in _PARTY_TITLES and body.kind != "PartyCommittee":
            return None
        if body.bare:
            found = resolver.focus(body.head, segment.start)
            return (found[0].name, found[0].province) if found else None
        committee = _COMMITTEE_OF_ITS_BODY.match(body.name) if title in _MEMBERSHIP_TITLES else None
        return (committee.group(1) if committee else body.name), body.province
    return None


def _add_post(person: Person, segment: Segment, body: str, people: People, province: Province | None) -> None:
    title = segment.title.entry.title
    key = (text_key(title), text_key(body))
    if any((text_key(p.title), text_key(p.organization or "")) == key for p in person.posts):
        return
    rule = "post.party_split" if segment.title.entry.organization else "post.title_with_body"
    confidence = 0.9 if segment.org is not None and not segment.org.bare else 0.75
    evidence = Evidence(segment.start, segment.end, rule, confidence)
    person.posts.append(Post(title, body, evidence))
    people.bodies.setdefault(text_key(person.name), []).append(PostBody(body, segment.org, province, evidence))


def _resolve_short(names: list[NameMention], by_key: dict[str, Person], people: People) -> None:
    for name in names:
        matches = [key for key, p in by_key.items() if p.name.rsplit(" ", 1)[-1] == name.name]
        if len(matches) == 1:
            people.refs.append(PersonRef(name.context_start, name.end, matches[0]))


def _resolve_loose(segments: list[Segment], by_key: dict[str, Person], resolver: BodyResolver, people: People) -> None:
    """A post written with no name refers to the one person holding it ("Bí thư Tỉnh ủy chỉ đạo")."""
    for segment in segments:
        bodies = {text_key(name) for name, _ in _bodies(segment, [], None, resolver)}
        title = text_key(segment.title.entry.title)
        holders = [
            key
            for key, person in by_key.items()
            if any(text_key(p.title) == title and text_key(p.organization or "") in bodies for p in person.posts)
        ]
        if len(holders) == 1:
            people.refs.append(PersonRef(segment.start, segment.end, holders[0]))


def _evidence(name: NameMention, rule: str, confidence: float) -> Evidence:
    return Evidence(name.start, name.end, rule, confidence)


_INTRODUCED = re.compile(r"(?:thành lập|kiện toàn|thành lập lại)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class _Named:
    """One distinct body name of an article: its stem, first mention, and whether it is named in full."""

    stem: str
    org: OrgMatch
    full: bool = False  # named with its locality or introduced ("thành lập …")
    located: bool = False  # named with its locality


def settle_bodies(ctx: ArticleContext, bodies: list[OrgMatch]) -> list[OrgMatch]:
    """Bodies named loosely ("Ban chỉ đạo về quy chế …", "Trung tâm Phục vụ hành chính công") read as the
    body the article names in full, when it names one.

    A free-form name that does not say where the body is refers to the body of
    that kind named with its locality (or introduced by "thành lập"), when the
    loose name begins that full name, or when the article has only one steering
    committee named in full.
    """
    by_head: dict[str, dict[str, _Named]] = {}
    for org in bodies:
        if org.bare or org.generic:
            continue
        entry = by_head.setdefault(org.head, {}).setdefault(
            text_key(org.name), _Named(numbered_key(_stem(ctx, org)), org)
        )
        entry.located = entry.located or org.located
        entry.full = entry.full or org.located or _introduced(ctx, org)
    located = {key for names in by_head.values() for key, entry in names.items() if entry.located}
    settled = []
    for org in bodies:
        key = text_key(org.name)
        if org.bare or org.generic or org.located or org.head == org.name or key in located:
            settled.append(org)
            continue
        target = _settled_as(ctx, org, key, by_head[org.head])
        settled.append(replace(target, start=org.start, end=org.end) if target is not None else org)
    return settled


def _settled_as(ctx: ArticleContext, org: OrgMatch, key: str, names: dict[str, _Named]) -> OrgMatch | None:
    stem = names[key].stem
    for entry in names.values():
        if len(entry.stem) > len(stem) and entry.stem.startswith(stem):
            return entry.org
    if org.kind != "SteeringCommittee" or _introduced(ctx, org) or is_national_name(org.name):
        return None
    full = [entry.org for other, entry in names.items() if entry.full and other != key]
    return full[0] if len(full) == 1 else None


def _introduced(ctx: ArticleContext, org: OrgMatch) -> bool:
    return _INTRODUCED.search(ctx.text, max(0, org.start - 20), org.start) is not None


def _stem(ctx: ArticleContext, org: OrgMatch) -> str:
    """``org``'s name without the province the reader added to it."""
    added = f" {ctx.organizations.default_locality}"
    return org.name[: -len(added)] if not org.located and org.name.endswith(added) else org.name
