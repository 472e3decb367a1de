"""loaders.encoding: UTF-8/16, Windows-1258, TCVN3 and VNI in; empty and binary files out with a reason."""

from __future__ import annotations

import codecs
import random
import shutil
import subprocess
import unicodedata
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import yaml

from loaders import encoding
from loaders.encoding import SAMPLE_SIZE, DecodedText, decode_legacy, decode_vietnamese
from loaders.errors import ArticleRejected

# Invented people and meetings, in the genre of provincial government news.
SENTENCES = (
    "Ngày 14/8, Phó Chủ tịch UBND tỉnh Trần Văn An chủ trì hội nghị triển khai kế hoạch chuyển đổi số.",
    "Theo báo cáo của Sở Thông tin và Truyền thông, các huyện đã cấp chữ ký số cho cán bộ, công chức.",
    "Bà Lê Thị Bích Ngọc, Giám đốc Sở Kế hoạch và Đầu tư, được bổ nhiệm Phó Chủ tịch Ủy ban nhân dân tỉnh.",
    "Hội đồng nhân dân huyện Mường Khương thông qua nghị quyết về phát triển kinh tế - xã hội năm 2024.",
    "ỦY BAN NHÂN DÂN TỈNH YÊN HƯNG THÔNG BÁO KẾT QUẢ TUYỂN DỤNG VIÊN CHỨC.",
)
ARTICLE = "\n".join(SENTENCES) + "\n"
TEXT_FORMATS = "govkg reads .txt, .html and .json articles"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below

# All 67 non-ASCII Vietnamese small letters (and their capitals via .upper()).
VIETNAMESE_SMALL = "".join(
    sorted(
        {unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in ("", *TONES)} - set("aeiouy")
        | {"đ"}
    )
)


# --- encoders for the test data -------------------------------------------------------------


def legacy_tables() -> dict[str, Any]:
    text = resources.files("loaders").joinpath("patterns/legacy_encodings.yaml").read_text(encoding="utf-8")
    tables: dict[str, Any] = yaml.safe_load(text)
    return tables


def tcvn3_encode(text: str) -> tuple[bytes, str]:
    """Return TCVN3 bytes and the text they stand for.

    TCVN3 has no byte for most toned capitals (.VnTimeH shows small-letter bytes as
    capitals), so those are written as the small letter, as a TCVN3 typist would.
    """
    inverse = {letter: byte for byte, letter in legacy_tables()["tcvn3"]["bytes"].items()}
    out, shown = bytearray(), []
    for ch in text:
        if ch.isascii():
            out.append(ord(ch))
        elif ch not in inverse:
            ch = ch.lower()
            out.append(inverse[ch])
        else:
            out.append(inverse[ch])
        shown.append(ch)
    return bytes(out), "".join(shown)


def vni_encode(text: str) -> bytes:
    inverse = {letter: seq for seq, letter in legacy_tables()["vni"]["sequences"].items()}
    return "".join(inverse.get(ch, ch) for ch in text).encode("cp1252")


def cp1258_encode(text: str, *, precomposed: bool = True) -> bytes:
    """Windows-1258 bytes: precomposed letters where the code page has them, else base + tone mark.

    Windows-1258 has â ê ô ơ ư ă đ and the Latin-1 letters (à, á, é, ...) but writes
    the other toned letters as base letter + combining tone byte (0xCC, 0xEC, 0xD2,
    0xDE, 0xF2). With ``precomposed=False`` every tone is written as a combining byte.
    """
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if precomposed:
            try:
                out.append(ch.encode("cp1258"))
                continue
            except UnicodeEncodeError:
                pass
        decomposed = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in decomposed if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in TONES))
        out.append(base.encode("cp1258") + tones.encode("cp1258"))
    return b"".join(out)


def rejection(data: bytes, source: str = "tin-bai.txt") -> ArticleRejected:
    with pytest.raises(ArticleRejected) as caught:
        decode_vietnamese(data, source)
    assert caught.value.source == source
    return caught.value


# --- Unicode ---------------------------------------------------------------------------------


def test_utf8() -> None:
    assert decode_vietnamese(ARTICLE.encode("utf-8"), "a.txt") == DecodedText(ARTICLE, "utf-8")


