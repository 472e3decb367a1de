"""The pattern tables are well formed: no stray nulls, known classes and kinds, compilable patterns."""

from __future__ import annotations

import re
from importlib import resources
from typing import Any

import pytest
import yaml

TABLES = sorted(
    path.name.removesuffix(".yaml")
    for path in resources.files("loaders").joinpath("patterns").iterdir()
    if path.name.endswith(".yaml")
)
MEETING_CLASSES = {"Conference", "CommitteeMeeting", "WorkingSession", "Session", "Seminar", "Training", "Review"}
KINDS = {
    "PeoplesCommittee",
    "PeoplesCouncil",
    "Department",
    "Ministry",
    "Government",
    "PartyCommittee",
    "SteeringCommittee",
    "Agency",
    "StateEnterprise",
    "Association",
    "Organization",
}


def _load(name: str) -> Any:
    return yaml.safe_load(resources.files("loaders").joinpath(f"patterns/{name}.yaml").read_text("utf-8"))


def _nulls(value: Any, path: str) -> list[str]:
    if value is None:
        return [path]
    if isinstance(value, dict):
        return [n for key, item in value.items() for n in _nulls(item, f"{path}.{key}")]
    if isinstance(value, list):
        return [n for index, item in enumerate(value) for n in _nulls(item, f"{path}[{index}]")]
    return []


@pytest.mark.parametrize("name", TABLES)
def test_no_table_holds_a_null(name: str) -> None:
    # A comma inside an unquoted flow mapping ("{phrase: thăm, làm việc}") makes a null key.
    assert _nulls(_load(name), name) == []


def test_meeting_triggers_name_known_classes() -> None:
    triggers = _load("meetings")["triggers"]
    assert {t["class"] for t in triggers} <= MEETING_CLASSES
    assert all(isinstance(t["phrase"], str) and t["phrase"] for t in triggers)


def test_bodies_are_of_known_kinds_and_complements() -> None:
    table = _load("organizations")
    for head in table["heads"]:
        assert head["kind"] in KINDS, head
        assert head["complement"] in {"locality", "province", "domain", "body", "name", "place", "none"}, head
        assert head.get("scope", "local") in {"provincial", "national", "local"}, head
    assert {item["kind"] for item in table["national"]} <= KINDS


def test_regular_expressions_in_tables_compile() -> None:
    for pattern in _load("organizations")["name_periods"] + _load("indicators")["unit_qualifiers"]:
        re.compile(pattern)
    for row in _load("evaluation")["abbreviations"]:
        re.compile(row["pattern"])


def test_no_domain_form_is_a_piece_of_a_name_cut_at_its_comma() -> None:
    # An unquoted flow list ("[Văn hóa, Thể thao và Du lịch, …]") cuts a name at its comma into two forms.
    for domain in _load("organizations")["domains"]:
        pieces = {piece.strip() for piece in domain["name"].split(",")} if "," in domain["name"] else set()
        assert not pieces & set(domain.get("forms") or []), domain["name"]
