"""Articles reporting a meeting that took place: conferences, committee meetings, sessions, trainings."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.catalog import OrgKind, org_kind, org_kinds
from bench.composer import ArticleWriter, Post
from bench.documents import Document
from bench.gold import MeetingGold
from bench.phrases import clause, date_phrase, filler, future_day, indicator, indicator_sentence
from bench.resources import table
from bench.sampling import Weighted, chance, pick
from bench.templates import Slot, fields, render
from bench.topics import Topic, choose_topic, resolve, steering_on


@dataclass(slots=True)
class Seat:
    """A person in the post that gives them their part in the article."""

    pid: int
    post: Post


@dataclass(slots=True)
class Plan:
    """A meeting about to be written, with the gold record it fills."""

    spec: dict[str, Any]
    topic: Topic
    steering: str | None
    organizers: list[str]
    chairs: list[Seat]
    basis: list[Document]
    gold: MeetingGold
    name: str = ""
    present: list[int] = field(default_factory=list)

    @property
    def ref(self) -> str:
        """How sentences after the lead refer to the meeting (the way its name calls it, when one fits)."""
        refs = [str(ref) for ref in self.spec["refs"]]
        name = self.name.lower()
        return next((ref for ref in refs if ref.removeprefix("buổi ") in name), refs[0])


def seat(w: ArticleWriter, org_token: str, title: str, topic: Topic, steering: str | None) -> Seat | None:
    """The holder of a post named by a (possibly placeholder) body and title, if any."""
    key = resolve(org_token, topic, steering)
    if key is None or not w.exists(key):
        return None
    kind = org_kind(key)
    pid = w.steering_holder(key, title) if kind.steering else w.holder(key, title)
    unit = "VN" if kind.national else w.unit.code
    return Seat(pid, Post(key, unit, title)) if pid is not None else None


def mention(w: ArticleWriter, who: Seat, style: str | None = None, extra: int | None = None) -> str:
    """Name a person with their post and, now and then, other posts they hold."""
    limit = 1 + (extra if extra is not None else int(w.rng.random() * 2.2))
    style = style or pick(w.rng, ("comma", "comma", "dash", "before"))
    return w.person(who.pid, w.posts_of(who.pid, who.post, limit), style)


def _kinds() -> Weighted[int]:
    kinds = table("meetings")["kinds"]
    return Weighted({i: float(k["weight"]) for i, k in enumerate(kinds)})


def plan_meeting(w: ArticleWriter) -> Plan | None:
    """Choose a kind of meeting that can take place in the article's unit on its day."""
    for _ in range(6):
        spec = table("meetings")["kinds"][_kinds().draw(w.rng)]
        topic = choose_topic(w.rng, w.day)
        steering = steering_on(w.rng, w.day) if spec["organizer"] == "steering" else None
        if steering is not None:
            topic = choose_topic(w.rng, w.day, org_kind(steering).topics)
        organizers = _organizers(w, spec, topic, steering)
        if not organizers:
            continue
        chairs = _chairs(w, spec, topic, steering)
        basis = _basis(w, spec, topic)
        if spec.get("party_basis") and not basis:
            continue
        province = w.gold.province
        gold = w.gold.meeting(w.day, province, str(spec["kind"]))
        return Plan(spec, topic, steering, organizers, chairs, basis, gold)
    return None


def _organizers(w: ArticleWriter, spec: dict[str, Any], topic: Topic, steering: str | None) -> list[str]:
    tokens = ["steering"] if spec["organizer"] == "steering" else list(spec["organizer"])
    keys = [key for token in tokens if (key := resolve(token, topic, steering)) and w.exists(key)]
    if not keys:
        return []
    chosen = [pick(w.rng, keys)]
    partners = [key for token in spec.get("partner", []) if (key := resolve(token, topic, steering))]
    partners = [key for key in partners if w.exists(key) and key not in chosen]
    if partners and chance(w.rng, 0.5):
        chosen.append(pick(w.rng, partners))
    return chosen


def _chairs(w: ArticleWriter, spec: dict[str, Any], topic: Topic, steering: str | None) -> list[Seat]:
    found: list[Seat] = []
    for org_token, title in spec["chairs"]:
        candidate = seat(w, org_token, title, topic, steering)
        if candidate and all(candidate.pid != other.pid for other in found):
            found.append(candidate)
    if not found:
        return []
    return found[:2] if len(found) > 1 and chance(w.rng, 0.35) else found[:1]


