"""The JSON endpoints under ``/api``: paging, filters, and the store's answers shaped for the page.

Every list answer is ``{"items": [...], "limit": n, "offset": k, "next_offset": k + n | null}``.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Awaitable, Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import orjson
from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from rasad.api.guard import body_kind
from rasad.api.ingest import article_from_body
from rasad.api.shape import jalali_of, mention_list, sentence_context, snippet_parts, with_jalali
from rasad.store import Store
from rasad.store.finding import NoMatchError, understood_dates

router = APIRouter(prefix="/api")


class FastJSON(JSONResponse):
    """UTF-8 JSON written by :func:`orjson.dumps` (Persian stays readable and half the size of ``\\uXXXX``)."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content)


P = ParamSpec("P")
R = TypeVar("R")


def json_out(fn: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any]]:
    """Send the endpoint's dict as :class:`FastJSON`, skipping FastAPI's slow generic encoder.

    The store returns JSON-ready dicts already; the annotation stays ``dict`` for the schema.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        return FastJSON(fn(*args, **kwargs))  # type: ignore[return-value]

    return wrapper

def inline(fn: Callable[P, R]) -> Callable[P, Awaitable[R]]:
    """Run a quick read endpoint on the event loop instead of in the thread pool.

    A paged read is a few milliseconds of CPU under the GIL; handing it to a worker thread and
    back costs nearly a millisecond more (thread wake-ups, futures) and gains nothing, since the
    worker process has one core's worth of Python anyway (``rasad serve --workers N`` scales).
    """

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        return fn(*args, **kwargs)

    return wrapper


DATE = r"^[0-9۰-۹]{4}([-/][0-9۰-۹]{1,2}([-/][0-9۰-۹]{1,2})?)?$"
MAX_OFFSET = 100_000
MAX_CONTEXTS = 30  # mentions of an entity shown with their sentence

Limit = Annotated[int, Query(ge=1, le=200, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Since = Annotated[
    str | None,
    Query(pattern=DATE, description="date, inclusive: Gregorian YYYY[-MM[-DD]] or Jalali 1404-07-01 / 1404/07/01"),
]
Until = Annotated[str | None, Query(pattern=DATE, description="date, inclusive (Gregorian or Jalali)")]
Text = Annotated[str | None, Query(max_length=200)]


def _store(request: Request) -> Store:
    st: Store = request.app.state.rasad.stores.get()
    return st


def _page(
    items: list[dict[str, Any]], limit: int, offset: int, total: int | None = None,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    """One page of results; the store was asked for ``limit + 1`` to know if more follow.

    ``total``: how many items match in all; ``understood``: how the date filters were read
    (``{"since": {"input", "calendar": "jalali"|"gregorian", "gregorian"}}``).
    """
    more = len(items) > limit
    out: dict[str, Any] = {
        "items": [with_jalali(x) for x in items[:limit]],
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if more else None,
    }
    if total is not None:
        out["total"] = total
    if since or until:
        out["understood"] = understood_dates(since, until)
    return out


def no_match(fn: Callable[P, dict[str, Any]]) -> Callable[P, dict[str, Any]]:
    """A name filter that matches nothing: 404 with near names in ``suggestions``."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> dict[str, Any]:
        try:
            return fn(*args, **kwargs)
        except NoMatchError as e:
            body = {"status": 404, "error": "Not Found", "message": str(e), "name": e.name,
                    "filter": e.what, "suggestions": e.suggestions}
            return JSONResponse(body, status_code=404)  # type: ignore[return-value]

    return wrapper


def _not_found(what: str, key: object) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no {what} with id {key}")


# --- articles ----------------------------------------------------------------------------
@router.get("/articles", summary="Articles, newest first")
@inline
@json_out
def list_articles(
    request: Request,
    limit: Limit = 20,
    offset: Offset = 0,
    source: Text = None,
    since: Since = None,
    until: Until = None,
) -> dict[str, Any]:
    rows = _store(request).articles(limit=limit + 1, offset=offset, source=source, since=since, until=until)
    return _page(rows, limit, offset, since=since, until=until)


@router.get("/articles/{article_id}", summary="One article with its spans (offsets into `text`)")
@inline
@json_out
def get_article(
    request: Request,
    article_id: Annotated[int, Path(ge=1)],
    full: Annotated[bool, Query(description="also return `raw` and the stored analysis `result`")] = False,
) -> dict[str, Any]:
    art = _store(request).article(article_id)
    if art is None:
        raise _not_found("article", article_id)
    return shape_article(art, full)


