"""Neo4j fixtures: the shared test server, a second server of a test's own, and stores to project.

The shared server is the one ``scripts/test`` starts (``NEO4J_URI``, default
bolt://127.0.0.1:7687). Tests that need it are skipped when it cannot be
reached — unless ``GOVKG_REQUIRE_NEO4J=1`` (CI), which fails them instead. A
file lock keeps two test sessions from using the same server at once.

Tests that stop or restart Neo4j use :func:`second_neo4j`: a server of their
own, started through ``scripts/neo4j-server`` with its own run directory, data
directory and a free port, so the shared server is never disturbed.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from random import Random
from typing import IO

import pytest
from rdflib import BNode, Literal

from graph.neo4j.connection import Neo4jConnection, Neo4jUnavailable, connect
from graph.neo4j.writer import Neo4jWriter
from graph.store.base import Triple, ntriples
from graph.store.embedded import OxigraphStore
from graph.store.reference import ensure_reference
from loaders.article import Article
from loaders.rdf_mapping import article_graph
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
from ontology.identity import mint_article_iri, mint_membership_iri, mint_organization_iri, mint_person_iri

REPO = Path(__file__).resolve().parents[2]
NEO4J_SCRIPT = REPO / "scripts" / "neo4j-server"
PASSWORD = os.environ.get("NEO4J_PASSWORD", "govkg-test-password")
REQUIRED = os.environ.get("GOVKG_REQUIRE_NEO4J") == "1"
LOCK_WAIT_SECONDS = 240


def _unavailable(reason: str) -> None:
    """Skip the test, or fail it when Neo4j is required (CI)."""
    if REQUIRED:
        pytest.fail(f"GOVKG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def free_port() -> int:
    """A TCP port on 127.0.0.1 nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def open_connection(uri: str, *, retry_seconds: float = 5.0) -> Neo4jConnection:
    """A connection to the ``neo4j`` database at ``uri`` with the test password."""
    return connect(
        uri,
        os.environ.get("NEO4J_USER", "neo4j"),
        PASSWORD,
        os.environ.get("NEO4J_DATABASE", "neo4j"),
        retry_seconds=retry_seconds,
    )


def _lock(uri: str) -> IO[str]:
    name = re.sub(r"[^A-Za-z0-9]+", "-", uri)
    path = Path(tempfile.gettempdir()) / f"govkg-neo4j-tests-{name}.lock"
    handle = path.open("w")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return handle
        except BlockingIOError:
            if time.monotonic() > deadline:
                handle.close()
                _unavailable(f"another test session has been using the Neo4j server at {uri} for too long")
            time.sleep(1)


@pytest.fixture(scope="session")
def neo4j() -> Iterator[Neo4jConnection]:
    """The shared test server (skipped, or failed under GOVKG_REQUIRE_NEO4J=1, when unreachable)."""
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    connection = open_connection(uri)
    try:
        connection.verify()
    except Neo4jUnavailable as exc:
        connection.close()
        _unavailable(f"no Neo4j server for the tests ({exc}); start one with scripts/neo4j-server start")
    lock = _lock(uri)
    try:
        yield connection
    finally:
        connection.close()
        lock.close()


@pytest.fixture
def neo4j_writer(neo4j: Neo4jConnection) -> Neo4jWriter:
    """A writer to the shared server, with everything the projection owns cleared first."""
    writer = Neo4jWriter(neo4j.driver, neo4j.database, batch_size=200)
    writer.clear()
    return writer


@dataclass
class Neo4jServer:
    """A Neo4j server of a test's own, run by scripts/neo4j-server with its own directories and port."""

    root: Path
    port: int = field(default_factory=free_port)

    @property
    def uri(self) -> str:
        """Its Bolt URI."""
        return f"bolt://127.0.0.1:{self.port}"

    def _script(self, command: str) -> subprocess.CompletedProcess[str]:
        env = {
            **os.environ,
            "GOVKG_NEO4J_RUN_DIR": str(self.root / "run"),
            "GOVKG_NEO4J_DATA": str(self.root / "data"),
            "GOVKG_NEO4J_BOLT_PORT": str(self.port),
            "GOVKG_NEO4J_HEAP": "512m",
            "NEO4J_PASSWORD": PASSWORD,
        }
        return subprocess.run(
            [str(NEO4J_SCRIPT), command], env=env, capture_output=True, text=True, timeout=300, check=False
        )

    def start(self) -> None:
        """Start it (and wait until it accepts Bolt connections)."""
        done = self._script("start")
        if done.returncode != 0:
            raise RuntimeError(f"scripts/neo4j-server start failed: {done.stderr[-2000:]}")

    def stop(self) -> None:
        """Stop it (and wait until it has exited)."""
        self._script("stop")

    def kill(self) -> None:
        """Kill it at once (SIGKILL), as a crash would; :meth:`start` brings it back on the same data."""
        pid = int((self.root / "run" / "neo4j.pid").read_text().strip())
        os.kill(pid, signal.SIGKILL)
        while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
            time.sleep(0.1)


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


@pytest.fixture(scope="module")
def second_neo4j(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Neo4jServer]:
    """A second Neo4j server for tests that stop and restart it; stopped at the end of the module."""
    server = Neo4jServer(tmp_path_factory.mktemp("neo4j-second"))
    try:
        server.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        _unavailable(f"cannot start a second Neo4j server: {exc}")
    try:
        yield server
    finally:
        server.stop()


# -- stores to project ------------------------------------------------------------


def new_store(path: Path) -> OxigraphStore:
    """An empty store at ``path`` with the reference graph loaded."""
    store = OxigraphStore(path)
    ensure_reference(store)
    return store


