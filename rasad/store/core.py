"""The :class:`Store`: opening, migrating and writing (one transaction per article).

    >>> import rasad
    >>> from rasad.store import Store
    >>> art = rasad.analyze("وزیر امور خارجه روز دوشنبه گفت که مذاکرات ادامه دارد.", doc="x")
    >>> with Store.open(":memory:") as st:
    ...     first, again = st.add(art), st.add(art)
    >>> first[1], again[1], first[0] == again[0]
    (True, False, True)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import sqlite3
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from rasad.errors import StoreError
from rasad.model import Article, Entity
from rasad.store import merging, neardup
from rasad.store.queries import QueryMixin
from rasad.store.schema import MIGRATIONS, MIGRATIONS_TABLE
from rasad.store.search import TextCache, joined_form, search_form

__all__ = ["Store", "content_hash", "default_db_path", "search_form"]

DEFAULT_DB = "rasad.db"
MERGE_CANDIDATES = 50


def default_db_path() -> str:
    """``$RASAD_DB`` if set, else ``./rasad.db``."""
    return os.environ.get("RASAD_DB") or DEFAULT_DB


def content_hash(raw: str) -> str:
    """SHA-256 of the article's text with line endings unified and outer whitespace stripped."""
    body = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _dumps(x: Any) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


