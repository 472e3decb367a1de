"""The store as the HTTP layer sees it: opened once per app, shared by the routers."""

from __future__ import annotations

import threading

from fastapi import Request

from api.settings import Settings
from graph.reference import ensure_reference
from graph.store import OxigraphStore


class StoreAccess:
    """Opens the configured store on first use and hands it to request handlers."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._store: OxigraphStore | None = None
        self._lock = threading.Lock()

    def store(self) -> OxigraphStore:
        """The open store (opened, with its reference graph, on first call)."""
        with self._lock:
            if self._store is None:
                self.settings.store.mkdir(parents=True, exist_ok=True)
                self._store = OxigraphStore(self.settings.store)
                ensure_reference(self._store)
            return self._store


def get_store(request: Request) -> OxigraphStore:
    """FastAPI dependency: the app's store."""
    access: StoreAccess = request.app.state.store
    return access.store()
