"""Cross-article event merging as the store applies it on ingest.

A *report* is one article's event (a dict with ``type, mode, actors, actor_ids, location,
date, status, published, article_id, doc``); a *merged event* groups the reports of one
real-world occurrence and keeps the history of their statuses, so a summit first ``planned``
and later ``cancelled`` shows both.

The decision "does this report belong to that merged event?" is :func:`compatible`; it uses
``rasad.events.merge.compatible`` (exact actor sets, phone ≠ meeting, dates nested, unknown
dates within 14 days) when that module is present, and the simple rules below otherwise (same type; same actors, order-free for CONSULT/AGREE and with
the same source for one-sided types, or one set inside the other with two actors in common;
dates equal, nested, one day apart, or — when a date is unknown — reports published within
:data:`WINDOW_DAYS` days; no conflicting location).
"""

from __future__ import annotations

import json
from datetime import date as Date
from functools import lru_cache
from typing import Any

from rasad.model import Event

SYMMETRIC = frozenset({"CONSULT", "AGREE"})
WINDOW_DAYS = 30

Report = dict[str, Any]


def _day(s: str | None) -> Date | None:
    if not s or len(s) < 10:
        return None
    try:
        return Date.fromisoformat(s[:10])
    except ValueError:
        return None


def _actors_ok(kind: str, a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if kind not in SYMMETRIC and a[0] != b[0]:
        return False
    sa, sb = set(a), set(b)
    if sa == sb:
        return True
    return (sa <= sb or sb <= sa) and len(sa & sb) >= 2


def dates_ok(a: str | None, b: str | None, seen_a: str | None, seen_b: str | None) -> bool:
    """Event dates agree (equal, nested like ``2025-08`` ⊃ ``2025-08-15``, or one day apart).

    With a date missing, the articles' publication dates must be within :data:`WINDOW_DAYS`.
    """
    if a and b:
        if a.startswith(b) or b.startswith(a):
            return True
        da, db = _day(a), _day(b)
        return da is not None and db is not None and abs((da - db).days) <= 1
    pa, pb = _day(seen_a), _day(seen_b)
    if pa is None or pb is None:
        return True
    return abs((pa - pb).days) <= WINDOW_DAYS


def simple_compatible(report: Report, merged: Report) -> bool:
    """The store's own rule (see the module docstring)."""
    if report["type"] != merged["type"]:
        return False
    if not _actors_ok(report["type"], list(report["actors"]), list(merged["actors"])):
        return False
    loc_a, loc_b = report.get("location"), merged.get("location")
    if loc_a and loc_b and loc_a != loc_b:
        return False
    return dates_ok(report.get("date"), merged.get("date"), report.get("published"), merged.get("last_seen"))


@lru_cache(maxsize=1)
def _external() -> Any:
    """The events engineer's ``rasad.events.merge`` module if it is there (looked up once)."""
    try:
        from rasad.events import merge as ext
    except ImportError:
        return None
    if not (callable(getattr(ext, "compatible", None)) and hasattr(ext, "Report")):
        return None
    return ext


def _as_event(d: Report) -> Event:
    return Event(
        type=d["type"], actors=list(d["actors"]), status=d.get("status") or "", evidence="", start=0, end=0,
        mode=d.get("mode"), location=d.get("location"), date=d.get("date"),
        actor_ids=list(d.get("actor_ids") or []),
    )


def compatible(report: Report, merged: Report) -> bool:
    """Whether ``report`` is another account of ``merged``.

    Uses ``rasad.events.merge.compatible`` (on a report standing for the merged event: its
    type, actors, place, best date and latest publication date) when that module exists,
    else :func:`simple_compatible`.
    """
    ext = _external()
    if ext is not None:
        try:
            a = ext.Report(str(report.get("doc") or ""), report.get("published"), _as_event(report))
            b = ext.Report("", merged.get("last_seen"), _as_event(merged))
            return bool(ext.compatible(a, b))
        except (KeyError, TypeError, AttributeError, ValueError):
            pass
    return simple_compatible(report, merged)


def _more_specific(a: str | None, b: str | None) -> str | None:
    ext = _external()
    fn = getattr(ext, "more_specific", None) if ext is not None else None
    if callable(fn):
        return fn(a, b)  # type: ignore[no-any-return]
    if not a:
        return b
    if not b:
        return a
    return b if len(b) > len(a) and b.startswith(a) else a


def history_entry(report: Report) -> dict[str, Any]:
    return {
        "status": report.get("status"),
        "date": report.get("date"),
        "published": report.get("published"),
        "article_id": report.get("article_id"),
        "doc": report.get("doc"),
        "event_id": report.get("event_id"),
    }


def new_merged(report: Report) -> Report:
    """A merged event made of one report (its ``history`` holds that report's entry)."""
    return {
        "type": report["type"],
        "mode": report.get("mode"),
        "actors": list(report["actors"]),
        "actor_ids": list(report.get("actor_ids") or []),
        "location": report.get("location"),
        "date": report.get("date"),
        "status": report.get("status"),
        "history": [history_entry(report)],
        "first_seen": report.get("published"),
        "last_seen": report.get("published"),
    }


def merge_into(merged: Report, report: Report) -> Report:
    """``merged`` updated with one more report (a new dict, without ``history``).

    Actors are united (order kept), the most specific date wins, the first known mode and
    location are kept, and the status is that of the most recently published report (a
    late-arriving older report does not override a newer status).  The caller appends
    :func:`history_entry` ``(report)`` to the stored history.
    """
    out = {k: v for k, v in merged.items() if k != "history"}
    actors = list(merged["actors"])
    ids = list(merged.get("actor_ids") or [])
    rid = report.get("actor_ids") or []
    for i, a in enumerate(report["actors"]):
        if a not in actors:
            actors.append(a)
            if i < len(rid) and rid[i] not in ids:
                ids.append(rid[i])
    out["actors"], out["actor_ids"] = actors, ids
    out["mode"] = merged.get("mode") or report.get("mode")
    out["location"] = merged.get("location") or report.get("location")
    out["date"] = _more_specific(merged.get("date"), report.get("date"))
    pub, last, first = report.get("published"), merged.get("last_seen"), merged.get("first_seen")
    if (pub or "") >= (last or ""):
        out["status"] = report.get("status") or merged.get("status")
    out["last_seen"] = max(x for x in (pub, last) if x) if (pub or last) else None
    out["first_seen"] = min(x for x in (pub, first) if x) if (pub or first) else None
    return out


def sorted_history(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """History entries oldest first (by publication date, then article id)."""
    return sorted(history, key=lambda h: (h.get("published") or "", int(h.get("article_id") or 0)))


def status_changes(history: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The entries of the date-ordered history where the status changed (the first of each run)."""
    out: list[dict[str, Any]] = []
    for h in sorted_history(history):
        if not out or h.get("status") != out[-1].get("status"):
            out.append(h)
    return out


def _loads_list(history_json: str | None) -> list[dict[str, Any]]:
    value = json.loads(history_json) if history_json else []
    return [h for h in value if isinstance(h, dict)] if isinstance(value, list) else []


def sql_status_changes(history_json: str | None) -> str:
    """SQL function ``rasad_status_changes(history)``: :func:`status_changes` as JSON."""
    return json.dumps(status_changes(_loads_list(history_json)), ensure_ascii=False, separators=(",", ":"))


def sql_article_ids(history_json: str | None) -> str:
    """SQL function ``rasad_article_ids(history)``: the sorted distinct reporting article ids as JSON."""
    ids = sorted({h["article_id"] for h in _loads_list(history_json) if isinstance(h.get("article_id"), int)})
    return json.dumps(ids)


#: a report saying the event took place (or is taking place) ...
HAPPENED = frozenset({"occurred", "ongoing"})
#: ... against one saying it did not, or will not (a plan followed by a cancellation is news, not a dispute)
NOT_HAPPENED = frozenset({"denied", "cancelled"})


def is_contested(statuses: set[str]) -> bool:
    """Reports disagree on whether the event happened: occurred/ongoing against denied/cancelled,
    or planned/proposed against denied."""
    if statuses & HAPPENED and statuses & NOT_HAPPENED:
        return True
    return bool(statuses & {"planned", "proposed"}) and "denied" in statuses


def add_contested(m: dict[str, Any]) -> dict[str, Any]:
    """``contested`` (bool), ``state`` (``contested`` or the status) and ``claims`` — who says what:
    one ``{status, article_id, doc, published, event_id}`` per report in ``history`` (in a brief
    row only the reports where the status changed)."""
    history = [h for h in m.get("history") or [] if isinstance(h, dict)]
    statuses = {str(h["status"]) for h in history if h.get("status")}
    m["contested"] = is_contested(statuses)
    m["state"] = "contested" if m["contested"] else m.get("status")
    m["claims"] = [
        {k: h.get(k) for k in ("status", "article_id", "doc", "published", "event_id")} for h in history
    ] if m["contested"] else []
    return m
