"""Finding things in the store: names resolved to entities, Jalali dates, checked filters.

- :func:`name_key` folds a name for matching: case, ZWNJ, Arabic letters (ي ك), diacritics
  and Persian digits do not matter (``Trump`` = ``trump``; ``ترامپ`` = ``ترامپ``).
- :meth:`FindMixin.resolve_name` turns any name (English, Persian, surname, a stored mention,
  the entity id) into the entity ids it stands for; :meth:`FindMixin.suggest_names` offers
  near names when nothing matches (:class:`NoMatchError` carries them).
- :func:`parse_date` reads ISO Gregorian (``2025-10-21``) and Jalali (``1404-07-01``,
  ``1404/07/01``, Persian digits too) dates; :func:`understood_dates` says which was read.
- :func:`check_status` / :meth:`FindMixin.check_type` refuse unknown values, listing the allowed ones.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass, field
from datetime import date as Date
from datetime import timedelta
from typing import Any

import jdatetime

from rasad.errors import QueryError, StoreError

STATUSES = ("occurred", "ongoing", "planned", "proposed", "denied", "cancelled")
JALALI_MAX_YEAR = 1700  # a year below this is Solar Hijri (news years are ~1300-1500 SH, 1900+ AD)
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "آ": "ا",
                          "\u200c": "", "\u200d": "", "\u0640": ""})
_NON_WORD = re.compile(r"[\W_]+")
_DATE = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")


class NoMatchError(QueryError):
    """A name filter matches nothing stored; ``suggestions`` are near names."""

    def __init__(self, what: str, name: str, suggestions: list[str]) -> None:
        self.what, self.name, self.suggestions = what, name, suggestions
        hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no {what} matches {name!r}{hint}")


def name_key(s: str | None) -> str:
    """A name folded for matching (case, ZWNJ, Arabic letters, diacritics, punctuation)."""
    if not s:
        return ""
    t = unicodedata.normalize("NFKD", s.translate(_DIGITS))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = unicodedata.normalize("NFC", t).casefold().translate(_LETTERS)
    return " ".join(_NON_WORD.sub(" ", t).split())


def _surname(key: str) -> str | None:
    parts = key.split()
    return parts[-1] if len(parts) > 1 and len(parts[-1]) >= 3 else None


# --- dates ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ParsedDate:
    """A filter date as typed, its calendar and the Gregorian value the store compares."""

    input: str
    calendar: str  # "gregorian" or "jalali"
    gregorian: str  # ISO prefix (YYYY, YYYY-MM, YYYY-MM-DD)


def parse_date(name: str, value: str | None, end: bool = False) -> ParsedDate | None:
    """``since``/``until`` as typed → :class:`ParsedDate`; Jalali ranges become Gregorian days.

    ``end``: an ``until`` date, so a Jalali month or year stands for its last day.
    """
    if value is None or str(value).strip() == "":
        return None
    v = str(value).strip().translate(_DIGITS)
    m = _DATE.match(v)
    bad = QueryError(
        f"{name} must be a date like 2025-10-21 (Gregorian) or 1404-07-29 / 1404/07/29 (Jalali) (got {value!r})"
    )
    if not m:
        raise bad
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    try:
        if y >= JALALI_MAX_YEAR:
            if any(x and len(x) != 2 for x in (mo, d)):
                raise bad
            parts = [f"{y:04d}"] + [f"{int(x):02d}" for x in (mo, d) if x]
            iso = "-".join(parts)
            Date.fromisoformat(iso + "-01-01"[len(iso) - 4:] if len(parts) < 3 else iso)
            return ParsedDate(str(value), "gregorian", iso)
        month = int(mo) if mo else (12 if end else 1)
        if d:
            day = int(d)
        elif end:
            nxt = jdatetime.date(y + (month == 12), month % 12 + 1, 1)
            day = (nxt - timedelta(days=1)).day
        else:
            day = 1
        g = jdatetime.date(y, month, day).togregorian()
    except (ValueError, OverflowError) as e:
        raise bad from e
    return ParsedDate(str(value), "jalali", g.isoformat())


def understood_dates(since: str | None, until: str | None) -> dict[str, dict[str, str]]:
    """What ``since``/``until`` were read as: ``{"since": {"input", "calendar", "gregorian"}}``."""
    out: dict[str, dict[str, str]] = {}
    for key, val, end in (("since", since, False), ("until", until, True)):
        p = parse_date(key, val, end)
        if p:
            out[key] = {"input": p.input, "calendar": p.calendar, "gregorian": p.gregorian}
    return out


def understood_note(understood: dict[str, dict[str, str]]) -> str | None:
    """One line for the CLI: ``--since 1404-07-01 read as Jalali = 2025-09-23 (Gregorian)``."""
    parts = [
        f"--{k} {u['input']} read as {'Jalali (Solar Hijri)' if u['calendar'] == 'jalali' else 'Gregorian'}"
        + (f" = {u['gregorian']} (Gregorian)" if u["calendar"] == "jalali" else "")
        for k, u in understood.items()
    ]
    return "; ".join(parts) or None


def check_status(status: str | None) -> str | None:
    if not status:
        return None
    s = status.strip().lower()
    if s not in STATUSES:
        raise QueryError(f"unknown status {status!r}; allowed: {', '.join(STATUSES)}")
    return s


# --- names ----------------------------------------------------------------------------------
@dataclass
class NameIndex:
    """Folded names → entity ids, built from the entities and their stored mentions."""

    version: int
    exact: dict[str, set[str]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    shown: dict[str, str] = field(default_factory=dict)  # folded key → a display name

    def add(self, table: dict[str, set[str]], key: str, eid: str) -> None:
        if key:
            table.setdefault(key, set()).add(eid)


class FindMixin:
    """Name resolution, checked filters and the row access shared by the store's queries."""

    _conn: sqlite3.Connection
    _lock: threading.RLock
    path: str

    def _all(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> list[dict[str, Any]]:
        try:
            with self._lock:
                cur = self._conn.cursor()
                cur.row_factory = None  # plain tuples zipped with the names: 2-3x faster than dict(Row)
                rows = cur.execute(sql, tuple(args)).fetchall()
                names = [d[0] for d in cur.description or ()]
        except sqlite3.Error as e:
            raise StoreError(f"cannot read {self.path}: {e}") from e
        if len(set(names)) < len(names):  # a name twice: dict(Row) keeps the first value
            return [{n: r[names.index(n)] for n in names} for r in rows]
        return [dict(zip(names, r, strict=True)) for r in rows]

    def _one(self, sql: str, args: tuple[Any, ...] | list[Any] = ()) -> dict[str, Any] | None:
        rows = self._all(sql, args)
        return rows[0] if rows else None

    def version(self) -> int:
        raise NotImplementedError

    def _name_index(self) -> NameIndex:
        ver = self.version()
        idx: NameIndex | None = getattr(self, "_names_cache", None)
        if idx is not None and idx.version == ver:
            return idx
        idx = NameIndex(ver)
        for r in self._all("SELECT id, name, label_fa FROM entities"):
            eid = r["id"]
            for raw in (r["name"], r["label_fa"], eid):
                k = name_key(raw)
                idx.add(idx.exact, k, eid)
                if raw and raw != eid:
                    idx.shown.setdefault(k, raw)
                    sur = _surname(k)
                    if sur:
                        idx.add(idx.surnames, sur, eid)
        for r in self._all("SELECT DISTINCT entity_id, text FROM mentions"):
            idx.add(idx.exact, name_key(r["text"]), r["entity_id"])
        self._names_cache = idx
        return idx

    def resolve_name(self, name: str) -> list[str]:
        """The entity ids a name stands for: its English or Persian name, a stored mention of
        it, the id, or (when nothing else matches) the surname; ``[]`` when none."""
        idx = self._name_index()
        k = name_key(name)
        if not k:
            return []
        hits = idx.exact.get(k) or idx.surnames.get(k) or set()
        return sorted(hits)

    def suggest_names(self, name: str, n: int = 5) -> list[str]:
        """Near stored names for a name that matches nothing (spelling slips, partial names)."""
        idx = self._name_index()
        k = name_key(name)
        if not k:
            return []
        by_word: dict[str, str] = {}  # a full name or one word of it → the full key
        for full in idx.shown:
            by_word.setdefault(full, full)
            for w in full.split():
                if len(w) >= 3:
                    by_word.setdefault(w, full)
        near = difflib.get_close_matches(k, list(by_word), n=n * 2, cutoff=0.6)
        if len(k) >= 3:
            near += [x for x in idx.shown if k in x]
        out = list(dict.fromkeys(idx.shown[by_word.get(x, x)] for x in near))
        return out[:n]

    def check_type(self, etype: str | None) -> str | None:
        """An event type filter, upper-cased; unknown types are an error listing the known ones."""
        if not etype:
            return None
        t = etype.strip().upper()
        known = set(_trigger_types()) | {
            r["type"] for r in self._all("SELECT DISTINCT type FROM merged_events")
        }
        if t not in known:
            raise QueryError(f"unknown event type {etype!r}; allowed: {', '.join(sorted(known))}")
        return t


def _trigger_types() -> list[str]:
    """The POLECAT types the event grammar can produce (from ``rasad/data/events/triggers.yaml``)."""
    from rasad.events.resources import load_yaml

    return sorted({str(t["type"]) for t in load_yaml("triggers.yaml")["triggers"]})
