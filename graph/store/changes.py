"""The change log: which articles changed, appended in the same transaction as each change.

Every write of an article (accepted, replaced, quarantined), every retraction,
every rewrite by an identity decision and every re-extraction adds one entry per
article to the log graph (:data:`CHANGES_GRAPH`, outside the merged default
graph). Readers (``govkg neo4j sync``) ask for the entries after their cursor.

**Ordering.** Each writer — the embedded store (``local``: RocksDB lets one
process write), or one process writing to a remote endpoint (a *slot* per host,
see ``graph.store.writer_slot``) — numbers its entries 1, 2, 3 … and commits
them in that order, one write at a time. A cursor records, per writer, the last
number its reader has seen; since a writer's entry ``n`` commits only after its
``n − 1``, a reader that saw ``n`` has seen every earlier entry of that writer.
So every change committed before a read is returned by that read or a later
one, exactly once per entry, with no clock and no lag, however many writers
write at once. Entries of different writers have no order between them; the
reader re-reads each article's current state, so that order does not matter.

**Retention.** :func:`compaction_update` keeps the log bounded: an entry is
dropped when the same writer logged a later entry for the same article (a
reader past the earlier one still gets the later one), and any entry older than
the retention period is dropped, leaving per writer the highest number dropped
(``govkg:compactedThrough``). A cursor behind that mark has missed entries:
``ArticleStore.changes_since`` raises :class:`ChangeLogExpired`, and the reader
does a full sync from ``ArticleStore.change_head()`` taken before it starts.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import pyoxigraph as ox

from ontology.errors import GovkgError, InvalidInput
from ontology.namespaces import GOVKG, ID, XSD

#: The named graph holding the change log (never part of the default graph, exports or projections).
CHANGES_GRAPH = ID["graph/changes"]
_CURSOR_VERSION = "c1"

Triple = tuple[str, str, str]


class ChangeKind(StrEnum):
    """What happened to an article."""

    WRITTEN = "written"  # accepted: new, or a new version replacing the old
    QUARANTINED = "quarantined"  # held back (any accepted version withdrawn)
    RETRACTED = "retracted"  # removed
    IDENTITY = "identity"  # rewritten by an identity decision (govkg resolve)
    REEXTRACTED = "reextracted"  # rewritten from its stored text with today's rules


@dataclass(frozen=True, slots=True)
class Change:
    """One entry of the log: an article, what happened to it, and where in the log it is."""

    article: str
    kind: ChangeKind
    writer: str
    sequence: int
    logged_at: datetime


class ChangeLogExpired(GovkgError):
    """The cursor is older than what the log keeps: the reader must rebuild in full."""

    kind = "change-log-expired"
    status = 410
    title = "Change log cursor expired"


class CursorError(InvalidInput):
    """A cursor that this store did not hand out."""

    kind = "invalid-cursor"


def encode_cursor(seen: Mapping[str, int]) -> str:
    """The opaque form of a cursor: per writer, the last entry number seen."""
    payload = json.dumps(dict(sorted(seen.items())), separators=(",", ":")).encode()
    return f"{_CURSOR_VERSION}.{base64.urlsafe_b64encode(payload).decode().rstrip('=')}"


def decode_cursor(cursor: str | None) -> dict[str, int]:
    """Per writer, the last entry number a cursor has seen (``None``: nothing yet); ``CursorError`` if malformed."""
    if cursor is None:
        return {}
    version, _, body = cursor.partition(".")
    try:
        if version != _CURSOR_VERSION:
            raise ValueError(f"unknown version {version!r}")
        seen = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
        if not isinstance(seen, dict) or not all(
            isinstance(w, str) and isinstance(n, int) and n >= 0 for w, n in seen.items()
        ):
            raise ValueError("not a map of writers to entry numbers")
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise CursorError(f"not a change log cursor: {exc}") from None
    return seen


def entry_iri(writer: str, sequence: int) -> str:
    """IRI of a writer's ``sequence``-th entry."""
    return str(ID[f"change/{_writer_slug(writer)}/{sequence}"])


def _writer_slug(writer: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in writer)