def test_utf8_with_byte_order_mark() -> None:
    result = decode_vietnamese(codecs.BOM_UTF8 + ARTICLE.encode("utf-8"), "a.txt")
    assert result == DecodedText(ARTICLE, "utf-8-sig")


def test_pure_ascii_is_utf8() -> None:
    assert decode_vietnamese(b"UBND tinh Ha Giang\n", "a.txt") == DecodedText("UBND tinh Ha Giang\n", "utf-8")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("with_bom", [True, False], ids=["bom", "no-bom"])
def test_utf16(codec: str, with_bom: bool) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}[codec]
    data = (bom if with_bom else b"") + ARTICLE.encode(codec)
    assert decode_vietnamese(data, "a.txt") == DecodedText(ARTICLE, codec)


def test_utf16_bom_with_a_broken_tail_is_rejected() -> None:
    reason = rejection(codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le") + b"\x41").reason
    assert reason.startswith("cannot decode: utf-16-le byte-order mark but invalid")


def test_decomposed_utf8_and_old_tone_placement_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "hoa-binh.txt"
    path.write_bytes(unicodedata.normalize("NFD", "Tỉnh Hoà Bình: Uỷ ban nhân dân, khoẻ mạnh").encode())
    result = decode_vietnamese(path.read_bytes(), str(path))
    assert result.text == "Tỉnh Hòa Bình: Ủy ban nhân dân, khỏe mạnh"
    assert unicodedata.is_normalized("NFC", result.text)


def test_line_endings_become_newlines() -> None:
    data = "Dòng một\r\nDòng hai\rDòng ba\n".encode()
    assert decode_vietnamese(data, "a.txt").text == "Dòng một\nDòng hai\nDòng ba\n"


def test_utf8_with_one_broken_byte_is_kept_as_utf8() -> None:
    good = ARTICLE.encode("utf-8")
    data = good[:100] + b"\xff" + good[100:]
    result = decode_vietnamese(data, "a.txt")
    assert result.encoding == "utf-8"
    assert result.text.replace("\ufffd", "") == ARTICLE


def test_genuine_utf8_with_only_latin1_letters_stays_utf8() -> None:
    # Every letter here exists in Latin-1, so the text could pass for misread TCVN3/VNI bytes.
    text = "Cà Mau có mùa khô, cá tôm ở Tân Thành bán chạy."
    assert decode_vietnamese(text.encode(), "a.txt") == DecodedText(text, "utf-8")


# --- Windows-1258 ----------------------------------------------------------------------------


@pytest.mark.parametrize("precomposed", [True, False], ids=["latin1-letters", "all-tones-combining"])
def test_windows_1258(precomposed: bool) -> None:
    data = cp1258_encode(ARTICLE, precomposed=precomposed)
    assert b"\xf2" in data  # the combining dot below: really Windows-1258, not Latin-1
    assert decode_vietnamese(data, "a.txt") == DecodedText(ARTICLE, "windows-1258")
    assert decode_legacy(data, "windows-1258") == ARTICLE  # composed to NFC by the decoder itself


def test_windows_1258_encoder_writes_tones_as_combining_bytes() -> None:
    # Guards the helper above: "Việt" = V i ê(0xEA) dot-below(0xF2) t.
    assert cp1258_encode("Việt") == b"Vi\xea\xf2t"
    assert cp1258_encode("Hà", precomposed=False) == b"Ha\xcc"


# --- TCVN3 -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"H\xb5 N\xe9i", "Hà Nội"),  # "Hµ Néi"
        (b"Vi\xd6t Nam", "Việt Nam"),  # "ViÖt Nam"
        (b"\xa7\xb5 N\xbdng", "Đà Nẵng"),  # "§µ N½ng"
        (b"Th\xb5nh ph\xe8 H\xe5 Ch\xdd Minh", "Thành phố Hồ Chí Minh"),
        (b"ng\xad\xeai", "người"),  # "ng­êi"
        (b"\xae\xad\xeec", "được"),  # "®­îc"
        (b"n\xa8m", "năm"),  # "n¨m"
        (b"c\xabng ngh\xd6 th\xabng tin", "công nghệ thông tin"),
        (b"m\xc6t", "mặt"),  # "mÆt"
    ],
)
def test_tcvn3_classic_byte_sequences(data: bytes, expected: str) -> None:
    assert decode_legacy(data, "tcvn3") == expected


