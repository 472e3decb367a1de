"""The province gazetteer: the 2025 reorganisation (63 → 34), codes, names and the accessor."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from ontology.gazetteer import (
    REFORM_DATE,
    Province,
    province_by_code,
    provinces,
    reference_graph_path,
    resolve_province,
)
from ontology.namespaces import GOVKG
from ontology.orthography import canonical_spelling, comparison_key

# /work/shared/reference/provinces-2025.md: new unit (name kept) → the units it was formed from.
MERGERS = {
    "Tuyên Quang": {"Tuyên Quang", "Hà Giang"},
    "Lào Cai": {"Lào Cai", "Yên Bái"},
    "Thái Nguyên": {"Thái Nguyên", "Bắc Kạn"},
    "Phú Thọ": {"Phú Thọ", "Vĩnh Phúc", "Hòa Bình"},
    "Bắc Ninh": {"Bắc Ninh", "Bắc Giang"},
    "Hưng Yên": {"Hưng Yên", "Thái Bình"},
    "Hải Phòng": {"Hải Phòng", "Hải Dương"},
    "Ninh Bình": {"Ninh Bình", "Hà Nam", "Nam Định"},
    "Quảng Trị": {"Quảng Trị", "Quảng Bình"},
    "Đà Nẵng": {"Đà Nẵng", "Quảng Nam"},
    "Quảng Ngãi": {"Quảng Ngãi", "Kon Tum"},
    "Gia Lai": {"Gia Lai", "Bình Định"},
    "Khánh Hòa": {"Khánh Hòa", "Ninh Thuận"},
    "Lâm Đồng": {"Lâm Đồng", "Đắk Nông", "Bình Thuận"},
    "Đắk Lắk": {"Đắk Lắk", "Phú Yên"},
    "Hồ Chí Minh": {"Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu"},
    "Đồng Nai": {"Đồng Nai", "Bình Phước"},
    "Tây Ninh": {"Tây Ninh", "Long An"},
    "Cần Thơ": {"Cần Thơ", "Sóc Trăng", "Hậu Giang"},
    "Vĩnh Long": {"Vĩnh Long", "Bến Tre", "Trà Vinh"},
    "Đồng Tháp": {"Đồng Tháp", "Tiền Giang"},
    "Cà Mau": {"Cà Mau", "Bạc Liêu"},
    "An Giang": {"An Giang", "Kiên Giang"},
}
UNCHANGED = {
    "Hà Nội", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
    "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng",
}  # fmt: skip
CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
ISO_CODE = re.compile(r"^VN-(\d\d|[A-Z]{2})$")


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(reference_graph_path(), format="turtle")
    return g


def before_reform() -> list[Province]:
    return [p for p in provinces() if p.valid_from is None or p.valid_from < REFORM_DATE]


def after_reform() -> list[Province]:
    return [p for p in provinces() if p.valid_until is None]


def old_unit(name: str) -> Province:
    (unit,) = [p for p in before_reform() if p.name == name]
    return unit


def resolved_code(name: str, on: date | None = None) -> str | None:
    unit = resolve_province(name, on)
    return None if unit is None else unit.code


def test_63_units_before_and_34_after_the_reform() -> None:
    assert len(provinces()) == 86
    assert len(before_reform()) == 63
    assert len(after_reform()) == 34
    assert {p.name for p in before_reform() if p.valid_until is None} == UNCHANGED
    assert len({p.name for p in after_reform()}) == 34


def test_codes_are_unique_and_shaped() -> None:
    codes = [p.code for p in provinces()]
    assert len(set(codes)) == len(codes)
    for p in provinces():
        expected = r"^VN-(\d\d|[A-Z]{2})" + ("-2025$" if p.valid_from else "$")
        assert re.match(expected, p.code), p.code
        assert str(p.iri) == f"https://w3id.org/govkg/id/province/{p.code}"


def test_every_old_unit_has_its_iso_code(graph: Graph) -> None:
    for p in before_reform():
        iso = [str(o) for o in graph.objects(p.iri, GOVKG.isoCode)]
        assert iso == [p.code], p.name
        assert ISO_CODE.match(iso[0])
    for p in provinces():
        if p.valid_from is not None:
            assert graph.value(p.iri, GOVKG.isoCode) is None, p.code


def test_well_known_iso_codes() -> None:
    assert province_by_code("VN-23").name == "Hà Tĩnh"
    assert province_by_code("VN-44").name == "An Giang"
    assert province_by_code("VN-HN").name == "Hà Nội"
    assert province_by_code("VN-SG").name == "Hồ Chí Minh"
    assert province_by_code("VN-DN").name == "Đà Nẵng"
    assert province_by_code("VN-HP").name == "Hải Phòng"
    assert province_by_code("VN-CT").name == "Cần Thơ"
    assert province_by_code("VN-26").name == "Huế"
    assert province_by_code("VN-43").name == "Bà Rịa - Vũng Tàu"


def test_merged_units_have_one_successor_and_new_units_the_reference_predecessors() -> None:
    merged = [p for p in provinces() if p.valid_until is not None]
    assert len(merged) == 52
    for p in merged:
        assert p.valid_until == date(2025, 6, 30)
        assert len(p.successors) == 1, p.name
        successor = province_by_code(p.successors[0])
        assert successor.valid_from == REFORM_DATE
        assert p.code in successor.predecessors

    new_units = [p for p in provinces() if p.valid_from is not None]
    assert {p.name for p in new_units} == set(MERGERS)
    for p in new_units:
        assert p.valid_from == REFORM_DATE and p.valid_until is None and not p.successors
        assert {province_by_code(code).name for code in p.predecessors} == MERGERS[p.name]
        kept = old_unit(p.name)
        assert p.code == f"{kept.code}-2025"
        assert kept.successors == (p.code,)
        for code in p.predecessors:
            assert province_by_code(code).successors == (p.code,)

    for name in UNCHANGED:
        unit = old_unit(name)
        assert unit.valid_from is None and unit.valid_until is None
        assert not unit.successors and not unit.predecessors


def test_succeeded_by_and_preceded_by_are_inverse(graph: Graph) -> None:
    forward = set(graph.subject_objects(GOVKG.succeededBy))
    backward = {(old, new) for new, old in graph.subject_objects(GOVKG.precededBy)}
    assert forward == backward
    assert len(forward) == 52


def test_central_cities() -> None:
    assert {p.name for p in before_reform() if p.is_city} == CENTRAL_CITIES
    assert {p.name for p in after_reform() if p.is_city} == CENTRAL_CITIES


def test_hue_is_one_unit_across_its_renaming() -> None:
    hue = province_by_code("VN-26")
    assert hue.name == "Huế" and hue.is_city
    assert hue.valid_from is None and hue.valid_until is None
    assert {"Thừa Thiên Huế", "Thừa Thiên - Huế", "TT-Huế"} <= set(hue.aliases)
    assert [p for p in provinces() if p.name == "Huế"] == [hue]


def test_every_resource_is_typed_and_labelled_once(graph: Graph) -> None:
    subjects = set(graph.subjects())
    assert len(subjects) == 86
    for s in subjects:
        assert (s, RDF.type, GOVKG.Province) in graph
        labels = list(graph.objects(s, SKOS.prefLabel))
        assert len(labels) == 1 and isinstance(labels[0], Literal) and labels[0].language == "vi"
        kinds = list(graph.objects(s, GOVKG.unitKind))
        assert kinds in ([GOVKG.Province], [GOVKG.CentralCity])


def test_text_is_nfc_with_the_new_tone_placement(graph: Graph) -> None:
    for _, _, o in graph:
        if isinstance(o, Literal):
            text = str(o)
            assert unicodedata.is_normalized("NFC", text), text
            assert canonical_spelling(text) == text, text
    raw = reference_graph_path().read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", raw)


def test_old_units_carry_cities_and_outlets_that_identify_one_unit() -> None:
    for p in before_reform():
        assert p.cities, p.name
        assert any(o.endswith(".gov.vn") for o in p.outlets), p.name
        assert any(o.startswith("Báo ") for o in p.outlets), p.name
    for attribute in ("cities", "outlets"):
        counts = Counter(comparison_key(v) for p in before_reform() for v in getattr(p, attribute))
        assert [v for v, n in counts.items() if n > 1] == [], attribute
    assert "Buôn Ma Thuột" in old_unit("Đắk Lắk").cities
    assert "baohatinh.vn" in old_unit("Hà Tĩnh").outlets
    assert "baoapbac.vn" in old_unit("Tiền Giang").outlets


def test_no_name_is_ambiguous_within_an_era() -> None:
    for era in (before_reform(), after_reform()):
        counts = Counter(comparison_key(label) for p in era for label in {p.name, *p.aliases})
        assert [label for label, n in counts.items() if n > 1] == []


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Thừa Thiên - Huế", "VN-26"),
        ("Thừa Thiên Huế", "VN-26"),
        ("TT-Huế", "VN-26"),
        ("TP.HCM", "VN-SG"),
        ("TP. HCM", "VN-SG"),
        ("TPHCM", "VN-SG"),
        ("Thành phố Hồ Chí Minh", "VN-SG"),
        ("tp hồ chí minh", "VN-SG"),
        ("Sài Gòn", "VN-SG"),
        ("tỉnh Khánh Hoà", "VN-34"),
        ("Khánh Hòa", "VN-34"),
        ("Tỉnh Thanh Hoá", "VN-21"),
        ("HOÀ BÌNH", "VN-14"),
        ("Bà Rịa-Vũng Tàu", "VN-43"),
        ("Bà Rịa – Vũng Tàu", "VN-43"),
        ("BR-VT", "VN-43"),
        ("Đắc Lắc", "VN-33"),
        ("Đăk Nông", "VN-72"),
        ("Kontum", "VN-28"),
        ("thành phố Hà Nội", "VN-HN"),
        ("  Hà   Tĩnh ", "VN-23"),
    ],
)
def test_resolve_province_names_and_variants(name: str, code: str) -> None:
    assert resolved_code(name) == code, name


def test_resolve_province_picks_the_unit_valid_on_the_day() -> None:
    assert resolved_code("An Giang", date(2026, 1, 1)) == "VN-44-2025"
    assert resolved_code("An Giang", date(2020, 1, 1)) == "VN-44"
    assert resolved_code("An Giang") == "VN-44"
    assert resolved_code("An Giang", date(2025, 6, 30)) == "VN-44"
    assert resolved_code("An Giang", REFORM_DATE) == "VN-44-2025"
    assert resolved_code("TP.HCM", date(2025, 8, 1)) == "VN-SG-2025"
    # Unchanged and merged-away units keep their one entity whatever the date.
    assert resolved_code("Hà Tĩnh", date(2026, 1, 1)) == "VN-23"
    assert resolved_code("Quảng Nam", date(2026, 1, 1)) == "VN-27"


def test_resolve_province_ignores_cities_outlets_and_unknown_names() -> None:
    assert resolve_province("Buôn Ma Thuột") is None
    assert resolve_province("baohatinh.vn") is None
    assert resolve_province("Atlantis") is None
    assert resolve_province("") is None
    assert resolve_province("tỉnh") is None


def test_province_by_code_rejects_unknown_codes() -> None:
    with pytest.raises(KeyError, match="VN-99"):
        province_by_code("VN-99")


def test_provinces_are_parsed_once() -> None:
    assert provinces() is provinces()
    assert province_by_code("VN-23") is next(p for p in provinces() if p.code == "VN-23")