def _literal(value: str | int | datetime) -> str:
    if isinstance(value, datetime):
        return str(ox.Literal(value.isoformat(), datatype=ox.NamedNode(str(XSD.dateTime))))
    if isinstance(value, int):
        return str(ox.Literal(str(value), datatype=ox.NamedNode(str(XSD.integer))))
    return str(ox.Literal(value))


def entry_triples(
    writer: str, first: int, changes: Sequence[tuple[str, ChangeKind]], at: datetime | None = None
) -> list[Triple]:
    """The triples of the entries numbered ``first``, ``first + 1`` … for ``changes`` (article, kind)."""
    when = _literal(at or datetime.now(UTC))
    triples: list[Triple] = []
    for offset, (article, kind) in enumerate(changes):
        node = f"<{entry_iri(writer, first + offset)}>"
        triples += [
            (node, f"<{GOVKG.changedArticle}>", f"<{article}>"),
            (node, f"<{GOVKG.changeKind}>", _literal(kind.value)),
            (node, f"<{GOVKG.writer}>", _literal(writer)),
            (node, f"<{GOVKG.sequence}>", _literal(first + offset)),
            (node, f"<{GOVKG.loggedAt}>", when),
        ]
    return triples


def insert_entries(writer: str, first: int, changes: Sequence[tuple[str, ChangeKind]]) -> str:
    """A SPARQL Update operation adding the entries (to join an article write's request)."""
    body = "\n".join(f"{s} {p} {o} ." for s, p, o in entry_triples(writer, first, changes))
    return f"INSERT DATA {{ GRAPH <{CHANGES_GRAPH}> {{\n{body}\n}} }}"


def entry_quads(writer: str, first: int, changes: Sequence[tuple[str, ChangeKind]]) -> list[ox.Quad]:
    """The entries as pyoxigraph quads (for writes that bypass SPARQL Update)."""
    graph = ox.NamedNode(str(CHANGES_GRAPH))
    when = datetime.now(UTC)
    quads = []
    for offset, (article, kind) in enumerate(changes):
        node = ox.NamedNode(entry_iri(writer, first + offset))
        quads += [
            ox.Quad(node, ox.NamedNode(str(GOVKG.changedArticle)), ox.NamedNode(article), graph),
            ox.Quad(node, ox.NamedNode(str(GOVKG.changeKind)), ox.Literal(kind.value), graph),
            ox.Quad(node, ox.NamedNode(str(GOVKG.writer)), ox.Literal(writer), graph),
            ox.Quad(node, ox.NamedNode(str(GOVKG.sequence)), ox.Literal(first + offset), graph),
            ox.Quad(
                node,
                ox.NamedNode(str(GOVKG.loggedAt)),
                ox.Literal(when.isoformat(), datatype=ox.NamedNode(str(XSD.dateTime))),
                graph,
            ),
        ]
    return quads


def last_sequence_query(writer: str) -> str:
    """A SELECT of the highest number a writer has used (entries or compaction mark): ``?n``."""
    return (
        f"SELECT (MAX(?k) AS ?n) WHERE {{ GRAPH <{CHANGES_GRAPH}> {{ "
        f"{{ ?e <{GOVKG.writer}> {_literal(writer)} ; <{GOVKG.sequence}> ?k }} UNION "
        f"{{ ?m <{GOVKG.writer}> {_literal(writer)} ; <{GOVKG.compactedThrough}> ?k }} }} }}"
    )


def marks_query() -> str:
    """A SELECT of each writer's compaction mark: ``?w ?n``."""
    return (
        f"SELECT ?w ?n WHERE {{ GRAPH <{CHANGES_GRAPH}> {{ ?m <{GOVKG.compactedThrough}> ?n ; <{GOVKG.writer}> ?w }} }}"
    )


def heads_query() -> str:
    """A SELECT of each writer's highest number (entries or mark): ``?w ?n``."""
    return (
        f"SELECT ?w (MAX(?k) AS ?n) WHERE {{ GRAPH <{CHANGES_GRAPH}> {{ ?e <{GOVKG.writer}> ?w . "
        f"{{ ?e <{GOVKG.sequence}> ?k }} UNION {{ ?e <{GOVKG.compactedThrough}> ?k }} }} }} GROUP BY ?w"
    )


