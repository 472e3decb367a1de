"""Heads listed before one locality share it: "Đảng ủy, HĐND, UBND xã Sông Lô" are the commune's three bodies,
"HĐND, UBND các huyện" every district's (no body of the record).

Only the heads of ``shared_locality_heads`` (``patterns/organizations.yaml``) share:
the bodies every province, district, commune or ward has.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders.extraction.context import ArticleContext
from loaders.extraction.organizations import OrgMatch, head_named
from loaders.extraction.tables import alternation, strings

_WINDOW = 60


def _build_shared() -> tuple[re.Pattern[str], frozenset[str]]:
    forms = strings("organizations", "shared_locality_heads")
    before = re.compile(rf"(?P<head>{alternation(forms)})[ \t]*(?:,[ \t]*và|,|và)[ \t]*$")
    names = frozenset(head.name for form in forms if (head := head_named(form)) is not None)
    return before, names


_SHARED: tuple[re.Pattern[str], frozenset[str]] = _build_shared()


def share_localities(ctx: ArticleContext, bodies: list[OrgMatch]) -> list[OrgMatch]:
    """``bodies`` with each head listed right before a located body of the same sort written out with its
    locality, in place of what the head alone was read as."""
    before, names = _SHARED
    shared: dict[int, OrgMatch] = {}
    for org in bodies:
        if not org.located or org.head not in names or not org.name.startswith(org.head):
            continue  # a generic locality is shared too: "HĐND, UBND các huyện" are every district's
        locality = org.name[len(org.head) :].strip()
        pos = org.start
        while (match := before.search(ctx.text, max(0, pos - _WINDOW), pos)) is not None:
            head = head_named(match.group("head"))
            if head is None:
                break
            start, end = match.span("head")
            shared[start] = replace(
                org,
                start=start,
                end=end,
                name=f"{head.name} {locality}",
                kind=head.kind,
                head=head.name,
                siblings=(),
                owner=None,
            )
            pos = start
    kept = [org for org in bodies if org.start not in shared]
    return sorted(kept + list(shared.values()), key=lambda org: org.start)