def shape_article(art: dict[str, Any], full: bool = False) -> dict[str, Any]:
    """The stored article for the page: Jalali dates added, mentions as dicts, bulky fields optional."""
    out = dict(art)
    if not full:
        out.pop("raw", None)
        out.pop("result", None)
    with_jalali(out)
    out["timexes"] = [with_jalali(dict(t)) for t in art.get("timexes") or []]
    ents = []
    for e in art.get("entities") or []:
        e = dict(e)
        e["mentions"] = mention_list(e.get("mentions") or e.get("spans") or [])
        ents.append(e)
    out["entities"] = ents
    out["quotes"] = [with_jalali(dict(q)) for q in art.get("quotes") or []]
    out["events"] = [with_jalali(dict(ev)) for ev in art.get("events") or []]
    return out


@router.post(
    "/articles",
    status_code=201,
    summary="Analyze and store one article",
    description=(
        'Body: JSON `{"text": ..., "title"?, "published"?, "url"?, "source"?}` (`application/json`) or the raw '
        "text (`text/plain`). 201 when added, 200 when the same text is already stored, "
        "400 for empty/binary/malformed input, 413 over the size limit, 415 for any other content type."
    ),
    responses={
        200: {"description": "already stored"}, 400: {"description": "bad input"},
        413: {"description": "too large"}, 415: {"description": "not JSON or text"},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "required": ["text"],
                        "properties": {
                            k: {"type": "string"} for k in ("text", "title", "published", "url", "source", "doc")
                        },
                    }
                },
                "text/plain": {"schema": {"type": "string"}},
            },
        }
    },
)
async def post_article(request: Request) -> JSONResponse:
    res = request.app.state.rasad
    ctype = request.headers.get("content-type")
    if body_kind(ctype) is None:
        raise HTTPException(
            status_code=415,
            detail=f"unsupported content type {ctype or '(none)'!r}: send application/json or text/plain",
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > res.max_body:
            raise HTTPException(status_code=413, detail=f"request body too large (limit {res.max_body:,} bytes)")
        chunks.append(chunk)
    body = b"".join(chunks)
    raw = article_from_body(body, request.headers.get("content-type"), max_bytes=res.max_body)

    def work() -> tuple[int, bool, str]:
        doc = res.analyze(raw)
        aid, added = res.stores.get().add(doc)
        return aid, added, doc.doc

    aid, added, doc = await run_in_threadpool(work)
    payload = {"id": aid, "added": added, "doc": doc, "href": f"/api/articles/{aid}"}
    return JSONResponse(payload, status_code=201 if added else 200)


# --- search ------------------------------------------------------------------------------
@router.get("/search", summary="Full-text search over the normalized text (ZWNJ- and letter-insensitive)")
@inline
@json_out
def search(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500, description="words; \"phrase\"; a OR b; -word; prefix*")],
    limit: Limit = 20,
    offset: Offset = 0,
) -> dict[str, Any]:
    st = _store(request)
    hits = st.search(q, limit=limit + 1, offset=offset)
    page = _page(hits, limit, offset, total=st.count_search(q))
    for h in page["items"]:
        h["snippet_parts"] = _snippet_parts(h)
    page["query"] = q
    return page


def _snippet_parts(hit: dict[str, Any]) -> list[list[Any]]:
    """``[[text, is_match], ...]`` from the store's snippet (literal brackets in the text stay text)."""
    text, marks = hit.get("snippet_text"), hit.get("highlights")
    if isinstance(text, str) and isinstance(marks, list) and marks:
        parts: list[list[Any]] = []
        pos = 0
        for m in sorted(marks):
            a, b = max(int(m[0]), pos), min(int(m[1]), len(text))
            if a >= b:
                continue
            parts += [[text[pos:a], False], [text[a:b], True]]
            pos = b
        parts.append([text[pos:], False])
        return [p for p in parts if p[0]]
    snip_html = hit.get("snippet_html")
    if isinstance(snip_html, str):
        parts = snippet_parts(snip_html, "<mark>", "</mark>")
        return [[html.unescape(t), m] for t, m in parts]
    snip = hit.get("snippet")
    return snippet_parts(snip, "[", "]") if isinstance(snip, str) else []