def test_tcvn3_round_trip() -> None:
    data, shown = tcvn3_encode(ARTICLE)
    assert decode_vietnamese(data, "a.txt") == DecodedText(shown, "tcvn3")
    assert "Ủy ban" not in shown and "ủy ban" in shown  # no TCVN3 byte for "Ủ"


def test_tcvn3_old_tone_placement_is_normalised() -> None:
    # "Uû ban nh©n d©n tØnh Hoµ B×nh": old placement "Uỷ", "Hoà".
    result = decode_vietnamese(b"U\xfb ban nh\xa9n d\xa9n t\xd8nh Ho\xb5 B\xd7nh", "a.txt")
    assert result == DecodedText("Ủy ban nhân dân tỉnh Hòa Bình", "tcvn3")


def test_tcvn3_table_covers_every_small_letter_once() -> None:
    letters = list(legacy_tables()["tcvn3"]["bytes"].values())
    assert len(letters) == len(set(letters))
    assert set(VIETNAMESE_SMALL) <= set(letters)
    assert set("ĂÂÊÔƠƯĐ") <= set(letters)
    alphabet, _ = tcvn3_encode(VIETNAMESE_SMALL)
    assert decode_legacy(alphabet, "tcvn3") == VIETNAMESE_SMALL


def test_tcvn3_leaves_unlisted_bytes_to_windows_1252() -> None:
    assert decode_legacy(b"\x93tin\x94 \x96 ABC", "tcvn3") == "\u201ctin\u201d \u2013 ABC"


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs iconv")
def test_tcvn3_table_agrees_with_iconv_tcvn5712() -> None:
    table = legacy_tables()["tcvn3"]["bytes"]
    data = bytes(sorted(table))
    done = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=data, capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("this iconv has no TCVN5712-1")
    assert list(done.stdout.decode()) == [table[b] for b in sorted(table)]


# --- VNI -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Vie\xe4t Nam", "Việt Nam"),  # "Vieät Nam"
        (b"Ha\xf8 No\xe4i", "Hà Nội"),  # "Haø Noäi"
        (b"Tha\xf8nh pho\xe1 Ho\xe0 Ch\xed Minh", "Thành phố Hồ Chí Minh"),
        (b"ng\xf6\xf4\xf8i", "người"),  # "ngöôøi"
        (b"\xf1\xf6\xf4\xefc", "được"),  # "ñöôïc"
        (b"na\xeam", "năm"),  # "naêm"
        (b"t\xe6nh", "tỉnh"),  # "tænh"
        (b"U\xdby ban", "Ủy ban"),  # "UÛy ban"
        (b"\xd1A\xd8 NA\xdcNG", "ĐÀ NẴNG"),  # "ÑAØ NAÜNG": capitals take capital mark bytes
    ],
)
def test_vni_classic_byte_sequences(data: bytes, expected: str) -> None:
    assert decode_legacy(data, "vni") == expected


def test_vni_round_trip() -> None:
    assert decode_vietnamese(vni_encode(ARTICLE), "a.txt") == DecodedText(ARTICLE, "vni")


def test_vni_table_covers_every_letter_once() -> None:
    letters = list(legacy_tables()["vni"]["sequences"].values())
    everything = VIETNAMESE_SMALL + VIETNAMESE_SMALL.upper()
    assert len(letters) == len(set(letters)) == len(everything) == 134
    assert set(letters) == set(everything)
    assert decode_legacy(vni_encode(everything), "vni") == everything


# --- misread legacy text saved as UTF-8 --------------------------------------------------


def test_tcvn3_misread_as_latin1_and_saved_as_utf8() -> None:
    data, shown = tcvn3_encode(ARTICLE)
    mojibake = data.decode("cp1252").encode("utf-8")  # "Ngµy 14/8, Phã Chñ tÞch ..."
    assert decode_vietnamese(mojibake, "a.txt") == DecodedText(shown, "tcvn3")


def test_vni_misread_as_latin1_and_saved_as_utf8_with_bom() -> None:
    mojibake = codecs.BOM_UTF8 + vni_encode(ARTICLE).decode("cp1252").encode("utf-8")
    assert decode_vietnamese(mojibake, "a.txt") == DecodedText(ARTICLE, "vni")


