"""What every extractor of one article shares: its text, date, province and body reader."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from loaders.article import Article, Sentence
from loaders.extraction.organizations import NamedPlaces, OrganizationReader, OrgMatch
from loaders.extraction.provinces import ArticleProvince, ProvinceHit, article_province, find_provinces, unit_before
from ontology.orthography import canonical_spelling

_CLAUSE_END = re.compile(r";|\n")
_LINE = re.compile(r"[^\n]+")
# "(Mic.gov.vn) - Sáng 7/7, …": an outlet's tag opening a lead; the outlet is no actor of the article.
_SOURCE_TAG = re.compile(r"^(\([^()\n]{2,40}\))[ \t]*[-–—:]?[ \t]*(?=\S)", re.MULTILINE)
_MAX_SIGNATURE_WORDS = 8
# A working session held in a province: "làm việc với UBND tỉnh Điện Biên", "làm việc tại tỉnh Lai Châu".
_VISIT_CUE = re.compile(
    r"(?:làm việc với|làm việc tại|đến thăm|thăm và làm việc (?:với|tại))\s+(?:(?:UBND|Ủy ban nhân dân|lãnh đạo)\s+)?"
    r"(?:tỉnh|thành phố|TP\.?)\s*$",
    re.IGNORECASE,
)


@dataclass(slots=True)
class ArticleContext:
    """One article as the extractors read it.

    ``text`` is ``article.text`` in canonical spelling, character for character
    (so offsets into it are offsets into the article); the extractors match on
    it so that "Uỷ ban" and "Ủy ban" read alike.
    """

    article: Article
    text: str
    title_end: int
    province: ArticleProvince | None
    organizations: OrganizationReader
    signature_start: int  # where the closing lines (byline, author's office, source) begin
    source_tags: list[tuple[int, int]]  # the outlet tags opening a lead ("(Cổng TTĐT Quảng Trị) -")
    province_hits: list[ProvinceHit] = field(default_factory=list)  # every province the text names
    citations: list[tuple[int, int]] = field(default_factory=list)  # spans of legal-document citations
    _bodies: list[OrgMatch] | None = None

    def bodies(self, start: int = 0, end: int | None = None) -> list[OrgMatch]:
        """The bodies named in ``text[start:end]`` (the article is scanned once)."""
        if self._bodies is None:
            self._bodies = self.organizations.scan()
        stop = len(self.text) if end is None else end
        return [org for org in self._bodies if start <= org.start and org.end <= stop]

    def province_named_in(self, start: int, end: int) -> ArticleProvince | None:
        """The province named in ``text[start:end]``, as that text writes it."""
        hit = next((h for h in self.province_hits if start <= h.start < end and not h.by_city), None)
        return ArticleProvince(hit.province, hit.label, unit_before(self.text, hit)) if hit else None

    def provinces_in(self, start: int, end: int) -> list[ProvinceHit]:
        """The provinces named in ``text[start:end]``."""
        return [hit for hit in self.province_hits if start <= hit.start < end]

    @property
    def published(self) -> date | None:
        """The article's publication date, if known."""
        return self.article.published

    def sentence(self, offset: int) -> Sentence:
        """The sentence holding ``offset``."""
        return self.article.sentence_at(offset)

    def clause(self, offset: int) -> tuple[int, int]:
        """The clause holding ``offset``: its sentence cut at semicolons."""
        sentence = self.sentence(offset)
        start = sentence.start
        for match in _CLAUSE_END.finditer(self.text, sentence.start, sentence.end):
            if match.start() < offset:
                start = match.end()
            else:
                return start, match.start()
        return start, sentence.end


def build_context(article: Article) -> ArticleContext:
    """Read the article's province and set up its body reader."""
    canonical = canonical_spelling(article.text)
    text = canonical if len(canonical) == len(article.text) else article.text
    title_at = text.find(article.title) if article.title else -1
    title_end = title_at + len(article.title or "") if title_at >= 0 else max(text.find("\n"), 0)
    hits = find_provinces(text, article.published)
    province = article_province(text, title_end, hits)
    return ArticleContext(
        article=article,
        text=text,
        title_end=title_end,
        province=province,
        organizations=OrganizationReader(text, province, article.published, _named_places(article, text, hits)),
        signature_start=_signature_start(text),
        source_tags=[m.span(1) for m in _SOURCE_TAG.finditer(text)],
        province_hits=hits,
    )


def _named_places(article: Article, text: str, hits: list[ProvinceHit]) -> NamedPlaces:
    """The provinces and the cities below a province ("thành phố Bắc Kạn", "TP Hạ Long") the text names."""
    provinces: list[tuple[int, ArticleProvince]] = []
    cities: list[tuple[int, str]] = []
    for hit in hits:
        unit = unit_before(text, hit)
        if hit.by_city or (unit == "thành phố" and not hit.province.is_city):
            cities.append((hit.start, f"thành phố {text[hit.start : hit.end]}"))
        else:
            provinces.append((hit.start, ArticleProvince(hit.province, hit.label, unit)))
    return NamedPlaces([s.start for s in article.sentences], provinces, cities, _visited(text, hits))


def _visited(text: str, hits: list[ProvinceHit]) -> list[tuple[int, int, ArticleProvince]]:
    """Paragraphs opened by a working session in a province ("đoàn làm việc với UBND tỉnh Điện Biên"), from
    the province's name to the paragraph's end, in an article that visits more than one province."""
    found = []
    for hit in hits:
        if hit.by_city or _VISIT_CUE.search(text, max(0, hit.start - 40), hit.start) is None:
            continue
        end = text.find("\n", hit.end)
        found.append((hit.end, len(text) if end < 0 else end, ArticleProvince(hit.province, hit.label, "tỉnh")))
    return found if len({province.province.code for _, _, province in found}) > 1 else []


def _signature_start(text: str) -> int:
    """Where the short closing lines begin ("Huy Hoàng" / "Sở TT&TT Quảng Ngãi" / "Nguồn Ấp Bắc")."""
    start = len(text)
    for line in reversed(list(_LINE.finditer(text))):
        words = line.group().split()
        if not words:
            continue
        if len(words) > _MAX_SIGNATURE_WORDS or line.group().rstrip().endswith((".", ":", ";", "?", "!", "”")):
            break
        start = line.start()
    return start