def write_extraction(store: OxigraphStore, extraction: Extraction, extra: list[Triple] | None = None) -> str:
    """Map an extraction to RDF and write it as its article's graph (plus ``extra`` triples); return the article."""
    article = mint_article_iri(extraction.article.key)
    store.replace_article(article, ntriples(article_graph(extraction)) + (extra or []))
    return str(article)


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
    """

    def __init__(self, seed: int = 7) -> None:
        self.rng = Random(seed)
        self.officials: list[_Official] = []
        for code in _PROVINCES:
            province = province_by_code(code)
            bodies = (
                f"Ủy ban nhân dân tỉnh {province.name}",
                f"Sở Tài chính tỉnh {province.name}",
                f"Sở Nội vụ tỉnh {province.name}",
            )
            for index in range(7):
                name = f"{_SURNAMES[index]} {self.rng.choice(_MIDDLE)} {self.rng.choice(_GIVEN)} {code[-2:]}"
                body = bodies[index % 3]
                titles = ("Phó Chủ tịch", "Chủ tịch") if body.startswith("Ủy") else ("Phó Giám đốc", "Giám đốc")
                self.officials.append(_Official(name, province, body, titles))
        self.meeting_days = [date(2020, 1, 6) + timedelta(days=29 * n) for n in range(40)]

    def extraction(self, number: int) -> Extraction:
        """The extraction of article ``number``."""
        rng = Random(number * 7919)
        code = _PROVINCES[number % len(_PROVINCES)]
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


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    """A store of 300 synthetic articles with shared officials and meetings (read-only for tests)."""
    return build_synthetic_store(tmp_path_factory.mktemp("synthetic") / "store", 300)


# -- what the projection should hold, counted straight from the RDF store ------------------

_P = (
    "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#> "
    "PREFIX govkg: <https://w3id.org/govkg/def#> PREFIX eli: <http://data.europa.eu/eli/ontology#> "
    "PREFIX schema: <https://schema.org/> PREFIX qb: <http://purl.org/linked-data/cube#> "
)
_LABELS = {
    "Person": "foaf:Person",
    "Organization": "org:Organization",
    "Province": "govkg:Province",
    "LegalDocument": "eli:LegalResource",
    "Meeting": "govkg:Meeting",
    "Article": "schema:NewsArticle",
    "Observation": "qb:Observation",
}
_KIND_LABELS = {
    "Organization": (
        *("PeoplesCommittee", "PeoplesCouncil", "Department", "Ministry", "Government"),
        *("PartyCommittee", "SteeringCommittee", "Agency", "StateEnterprise", "Association"),
    ),
    "LegalDocument": (
        *("Law", "Ordinance", "Decree", "Decision", "Directive", "Resolution"),
        *("Circular", "Plan", "OfficialLetter", "Submission", "Announcement"),
    ),
}
# (relationship type, start label, end label, pattern binding ?start and ?end)
_RELATIONSHIPS = (
    (":HOLDS_POST", "Person", "Organization", "?m org:member ?start ; org:organization ?end . BIND(?m AS ?key)"),
    (":CHAIRED", "Person", "Meeting", "?end govkg:chairedBy ?start"),
    (":ATTENDED", "Person", "Meeting", "?end govkg:attendedBy ?start"),
    (":ORGANIZED", "Organization", "Meeting", "?end govkg:organizedBy ?start"),
    (":UNDER", "Meeting", "LegalDocument", "?start govkg:underLegalBasis ?end"),
    (":HELD_IN", "Meeting", "Province", "?start govkg:heldIn ?end"),
    (":ISSUED_BY", "LegalDocument", "Organization", "?start eli:passed_by ?end"),
    (":LOCATED_IN", ("Person", "Organization"), "Province", "?start govkg:province ?end"),
    (":ABOUT", ("Article", "Observation"), "Province", "?start govkg:province ?end"),
    (":MENTIONED_IN", ("Person", "Organization", "LegalDocument", "Meeting"), "Article", "?end schema:mentions ?start"),
    (":REPORTED_IN", ("Meeting", "Observation"), "Article", "?start govkg:reportedIn ?end"),
    (":SUCCEEDED_BY", "Province", "Province", "?start govkg:succeededBy ?end"),
)


def _count(store: OxigraphStore, where: str, distinct: str) -> int:
    rows = store.query(f"{_P} SELECT (COUNT(DISTINCT {distinct}) AS ?n) WHERE {{ {where} }}")
    return int(next(iter(rows))["n"].value)  # type: ignore[arg-type]


def expected_counts(store: OxigraphStore) -> dict[str, int]:
    """Nodes per label and relationships per type the projection of ``store`` must have (zeros left out)."""
    counts: dict[str, int] = {}
    for label, rdf_class in _LABELS.items():
        counts[label] = _count(store, f"?s a {rdf_class}", "?s")
        for kind in _KIND_LABELS.get(label, ()):
            counts[kind] = _count(store, f"?s a {rdf_class}, govkg:{kind}", "?s")
    for name, starts, end, pattern in _RELATIONSHIPS:
        start_labels = (starts,) if isinstance(starts, str) else starts
        typed = " UNION ".join(f"{{ ?start a {_LABELS[label]} }}" for label in start_labels)
        key = "?key" if "?key" in pattern else 'CONCAT(STR(?start), " ", STR(?end))'
        counts[name] = _count(store, f"{pattern} . {typed} ?end a {_LABELS[end]} .", key)
    return {name: count for name, count in counts.items() if count}


def projected_counts(writer: Neo4jWriter) -> dict[str, int]:
    """Nodes per label and relationships per type in Neo4j (zeros left out)."""
    return {name: count for name, count in writer.counts().items() if count}