def _basis(w: ArticleWriter, spec: dict[str, Any], topic: Topic) -> list[Document]:
    low, high = spec["basis"]
    count = low + int(w.rng.random() * (high - low + 1))
    documents: list[Document] = []
    for _ in range(count):
        found = w.world.shelf.basis(w.rng, w.unit.code, w.day, topic.key, party=bool(spec.get("party_basis")))
        if found is not None and found not in documents:
            documents.append(found)
    return documents


def common_slots(w: ArticleWriter, topic: Topic) -> dict[str, Slot]:
    """Slots every template may use: topic wording, years, the province's name."""
    year = w.report_year
    slots: dict[str, Slot] = {
        "topic": topic.text,
        "year": str(year),
        "next_year": str(year + 1),
        "prev_year": str(year - 1),
        "year5": str(year + 5),
        "n": str(2 + int(w.rng.random() * 9)),
        "unit": w.names(w.unit.code).unit,
    }
    if w.named:
        slots["name"] = w.names(w.unit.code).name
    return slots


def _doc_slot(w: ArticleWriter, plan: Plan, pending: list[Document]) -> dict[str, Slot]:
    if not pending:
        return {}

    def years() -> str:
        document = pending.pop(0)
        return f"{max(1, w.day.year - document.signed.year)} năm thực hiện {w.cite(document, plan.gold)}"

    return {
        "doc": lambda: w.cite(pending.pop(0), plan.gold),
        "doc_short": lambda: w.cite(pending.pop(0), plan.gold),
        "doc_years": years,
    }


def _name(w: ArticleWriter, plan: Plan, pending: list[Document]) -> str:
    names = [n for n in plan.spec["names"] if ("{doc_short}" not in n and "{doc_years}" not in n) or pending]
    template = pick(w.rng, names)
    slots = {**common_slots(w, plan.topic), **_doc_slot(w, plan, pending)}
    slots["month"] = str(w.day.month)
    slots["term"] = pick(w.rng, ("XV", "XVI", "XVII", "XVIII"))
    name = render(template, slots)
    return name[:1].upper() + name[1:] if chance(w.rng, 0.4) else name


def _when(w: ArticleWriter, plan: Plan, role: str) -> Slot:
    def make() -> str:
        text, day = w.when(w.day, role)
        plan.gold.date = day
        return text

    return make


def _organizer_slot(w: ArticleWriter, plan: Plan, index: int) -> Slot:
    def make() -> str:
        key = plan.organizers[index]
        plan.gold.add_organizer(w.org_name(key))
        return w.org(key)

    return make


def _chair_slot(w: ArticleWriter, plan: Plan, index: int, style: str | None = None) -> Slot:
    def make() -> str:
        chair = plan.chairs[index]
        text = mention(w, chair, style)
        plan.gold.add_chair(w.gold.name_of(chair.pid))
        plan.present.append(chair.pid)
        return text

    return make


def _venue(w: ArticleWriter, plan: Plan) -> Slot:
    def make() -> str:
        slots: dict[str, Slot] = {"ubnd": lambda: w.org("ubnd"), "host": lambda: w.org(plan.organizers[0])}
        names = w.names(w.unit.code)
        if names.cities:
            slots["city"] = pick(w.rng, names.cities)
        if org_kind(plan.organizers[0]).national:
            del slots["host"]
        options = [v for v in table("meetings")["venues"] if _fits(v, slots)]
        return render(pick(w.rng, options), slots)

    return make


def _fits(template: str, slots: dict[str, Slot]) -> bool:
    return fields(template) <= slots.keys()


def _purpose(w: ArticleWriter, plan: Plan, pending: list[Document]) -> Slot:
    def make() -> str:
        if chance(w.rng, 0.3):
            return ""
        slots = {**common_slots(w, plan.topic), **_doc_slot(w, plan, pending)}
        text = w.templates.fill(w.rng, "purpose", slots)
        return text if text.startswith(",") else f" {text}"

    return make


def write_lead(w: ArticleWriter, plan: Plan, pending: list[Document], chair_inline: bool) -> None:
    """The opening sentence: when, who held it, what it was (and, inline, who chaired it)."""
    plan.name = _name(w, plan, pending)
    slots: dict[str, Slot] = {
        "when": _when(w, plan, "start"),
        "when_mid": _when(w, plan, "mid"),
        "meeting": plan.name,
        "purpose": _purpose(w, plan, pending),
        "venue": _venue(w, plan),
    }
    if chair_inline:
        slots["chair"] = _chair_slot(w, plan, 0)
        w.say(w.fill("meeting_lead_chaired", slots))
        return
    slots["organizer"] = _organizer_slot(w, plan, 0)
    if len(plan.organizers) > 1:
        slots["partner"] = _organizer_slot(w, plan, 1)
    w.say(w.fill("meeting_lead", slots))


