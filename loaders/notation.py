"""Legal document notations: normal form and whether a notation is national."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

_DASHES = re.compile(r"[–—‐-]")
_SPACES = re.compile(r"\s+")
_ISSUER_CODE = re.compile(r"(?:^\d+[a-z]?-[A-ZĐ]+/|[-/])([A-Za-zĐđ]+)(\d*)$")


def normal_notation(text: str) -> str:
    """Return the official notation: spaces removed, ASCII hyphens ("64/2007/NĐ- CP" → "64/2007/NĐ-CP")."""
    return _SPACES.sub("", _DASHES.sub("-", text)).strip(".,;:")


@cache
def _issuer_table() -> tuple[frozenset[str], tuple[str, ...]]:
    data = yaml.safe_load(resources.files("loaders").joinpath("patterns/notation_issuers.yaml").read_text("utf-8"))
    return frozenset(data["national_codes"]), tuple(data["national_prefixes"])


def issuer_code(notation: str) -> str | None:
    """Return the issuer code at the end of a notation ("1501/QĐ-UBND" → "UBND"; "36-NQ/TW" → "TW")."""
    match = _ISSUER_CODE.search(notation)
    return match.group(1) if match else None


def is_national(notation: str) -> bool:
    """True when the notation is unique nationwide (Government, Prime Minister, Party centre, ministries)."""
    code = issuer_code(notation)
    if code is None:
        return False
    codes, prefixes = _issuer_table()
    return code in codes or code.startswith(prefixes)
