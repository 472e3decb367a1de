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
    engine skip most places without trying the long alternation there.
    """
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(phrase_pattern(p) for p in ordered)
    firsts = {p[0] for p in ordered if p} | {p[0].lower() for p in ordered if p} | {p[0].upper() for p in ordered if p}
    first = "".join(re.escape(ch) for ch in sorted(firsts))
    return f"(?<!{LETTER[:-1]}0-9])(?=[{first}])(?:{body})(?!{LETTER[:-1]}0-9])"


def compile_phrases(phrases: Iterable[str], *, ignore_case: bool = True) -> re.Pattern[str]:
    """Compile :func:`alternation` of ``phrases``."""
    return re.compile(alternation(phrases), re.IGNORECASE if ignore_case else 0)
