"""Fixtures of the API tests: a store of invented articles, and the app served by a real uvicorn.

The articles are ``tests.factories.invented.invented_articles``: hand-made
extractions (independent of the extractors) from Lạng Sơn, An Giang and Kiên
Giang (merged into the new An Giang in 2025) and Hà Giang.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.app import create_app
from services.settings import Settings
from tests.factories.invented import invented_articles
from tests.factories.stores import build_store as build_store_of

API_KEY = "test-key-0123456789"


def build_store(path: Path) -> None:
    """Create a store at ``path`` holding the reference graph and every invented article, then close it."""
    build_store_of(path, invented_articles())


@dataclass
class Server:
    """A running API: its base URL and settings."""

    url: str
    settings: Settings

    def client(self, **kwargs: object) -> httpx.Client:
        """An HTTP client for this server."""
        return httpx.Client(base_url=self.url, timeout=30, **kwargs)  # type: ignore[arg-type]


@dataclass
class _Running:
    server: uvicorn.Server
    thread: threading.Thread


def start_server(settings: Settings) -> tuple[Server, _Running]:
    """Serve the app for ``settings`` with uvicorn on an ephemeral loopback port, in a thread."""
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    return Server(f"http://127.0.0.1:{port}", settings), _Running(server, thread)


def stop_server(running: _Running) -> None:
    """Ask uvicorn to shut down (the app's lifespan stops the query workers) and wait for it."""
    running.server.should_exit = True
    running.thread.join(timeout=30)


def api_settings(root: Path, **overrides: object) -> Settings:
    """Settings for a test server whose store lives under ``root``."""
    values: dict[str, object] = {
        "store": root / "store",
        "query_timeout": 2.0,
        "max_rows": 500,
        "query_workers": 2,
        "api_key": API_KEY,
        "decisions_file": root / "decisions.yaml",
        "cors_origins": ["https://dashboard.example"],
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The API over the invented articles: 2 s query timeout, 500-row cap, writes with API_KEY."""
    root = tmp_path_factory.mktemp("api")
    build_store(root / "store")
    served, running = start_server(api_settings(root))
    yield served
    stop_server(running)


@pytest.fixture(scope="session")
def client(server: Server) -> Iterator[httpx.Client]:
    """An HTTP client of the module's server."""
    with server.client() as http:
        yield http
