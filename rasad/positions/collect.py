"""Positions over a store: read quotes and events, classify, filter, flag changes; propose issues.

    >>> from rasad.store import Store
    >>> with Store.open(":memory:") as st:
    ...     positions_from_store(st)
    []
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from rasad.errors import QueryError
from rasad.positions import Lexicon, Position, flag_changes, positions_of
from rasad.positions.core import STANCES

_MAX_ROWS = 200_000


def _rows(store: Any, sql: str, args: list[Any]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = store._all(sql, args)
    return rows


def positions_from_store(store: Any, actor: str | None = None, issue: str | None = None,
                         stance: str | None = None, since: str | None = None, until: str | None = None,
                         lexicon: Lexicon | None = None, changes_only: bool = False) -> list[Position]:
    """Positions of every actor (or one: English name, Persian label or entity id) on every issue
    (or one), ordered by actor, issue and date, with changes of stance flagged."""
    lex = lexicon or Lexicon.load()
    since, until = _iso(since, "since"), _iso(until, "until", end=True)
    if issue is not None and issue not in lex.labels:
        raise QueryError(f"unknown issue {issue!r} (known: {', '.join(sorted(lex.labels))})")
    if stance is not None and stance not in STANCES:
        raise QueryError(f"unknown stance {stance!r} (choose from {', '.join(STANCES)})")
    names: list[str] = []
    if actor:
        ids = list(store.resolve_name(actor)) if hasattr(store, "resolve_name") else []
        found = _rows(store, f"SELECT id, name FROM entities WHERE id IN ({','.join('?' * len(ids))})"
                      " OR id = ? OR name = ? COLLATE NOCASE OR label_fa = ?", [*ids, actor, actor, actor])
        names = [actor, *(r["name"] for r in found), *(r["id"] for r in found)]
    qwhere, qargs = ["1"], []
    if names:
        qwhere.append(f"(q.speaker COLLATE NOCASE IN ({','.join('?' * len(names))})"
                      f" OR q.speaker_id IN ({','.join('?' * len(names))}))")
        qargs += names + names
    quotes = _rows(store, "SELECT q.article_id, a.doc, a.published, q.speaker, q.text, q.cue, q.date, q.start,"
                   ' q."end" FROM quotes q JOIN articles a ON a.id = q.article_id WHERE ' + " AND ".join(qwhere)
                   + " LIMIT ?", [*qargs, _MAX_ROWS])
    events = _rows(store, "SELECT e.article_id, a.doc, a.published, e.type, e.actors, e.status, e.evidence,"
                   ' e.trigger, e.date, e.start, e."end" FROM events e JOIN articles a ON a.id = e.article_id'
                   " WHERE e.type IN ('SUPPORT','AGREE','REQUEST','REJECT','THREATEN','ACCUSE') LIMIT ?",
                   [_MAX_ROWS])
    by_article: dict[int, dict[str, Any]] = {}
    for q in quotes:
        d = by_article.setdefault(q["article_id"], {"id": q["article_id"], "doc": q["doc"],
                                                   "published": q["published"], "quotes": [], "events": []})
        d["quotes"].append(q)
    for e in events:
        e["actors"] = json.loads(e.get("actors") or "[]")
        if names and (not e["actors"] or e["actors"][0].lower() not in {n.lower() for n in names}):
            continue
        d = by_article.setdefault(e["article_id"], {"id": e["article_id"], "doc": e["doc"],
                                                   "published": e["published"], "quotes": [], "events": []})
        d["events"].append(e)
    out: list[Position] = []
    for d in by_article.values():
        for p in positions_of(d, lex):
            if issue and p.issue != issue:
                continue
            if since and (p.date or "") < since:
                continue
            if until and (p.date or "")[: len(until)] > until:
                continue
            out.append(p)
    rows = flag_changes(out)
    if stance:
        rows = [p for p in rows if p.stance == stance]
    if changes_only:
        rows = [p for p in rows if p.changed]
    return rows


def _iso(value: str | None, name: str, end: bool = False) -> str | None:
    """A filter date, Gregorian or Jalali, as the Gregorian ISO prefix the positions compare."""
    if not value:
        return None
    from rasad.store.finding import parse_date

    parsed = parse_date(name, value, end=end)
    return parsed.gregorian if parsed else None


_STOP = frozenset("""و در به از که با را این آن برای تا یک بر هم نیز است بود شد شده می‌شود کرد کرده می‌کند
های ها ای اند خود او وی ما آنها همچنین اما یا هر چه دیگر باید خواهد کند کنند دارد داشت""".split())
_WORDS = re.compile(r"[\w\u200c]+")


def propose_issues(store: Any, lexicon: Lexicon | None = None, top: int = 30, min_count: int = 3
                   ) -> list[dict[str, Any]]:
    """Recurring two- and three-word phrases of quotes that carry a stance cue and name no known
    issue: candidates for the issue lexicon, most frequent first."""
    lex = lexicon or Lexicon.load()
    counts: Counter[str] = Counter()
    for q in _rows(store, "SELECT text, cue FROM quotes LIMIT ?", [_MAX_ROWS]):
        text = q["text"] or ""
        if lex.issues_in(text) or lex.stance(text, cue=q["cue"]) == "neutral":
            continue
        words = [w for w in _WORDS.findall(text) if not w.isdigit()]
        seen: set[str] = set()
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                gram = words[i : i + n]
                if gram[0] in _STOP or gram[-1] in _STOP:
                    continue
                seen.add(" ".join(gram))
        counts.update(seen)
    return [{"phrase": p, "quotes": c} for p, c in counts.most_common(top) if c >= min_count]