# --- entities ----------------------------------------------------------------------------
@router.get("/entities", summary="Entities, most mentioned first")
@inline
@json_out
def list_entities(
    request: Request,
    limit: Limit = 50,
    offset: Offset = 0,
    type: Annotated[str | None, Query(pattern=r"^[A-Z]{2,10}$", description="PER ORG GPE LOC FAC EVENT")] = None,
    q: Text = None,
) -> dict[str, Any]:
    rows = _store(request).entities(limit=limit + 1, offset=offset, type=type, q=q)
    return _page(rows, limit, offset)


@router.get("/entities/{entity_id:path}", summary="One entity with its mentions, quotes and events")
@json_out
def get_entity(
    request: Request,
    entity_id: str,
    mentions: Annotated[int, Query(ge=0, le=1000, description="mentions returned at most")] = 100,
) -> dict[str, Any]:
    st = _store(request)
    ent = st.entity(entity_id)
    if ent is None:
        raise _not_found("entity", entity_id)
    out = dict(ent)
    listed = ent.get("mentions_list", ent.get("mentions"))
    ms = mention_list(listed if isinstance(listed, list) else [])
    count = ent.get("mentions")
    out.pop("mentions_list", None)
    out["mention_count"] = count if isinstance(count, int) else len(ms)
    out["mentions"] = ms[:mentions]
    _add_mention_contexts(st, out["mentions"])
    out["quotes"] = [with_jalali(dict(q)) for q in ent.get("quotes") or []]
    out["events"] = [_shape_merged(dict(e), brief=True) for e in ent.get("events") or []]
    _add_actors_fa(st, out["events"])
    return out


def _article_id(d: dict[str, Any]) -> int | None:
    v = d.get("article_id", d.get("article"))
    return v if isinstance(v, int) else None


def _add_mention_contexts(st: Store, mentions: list[dict[str, Any]]) -> None:
    """Give the first mentions their sentence (one article read per distinct article)."""
    cache: dict[int, dict[str, Any] | None] = {}
    for m in mentions[:MAX_CONTEXTS]:
        aid = _article_id(m)
        if aid is None:
            continue
        m["article_id"] = aid
        if aid not in cache:
            cache[aid] = st.article(aid)
        art = cache[aid]
        if not art:
            continue
        m.setdefault("doc", art.get("doc"))
        m.setdefault("title", art.get("title"))
        ctx = sentence_context(art.get("text") or "", art.get("sentences") or [], m.get("start", 0), m.get("end", 0))
        if ctx:
            m["context"] = {"text": ctx["text"], "start": ctx["evidence_start"], "end": ctx["evidence_end"]}


# --- quotes and events -------------------------------------------------------------------
@router.get("/quotes", summary="Quotes, filtered by speaker (any name; 404 with suggestions) and date")
@inline
@no_match
@json_out
def list_quotes(
    request: Request,
    speaker: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    st = _store(request)
    rows = st.quotes(speaker=speaker, since=since, until=until, limit=limit + 1, offset=offset)
    total = st.count_quotes(speaker=speaker, since=since, until=until)
    return _page(rows, limit, offset, total, since, until)


# checked by the store as in the CLI: an unknown value is a 400 listing the allowed ones
Type = Annotated[str | None, Query(max_length=40, description="POLECAT type, e.g. CONSULT")]
Status = Annotated[
    str | None,
    Query(max_length=40, description="factuality status: occurred, ongoing, planned, proposed, denied, cancelled"),
]


@router.get("/events", summary="Per-article event reports")
@inline
@no_match
@json_out
def list_events(
    request: Request,
    type: Type = None,
    actor: Text = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict[str, Any]:
    st = _store(request)
    rows = st.events(type=type, actor=actor, status=status, since=since, until=until, limit=limit + 1, offset=offset)
    total = st.count_events(type=type, actor=actor, status=status, since=since, until=until)
    return _page(rows, limit, offset, total, since, until)


@router.get(
    "/timeline",
    summary="Merged (cross-article) events in date order",
    description="`history` lists the reports where the status changed; `/api/timeline/{id}` has every report.",
)
@inline
@no_match
@json_out
def timeline(
    request: Request,
    type: Type = None,
    actor: Text = None,
    status: Status = None,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=999)] = 200,
    offset: Offset = 0,
    order: Annotated[str, Query(pattern="^(oldest|newest)$", description="page from the oldest or newest")] = "oldest",
) -> dict[str, Any]:
    st = _store(request)
    rows = st.timeline(
        actor=actor, type=type, status=status, since=since, until=until, limit=limit + 1, offset=offset, brief=True,
        newest=order == "newest",
    )
    total = st.count_timeline(actor=actor, type=type, status=status, since=since, until=until)
    page = _page(rows, limit, offset, total, since, until)
    page["order"] = order
    for ev in page["items"]:
        _shape_merged(ev, brief=True)
    _add_actors_fa(st, page["items"])
    return page


