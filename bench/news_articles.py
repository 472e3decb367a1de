"""Articles without a meeting: decisions, plans, appointments, ceremonies, progress reports.

Ceremonies and planned meetings read much like meetings; gold records none.
"""

from __future__ import annotations

from bench.careers import Tenure
from bench.catalog import org_kind
from bench.composer import ArticleWriter, Post
from bench.documents import Document
from bench.meeting_articles import Seat, attendees, common_slots, mention, seat, write_fillers, write_planned
from bench.phrases import clause, indicator, indicator_sentence
from bench.resources import table
from bench.sampling import chance, pick
from bench.templates import Slot, render
from bench.topics import Topic, choose_topic


def _signer(w: ArticleWriter) -> Seat | None:
    for title in ("Chủ tịch", "Phó Chủ tịch Thường trực", "Phó Chủ tịch"):
        found = seat(w, "ubnd", title, choose_topic(w.rng, w.day), None)
        if found is not None:
            return found
    return None


def write_steering_decision(w: ArticleWriter, document: Document, target: int) -> str:
    """A decision setting up or reorganising a steering committee, with its heads and members."""
    committee = document.steering or ""
    topic = choose_topic(w.rng, w.day, org_kind(committee).topics)
    signer = _signer(w)
    slots: dict[str, Slot] = {
        **common_slots(w, topic),
        "org": lambda: w.org("ubnd"),
        "doc": lambda: w.cite(document, subject=False),
        "subject": lambda: _subject(w, document),
        "steering": lambda: w.org(committee, explicit=True),
    }
    if signer is not None:
        slots["signer"] = lambda: mention(w, signer, "before", 0)
    w.say(w.fill("decision_lead", slots))
    _heads(w, committee, topic)
    _members(w, committee)
    w.say(w.fill("steering_tasks", {**common_slots(w, topic), "task": clause(w.rng, "tasks")}))
    w.break_paragraph()
    write_fillers(w, topic, target - 150)
    if chance(w.rng, 0.25):
        write_planned(w, topic)
    title_slots: dict[str, Slot] = {**common_slots(w, topic), "steering": lambda: w.org(committee, explicit=True)}
    title_slots["verb"] = "Thành lập" if "thành lập" in document.subject else "Kiện toàn"
    return w.fill("title_decision", title_slots)


def _subject(w: ArticleWriter, document: Document) -> str:
    text = document.subject.removeprefix("về việc ")
    if document.steering is None:
        return text
    return text.format(steering=w.org(document.steering, explicit=True))


def _heads(w: ArticleWriter, committee: str, topic: Topic) -> None:
    head = _ex_officio(w, committee, "Trưởng ban")
    deputy = _ex_officio(w, committee, "Phó Trưởng ban Thường trực") or _ex_officio(w, committee, "Phó Trưởng ban")
    if head is None or deputy is None or head.pid == deputy.pid:
        return
    slots: dict[str, Slot] = {
        "steering": lambda: w.org(committee),
        "head": lambda: _head_text(w, head, committee),
        "deputy": lambda: _head_text(w, deputy, committee),
    }
    w.say(w.fill("steering_heads", slots))


def _ex_officio(w: ArticleWriter, committee: str, title: str) -> Seat | None:
    for spec in org_kind(committee).ex_officio:
        if spec.title != title:
            continue
        for org, seat_title in spec.holders:
            pid = w.holder(org, seat_title) if w.exists(org) else None
            if pid is not None:
                return Seat(pid, Post(org, w.unit.code, seat_title))
    return None


def _head_text(w: ArticleWriter, head: Seat, committee: str) -> str:
    """ "đồng chí X, Chủ tịch UBND tỉnh" — the sentence adds "làm Trưởng ban": record that post too."""
    text = mention(w, head, "comma", 0)
    role = "Trưởng ban" if _ex_officio(w, committee, "Trưởng ban") == head else "Phó Trưởng ban"
    w.gold.person(head.pid, w.gold.name_of(head.pid), [w.post_gold(Post(committee, w.unit.code, role))])
    return text


def _members(w: ArticleWriter, committee: str) -> None:
    usable = [key for key in table("meetings")["steering_members"] if w.exists(key)]
    w.rng.shuffle(usable)
    chosen = usable[: 3 + int(w.rng.random() * 3)]
    if chosen:
        listed = ", ".join(w.org(key) for key in chosen)
        w.say(w.fill("steering_members", {"members": listed}))


def write_plan(w: ArticleWriter, target: int) -> str:
    """A plan the province has issued, with its targets."""
    plans = [d for d in w.world.shelf.recent(w.unit.code, w.day, 1) if d.type == "Kế hoạch"]
    topic = choose_topic(w.rng, w.day)
    plan = next((d for d in reversed(plans) if d.topic == topic.key), plans[-1] if plans else None)
    if plan is None:
        return write_report(w, target)
    national = [d for d in w.world.shelf.national if d.signed < w.day and d.topic == topic.key]
    slots: dict[str, Slot] = {
        **common_slots(w, topic),
        "org": lambda: w.org(plan.issuer, plan.unit),
        "doc": lambda: w.cite(plan),
    }
    if national:
        slots["doc_national"] = lambda: w.cite(pick(w.rng, national))
    w.say(w.fill("plan_lead", slots))
    targets = {**common_slots(w, topic), "indicator": indicator(w.rng, w.unit_count())}
    w.say(w.fill("plan_targets", targets))
    w.break_paragraph()
    write_fillers(w, topic, target - 150)
    if chance(w.rng, 0.3):
        write_planned(w, topic)
    return w.fill("title_plan", common_slots(w, topic))


