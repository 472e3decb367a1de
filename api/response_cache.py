"""Whole GET answers of the read endpoints, kept per store generation (an ASGI middleware).

A store generation never changes (every write publishes a new one), so an
answer given for a URL — and an ``Accept`` header — stays exact until the next
write; keeping it lets a dashboard that refreshes the same views skip routing,
queries and JSON encoding. Only complete ``200`` answers up to a size are kept;
the oldest are dropped beyond the capacity, and all of them at the next
generation.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from graph.sparql.errors import RunnerClosed

#: Header telling a client (and the tests) whether the answer came from the cache.
CACHE_HEADER = b"x-govkg-cache"


@dataclass(slots=True)
class _Answer:
    start: Message
    body: bytes


@dataclass(slots=True)
class _Capture:
    start: Message | None = None
    chunks: list[bytes] = field(default_factory=list)
    size: int = 0
    complete: bool = False
    too_big: bool = False


class ResponseCache:
    """Middleware keeping GET answers of the paths under ``prefixes``, per generation.

    ``generation`` tells which store generation answers are computed from
    (it raises ``RunnerClosed`` while the store is not open: nothing is kept
    then). It runs in the event loop, so its table needs no lock.
    """

    def __init__(
        self,
        app: ASGIApp,
        *,
        generation: Callable[[], int],
        prefixes: tuple[str, ...],
        capacity: int,
        max_bytes: int = 1 << 20,
    ) -> None:
        self.app = app
        self.generation = generation
        self.prefixes = prefixes
        self.capacity = capacity
        self.max_bytes = max_bytes
        self._answers: OrderedDict[tuple[str, bytes, bytes], _Answer] = OrderedDict()
        self._generation = -1

    def _cacheable(self, scope: Scope) -> bool:
        if scope["type"] != "http" or scope["method"] != "GET" or self.capacity <= 0:
            return False
        path: str = scope["path"]
        return any(path == prefix or path.startswith(prefix + "/") for prefix in self.prefixes)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Answer from the cache, or let the app answer and keep a complete 200."""
        if not self._cacheable(scope):
            await self.app(scope, receive, send)
            return
        try:
            generation = self.generation()
        except RunnerClosed:
            await self.app(scope, receive, send)
            return
        if generation != self._generation:
            self._answers.clear()
            self._generation = generation
        accept = next((value for name, value in scope["headers"] if name == b"accept"), b"")
        key = (scope["path"], scope["query_string"], accept)
        answer = self._answers.get(key)
        if answer is not None:
            self._answers.move_to_end(key)
            await send(answer.start)
            await send({"type": "http.response.body", "body": answer.body, "more_body": False})
            return
        capture = _Capture()

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                capture.start = message
                headers = [*message.get("headers", []), (CACHE_HEADER, b"miss")]
                message = {**message, "headers": headers}
            elif message["type"] == "http.response.body":
                body: bytes = message.get("body", b"")
                capture.size += len(body)
                capture.too_big = capture.too_big or capture.size > self.max_bytes
                if not capture.too_big:
                    capture.chunks.append(body)
                capture.complete = not message.get("more_body", False)
            await send(message)

        await self.app(scope, receive, keep)
        self._keep(key, generation, capture)

    def _keep(self, key: tuple[str, bytes, bytes], generation: int, capture: _Capture) -> None:
        start = capture.start
        if start is None or start.get("status") != 200 or not capture.complete or capture.too_big:
            return
        if generation != self._generation:
            return  # a write landed meanwhile: the answer may belong to either generation
        headers = [(name, value) for name, value in start.get("headers", []) if name != CACHE_HEADER]
        self._answers[key] = _Answer({**start, "headers": [*headers, (CACHE_HEADER, b"hit")]}, b"".join(capture.chunks))
        while len(self._answers) > self.capacity:
            self._answers.popitem(last=False)