@router.get("/timeline/{event_id}", summary="One merged event with the sentences that report it")
@json_out
def timeline_event(
    request: Request,
    event_id: Annotated[int, Path(ge=1)],
    reports: Annotated[int, Query(ge=1, le=200, description="reporting articles shown at most")] = 20,
) -> dict[str, Any]:
    st = _store(request)
    ev = _merged_event(st, event_id)
    if ev is None:
        raise _not_found("event", event_id)
    out = _shape_merged(dict(ev))
    _add_actors_fa(st, [out])
    out["reports_detail"] = _reports(st, event_id, out.get("reports") or [], reports)
    return out


def _add_actors_fa(st: Store, events: list[dict[str, Any]]) -> None:
    """``actors_fa``: the Persian label of each actor (``None`` where unknown), one query for all."""
    ids = {i for ev in events for i in ev.get("actor_ids") or [] if isinstance(i, str) and i}
    labels = st.labels_fa(sorted(ids)) if ids else {}
    for ev in events:
        eids = ev.get("actor_ids") or []
        ev["actors_fa"] = [
            labels.get(eids[i]) if i < len(eids) and isinstance(eids[i], str) else None
            for i in range(len(ev.get("actors") or []))
        ]


def _status_changes(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The reports where the status changed (the first report of each run of one status)."""
    out: list[dict[str, Any]] = []
    for h in history:
        if not out or h.get("status") != out[-1].get("status"):
            out.append(h)
    return out


def _shape_merged(ev: dict[str, Any], brief: bool = False) -> dict[str, Any]:
    """Jalali forms (also for months, weeks and years) on a merged event and its history.

    ``brief`` (lists) keeps only the status changes of the history, with ``history_count``
    telling how many reports there are; ``/api/timeline/{id}`` has them all.
    """
    if brief and isinstance(ev.get("history"), list) and "history_count" not in ev:
        ev["history_count"] = len(ev["history"])
        ev["history"] = _status_changes(ev["history"])
    with_jalali(ev)
    if not ev.get("date_jalali_fa"):
        ev["date_jalali_fa"] = jalali_of(ev.get("date"))
    if ev.get("when") and not ev.get("when_jalali_fa"):
        ev["when_jalali_fa"] = jalali_of(ev["when"])
    for h in ev.get("history") or []:
        with_jalali(h)
    return ev


def _merged_event(st: Store, event_id: int) -> dict[str, Any] | None:
    return st.merged_event(event_id)


def _reports(st: Store, event_id: int, article_ids: list[Any], max_articles: int) -> list[dict[str, Any]]:
    """Each article's report of the merged event, with its sentence and evidence offsets."""
    out: list[dict[str, Any]] = []
    seen: set[int] = set()
    for aid in article_ids:
        if isinstance(aid, dict):
            aid = _article_id(aid)
        if not isinstance(aid, int) or aid in seen:
            continue
        seen.add(aid)
        art = st.article(aid)
        if not art:
            continue
        text, sents = art.get("text") or "", art.get("sentences") or []
        for ev in art.get("events") or []:
            if ev.get("merged_id") != event_id:
                continue
            rep = with_jalali(dict(ev))
            rep.update(
                article_id=aid,
                doc=art.get("doc"),
                title=art.get("title"),
                source=art.get("source"),
                published=art.get("published"),
            )
            with_jalali(rep)
            rep["sentence"] = sentence_context(text, sents, ev.get("start") or 0, ev.get("end") or 0)
            out.append(rep)
        if len(seen) >= max_articles:
            break
    return out


@router.get("/stats", summary="Counts: articles, entities, quotes, events, merged events, sources")
@json_out
def stats(request: Request) -> dict[str, Any]:
    s: dict[str, Any] = _store(request).stats()
    return s
