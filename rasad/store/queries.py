"""Read queries of the store; every result is a plain, JSON-ready dict or list.

Dates in filters are ISO (``2025-10-21``; ``since``/``until`` are inclusive and a bare
``2025-10`` works as a prefix).  Event dates are shown both Gregorian and Jalali, e.g.
``2025-10-21`` → ``1404-07-29`` (``۲۹ مهر ۱۴۰۴``).
"""

from __future__ import annotations

import functools
import html
import os
import re
import sqlite3
import threading
from datetime import date as Date
from typing import Any

import jdatetime
import orjson

from rasad.errors import QueryError, StoreError
from rasad.store.finding import FindMixin, NoMatchError, check_status, parse_date
from rasad.store.merging import add_contested, sorted_history
from rasad.store.search import TextCache, TextForms, build_match, highlight_pattern

JALALI_MONTHS = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور",
    "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند",
)
_HTML_SPECIAL = re.compile("[&<>\"']")  # what html.escape changes
_FA_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
MAX_LIMIT = 1000
RANK_WINDOW = 1000  # search ranks (BM25) among this many most recent matches
MAX_ID = 2**63 - 1  # SQLite's largest INTEGER: a bigger id names nothing (and would overflow)


@functools.lru_cache(maxsize=65536)
def to_jalali(value: str | None) -> str | None:
    """Jalali form of an ISO date: ``2025-10-21`` → ``1404-07-29``; a month or year becomes a range."""
    if not value:
        return None
    try:
        if len(value) >= 10:
            return jdatetime.date.fromgregorian(date=Date.fromisoformat(value[:10])).isoformat()
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            first = Date(y, m, 1)
            last = Date(y + (m == 12), m % 12 + 1, 1).toordinal() - 1
            a = jdatetime.date.fromgregorian(date=first).isoformat()
            b = jdatetime.date.fromgregorian(date=Date.fromordinal(last)).isoformat()
            return f"{a}/{b}"
        if len(value) == 4:
            y = int(value)
            a = jdatetime.date.fromgregorian(date=Date(y, 1, 1)).isoformat()
            b = jdatetime.date.fromgregorian(date=Date(y, 12, 31)).isoformat()
            return f"{a}/{b}"
    except (ValueError, OverflowError):
        return None
    return None


@functools.lru_cache(maxsize=65536)
def jalali_fa(value: str | None) -> str | None:
    """Persian reading of an ISO day: ``2025-10-21`` → ``۲۹ مهر ۱۴۰۴``."""
    if not value or len(value) < 10:
        return None
    try:
        j = jdatetime.date.fromgregorian(date=Date.fromisoformat(value[:10]))
    except ValueError:
        return None
    return f"{j.day} {JALALI_MONTHS[j.month - 1]} {j.year}".translate(_FA_DIGITS)


def _page(limit: int, offset: int) -> tuple[int, int]:
    try:
        lim, off = int(limit), int(offset)
    except (TypeError, ValueError) as e:
        raise QueryError(f"limit and offset must be integers: {e}") from e
    if lim < 0 or off < 0:
        raise QueryError("limit and offset must not be negative")
    return min(lim, MAX_LIMIT), off


def _date_filter(col: str, since: str | None, until: str | None, where: list[str], args: list[Any]) -> None:
    """Inclusive date bounds; Gregorian ISO or Jalali (``1404-07-01``, ``1404/07``) dates."""
    s, u = parse_date("since", since), parse_date("until", until, end=True)
    if s:
        where.append(f"{col} >= ?")
        args.append(s.gregorian)
    if u:
        where.append(f"{col} <= ?")
        args.append(u.gregorian + "~")


def _json(s: str | None, default: Any) -> Any:
    if not s:
        return default
    return orjson.loads(s)


def _where(where: list[str]) -> str:
    return " WHERE " + " AND ".join(where) if where else ""


def _qs(values: list[Any]) -> str:
    return ",".join("?" * len(values))


def _plain_and_spans(pieces: list[tuple[str, bool]]) -> tuple[str, list[list[int]]]:
    """Plain snippet text and the ``[start, end)`` spans of its hits, from ``(piece, is_hit)`` pairs."""
    spans: list[list[int]] = []
    at = 0
    for p, hit in pieces:
        if hit:
            spans.append([at, at + len(p)])
        at += len(p)
    return "".join(p for p, _ in pieces), spans


_MERGED_BASE = "m.id, m.type, m.mode, m.actors, m.actor_ids, m.location, m.date, m.sort_date, m.status, m.sources," \
    " m.first_seen, m.last_seen"
