"""Running the app under uvicorn: ``rasad serve`` (one or several worker processes).

:func:`uvicorn_options` gives the HTTP settings every server of the app should use: uvicorn's
fast ``httptools`` parser, but answering a URL too long for it with a JSON 414 (uvicorn's own
answer is a bare ``400 Invalid HTTP request``, and its pure-Python parser resets the
connection), and a cap on how much of a request head is buffered.

Several workers (``rasad serve --workers N``) each build the app with :func:`app_from_env`
from ``RASAD_SERVE_DB`` and ``RASAD_SERVE_HOSTS`` (comma-separated extra host names).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
from typing import Any

from fastapi import FastAPI

from rasad.api.guard import MAX_TARGET

MAX_HEAD = 1024 * 1024  # bytes of request line + headers buffered at most (then 414 and close)
ENV_DB, ENV_HOSTS = "RASAD_SERVE_DB", "RASAD_SERVE_HOSTS"


def _too_long(size: int) -> bytes:
    body = json.dumps({
        "status": 414, "error": "Request-URI Too Long",
        "message": f"request URL too long ({size:,} bytes; limit {MAX_TARGET:,}): shorten the query",
    }).encode()
    return (
        b"HTTP/1.1 414 Request-URI Too Long\r\ncontent-type: application/json\r\n"
        b"content-length: " + str(len(body)).encode() + b"\r\nconnection: close\r\n\r\n" + body
    )


class URLTooLong(Exception):
    """Raised from the parser callback when a request line passes :data:`MAX_HEAD`."""


try:
    from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
except ImportError:  # pragma: no cover - httptools is a pinned dependency
    HttpToolsProtocol = None  # type: ignore[assignment,misc]

if HttpToolsProtocol is not None:

    class RasadHttpToolsProtocol(HttpToolsProtocol):
        """uvicorn's httptools protocol, with a JSON 414 for URLs its URL parser cannot take.

        It also turns Nagle's algorithm off on every connection: a worker of ``--workers N``
        gets its listening socket from uvicorn's parent process, and asyncio then leaves
        ``TCP_NODELAY`` unset, so each small answer waited ~40 ms for the client's delayed ACK.
        """

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            sock = transport.get_extra_info("socket")
            if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
                with contextlib.suppress(OSError):
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            super().connection_made(transport)

        def on_url(self, url: bytes) -> None:
            super().on_url(url)
            if len(self.url) > MAX_HEAD:
                raise URLTooLong(len(self.url))

        def send_400_response(self, msg: str) -> None:
            size = len(getattr(self, "url", b"") or b"")
            if size <= MAX_TARGET:
                super().send_400_response(msg)
                return
            self.transport.write(_too_long(size))
            self.transport.close()


def uvicorn_options() -> dict[str, Any]:
    """``http`` and parser limits for ``uvicorn.run`` / ``uvicorn.Config``."""
    if HttpToolsProtocol is None:  # pragma: no cover
        return {"http": "h11", "h11_max_incomplete_event_size": MAX_HEAD, "access_log": False}
    return {"http": RasadHttpToolsProtocol, "h11_max_incomplete_event_size": MAX_HEAD, "access_log": False}


def app_from_env() -> FastAPI:
    """The app of one worker process of ``rasad serve --workers N`` (an uvicorn factory)."""
    from rasad.api.app import create_app

    hosts = [h for h in os.environ.get(ENV_HOSTS, "").split(",") if h.strip()]
    return create_app(os.environ.get(ENV_DB) or "rasad.db", allowed_hosts=hosts)


def serve(db: str, host: str, port: int, workers: int = 1, allow_hosts: tuple[str, ...] = ()) -> None:
    """Run the app over ``db`` on ``host:port`` with ``workers`` processes (blocks)."""
    import uvicorn

    if workers <= 1:
        import rasad.api

        app = rasad.api.create_app(db, allowed_hosts=allow_hosts) if allow_hosts else rasad.api.create_app(db)
        uvicorn.run(app, host=host, port=port, **uvicorn_options())
        return
    os.environ[ENV_DB] = db
    os.environ[ENV_HOSTS] = ",".join(allow_hosts)
    # a worker busy importing on a loaded machine is not dead: give it time to answer the supervisor
    uvicorn.run("rasad.api.server:app_from_env", factory=True, host=host, port=port, workers=workers,
                timeout_worker_healthcheck=60, **uvicorn_options())
