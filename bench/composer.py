"""Writing one article: mentions of persons, bodies, documents and dates, recorded in its gold as written.

An :class:`ArticleWriter` knows the world, the article's unit and day and
whether the article names its province. Each mention method returns the text
and records, in the same step, what that text states — so the gold never
says more or less than the article.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from random import Random

from bench.catalog import NATIONAL, org_kind
from bench.documents import Document
from bench.gold import GoldRecord, MeetingGold
from bench.names import NameMaker
from bench.phrases import date_phrase, document_date
from bench.resources import table
from bench.sampling import Weighted, chance, pick
from bench.templates import Slot, Templates, sentence, tidy
from bench.templates import render as fill_template
from bench.units import Unit, UnitNames, render, unit_names
from bench.world import World

_EXPLICIT_SLOTS = ("{unit}", "{name}", "{party_body}")


@dataclass(frozen=True, slots=True)
class Post:
    """A post as the world knows it: a title (may hold ``{party}``) in a body of a unit."""

    org: str
    unit: str
    title: str


class ArticleWriter:
    """The state of one article being written (see the module docstring)."""

    def __init__(
        self,
        world: World,
        rng: Random,
        file_name: str,
        unit: Unit,
        day: date,
        named: bool,
        published: date | None,
        issued: date | None = None,
    ) -> None:
        """``published`` is the date the article states (None without a date line); ``issued`` the true one."""
        self.issued = issued or published or day
        self.world = world
        self.rng = rng
        self.unit = unit
        self.day = day
        self.named = named
        self.published = published
        self.templates = Templates()
        self._names = {unit.code: unit_names(unit, day, named)}
        label = unit.label_on(day)[0]
        self.gold = GoldRecord(file_name, published, label if named else None)
        self._posts = table("posts")
        self._joiners: Weighted[str] = Weighted(self._posts["joiners"])
        self._seen_orgs: set[tuple[str, str]] = set()
        self._persons: dict[int, str] = {}
        self._named_explicitly = not named
        self._bare: set[str] = set()
        self.paragraphs: list[list[str]] = [[]]
        self._bytes = 0

    # --- units and bodies --------------------------------------------------------

    def names(self, unit: str) -> UnitNames:
        """How the article writes ``unit`` (a unit other than its own is always named)."""
        found = self._names.get(unit)
        if found is None:
            found = unit_names(self.world.units[unit], self.day, True)
            self._names[unit] = found
        return found

    def org_name(self, key: str, unit: str | None = None) -> str:
        """The full name of a body, as gold records it."""
        kind = org_kind(key)
        if kind.national:
            return kind.full
        return render(kind.full, self.names(unit or self.unit.code))

    def org(self, key: str, unit: str | None = None, explicit: bool = False) -> str:
        """Name a body in the text (first with one of its forms, later also with a short one)."""
        kind = org_kind(key)
        code = NATIONAL if kind.national else unit or self.unit.code
        names = None if kind.national else self.names(code)
        if names is not None and kind.needs_name and not names.name:
            raise ValueError(f"{key} needs the province's name, which this article does not give")
        self.gold.organization(self.org_name(key, code))
        forms = list(kind.forms)
        if (key, code) in self._seen_orgs:
            forms += kind.later
        self._seen_orgs.add((key, code))
        if names is None:
            return pick(self.rng, forms)
        if explicit or code != self.unit.code or not self._named_explicitly:
            forms = [f for f in kind.forms if any(slot in f for slot in _EXPLICIT_SLOTS)] or forms
            self._named_explicitly = self._named_explicitly or code == self.unit.code
        return render(pick(self.rng, forms), names)

    def exists(self, key: str) -> bool:
        """Whether a body exists on the article's day (and can be named in this article)."""
        kind = org_kind(key)
        return kind.exists_on(self.day) and not (kind.needs_name and not self.named)

    # --- persons ----------------------------------------------------------------

    def holder(self, key: str, title: str, unit: str | None = None) -> int | None:
        """Who holds a post on the day, unless a namesake of theirs is already in the article."""
        kind = org_kind(key)
        if not self.exists(key):
            return None
        code = NATIONAL if kind.national else unit or self.unit.code
        pid = self.world.roster.holder(code, key, title, self.day)
        return pid if pid is not None and self._usable(pid) else None

    def steering_holder(self, committee: str, title: str) -> int | None:
        """Who holds a steering-committee post ex officio on the day."""
        for spec in org_kind(committee).ex_officio:
            if spec.title != title:
                continue
            for org, seat_title in spec.holders:
                if self.exists(org):
                    return self.holder(org, seat_title)
        return None

    def _usable(self, pid: int) -> bool:
        name = self.world.roster.officials[pid].name
        return all(other == pid or known != name for other, known in self._persons.items())

    def posts_of(self, pid: int, primary: Post | None = None, limit: int = 2) -> list[Post]:
        """Posts to state for ``pid``: ``primary`` first, then others held that day, up to ``limit``."""
        held = [Post(t.org, t.unit, t.title) for t in self.world.roster.posts(pid, self.day)]
        unit = primary.unit if primary and primary.unit != NATIONAL else self.unit.code
        held = [p for p in held if self.exists(p.org) and p.unit in (NATIONAL, unit)]
        chosen = [primary] if primary else []
        others = [p for p in held if p != primary]
        self.rng.shuffle(others)
        return chosen + others[: max(0, limit - len(chosen))]

    def post_gold(self, post: Post) -> tuple[str, str]:
        """(title, organization) as gold records a post."""
        names = self.names(self.unit.code if post.unit == NATIONAL else post.unit)
        return render(post.title, names), self.org_name(post.org, post.unit)

    def post_text(self, post: Post) -> str:
        """A post as the text writes it ("Phó Chủ tịch UBND tỉnh", "UVTV Tỉnh ủy")."""
        forms = self._posts["forms"].get(post.title, ["{title} {org}"])
        form: str = pick(self.rng, forms)
        names = self.names(self.unit.code if post.unit == NATIONAL else post.unit)
        slots: dict[str, Slot] = {"title": post.title, "party": names.party}
        if "{org}" in form:
            slots["org"] = self.org(post.org, post.unit)
        else:
            self.gold.organization(self.org_name(post.org, post.unit))
        return fill_template(form.replace("{title}", post.title), {**names.slots(), **slots})

    def person(self, pid: int, posts: list[Post], style: str = "comma") -> str:
        """Name a person with the posts the text states (``comma``, ``dash``, ``before`` or ``bare``)."""
        official = self.world.roster.officials[pid]
        self._persons[pid] = official.name
        order = self._posts["order"]
        posts = sorted(posts, key=lambda p: order.get(p.org, 2))
        self.gold.person(pid, official.name, [self.post_gold(p) for p in posts])
        if not posts:
            style = "bare"
        joiner = self._joiners.draw(self.rng) if len(posts) == 2 else ", "
        if joiner == " kiêm " and any(p.org in order for p in posts):
            joiner = ", "  # "kiêm" joins two offices, not an office and a Party rank
        if style == "before" and joiner == " - ":
            joiner = ", "
        text = joiner.join(self.post_text(p) for p in posts)
        honorific = _name_maker().honorific(self.rng, official.female) if style != "before" else ""
        template = self.templates.mapping("person_styles")[style]
        return tidy(template.format(hon=honorific, name=official.name, posts=text))

    def again(self, pid: int, primary: Post | None = None) -> str:
        """A later mention of someone already named: by name, or by their post and name."""
        if primary is not None and chance(self.rng, 0.4):
            return self.person(pid, [primary], "before")
        return self.person(pid, [], "bare")

    def persons_list(self, items: list[str]) -> str:
        """Several persons in one list ("các đồng chí: A, B; C, D")."""
        joined = self.templates.value("list_separator").join(items)
        return str(pick(self.rng, self.templates.options("person_list"))).format(items=joined)

    # --- documents --------------------------------------------------------------

    def cite(self, document: Document, meeting: MeetingGold | None = None, subject: bool = True) -> str:
        """Cite a document (number, maybe date, issuer, subject); record it, and as ``meeting``'s basis.

        ``subject=False`` keeps the subject out (the sentence states it).
        """
        if document.type == "Luật":
            return self._cite_law(document, meeting)
        if document.bare and (document.number in self._bare or chance(self.rng, 0.15)):
            return self._cite_bare(document, meeting)
        form = _citation_forms().draw(self.rng)
        while not subject and "{subject}" in form:
            form = _citation_forms().draw(self.rng)
        number = document.number
        if document.variants and chance(self.rng, 0.3):
            number = pick(self.rng, document.variants)
        slots: dict[str, Slot] = {
            "type": document.type,
            "number": number,
            "date": lambda: document_date(self.rng, document.signed),
            "issuer": lambda: self._issuer_text(document),
            "subject": lambda: self._subject(document),
        }
        text = fill_template(form, slots)
        issuer = self._issuer_gold(document) if "{issuer}" in form else None
        self.gold.document(document.type, document.number, document.signed if "{date}" in form else None, issuer)
        if meeting is not None:
            meeting.add_basis(document.number)
        return text

    def _cite_law(self, document: Document, meeting: MeetingGold | None) -> str:
        form: str = pick(self.rng, table("filler")["law_citations"])
        self.gold.document(document.type, document.number, None, None)
        if meeting is not None:
            meeting.add_basis(document.number)
        return form.format(subject=document.subject, number=document.number)

    def _cite_bare(self, document: Document, meeting: MeetingGold | None) -> str:
        self._bare.add(document.number)
        bare = document.number.split("-")[0].split("/")[0]
        text = str(table("filler")["bare_citation"]).format(
            type=document.type, bare=bare, issuer=self._issuer_text(document)
        )
        self.gold.document(document.type, bare, None, self._issuer_gold(document))
        if meeting is not None:
            meeting.add_basis(bare)
        return text

    def _issuer_text(self, document: Document) -> str:
        if document.unit == NATIONAL:
            issuer = self.org_name(document.issuer) if document.issuer in _national_keys() else document.issuer
            if document.issuer in _national_keys():
                self.gold.organization(issuer)
            forms = table("documents")["issuer_forms"].get(issuer, [issuer])
            return str(pick(self.rng, forms))
        body = self.org(document.issuer, document.unit)
        return f"Chủ tịch {body}" if document.signer else body

    def _issuer_gold(self, document: Document) -> str:
        if document.unit == NATIONAL:
            return self.org_name(document.issuer) if document.issuer in _national_keys() else document.issuer
        body = self.org_name(document.issuer, document.unit)
        return f"Chủ tịch {body}" if document.signer else body

    def _subject(self, document: Document) -> str:
        if document.steering is None:
            return document.subject
        return document.subject.format(steering=self.org(document.steering, document.unit, explicit=True))

    # --- dates and text ------------------------------------------------------------

    def when(self, day: date, role: str = "start") -> tuple[str, date | None]:
        """A date phrase for ``day`` and the date gold can give it (None when the year is unknowable)."""
        text, has_year = date_phrase(self.rng, day, role)
        return text, day if has_year or self.published is not None else None

    def fill(self, role: str, slots: Mapping[str, Slot]) -> str:
        """Fill one template of ``role`` (capitalised)."""
        return sentence(self.templates.fill(self.rng, role, slots))

    def say(self, text: str) -> None:
        """Add a sentence to the current paragraph."""
        self.paragraphs[-1].append(text)
        self._bytes += len(text.encode("utf-8")) + 1

    def size(self) -> int:
        """Bytes of text written so far (about: separators count one each)."""
        return self._bytes

    @property
    def report_year(self) -> int:
        """The year an article's results are of: last year's in January and February."""
        return self.day.year - 1 if self.day.month <= 2 else self.day.year

    def mentioned(self, pid: int) -> bool:
        """Whether the article has named ``pid`` already."""
        return pid in self._persons

    def unit_count(self) -> int:
        """How many province-level units there are on the article's day (for rankings)."""
        return 63 if self.day < date(2025, 7, 1) else 34

    def break_paragraph(self) -> None:
        """Start a new paragraph."""
        if self.paragraphs[-1]:
            self.paragraphs.append([])

    def caption(self, text: str) -> None:
        """A photo caption: a line of its own, without a full stop."""
        self.break_paragraph()
        self.say(sentence(text))
        self.paragraphs.append([])

    def written(self) -> list[str]:
        """Every sentence written so far."""
        return [text for paragraph in self.paragraphs for text in paragraph]

    def body(self) -> list[str]:
        """The paragraphs written so far."""
        return [" ".join(p) for p in self.paragraphs if p]


_NATIONAL_ISSUERS = frozenset({"chinh_phu", "quoc_hoi", "bo_chinh_tri", "ban_bi_thu"})


def _national_keys() -> frozenset[str]:
    return _NATIONAL_ISSUERS


@functools.cache
def _name_maker() -> NameMaker:
    return NameMaker()


@functools.cache
def _citation_forms() -> Weighted[str]:
    return Weighted({c["form"]: float(c["weight"]) for c in table("filler")["citations"]})
