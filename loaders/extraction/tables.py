"""The Vietnamese pattern tables (``loaders/patterns/*.yaml``), read once per process."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import yaml

from loaders.extraction.letters import LETTER


@functools.cache
def table(name: str) -> dict[str, Any]:
    """Return the parsed ``patterns/<name>.yaml`` (a mapping); raise ``ValueError`` if it is not one."""
    text = resources.files("loaders").joinpath(f"patterns/{name}.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    if not isinstance(data, dict):
        raise ValueError(f"patterns/{name}.yaml must hold a mapping")
    return data


def strings(name: str, key: str) -> list[str]:
    """Return the list of strings under ``key`` in table ``name``."""
    values = table(name)[key]
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise ValueError(f"patterns/{name}.yaml: {key} must be a list of strings")
    return values


def phrase_pattern(phrase: str) -> str:
    """A regex for ``phrase`` with any run of spaces where it has one."""
    return r"\s+".join(re.escape(part) for part in phrase.split())


def alternation(phrases: Iterable[str]) -> str:
    """A regex group matching any of ``phrases``, longest first, as whole words.

    It opens with a test of the first letter (either case), which lets the
    engine skip most places without trying the long alternation there; the
    phrases are laid out as a tree of their shared beginnings, so that the
    engine reads each letter once instead of once per phrase.
    """
    ordered = sorted({p for p in phrases if p.strip()}, key=len, reverse=True)
    tree: dict[str, Any] = {}
    for phrase in ordered:
        node = tree
        for token in _tokens(phrase):
            node = node.setdefault(token, {})
        node[_END] = {}
    firsts = {p[0] for p in ordered} | {p[0].lower() for p in ordered} | {p[0].upper() for p in ordered}
    first = "".join(re.escape(ch) for ch in sorted(firsts))
    return f"(?<!{LETTER[:-1]}0-9])(?=[{first}])(?:{_render(tree)})(?!{LETTER[:-1]}0-9])"


def first_letters(phrases: Iterable[str]) -> str:
    """A lookahead for the first letter (either case) of any of ``phrases``: put before a pattern whose every
    match opens with one of them, it spares the engine trying the pattern at every other place."""
    firsts = {ch for p in phrases if p.strip() for ch in (p.strip()[0].lower(), p.strip()[0].upper())}
    return "(?=[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "])"


_END = ""  # marks where a phrase ends in the tree of :func:`alternation`


def _tokens(phrase: str) -> list[str]:
    """A phrase's letters, with one " " for each run of spaces (any run of spaces matches it)."""
    tokens: list[str] = []
    for index, part in enumerate(phrase.split()):
        if index:
            tokens.append(" ")
        tokens.extend(part)
    return tokens


def _render(node: dict[str, Any]) -> str:
    """The regex of a tree node: its branches, the longer tried first (a phrase ending here comes last)."""
    branches = [
        (r"\s+" if token == " " else re.escape(token)) + _render(child) for token, child in node.items() if token
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END not in node:
        return body
    return f"(?:{body})?" if len(branches) == 1 else body + "?"


def compile_phrases(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """Compile :func:`alternation` of ``phrases``."""
    return re.compile(alternation(phrases), re.IGNORECASE if ignore_case else 0)