def write_chairs(w: ArticleWriter, plan: Plan) -> None:
    """Who chaired (and co-chaired) the meeting."""
    slots: dict[str, Slot] = {"ref": plan.ref, "chair": _chair_slot(w, plan, 0)}
    if len(plan.chairs) > 1:
        slots["chair_tbn"] = _chair_slot(w, plan, 0, "before")
        slots["cochair"] = _chair_slot(w, plan, 1)
        slots["cochair_tbn"] = _chair_slot(w, plan, 1, "before")
        w.say(w.fill("chair_pair", slots))
    else:
        w.say(w.fill("chair_single", slots))


def attendees(w: ArticleWriter, count: int, exclude: list[int]) -> list[Seat]:
    """Up to ``count`` officials of the unit (not in ``exclude``) holding seats on the day."""
    found: list[Seat] = []
    kinds = [k for k in _seated_kinds() if w.exists(k.key)]
    for _ in range(count * 4):
        if len(found) >= count or not kinds:
            break
        kind = pick(w.rng, kinds)
        spec = pick(w.rng, kind.seats)
        pid = w.holder(kind.key, spec.title)
        if pid is not None and pid not in exclude and all(pid != s.pid for s in found):
            found.append(Seat(pid, Post(kind.key, w.unit.code, spec.title)))
    return found


def _seated_kinds() -> list[OrgKind]:
    return [kind for kind in org_kinds().values() if kind.seats and not kind.national]


def write_attendance(w: ArticleWriter, plan: Plan, role: str = "attendance", ref: str | None = None) -> None:
    """Who attended (with their posts)."""
    people = attendees(w, 1 + int(w.rng.random() * 3.5), [c.pid for c in plan.chairs])
    if not people:
        return
    items = [mention(w, person, pick(w.rng, ("listed", "listed", "listed_dash"))) for person in people]
    plan.present.extend(p.pid for p in people)
    slots: dict[str, Slot] = {"ref": ref or plan.ref, "attendees": w.persons_list(items), "cref": ref or plan.ref}
    slots.update(common_slots(w, plan.topic))
    w.say(w.fill(role, slots))


def write_guest(w: ArticleWriter, plan: Plan) -> None:
    """A senior official who attended and gave directions (not a chair)."""
    for org, title in (("tinh_uy", "Bí thư"), ("tinh_uy", "Phó Bí thư Thường trực"), ("hdnd", "Chủ tịch")):
        guest = seat(w, org, title, plan.topic, plan.steering)
        if guest and all(guest.pid != c.pid for c in plan.chairs) and guest.pid not in plan.present:
            plan.present.append(guest.pid)
            w.say(w.fill("guest", {"ref": plan.ref, "person": mention(w, guest)}))
            return


def write_opening(w: ArticleWriter, plan: Plan) -> None:
    """Someone present opens the meeting, or a photo caption shows them (neither makes a chair)."""
    pid = pick(w.rng, plan.present)
    slots: dict[str, Slot] = {"ref": plan.ref, "statement": clause(w.rng, "statements", topic=plan.topic.text)}
    if chance(w.rng, 0.5):
        slots["person"] = lambda: w.again(pid)
        w.say(w.fill("opening", slots))
        return
    posts = w.posts_of(pid, None, 1)
    slots["person_tbn"] = lambda: w.person(pid, posts, "before")
    w.caption(w.templates.fill(w.rng, "caption", slots))


def write_report(w: ArticleWriter, plan: Plan) -> None:
    """A department head reports results (with figures)."""
    department = plan.topic.department
    reporter = None
    for title in ("Giám đốc", "Phó Giám đốc"):
        candidate = seat(w, department, title, plan.topic, None) if department else None
        if candidate and all(candidate.pid != c.pid for c in plan.chairs):
            reporter = candidate
            break
    slots: dict[str, Slot] = {**common_slots(w, plan.topic), "ref": plan.ref}
    slots["indicator"] = indicator(w.rng, w.unit_count())
    if reporter is not None:
        slots["person"] = lambda: mention(w, reporter)
    elif department is not None and w.exists(department):
        slots["org"] = lambda: w.org(department)
    if "person" in slots or "org" in slots:
        w.say(w.fill("report", slots))


