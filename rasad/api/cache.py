"""A response cache for the read endpoints, keyed on the store's version.

Every stored article changes :meth:`rasad.store.Store.version` (a counter the store keeps in
the same transaction as the article), so an answer computed at version ``v`` is exact until the
next write: repeated ``GET /api/...`` requests are answered from memory with the bytes sent
the first time.  Bounded by total bytes (least recently used out first); one cache per worker.
Only ``200`` answers of ``GET``/``HEAD`` under ``/api/`` are kept.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from rasad.api.guard import ASGIApp, Message, Receive, Scope, Send

DEFAULT_BYTES = 64 * 1024 * 1024
MAX_ENTRY = 2 * 1024 * 1024

Key = tuple[int, str, bytes]
Entry = tuple[int, list[tuple[bytes, bytes]], bytes]


class ResponseCache:
    """LRU of ``(version, path, query) -> (status, headers, body)`` bounded by ``max_bytes``."""

    def __init__(self, max_bytes: int = DEFAULT_BYTES) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._items: OrderedDict[Key, Entry] = OrderedDict()

    def get(self, key: Key) -> Entry | None:
        entry = self._items.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: Key, entry: Entry) -> None:
        n = len(entry[2]) + len(key[1]) + len(key[2]) + 200
        if n > min(MAX_ENTRY, self.max_bytes):
            return
        old = self._items.pop(key, None)
        if old is not None:
            self.size -= len(old[2]) + len(key[1]) + len(key[2]) + 200
        self._items[key] = entry
        self.size += n
        while self.size > self.max_bytes and self._items:
            k, e = self._items.popitem(last=False)
            self.size -= len(e[2]) + len(k[1]) + len(k[2]) + 200

    def clear(self) -> None:
        self._items.clear()
        self.size = 0


class CacheMiddleware:
    """Serve repeated reads from a :class:`ResponseCache`; ``version()`` is the store's version."""

    def __init__(self, app: ASGIApp, cache: ResponseCache, version: Callable[[], int]) -> None:
        self.app = app
        self.cache = cache
        self.version = version

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope.get("method") not in ("GET", "HEAD")
            or not scope.get("path", "").startswith("/api/")
        ):
            await self.app(scope, receive, send)
            return
        try:
            key: Key = (self.version(), scope["path"], scope.get("query_string", b""))
        except Exception:  # noqa: BLE001 - no version (store trouble): answer uncached, errors as usual
            await self.app(scope, receive, send)
            return
        hit = self.cache.get(key)
        if hit is not None:
            status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers})
            await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})
            return
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200 and scope["method"] == "GET":
                    self.cache.put(key, (200, list(start.get("headers", [])), b"".join(chunks)))
            await send(message)

        await self.app(scope, receive, capture)
