"""The explorer page in headless Chromium: search, open a node, read its evidence, run queries, screenshot.

Drives Debian's ``/usr/bin/chromium`` with Playwright (never a downloaded
browser) against the app served by a real uvicorn. Skipped when Chromium (or
Cytoscape.js, which ``scripts/setup`` fetches) is missing, unless
``GOVKG_REQUIRE_BROWSER=1``, which fails instead.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import uvicorn

from api.app import create_app
from api.routers.explorer import CYTOSCAPE
from loaders.record import Extraction
from services.settings import Settings
from tests.factories.extractions import reported_again
from tests.factories.stores import build_store

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("GOVKG_REQUIRE_BROWSER") == "1"
# The flags that let Chromium start headless on a closed network, as root, without background traffic.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WAIT_MS = 20_000


def _missing(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"GOVKG_REQUIRE_BROWSER=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def sync_playwright() -> Any:
    """Playwright's sync API, or a skip naming what is missing."""
    if not CHROMIUM.exists():
        _missing("Debian's chromium is not installed (apt-get install chromium; scripts/setup --test tries)")
    if not CYTOSCAPE.is_file():
        _missing("Cytoscape.js is not in api/static/vendor (scripts/setup fetches it with npm)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    return sync_playwright


def _later(extraction: Extraction) -> Extraction:
    return reported_again(extraction, "invented-002.txt", date(2016, 1, 10))


@pytest.fixture
def base_url(tmp_path: Path, invented_extraction: Extraction) -> Iterator[str]:
    """The app, over two invented articles, served by uvicorn on a free loopback port."""
    build_store(tmp_path / "store", [invented_extraction, _later(invented_extraction)])
    settings = Settings(store=tmp_path / "store", decisions_file=tmp_path / "decisions.yaml", query_workers=1)
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning"))
    thread = threading.Thread(target=server.run, name="explorer-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.servers[0].sockets[0].getsockname()[1]}"
    server.should_exit = True
    thread.join(timeout=30)


@pytest.fixture
def page(sync_playwright: Any, tmp_path: Path) -> Iterator[Any]:
    """A page of a fresh headless Chromium, its console errors collected in ``page.errors``."""
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM),
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1400, "height": 1200},
        )
        opened = context.pages[0] if context.pages else context.new_page()
        errors: list[str] = []
        opened.on("pageerror", lambda error: errors.append(str(error)))
        opened.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        opened.errors = errors
        opened.set_default_timeout(WAIT_MS)
        yield opened
        context.close()


def _search(page: Any, words: str, expected: str) -> str:
    page.fill("#search-input", words)
    page.click("#search-form button[type=submit]")
    result = page.locator("#results button", has_text=expected).first
    result.wait_for()
    iri = str(result.get_attribute("data-iri"))
    result.click()
    _wait_for_caption(page, expected)
    return iri


def _wait_for_caption(page: Any, caption: str) -> None:
    page.wait_for_function("c => document.querySelector('#facts .caption')?.textContent === c", arg=caption)


def _click_node(page: Any, caption: str) -> None:
    """Click the node drawn with ``caption`` on the canvas, where Cytoscape.js rendered it."""
    position = page.evaluate(
        """caption => {
            const cy = window.govkgExplorer.graph;
            const node = cy.nodes().filter(n => n.data('label') === caption)[0];
            const box = cy.container().getBoundingClientRect();
            const at = node.renderedPosition();
            return { x: box.left + at.x, y: box.top + at.y };
        }""",
        caption,
    )
    page.mouse.click(position["x"], position["y"])
    _wait_for_caption(page, caption)


def test_search_open_a_node_read_evidence_run_queries(page: Any, base_url: str, tmp_path: Path) -> None:
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator("#graph canvas").count() > 0  # Cytoscape.js drew into the graph view

    thai = _search(page, "hoang van thai", "Hoàng Văn Thái")
    assert "chủ trì hội nghị" in page.inner_text("#relations")  # the evidence sentence of CHAIRED
    assert page.locator("#timeline").is_visible()
    assert "Phó Chủ tịch, Ủy ban nhân dân tỉnh Lạng Sơn: 2015-03-15 – 2016-01-10" in page.inner_text("#timeline-list")

    _click_node(page, "Hội nghị tổng kết, 2015-03-14")
    relations = page.inner_text("#relations")
    assert "CHAIRED" in relations and "Hoàng Văn Thái" in relations
    assert "Nghị định 64/2007/NĐ-CP" in relations

    page.select_option("#named-select", "posts_of_person")
    page.fill("#param-person", thai)
    page.click("#named-run")
    page.wait_for_selector("#query-table tbody tr")
    assert "Phó Chủ tịch" in page.inner_text("#query-table")

    page.select_option("#named-select", "who_chaired_under")
    page.click("#named-edit")
    page.wait_for_function("() => document.querySelector('#sparql-text').value.includes('chairedBy')")
    page.click("#sparql-run")
    page.wait_for_function("() => document.querySelector('#query-status').textContent.includes('row')")
    assert "Hoàng Văn Thái" in page.inner_text("#query-table")

    shot = tmp_path / "explorer.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 20_000
    assert page.errors == []


def test_without_cytoscape_the_page_says_so_and_still_answers(page: Any, base_url: str) -> None:
    page.route("**/static/vendor/cytoscape.min.js", lambda route: route.fulfill(status=404, body=""))
    page.goto(base_url + "/")
    page.wait_for_selector("body[data-ready=true]")
    assert "graph view is unavailable" in page.inner_text("#graph")
    _search(page, "hoang van thai", "Hoàng Văn Thái")
    assert "chủ trì hội nghị" in page.inner_text("#relations")
