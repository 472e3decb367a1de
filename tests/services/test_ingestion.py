"""A batch of good and bad files: every bad one named with its reason, every good one ingested, nothing half."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
import yaml

from graph.store.embedded import OxigraphStore
from services.ingest.outcomes import Status
from services.ingest.pipeline import ingest

ARTICLE = (
    "Hội nghị tổng kết công tác chuyển đổi số\n\n"
    "Ngày 12/5/2022, UBND tỉnh Phú Yên tổ chức hội nghị tổng kết công tác chuyển đổi số. "
    "Phó Chủ tịch UBND tỉnh Lương Văn Khiêm chủ trì hội nghị."
)


def _tcvn3(text: str) -> bytes:
    """Encode text in TCVN3 with the project's own table (lower-case toned letters suffice here)."""
    table = yaml.safe_load(resources.files("loaders").joinpath("patterns/legacy_encodings.yaml").read_text("utf-8"))
    reverse = {char: byte for byte, char in table["tcvn3"]["bytes"].items() if len(char) == 1}
    return bytes(reverse[ch] if ch in reverse else ord(ch) for ch in text)


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "good-utf16.txt").write_bytes(ARTICLE.replace("12/5", "13/5").encode("utf-16"))
    (folder / "good.json").write_text(
        json.dumps({"title": "Tin ngắn", "text": ARTICLE.replace("12/5", "14/5")}), encoding="utf-8"
    )
    (folder / "saved-page.html").write_text(
        f"<html><head><title>Hội nghị</title><script>var x = 1;</script></head>"
        f"<body><nav>Trang chủ</nav><p>{ARTICLE.replace('12/5', '15/5')}</p></body></html>",
        encoding="utf-8",
    )
    legacy = "hội nghị tổng kết công tác chuyển đổi số\n\n" + "các sở, ngành của tỉnh được giao nhiệm vụ. " * 5
    (folder / "legacy-tcvn3.txt").write_bytes(_tcvn3(legacy))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "huge.txt").write_bytes(("Một dòng rất dài của bài báo. " * 40).encode("utf-8") * 20_000)  # ~30 MB
    (folder / "broken.json").write_text('{"title": "Thiếu dấu ngoặc", "text": "nội dung"', encoding="utf-8")
    (folder / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    return folder


def test_bad_files_are_named_with_a_reason_and_good_ones_ingested(store: OxigraphStore, batch: Path) -> None:
    assert (batch / "huge.txt").stat().st_size > 29_000_000
    summary = ingest(store, [batch], max_bytes=2_000_000, batch_size=4)
    by_name = {Path(o.path).name: o for o in summary.outcomes}

    ingested = {name for name, o in by_name.items() if o.status is Status.OK}
    assert ingested == {"good.txt", "good-utf16.txt", "good.json", "saved-page.html", "legacy-tcvn3.txt"}
    reasons = {name: o.reason for name, o in by_name.items() if o.status is Status.REJECTED}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["photo.txt"] and "PNG" in reasons["photo.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "malformed JSON" in reasons["broken.json"]
    assert "cannot read" in reasons["gone.txt"]
    assert len(list(store.article_graphs())) == len(ingested)


def test_legacy_encodings_are_converted_before_storing(store: OxigraphStore, batch: Path) -> None:
    ingest(store, [batch / "legacy-tcvn3.txt"], max_bytes=2_000_000)
    rows = list(store.query("SELECT ?t WHERE { ?a <https://schema.org/headline> ?t }"))  # type: ignore[arg-type]
    assert rows and rows[0]["t"].value.startswith("hội nghị tổng kết công tác")


def test_an_unchanged_article_is_not_written_again(store: OxigraphStore, batch: Path) -> None:
    first = ingest(store, [batch / "good.txt"], max_bytes=2_000_000)
    second = ingest(store, [batch / "good.txt"], max_bytes=2_000_000)
    assert [o.status for o in first.outcomes] == [Status.OK]
    assert [o.status for o in second.outcomes] == [Status.UNCHANGED]


def test_workers_give_the_same_store_as_one_process(tmp_path: Path, batch: Path) -> None:
    for bad in ("huge.txt", "gone.txt"):
        (batch / bad).unlink()
    serial = OxigraphStore(tmp_path / "serial")
    parallel = OxigraphStore(tmp_path / "parallel")
    ingest(serial, [batch], max_bytes=2_000_000, batch_size=2)
    ingest(parallel, [batch], max_bytes=2_000_000, batch_size=2, workers=2)
    per_graph = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    serial_counts = [(r["g"].value, r["n"].value) for r in serial.query(per_graph)]  # type: ignore[union-attr]
    parallel_counts = [(r["g"].value, r["n"].value) for r in parallel.query(per_graph)]  # type: ignore[union-attr]
    assert len(serial_counts) == 6  # the articles, the reference graph, the quarantine and the change log
    assert serial_counts == parallel_counts
