"""How ``rasad serve`` runs the app: uvicorn options, worker factory, Nagle off."""

from __future__ import annotations

import os
import socket
import warnings
from pathlib import Path
from typing import Any

import pytest

from rasad.api import server

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_worker_factory_reads_the_store_and_hosts_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(server.ENV_DB, str(tmp_path / "w.db"))
    monkeypatch.setenv(server.ENV_HOSTS, "news.lan,10.0.0.5")
    with TestClient(server.app_from_env(), base_url="http://news.lan") as c:
        assert c.get("/api/stats").json()["articles"] == 0
        assert c.get("/api/stats", headers={"host": "10.0.0.5:8000"}).status_code == 200
        assert c.get("/api/stats", headers={"host": "other.lan"}).status_code == 403


def test_serve_passes_workers_and_options(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    seen: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(app=app, **kw))
    monkeypatch.setenv(server.ENV_DB, "")  # so that serve's settings are undone after the test
    monkeypatch.setenv(server.ENV_HOSTS, "")
    server.serve(str(tmp_path / "s.db"), "127.0.0.1", 8123, workers=3, allow_hosts=("news.lan",))
    assert seen["app"] == "rasad.api.server:app_from_env" and seen["factory"] is True and seen["workers"] == 3
    assert seen["http"] is server.uvicorn_options()["http"]
    assert os.environ[server.ENV_DB].endswith("s.db") and os.environ[server.ENV_HOSTS] == "news.lan"


def test_connections_get_tcp_nodelay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small answers must not wait for the client's delayed ACK (40 ms each under --workers)."""
    proto_cls = server.uvicorn_options()["http"]
    if isinstance(proto_cls, str):
        pytest.skip("httptools is not installed")
    monkeypatch.setattr(proto_cls.__mro__[1], "connection_made", lambda self, transport: None)
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        client = socket.create_connection(listener.getsockname())
        conn, _ = listener.accept()
        with client, conn:
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0

            class Transport:
                def get_extra_info(self, name: str) -> Any:
                    return conn if name == "socket" else None

            proto = proto_cls.__new__(proto_cls)
            proto.connection_made(Transport())
            assert conn.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
