"""Articles reporting working sessions: a delegation works with a province (or several, a day apart)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from bench.catalog import NATIONAL, org_kind
from bench.composer import ArticleWriter, Post
from bench.gold import MeetingGold
from bench.meeting_articles import Seat, common_slots, directive, mention, seat, write_fillers
from bench.resources import table
from bench.sampling import chance, pick
from bench.templates import Slot
from bench.topics import Topic, choose_topic, resolve
from bench.units import units_on


@dataclass(slots=True)
class Visit:
    """A delegation, its head, the body it works with, and the session's gold record."""

    topic: Topic
    lead: Seat
    host_org: str
    unit: str
    gold: MeetingGold


def _lead(w: ArticleWriter, topic: Topic) -> Seat | None:
    leads = list(table("meetings")["visits"]["leads"])
    w.rng.shuffle(leads)
    for org_token, title in leads:
        found = seat(w, org_token, title, topic, None)
        if found is not None:
            return found
    return None


def _hosts(w: ArticleWriter, visit: Visit) -> list[Seat]:
    found: list[Seat] = []
    for org_token, title in table("meetings")["visits"]["hosts"]:
        key = resolve(org_token, visit.topic, None)
        if key is None or not w.exists(key):
            continue
        pid = w.holder(key, title, visit.unit)
        if pid is not None and pid != visit.lead.pid and all(pid != s.pid for s in found):
            found.append(Seat(pid, Post(key, visit.unit, title)))
    return found[: 1 + int(w.rng.random() * 2.5)]


def _host_org(w: ArticleWriter, topic: Topic, lead: Seat) -> str | None:
    options = [resolve(token, topic, None) for token in table("meetings")["visits"]["host_orgs"]]
    usable = [key for key in options if key and w.exists(key) and key != lead.post.org]
    return pick(w.rng, usable) if usable else None


def _when(w: ArticleWriter, gold: MeetingGold, day_offset: int, role: str) -> Slot:
    def make() -> str:
        text, day = w.when(w.day + timedelta(days=day_offset), role)
        gold.date = day
        return text

    return make


def _session(w: ArticleWriter, visit: Visit, slots: dict[str, Slot]) -> None:
    """Hosts, report, and who chaired (or concluded) one session."""
    hosts = _hosts(w, visit)
    if hosts:
        extra = 0 if visit.unit != w.unit.code else None
        items = [mention(w, host, pick(w.rng, ("listed", "listed_dash")), extra) for host in hosts]
        w.say(w.fill("visit_hosts", {"hosts": w.persons_list(items)}))
        if chance(w.rng, 0.6):
            w.say(w.fill("visit_report", {**slots, "host_person": w.person(hosts[0].pid, [], "bare")}))
    chaired = chance(w.rng, 0.5)
    if chaired:
        w.say(w.fill("visit_chair", {"lead_again": _lead_again(w, visit)}))
    if chance(w.rng, 0.5):
        conclusion = {
            "ref": "buổi làm việc",
            "chair_again": _lead_again(w, visit),
            "directive": directive(w, visit.topic),
        }
        w.say(w.fill("conclusion", conclusion))


def _lead_again(w: ArticleWriter, visit: Visit) -> Slot:
    def make() -> str:
        text = w.again(visit.lead.pid, visit.lead.post)
        visit.gold.add_chair(w.gold.name_of(visit.lead.pid))
        return text

    return make


def write_visit_article(w: ArticleWriter, target: int) -> str:
    """A working-session article; returns its title."""
    topic = choose_topic(w.rng, w.day)
    lead = _lead(w, topic)
    host = _host_org(w, topic, lead) if lead else None
    if lead is None or host is None:
        raise LookupError("no delegation can visit here")
    kind = str(table("meetings")["visits"]["kind"])
    visit = Visit(topic, lead, host, w.unit.code, w.gold.meeting(w.day, w.gold.province, kind))
    slots: dict[str, Slot] = {
        **common_slots(w, topic),
        "when": _when(w, visit.gold, 0, "start"),
        "lead": lambda: mention(w, lead),
        "lead_org": lambda: w.org(lead.post.org),
        "host_org": lambda: w.org(host),
    }
    w.say(w.fill("visit_lead", slots))
    _session(w, visit, slots)
    w.break_paragraph()
    write_fillers(w, topic, target - 150)
    if org_kind(lead.post.org).national and w.named and w.issued > w.day and chance(w.rng, 0.2):
        _second_session(w, visit)
    return _title(w, visit)


def _second_session(w: ArticleWriter, first: Visit) -> None:
    """The delegation works in a second province the next day: a second meeting."""
    others = [u for u in units_on(w.day) if u.code != w.unit.code]
    unit = pick(w.rng, others)
    label = w.names(unit.code).name
    gold = w.gold.meeting(w.day + timedelta(days=1), label, first.gold.kind)
    host = "ubnd"
    visit = Visit(first.topic, first.lead, host, unit.code, gold)
    w.break_paragraph()
    slots: dict[str, Slot] = {
        **common_slots(w, first.topic),
        "when": _when(w, gold, 1, "start"),
        "when_mid": _when(w, gold, 1, "mid"),
        "host_org": lambda: w.org(host, unit.code),
    }
    w.say(w.fill("visit_next", slots))
    _session(w, visit, slots)


def _title(w: ArticleWriter, visit: Visit) -> str:
    slots: dict[str, Slot] = {
        **common_slots(w, visit.topic),
        "lead_tbn": lambda: w.person(visit.lead.pid, [visit.lead.post], "before"),
        "lead_org": lambda: w.org(visit.lead.post.org),
        "host_org": lambda: w.org(visit.host_org),
    }
    if visit.lead.post.unit == NATIONAL and w.named:
        slots["unit"] = w.names(w.unit.code).unit
    else:
        del slots["unit"]
    return w.fill("title_visit", slots)
