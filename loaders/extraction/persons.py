"""People and the posts the article states they hold.

Vietnamese government news writes a post before a name ("Phó Chủ tịch UBND tỉnh
Trần Thanh Đức") or after it, set off by a comma or dash ("ông Đinh Văn Khiết –
Phó Chủ tịch UBND tỉnh Đắk Lắk"), and chains several ("Phó Bí thư Tỉnh ủy, Chủ
tịch UBND tỉnh Nguyễn Văn Phương"; "Nguyễn Mạnh Hùng - Tỉnh ủy viên, Giám đốc
Sở"). In a list of people each name takes the post written right before it and
the posts chained after it, up to the next person's.

A sentence is read as a row of names and post segments (title + body); the
separators between them decide which segment belongs to which name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from loaders.extraction.context import ArticleContext
from loaders.extraction.letters import CAP_SYLLABLE
from loaders.extraction.names import NameMention, find_names, in_people_list
from loaders.extraction.organizations import OrgMatch
from loaders.extraction.provinces import ArticleProvince
from loaders.extraction.tables import alternation, strings
from loaders.extraction.titles import TitleMatch, find_titles, is_post_verb, title_at

# What may stand between two posts of one person, or between a name and its posts.
_CHAIN = re.compile(r"^[ \t]*(?:[,–—-]|\(|\)|[ \t])*[ \t]*$")
_PLURAL_BEFORE = re.compile(r"(?<!\w)các\s+(?:đồng chí\s+)?$", re.IGNORECASE)
# Between a plural title and the list of its holders: "các Phó Chủ tịch UBND tỉnh gồm các ông, bà: A, B".
_LIST_INTRO = re.compile(
    r"[ \t]*(?:gồm|là)?[ \t]*(?:có[ \t]+)?(?:các[ \t]+)?(?:đồng chí|ông,?[ \t]*bà|ông|bà)?[ \t]*(?P<colon>:)?[ \t]*",
    re.IGNORECASE,
)
_ITEM_BREAK = re.compile(r"[^;.\n]*;[ \t]*")
_LIST_JOIN = re.compile(r"\s*(?:,|và|,\s*và)\s*")
# "giữ chức", "giữ chức vụ", "giữ chức danh" right before a title: the post given by an appointment.
_APPOINTED_BEFORE = re.compile(r"(?<!\w)giữ\s+chức(?:\s+(?:vụ|danh))?\s+\Z")
_CLAUSE_BREAK = re.compile(r"[;.:\n]")
_DASH = re.compile(r"[ \t]*[-–—][ \t]*")
_SEMICOLON = re.compile(r"[ \t]*;[ \t]*")
_DEPUTY_AFTER = re.compile(r"[ \t]*[,–-][ \t]*(?:đại biểu|Đại biểu|ĐBQH)(?![^\W\d_])")
_DEPUTY_BEFORE = re.compile(r"(?<![^\W\d_])(?:đại biểu|Đại biểu|ĐBQH)[ \t]+\Z")
# Bodies every unit has (a party committee, a council, a people's committee) and the post a chain passes to next.
_UNIT_HEADS = frozenset({"Đảng ủy", "Hội đồng nhân dân", "Ủy ban nhân dân"})
_NEXT_POST = re.compile(r"[ \t]*,[ \t]*(?=\S)")
_RANK = re.compile(r"(?<![^\W\d_])(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)(?![^\W\d_])")
# "bầu bổ sung chức vụ Phó Chủ tịch …", "phê chuẩn … chức danh Ủy viên UBND tỉnh …": a post conferred on people
# named after it.
_CONFERRED_BEFORE = re.compile(
    r"(?<!\w)(?:(?:phê chuẩn|công nhận)(?:\s+kết quả)?(?:\s+bầu)?(?:\s+bổ sung)?(?:\s+(?:chức vụ|chức danh))?"
    r"|(?:bầu|bầu bổ sung|bổ nhiệm|chỉ định)\s+(?:chức vụ|chức danh))\s+\Z",
    re.IGNORECASE,
)
# From the post to the first person it is conferred on: "…, nhiệm kỳ 2016 - 2021 đối với ông", "… đối với:".
_FOR_PEOPLE = re.compile(r"[^.;:\n]{0,40}?đối với\s*:?\s*(?:ông|bà|đồng chí|đ/c)?\s*", re.IGNORECASE)
# A count of people before the post they are given: "bổ sung 2 Ủy viên …" (after "miễn nhiệm": former).
_COUNTED_BEFORE = re.compile(r"(?<!\w)(?P<former>miễn nhiệm\s+|thôi\s+)?(?:\d+|hai|ba|bốn|năm)\s+\Z", re.IGNORECASE)
# From a counted post to the first of the people it names: "… là ông", "…: bà".
_IS_PEOPLE = re.compile(r"[ \t]*(?:nhiệm kỳ[^.;:\n]{0,15}?)?[ \t]*(?:là|gồm|:)[ \t]*:?[ \t]*(?:ông|bà|đồng chí)?[ \t]*")
_DESIGNATED = re.compile(
    r"[ \t]*(?:\([^()]{0,10}\)[ \t]*)?(?:đã[ \t]+)?được[ \t]+(?:chỉ định|bầu|bổ nhiệm|phê chuẩn)[ \t]+(?:là|làm)[ \t]+"
    r"(?:ông|bà|đồng chí)?[ \t]*"
)
_ITEM_JOINT = re.compile(
    r"(?:[ \t,]*nhiệm kỳ[ \t]*\d{4}[ \t]*[-–][ \t]*\d{4})?[ \t]*(?:,|;|và|,[ \t]*và)[ \t]*(?:ông|bà|đồng chí)?[ \t]*"
)
# "Trước đó, ông A là …", "Trước khi …, bà B là …": the person's earlier posts.
_EARLIER_OPENING = re.compile(r"[ \t]*Trước (?:đó|khi[^,.;]{0,80}),[ \t]*(?:ông|bà|đồng chí)?[ \t]*")
# The person the sentence is about, by full or short name ("bà Nga"), and the verb giving the earlier posts.
_EARLIER_SUBJECT = re.compile(
    rf"(?P<name>{CAP_SYLLABLE}(?: {CAP_SYLLABLE}){{0,5}})[ \t]+(?:là|từng là|giữ chức|làm)[ \t]"
)
_CAREER = re.compile(rf"(?<!\w)(?:{alternation(strings('titles', 'career_cues'))})(?!\w)", re.IGNORECASE)
_CURRENT = re.compile(rf"(?<!\w)(?:{alternation(strings('titles', 'current_cues'))})(?!\w)|;", re.IGNORECASE)
_FRAME = re.compile(r"(?:Về phía|Thay mặt|Đại diện)\s+(?:lãnh đạo\s+|Lãnh đạo\s+)?$", re.IGNORECASE)


@dataclass(slots=True)
class Segment:
    """A post written at ``text[start:end]``: a title and the body after it (if any)."""

    start: int
    end: int
    title: TitleMatch
    org: OrgMatch | None
    owner: int | None = None  # index of the name holding it
    sharers: list[int] = field(default_factory=list)  # names after a plural title ("các Phó Chủ tịch A, B")
    implied_province: ArticleProvince | None = None  # the province another post of the person names

    @property
    def former(self) -> bool:
        """A former post ("nguyên Bộ trưởng …")."""
        return self.title.former


@dataclass(slots=True)
class PersonMention:
    """One mention of a person with the post segments written with it."""

    name: NameMention
    segments: list[Segment] = field(default_factory=list)
    frame: OrgMatch | None = None  # "Về phía Viettel, …": the body the sentence speaks for


@dataclass(slots=True)
class SentenceReading:
    """What one sentence says about people."""

    persons: list[PersonMention]
    short_names: list[NameMention]  # one-syllable names after an honorific or title ("ông Khiết")
    loose: list[Segment]  # posts written with no name ("Bí thư Tỉnh ủy chỉ đạo")
    segments: list[Segment]  # every post written in the sentence


def read_sentence(ctx: ArticleContext, start: int, end: int) -> SentenceReading:
    """The people, short names and unattached posts of ``text[start:end]``."""
    segments = _segments(ctx, start, end)
    skip = [(s.start, s.end) for s in segments]
    skip += [(o.start, o.end) for o in ctx.bodies(start, end)]
    skip += [(h.start, h.end) for h in ctx.provinces_in(start, end)]
    names = [n for n in find_names(ctx.text, start, end, skip) if not _inside(n, segments)]
    full = [n for n in names if n.syllables >= 2]
    short = [n for n in names if n.syllables == 1]
    _assign(ctx.text, full, segments)
    _claim_appointed(ctx.text, full, segments)
    _claim_conferred(ctx.text, full, segments)
    _claim_counted(ctx.text, full, segments)
    _share_plural_titles(ctx.text, full, segments)
    _share_verb_posts(ctx.text, full, segments)
    segments[:] = _earlier_posts(ctx.text, start, full, segments)
    careers = career_spans(ctx.text, start, end) if segments else []
    if careers:
        segments[:] = [
            replace(s, title=replace(s.title, former=True)) if any(a <= s.start < b for a, b in careers) else s
            for s in segments
        ]
    persons = []
    kept = -2
    for index, name in enumerate(full):
        own = [s for s in segments if s.owner == index or index in s.sharers]
        named = own or name.honorific or in_people_list(ctx.text, name.context_start) or _listed(ctx.text, name)
        # "các Đại biểu Quốc hội: A, B, C", "Cầm Thị Loan, đại biểu Quốc hội chuyên trách": people of a list, a deputy
        listed = kept == index - 1 and _LIST_JOIN.fullmatch(ctx.text, full[kept].end, name.context_start) is not None
        deputy = name.has_surname and (
            _DEPUTY_AFTER.match(ctx.text, name.end) or _DEPUTY_BEFORE.search(ctx.text, start, name.context_start)
        )
        if named or listed or deputy:
            persons.append(PersonMention(name, own, _frame(ctx, start, name.context_start)))
            kept = index
    loose = [s for s in segments if s.owner is None and not s.former]
    return SentenceReading(persons, short, loose, segments)


def _segments(ctx: ArticleContext, start: int, end: int) -> list[Segment]:
    found: list[Segment] = []
    for title in find_titles(ctx.text, start, end):
        if found and title.start < found[-1].end:
            continue
        org = _body_after(ctx, title)
        found.append(Segment(title.start, org.end if org else title.end, title, org))
    return found


def _body_after(ctx: ArticleContext, title: TitleMatch) -> OrgMatch | None:
    """The body written with a title: from its head word ("Ban" of "Trưởng Ban …") or right after it."""
    if title.head_start is not None:
        org = ctx.organizations.at(title.head_start, any_case=True)
        if org is not None and org.end > title.end:
            return org
    pos = title.end
    while pos < len(ctx.text) and ctx.text[pos] in " \t":
        pos += 1
    org = ctx.organizations.at(pos)
    if org is None and title.head_start is not None:
        return ctx.organizations.at(title.head_start)
    if org is not None:
        return org
    # "Bí thư Đảng ủy, Giám đốc Sở Y tế": a head alone after a title is the body of that kind in the article;
    # "Bí thư Đảng ủy, Chủ tịch HĐND phường Bến Thành": the committee of the unit the next post names
    bare = ctx.organizations.bare_head_at(pos)
    return _sharing_next_locality(ctx, bare) if bare is not None else None


def _sharing_next_locality(ctx: ArticleContext, bare: OrgMatch) -> OrgMatch:
    """A bare head of a body every unit has, written with the locality of the post chained after it; a bare
    "Đảng ủy" before a post in a department is the department's ("Phó Bí thư Đảng ủy, Phó Giám đốc Sở Y tế")."""
    joint = _NEXT_POST.match(ctx.text, bare.end)
    if bare.head not in _UNIT_HEADS or joint is None:
        return bare
    title = title_at(ctx.text, joint.end())
    following = ctx.organizations.at(ctx.organizations.skip_space(title.end) if title else joint.end())
    if following is None or following.generic or following.bare:
        return bare
    if bare.head == "Đảng ủy" and following.kind == "Department":
        return replace(bare, name=f"{bare.head} {following.name}", bare=False, located=following.located)
    if not following.located or following.head not in _UNIT_HEADS:
        return bare
    locality = following.name[len(following.head) :].strip()
    return replace(bare, name=f"{bare.head} {locality}", bare=False, located=True)