def write_appointment(w: ArticleWriter, document: Document, tenure: Tenure, target: int) -> str:
    """A ceremony announcing an appointment: the appointee holds the new post (not a meeting)."""
    topic = choose_topic(w.rng, w.day)
    post = Post(tenure.org, tenure.unit, tenure.title)
    appointee = Seat(tenure.pid, post)
    signer = _signer(w)

    def appointee_text() -> str:
        name = w.person(tenure.pid, [], "bare")
        w.gold.person(tenure.pid, name_of(w, tenure.pid), [w.post_gold(post)])
        return f"{name} giữ chức {w.post_text(post)}"

    slots: dict[str, Slot] = {
        **common_slots(w, topic),
        "when": lambda: w.when(w.day)[0],
        "org": lambda: w.org("ubnd"),
        "doc": lambda: w.cite(document, subject=False),
        "venue": lambda: f"trụ sở {w.org(tenure.org)}",
        "appointee": appointee_text,
    }
    w.say(w.fill("appointment", slots))
    if signer is not None and signer.pid != tenure.pid:
        hand_over = {"signer": mention(w, signer, "before"), "appointee_again": w.again(tenure.pid, post)}
        w.say(w.fill("appointment_hand_over", hand_over))
    _ceremony_people(w, topic, "buổi lễ", [appointee.pid])
    write_fillers(w, topic, target - 150)
    title: dict[str, Slot] = {**common_slots(w, topic), "title": lambda: w.post_text(post)}
    return w.fill("title_appointment", title)


def name_of(w: ArticleWriter, pid: int) -> str:
    """An official's full name."""
    return w.world.roster.officials[pid].name


def _ceremony_people(w: ArticleWriter, topic: Topic, ref: str, exclude: list[int]) -> None:
    w.break_paragraph()
    people = attendees(w, 1 + int(w.rng.random() * 3), exclude)
    if people and chance(w.rng, 0.7):
        items = [mention(w, p, "listed") for p in people]
        w.say(w.fill("ceremony_attendance", {"attendees": w.persons_list(items), "cref": ref}))
    if people and chance(w.rng, 0.6):
        speech = {**common_slots(w, topic), "cref": ref, "person": w.again(people[0].pid, people[0].post)}
        speech["statement"] = clause(w.rng, "statements", topic=topic.text)
        speech["task"] = clause(w.rng, "tasks")
        w.say(w.fill("ceremony_speech", speech))


def write_ceremony(w: ArticleWriter, target: int) -> str:
    """A ceremony (signing, opening, anniversary, award): not a meeting."""
    specs = [c for c in table("meetings")["ceremonies"] if not c.get("appointment") and c.get("from", w.day) <= w.day]
    spec = pick(w.rng, specs)
    topic = choose_topic(w.rng, w.day)
    org = topic.department if spec["org"] == "so_topic" else spec["org"]
    if org is None or not w.exists(org):
        org = "ubnd"
    name_slots: dict[str, Slot] = {**common_slots(w, topic), "n": str(pick(w.rng, (5, 10, 15, 20)))}
    name = render(spec["name"], name_slots)
    if spec.get("opens") and w.exists(spec["opens"]):
        name = f"lễ khai trương {w.org(spec['opens'])}"
    slots: dict[str, Slot] = {
        **common_slots(w, topic),
        "when": lambda: w.when(w.day)[0],
        "when_mid": lambda: w.when(w.day, "mid")[0],
        "org": lambda: w.org(org),
        "ceremony": name,
        "venue": lambda: f"trụ sở {w.org('ubnd')}",
    }
    partners = [p for p in spec.get("partner", []) if w.exists(p)]
    if partners:
        partner = pick(w.rng, partners)
        slots["partner"] = lambda: w.org(partner)
        w.say(w.fill("ceremony_signing", slots))
        w.say(w.fill("signing_terms", {**common_slots(w, topic), "task": clause(w.rng, "tasks")}))
    else:
        w.say(w.fill("ceremony_lead", slots))
    _ceremony_people(w, topic, str(spec["ref"]), [])
    write_fillers(w, topic, target - 150)
    if chance(w.rng, 0.2):
        write_planned(w, topic)
    return w.fill("title_ceremony", {**common_slots(w, topic), "ceremony": name[:1].upper() + name[1:]})


def write_report(w: ArticleWriter, target: int) -> str:
    """A progress report with figures and a department head's comment."""
    topic = choose_topic(w.rng, w.day)
    org = topic.department if topic.department and w.exists(topic.department) else "ubnd"
    w.say(w.fill("report_lead", {**common_slots(w, topic), "org": lambda: w.org(org)}))
    w.say(indicator_sentence(w.rng, w.unit_count(), w.day.year))
    head = seat(w, org, "Giám đốc", topic, None) if org != "ubnd" else None
    if head is not None:
        quote: dict[str, Slot] = {**common_slots(w, topic), "person": lambda: mention(w, head)}
        quote["statement"] = clause(w.rng, "statements", topic=topic.text)
        quote["indicator"] = indicator(w.rng, w.unit_count())
        w.say(w.fill("report_quote", quote))
    w.break_paragraph()
    write_fillers(w, topic, target - 150)
    if chance(w.rng, 0.2):
        write_planned(w, topic)
    if chance(w.rng, 0.1):
        w.say(w.fill("past_mention", common_slots(w, topic)))
    return w.fill("title_report", common_slots(w, topic))


__all__ = [
    "write_appointment",
    "write_ceremony",
    "write_plan",
    "write_report",
    "write_steering_decision",
]
