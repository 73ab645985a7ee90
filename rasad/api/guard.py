"""Request guards: only our own page (on an allowed host name) may talk to the server.

``rasad serve`` listens on loopback, but any web page open in the user's browser can send
requests to ``http://127.0.0.1:8000``, and a page on a rebinding domain can even read the
answers.  :class:`HostGuard` refuses (403, JSON) every request whose ``Host`` is not an
allowed name (loopback names by default, ``rasad serve --allow-host`` for more) and every
request whose ``Origin`` (or ``Sec-Fetch-Site: cross-site``) shows it comes from another site.

    >>> host_name("127.0.0.1:8000"), host_name("[::1]:8000"), host_name("LocalHost")
    ('127.0.0.1', '::1', 'localhost')
    >>> allowed_host("evil.example:8000", LOOPBACK_HOSTS)
    False

:func:`body_kind` tells which bodies ``POST /api/articles`` accepts: JSON or explicit text.

    >>> body_kind("application/json; charset=utf-8"), body_kind("text/plain"), body_kind("application/x-www-form-urlencoded")
    ('json', 'text', None)
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

LOOPBACK_HOSTS: frozenset[str] = frozenset({"localhost", "127.0.0.1", "::1"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown"})
MAX_TARGET = 8 * 1024  # bytes of path + query string; a search query is at most 500 characters

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
ErrorApp = Callable[[int, str], ASGIApp]


def host_name(value: str) -> str:
    """The lower-cased host name of a ``Host`` value, without the port (IPv6 unbracketed)."""
    v = value.strip().lower()
    if v.startswith("["):
        end = v.find("]")
        return v[1:end] if end > 0 else v
    return v.rsplit(":", 1)[0] if v.count(":") == 1 else v


def normalize_hosts(hosts: Iterable[str] | None) -> frozenset[str]:
    """Loopback names plus ``hosts`` (names as typed: ``news.lan``, ``[::1]``, ``10.0.0.5``)."""
    extra = {host_name(h) for h in hosts or () if h and h.strip()}
    return LOOPBACK_HOSTS | frozenset(extra)


def allowed_host(value: str, hosts: frozenset[str]) -> bool:
    return host_name(value) in hosts or "*" in hosts


def body_kind(content_type: str | None) -> str | None:
    """``json``, ``text`` or ``None`` (refused: form posts, binary, no content type)."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype == "application/json" or (ctype.startswith("application/") and ctype.endswith("+json")):
        return "json"
    if ctype in TEXT_TYPES:
        return "text"
    return None


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers", []):
        if k == name:
            try:
                return str(v.decode("latin-1"))
            except (AttributeError, UnicodeDecodeError):
                return None
    return None


class HostGuard:
    """403 for a foreign ``Host`` (DNS rebinding) or a cross-site ``Origin``; 414 for a huge target.

    Runs before anything else, so a refused request never reaches the store.
    """

    def __init__(self, app: ASGIApp, hosts: frozenset[str], error: ErrorApp) -> None:
        self.app = app
        self.hosts = hosts
        self.error = error

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        target = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(scope.get("query_string", b""))
        if target > MAX_TARGET:
            return 414, f"request URL too long ({target:,} bytes; limit {MAX_TARGET:,}): shorten the query"
        host = _header(scope, b"host")
        if host is not None and not allowed_host(host, self.hosts):
            return 403, (f"host {host_name(host)!r} is not allowed (allowed: {', '.join(sorted(self.hosts))};"
                         " see rasad serve --allow-host)")
        origin = _header(scope, b"origin")
        if origin is not None:
            scheme, _, rest = origin.partition("://")
            same = bool(rest) and host is not None and rest.lower() == host.strip().lower()
            if not same or scheme.lower() not in ("http", "https"):
                return 403, f"cross-site request refused (origin {origin!r})"
        if (_header(scope, b"sec-fetch-site") or "").lower() == "cross-site":
            return 403, "cross-site request refused"
        return None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            refused = self.refusal(scope)
            if refused is not None:
                if scope["type"] == "websocket":
                    await send({"type": "websocket.close", "code": 1008})
                    return
                await self.error(*refused)(scope, receive, send)
                return
        await self.app(scope, receive, send)