def _inside(name: NameMention, segments: list[Segment]) -> bool:
    return any(s.start <= name.start < s.end for s in segments)


def _connection(text: str, left_end: int, right_start: int) -> str:
    """How two neighbouring items are joined: "adjacent", "chain", "verb" or "break"; a military rank between
    them joins as a comma does ("ông Trần Văn A, Đại tá, Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh")."""
    gap = _RANK.sub(" ", text[left_end:right_start])
    if gap.strip() == "":
        return "adjacent"
    if _CHAIN.match(gap) or re.fullmatch(r"\s*,?\s*kiêm(?: nhiệm)?\s*", gap):
        return "chain"
    if is_post_verb(gap):
        return "verb"
    return "break"


def _assign(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """Give each segment to the name it belongs to (see the module docstring)."""
    items: list[tuple[int, int, int, str]] = [(n.context_start, n.end, i, "name") for i, n in enumerate(names)]
    items += [(s.start, s.end, i, "segment") for i, s in enumerate(segments)]
    items.sort()
    for position, (_, _, name_index, kind) in enumerate(items):
        if kind == "name":
            _claim_before(text, items, position, segments, name_index)
    for position, (_, _, name_index, kind) in enumerate(items):
        if kind == "name":
            _claim_after(text, items, position, segments, name_index)


def _claim_appointed(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """A post given by "giữ chức" far from the name is the person's named (with "ông", "đồng chí" …) last
    before it in the clause:
    "điều động đồng chí A, Trưởng Ban Tổ chức Tỉnh ủy, đến nhận công tác, …, giữ chức Bí thư Thành ủy"."""
    for segment in segments:
        if (
            segment.owner is not None
            or segment.former
            or not _APPOINTED_BEFORE.search(text, max(0, segment.start - 24), segment.start)
        ):
            continue
        before = [i for i, n in enumerate(names) if n.end <= segment.start and n.honorific]
        if before and not _CLAUSE_BREAK.search(text, names[before[-1]].end, segment.start):
            segment.owner = before[-1]
            _claim_chained(text, segments, segment)


def _claim_chained(text: str, segments: list[Segment], claimed: Segment) -> None:
    """The posts chained after one a person was given are theirs too ("giữ chức Phó Bí thư Huyện ủy, Chủ tịch
    UBND huyện")."""
    previous = claimed
    for segment in segments:
        if segment.start < claimed.end:
            continue
        if segment.owner is not None or _connection(text, previous.end, segment.start) != "chain":
            return
        segment.owner = claimed.owner
        previous = segment


def _claim_conferred(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """A post an approval or election names before the people it is given to is theirs: "phê chuẩn kết quả
    bầu bổ sung chức vụ Phó Chủ tịch UBND tỉnh X, nhiệm kỳ 2016 - 2021 đối với ông A, Tỉnh ủy viên, Giám đốc Sở
    Y và ông B, …". People listed with no post of their own before one with posts share that one's ("đối với:
    ông C, ông D, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh X nhiệm kỳ 2011 - 2016")."""
    for segment in segments:
        conferred = _CONFERRED_BEFORE.search(text, max(0, segment.start - 60), segment.start)
        if segment.owner is not None or segment.former or conferred is None:
            continue
        first = next((i for i, n in enumerate(names) if n.context_start >= segment.end), None)
        if first is None or not _FOR_PEOPLE.fullmatch(text, segment.end, names[first].context_start):
            continue
        listed = _listed_from(text, names, segments, first)
        segment.owner = listed[0]
        segment.sharers.extend(listed[1:])
        bare: list[int] = []
        for index in listed:
            own = [s for s in segments if s.owner == index and s is not segment]
            if not own:
                bare.append(index)
                continue
            for post in own:
                post.sharers.extend(bare)
            bare = []


def _claim_counted(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """A post given to a counted list of people is each one's: "phê chuẩn bổ sung 2 Ủy viên UBND tỉnh X là ông
    A, Giám đốc Sở Y và ông B, Giám đốc Công an tỉnh" (not after "miễn nhiệm", which makes them former); so is a
    post whose holder is designated after it ("Chủ tịch UBND tỉnh X được chỉ định là ông A")."""
    for segment in segments:
        if segment.owner is not None or segment.former:
            continue
        count = _COUNTED_BEFORE.search(text, max(0, segment.start - 30), segment.start)
        first = next((i for i, n in enumerate(names) if n.context_start >= segment.end), None)
        if first is None:
            continue
        gap = (segment.end, names[first].context_start)
        counted = count is not None and not count.group("former") and _IS_PEOPLE.fullmatch(text, *gap)
        if not counted and not _DESIGNATED.fullmatch(text, *gap):
            continue
        listed = _listed_from(text, names, segments, first)
        segment.owner = listed[0]
        segment.sharers.extend(listed[1:])


def _listed_from(text: str, names: list[NameMention], segments: list[Segment], first: int) -> list[int]:
    """The name ``first`` and the names listed after it, each with its own posts ("ông A, X; bà B, Y và ông C")."""
    listed = [first]
    for index in range(first + 1, len(names)):
        end = _end_of(listed[-1], names, segments, names[index].context_start)
        if not _ITEM_JOINT.fullmatch(text, end, names[index].context_start):
            break
        listed.append(index)
    return listed


def career_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where ``text[start:end]`` tells a career ("Ông từng làm Trưởng Công an huyện, phó giám đốc Công an tỉnh …"):
    from the cue to the end of the sentence, or to a clause bringing the story to today ("…; hiện là …")."""
    spans: list[tuple[int, int]] = []
    pos = start
    while (cue := _CAREER.search(text, pos, end)) is not None:
        stop = _CURRENT.search(text, cue.end(), end)
        spans.append((cue.start(), stop.start() if stop is not None else end))
        pos = max(spans[-1][1], cue.end())
    return spans


def article_careers(ctx: ArticleContext) -> list[tuple[int, int]]:
    """Every stretch of the article telling a career (see :func:`career_spans`)."""
    spans: list[tuple[int, int]] = []
    for cue in _CAREER.finditer(ctx.text):
        if spans and cue.start() < spans[-1][1]:
            continue
        sentence = ctx.sentence(cue.start())
        spans += career_spans(ctx.text, cue.start(), sentence.end)[:1]
    return spans


def _earlier_posts(text: str, start: int, names: list[NameMention], segments: list[Segment]) -> list[Segment]:
    """A sentence opening "Trước đó, ông A là …" gives A's earlier posts, which the record leaves out as former."""
    opening = _EARLIER_OPENING.match(text, start)
    subject = _EARLIER_SUBJECT.match(text, opening.end()) if opening is not None else None
    if subject is None:
        return segments
    earlier = [i for i, n in enumerate(names) if n.start == subject.start("name")]
    return [
        replace(s, title=replace(s.title, former=True))
        if s.start >= subject.end() and (s.owner is None or s.owner in earlier) and not s.sharers
        else s
        for s in segments
    ]


def _claim_before(
    text: str, items: list[tuple[int, int, int, str]], position: int, segments: list[Segment], owner: int
) -> None:
    if position == 0 or items[position - 1][3] != "segment":
        return
    joint = text[items[position - 1][1] : items[position][0]]
    if _connection(text, items[position - 1][1], items[position][0]) != "adjacent" and not (
        _DASH.fullmatch(joint) and not _named_before(text, items, position - 1)
    ):
        return  # "Giám đốc Sở Nội vụ - Bùi Thị Hoa": a dash joins a post to the name after it, unless a name
        # before the post holds it ("Trần Văn A - Giám đốc Sở - Bùi Thị Hoa - Phó Giám đốc")
    chain = [position - 1]
    k = position - 1
    while k > 0 and items[k - 1][3] == "segment" and _connection(text, items[k - 1][1], items[k][0]) == "chain":
        k -= 1
        chain.insert(0, k)
    if k > 0 and items[k - 1][3] == "name" and _connection(text, items[k - 1][1], items[k][0]) != "break":
        chain = [position - 1]  # the earlier posts belong to the person named before them
    for index in chain:
        segment = segments[items[index][2]]
        if segment.owner is None:
            segment.owner = owner


def _named_before(text: str, items: list[tuple[int, int, int, str]], position: int) -> bool:
    """True when a name is written right before the chain of posts ending at ``items[position]``."""
    k = position
    while k > 0 and items[k - 1][3] == "segment" and _connection(text, items[k - 1][1], items[k][0]) == "chain":
        k -= 1
    return k > 0 and items[k - 1][3] == "name" and _connection(text, items[k - 1][1], items[k][0]) != "break"


def _claim_after(
    text: str, items: list[tuple[int, int, int, str]], position: int, segments: list[Segment], owner: int
) -> None:
    k = position + 1
    previous_end = items[position][1]
    while k < len(items) and items[k][3] == "segment":
        segment = segments[items[k][2]]
        joint = _connection(text, previous_end, items[k][0])
        # "A, Ủy viên Bộ Chính trị; Giám đốc Học viện …": posts of one person set off by semicolons (a post
        # written before the next person's name is theirs, claimed before)
        between_posts = k > position + 1 and _SEMICOLON.fullmatch(text, previous_end, items[k][0]) is not None
        if segment.owner is not None or (joint == "break" and not between_posts):
            return
        segment.owner = owner
        previous_end = items[k][1]
        k += 1


def _share_plural_titles(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """A title written in the plural before a list of names is each one's: "các Phó Chủ tịch HĐND tỉnh
    Trần Xuân Kỳ, Nguyễn Công Khải" makes both Phó Chủ tịch; so does "các Phó Chủ tịch UBND tỉnh gồm
    các ông, bà: A, B, C", and after "gồm:" each item of a list set off by semicolons ("Các đồng chí Phó Bí
    thư gồm: A, nguyên …; B, …")."""
    for segment in segments:
        if not _PLURAL_BEFORE.search(text, max(0, segment.start - 16), segment.start):
            continue
        first = segment.owner if segment.owner is not None else _listed_first(text, names, segment)
        if first is None:
            continue
        intro = _LIST_INTRO.match(text, segment.end)
        items = intro is not None and intro.group("colon") is not None
        segment.owner = first
        previous = first
        for index in range(first + 1, len(names)):
            name = names[index]
            joined = _LIST_JOIN.fullmatch(text, names[previous].end, name.context_start) is not None
            if not joined and not (items and _opens_item(text, names, segments, previous, name)):
                break
            if joined and any(s.owner == index for s in segments):
                break
            segment.sharers.append(index)
            previous = index


def _listed_first(text: str, names: list[NameMention], segment: Segment) -> int | None:
    """The name opening the list after a plural title's introduction ("… gồm các ông, bà: A"), if one does."""
    intro = _LIST_INTRO.match(text, segment.end)
    if intro is None or not intro.group().strip():
        return None
    return next((i for i, n in enumerate(names) if n.context_start == intro.end()), None)


def _opens_item(text: str, names: list[NameMention], segments: list[Segment], previous: int, name: NameMention) -> bool:
    """True when ``name`` opens the next item, set off by a semicolon, of a list whose item ``previous`` opens."""
    end = _end_of(previous, names, segments, name.context_start)
    gap = _ITEM_BREAK.fullmatch(text, end, name.context_start)
    return gap is not None and text.count(";", end, name.context_start) == 1


def _share_verb_posts(text: str, names: list[NameMention], segments: list[Segment]) -> None:
    """A post a verb gives a list of people is each one's: "bà A, Giám đốc Sở X và ông B, Giám đốc Sở Y
    làm Phó ban" makes both Phó Trưởng ban ("A làm Trưởng ban, B làm Phó ban" gives each their own)."""
    given = [
        (s, s.owner) for s in segments if s.owner is not None and _given_by_verb(text, s, s.owner, names, segments)
    ]
    owners = {owner for _, owner in given}
    for segment, owner in given:
        for index in range(owner - 1, -1, -1):
            end = _end_of(index, names, segments, names[index + 1].context_start)
            if index in owners or not _LIST_JOIN.fullmatch(text, end, names[index + 1].context_start):
                break
            if not segment.former:
                segment.sharers.append(index)


def _given_by_verb(text: str, segment: Segment, owner: int, names: list[NameMention], segments: list[Segment]) -> bool:
    return is_post_verb(text[_end_of(owner, names, segments, segment.start) : segment.start])


def _end_of(index: int, names: list[NameMention], segments: list[Segment], before: int) -> int:
    """Where what is written of person ``index`` (the name and the posts chained to it) ends before ``before``."""
    owned = [s.end for s in segments if s.owner == index and s.end <= before]
    return max([names[index].end, *owned])


def _listed(text: str, name: NameMention) -> bool:
    """True for a name opening an item of a list of people ("…; Bùi Quang Vinh, nguyên …")."""
    before = text[max(0, name.context_start - 3) : name.context_start]
    after = text[name.end : name.end + 12]
    return bool(re.search(r"[;:]\s*$", before)) and bool(re.match(r"\s*[,–-]\s*(?:nguyên|[A-ZĐÂ])", after))


def _frame(ctx: ArticleContext, sentence_start: int, pos: int) -> OrgMatch | None:
    """The body a sentence opens by speaking for ("Về phía Viettel, Đại tá …")."""
    for org in ctx.bodies(sentence_start, pos):
        if _FRAME.search(ctx.text, max(sentence_start, org.start - 30), org.start) and not org.generic:
            return org
    return None
