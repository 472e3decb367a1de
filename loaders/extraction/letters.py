"""Vietnamese letters as regular-expression classes.

Python's ``\\w`` and ``[A-Z]`` do not tell a capitalised Vietnamese syllable
("Đức", "Ủy") from a lower-case one; these classes do, built once from the
alphabet and its tone marks.
"""

from __future__ import annotations

import unicodedata

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_CONSONANTS = "bcdđfghjklmnpqrstvwxz"

_LOWER_LETTERS = sorted(
    {unicodedata.normalize("NFC", vowel + tone) for vowel in _VOWELS for tone in _TONES} | set(_CONSONANTS)
)
_UPPER_LETTERS = sorted(letter.upper() for letter in _LOWER_LETTERS)

#: One upper-case Vietnamese letter (a regex character class).
UPPER = "[" + "".join(_UPPER_LETTERS) + "]"
#: One lower-case Vietnamese letter.
LOWER = "[" + "".join(_LOWER_LETTERS) + "]"
#: One letter of either case.
LETTER = "[" + "".join(_LOWER_LETTERS + _UPPER_LETTERS) + "]"
#: A capitalised syllable: "Đức", "Y" (not "UBND", not "đức").
CAP_SYLLABLE = f"{UPPER}{LOWER}*"


def is_capitalised(word: str) -> bool:
    """True for "Đức" or "Y"; false for "UBND", "đức" and "TT&TT"."""
    if not word or not word[0].isupper():
        return False
    return len(word) == 1 or (word[1:].islower() and word[1:].isalpha())
