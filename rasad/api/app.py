"""The FastAPI application: JSON endpoints under ``/api`` and the web page at ``/``.

    >>> from rasad.api import create_app
    >>> app = create_app(":memory:")
    >>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/timeline"))
    ['/api/timeline', '/api/timeline/{event_id}']

``rasad serve`` runs it with uvicorn on 127.0.0.1.  Every error is JSON with a message:
``{"status": 404, "error": "Not Found", "message": "no article with id 7"}``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable, MutableMapping
from contextlib import asynccontextmanager
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

import rasad
from rasad.api.analyst import router as analyst_router
from rasad.api.cache import DEFAULT_BYTES as CACHE_BYTES
from rasad.api.cache import CacheMiddleware, ResponseCache
from rasad.api.guard import HostGuard, normalize_hosts
from rasad.api.overview import router as overview_router
from rasad.api.routes import router
from rasad.errors import IngestError, QueryError, RasadError, StoreError
from rasad.pipeline import Pipeline, default_pipeline
from rasad.store import Store
from rasad.web import INDEX_HTML as INDEX
from rasad.web import STATIC_DIR as STATIC

DEFAULT_MAX_BODY = 2 * 1024 * 1024  # a news article is a few KB; 2 MB is generous

_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; font-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class StorePool:
    """One :class:`Store` per server thread (SQLite in WAL mode lets readers run side by side).

    ``:memory:`` databases cannot be shared between connections, so there one store is shared.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list[Store] = []
        first = Store.open(path)  # creates and migrates the schema; raises StoreError early
        first.map_for_reading()
        self._shared = first if path == ":memory:" else None
        self._opened.append(first)
        self._local.store = first

    def get(self) -> Store:
        if self._shared is not None:
            return self._shared
        st: Store | None = getattr(self._local, "store", None)
        if st is None:
            st = Store.open(self.path, migrate=False)
            st.map_for_reading()
            self._local.store = st
            with self._lock:
                self._opened.append(st)
        return st

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for st in opened:
            try:
                st.close()
            except Exception:  # noqa: BLE001 - closing on shutdown must not raise
                pass


class Resources:
    """What the routes need: the store pool, the (lazily built) pipeline and the limits."""

    def __init__(self, db_path: str, max_body: int, pipeline: Pipeline | None = None) -> None:
        self.stores = StorePool(db_path)
        self.max_body = max_body
        self.pipeline_lock = threading.Lock()
        self._pipeline: Pipeline | None = pipeline

    def pipeline(self) -> Pipeline:
        with self.pipeline_lock:
            if self._pipeline is None:
                self._pipeline = default_pipeline()
            return self._pipeline

    def analyze(self, article: rasad.Article) -> rasad.Article:
        """Run the pipeline on one raw article (serialized: stages need not be thread-safe)."""
        pipe = self.pipeline()
        with self.pipeline_lock:
            return pipe(article)


def _error(status: int, message: str) -> JSONResponse:
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    return JSONResponse({"status": status, "error": phrase, "message": message}, status_code=status)


class BodyLimit:
    """Refuse request bodies over ``max_body`` bytes with 413, by header or while streaming."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    size = int(value)
                except ValueError:
                    size = -1
                if size < 0 or size > self.max_body:
                    msg = f"request body too large (limit {self.max_body:,} bytes)" if size > 0 else "bad Content-Length"
                    await _error(413 if size > 0 else 400, msg)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


class SecurityHeaders:
    """``nosniff``, no referrer, and a strict CSP (no inline script, same-origin only)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"content-security-policy", _CSP.encode()),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    db_path: str | Path,
    *,
    max_body: int = DEFAULT_MAX_BODY,
    pipeline: Pipeline | None = None,
    allowed_hosts: Iterable[str] | None = None,
    cache_bytes: int = CACHE_BYTES,
) -> FastAPI:
    """The rasad web app over the store at ``db_path`` (created and migrated if needed).

    ``max_body`` bounds request bodies (413 above it); ``pipeline`` analyzes posted articles
    (default: :func:`rasad.default_pipeline`, built on the first POST).  Requests must name a
    loopback host (``localhost``, ``127.0.0.1``, ``::1``) or one of ``allowed_hosts`` in their
    ``Host`` header, and come from no other site (``Origin``), else 403.  Answers of reads are
    cached (``cache_bytes`` at most; 0: no cache) until the next article is stored.  Raises
    :class:`rasad.errors.StoreError` when the database cannot be opened.
    """
    res = Resources(str(db_path), max_body, pipeline)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        res.stores.close()

    app = FastAPI(
        title="rasad",
        version=rasad.__version__,
        summary="Persian news as a sourced, dated record: articles, entities, quotes, events, timeline.",
        docs_url=None,  # the Swagger page loads its assets from a CDN; the schema is at /openapi.json
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.rasad = res
    app.include_router(router)
    app.include_router(analyst_router)
    app.include_router(overview_router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    page = Path(INDEX).read_bytes()  # a few KB, read once: the page is served from memory

    @app.get("/", include_in_schema=False)
    async def index() -> Response:
        return Response(page, media_type="text/html; charset=utf-8")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path", "body"))
            parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
        return _error(400, "; ".join(parts) or "invalid request")

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> JSONResponse:
        return _error(400, f"bad query: {exc}")

    @app.exception_handler(IngestError)
    async def ingest_error(_: Request, exc: IngestError) -> JSONResponse:
        return _error(400, exc.reason)

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, f"store unavailable: {exc}")

    @app.exception_handler(RasadError)
    async def rasad_error(_: Request, exc: RasadError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(Exception)
    async def internal_error(_: Request, exc: Exception) -> JSONResponse:
        return _error(500, f"internal error ({type(exc).__name__})")

    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, max_body=max_body)
    if cache_bytes > 0:
        app.state.cache = ResponseCache(cache_bytes)
        app.add_middleware(CacheMiddleware, cache=app.state.cache, version=lambda: res.stores.get().version())
    app.add_middleware(HostGuard, hosts=normalize_hosts(allowed_hosts), error=_error)
    return app
