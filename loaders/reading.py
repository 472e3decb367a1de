"""Reading article files: ``.txt``, ``.html`` and ``.json`` in, :class:`Article` out.

Each reader turns a file into plain text plus whatever metadata the format
carries; :mod:`loaders.metadata` then finds what the text itself says (title,
publication date, source, byline). Anything that cannot become an article is
an :class:`ArticleRejected` naming the file and the reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from loaders.article import Article
from loaders.encoding import decode_vietnamese
from loaders.errors import ArticleRejected
from loaders.metadata import ArticleMetadata, read_metadata
from ontology.orthography import canonical_spelling

#: Article files govkg reads; others in a folder are skipped, named ones rejected.
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".json")
DEFAULT_MAX_BYTES = 2 * 1024 * 1024

_HTML_SNIFF = re.compile(rb"^\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")
_JSON_TEXT_KEYS = ("text", "content", "body", "article")
_JSON_TITLE_KEYS = ("title", "headline")
_JSON_DATE_KEYS = ("published", "date", "datePublished", "published_at", "pubDate")


@dataclass(frozen=True, slots=True)
class _Body:
    text: str
    hints: ArticleMetadata


def read_article(path: Path, max_bytes: int = DEFAULT_MAX_BYTES, key: str | None = None) -> Article:
    """Read one article file; raise :class:`ArticleRejected` with the reason if it is not one.

    ``key`` overrides the article's identity (default: its URL when the file
    gives one, else the file name).
    """
    source = str(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleRejected(
            source, f"unsupported file type {path.suffix or '(none)'}; govkg reads .txt, .html and .json articles"
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ArticleRejected(
                source,
                f"file too large: {size / 1e6:.1f} MB "
                f"(the limit is {max_bytes / 1e6:.1f} MB; set GOVKG_MAX_ARTICLE_BYTES)",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleRejected(source, f"cannot read the file: {exc.strerror or exc}") from exc
    return parse_article(data, path.name, source, key=key)


def parse_article(data: bytes, file_name: str, source: str, key: str | None = None) -> Article:
    """Turn the bytes of an article file into an :class:`Article` (see :func:`read_article`)."""
    suffix = Path(file_name).suffix.lower()
    if suffix == ".json":
        body = _json_body(data, source)
    else:
        decoded = decode_vietnamese(data, source)
        is_html = suffix in (".html", ".htm") or _HTML_SNIFF.match(data[:512]) is not None
        body = _html_body(decoded.text, source) if is_html else _Body(decoded.text, ArticleMetadata())
    text = _BLANK_LINES.sub("\n\n", body.text).strip()
    if not text:
        raise ArticleRejected(source, "no article text in the file")
    metadata = read_metadata(text).merged_with(body.hints)
    return Article(
        key=key or metadata.url or file_name,
        file=file_name,
        text=text,
        title=metadata.title,
        published=metadata.published,
        published_month=metadata.published_month if metadata.published is None else None,
        source=metadata.source,
        byline=metadata.byline,
        url=metadata.url,
    )


def _json_body(data: bytes, source: str) -> _Body:
    try:
        record = json.loads(decode_vietnamese(data, source).text)
    except json.JSONDecodeError as exc:
        raise ArticleRejected(source, f"malformed JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    if not isinstance(record, dict):
        raise ArticleRejected(source, 'JSON article must be an object with a "text" field')
    text = next((record[k] for k in _JSON_TEXT_KEYS if isinstance(record.get(k), str)), None)
    if not text:
        raise ArticleRejected(source, 'JSON article has no "text" (or "content", "body") field')
    title = next((record[k] for k in _JSON_TITLE_KEYS if isinstance(record.get(k), str)), None)
    published = next((record[k] for k in _JSON_DATE_KEYS if isinstance(record.get(k), str)), None)
    hints = ArticleMetadata(
        title=canonical_spelling(title) if title else None,
        published=_iso_date(published),
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        byline=record.get("author") if isinstance(record.get("author"), str) else None,
        url=record.get("url") if isinstance(record.get("url"), str) else None,
    )
    body = f"{hints.title}\n\n{text}" if hints.title and not text.lstrip().startswith(hints.title) else text
    return _Body(canonical_spelling(body), hints)


def _iso_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


class _HtmlText(HTMLParser):
    """Collects the visible text of a page and the metadata its head declares."""

    _SKIP = frozenset({"script", "style", "noscript", "nav", "footer", "header", "aside", "form", "svg"})
    _BLOCK = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "article", "title"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skipping = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            name = values.get("property") or values.get("name") or values.get("itemprop")
            if name and values.get("content"):
                self.meta[name.lower()] = values["content"]
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])
        elif tag == "link" and values.get("rel") == "canonical" and values.get("href"):
            self.meta.setdefault("og:url", values["href"])
        if tag in self._SKIP:
            self._skipping += 1
        self._in_title = tag == "title"
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skipping:
            self._skipping -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping:
            self.parts.append(data)


def _html_body(html: str, source: str) -> _Body:
    parser = _HtmlText()
    try:
        parser.feed(html)
        parser.close()
    except (AssertionError, ValueError) as exc:  # HTMLParser's own errors on broken markup
        raise ArticleRejected(source, f"cannot parse HTML: {exc}") from exc
    text = "\n".join(line.strip() for line in "".join(parser.parts).splitlines())
    meta = parser.meta
    title = meta.get("og:title") or parser.title.strip() or None
    published = meta.get("article:published_time") or meta.get("datepublished") or meta.get("time")
    hints = ArticleMetadata(
        title=canonical_spelling(title) if title else None,
        published=_iso_date(published),
        source=meta.get("og:site_name"),
        byline=meta.get("author") or meta.get("article:author"),
        url=meta.get("og:url"),
    )
    if hints.title and hints.title not in text[:1000]:
        text = f"{hints.title}\n\n{text}"
    return _Body(canonical_spelling(text), hints)
