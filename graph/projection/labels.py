"""What a projected node's labels mean to the consumers: captions, and the labels walks and time treat apart."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

#: Labels a neighbourhood walk reaches but never walks through.
HUBS = frozenset({"Province", "Article"})
#: Labels of things that happen on a day: a date range keeps them on their own.
EVENTS = frozenset({"Meeting", "Article", "Observation"})

#: What each label shows as its caption, in order of preference.
_CAPTIONS: Mapping[str, tuple[str, ...]] = {
    "Person": ("name",),
    "Organization": ("name",),
    "Province": ("name", "code"),
    "LegalDocument": ("title", "notation"),
    "Meeting": ("label",),
    "Article": ("headline", "source_file"),
    "Observation": ("indicator_label",),
}


def label_of(attributes: Mapping[str, Any]) -> str:
    """A projected node's main label (``Person``, ``LegalDocument`` …)."""
    labels = attributes.get("labels") or ("",)
    return str(labels[0])


def caption(label: str, properties: Mapping[str, Any]) -> str:
    """The Vietnamese name a node is shown by (a meeting adds its date: "Hội nghị tổng kết, 2015-03-14")."""
    text = next((str(properties[name]) for name in _CAPTIONS.get(label, ()) if properties.get(name)), None)
    text = text or str(properties.get("iri", "")).rsplit("/", 1)[-1]
    when = properties.get("date")
    return f"{text}, {when.isoformat()}" if label == "Meeting" and isinstance(when, date) else text
