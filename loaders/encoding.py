"""Bytes of a Vietnamese news file → Unicode text, or a reason why not.

Vietnamese articles reach govkg as UTF-8 (with or without a byte-order mark),
UTF-16 from Windows tools, and in the three legacy 8-bit encodings still found in
provincial archives: Windows-1258, TCVN3 ("ABC", fonts .VnTime) and VNI-Windows.
:func:`decode_vietnamese` tells them apart cheaply and returns NFC text in the
new tone-mark placement (see :mod:`ontology.orthography`), or raises
:class:`~loaders.errors.ArticleRejected` for empty, binary and undecodable files.

Choosing an encoding reads at most :data:`SAMPLE_SIZE` bytes, from just before the
first non-ASCII byte (4 KiB when that is clear-cut); the whole file is then
decoded once. The legacy candidates are told apart by how Vietnamese their decoded
sample looks: frequent words of government news and the share of words that are
well-formed Vietnamese syllables. The TCVN3 and VNI tables live in
``loaders/patterns/legacy_encodings.yaml``.
"""

from __future__ import annotations

import codecs
import functools
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any, Final, Literal

import yaml

from loaders.errors import ArticleRejected
from ontology.orthography import canonical_spelling

log = logging.getLogger(__name__)

LegacyEncoding = Literal["windows-1258", "tcvn3", "vni"]

#: Bytes read to choose an encoding; the whole file is then decoded once.
SAMPLE_SIZE: Final = 64 * 1024
_QUICK_SAMPLE_SIZE: Final = 4 * 1024  # enough when one candidate is clearly right
_SAMPLE_LEAD: Final = 1024  # ASCII kept before the first non-ASCII byte, where samples start
_CLEAR_CUT_SCORE: Final = 40

_TABLES_RESOURCE: Final = "patterns/legacy_encodings.yaml"
_LEGACY: Final[dict[str, LegacyEncoding]] = {"windows-1258": "windows-1258", "tcvn3": "tcvn3", "vni": "vni"}
_TEXT_FORMATS: Final = "govkg reads .txt, .html and .json articles"
_UNDECODABLE: Final = "cannot decode: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI Vietnamese text"

# Magic numbers of the files most often dropped in by mistake, and what to call them.
_MAGIC: Final[tuple[tuple[bytes, str], ...]] = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "ZIP: .docx, .xlsx, .odt or .zip"),
    (b"PK\x05\x06", "ZIP: .docx, .xlsx, .odt or .zip"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE2: .doc or .xls"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\x7fELF", "ELF executable"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
)
_BOMS: Final[tuple[tuple[bytes, str, str], ...]] = (  # (mark, Python codec, reported name)
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)
# Every byte but the C0 controls and DEL; tab, newlines, form feed, SUB (a DOS end of
# file) and ESC count as text.
_NOT_CONTROL: Final = bytes(b for b in range(256) if (b >= 0x20 and b != 0x7F) or b in b"\t\n\v\f\r\x1a\x1b")
_MAX_CONTROL_SHARE: Final = 0.02
_UTF16_NUL_SHARE: Final = 0.3  # of the high bytes, in UTF-16 of mostly Latin-script text
_UTF16_STRAY_NUL_SHARE: Final = 0.02  # of the low bytes
_MAX_REPLACEMENT_SHARE: Final = 0.005  # of a nearly-UTF-8 sample, for broken files

# The most frequent words of Vietnamese government news: the right legacy decoding
# produces many of them, a wrong one almost none.
_COMMON_WORDS: Final = frozenset((
    "của", "và", "các", "được", "trong", "là", "có", "cho", "với", "những", "một", "này",
    "đã", "không", "để", "đến", "tại", "theo", "về", "khi", "từ", "nhiều", "người", "năm",
    "ngày", "tháng", "tỉnh", "huyện", "xã", "thành", "phố", "công", "nghệ", "thông", "tin",
    "ủy", "ban", "nhân", "dân", "hội", "nghị", "chủ", "tịch", "phó", "chính", "phủ", "bộ",
    "sở", "trưởng", "quốc", "gia", "việt", "nam", "phát", "triển", "kinh", "tế", "đồng", "chí",
))  # fmt: skip

# A Vietnamese syllable without its tone mark: onset, vowel nucleus (with its glide),
# final consonant. Generous on purpose: it only has to reject mis-decoded junk.
_ONSETS: Final = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)  # fmt: skip
_NUCLEI: Final = (
    "iêu", "yêu", "oai", "oao", "oay", "oeo", "uây", "uôi", "ươi", "ươu", "uya", "uyê", "uyu",
    "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi",
    "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
)  # fmt: skip
_CODAS: Final = ("ch", "ng", "nh", "c", "m", "n", "p", "t")
_TONES: Final = "\u0300\u0301\u0303\u0309\u0323"
_BASE_VOWELS: Final = "aăâeêioôơuưy"