# --- large files -------------------------------------------------------------------------


def test_large_tcvn3_file_is_judged_on_a_sample_and_decoded_once(monkeypatch: pytest.MonkeyPatch) -> None:
    data, shown = tcvn3_encode(ARTICLE * (3 * SAMPLE_SIZE // len(ARTICLE)))
    sizes: list[int] = []

    def counting(data: bytes, name: encoding.LegacyEncoding) -> str:
        sizes.append(len(data))
        return decode_legacy(data, name)

    monkeypatch.setattr(encoding, "decode_legacy", counting)
    result = decode_vietnamese(data, "big.txt")
    assert result == DecodedText(shown, "tcvn3")
    assert [size for size in sizes if size > SAMPLE_SIZE] == [len(data)]


def test_legacy_text_after_a_long_ascii_head_is_found() -> None:
    # A scraped page whose inline scripts fill more than the sample before any Vietnamese.
    head = b"<html><head><script>" + b"var x = 1;\n" * (SAMPLE_SIZE // 10) + b"</script></head><body>"
    for data, expected, name in [
        (head + tcvn3_encode(ARTICLE)[0], tcvn3_encode(ARTICLE)[1], "tcvn3"),
        (head + vni_encode(ARTICLE), ARTICLE, "vni"),
        (head.decode().encode() + vni_encode(ARTICLE).decode("cp1252").encode(), ARTICLE, "vni"),
    ]:
        result = decode_vietnamese(data, "page.html")
        assert result.encoding == name
        assert result.text.endswith("<body>" + expected)


# --- how candidates are judged ------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "verdict"),
    [
        ("người", True),
        ("nghiêng", True),
        ("khuya", True),
        ("quyết", True),
        ("gì", True),
        ("hòa", True),
        ("hđnd", None),  # initials, neither for nor against
        ("hóà", False),  # two tone marks
        ("néi", False),  # TCVN3 "Néi" read as Windows-1258
        ("hµ", False),
        ("viưt", False),  # TCVN3 "ViÖt" read as VNI
    ],
)
def test_syllable_verdict(word: str, verdict: bool | None) -> None:
    assert encoding._syllable_verdict(word) is verdict


def test_common_words_decide_between_well_formed_decodings() -> None:
    # Both read as well-formed syllables (Windows-1258 "các và bán" read as TCVN3 is
    # "cỏc vổ bỏn"); only the right one is made of frequent words.
    best, _ = encoding._most_vietnamese({"tcvn3": "cỏc vổ bỏn cỏc", "windows-1258": "các và bán các"})
    assert best == "windows-1258"


# --- rejections ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [b"", b" \r\n\t \n", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n ".encode("utf-16-le")],
    ids=["empty", "whitespace", "bom-only", "utf16-whitespace"],
)
def test_empty_file_is_rejected(data: bytes) -> None:
    assert rejection(data).reason == "empty file"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01\x00", "ELF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "OLE2"),
    ],
)
def test_binary_magic_is_rejected_by_kind(data: bytes, kind: str) -> None:
    reason = rejection(data).reason
    assert reason.startswith(f"binary file (looks like {kind}")
    assert reason.endswith(TEXT_FORMATS)


def test_random_bytes_are_rejected_as_binary() -> None:
    reason = rejection(random.Random(0).randbytes(4096)).reason
    assert reason == f"binary file (contains NUL bytes); {TEXT_FORMATS}"


def test_control_bytes_without_nul_are_rejected_as_binary() -> None:
    data = bytes(random.Random(1).choice(b"\x01\x02\x03\x05\x10\x1fabcdef ") for _ in range(2000))
    reason = rejection(data).reason
    assert reason.startswith("binary file (") and "control bytes" in reason


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Größe über Straße, schöne Grüße aus München und Köln.", "cp1252"),
        ("Le café de la gare était fermé à cause de la grève générale.", "cp1252"),
        ("Привет, это тестовый текст на русском языке.", "cp1251"),
    ],
)
def test_non_vietnamese_legacy_text_is_rejected(text: str, codec: str) -> None:
    reason = rejection(text.encode(codec)).reason
    assert reason == "cannot decode: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI Vietnamese text"