class Store(QueryMixin):
    """A rasad database (SQLite).  Use :meth:`open`; close it or use it as a context manager.

    One connection per store, guarded by a lock, so one store object may be shared by the
    threads of a web server.  File databases use WAL, so readers don't wait for an ingest.
    """

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self._lock = threading.RLock()
        self._texts = TextCache()  # texts shown by search results, with their search forms
        self.path = path

    # --- opening ------------------------------------------------------------
    @classmethod
    def open(
        cls, path: str | os.PathLike[str] | None = None, *, migrate: bool = True, must_exist: bool = False
    ) -> Store:
        """Open (creating if needed) the database at ``path`` and apply missing migrations.

        ``must_exist`` (read commands): refuse a path with no database instead of creating one.
        """
        p = str(path) if path is not None else default_db_path()
        if must_exist and p != ":memory:" and not Path(p).expanduser().is_file():
            raise StoreError(f"no database at {p} (make one with `rasad ingest PATH --db {p}`)")
        if p != ":memory:":
            parent = Path(p).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"cannot open database {p}: folder {parent} does not exist")
            if Path(p).is_dir():
                raise StoreError(f"cannot open database {p}: it is a folder")
        try:
            conn = sqlite3.connect(p, isolation_level=None, check_same_thread=False, timeout=30)
            conn.row_factory = sqlite3.Row
            conn.create_function("rasad_search_form", 1, search_form, deterministic=True)
            conn.create_function("rasad_joined_form", 1, joined_form, deterministic=True)
            conn.create_function("rasad_status_changes", 1, merging.sql_status_changes, deterministic=True)
            conn.create_function("rasad_article_ids", 1, merging.sql_article_ids, deterministic=True)
            conn.execute("PRAGMA foreign_keys = ON")
            if p != ":memory:":
                _use_wal(conn)
                conn.execute("PRAGMA synchronous = NORMAL")
        except sqlite3.Error as e:
            raise StoreError(f"cannot open database {p}: {e}") from e
        store = cls(conn, p)
        try:
            if migrate:
                store.migrate()
            else:
                conn.execute(MIGRATIONS_TABLE)
        except BaseException:
            conn.close()
            raise
        return store

    def map_for_reading(self, nbytes: int = 256 * 1024 * 1024) -> None:
        """Let SQLite read the first ``nbytes`` of the file through a memory map (``PRAGMA
        mmap_size``): a server's read connections then share the OS page cache instead of each
        copying pages (long article texts span several) into its own cache."""
        if self.path != ":memory:":
            with self._lock:
                self._conn.execute(f"PRAGMA mmap_size = {int(nbytes)}")

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, ev: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # --- migrations -----------------------------------------------------------
    def migrations(self) -> list[dict[str, str]]:
        """Applied migrations, in order: ``[{"name", "applied_at"}]``."""
        with self._lock:
            rows = self._conn.execute("SELECT name, applied_at FROM migrations ORDER BY name").fetchall()
        return [dict(r) for r in rows]

    def pending_migrations(self) -> list[str]:
        done = {m["name"] for m in self.migrations()}
        return [name for name, _ in MIGRATIONS if name not in done]

    def migrate(self) -> list[str]:
        """Apply the missing migrations (each in its own transaction); return their names.

        Safe when several processes open one new store at once: each migration is checked
        again under the write lock (``BEGIN IMMEDIATE``) before it is applied.
        """
        applied: list[str] = []
        with self._lock:
            try:
                self._conn.execute(MIGRATIONS_TABLE)
                done = {r[0] for r in self._conn.execute("SELECT name FROM migrations")}
            except sqlite3.Error as e:
                raise StoreError(f"cannot use database {self.path}: {e}") from e
            for name, sql in MIGRATIONS:
                if name in done:
                    continue
                try:
                    # the write lock first, then the check again: another process opening the
                    # same new store at the same moment may have applied it meanwhile
                    self._conn.execute("BEGIN IMMEDIATE")
                    if self._conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                        self._conn.execute("COMMIT")
                        continue
                    for stmt in _statements(sql):
                        self._conn.execute(stmt)
                    self._conn.execute(
                        "INSERT INTO migrations(name, applied_at) VALUES (?, ?)", (name, _now())
                    )
                    self._conn.execute("COMMIT")
                except sqlite3.Error as e:
                    if self._conn.in_transaction:
                        self._conn.execute("ROLLBACK")
                    raise StoreError(f"migration {name} failed: {e}") from e
                applied.append(name)
        return applied

    # --- writing ----------------------------------------------------------------
    def has_hash(self, h: str) -> bool:
        """Whether an article with content hash ``h`` (see :func:`content_hash`) is stored."""
        with self._lock:
            return self._conn.execute("SELECT 1 FROM articles WHERE hash = ?", (h,)).fetchone() is not None

    def id_for_hash(self, h: str) -> int | None:
        with self._lock:
            row = self._conn.execute("SELECT id FROM articles WHERE hash = ?", (h,)).fetchone()
        return int(row[0]) if row else None

    def add(self, article: Article, *, digest: str | None = None) -> tuple[int, bool]:
        """Store an analyzed article in one transaction; ``(id, added)``.

        Adding an article whose content hash is already stored writes nothing and returns
        ``(existing id, False)``.  On any error the transaction is rolled back (nothing of the
        article stays) and a :class:`~rasad.errors.StoreError` is raised.  ``digest`` is the
        :func:`content_hash` of the raw text as read, if the caller computed it before analysis.
        """
        h = digest or content_hash(article.raw)
        with self._lock:
            existing = self.id_for_hash(h)
            if existing is not None:
                return existing, False
            conn = self._conn
            try:
                conn.execute("BEGIN IMMEDIATE")
                aid = self._write(article, h)
                conn.execute("COMMIT")
            except sqlite3.IntegrityError as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                again = self.id_for_hash(h)
                if again is not None:  # another writer stored it meanwhile
                    return again, False
                raise StoreError(f"cannot store {article.doc or 'article'}: {e}") from e
            except sqlite3.Error as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"cannot store {article.doc or 'article'}: {e}") from e
            except Exception as e:  # bad data from a stage (e.g. not JSON-serializable)
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise StoreError(f"cannot store {article.doc or 'article'}: {type(e).__name__}: {e}") from e
            except BaseException:  # KeyboardInterrupt: roll back and stop
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            return aid, True

    def _write(self, a: Article, h: str) -> int:
        result = result_dict(a)
        form = search_form(a.text or a.raw)
        sk = neardup.sketch(form)
        story = self._story_of(sk)
        cur = self._conn.execute(
            "INSERT INTO articles(doc, hash, path, url, source, byline, title, published, published_source,"
            " raw, text, sentences, ingested_at, result, story_id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                a.doc or "", h, a.path, a.url, a.source, a.byline, a.title, a.published,
                a.published_source, a.raw, a.text, _dumps([[s.start, s.end] for s in a.sentences]),
                _now(), _dumps(result), story,
            ),
        )
        aid = int(cur.lastrowid or 0)
        if sk:
            self._conn.executemany("INSERT INTO article_sketch(h, article_id) VALUES (?, ?)", [(x, aid) for x in sk])
        self._write_spans(aid, a)
        self._write_events(aid, a)
        self._conn.execute(
            "INSERT INTO search(rowid, title, body, joined) VALUES (?,?,?,?)",
            (aid, search_form(a.title or ""), form, joined_form(form)),
        )
        return aid

    def _story_of(self, sk: list[int]) -> int | None:
        """The story (first article) a new text is a near copy of, or ``None``."""
        if not sk:
            return None
        cands = self._conn.execute(
            f"SELECT article_id, count(*) AS n FROM article_sketch WHERE h IN ({','.join('?' * len(sk))})"
            " GROUP BY article_id HAVING n >= ? ORDER BY n DESC, article_id LIMIT 5",
            (*sk, neardup.MIN_SHARED),
        ).fetchall()
        for aid, _ in cands:
            other = [r[0] for r in self._conn.execute("SELECT h FROM article_sketch WHERE article_id = ?", (aid,))]
            if neardup.jaccard(sk, other) >= neardup.THRESHOLD:
                row = self._conn.execute("SELECT coalesce(story_id, id) FROM articles WHERE id = ?", (aid,)).fetchone()
                return int(row[0]) if row else None
        return None

    def _write_spans(self, aid: int, a: Article) -> None:
        c = self._conn
        c.executemany(
            'INSERT INTO timexes(article_id, text, start, "end", type, value, granularity, anchor, calendar)'
            " VALUES (?,?,?,?,?,?,?,?,?)",
            [(aid, t.text, t.start, t.end, t.type, t.value, t.granularity, t.anchor, t.calendar) for t in a.timexes],
        )
        by_id: dict[str, Entity] = {}
        for e in a.entities:
            eid = e.id or f"rasad:{e.name}"
            if eid in by_id:
                by_id[eid].mentions.extend(e.mentions)
            else:
                by_id[eid] = Entity(eid, e.name, e.type, e.label_fa, list(e.mentions))
        c.executemany(
            "INSERT INTO entities(id, name, type, label_fa, n_articles, n_mentions) VALUES (?,?,?,?,1,?)"
            " ON CONFLICT(id) DO UPDATE SET n_articles = n_articles + 1,"
            " n_mentions = n_mentions + excluded.n_mentions,"
            " label_fa = coalesce(label_fa, excluded.label_fa)",
            [(eid, e.name, e.type, e.label_fa, len(e.mentions)) for eid, e in by_id.items()],
        )
        c.executemany(
            "INSERT INTO article_entities(article_id, entity_id) VALUES (?, ?)", [(aid, eid) for eid in by_id]
        )
        c.executemany(
            'INSERT INTO mentions(article_id, entity_id, start, "end", text, source) VALUES (?,?,?,?,?,?)',
            [(aid, eid, m.start, m.end, m.text, m.source) for eid, e in by_id.items() for m in e.mentions],
        )
        c.executemany(
            'INSERT INTO quotes(article_id, speaker, speaker_id, speaker_fa, kind, text, start, "end", cue,'
            " cue_start, cue_end, date, eff_date, sentence) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (aid, q.speaker, q.speaker_id, q.speaker_fa, q.kind, q.text, q.start, q.end, q.cue,
                 q.cue_start, q.cue_end, q.date, q.date or a.published, q.sentence)
                for q in a.quotes
            ],
        )

    def _write_events(self, aid: int, a: Article) -> None:
        c = self._conn
        for ev in a.events:
            cur = c.execute(
                'INSERT INTO events(article_id, type, mode, actors, actor_ids, location, location_id, date,'
                ' eff_date, status, evidence, start, "end", cameo, trigger, sentence)'
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (aid, ev.type, ev.mode, _dumps(ev.actors), _dumps(ev.actor_ids), ev.location, ev.location_id,
                 ev.date, ev.date or a.published, ev.status, ev.evidence, ev.start, ev.end, ev.cameo,
                 ev.trigger, ev.sentence),
            )
            eid = int(cur.lastrowid or 0)
            ids = ev.actor_ids if len(ev.actor_ids) == len(ev.actors) else [None] * len(ev.actors)
            c.executemany(
                "INSERT INTO event_actors(event_id, actor, actor_id) VALUES (?,?,?)",
                [(eid, name, ids[i]) for i, name in enumerate(ev.actors)],
            )
            report = {
                "type": ev.type, "mode": ev.mode, "actors": list(ev.actors), "actor_ids": list(ev.actor_ids),
                "location": ev.location, "date": ev.date, "status": ev.status, "published": a.published,
                "article_id": aid, "doc": a.doc, "event_id": eid,
            }
            mid = self._merge(report)
            c.execute(
                "INSERT INTO event_reports(event_id, merged_id, article_id) VALUES (?,?,?)", (eid, mid, aid)
            )

    def _merge(self, report: dict[str, Any]) -> int:
        """Attach ``report`` to a compatible merged event, or create one; return its id."""
        c = self._conn
        if report["actors"]:
            marks = ",".join("?" * len(report["actors"]))
            rows = c.execute(
                f"SELECT {_MERGED_COLS} FROM merged_events WHERE type = ? AND id IN (SELECT merged_id"
                f" FROM merged_actors WHERE actor IN ({marks})) ORDER BY id DESC LIMIT {MERGE_CANDIDATES}",
                (report["type"], *report["actors"]),
            ).fetchall()
            for row in rows:
                cand = _merged_dict(row)
                if merging.compatible(report, cand):
                    mid = int(row["id"])
                    new_source = c.execute(
                        "SELECT 1 FROM event_reports WHERE merged_id = ? AND article_id = ? LIMIT 1",
                        (mid, report["article_id"]),
                    ).fetchone() is None
                    in_order = (report.get("published") or "") >= (cand.get("last_seen") or "")
                    self._update_merged(mid, merging.merge_into(cand, report), report, new_source, in_order)
                    return mid
        return self._insert_merged(merging.new_merged(report))

    def _insert_merged(self, m: dict[str, Any]) -> int:
        first = m["history"][0] if m["history"] else {}
        aids = [first["article_id"]] if isinstance(first.get("article_id"), int) else []
        cur = self._conn.execute(
            "INSERT INTO merged_events(type, mode, actors, actor_ids, location, date, sort_date, status,"
            " history, sources, first_seen, last_seen, n_reports, article_ids, changes)"
            " VALUES (?,?,?,?,?,?,?,?,?,1,?,?,?,?,?)",
            (m["type"], m.get("mode"), _dumps(m["actors"]), _dumps(m.get("actor_ids") or []), m.get("location"),
             m.get("date"), _sort_date(m), m.get("status"), _dumps(m["history"]),
             m.get("first_seen"), m.get("last_seen"), len(m["history"]), _dumps(aids),
             _dumps(merging.status_changes(m["history"]))),
        )
        mid = int(cur.lastrowid or 0)
        self._add_merged_actors(mid, m)
        return mid

    def _update_merged(
        self, mid: int, m: dict[str, Any], report: dict[str, Any], new_source: bool, in_order: bool
    ) -> None:
        """Append the report to the stored history and summary, in SQL: the history is not parsed.

        The status changes are appended too when the report is the latest (the usual case); a
        late report of an older date has them recomputed from the whole history.
        """
        entry = _dumps(merging.history_entry(report))
        aid = report.get("article_id")
        self._conn.execute(
            "UPDATE merged_events SET mode=?, actors=?, actor_ids=?, location=?, date=?, sort_date=?, status=?,"
            " history = json_insert(history, '$[#]', json(?)), sources = sources + ?, first_seen=?, last_seen=?,"
            " n_reports = n_reports + 1,"
            " article_ids = CASE WHEN ? THEN json_insert(article_ids, '$[#]', ?) ELSE article_ids END"
            " WHERE id=?",
            (m.get("mode"), _dumps(m["actors"]), _dumps(m.get("actor_ids") or []), m.get("location"), m.get("date"),
             _sort_date(m), m.get("status"), entry, int(new_source), m.get("first_seen"), m.get("last_seen"),
             int(new_source and isinstance(aid, int)), aid, mid),
        )
        if in_order:
            self._conn.execute(
                "UPDATE merged_events SET changes = json_insert(changes, '$[#]', json(?))"
                " WHERE id = ? AND json_extract(changes, '$[#-1].status') IS NOT ?",
                (entry, mid, report.get("status")),
            )
        else:
            self._conn.execute(
                "UPDATE merged_events SET changes = rasad_status_changes(history) WHERE id = ?", (mid,)
            )
        self._add_merged_actors(mid, m)

    def _add_merged_actors(self, mid: int, m: dict[str, Any]) -> None:
        ids = m.get("actor_ids") or []
        ids = ids if len(ids) == len(m["actors"]) else [None] * len(m["actors"])
        self._conn.executemany(
            "INSERT OR IGNORE INTO merged_actors(merged_id, actor, actor_id) VALUES (?,?,?)",
            [(mid, a, ids[i]) for i, a in enumerate(m["actors"])],
        )


