"""Meetings that took place: when, where, who chaired and organised them, and under which documents.

A meeting is reported by a trigger ("hội nghị", "cuộc họp", "buổi làm việc" …)
in a sentence that says it happened: it is dated ("Sáng 21-3, …") or someone
held or chaired it ("UBND tỉnh tổ chức …", "… chủ trì"). Planned meetings ("sẽ
họp hàng quý"), ones mentioned in passing ("Tháng 6-2013, … tổ chức tập huấn")
and ceremonies ("lễ ký kết", "tổng kết cuộc thi") make none. Later sentences
refer back ("Tại hội nghị", "Kết luận cuộc họp, …"). Meetings of one article on
different days are kept apart; undated mentions join the dated meeting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from loaders.extraction.context import ArticleContext
from loaders.extraction.coreference import BodyResolver, People, PersonRef
from loaders.extraction.dates import DateMention, find_dates, find_spans, resolve, year_hint
from loaders.extraction.keys import text_key
from loaders.extraction.legal_documents import DocumentMention
from loaders.extraction.organizations import OrgMatch
from loaders.extraction.tables import alternation, strings, table
from loaders.record import Evidence, Meeting, Reference
from ontology.gazetteer import Province

_EVENT_VERBS = re.compile(
    r"(?<!\w)(?:tổ chức|diễn ra|chủ trì|khai mạc|bế mạc|có buổi|có cuộc|đã họp|tiến hành|được tổ chức|đã hoàn thành"
    r"|đã có kết luận|phát biểu kết luận)(?!\w)",
    re.IGNORECASE,
)
_CHAIRED_BY = re.compile(r"(?<!\w)dưới sự chủ trì của(?!\w)", re.IGNORECASE)
_TIME_BEFORE = re.compile(r"(?:tháng\s+\d{1,2}\s*[-/]\s*\d{4}|năm\s+\d{4}|trong năm|năm qua)", re.IGNORECASE)
_KIND_END = re.compile(r"[,.;:()“”\"\n]|\s(?:nhằm|để|do|vào|tại|với|dưới|nhân|cho|về việc|ngày|của)\s", re.IGNORECASE)
_LIST_AFTER = re.compile(r"[^.;:\n]{0,40}(?:có các đồng chí|gồm các đồng chí|gồm)\s*:", re.IGNORECASE)
_DO_BEFORE = re.compile(r"(?<!\w)(?:do|dưới sự)(?!\w)", re.IGNORECASE)
# Where a meeting is held: "tại TP Hà Tĩnh", "điểm cầu Bình Định", "làm việc với UBND tỉnh Quảng Ngãi".
_PLACE = re.compile(r"(?:tại|điểm cầu|làm việc với|làm việc tại|thăm)\s+(?:[^\s,;.]+\s+){0,4}$", re.IGNORECASE)
_AT_BEFORE = re.compile(r"(?:tại|ở)\s+(?:\S+\s+){0,2}$", re.IGNORECASE)
_MAX_KIND_WORDS = 12
_QUOTED_NAME = re.compile(r"\s*[“\"]([^”\"\n]{2,150})[”\"]")


@dataclass(frozen=True, slots=True)
class _Trigger:
    start: int
    end: int
    phrase: str
    kind_class: str


@dataclass(slots=True)
class _Draft:
    trigger: _Trigger
    day: date | None
    province: Province | None
    kind: str
    sentences: set[int] = field(default_factory=set)
    chairs: list[Reference] = field(default_factory=list)
    organizers: list[Reference] = field(default_factory=list)
    attendees: list[Reference] = field(default_factory=list)
    legal_basis: list[Reference] = field(default_factory=list)
    ordinal: str | None = None  # "lần thứ 74": a numbered conference, another than "lần thứ 36" the same day


# -- tables ------------------------------------------------------------------


def _build_trigger_classes() -> dict[str, str]:
    return {text_key(t["phrase"]): t["class"] for t in table("meetings")["triggers"]}


_TRIGGER_CLASSES: dict[str, str] = _build_trigger_classes()


_PHRASE_LISTS = (
    "not_meetings",
    "ceremonies",
    "planned",
    "planned_after",
    "purpose",
    "in_passing",
    "several_holders",
    "chair_verbs",
    "conclusion",
    "organizer_verbs",
    "attendee_cues",
    "strong_basis_verbs",
    "basis_verbs",
    "back_references",
    "directive_verbs",
)
_PATTERNS: dict[str, re.Pattern[str]] = {
    key: re.compile(alternation(strings("meetings", key)), re.IGNORECASE) for key in _PHRASE_LISTS
}
_PATTERNS["triggers"] = re.compile(alternation(t["phrase"] for t in table("meetings")["triggers"]), re.IGNORECASE)


# A document's kind opening an item of a list ("Đề án số 04-ĐA/TU", "Nghị quyết số 06-NQ/TU").
_DOCUMENT_NOUN = re.compile(
    r"(?<!\w)(?:Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Quy định|Thông tư|Kế hoạch|Chương trình|Đề án|Luật)"
    r"(?:\s+(?:hành động|liên tịch))?\s+(?:số\s+)?\d"
)
_ORDINAL = re.compile(
    r"(?<!\w)lần thứ\s+((?:mười|hai mươi|ba mươi)\s+(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín)|\w+)"
)
_ORDINAL_REACH = 70  # "hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 36": the body's name between


_NUMBER_WORDS = {
    "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9,
    "mười": 10, "mốt": 1, "lăm": 5,
}  # fmt: skip
_TENS = {"mười": 10, "hai mươi": 20, "ba mươi": 30}
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


def _number_value(word: str) -> str:
    """A number written in digits, in words ("tám", "mười") or in Roman numerals ("VIII"), as digits."""
    word = word.lower()
    tens, _, unit = word.rpartition(" ")
    if tens in _TENS and unit in _NUMBER_WORDS:  # "mười bốn", "hai mươi lăm"
        return str(_TENS[tens] + _NUMBER_WORDS[unit])
    if word.isdigit():
        return str(int(word))
    if word in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[word])
    if word and all(ch in _ROMAN for ch in word):
        values = [_ROMAN[ch] for ch in word]
        total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
        return str(total)
    return word


def _other_number(draft: _Draft, ordinal: str | None) -> bool:
    return ordinal is not None and draft.ordinal is not None and draft.ordinal != ordinal


# Words said at a meeting, cited as the ground of what the article reports ("ý kiến chỉ đạo của Phó Thủ tướng … tại").
# (A notice "truyền đạt kết luận của … tại buổi làm việc" reports that meeting, and is no such ground.)
_DIRECTED_AT = re.compile(r"(?:thực hiện|theo)\s+(?:ý kiến\s+)?chỉ đạo\s+của\s+[^,.;:]{3,80}?\s+tại\s+$", re.IGNORECASE)


def _regex(key: str) -> re.Pattern[str]:
    return _PATTERNS[key]


def _any(key: str, text: str, start: int, end: int) -> bool:
    return _regex(key).search(text, start, end) is not None


def _cue(key: str, text: str, start: int, end: int) -> bool:
    """A lower-case cue word ("sẽ", "cần") in ``text[start:end]``; capitalised only where a clause opens,
    so that "Cần Thơ" is no "cần"."""
    for match in _regex(key).finditer(text, start, end):
        if match.group()[:1].islower() or not text[start : match.start()].strip(" ,"):
            return True
    return False


# -- finding -----------------------------------------------------------------


@dataclass(slots=True)
class MeetingFinder:
    """Finds the meetings of one article (see the module docstring)."""

    ctx: ArticleContext
    people: People
    organizations: list[OrgMatch]
    documents: list[DocumentMention]
    post_spans: list[tuple[int, int]]
    drafts: list[_Draft] = field(default_factory=list)
    _dates: list[DateMention] = field(default_factory=list)
    _set_aside: bool = False  # a meeting was named only as planned or in passing before any was reported

    def find(self) -> list[Meeting]:
        """The article's meetings."""
        self._dates = find_dates(self.ctx.text)
        by_sentence: dict[int, _Draft] = {}
        for sentence in self.ctx.article.sentences:
            draft = self._read_sentence(sentence.index, sentence.start, sentence.end)
            if draft is not None:
                by_sentence[sentence.index] = draft
        self._merge_undated()
        for draft in self.drafts:
            self._first_day(draft)
        for sentence in self.ctx.article.sentences:
            target = self._meeting_for(sentence.index)
            if target is not None:
                self._chairs(target, sentence.start, sentence.end)
                self._attendees(target, sentence.start, sentence.end)
        self._legal_basis()
        for draft in self.drafts:
            chairs = {text_key(r.value) for r in draft.chairs}
            draft.attendees = [r for r in draft.attendees if text_key(r.value) not in chairs]
        return [self._meeting(d) for d in self.drafts]

    def _read_sentence(self, index: int, start: int, end: int) -> _Draft | None:
        # "…, tiếp tục chương trình chuẩn bị cho Kỳ họp thứ 5, Đoàn ĐBQH tỉnh tổ chức hội nghị tiếp xúc cử tri":
        # a meeting to come named first does not hide the one the sentence reports
        trigger = None
        previous_end = start
        for candidate in self._triggers(start, end):
            clause_start, clause_end = self.ctx.clause(candidate.start)
            # the plans before an earlier trigger were its own; a time recalled ("Năm 2023, …") dates them all
            planned = self._planned(candidate, max(clause_start, previous_end), clause_end)
            if planned or self._in_passing(clause_start, candidate):
                self._set_aside = True
                previous_end = candidate.end
                continue
            trigger = candidate
            break
        if trigger is None:
            return None
        clause_start, clause_end = self.ctx.clause(trigger.start)
        day = self._date(clause_start, clause_end) or self._span_start(clause_start, clause_end)
        day = day or self._opening_date(index, start)
        if day is None and _cue("purpose", self.ctx.text, clause_start, trigger.start):
            return None
        resolved = self._resolve(day) if day else None
        if resolved is not None and any(d.day is not None and resolved < d.day for d in self.drafts):
            return None  # "Tại cuộc họp ngày 16/5, …" after today's meeting: an earlier one, in passing
        if day is not None or _EVENT_VERBS.search(self.ctx.text, start, end) or trigger.phrase in _VERB_TRIGGERS:
            draft = self._place(trigger, resolved, index, start, end)
        elif _any("back_references", self.ctx.text, start, end) or (self.drafts and self._opens(trigger, start)):
            if not self.drafts and self._set_aside:
                return None  # "Tại kỳ họp, …" after a session only recalled ("Trước đó, tại kỳ họp thứ 5 …")
            draft = self._place(trigger, None, index, start, end)
        else:
            return None
        if draft.trigger is trigger:
            self._organizers(draft, start, end)
        return draft

    def _triggers(self, start: int, end: int) -> Iterator[_Trigger]:
        """The phrases naming a meeting in ``text[start:end]``, in order; with none, "dưới sự chủ trì của", which
        reports one ("…, dưới sự chủ trì của đồng chí A, HĐND tỉnh tiến hành chất vấn")."""
        text = self.ctx.text
        found = False
        for match in _regex("triggers").finditer(text, start, end):
            window_start, window_end = max(start, match.start() - 25), min(end, match.end() + 25)
            if self._covered_by("not_meetings", match, window_start, window_end):
                continue
            if _any("ceremonies", text, window_start, window_end):
                continue
            phrase = text_key(match.group())
            found = True
            yield _Trigger(match.start(), match.end(), phrase, _TRIGGER_CLASSES[phrase])
        chaired = None if found else _CHAIRED_BY.search(text, start, end)
        if chaired is not None:
            yield _Trigger(chaired.start(), chaired.end(), "chủ trì", "CommitteeMeeting")

    def _covered_by(self, key: str, match: re.Match[str], start: int, end: int) -> bool:
        return any(
            m.start() < match.end() and match.start() < m.end() for m in _regex(key).finditer(self.ctx.text, start, end)
        )

    def _opens(self, trigger: _Trigger, start: int) -> bool:
        """A sentence about the meeting just reported opens with its name ("Buổi làm việc nằm trong …",
        "Cũng tại hội nghị, …")."""
        return _SENTENCE_OPENING.fullmatch(self.ctx.text, start, trigger.start) is not None

    def _planned(self, trigger: _Trigger, clause_start: int, clause_end: int) -> bool:
        """A meeting to come: a cue before the trigger ("sẽ họp"), or right after it ("kỳ họp sẽ dành …")."""
        text = self.ctx.text
        if _cue("planned", text, clause_start, trigger.start):
            return True
        if _cue("planned_after", text, trigger.end, min(clause_end, trigger.end + _PLANNED_AFTER_CHARS)):
            return True
        # "Hội nghị Ban Thường vụ … tổng kết công tác năm dự kiến diễn ra ngày 5/1": a cue further on, when no
        # date before the trigger reports the meeting as held
        far = min(clause_end, trigger.end + _PLANNED_FAR_CHARS)
        return self._date(clause_start, trigger.start) is None and _cue("planned_after", text, trigger.end, far)

    def _in_passing(self, clause_start: int, trigger: _Trigger) -> bool:
        text = self.ctx.text
        if _cue("in_passing", text, clause_start, trigger.start):
            return True
        if _any("several_holders", text, clause_start, trigger.start):
            return True
        if _DIRECTED_AT.search(text, max(clause_start, trigger.start - 120), trigger.start):
            return True  # "Thực hiện ý kiến chỉ đạo của Phó Thủ tướng … tại hội nghị …": an earlier meeting's words
        return (
            _TIME_BEFORE.search(text, clause_start, trigger.start) is not None
            and self._date(clause_start, trigger.start) is None
        )

    def _date(self, start: int, end: int) -> DateMention | None:
        for mention in self._dates:
            if start <= mention.start < end and (self._is_event_date(mention) or mention.same_day):
                return mention
        return None

    def _is_event_date(self, mention: DateMention) -> bool:
        """A date on which something happened: no span, time limit or document's date."""
        return not (mention.in_range or mention.deadline or mention.same_day or self._cited(mention.start))

    def _cited(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.ctx.citations)

    def _resolve(self, mention: DateMention) -> date | None:
        if mention.same_day:  # "chiều cùng ngày": the day last written before it
            before = [m for m in self._dates if m.start < mention.start and self._is_event_date(m)]
            return self._resolve(before[-1]) if before else None
        hint = None
        month = self.ctx.article.published_month
        if mention.year is None and self.ctx.published is None and month is None:
            sentence = self.ctx.sentence(mention.start)
            hint = year_hint(self.ctx.text, self._dates, self.ctx.citations, mention, (sentence.start, sentence.end))
        return resolve(mention, self.ctx.published, hint, month)

    def _place(self, trigger: _Trigger, day: date | None, index: int, start: int, end: int) -> _Draft:
        province = self._province(start, end)
        ordinal = self._ordinal(trigger, end)
        numbered = next((d for d in self.drafts if ordinal is not None and d.ordinal == ordinal), None)
        if numbered is not None:
            numbered.sentences.add(index)
            numbered.day = numbered.day or day
            return numbered
        for draft in self.drafts:
            same_place = province is None or draft.province is None or draft.province.code == province.code
            if day is not None and draft.day == day and same_place and not _other_number(draft, ordinal):
                draft.sentences.add(index)
                return draft
        if day is None and self.drafts:
            target = self._referred(trigger)
            if not _other_number(target, ordinal) or not _EVENT_VERBS.search(self.ctx.text, start, end):
                target.sentences.add(index)
                return target
            day = target.day  # "Tiếp đó, … chủ trì hội nghị Ban Chấp hành lần thứ 36": another one, the same day
        draft = _Draft(trigger, day, province, self._kind(trigger, end), {index}, ordinal=ordinal)
        self.drafts.append(draft)
        return draft

    def _ordinal(self, trigger: _Trigger, end: int) -> str | None:
        """The number a conference is held under ("hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 36"), as digits
        however written ("lần thứ tám", "lần thứ VIII")."""
        numbered = _ORDINAL.search(self.ctx.text, trigger.end, min(end, trigger.end + _ORDINAL_REACH))
        return _number_value(numbered.group(1)) if numbered is not None else None

    def _referred(self, trigger: _Trigger) -> _Draft:
        """The meeting an undated mention refers to: the latest, or the latest of the kind it names when that
        kind is specific ("Tại lớp tập huấn, …" after a training and a seminar; "hội nghị" names any kind)."""
        latest = self.drafts[-1]
        if trigger.kind_class == _ANY_KIND or latest.trigger.kind_class == trigger.kind_class:
            return latest
        same_kind = [d for d in self.drafts if d.trigger.kind_class == trigger.kind_class]
        return same_kind[-1] if same_kind else latest

    def _province(self, start: int, end: int) -> Province | None:
        for hit in self.ctx.provinces_in(start, end):
            if _PLACE.search(self.ctx.text, max(start, hit.start - 30), hit.start):
                return hit.province
        return self.ctx.province.province if self.ctx.province else None

    def _kind(self, trigger: _Trigger, end: int) -> str:
        text = self.ctx.text
        quoted = _QUOTED_NAME.match(text, trigger.end)
        if quoted is not None:
            return f"{text[trigger.start : trigger.end]} {quoted.group(1)}"
        stop = _KIND_END.search(text, trigger.end, end)
        words = text[trigger.start : stop.start() if stop else end].split()[:_MAX_KIND_WORDS]
        return " ".join(words)

    def _merge_undated(self) -> None:
        dated = [d for d in self.drafts if d.day is not None]
        if not dated:
            return
        for draft in [d for d in self.drafts if d.day is None]:
            dated[0].sentences |= draft.sentences
            self.drafts.remove(draft)

    def _opening_date(self, index: int, start: int) -> DateMention | None:
        """A date opening the sentence ("Sáng 15-3, các đồng chí A, …; B, … đã làm việc với …"), or written as a
        fragment of its own right before it ("Ngày 19 tháng 7 năm 2019, tại Hà Nội. Bộ … tổ chức hội nghị")."""
        opening = next((m for m in self._dates if start <= m.start < start + _OPENING_CHARS), None)
        if (
            opening is not None
            and self._is_event_date(opening)
            and _DATE_PREFIX.fullmatch(self.ctx.text, start, opening.start) is not None
        ):
            return opening
        if index == 0:
            return None
        previous = self.ctx.article.sentences[index - 1]
        if previous.start < self.ctx.title_end or start < self.ctx.title_end:
            return None  # the page's date line and the headline are no fragments of the report
        if (
            previous.end - previous.start > _FRAGMENT_CHARS
            or _FRAGMENT_OPENING.match(self.ctx.text, previous.start) is None
        ):
            return None  # "01/03/2024 | 05:23 AM": a page's date line, not a date the report is written from
        if next(self._triggers(previous.start, previous.end), None) is not None:
            return None
        fragment = next((m for m in self._dates if previous.start <= m.start < previous.start + _OPENING_CHARS), None)
        return fragment if fragment is not None and self._is_event_date(fragment) else None

    def _span_start(self, start: int, end: int) -> DateMention | None:
        """The first day of a few days' span that dates a meeting written with no day of its own ("Sau 2 ngày
        làm việc (từ ngày 20 đến 21/12), Hội nghị … đã hoàn thành")."""
        for span in find_spans(self.ctx.text, start, end):
            (day, month, year), (last_day, last_month, _) = span.first, span.last
            if month == last_month and 0 <= last_day - day < _MAX_MEETING_DAYS:
                return DateMention(span.start, span.end, day, month, year)
        return None

    def _first_day(self, draft: _Draft) -> None:
        """A meeting over several days is dated by its first: "bế mạc sau 2 ngày (từ ngày 13 đến 14/7)" in the
        sentence reporting it, or the next one ("Kỳ họp diễn ra trong 3 ngày, từ ngày 5 đến ngày 7/12")."""
        if draft.day is None:
            return
        first = self.ctx.sentence(draft.trigger.start).index  # the sentence that dates it, not a headline merged in
        sentences = self.ctx.article.sentences[first : first + 2]
        for span in find_spans(self.ctx.text, sentences[0].start, sentences[-1].end):
            begin = _on(span.first, draft.day.year)
            end = _on(span.last, draft.day.year)
            if begin is not None and end is not None and begin < draft.day <= end and (end - begin).days < 15:
                draft.day = begin
                return

    def _meeting_for(self, index: int) -> _Draft | None:
        for draft in self.drafts:
            if index in draft.sentences:
                return draft
        earlier = [d for d in self.drafts if min(d.sentences) <= index]
        return earlier[-1] if earlier else None

    # -- roles --------------------------------------------------------------

    def _chairs(self, draft: _Draft, start: int, end: int) -> None:
        text = self.ctx.text
        for verb in _regex("chair_verbs").finditer(text, start, end):
            clause_start, clause_end = self.ctx.clause(verb.start())
            if _cue("planned", text, clause_start, verb.start()):
                continue
            do = [m.end() for m in _DO_BEFORE.finditer(text, clause_start, verb.start())]
            sentence_start = self.ctx.sentence(verb.start()).start
            if not do and _PEOPLE_LIST_OPENING.match(text, sentence_start):
                clause_start = sentence_start  # "Các đồng chí A - …; B - … chủ trì": the list is the subject
            before = self.people.key_of(do[-1] if do else clause_start, verb.start())
            if before and not do:  # "Đồng chí A, …; đồng chí B, … chủ trì": a list opening the sentence
                before = self._listed_before(before, sentence_start)
            listed = _LIST_AFTER.match(text, verb.end())  # "Chủ tọa kỳ họp có các đồng chí: A; B; C"
            after = self.people.key_of(verb.end(), self.ctx.sentence(verb.start()).end if listed else clause_end)
            if after and not listed:  # "dưới sự chủ trì của ông A, … và bà B, …"; "Chủ trì có ông A, …; bà B, …"
                after = self._listed_after(after[0], verb.end(), self.ctx.sentence(verb.start()).end)
            chairs = before or after
            self._add_people(draft.chairs, chairs, "meeting.chair", 0.85)
        for phrase in _regex("conclusion").finditer(text, start, end):
            clause_start, clause_end = self.ctx.clause(phrase.start())
            after = self.people.key_of(phrase.end(), clause_end)[:1]
            before = self.people.key_of(clause_start, phrase.start())[-1:]
            self._add_people(draft.chairs, after or before, "meeting.conclusion", 0.75)

    def _refs(self, start: int, end: int) -> list[PersonRef]:
        """The references to people in ``text[start:end]``, the first of each person, in order."""
        found: list[PersonRef] = []
        for ref in self.people.refs:
            if start <= ref.start and ref.end <= end and all(r.key != ref.key for r in found):
                found.append(ref)
        return found

    def _joined(self, left: int, right: int) -> bool:
        """True when only a list's joints stand between two people: their posts, honorifics, commas,
        semicolons, "và" ("ông A, Bí thư Tỉnh ủy và bà B", "A - Giám đốc Sở X; B")."""
        if right - left > _MAX_JOINT_CHARS:
            return False
        pieces = []
        pos = left
        for a, b in sorted(span for span in self.post_spans if span[0] < right and left < span[1]):
            pieces.append(self.ctx.text[pos : max(pos, a)])
            pos = max(pos, b)
        pieces.append(self.ctx.text[pos:right] if pos < right else "")
        rest = _HONORIFIC_WORDS.sub(" ", " ".join(pieces))
        return _LIST_JOINTS.fullmatch(rest) is not None

    def _listed_after(self, first: str, start: int, end: int) -> list[str]:
        """The chair named first after the verb, and the people listed with it."""
        refs = self._refs(start, end)
        index = next(i for i, r in enumerate(refs) if r.key == first)
        keys = [first]
        for previous, ref in zip(refs[index:], refs[index + 1 :], strict=False):
            if not self._joined(previous.end, ref.start):
                break
            keys.append(ref.key)
        return keys

    def _listed_before(self, keys: list[str], sentence_start: int) -> list[str]:
        """The chairs named in the clause before the verb, with the people listed before them when the list
        opens the sentence ("Đồng chí A, Phó trưởng đoàn; đồng chí B, Phó trưởng đoàn chủ trì")."""
        refs = self._refs(sentence_start, len(self.ctx.text))
        index = next(i for i, r in enumerate(refs) if r.key == keys[0])
        first = index
        while first > 0 and self._joined(refs[first - 1].end, refs[first].start):
            first -= 1
        if first == index or not self._opens_sentence(sentence_start, refs[first].start):
            return keys
        return [r.key for r in refs[first:index]] + keys

    def _opens_sentence(self, sentence_start: int, pos: int) -> bool:
        """True when only a time and posts stand before ``pos`` in its sentence ("Sáng 5/6, đồng chí …")."""
        if self._joined(sentence_start, pos):
            return True
        return _TIME_OPENING.fullmatch(self.ctx.text, sentence_start, pos) is not None

    def _attendees(self, draft: _Draft, start: int, end: int) -> None:
        cue = _regex("attendee_cues").search(self.ctx.text, start, end)
        if cue is None:
            return
        chairs = {text_key(r.value) for r in draft.chairs}
        keys = [k for k in self.people.key_of(cue.end(), end) if k not in chairs]
        self._add_people(draft.attendees, keys, "meeting.attendee", 0.8)

    def _add_people(self, target: list[Reference], keys: list[str], rule: str, confidence: float) -> None:
        for key in keys:
            name = self.people.name_of(key)
            if any(text_key(r.value) == key for r in target):
                continue
            ref = next(r for r in self.people.refs if r.key == key)
            target.append(Reference(name, Evidence(ref.start, ref.end, rule, confidence)))

    def _organizers(self, draft: _Draft, start: int, end: int) -> None:
        text = self.ctx.text
        verb = _regex("organizer_verbs").search(text, start, end)
        found: list[OrgMatch] = []
        if verb is not None:
            clause_start, _ = self.ctx.clause(verb.start())
            do = [m.end() for m in _DO_BEFORE.finditer(text, clause_start, verb.start())]
            found = self._bodies(do[-1] if do else clause_start, verb.start())
        if not found:
            found = self._implicit_organizer(draft, start, end)
        for org in found:
            if all(text_key(r.value) != text_key(org.name) for r in draft.organizers):
                draft.organizers.append(Reference(org.name, Evidence(org.start, org.end, "meeting.organizer", 0.8)))

    def _bodies(self, start: int, end: int) -> list[OrgMatch]:
        resolver = BodyResolver(self.ctx, self.organizations)
        found = []
        for org in self.organizations:
            if not (start <= org.start and org.end <= end) or org.generic or org.private:
                continue
            if any(a <= org.start < b for a, b in self.post_spans) or _AT_BEFORE.search(
                self.ctx.text, max(start, org.start - 20), org.start
            ):
                continue
            if org.bare:
                focus = resolver.focus(org.head, org.start)
                if not focus:
                    continue
                org = OrgMatch(org.start, org.end, focus[0].name, focus[0].kind, focus[0].head, focus[0].province)
            found.append(org)
        return found

    def _implicit_organizer(self, draft: _Draft, start: int, end: int) -> list[OrgMatch]:
        """The body whose meeting it is: "họp Ban Chỉ đạo", "cuộc họp thành viên UBND tỉnh"; a council's session."""
        after = self.ctx.text[draft.trigger.end : draft.trigger.end + 20]
        skip = re.match(r"\s*(?:thành viên|lần thứ \S+|toàn thể|của)?\s*", after)
        pos = draft.trigger.end + (skip.end() if skip else 0)
        bodies = self._bodies(pos, min(end, pos + 120))
        if bodies and bodies[0].start == pos:
            return bodies[:1]
        if draft.trigger.kind_class == "Session":
            return [o for o in self._bodies(start, end) if o.kind == "PeoplesCouncil"][:1]
        return []

    def _legal_basis(self) -> None:
        """Documents the meeting reviews, implements or announces: a basis verb before the citation in its
        clause; a citation opening the next clause of the same list shares the verb ("công bố Quyết định số
        95/QĐ-UBND …; Quyết định số 96/QĐ-UBND …")."""
        taken: list[DocumentMention] = []
        for document in self.documents:
            drafts, strong = self._drafts_citing(document)
            if not drafts:
                continue
            clause_start, _ = self.ctx.clause(document.start)
            verbs = "strong_basis_verbs" if strong else "basis_verbs"
            listed = any(self._continues(earlier, document) for earlier in taken) or self._in_agenda(document, verbs)
            if not listed and not _any(verbs, self.ctx.text, clause_start, document.start):
                continue
            if self._instructed(self.ctx.sentence(document.start).start, document.start):
                continue
            taken.append(document)
            for draft in drafts:
                if all(r.value != document.number for r in draft.legal_basis):
                    evidence = Evidence(document.start, document.end, "meeting.legal_basis", 0.75 if strong else 0.85)
                    draft.legal_basis.append(Reference(document.number, evidence))

    def _drafts_citing(self, document: DocumentMention) -> tuple[list[_Draft], bool]:
        """The meetings a citation may be the basis of, and whether it stands outside their sentences (then
        only verbs of implementation count): the meeting of its sentence; else, after the first meeting, the
        article's one meeting, or all of a visit's working sessions (meetings of one kind)."""
        index = self.ctx.sentence(document.start).index
        draft = next((d for d in self.drafts if index in d.sentences), None)
        if draft is not None:
            return [draft], False
        if not self.drafts:
            return [], True
        first = min(self.drafts[0].sentences)
        if first == index + 1 and _IMPLEMENTING_OPENING.match(self.ctx.text, self.ctx.article.sentences[index].start):
            return [self.drafts[0]], True  # "Thực hiện Kế hoạch số 12/KH-UBND … . Sáng 5/6, UBND tỉnh tổ chức …"
        if first > index:
            return [], True
        if len({d.trigger.kind_class for d in self.drafts}) == 1:
            return list(self.drafts), True
        return [], True

    def _in_agenda(self, document: DocumentMention, verbs: str) -> bool:
        """True when ``document`` is an item of a list of documents a basis verb opens, items cut by semicolons
        ("sơ kết 1 năm thực hiện: Đề án số 04-ĐA/TU …; Nghị quyết số 06-NQ/TU …"), whatever their kind."""
        text = self.ctx.text
        sentence_start = self.ctx.sentence(document.start).start
        end, _ = self.ctx.clause(document.start)
        while end > sentence_start:
            start, _ = self.ctx.clause(end - 1)
            noun = _DOCUMENT_NOUN.search(text, start, end)
            if noun is None:
                return False
            if _any(verbs, text, start, noun.start()):
                return True
            if text[start : noun.start()].strip(" \t(),;:0123456789"):
                return False  # something other than a list item's number before the document
            end = start
        return False

    def _continues(self, earlier: DocumentMention, document: DocumentMention) -> bool:
        """True when ``document`` opens a clause of the sentence that lists ``earlier`` before it."""
        if self.ctx.sentence(earlier.start).index != self.ctx.sentence(document.start).index:
            return False
        clause_start, _ = self.ctx.clause(document.start)
        return earlier.start < clause_start and not self.ctx.text[clause_start : document.start].strip()

    def _instructed(self, sentence_start: int, pos: int) -> bool:
        """True when a person in the sentence asks others to act on what follows ("ông A đề nghị các đơn vị
        …; thực hiện nghiêm Nghị quyết …"): the document is the speaker's instruction, not the meeting's basis."""
        for verb in _regex("directive_verbs").finditer(self.ctx.text, sentence_start, pos):
            if self.people.key_of(sentence_start, verb.start()):
                return True
        return False

    def _meeting(self, draft: _Draft) -> Meeting:
        trigger = draft.trigger
        return Meeting(
            kind=draft.kind,
            kind_class=trigger.kind_class,
            evidence=Evidence(trigger.start, trigger.end, f"meeting.trigger.{trigger.kind_class}", 0.8),
            date=draft.day,
            province=draft.province,
            chairs=draft.chairs,
            organizers=draft.organizers,
            attendees=draft.attendees,
            legal_basis=draft.legal_basis,
            sentences=frozenset(draft.sentences),
        )