def changes_query(seen: Mapping[str, int], limit: int | None) -> str:
    """A SELECT of the entries after ``seen`` (per writer), in writer and number order: ``?w ?n ?a ?k ?t``."""
    values = " ".join(f"({_literal(w)} {_literal(n)})" for w, n in sorted(seen.items()))
    after = f"OPTIONAL {{ VALUES (?w ?seen) {{ {values} }} }} FILTER (!BOUND(?seen) || ?n > ?seen)" if seen else ""
    return (
        f"SELECT ?w ?n ?a ?k ?t WHERE {{ GRAPH <{CHANGES_GRAPH}> {{ "
        f"?e <{GOVKG.writer}> ?w ; <{GOVKG.sequence}> ?n ; <{GOVKG.changedArticle}> ?a ; "
        f"<{GOVKG.changeKind}> ?k ; <{GOVKG.loggedAt}> ?t }} {after} }} ORDER BY ?w ?n"
        + (f" LIMIT {int(limit)}" if limit is not None else "")
    )


def read_changes(rows: Iterable[ox.QuerySolution]) -> list[Change]:
    """The entries of a :func:`changes_query` answer."""
    changes = []
    for row in rows:
        writer, number, article, kind, at = (row[name] for name in ("w", "n", "a", "k", "t"))
        if None in (writer, number, article, kind, at):
            continue
        assert writer is not None and number is not None and article is not None and kind is not None
        assert at is not None
        changes.append(
            Change(article.value, ChangeKind(kind.value), writer.value, int(number.value), _datetime(at.value))
        )
    return changes


def _datetime(text: str) -> datetime:
    parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def compaction_update(now: datetime, retention: timedelta) -> str:
    """A SPARQL Update that drops superseded and expired entries, marking per writer the highest number dropped.

    Superseded: the same writer logged a later entry for the same article.
    Expired: logged before ``now - retention``. The mark only ever rises.
    """
    cutoff = _literal(now - retention)
    entry = f"?e <{GOVKG.writer}> ?w ; <{GOVKG.sequence}> ?n ; <{GOVKG.changedArticle}> ?a ; <{GOVKG.loggedAt}> ?t ."
    g = f"<{CHANGES_GRAPH}>"
    mark = f"<{ID['change/marks']}>"
    return (
        # 1. raise each writer's mark to its highest expired number
        f"DELETE {{ GRAPH {g} {{ ?m <{GOVKG.compactedThrough}> ?old }} }} "
        f"INSERT {{ GRAPH {g} {{ ?m <{GOVKG.writer}> ?w ; <{GOVKG.compactedThrough}> ?high }} }} "
        f"WHERE {{ {{ SELECT ?w (MAX(?n) AS ?high) WHERE {{ GRAPH {g} {{ {entry} }} FILTER (?t < {cutoff}) }} "
        f"GROUP BY ?w }} BIND (IRI(CONCAT(STR({mark}), '/', ENCODE_FOR_URI(?w))) AS ?m) "
        f"OPTIONAL {{ GRAPH {g} {{ ?m <{GOVKG.compactedThrough}> ?old }} }} "
        f"FILTER (!BOUND(?old) || ?old < ?high) }} ;\n"
        # 2. drop the expired entries
        f"DELETE {{ GRAPH {g} {{ ?e ?p ?o }} }} WHERE {{ GRAPH {g} {{ {entry} ?e ?p ?o }} FILTER (?t < {cutoff}) }} ;\n"
        # 3. drop entries a later entry of the same writer for the same article supersedes
        f"DELETE {{ GRAPH {g} {{ ?e ?p ?o }} }} WHERE {{ GRAPH {g} {{ {entry} "
        f"?later <{GOVKG.writer}> ?w ; <{GOVKG.changedArticle}> ?a ; <{GOVKG.sequence}> ?m2 . "
        f"FILTER (?m2 > ?n) ?e ?p ?o }} }}"
    )
