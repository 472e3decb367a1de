"""A synthetic world of officials, meetings and documents, and the articles that report it (no extractor involved).

The Neo4j tests project stores of these articles; ``bench.bench_api`` builds its
invented store from a larger world.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random

from rdflib import BNode, Literal

from graph.store.base import Triple
from graph.store.embedded import OxigraphStore
from loaders.article import Article
from loaders.record import (
    Evidence,
    Extraction,
    LegalDocument,
    Meeting,
    Observation,
    Organization,
    Person,
    Post,
    Reference,
)
from ontology import namespaces as ns
from ontology.gazetteer import Province, province_by_code
from ontology.identity import mint_membership_iri, mint_organization_iri, mint_person_iri
from tests.factories.stores import new_store, write_extraction

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
_MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Đức")
_GIVEN = ("Hùng", "Lan", "Tuấn", "Hòa", "Bình", "Thắng", "Mai", "Sơn", "Dũng", "Hương")
_PROVINCES = ("VN-44", "VN-47", "VN-44-2025", "VN-13")
_NATIONAL_DECREES = ("64/2007/NĐ-CP", "47/2020/NĐ-CP", "45/2020/NĐ-CP")
_MEETINGS = (("Hội nghị", "Conference"), ("Cuộc họp", "CommitteeMeeting"), ("Hội nghị tổng kết", "Review"))
_INDICATORS = (("tỷ lệ hồ sơ trực tuyến", "%"), ("số cơ quan có mạng LAN", "cơ quan"))


@dataclass
class _Official:
    name: str
    province: Province
    organization: str
    titles: tuple[str, str]  # before and after a promotion on 2022-01-01


@dataclass
class _Text:
    """An article's text, written a sentence at a time, with the span of each."""

    sentences: list[str] = field(default_factory=list)

    def say(self, sentence: str, rule: str) -> Evidence:
        start = sum(len(s) + 1 for s in self.sentences)
        self.sentences.append(sentence)
        return Evidence(start, start + len(sentence), rule, 0.9)

    @property
    def text(self) -> str:
        return "\n".join(self.sentences)


