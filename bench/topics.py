"""What an article is about: a topic valid on its day, the bodies in charge of it, its wording."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from random import Random
from typing import Any

from bench.catalog import first_existing, org_kinds
from bench.resources import table
from bench.sampling import pick

_NEVER = date(2100, 1, 1)
_ALWAYS = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Topic:
    """A topic on a day: its key, how the text words it, the provincial department and ministry in charge."""

    key: str
    text: str
    department: str | None
    ministry: str | None


def _valid(raw: dict[str, Any], day: date) -> bool:
    return bool(raw.get("from", _ALWAYS) <= day <= raw.get("until", _NEVER))


def choose_topic(rng: Random, day: date, prefer: tuple[str, ...] = ()) -> Topic:
    """A topic valid on ``day`` (one of ``prefer`` when one is valid)."""
    topics: dict[str, Any] = table("meetings")["topics"]
    valid = [key for key, raw in topics.items() if _valid(raw, day)]
    preferred = [key for key in prefer if key in valid]
    key = pick(rng, preferred or valid)
    raw = topics[key]
    return Topic(key, pick(rng, raw["text"]), first_existing(raw["so"], day), first_existing(raw["bo"], day))


def steering_on(rng: Random, day: date, topic: str | None = None) -> str | None:
    """A provincial steering committee that exists on ``day`` (about ``topic`` when one is)."""
    committees = [kind for kind in org_kinds().values() if kind.steering and kind.exists_on(day)]
    matching = [kind for kind in committees if topic in kind.topics]
    chosen = matching or committees
    return pick(rng, chosen).key if chosen else None


def resolve(token: str, topic: Topic, steering: str | None) -> str | None:
    """The body a placeholder names: ``so_topic``, ``bo_topic``, ``steering``, or a key as it is."""
    if token == "so_topic":
        return topic.department
    if token == "bo_topic":
        return topic.ministry
    if token == "steering":
        return steering
    return token
