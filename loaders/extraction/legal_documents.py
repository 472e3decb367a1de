"""Legal documents cited in an article: type, notation (or bare number), date and issuer.

"Nghị định số 64/2007/NĐ- CP của Chính phủ", "Chỉ thị số 15/CT-TTg ngày 22/5/2012
của Thủ tướng Chính phủ", "Nghị quyết số 36 - NQ/TW ngày 1.7.2014", "Quyết định 20
của UBND tỉnh". A bare number is kept only with an issuer (SCHEMA); Party
notations are written in their official form ("36/NQ-TW" → "36-NQ/TW").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from loaders.extraction.context import ArticleContext
from loaders.extraction.dates import find_dates, resolve
from loaders.extraction.keys import text_key
from loaders.extraction.national_documents import lookup_full, lookup_short
from loaders.extraction.organizations import OrgMatch
from loaders.extraction.tables import alternation, phrase_pattern, strings, table
from loaders.extraction.titles import title_at
from loaders.notation import normal_notation

_CODE = r"[A-ZĐ][A-Za-zĐđƯư]*(?:&[A-ZĐ][A-Za-zĐđƯư]*)*\d*"  # "BCVT&CNTT" is one unit's code
_STANDARD = rf"\d+[a-z]?\s*/\s*(?:\d{{4}}\s*/\s*)?{_CODE}(?:\s*[-–—]\s*{_CODE})*"
_PARTY = rf"\d+[a-z]?\s*[-–]\s*{_CODE}\s*/\s*{_CODE}"
_BARE = r"\d+[a-z]?(?![\d/]|\s*[-–]\s*[A-ZĐ]|[.,]\d)"
# What may follow a notation on its line: its date, then its issuer ("… ngày 1.7.2014 của Bộ Chính trị").
_ISSUER_AFTER = re.compile(
    r"[ \t]*(?:\([^()\n]{0,40}\)[ \t]*)?(?:,[ \t]*)?(?:khóa[ \t]+[IVXLC]+[ \t]*)?của[ \t]+", re.IGNORECASE
)
_DATE_AFTER = re.compile(r"[ \t]*,?[ \t]*(?:được[ \t]+)?(?:ban hành[ \t]+)?(?=ngày\s)", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[.;:\n]")
_COORDINATED = re.compile(r"\s*(?:,|và|;)\s*")


@dataclass(frozen=True, slots=True)
class DocumentMention:
    """A citation at ``text[start:end]``."""

    start: int
    end: int
    type: str
    number: str
    date: date | None
    issuer: str | None
    bare: bool
    issuer_named: bool = True  # the text names the issuer (else it is the gazetteer's, or unknown)


def _build_type_forms() -> dict[str, str]:
    return {text_key(form): item["type"] for item in table("legal_documents")["types"] for form in item["forms"]}


_TYPE_FORMS: dict[str, str] = _build_type_forms()


def _build_citation_regex() -> re.Pattern[str]:
    types = alternation(_TYPE_FORMS)
    more = rf"(?P<more>(?:\s*(?:,|và)\s*(?:số\s*)?(?:{_PARTY}|{_STANDARD}))*)"
    number = rf"(?P<number>{_PARTY}|{_STANDARD}|{_BARE})"
    return re.compile(rf"(?P<type>{types})(?:\s+số)?\s*:?\s*{number}{more}", re.IGNORECASE)


_CITATION_REGEX: re.Pattern[str] = _build_citation_regex()
_LISTED_NOTATION = re.compile(rf"(?:,|và)\s*(?:số\s*)?(?P<number>{_PARTY}|{_STANDARD})")
_NOTATION_ONLY: frozenset[str] = frozenset(strings("legal_documents", "notation_only"))
_GENERIC_TYPE = "Công văn"
_CODE_TYPES: dict[str, str] = table("legal_documents")["type_codes"]


def _build_titled_citation_regex() -> re.Pattern[str]:
    """A law cited by its title and then its notation: "Luật Ngân sách nhà nước số 83/2015/QH13" (the
    National Assembly's and its Standing Committee's notations end in QH or UBTVQH and the term)."""
    types = alternation(strings("legal_documents", "titled_types"))
    title = r"[A-ZÀ-ỸĐ][^.;:\n“”\"()]{1,100}?"
    number = r"\d+\s*/\s*\d{4}\s*/\s*(?:UBTVQH|QH)\d+"
    return re.compile(rf"(?P<type>{types})\s+(?P<title>{title})\s+số\s*(?P<number>{number})")


_TITLED_CITATION_REGEX: re.Pattern[str] = _build_titled_citation_regex()
# Another kind of document named inside a law's title ("Luật X và Nghị quyết số …/QH15") owns the notation;
# a law named in a law's title ("Luật sửa đổi … của Luật Quy hoạch số …") does not stop it.
_TYPE_WORD = re.compile(
    alternation(
        form
        for item in table("legal_documents")["types"]
        for form in item["forms"]
        if item["type"] not in strings("legal_documents", "titled_types")
    )
)


def _build_party_codes() -> frozenset[str]:
    return frozenset(strings("legal_documents", "party_codes"))


_PARTY_CODES: frozenset[str] = _build_party_codes()


def _build_issuing_verb_before() -> re.Pattern[str]:
    verbs = alternation(strings("legal_documents", "issuing_verbs"))
    return re.compile(rf"(?:đã\s+|vừa\s+|được\s+)?(?:{verbs})\s+$", re.IGNORECASE)


_ISSUING_VERB_BEFORE: re.Pattern[str] = _build_issuing_verb_before()


def _build_offices() -> list[tuple[re.Pattern[str], str]]:
    return [
        (re.compile(phrase_pattern(form)), item["name"])
        for item in table("legal_documents")["offices"]
        for form in sorted(item["forms"], key=len, reverse=True)
    ]


_OFFICES: list[tuple[re.Pattern[str], str]] = _build_offices()


def _coordinated(text: str, previous: DocumentMention, start: int, kind: str, raw: str) -> bool:
    """True when this citation is joined to the previous one of the same type and issuer code."""
    joined = _COORDINATED.fullmatch(text, previous.end, start) is not None
    return joined and previous.type == kind and _issuer_code(previous.number) == _issuer_code(raw)


def _issuer_code(number: str) -> str:
    """The code after the last dash or slash ("UBND" in "1501/QĐ-UBND"); empty for a bare number."""
    return re.split(r"[-/]", normal_notation(number))[-1] if not number.strip().isdigit() else ""


def official_notation(text: str) -> str:
    """The notation as the record writes it: no spaces, ASCII hyphens, Party form for Party codes."""
    notation = normal_notation(text)
    party = re.fullmatch(r"(\d+[a-z]?)/([A-ZĐ]+)-([A-ZĐƯ]+)", notation)
    if party and party.group(3) in _PARTY_CODES:
        return f"{party.group(1)}-{party.group(2)}/{party.group(3)}"
    return notation


def find_documents(ctx: ArticleContext) -> list[DocumentMention]:
    """Every legal document the article cites by notation, or by bare number with an issuer.

    Notations listed after one type word ("Quyết định số 1456-QĐNS/TW và 1457-QĐNS/TW ngày … của Bộ Chính
    trị") are each a document of that type, with the date and issuer written after the last.
    """
    mentions: list[DocumentMention] = []
    titled = [m for m in _TITLED_CITATION_REGEX.finditer(ctx.text) if not _TYPE_WORD.search(m.group("title"))]
    matches = [*_CITATION_REGEX.finditer(ctx.text), *titled]
    for match in sorted(matches, key=lambda m: m.start()):
        mention = _mention(ctx, match, mentions[-1] if mentions else None)
        if mention is not None:
            mentions.append(mention)
            mentions += _listed_after(match, mention)
    return _completed(mentions)


def _listed_after(match: re.Match[str], first: DocumentMention) -> list[DocumentMention]:
    more = match.groupdict().get("more")
    if not more or first.bare:
        return []
    offset = match.start("more")
    listed = []
    for notation in _LISTED_NOTATION.finditer(more):
        start, end = offset + notation.start("number"), offset + notation.end("number")
        number = official_notation(notation.group("number"))
        listed.append(_from_gazetteer(replace(first, start=start, end=end, number=number)))
    return listed


def _completed(mentions: list[DocumentMention]) -> list[DocumentMention]:
    """Bare numbers written out with the notation the article cites in full: "Nghị quyết 26 của Bộ Chính trị"
    beside "Nghị quyết số 26-NQ/TW" is that resolution."""
    full = [m for m in mentions if not m.bare]
    completed = []
    for mention in mentions:
        same = next((m for m in full if mention.bare and m.type == mention.type and _leads(m, mention)), None)
        completed.append(replace(mention, number=same.number, bare=False) if same is not None else mention)
    return completed


def _leads(full: DocumentMention, bare: DocumentMention) -> bool:
    """True when ``bare``'s number is the leading number of ``full``'s notation ("26" of "26-NQ/TW")."""
    return full.number.startswith(bare.number) and not full.number[len(bare.number) : len(bare.number) + 1].isalnum()


def unique_documents(mentions: list[DocumentMention]) -> list[DocumentMention]:
    """One mention per (type, number), its date and issuer from whichever mention gives them."""
    merged: dict[tuple[str, str], DocumentMention] = {}
    for mention in mentions:
        key = (mention.type, mention.number)
        known = merged.get(key)
        if known is None:
            merged[key] = mention
        else:
            merged[key] = replace(
                known,
                date=known.date or mention.date,
                issuer=known.issuer or mention.issuer,
                issuer_named=known.issuer_named or mention.issuer_named,
            )
    return list(merged.values())


def _mention(ctx: ArticleContext, match: re.Match[str], previous: DocumentMention | None) -> DocumentMention | None:
    kind = _TYPE_FORMS[text_key(match.group("type"))]
    raw = match.group("number")
    if kind == _GENERIC_TYPE:  # "văn bản 579/HD-TBTT": a guidance, by the type code of its notation
        codes = [part for part in re.split(r"[-/]", normal_notation(raw))[1:3] if part in _CODE_TYPES]
        kind = _CODE_TYPES[codes[0]] if codes else kind
    bare = raw.isdigit() or re.fullmatch(r"\d+[a-z]", raw) is not None
    if bare and kind in _NOTATION_ONLY:
        return None
    end = match.end()
    day, end = _date_after(ctx, end)
    issuer, end = _issuer_after(ctx, end)
    if issuer is None:
        issuer = _issuer_before(ctx, match.start())
    if issuer is None and previous is not None and _coordinated(ctx.text, previous, match.start(), kind, raw):
        issuer = previous.issuer  # "Quyết định số 1501 … và Quyết định số 390": one issuer for both
    if bare and issuer is None:
        return None
    number = raw if bare else official_notation(raw)
    mention = DocumentMention(match.start(), end, kind, number, day, issuer, bare)
    return _from_gazetteer(mention)


def _from_gazetteer(mention: DocumentMention) -> DocumentMention:
    known = (
        lookup_short(mention.type, mention.number, mention.issuer)
        if mention.bare
        else lookup_full(mention.type, mention.number)
    )
    if known is None:
        return mention
    return replace(
        mention,
        number=known.number,
        date=mention.date or known.date,
        issuer=known.issuer,
        bare=False,
        issuer_named=mention.issuer is not None,
    )


def _date_after(ctx: ArticleContext, pos: int) -> tuple[date | None, int]:
    cue = _DATE_AFTER.match(ctx.text, pos)
    if cue is None:
        return None, pos
    dates = [d for d in find_dates(ctx.text, cue.end(), min(len(ctx.text), cue.end() + 40)) if d.start <= cue.end() + 5]
    if not dates:
        return None, pos
    return resolve(dates[0], None, None), dates[0].end


def _issuer_after(ctx: ArticleContext, pos: int) -> tuple[str | None, int]:
    cue = _ISSUER_AFTER.match(ctx.text, pos)
    if cue is None:
        return None, pos
    return _issuer_at(ctx, cue.end())


def _issuer_at(ctx: ArticleContext, pos: int) -> tuple[str | None, int]:
    """An issuer written at ``pos``: an office, a title and its body ("Bộ trưởng Bộ Y tế"), or a body."""
    for regex, name in _OFFICES:
        office = regex.match(ctx.text, pos)
        if office is not None:
            return name, office.end()
    title = title_at(ctx.text, pos)
    if title is not None:
        org = ctx.organizations.at(_after_title(ctx.text, title.end, title.head_start))
        if org is not None and not org.generic:
            return f"{title.entry.title} {org.name}", org.end
        return None, pos
    org = ctx.organizations.at(pos)
    if org is None or org.generic:
        return None, pos
    return org.name, org.end


def _after_title(text: str, end: int, head_start: int | None) -> int:
    if head_start is not None:
        return head_start
    while end < len(text) and text[end] in " \t":
        end += 1
    return end


def _issuer_before(ctx: ArticleContext, pos: int) -> str | None:
    """The subject that issues the document: "UBND tỉnh vừa ban hành Quyết định 2535".

    The subject is the body (or office) named last before the issuing verb, with
    the title written right before it ("Chủ tịch UBND tỉnh … vừa ký").
    """
    verb = _ISSUING_VERB_BEFORE.search(ctx.text, max(0, pos - 40), pos)
    if verb is None:
        return None
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(ctx.text, max(0, pos - 300), verb.start())), default=0)
    offices = [
        (m.start(), m.end(), name)
        for regex, name in _OFFICES
        for m in regex.finditer(ctx.text, clause_start, verb.start())
    ]
    bodies = [
        (org.start, org.end, _titled(ctx, org, clause_start))
        for org in ctx.bodies(clause_start, verb.start())
        if not org.generic
    ]
    candidates = sorted(offices + bodies, key=lambda c: (c[1], c[1] - c[0]))
    return candidates[-1][2] if candidates else None


def _titled(ctx: ArticleContext, org: OrgMatch, clause_start: int) -> str:
    """``org``'s name, with the title written right before it ("Chủ tịch Ủy ban nhân dân tỉnh …")."""
    for start in range(max(clause_start, org.start - 40), org.start):
        title = title_at(ctx.text, start)
        if title is not None and _after_title(ctx.text, title.end, title.head_start) == org.start:
            return f"{title.entry.title} {org.name}"
    return org.name
