"""Endpoints for positions over time and search by meaning (``/api/positions``, ``/api/issues``,
``/api/semantic``), included in the app beside the main router."""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import Response

from rasad.api.routes import FastJSON, Limit, Offset, Since, Until, _store, json_out
from rasad.api.shape import with_jalali
from rasad.errors import QueryError

router = APIRouter(prefix="/api")
_lock = threading.Lock()

Stance = Annotated[str | None, Query(pattern=r"^(supports|opposes|conditions|neutral)$")]


@router.get("/issues", summary="The issues positions are read on, with their Persian forms")
@json_out
def issues(request: Request) -> dict[str, Any]:
    lex = _lexicon(request)
    return {"items": [{"id": i, "label": lex.labels[i], "forms": lex.forms[i]} for i in sorted(lex.labels)]}


@router.get("/positions", summary="Where each actor stands on each issue over time, changes flagged")
@json_out
def positions(
    request: Request,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    issue: Annotated[str | None, Query(max_length=60)] = None,
    stance: Stance = None,
    since: Since = None,
    until: Until = None,
    changes: bool = False,
    limit: Limit = 200,
    offset: Offset = 0,
) -> dict[str, Any]:
    from rasad.positions.collect import positions_from_store

    rows = positions_from_store(_store(request), actor=actor, issue=issue, stance=stance, since=since,
                                until=until, lexicon=_lexicon(request), changes_only=changes)
    page = [with_jalali(p.to_dict()) for p in rows[offset : offset + limit]]
    return {"items": page, "total": len(rows), "limit": limit, "offset": offset,
            "next_offset": offset + limit if offset + limit < len(rows) else None}


@router.get("/semantic", summary="Search by meaning (English or Persian), fused with word search")
@json_out
def semantic(
    request: Request,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    hybrid: bool = True,
) -> dict[str, Any]:
    from rasad.semantic import SemanticUnavailable

    ix = _index(request)
    try:
        hits = ix.search(q, limit=limit, hybrid=hybrid)
    except SemanticUnavailable as e:
        raise HTTPException(status_code=503, detail=str(e)) from None
    except QueryError as e:
        raise HTTPException(status_code=400, detail=str(e)) from None
    return {"items": [with_jalali(h) for h in hits], "query": q, "pending": ix.pending()}


_MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson; charset=utf-8",
          "geojson": "application/geo+json", "timelinejs": "application/json", "graphml": "application/graphml+xml"}


@router.get("/export/{kind}", summary="Events, timeline, quotes, entities or the who-met-whom graph as a file")
def export_file(
    request: Request,
    kind: Annotated[str, Path(pattern=r"^(events|timeline|quotes|entities|graph)$")],
    format: Annotated[str | None, Query(pattern=r"^(csv|jsonl|geojson|timelinejs|graphml)$")] = None,
    type: Annotated[str | None, Query(max_length=20)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    status: Annotated[str | None, Query(max_length=20)] = None,
    speaker: Annotated[str | None, Query(max_length=200)] = None,
    since: Since = None,
    until: Until = None,
) -> Response:
    import io

    from rasad.export import export, filters_for

    fmt = format or ("graphml" if kind == "graph" else "csv")
    filters = filters_for(kind, type=type, actor=actor, status=status, speaker=speaker, since=since, until=until)
    buf = io.StringIO()
    try:
        export(_store(request), kind, fmt, buf, **filters)
    except QueryError as e:
        raise HTTPException(status_code=400, detail=str(e)) from None
    ext = {"timelinejs": "json"}.get(fmt, fmt)
    return Response(buf.getvalue().encode("utf-8"), media_type=_MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="rasad-{kind}.{ext}"'})


def _lexicon(request: Request) -> Any:
    state = request.app.state
    with _lock:
        lex = getattr(state, "positions_lexicon", None)
        if lex is None:
            from rasad.positions import Lexicon

            lex = state.positions_lexicon = Lexicon.load()
    return lex


def _index(request: Request) -> Any:
    """One semantic index per app: its vector matrix and model are shared by the server's threads."""
    state = request.app.state
    with _lock:
        ix = getattr(state, "semantic_index", None)
        if ix is None:
            from rasad.semantic import SemanticIndex

            ix = state.semantic_index = SemanticIndex(_store(request))
    return ix


__all__ = ["FastJSON", "router"]