def _on(day: tuple[int, int, int | None], year: int) -> date | None:
    try:
        return date(day[2] if day[2] is not None else year, day[1], day[0])
    except ValueError:
        return None


_PLANNED_AFTER_CHARS = 30
_MAX_JOINT_CHARS = 400  # two people of one list are not further apart than a long chain of posts
_OPENING_CHARS = 16  # how far into a sentence the date that opens it may start ("Chiều ngày 20/5, …")
_FRAGMENT_CHARS = 90  # the longest sentence that is only a date and a place before the sentence it dates
# A sentence that opens by saying what the next one carries out ("Thực hiện Thông báo kết luận số …").
_IMPLEMENTING_OPENING = re.compile(r"\s*(?:Thực hiện|Triển khai|Căn cứ|Quán triệt)\b")
# How a date fragment opens ("Ngày 19 tháng 7 năm 2019, tại …"), unlike a page's date line ("01/03/2024 | 05:23").
_FRAGMENT_OPENING = re.compile(r"\s*(?:Ngày|Sáng|Chiều|Trưa|Tối|Hôm)\b")
# What may stand before the date opening a sentence ("Sáng 15-3-2016, …", "Chiều nay (24/4), …").
_DATE_PREFIX = re.compile(r"[\s(]*(?:(?:sáng|chiều|trưa|tối|đêm)\s+)?(?:nay\s*)?(?:ngày\s*)?\(?\s*", re.IGNORECASE)
_PLANNED_FAR_CHARS = 100
_MAX_MEETING_DAYS = 7
# What may stand between two people of one list once their posts are blanked out.
_LIST_JOINTS = re.compile(r"[\s,;:–—-]*(?:(?:và|cùng)[\s,;:–—-]*)?(?:các[\s,;:–—-]*)?", re.IGNORECASE)
_HONORIFIC_WORDS = re.compile(rf"(?<!\w)(?:{alternation(strings('honorifics', 'honorifics'))})(?!\w)", re.IGNORECASE)
_TIME_OPENING = re.compile(r"\s*(?:Sáng|Chiều|Trưa|Tối|Ngày)[^,;]{0,25},\s*", re.IGNORECASE)
# A sentence opening with a list of people as its subject ("Các đồng chí A - …; B - … chủ trì hội nghị").
_PEOPLE_LIST_OPENING = re.compile(r"\s*(?:(?:các|Các)\s+)+(?:đồng chí|ông,?\s*bà|ông|bà)\b")
# What may open a sentence before the name of the meeting it speaks of ("Cũng tại hội nghị, …", "Buổi …").
_SENTENCE_OPENING = re.compile(r"\s*(?:(?:Cũng\s+)?(?:tại|trong)\s+)?", re.IGNORECASE)
# The class of "hội nghị": a conference of any kind (a review, a training), so no kind of its own to refer to.
_ANY_KIND = "Conference"
# Triggers that are verbs of their own: the sentence reports the event by them.
_VERB_TRIGGERS = frozenset({"thăm và làm việc", "thăm, làm việc", "làm việc với", "đi thăm", "buổi đến thăm"})