_FULL_COLS = _MERGED_BASE + ", m.history"
_BRIEF_COLS = _MERGED_BASE + ", m.changes, m.n_reports, m.article_ids"


def _merged_row(m: dict[str, Any], brief: bool) -> dict[str, Any]:
    """A merged_events row as the timeline shows it (see :meth:`QueryMixin.timeline`)."""
    for k in ("actors", "actor_ids"):
        m[k] = _json(m[k], [])
    if brief:
        m["history"] = _json(m.pop("changes"), [])
        m["history_count"] = m.pop("n_reports")
        reports = _json(m.pop("article_ids"), [])
    else:
        m["history"] = sorted_history(_json(m["history"], []))
        reports = sorted({h["article_id"] for h in m["history"] if h.get("article_id")})
    when = m.pop("sort_date")
    when = None if when == "~" else when
    m["date_gregorian"] = m["date"]
    m["date_jalali"] = to_jalali(m["date"])
    m["date_jalali_fa"] = jalali_fa(m["date"])
    m["when"] = when
    m["when_jalali"] = to_jalali(when)
    m["reports"] = reports
    add_contested(m)
    return m


class QueryMixin(FindMixin):
    """The read side of :class:`rasad.store.Store`."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    _texts: TextCache
    path: str

    # --- articles -----------------------------------------------------------------
    def articles(
        self, limit: int = 20, offset: int = 0, source: str | None = None,
        since: str | None = None, until: str | None = None,
    ) -> list[dict[str, Any]]:
        """Stored articles, newest first (by publication date, then id)."""
        lim, off = _page(limit, offset)
        where: list[str] = []
        args: list[Any] = []
        if source:
            where.append("source = ?")
            args.append(source)
        _date_filter("published", since, until, where, args)
        sql = (
            "SELECT id, doc, title, source, url, path, byline, published, published_source, ingested_at,"
            " length(text) AS chars FROM articles"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY published DESC, id DESC LIMIT ? OFFSET ?"
        )
        return self._all(sql, [*args, lim, off])

    def find_doc(self, doc: str) -> int | None:
        """The id of the most recent article stored under document name ``doc``."""
        row = self._one("SELECT id FROM articles WHERE doc = ? ORDER BY id DESC LIMIT 1", (doc,))
        return int(row["id"]) if row else None

    def article(self, id: int) -> dict[str, Any] | None:
        """One article with its text and spans, or ``None``."""
        if not 0 < int(id) <= MAX_ID:
            return None
        row = self._one("SELECT * FROM articles WHERE id = ?", (int(id),))
        if row is None:
            return None
        aid = row["id"]
        row["sentences"] = _json(row["sentences"], [])
        result = _json(row.pop("result"), {})
        result["text"], result["sentences"] = row["text"], row["sentences"]
        row["result"] = result
        row["timexes"] = self._all(
            'SELECT text, start, "end", type, value, granularity, anchor, calendar FROM timexes'
            " WHERE article_id = ? ORDER BY start",
            (aid,),
        )
        ents = self._all(
            "SELECT e.id, e.name, e.type, e.label_fa FROM article_entities ae JOIN entities e"
            " ON e.id = ae.entity_id WHERE ae.article_id = ?",
            (aid,),
        )
        spans: dict[str, list[dict[str, Any]]] = {}
        for m in self._all(
            'SELECT entity_id, start, "end", text, source FROM mentions WHERE article_id = ? ORDER BY start',
            (aid,),
        ):
            spans.setdefault(m.pop("entity_id"), []).append(m)
        for e in ents:
            e["mentions"] = spans.get(e["id"], [])
        row["entities"] = ents
        row["quotes"] = self._all(
            'SELECT id, speaker, speaker_id, speaker_fa, kind, text, start, "end", cue, cue_start, cue_end,'
            " date, sentence FROM quotes WHERE article_id = ? ORDER BY start",
            (aid,),
        )
        row["events"] = [self._event_row(e) for e in self._all(
            "SELECT e.*, r.merged_id FROM events e LEFT JOIN event_reports r ON r.event_id = e.id"
            " WHERE e.article_id = ? ORDER BY e.start",
            (aid,),
        )]
        return row

    # --- search -------------------------------------------------------------------
    def search(self, query: str, limit: int = 20, offset: int = 0, order: str = "rank") -> list[dict[str, Any]]:
        """Full-text search over titles and normalized texts; hits carry a snippet.

        ``snippet`` marks hits with ``[`` ``]``; ``snippet_html`` is HTML-escaped with
        ``<mark>``; ``snippet_text`` is unmarked and ``highlights`` lists its hit spans.
        ``order`` is ``rank`` (BM25 among the :data:`RANK_WINDOW` most recent matches, so a
        common word stays fast in a million articles) or ``recent`` (newest first).
        """
        lim, off = _page(limit, offset)
        match = build_match(query)
        if order not in ("rank", "recent"):
            raise QueryError(f"order must be 'rank' or 'recent' (got {order!r})")
        if lim == 0:
            return []
        try:
            with self._lock:
                if order == "rank":
                    # BM25 of the most recent matches (one pass over the doclists, newest
                    # first), sorted by SQLite, best first (ties: newest first); only the
                    # page comes back: bounded work however common the words are
                    top = self._conn.execute(
                        "SELECT rowid, rank FROM (SELECT rowid, rank FROM search WHERE search MATCH ?"
                        " ORDER BY rowid DESC LIMIT ?) ORDER BY rank, rowid DESC LIMIT ? OFFSET ?",
                        (match, max(RANK_WINDOW, lim + off), lim, off),
                    ).fetchall()
                else:
                    top = self._conn.execute(
                        "SELECT rowid, rank FROM search WHERE search MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?",
                        (match, lim, off),
                    ).fetchall()
                ranks = {int(rowid): rank for rowid, rank in top}
                found = self._search_rows(tuple(ranks)) if ranks else {}
        except sqlite3.OperationalError as e:
            raise QueryError(f"bad search query {query!r}: {e}") from e
        pattern = highlight_pattern(query)
        rows = []
        for rid, rank in ranks.items():  # in rank order; snippets only for the page's hits
            got = found.get(rid)
            if got is None:
                continue
            r, forms = got
            pieces = [(p.replace("\n", " "), hit) for p, hit in forms.snippet_pieces(pattern)]
            r["rank"] = rank
            r["snippet"] = "".join(f"[{p}]" if hit else p for p, hit in pieces)
            r["snippet_text"], r["highlights"] = _plain_and_spans(pieces)
            if _HTML_SPECIAL.search(r["snippet_text"]):
                r["snippet_html"] = "".join(f"<mark>{html.escape(p)}</mark>" if hit else html.escape(p)
                                            for p, hit in pieces)
            else:  # nothing to escape (most Persian snippets)
                r["snippet_html"] = "".join(f"<mark>{p}</mark>" if hit else p for p, hit in pieces)
            rows.append(r)
        return rows

    def _search_rows(self, ids: tuple[int, ...]) -> dict[int, tuple[dict[str, Any], TextForms]]:
        """The articles ``ids`` (shown columns) with ``(text, search form, offset map)`` each.

        The texts come from :attr:`_texts` when it holds them for the store's version, which is
        read in the same statement as the rows (one snapshot); only the other texts are fetched.
        """
        cached_v, have = self._texts.snapshot(ids)
        miss = [i for i in ids if i not in have] if cached_v is not None else list(ids)
        text_col = f"CASE WHEN id IN ({_qs(miss)}) THEN text END" if miss else "NULL"
        sql = (f"SELECT id, doc, title, source, url, published, {{}} AS _text,"
               f" (SELECT n FROM store_version WHERE id = 1) AS _v FROM articles WHERE id IN ({_qs(list(ids))})")
        rows = self._conn.execute(sql.format(text_col), (*miss, *ids) if miss else ids).fetchall()
        version = rows[0]["_v"] if rows else None
        if len(miss) < len(ids) and (version is None or version != cached_v):  # changed: every text anew
            rows = self._conn.execute(sql.format("text"), ids).fetchall()
            version, have = (rows[0]["_v"] if rows else None), {}
        out = {}
        for row in rows:
            r = dict(row)
            text, _ = r.pop("_text"), r.pop("_v")
            rid = int(r["id"])
            entry = have.get(rid) if text is None else None
            out[rid] = (r, entry or self._texts.put(version, rid, text or ""))
        return out

    def count_search(self, query: str) -> int:
        """How many articles match a search query (all of them, not one page)."""
        match = build_match(query)
        try:
            with self._lock:
                row = self._conn.execute("SELECT count(*) FROM search WHERE search MATCH ?", (match,)).fetchone()
        except sqlite3.OperationalError as e:
            raise QueryError(f"bad search query {query!r}: {e}") from e
        return int(row[0]) if row else 0

    # --- entities -----------------------------------------------------------------
    def entities(
        self, limit: int = 50, offset: int = 0, type: str | None = None, q: str | None = None
    ) -> list[dict[str, Any]]:
        """Entities, most mentioned first; ``q`` is a substring of the English or Persian name."""
        lim, off = _page(limit, offset)
        where: list[str] = []
        args: list[Any] = []
        if type:
            where.append("type = ?")
            args.append(type.upper())
        if q:
            where.append("(name LIKE ? ESCAPE '\\' OR label_fa LIKE ? ESCAPE '\\' OR id = ?)")
            pat = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            args += [pat, pat, q]
        sql = (
            "SELECT id, name, type, label_fa, n_articles AS articles, n_mentions AS mentions FROM entities"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY n_mentions DESC, id LIMIT ? OFFSET ?"
        )
        return self._all(sql, [*args, lim, off])

    def entity(self, id: str, limit: int = 200) -> dict[str, Any] | None:
        """One entity with its mentions, the quotes it said and the merged events it is in."""
        e = self._one(
            "SELECT id, name, type, label_fa, n_articles AS articles, n_mentions AS mentions"
            " FROM entities WHERE id = ?",
            (id,),
        )
        if e is None:
            return None
        lim = min(int(limit), MAX_LIMIT)
        e["mentions_list"] = self._all(
            'SELECT m.article_id, a.doc, a.title, a.published, m.start, m."end", m.text, m.source'
            " FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ?"
            " ORDER BY m.article_id DESC, m.start LIMIT ?",
            (id, lim),
        )
        e["quotes"] = self.quotes(speaker=id, limit=lim)
        e["events"] = self.timeline(actor=id, limit=lim)
        return e

    def labels_fa(self, ids: list[str]) -> dict[str, str | None]:
        """The Persian label of each entity id that is stored (looked up by key, in chunks)."""
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for r in self._all(
                f"SELECT id, label_fa FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                out[r["id"]] = r["label_fa"]
        return out

    # --- quotes -------------------------------------------------------------------
    def _quote_where(
        self, speaker: str | None, since: str | None, until: str | None
    ) -> tuple[list[str], list[Any]]:
        where: list[str] = []
        args: list[Any] = []
        if speaker:
            ids = self.resolve_name(speaker)
            if ids:
                names, labels = self._entity_names(ids)
                where.append(
                    f"(q.speaker_id IN ({_qs(ids)}) OR q.speaker COLLATE NOCASE IN ({_qs(names)})"
                    f" OR q.speaker_fa IN ({_qs(labels)}))"
                )
                args += [*ids, *names, *labels]
            else:  # a speaker with no entity (``a senior official``): part of the stored name
                pat = "%" + speaker.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                cond = "(q.speaker_id = ? OR q.speaker LIKE ? ESCAPE '\\' OR q.speaker_fa LIKE ? ESCAPE '\\')"
                if not self._one(f"SELECT 1 AS x FROM quotes q WHERE {cond} LIMIT 1", [speaker, pat, pat]):
                    raise NoMatchError("speaker", speaker, self.suggest_names(speaker))
                where.append(cond)
                args += [speaker, pat, pat]
        _date_filter("q.eff_date", since, until, where, args)
        return where, args

    def quotes(
        self, speaker: str | None = None, since: str | None = None, until: str | None = None,
        limit: int = 50, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Quotes, newest first; ``speaker`` is any name of the speaker (see :meth:`resolve_name`)."""
        lim, off = _page(limit, offset)
        where, args = self._quote_where(speaker, since, until)
        sql = (
            'SELECT q.id, q.article_id, a.doc, a.title, a.published, q.speaker, q.speaker_id, q.speaker_fa,'
            ' q.kind, q.text, q.start, q."end", q.cue, q.date FROM quotes q JOIN articles a'
            " ON a.id = q.article_id"
            + _where(where)
            + " ORDER BY q.eff_date DESC, q.id DESC LIMIT ? OFFSET ?"
        )
        return self._all(sql, [*args, lim, off])

    def count_quotes(self, speaker: str | None = None, since: str | None = None, until: str | None = None) -> int:
        """How many quotes :meth:`quotes` would list without paging."""
        where, args = self._quote_where(speaker, since, until)
        return self._count(f"SELECT count(*) AS n FROM quotes q{_where(where)}", args)

    def _count(self, sql: str, args: list[Any]) -> int:
        row = self._one(sql, args)
        return int(row["n"]) if row else 0

    def _entity_names(self, ids: list[str]) -> tuple[list[str], list[str]]:
        rows = self._all(f"SELECT name, label_fa FROM entities WHERE id IN ({_qs(ids)})", ids)
        names = [r["name"] for r in rows if r["name"]] or [""]
        labels = [r["label_fa"] for r in rows if r["label_fa"]] or [""]
        return names, labels

    # --- events -------------------------------------------------------------------
    @staticmethod
    def _event_row(e: dict[str, Any]) -> dict[str, Any]:
        e["actors"] = _json(e.get("actors"), [])
        e["actor_ids"] = _json(e.get("actor_ids"), [])
        e.pop("eff_date", None)
        return e

    def _actor_keys(self, actor: str) -> tuple[list[str], list[str]]:
        """Names and ids an actor filter stands for (any name of the entity, or the id)."""
        ids = self.resolve_name(actor)
        if not ids:
            if self._one("SELECT 1 AS x FROM event_actors WHERE actor = ? COLLATE NOCASE OR actor_id = ? LIMIT 1",
                         (actor, actor)):
                return [actor], [actor]
            raise NoMatchError("actor", actor, self.suggest_names(actor))
        names, _ = self._entity_names(ids)
        return [actor, *names], [actor, *ids]

    def _event_filters(
        self, alias: str, actor_table: str, key: str,
        type: str | None, status: str | None, actor: str | None,
    ) -> tuple[list[str], list[Any]]:
        """WHERE clauses for the type, status and actor filters shared by events and the timeline."""
        where: list[str] = []
        args: list[Any] = []
        t, st = self.check_type(type), check_status(status)
        if t:
            where.append(f"{alias}.type = ?")
            args.append(t)
        if st:
            where.append(f"{alias}.status = ?")
            args.append(st)
        if actor:
            names, ids = self._actor_keys(actor)
            where.append(
                f"{alias}.id IN (SELECT {key} FROM {actor_table} WHERE actor COLLATE NOCASE IN"
                f" ({_qs(names)}) OR actor_id IN ({_qs(ids)}))"
            )
            args += [*names, *ids]
        return where, args

    def events(
        self, type: str | None = None, actor: str | None = None, status: str | None = None,
        since: str | None = None, until: str | None = None, limit: int = 50, offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Per-article event reports, newest first, each with the id of its merged event."""
        lim, off = _page(limit, offset)
        where, args = self._event_filters("e", "event_actors", "event_id", type, status, actor)
        _date_filter("e.eff_date", since, until, where, args)
        sql = (
            "SELECT e.*, r.merged_id, a.doc, a.title, a.published FROM events e"
            " JOIN articles a ON a.id = e.article_id LEFT JOIN event_reports r ON r.event_id = e.id"
            + _where(where)
            + " ORDER BY e.eff_date DESC, e.id DESC LIMIT ? OFFSET ?"
        )
        return [self._event_row(e) for e in self._all(sql, [*args, lim, off])]

    def count_events(
        self, type: str | None = None, actor: str | None = None, status: str | None = None,
        since: str | None = None, until: str | None = None,
    ) -> int:
        """How many event reports :meth:`events` would list without paging."""
        where, args = self._event_filters("e", "event_actors", "event_id", type, status, actor)
        _date_filter("e.eff_date", since, until, where, args)
        return self._count(f"SELECT count(*) AS n FROM events e{_where(where)}", args)

    def timeline(
        self, actor: str | None = None, type: str | None = None, status: str | None = None,
        since: str | None = None, until: str | None = None, limit: int = 500, offset: int = 0,
        brief: bool = False, newest: bool = False,
    ) -> list[dict[str, Any]]:
        """Merged (cross-article) events in date order with Jalali/Gregorian dates and status history.

        ``brief`` (for lists): ``history`` holds only the reports where the status changed and
        ``history_count`` tells how many reports there are; read from summary columns kept on
        ingest, so the cost does not grow with the reports of big stories.  ``newest``: the
        newest events first (paging from the recent end).
        """
        lim, off = _page(limit, offset)
        where, args = self._timeline_where(actor, type, status, since, until)
        order = "m.sort_date DESC, m.id DESC" if newest else "m.sort_date, m.id"
        sql = (
            f"SELECT {_BRIEF_COLS if brief else _FULL_COLS} FROM merged_events m"
            + _where(where)
            + f" ORDER BY {order} LIMIT ? OFFSET ?"
        )
        rows = [_merged_row(m, brief) for m in self._all(sql, [*args, lim, off])]
        self._add_outlets(rows)
        return rows

    def _timeline_where(
        self, actor: str | None, type: str | None, status: str | None, since: str | None, until: str | None
    ) -> tuple[list[str], list[Any]]:
        where, args = self._event_filters("m", "merged_actors", "merged_id", type, status, actor)
        _date_filter("m.sort_date", since, until, where, args)
        if since:
            where.append("m.sort_date != '~'")
        return where, args

    def count_timeline(
        self, actor: str | None = None, type: str | None = None, status: str | None = None,
        since: str | None = None, until: str | None = None,
    ) -> int:
        """How many merged events :meth:`timeline` would list without paging."""
        where, args = self._timeline_where(actor, type, status, since, until)
        return self._count(f"SELECT count(*) AS n FROM merged_events m{_where(where)}", args)

    def _add_outlets(self, rows: list[dict[str, Any]]) -> None:
        """Independent sources of each merged event: ``articles`` (reporting articles),
        ``stories`` (distinct stories: near copies of one wire story count once), ``outlets``
        (distinct sources), ``sources`` (= ``stories``); each claim gets its ``outlet``."""
        aids = sorted({a for m in rows for a in m.get("reports") or [] if isinstance(a, int)})
        src: dict[int, str | None] = {}
        story: dict[int, int] = {}
        for i in range(0, len(aids), 500):
            chunk = aids[i : i + 500]
            for r in self._all(
                f"SELECT id, source, coalesce(story_id, id) AS story FROM articles WHERE id IN ({_qs(chunk)})", chunk
            ):
                src[int(r["id"])] = r["source"]
                story[int(r["id"])] = int(r["story"])
        for m in rows:
            for c in m.get("claims") or []:
                c["outlet"] = src.get(c.get("article_id") or 0)
            reps = [a for a in m.get("reports") or [] if isinstance(a, int)]
            if not reps:
                continue
            m["articles"] = len(reps)
            m["stories"] = len({story.get(a, a) for a in reps})
            m["outlets"] = len({src.get(a) or f"#{a}" for a in reps})
            m["sources"] = m["stories"]

    def merged_event(self, id: int) -> dict[str, Any] | None:
        """One merged event (as in :meth:`timeline`, with its whole history) or ``None``."""
        if not 0 < int(id) <= MAX_ID:
            return None
        row = self._one(f"SELECT {_FULL_COLS} FROM merged_events m WHERE m.id = ?", (int(id),))
        if not row:
            return None
        out = _merged_row(row, False)
        self._add_outlets([out])
        return out

    def version(self) -> int:
        """A number that changes whenever an article is stored or removed (for caching answers)."""
        try:
            with self._lock:
                row = self._conn.execute("SELECT n FROM store_version WHERE id = 1").fetchone()
        except sqlite3.Error as e:
            raise StoreError(f"cannot read {self.path}: {e}") from e
        return int(row[0]) if row else 0

    # --- stats --------------------------------------------------------------------
    def stats(self) -> dict[str, Any]:
        """Counts of everything stored, with events by type and articles by source."""
        def count(table: str) -> int:
            row = self._one(f"SELECT count(*) AS n FROM {table}")
            return int(row["n"]) if row else 0

        out: dict[str, Any] = {
            t: count(t) for t in ("articles", "entities", "mentions", "timexes", "quotes", "events", "merged_events")
        }
        span = self._one("SELECT min(published) AS first, max(published) AS last FROM articles") or {}
        out["first_published"], out["last_published"] = span.get("first"), span.get("last")
        out["sources"] = {
            (r["source"] or ""): r["n"]
            for r in self._all("SELECT source, count(*) AS n FROM articles GROUP BY source ORDER BY n DESC")
        }
        out["event_types"] = {
            r["type"]: r["n"] for r in self._all("SELECT type, count(*) AS n FROM events GROUP BY type ORDER BY n DESC")
        }
        out["event_status"] = {
            (r["status"] or ""): r["n"]
            for r in self._all("SELECT status, count(*) AS n FROM events GROUP BY status ORDER BY n DESC")
        }
        out["entity_types"] = {
            r["type"]: r["n"] for r in self._all("SELECT type, count(*) AS n FROM entities GROUP BY type ORDER BY n DESC")
        }
        out["db_path"] = self.path
        out["db_bytes"] = os.path.getsize(self.path) if self.path != ":memory:" and os.path.exists(self.path) else 0
        return out