def _alternation(parts: tuple[str, ...]) -> str:
    return "|".join(sorted(parts, key=len, reverse=True))


_SYLLABLE_RE: Final = re.compile(f"(?:{_alternation(_ONSETS)})?(?:{_alternation(_NUCLEI)})(?:{_alternation(_CODAS)})?")
_WORD_RE: Final = re.compile(r"[^\W\d_]+")
_NON_ASCII: Final = re.compile("[^\x00-\x7f]")
_INITIALS_RE: Final = re.compile("[b-df-hj-np-tv-zđ]+")  # consonant letters only
_TONED: Final = {unicodedata.normalize("NFC", v + t): v for v in _BASE_VOWELS for t in _TONES}
_UNTONE: Final = str.maketrans(_TONED)
_DROP_TONED: Final = str.maketrans(dict.fromkeys(_TONED))


@dataclass(frozen=True, slots=True)
class DecodedText:
    """An article's text and the encoding it was read from."""

    text: str  # Unicode, NFC, new tone-mark placement, "\n" line endings
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be", "windows-1258", "tcvn3", "vni"


def decode_vietnamese(data: bytes, source: str) -> DecodedText:
    """Decode the bytes of a Vietnamese article file, or reject it with a reason.

    Handles UTF-8 (also TCVN3/VNI text that was once misread as Latin-1 and saved
    as UTF-8), UTF-8 and UTF-16 byte-order marks, BOM-less UTF-16, Windows-1258,
    TCVN3 and VNI. The text comes back in NFC with the new tone placement
    ("Hoà" → "Hòa") and "\\n" line endings.

    Raises:
        ArticleRejected: for an empty or whitespace-only file, a binary file (the
            reason names the kind, e.g. PDF or ZIP, when known) or bytes that are
            no Vietnamese text in any supported encoding.
    """
    if not data:
        raise ArticleRejected(source, "empty file")
    text, encoding = _decode(data, source)
    text = canonical_spelling(text.removeprefix("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleRejected(source, "empty file")
    log.debug("%s: decoded as %s", source, encoding)
    return DecodedText(text=text, encoding=encoding)


def decode_legacy(data: bytes, encoding: LegacyEncoding) -> str:
    """Decode bytes known to be in a legacy Vietnamese encoding to NFC text.

    Windows-1258 goes through Python's ``cp1258`` codec (tones come out as
    combining marks and are composed here); TCVN3 and VNI use the tables in
    ``loaders/patterns/legacy_encodings.yaml``. Never fails: a byte that the
    encoding leaves undefined decodes as U+FFFD (Windows-1258) or as in
    Windows-1252 (TCVN3, VNI).
    """
    if encoding == "windows-1258":
        text = data.decode("cp1258", errors="replace")
    elif encoding == "tcvn3":
        text = codecs.charmap_decode(data, "strict", _tables().tcvn3)[0]
    else:
        tables = _tables()
        text = tables.vni_pattern.sub(tables.vni_letter, codecs.charmap_decode(data, "strict", tables.vni)[0])
    return unicodedata.normalize("NFC", text)


def _decode(data: bytes, source: str) -> tuple[str, str]:
    _reject_known_binary(data, source)
    unicode = _decode_bom(data, source) or _decode_bomless_utf16(data)
    if unicode is not None:
        if "\x00" in unicode[0]:  # e.g. UTF-32 behind a UTF-16 LE mark
            raise ArticleRejected(source, f"binary file (contains NUL characters); {_TEXT_FORMATS}")
        return unicode
    _reject_binary(data, source)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return _decode_non_utf8(data, source, first_invalid=error.start)
    return _from_utf8(text, "utf-8")


def _reject_known_binary(data: bytes, source: str) -> None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise ArticleRejected(source, f"binary file (looks like {kind}); {_TEXT_FORMATS}")


def _reject_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        raise ArticleRejected(source, f"binary file (contains NUL bytes); {_TEXT_FORMATS}")
    sample = data[:SAMPLE_SIZE]
    share = len(sample.translate(None, _NOT_CONTROL)) / len(sample)
    if share > _MAX_CONTROL_SHARE:
        raise ArticleRejected(source, f"binary file ({share:.0%} control bytes); {_TEXT_FORMATS}")


def _decode_bom(data: bytes, source: str) -> tuple[str, str] | None:
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as error:
                reason = f"cannot decode: {name} byte-order mark but invalid {codec} at byte {error.start}"
                raise ArticleRejected(source, reason) from error
            return _from_utf8(text, name) if codec == "utf-8" else (text, name)
    return None


def _decode_bomless_utf16(data: bytes) -> tuple[str, str] | None:
    codec = _sniff_utf16(data[: SAMPLE_SIZE & ~1])
    if codec is None:
        return None
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return None  # odd length or broken surrogates: left to the binary check


def _sniff_utf16(sample: bytes) -> str | None:
    """Name the UTF-16 byte order if one parity of bytes is mostly NUL and the other not."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even_nuls, odd_nuls = sample[0::2].count(0), sample[1::2].count(0)
    for high, low, codec in ((odd_nuls, even_nuls, "utf-16-le"), (even_nuls, odd_nuls, "utf-16-be")):
        if high >= pairs * _UTF16_NUL_SHARE and low <= pairs * _UTF16_STRAY_NUL_SHARE:
            return codec
    return None


def _from_utf8(text: str, name: str) -> tuple[str, str]:
    """Return valid UTF-8 text as is, unless it is TCVN3 or VNI misread as Latin-1 and re-saved."""
    first = _NON_ASCII.search(text)
    if first is None:
        return text, name
    start = max(0, first.start() - _SAMPLE_LEAD)
    sample = _as_single_bytes(text[start : start + SAMPLE_SIZE])
    if sample is None:  # real Vietnamese letters beyond Latin-1: genuine UTF-8
        return text, name

    def candidates(size: int) -> dict[str, str]:
        misread = sample[:size]
        return {name: text[start : start + size]} | {enc: decode_legacy(misread, enc) for enc in ("tcvn3", "vni")}

    legacy = _LEGACY.get(_choose(candidates, len(sample)) or name)
    raw = _as_single_bytes(text) if legacy is not None else None
    if legacy is None or raw is None:
        return text, name
    log.info("UTF-8 text holds %s bytes misread as Latin-1; decoding them as %s", legacy, legacy)
    return decode_legacy(raw, legacy), legacy


def _as_single_bytes(text: str) -> bytes | None:
    """Return the bytes a Latin-1/Windows-1252 misreading made ``text`` from, if any."""
    for codec in ("cp1252", "latin-1"):
        try:
            return text.encode(codec)
        except UnicodeEncodeError:
            continue
    return None


def _decode_non_utf8(data: bytes, source: str, first_invalid: int) -> tuple[str, str]:
    # Encodings differ only in non-ASCII bytes: judge from a little before the first one.
    start = max(0, first_invalid - _SAMPLE_LEAD)

    def candidates(size: int) -> dict[str, str]:
        sample = data[start : start + size]
        found: dict[str, str] = {enc: decode_legacy(sample, enc) for enc in _LEGACY.values()}
        nearly_utf8 = sample.decode("utf-8", errors="replace")
        if nearly_utf8.count("\ufffd") <= len(nearly_utf8) * _MAX_REPLACEMENT_SHARE:
            found["utf-8"] = nearly_utf8
        return found

    best = _choose(candidates, len(data) - start)
    if best is None:
        raise ArticleRejected(source, _UNDECODABLE)
    legacy = _LEGACY.get(best)
    if legacy is None:
        log.warning("%s: UTF-8 with a few invalid bytes; they become U+FFFD", source)
        return data.decode("utf-8", errors="replace"), "utf-8"
    return decode_legacy(data, legacy), legacy


def _choose(candidates: Callable[[int], Mapping[str, str]], length: int) -> str | None:
    """Name the most Vietnamese candidate decoding, judged on a short sample when that is clear-cut.

    ``candidates(size)`` decodes ``size`` bytes each way; of the ``length`` bytes
    available, at most :data:`SAMPLE_SIZE` are judged.
    """
    best, sure = _most_vietnamese(candidates(_QUICK_SAMPLE_SIZE))
    if sure or length <= _QUICK_SAMPLE_SIZE:
        return best
    return _most_vietnamese(candidates(SAMPLE_SIZE))[0]


@dataclass(frozen=True, slots=True)
class _Score:
    common: int  # occurrences of _COMMON_WORDS
    valid: int  # non-ASCII words that are well-formed syllables
    invalid: int  # non-ASCII words that are not

    @property
    def vietnamese(self) -> bool:
        return self.valid > 0 and self.valid >= 2 * self.invalid

    @property
    def value(self) -> int:
        return 3 * self.common + self.valid - 2 * self.invalid


def _most_vietnamese(candidates: Mapping[str, str]) -> tuple[str | None, bool]:
    """Name the candidate that reads best as Vietnamese (the first on a tie), if any; tell if it is clear-cut.

    Clear-cut: it is the only one that reads as Vietnamese at all, and with many words.
    """
    scores = {name: _score(text) for name, text in candidates.items()}
    vietnamese = [name for name, score in scores.items() if score.vietnamese]
    best = max(vietnamese, key=lambda name: scores[name].value, default=None)
    sure = best is not None and len(vietnamese) == 1 and scores[best].value >= _CLEAR_CUT_SCORE
    return best, sure


def _score(text: str) -> _Score:
    counts = Counter(_WORD_RE.findall(unicodedata.normalize("NFC", text).lower()))
    common = sum(counts[word] for word in _COMMON_WORDS if word in counts)
    valid = invalid = 0
    for word, count in counts.items():
        if word.isascii():
            continue
        verdict = _syllable_verdict(word)
        if verdict is True:
            valid += count
        elif verdict is False:
            invalid += count
    return _Score(common=common, valid=valid, invalid=invalid)


def _syllable_verdict(word: str) -> bool | None:
    """Tell whether a lower-case word is one Vietnamese syllable; ``None`` for consonant-only initials."""
    if _INITIALS_RE.fullmatch(word):
        return None  # "hđnd", "nđ", "đbqh": initials, not syllables
    if len(word) - len(word.translate(_DROP_TONED)) > 1:
        return False
    return _SYLLABLE_RE.fullmatch(word.translate(_UNTONE)) is not None


@dataclass(frozen=True, slots=True)
class _LegacyTables:
    tcvn3: str  # 256-character charmap decoding table
    vni: str  # 256-character table of VNI single bytes before the letter+mark sequences
    vni_sequences: Mapping[str, str]
    vni_pattern: re.Pattern[str]

    def vni_letter(self, match: re.Match[str]) -> str:
        """Return the letter a VNI sequence stands for (unknown pairs: first byte decoded, mark kept)."""
        found = match.group()
        letter = self.vni_sequences.get(found)
        if letter is not None:
            return letter
        return self.vni_sequences.get(found[0], found[0]) + found[1:]


@functools.cache
def _tables() -> _LegacyTables:
    """Load and check ``legacy_encodings.yaml`` (once)."""
    raw = yaml.safe_load(resources.files("loaders").joinpath(_TABLES_RESOURCE).read_text(encoding="utf-8"))
    tcvn3, vni = _mapping(raw, "tcvn3"), _mapping(raw, "vni")
    tcvn3_table = list(_single_byte_table(str(tcvn3.get("fallback", "cp1252"))))
    for byte, letter in _mapping(tcvn3, "bytes").items():
        if not (isinstance(byte, int) and 0 <= byte < 256 and isinstance(letter, str) and len(letter) == 1):
            raise ValueError(f"{_TABLES_RESOURCE}: tcvn3 entry {byte!r}: {letter!r} is not byte → character")
        tcvn3_table[byte] = letter
    sequences = {str(key): str(value) for key, value in _mapping(vni, "sequences").items()}
    return _LegacyTables(
        tcvn3="".join(tcvn3_table),
        vni=_single_byte_table(str(vni.get("fallback", "cp1252"))),
        vni_sequences=sequences,
        vni_pattern=_vni_pattern(sequences),
    )


def _mapping(parent: Any, key: str) -> dict[Any, Any]:
    value = parent.get(key) if isinstance(parent, dict) else None
    if not isinstance(value, dict):
        raise ValueError(f"{_TABLES_RESOURCE}: {key!r} must be a mapping")
    return value


def _single_byte_table(codec: str) -> str:
    """Return the 256-character decoding table of ``codec``; undefined bytes decode as Latin-1."""
    return "".join(bytes([b]).decode(codec, errors="ignore") or chr(b) for b in range(256))


def _vni_pattern(sequences: Mapping[str, str]) -> re.Pattern[str]:
    """Match a VNI base letter + mark byte, else a single VNI byte that stands for a letter."""
    pairs = [key for key in sequences if len(key) == 2]
    singles = [key for key in sequences if len(key) == 1]
    if len(pairs) + len(singles) != len(sequences):
        raise ValueError(f"{_TABLES_RESOURCE}: vni sequences must be one or two bytes long")

    def char_class(chars: set[str]) -> str:
        return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"

    bases, marks = char_class({k[0] for k in pairs}), char_class({k[1] for k in pairs})
    return re.compile(f"{bases}{marks}|{char_class(set(singles))}")
