"""What a SPARQL request is, read from its tokens: query or update, and which endpoints it calls.

``/sparql`` must refuse updates with a clear message and must not call a
``SERVICE`` endpoint nobody allowed. Neither can be decided on the raw text
("SERVICE" may sit in a string, a comment, an IRI or a prefixed name such as
``ex:SERVICE``; an endpoint may be written as a prefixed or relative IRI), so
this module tokenises the request with the terminals of the SPARQL 1.1 grammar
(IRIs, prefixed names, variables, the four string forms, comments, keywords)
and reads the prologue, the operation and every ``SERVICE`` clause from the
tokens. Full validation of the grammar is left to the engine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urljoin

from graph.sparql.errors import QuerySyntaxError


class Operation(StrEnum):
    """What a request does."""

    SELECT = "SELECT"
    CONSTRUCT = "CONSTRUCT"
    DESCRIBE = "DESCRIBE"
    ASK = "ASK"
    UPDATE = "UPDATE"
    UNKNOWN = "UNKNOWN"


_QUERY_FORMS = {form.value: form for form in (Operation.SELECT, Operation.CONSTRUCT, Operation.DESCRIBE, Operation.ASK)}
_UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})

_PN_CHARS_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_PN_CHARS_U = _PN_CHARS_BASE + "_"
_PN_CHARS = _PN_CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PN_PREFIX = f"[{_PN_CHARS_BASE}](?:[{_PN_CHARS}.]*[{_PN_CHARS}])?"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_LOCAL = f"(?:[{_PN_CHARS_U}:0-9]|{_PLX})(?:(?:[{_PN_CHARS}.:]|{_PLX})*(?:[{_PN_CHARS}:]|{_PLX}))?"

# Order matters: the first alternative that matches at a position wins.
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<var>[?$][\w\u00b7\u0300-\u036f\u203f-\u2040]+)
  | (?P<blank>_:[\w\-.]+)
  | (?P<pname>(?:"""
    + _PN_PREFIX
    + r""")?:(?:"""
    + _PN_LOCAL
    + r""")?)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<number>[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?))
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<punct>\^\^|&&|\|\||!=|<=|>=|[{}()\[\];,.*/|^!=<>+\-])
    """,
    re.VERBOSE,
)


class SparqlTextError(QuerySyntaxError, ValueError):
    """The text cannot be tokenised as SPARQL (the message says where)."""


@dataclass(frozen=True, slots=True)
class Token:
    """One lexical token: its kind (``iri``, ``pname``, ``var``, ``word`` …) and text."""

    kind: str
    text: str
    offset: int


def tokens(text: str) -> Iterator[Token]:
    """The significant tokens of a SPARQL request (whitespace and comments dropped)."""
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            line = text.count("\n", 0, position) + 1
            raise SparqlTextError(f"unexpected character {text[position]!r} at line {line}")
        kind = match.lastgroup or "punct"
        if kind not in ("space", "comment"):
            yield Token(kind, match.group(), position)
        position = match.end()


@dataclass(frozen=True, slots=True)
class ServiceCall:
    """A ``SERVICE`` clause: its endpoint IRI, or the variable that names it at run time."""

    endpoint: str | None
    variable: str | None
    silent: bool


@dataclass(frozen=True, slots=True)
class RequestShape:
    """What one SPARQL request is: its operation and the ``SERVICE`` endpoints it would call."""

    operation: Operation
    services: tuple[ServiceCall, ...]

    @property
    def is_update(self) -> bool:
        """True for SPARQL Update requests."""
        return self.operation is Operation.UPDATE


class _Prologue:
    """``BASE`` and ``PREFIX`` declarations seen so far, to resolve IRIs the way the engine will."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.prefixes: dict[str, str] = {}

    def iri(self, token: Token) -> str | None:
        if token.kind == "iri":
            value = token.text[1:-1]
            return urljoin(self.base, value) if self.base else value
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            namespace = self.prefixes.get(prefix)
            return None if namespace is None else namespace + re.sub(r"\\(.)", r"\1", local)
        return None


def inspect_request(text: str, base_iri: str | None = None) -> RequestShape:
    """Read what a SPARQL request does and which ``SERVICE`` endpoints it names.

    Raises :class:`SparqlTextError` when the text has a character no SPARQL
    token can start with.
    """
    items = list(tokens(text))
    prologue = _Prologue(base_iri)
    operation = Operation.UNKNOWN
    services: list[ServiceCall] = []
    index = 0
    while index < len(items):
        token = items[index]
        word = token.text.upper() if token.kind == "word" else ""
        following = items[index + 1] if index + 1 < len(items) else None
        if word == "BASE" and following is not None and following.kind == "iri":
            prologue.base = prologue.iri(following)
            index += 2
            continue
        if word == "PREFIX" and index + 2 < len(items) and items[index + 1].kind == "pname":
            declared = prologue.iri(items[index + 2])
            prologue.prefixes[items[index + 1].text.rstrip(":")] = declared or ""
            index += 3
            continue
        if operation is Operation.UNKNOWN and word:
            operation = _QUERY_FORMS.get(word, Operation.UPDATE if word in _UPDATE_KEYWORDS else Operation.UNKNOWN)
        elif word in _UPDATE_KEYWORDS and items[index - 1].text == ";":
            operation = Operation.UPDATE  # a query followed by "; INSERT …" is still an update request
        if word == "SERVICE":
            services.append(_service(items, index + 1, prologue))
        index += 1
    return RequestShape(operation, tuple(services))


def _service(items: list[Token], index: int, prologue: _Prologue) -> ServiceCall:
    silent = index < len(items) and items[index].kind == "word" and items[index].text.upper() == "SILENT"
    if silent:
        index += 1
    if index >= len(items):
        return ServiceCall(None, None, silent)
    target = items[index]
    if target.kind == "var":
        return ServiceCall(None, target.text, silent)
    return ServiceCall(prologue.iri(target), None, silent)


def refused_services(shape: RequestShape, allowed: frozenset[str]) -> list[str]:
    """The ``SERVICE`` targets of a request that are not in ``allowed``, as written for a message."""
    refused = []
    for call in shape.services:
        if call.variable is not None:
            refused.append(f"a SERVICE named by the variable {call.variable}")
        elif call.endpoint is None or call.endpoint not in allowed:
            refused.append(f"<{call.endpoint}>" if call.endpoint else "a SERVICE without a resolvable endpoint")
    return refused
