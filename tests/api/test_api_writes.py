"""Writes over a real uvicorn: the API key, ingesting files and JSON, retracting, new snapshots, CORS."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from services.settings import snapshot_root
from tests.api.conftest import API_KEY, Server, api_settings, build_store, start_server, stop_server
from tests.conftest import SAMPLES

KEY = {"X-API-Key": API_KEY}
ARTICLE = (
    "Hội nghị tổng kết công tác chuyển đổi số\n\n"
    "Ngày 12/5/2022, UBND tỉnh Phú Yên tổ chức hội nghị tổng kết công tác chuyển đổi số. "
    "Phó Chủ tịch UBND tỉnh Lương Văn Khiêm chủ trì hội nghị."
)


@pytest.fixture(scope="module")
def writable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server of its own (writes change its store), with the write key set."""
    root = tmp_path_factory.mktemp("writes")
    build_store(root / "store")
    served, running = start_server(api_settings(root))
    yield served
    stop_server(running)


@pytest.fixture
def http(writable: Server) -> Iterator[httpx.Client]:
    with writable.client() as client:
        yield client


def _health(client: httpx.Client) -> dict[str, Any]:
    return dict(client.get("/health").json())


def test_writes_are_disabled_without_a_configured_key(tmp_path: Path) -> None:
    build_store(tmp_path / "store")
    served, running = start_server(api_settings(tmp_path, api_key=None))
    try:
        with served.client() as client:
            posted = client.post("/articles", json={"text": ARTICLE}, headers=KEY)
            deleted = client.delete("/articles/lang-son-2015-txt-9caf62f7be", headers=KEY)
            listed = client.get("/articles")
    finally:
        stop_server(running)
    for response in (posted, deleted):
        assert response.status_code == 403
        assert response.json()["type"].endswith("/writes-disabled") and "GOVKG_API_KEY" in response.json()["detail"]
    assert listed.json()["total"] == 5


@pytest.mark.parametrize("headers", [{}, {"X-API-Key": "wrong"}, {"X-API-Key": API_KEY + "x"}])
def test_a_missing_or_wrong_key_is_401(http: httpx.Client, headers: dict[str, str]) -> None:
    before = _health(http)
    posted = http.post("/articles", json={"text": ARTICLE}, headers=headers)
    deleted = http.delete("/articles/lang-son-2015-txt-9caf62f7be", headers=headers)
    for response in (posted, deleted):
        assert response.status_code == 401
        assert response.json()["type"].endswith("/unauthorized") and "X-API-Key" in response.json()["detail"]
    assert _health(http) == before


def test_uploaded_files_are_ingested_and_served_at_once(http: httpx.Client, writable: Server) -> None:
    before = _health(http)
    sample = SAMPLES / "ha-giang-tong-ket-nghi-dinh.txt"
    files = [
        ("files", (sample.name, sample.read_bytes(), "text/plain")),
        ("files", ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "text/plain")),
        ("files", ("notes.pdf", b"%PDF-1.4", "application/pdf")),
    ]
    report = http.post("/articles", files=files, headers=KEY)
    assert report.status_code == 200, report.text
    outcomes = {o["file"]: o for o in report.json()["outcomes"]}
    assert outcomes[sample.name]["status"] == "ok" and outcomes[sample.name]["triples"] > 50
    assert outcomes["photo.txt"]["status"] == "rejected" and "binary" in outcomes["photo.txt"]["reason"]
    assert outcomes["notes.pdf"]["status"] == "rejected" and "unsupported" in outcomes["notes.pdf"]["reason"]
    assert report.json()["counts"] == {"ok": 1, "unchanged": 0, "quarantined": 0, "rejected": 2}

    after = _health(http)
    assert after["generation"] == before["generation"] + 1
    assert after["articles"] == before["articles"] + 1 and after["persons"] > before["persons"]
    article = outcomes[sample.name]["article"]
    assert http.get(f"/articles/{article['id']}").json()["statements"]
    assert http.get("/meetings", params={"province": "Hà Giang"}).json()["total"] >= 2

    again = http.post("/articles", files=files[:1], headers=KEY).json()
    assert [o["status"] for o in again["outcomes"]] == ["unchanged"]
    assert _health(http)["generation"] == after["generation"]
    snapshots = sorted(p.name for p in snapshot_root(writable.settings).iterdir())
    assert snapshots == [f"gen-{after['generation']:06d}"]  # older snapshots are deleted once unused