UNDATED = "~"  # sort key of merged events with no date at all: after every ISO date


def _sort_date(m: dict[str, Any]) -> str:
    """The timeline's key: the event date, else the first report's publication date.

    A week (``2025-W42``) or an interval (``2025-02-19/2025-03-20``) sorts by its first day,
    so that it falls among the day dates (``2025-W42`` → ``2025-10-13``).
    """
    value = m.get("date") or m.get("first_seen") or UNDATED
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        try:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1).isoformat()
        except ValueError:
            return value
    return value.split("/", 1)[0]


_MERGED_COLS = "id, type, mode, actors, actor_ids, location, date, status, sources, first_seen, last_seen"


def _merged_dict(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    for k in ("actors", "actor_ids"):
        d[k] = json.loads(d[k] or "[]")
    return d


def _use_wal(conn: sqlite3.Connection, wait: float = 30.0) -> None:
    """Switch to WAL (kept in the file), retrying while another process holds the lock.

    Changing the journal mode of a new database needs a lock that SQLite's busy timeout does not
    always wait for, so several processes opening one new store at once retry here.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) and "busy" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


@functools.cache
def _field_names(cls: Any) -> tuple[str, ...]:
    """The field names of a dataclass, once per class."""
    return tuple(f.name for f in dataclasses.fields(cls))


def _flat(obj: Any) -> dict[str, Any]:
    """``asdict`` of a flat dataclass (scalars and lists of scalars) without its deep copy."""
    out: dict[str, Any] = {}
    for name in _field_names(obj.__class__):
        v = getattr(obj, name)
        out[name] = list(v) if isinstance(v, list) else v
    return out


def result_dict(a: Article) -> dict[str, Any]:
    """``a.to_dict()`` without ``text`` and ``sentences`` (kept in their own columns), built fast.

    Timexes, quotes and events are flat dataclasses whose contract is ``asdict``: copied here
    field by field (``asdict`` deep-copies each value, a third of the store's write time).
    """
    out = a.to_dict() if _slow_contract() else {
        "doc": a.doc, "published": a.published, "title": a.title,
        "timexes": [_flat(t) for t in a.timexes],
        "entities": [e.contract() for e in a.entities],
        "quotes": [_flat(q) for q in a.quotes],
        "events": [_flat(e) for e in a.events],
        "source": a.source, "byline": a.byline, "url": a.url, "published_source": a.published_source,
        "warnings": list(a.warnings),
    }
    out.pop("text", None)
    out.pop("sentences", None)
    return out


@functools.cache
def _slow_contract() -> bool:
    """Whether the model's contract changed from what :func:`result_dict` copies (then use it)."""
    from rasad.model import Event, Quote, Timex

    probe = Article(raw="x", text="x", doc="d", timexes=[Timex("x", 0, 1, "DATE", "2025")],
                    quotes=[Quote("s", "direct", "x", 0, 1)], events=[Event("CONSULT", ["a"], "occurred", "x", 0, 1)])
    fast = {"timexes": [_flat(probe.timexes[0])], "quotes": [_flat(probe.quotes[0])],
            "events": [_flat(probe.events[0])]}
    full = probe.to_dict()
    expected_keys = {"doc", "published", "title", "timexes", "entities", "quotes", "events", "source", "byline",
                     "url", "published_source", "text", "sentences", "warnings"}
    return set(full) != expected_keys or any(full[k] != v for k, v in fast.items())


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete SQL statements."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