def write_basis(w: ArticleWriter, plan: Plan, pending: list[Document]) -> None:
    """Sentences citing the documents the meeting implements that the lead did not cite."""
    while pending:
        slots: dict[str, Slot] = {**common_slots(w, plan.topic), "ref": plan.ref, **_doc_slot(w, plan, pending)}
        w.say(w.fill("basis", slots))


def write_conclusion(w: ArticleWriter, plan: Plan, index: int = 0) -> None:
    """The chair concludes (which makes them a chair, per SCHEMA)."""
    chair = plan.chairs[index]

    def again() -> str:
        text = w.again(chair.pid, chair.post) if w.mentioned(chair.pid) else mention(w, chair, "before")
        plan.gold.add_chair(w.gold.name_of(chair.pid))
        return text

    slots: dict[str, Slot] = {"ref": plan.ref, "chair_again": again, "directive": directive(w, plan.topic)}
    w.say(w.fill("conclusion", slots))


def directive(w: ArticleWriter, topic: Topic) -> str:
    """What a chair asks for in concluding."""
    statement = clause(w.rng, "statements", topic=topic.text)
    return clause(w.rng, "directives", task=clause(w.rng, "tasks"), statement=statement, deadline=_deadline(w))


def _deadline(w: ArticleWriter) -> str:
    day = future_day(w.rng, w.day)
    return f"{day.day}/{day.month}"


def write_planned(w: ArticleWriter, topic: Topic) -> None:
    """A meeting merely planned (not a meeting gold records)."""
    slots: dict[str, Slot] = dict(common_slots(w, topic))
    slots["planned"] = w.templates.fill(w.rng, "planned_names", slots)
    later = future_day(w.rng, w.published or w.day)
    slots["future"] = date_phrase(w.rng, later, "future")[0]
    org = topic.department
    if org and w.exists(org):
        slots["org"] = lambda: w.org(org)
    w.say(w.fill("planned", slots))


def write_fillers(w: ArticleWriter, topic: Topic, target: int) -> None:
    """Running text until the article reaches about ``target`` bytes."""
    sentences, written = 0, set(w.written())
    while w.size() < target and sentences < 20:
        sentences += 1
        if chance(w.rng, 0.2):
            text = indicator_sentence(w.rng, w.unit_count(), w.report_year)
        else:
            text = filler(w.rng, topic.text, w.report_year)
        if text in written:
            continue
        written.add(text)
        w.say(text)
        if chance(w.rng, 0.35):
            w.break_paragraph()


def write_meeting_article(w: ArticleWriter, target: int) -> str:
    """A meeting article; returns its title."""
    plan = plan_meeting(w)
    if plan is None:
        raise LookupError("no meeting can take place here")
    pending = list(plan.basis)
    mode = pick(w.rng, ("inline", "sentence", "sentence", "conclusion")) if plan.chairs else "none"
    write_lead(w, plan, pending, chair_inline=mode == "inline")
    if mode == "sentence":
        write_chairs(w, plan)
    if plan.spec.get("bridge"):
        w.break_paragraph()
        write_attendance(w, plan, "bridge")
    if plan.chairs and mode != "conclusion" and chance(w.rng, 0.3):
        chair_slots: dict[str, Slot] = {"ref": plan.ref, "chair_tbn": _chair_slot(w, plan, 0, "before")}
        w.caption(w.templates.fill(w.rng, "caption_chair", chair_slots))
    w.break_paragraph()
    if chance(w.rng, 0.2):
        write_guest(w, plan)
    if not plan.spec.get("bridge") and chance(w.rng, 0.7):
        write_attendance(w, plan)
    if plan.present and chance(w.rng, 0.25):
        write_opening(w, plan)
    w.break_paragraph()
    if chance(w.rng, 0.6):
        write_report(w, plan)
    write_basis(w, plan, pending)
    write_fillers(w, plan.topic, target - 250)
    if chance(w.rng, 0.12):
        write_planned(w, plan.topic)
    w.break_paragraph()
    if plan.chairs and (mode == "conclusion" or chance(w.rng, 0.4)):
        write_conclusion(w, plan, 0 if len(plan.chairs) == 1 or chance(w.rng, 0.7) else 1)
    return _title(w, plan)


def _title(w: ArticleWriter, plan: Plan) -> str:
    slots: dict[str, Slot] = {**common_slots(w, plan.topic), "meeting": plan.name[:1].upper() + plan.name[1:]}
    slots["organizer"] = _organizer_slot(w, plan, 0)
    if plan.chairs and plan.chairs[0].pid in plan.present:
        slots["chair_tbn"] = _chair_slot(w, plan, 0, "before")
    return w.fill("title_meeting", slots)