def test_json_articles_are_ingested_and_retracted_exactly(http: httpx.Client) -> None:
    before = _health(http)
    report = http.post(
        "/articles",
        json=[{"title": "Tổng kết chuyển đổi số", "text": ARTICLE, "published": "2022-05-13"}],
        headers=KEY,
    ).json()
    [outcome] = report["outcomes"]
    assert outcome["status"] == "ok" and outcome["file"].endswith(".json")
    article = outcome["article"]["id"]
    listed = http.get("/articles", params={"from": "2022-05-13", "to": "2022-05-13"}).json()
    assert [a["id"] for a in listed["items"]] == [article]
    assert http.get("/search", params={"q": "luong van khiem"}).json()["total"] == 1

    assert http.delete(f"/articles/{article}", headers=KEY).status_code == 204
    after = _health(http)
    assert {k: v for k, v in after.items() if k != "generation"} == {
        k: v for k, v in before.items() if k != "generation"
    }
    assert after["generation"] == before["generation"] + 2
    assert http.get(f"/articles/{article}").status_code == 404
    assert http.get("/search", params={"q": "luong van khiem"}).json()["total"] == 0
    missing = http.delete(f"/articles/{article}", headers=KEY)
    assert missing.status_code == 404 and missing.json()["type"].endswith("/not-found")


def test_retracting_one_article_keeps_what_others_also_state(http: httpx.Client) -> None:
    articles = {a["file"]: a["id"] for a in http.get("/articles", params={"limit": 100}).json()["items"]}
    decree = http.get("/legal-documents", params={"number": "64/2007"}).json()["items"][0]["id"]
    before = http.get(f"/legal-documents/{decree}").json()
    assert {"2015-03-15", "2016-05-10"} <= {e["article"]["published"] for e in before["cited_by"]}
    assert http.delete(f"/articles/{articles['lang-son-2015.txt']}", headers=KEY).status_code == 204
    after = http.get(f"/legal-documents/{decree}").json()
    assert len(after["cited_by"]) == len(before["cited_by"]) - 1
    assert "2015-03-15" not in {e["article"]["published"] for e in after["cited_by"]}
    assert "2016-05-10" in {e["article"]["published"] for e in after["cited_by"]}
    dates = {m["meeting"]["date"] for m in after["meetings"]}
    assert "2016-05-09" in dates and "2015-03-14" not in dates


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        ({"title": "no text"}, {}, 422),
        ([], {}, 422),
        ("not json", {"Content-Type": "application/json"}, 422),
        ("text", {"Content-Type": "text/plain"}, 415),
    ],
)
def test_bad_uploads_are_problems(http: httpx.Client, body: Any, headers: dict[str, str], status: int) -> None:
    if isinstance(body, str):
        response = http.post("/articles", content=body.encode(), headers=KEY | headers)
    else:
        response = http.post(
            "/articles", content=json.dumps(body).encode(), headers=KEY | {"Content-Type": "application/json"}
        )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    empty_form = http.post("/articles", data={"other": "x"}, files={"nothing": ("a.txt", b"")}, headers=KEY)
    assert empty_form.status_code == 422


def test_cors_answers_configured_origins_only(http: httpx.Client, writable: Server) -> None:
    assert writable.settings.cors_origins == ["https://dashboard.example"]
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "X-API-Key"}
    allowed = http.options("/articles", headers={"Origin": "https://dashboard.example"} | preflight)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://dashboard.example"
    other = http.options("/articles", headers={"Origin": "https://evil.example"} | preflight)
    assert "access-control-allow-origin" not in other.headers
    simple = http.get("/health", headers={"Origin": "https://dashboard.example"})
    assert simple.headers["access-control-allow-origin"] == "https://dashboard.example"


def test_answers_are_kept_per_generation_and_dropped_by_a_write(http: httpx.Client) -> None:
    query = {"province": "Phú Yên"}
    first = http.get("/meetings", params=query)
    second = http.get("/meetings", params=query)
    assert first.headers["x-govkg-cache"] == "miss" and second.headers["x-govkg-cache"] == "hit"
    assert second.content == first.content
    csv = http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers={"Accept": "text/csv"})
    assert csv.headers["x-govkg-cache"] == "miss" and csv.text == "true"  # the Accept header is part of the key
    article = {"title": "Họp ở Phú Yên", "text": ARTICLE.replace("12/5/2022", "20/6/2022"), "published": "2022-06-21"}
    assert http.post("/articles", json=article, headers=KEY).json()["counts"]["ok"] == 1
    after = http.get("/meetings", params=query)
    assert after.headers["x-govkg-cache"] == "miss"
    assert after.json()["total"] == first.json()["total"] + 1
    assert "x-govkg-cache" not in http.post("/sparql", data={"query": "ASK {}"}).headers
