"""Vietnamese orthography shared by every layer: one spelling for one word.

Vietnamese text reaches govkg in two tone-mark placements ("hoà" / "hòa",
"uỷ" / "ủy"), in composed or decomposed Unicode, and with the Icelandic "Ð"
standing in for "Đ". Identity keys, search and comparison all go through
:func:`canonical_spelling` so that these variants never make two entities.
"""

from __future__ import annotations

import re
import unicodedata

# The old ("classic") placement puts the tone on the first vowel of oa/oe/uy;
# the new placement, which govkg stores, puts it on the second.
_TONE_PLACEMENT = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}  # fmt: skip
_TONE_PLACEMENT |= {k.capitalize(): v.capitalize() for k, v in _TONE_PLACEMENT.items()}
_TONE_PLACEMENT |= {k.upper(): v.upper() for k, v in _TONE_PLACEMENT.items()}
# "qu" + tone vowel is a different syllable shape ("quý", "quả"): never moved.
_TONE_RE = re.compile(r"(?<![qQ])(" + "|".join(map(re.escape, _TONE_PLACEMENT)) + r")(?!\w)")
_SPACES = re.compile(r"\s+")


def canonical_spelling(text: str) -> str:
    """Return ``text`` in NFC, with "Đ" for "Ð" and the new tone-mark placement.

    Only syllable-final ``oa``/``oe``/``uy`` move their tone mark ("hoà" →
    "hòa", "Uỷ" → "Ủy"); "hoàng", "quý" and "thuỷ" stay as they should
    ("thuỷ" → "thủy"). Everything else is left as written.
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return _TONE_RE.sub(lambda m: _TONE_PLACEMENT[m.group(1)], text)


def comparison_key(text: str) -> str:
    """Return a key for equality: canonical spelling, case-folded, single spaces."""
    return _SPACES.sub(" ", canonical_spelling(text).casefold()).strip()


def strip_accents(text: str) -> str:
    """Return ``text`` without diacritics ("Trần Thanh Đức" → "Tran Thanh Duc")."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    decomposed = decomposed.replace("Ð", "D").replace("ð", "d")
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def search_key(text: str) -> str:
    """Return an accent- and case-insensitive key ("Trần Thanh Đức" → "tran thanh duc")."""
    return _SPACES.sub(" ", strip_accents(text).casefold()).strip()


def slug(text: str, max_length: int = 60) -> str:
    """Return a readable ASCII slug for IRIs ("Nghị định 64/2007/NĐ-CP" → "nghi-dinh-64-2007-nd-cp")."""
    ascii_text = search_key(text)
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:max_length].rstrip("-") or "x"
