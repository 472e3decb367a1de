"""Sentence templates held as data, filled slot by slot.

A template names its slots (``"{when}, {organizer} tổ chức {meeting}."``). The
article offers values for the slots it can fill, as strings or as callables
that write the mention (and record it in the gold) only when a chosen template
uses it; :meth:`Templates.fill` picks among the templates whose every slot is
offered.
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Mapping
from random import Random

from bench.resources import table
from bench.sampling import pick

Slot = str | Callable[[], str]
_SPACES = re.compile(r"[ \t]{2,}")
_SPACE_BEFORE_PUNCT = re.compile(r" +([,.;:])")


@functools.cache
def fields(template: str) -> frozenset[str]:
    """The slot names a template uses."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@functools.cache
def _ordered_fields(template: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))


def render(template: str, slots: Mapping[str, Slot]) -> str:
    """Fill ``template``, calling the callables among the used slots (in order of appearance)."""
    values: dict[str, str] = {}
    for name in _ordered_fields(template):
        value = slots[name]
        values[name] = value if isinstance(value, str) else value()
    return tidy(template.format_map(values))


def tidy(text: str) -> str:
    """Collapse repeated spaces and spaces before punctuation left by empty slots."""
    if "  " in text:
        text = _SPACES.sub(" ", text)
    if " ," in text or " ." in text or " ;" in text or " :" in text:
        text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    return text.strip()


def sentence(text: str) -> str:
    """Capitalise the first letter."""
    return text[:1].upper() + text[1:] if text else text


class Templates:
    """The templates of one table (``templates.yaml`` by default), by role."""

    def __init__(self, name: str = "templates") -> None:
        self._roles = table(name)

    def options(self, role: str) -> list[str]:
        """Every template of ``role``."""
        options = self._roles[role]
        if not isinstance(options, list):
            raise TypeError(f"template role {role!r} is not a list")
        return options

    def fill(self, rng: Random, role: str, slots: Mapping[str, Slot]) -> str:
        """Fill one template of ``role`` whose slots are all offered; raise if none is."""
        usable = [t for t in self.options(role) if fields(t) <= slots.keys()]
        if not usable:
            raise LookupError(f"no template of {role!r} can be filled from slots {sorted(slots)}")
        return render(pick(rng, usable), slots)

    def value(self, key: str) -> str:
        """A single string of the table (``list_separator``)."""
        value = self._roles[key]
        return str(value)

    def mapping(self, key: str) -> dict[str, str]:
        """A mapping of the table (``person_styles``)."""
        value = self._roles[key]
        if not isinstance(value, dict):
            raise TypeError(f"{key!r} is not a mapping")
        return {str(k): str(v) for k, v in value.items()}