class SyntheticWorld:
    """Invented provinces, organizations, officials, documents and meetings, and articles reporting them.

    Officials are shared across articles (and promoted on 2022-01-01), meetings are
    reported by several articles, two provinces merge into a third, some posts carry
    an ``org:memberDuring`` interval; the same seed always gives the same articles.
    ``provinces`` (unit codes) and ``officials`` (per province) make a larger world
    (the API benchmark's); the defaults are the Neo4j tests' four provinces.
    """

    def __init__(self, seed: int = 7, provinces: Sequence[str] = _PROVINCES, officials: int = 7) -> None:
        self.rng = Random(seed)
        self.provinces = tuple(provinces)
        self.officials: list[_Official] = []
        for code in self.provinces:
            province = province_by_code(code)
            bodies = (
                f"Ủy ban nhân dân tỉnh {province.name}",
                f"Sở Tài chính tỉnh {province.name}",
                f"Sở Nội vụ tỉnh {province.name}",
            )
            for index in range(officials):
                surname = _SURNAMES[index % len(_SURNAMES)]
                name = f"{surname} {self.rng.choice(_MIDDLE)} {self.rng.choice(_GIVEN)} {code[-2:]}"
                body = bodies[index % 3]
                titles = ("Phó Chủ tịch", "Chủ tịch") if body.startswith("Ủy") else ("Phó Giám đốc", "Giám đốc")
                self.officials.append(_Official(name, province, body, titles))
        self.meeting_days = [date(2020, 1, 6) + timedelta(days=29 * n) for n in range(40)]

    def extraction(self, number: int) -> Extraction:
        """The extraction of article ``number``."""
        rng = Random(number * 7919)
        code = self.provinces[number % len(self.provinces)]
        province = province_by_code(code)
        day = rng.choice(self.meeting_days)
        local = [o for o in self.officials if o.province.code == code]
        chairs = rng.sample(local, rng.choice((1, 1, 2)))
        attendees = rng.sample([o for o in local if o not in chairs], 2)
        text = _Text()
        kind, kind_class = _MEETINGS[number % len(_MEETINGS)]
        committee = f"Ủy ban nhân dân tỉnh {province.name}"
        trigger = text.say(f"Ngày {day:%d/%m/%Y}, {committee} tổ chức {kind.lower()}.", "meeting.trigger")
        persons, organizations, documents, bases = [], [], [], []
        for official in (*chairs, *attendees):
            title = official.titles[day >= date(2022, 1, 1)]
            evidence = text.say(f"Ông {official.name}, {title} {official.organization} phát biểu.", "post.name_title")
            persons.append(Person(official.name, evidence, [Post(title, official.organization, evidence)], province))
            organizations.append(Organization(official.organization, _kind(official.organization), evidence, province))
        for notation in rng.sample(_NATIONAL_DECREES, rng.choice((0, 1, 2))):
            evidence = text.say(f"Hội nghị triển khai Nghị định số {notation}.", "document.notation")
            documents.append(LegalDocument("Nghị định", notation, evidence, issuer="Chính phủ"))
            bases.append(Reference(notation, evidence))
        if rng.random() < 0.5:
            notation = f"{100 + number % 9}/QĐ-UBND"
            evidence = text.say(f"Theo Quyết định số {notation} ngày 02/01/{day.year}.", "document.notation")
            documents.append(
                LegalDocument("Quyết định", notation, evidence, date=date(day.year, 1, 2), issuer=committee)
            )
            bases.append(Reference(notation, evidence))
        observations = []
        if rng.random() < 0.4:
            indicator, unit = _INDICATORS[number % 2]
            value = Decimal(rng.randint(10, 990)) / 10
            evidence = text.say(f"Đến nay {indicator} đạt {value} {unit}.", "indicator.value")
            observations.append(Observation(indicator, value, unit, evidence, province, day))
        article = Article(
            key=f"synthetic-{number:05d}.txt",
            file=f"synthetic-{number:05d}.txt",
            text=text.text,
            published=day + timedelta(days=1),
            title=f"{kind} tại {province.name}",
        )
        meeting = Meeting(
            kind=kind,
            kind_class=kind_class,
            evidence=trigger,
            date=day,
            province=province,
            chairs=[Reference(o.name, persons[i].evidence) for i, o in enumerate(chairs)],
            organizers=[Reference(committee, trigger)],
            attendees=[Reference(o.name, persons[len(chairs) + i].evidence) for i, o in enumerate(attendees)],
            legal_basis=bases,
        )
        organizations.append(Organization(committee, "PeoplesCommittee", trigger, province))
        return Extraction(
            article=article,
            province=province,
            persons=persons,
            organizations=_unique(organizations),
            legal_documents=documents,
            meetings=[meeting],
            observations=observations,
        )

    def intervals(self, extraction: Extraction) -> list[Triple]:
        """``org:memberDuring`` intervals for the posts of officials whose name ends in an even digit."""
        triples: list[Triple] = []
        for person in extraction.persons:
            if int(person.name[-1]) % 2 or person.province is None:
                continue
            for post in person.posts:
                assert post.organization is not None
                membership = mint_membership_iri(
                    mint_person_iri(person.name, person.province.code),
                    post.title,
                    mint_organization_iri(post.organization, person.province.code),
                )
                interval, begin = BNode(), BNode()
                triples += [
                    (membership.n3(), ns.ORG.memberDuring.n3(), interval.n3()),
                    (interval.n3(), ns.RDF.type.n3(), ns.TIME.Interval.n3()),
                    (interval.n3(), ns.TIME.hasBeginning.n3(), begin.n3()),
                    (begin.n3(), ns.TIME.inXSDDate.n3(), Literal("2021-03-01", datatype=ns.XSD.date).n3()),
                ]
        return triples


def _kind(name: str) -> str:
    return "PeoplesCommittee" if name.startswith("Ủy ban") else "Department"


def _unique(organizations: list[Organization]) -> list[Organization]:
    seen: dict[str, Organization] = {}
    for organization in organizations:
        seen.setdefault(organization.name, organization)
    return list(seen.values())


def build_synthetic_store(path: Path, articles: int, *, start: int = 0) -> OxigraphStore:
    """A store of ``articles`` synthetic articles (numbered from ``start``)."""
    store = new_store(path)
    world = SyntheticWorld()
    for number in range(start, start + articles):
        extraction = world.extraction(number)
        write_extraction(store, extraction, world.intervals(extraction))
    return store
