"""Is a Cypher query read-only? Decided from its tokens, before it is sent.

Analysts' Cypher runs in read transactions, so the server refuses writes on
its own; this check comes first so that a write is refused with a clear
message, and so that what a read transaction still allows — reading files or
URLs (``LOAD CSV``, ``apoc.load.*``), writing files (``apoc.export.*``),
administration (``dbms.*``), other databases (``USE``) — is refused too.

The text is tokenised the way Cypher reads it: string literals, backquoted
names and comments are skipped, so a keyword inside them is harmless, and a
word preceded by ``.``, ``:`` or ``$`` (a property, label, relationship type or
parameter) or followed by ``:`` (a map key) is a name, not a clause. Then:

- the write and administration clauses are refused (:data:`WRITE_CLAUSES`),
  as is ``… IN TRANSACTIONS`` (only ``SHOW`` / ``TERMINATE TRANSACTIONS`` use
  that word otherwise, and ``TERMINATE`` is refused);
- procedures and functions are refused when their namespace is not known to
  be read-only (``apoc.`` outside :data:`READ_ONLY_APOC`, ``dbms.`` outside
  :data:`READ_ONLY_DBMS`) or when a part of their name is a write verb
  (``db.createLabel``, ``gds.pageRank.write``);
- one statement only (a trailing ``;`` is fine).

Full validation is the server's: a query that passes may still be malformed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ontology.errors import Refused

#: Clauses that write, touch files or URLs, administer the server or leave the configured database.
WRITE_CLAUSES = frozenset(
    {
        "CREATE",
        "MERGE",
        "SET",
        "DELETE",
        "REMOVE",
        "DETACH",
        "DROP",
        "LOAD",
        "FOREACH",
        "INSERT",
        "ALTER",
        "RENAME",
        "GRANT",
        "DENY",
        "REVOKE",
        "TERMINATE",
        "START",
        "STOP",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "DRYRUN",
        "USE",
    }
)
#: ``apoc.<namespace>`` whose procedures and functions only compute or read the graph.
READ_ONLY_APOC = frozenset(
    {
        "agg",
        "algo",
        "bitwise",
        "coll",
        "convert",
        "create.vnode",  # virtual nodes live in the result only
        "create.vrelationship",
        "create.vnodes",
        "data",
        "date",
        "diff",
        "hashing",
        "label",
        "map",
        "math",
        "meta",
        "neighbors",
        "node",
        "number",
        "path",
        "rel",
        "scoring",
        "temporal",
        "text",
        "version",
    }
)
#: ``dbms.*`` procedures that only describe the server.
READ_ONLY_DBMS = frozenset({"dbms.components"})
#: Name parts that mark a procedure or function as writing (``createLabel``, ``write``, ``dropIndex`` …).
_WRITE_VERB = re.compile(
    r"^(create|drop|delete|remove|set|merge|clear|import|export|load|write|mutate|add|kill|terminate|checkpoint|upgrade)",
    re.IGNORECASE,
)

_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<line_comment>//[^\n]*)
  | (?P<block_comment>/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<parameter>\$(?:\w+|`(?:[^`]|``)*`))
  | (?P<number>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
  | (?P<word>[^\W\d]\w*)
  | (?P<punct>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_WHY = {
    "USE": "queries run against the configured database only",
    "LOAD": "reading files or URLs is not allowed",
}
_UNTERMINATED = {"'": "string literal", '"': "string literal", "`": "quoted name"}


class CypherRefused(Refused, ValueError):
    """The query is not allowed here; the message names the clause or procedure and where it is."""

    kind = "cypher-refused"
    title = "Query refused"


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str
    text: str
    offset: int


def _where(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _tokens(text: str) -> Iterator[_Token]:
    """The significant tokens (no space, no comments); raise on an unterminated literal or comment."""
    position = 0
    while position < len(text):
        if text.startswith("/*", position) and "*/" not in text[position + 2 :]:
            raise CypherRefused(f"unterminated comment at {_where(text, position)}")
        match = _TOKEN.match(text, position)
        if match is None:  # pragma: no cover - the last alternative matches any character
            raise CypherRefused(f"cannot read the query at {_where(text, position)}")
        kind = match.lastgroup or "punct"
        if kind == "punct" and match.group() in _UNTERMINATED:
            raise CypherRefused(f"unterminated {_UNTERMINATED[match.group()]} at {_where(text, position)}")
        if kind not in ("space", "line_comment", "block_comment"):
            yield _Token(kind, match.group(), position)
        position = match.end()


def _names(tokens: list[_Token]) -> Iterator[tuple[str, int, int]]:
    """Dotted names (``apoc.load.json``) with the index of their first and last token."""
    index = 0
    while index < len(tokens):
        if tokens[index].kind not in ("word", "quoted"):
            index += 1
            continue
        end = index
        while end + 2 < len(tokens) and tokens[end + 1].text == "." and tokens[end + 2].kind in ("word", "quoted"):
            end += 2
        if end > index:
            parts = [_unquote(tokens[i].text) for i in range(index, end + 1, 2)]
            yield ".".join(parts), index, end
        index = end + 1


def _unquote(name: str) -> str:
    return name[1:-1].replace("``", "`") if name.startswith("`") else name


def _refused_procedure(name: str) -> str | None:
    lowered = name.lower()
    parts = lowered.split(".")
    if parts[0] == "apoc":
        namespace = ".".join(parts[1:3]) if len(parts) > 2 else parts[1]
        if parts[1] in READ_ONLY_APOC or namespace in READ_ONLY_APOC:
            return None
        return f"`{name}` is not a read-only APOC procedure"
    if parts[0] == "dbms":
        return None if lowered in READ_ONLY_DBMS else f"`{name}` administers the server"
    if any(_WRITE_VERB.match(part) for part in parts[1:]):
        return f"`{name}` writes"
    return None


def check_read_only(text: str) -> None:
    """Raise :class:`CypherRefused` unless ``text`` is one read-only Cypher statement (see the module docstring)."""
    tokens = list(_tokens(text))
    if not tokens:
        raise CypherRefused("the query is empty")
    for index, token in enumerate(tokens):
        before = tokens[index - 1].text if index else ""
        after = tokens[index + 1].text if index + 1 < len(tokens) else ""
        if token.text == ";" and index + 1 < len(tokens):
            raise CypherRefused(f"one statement at a time: `;` at {_where(text, token.offset)}")
        if token.kind != "word" or before in (".", ":") or after == ":":
            continue
        keyword = token.text.upper()
        if keyword in WRITE_CLAUSES:
            why = _WHY.get(keyword, "only read-only queries are accepted")
            raise CypherRefused(f"`{keyword}` at {_where(text, token.offset)} is not allowed: {why}")
        if keyword == "TRANSACTIONS" and before.upper() not in ("SHOW", "TERMINATE"):
            raise CypherRefused(f"`IN TRANSACTIONS` at {_where(text, token.offset)} is not allowed")
    for name, first, last in _names(tokens):
        called = last + 1 < len(tokens) and tokens[last + 1].text == "("
        after_call = first > 0 and tokens[first - 1].text.upper() == "CALL"
        if called or after_call:
            reason = _refused_procedure(name)
            if reason:
                raise CypherRefused(f"{reason} (at {_where(text, tokens[first].offset)}); only reads are accepted")
