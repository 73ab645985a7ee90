"""Evaluation by parts and outlets, and the list of one category's misses for error reading.

``evaluate_parts`` runs the system once over a gold folder and scores it as a whole, per part of
the development set's fixed split (``rasad.devset``) and per outlet. ``misses`` pairs gold and
system items the way the scorer does and returns the unmatched ones of one category — only for
documents of the tuning part, so that the held-out part's errors are never read.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rasad import devset
from rasad.errors import EvalError
from rasad.evaluate import (
    Names,
    _pair_up,
    alias_files,
    coverage,
    event_match,
    load_gold,
    load_system,
    quote_match,
    run_system,
    same_text,
    score_docs,
)

CATEGORIES = ("timexes", "entities", "quotes", "events", "speakers", "status", "values")


def is_dev(gold_dir: Path) -> bool:
    return gold_dir.resolve().parent.name == "dev"


def evaluate_parts(gold_dir: Path | str, system: Path | str | None = None, pipeline: Any = None
                   ) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]], dict[str, Any], dict[str, Any]]:
    """Scores by part (``all``, and ``tune``/``heldout`` for the dev set) and by outlet.

    Returns ``(parts, outlets, gold, system_output)``.
    """
    gdir = Path(gold_dir)
    gold = load_gold(gdir)
    sysd = load_system(Path(system)) if system else run_system(gold, gdir, pipeline)
    names = Names(alias_files(gdir))
    parts = {"all": score_docs(gold, sysd, names)}
    outlets: dict[str, dict[str, Any]] = {}
    if is_dev(gdir):
        for part in devset.PARTS:
            sub = {d: g for d, g in gold.items() if devset.part_of(d) == part}
            if sub:
                parts[part] = score_docs(sub, sysd, names)
        for outlet in sorted({devset.outlet_of(d) for d in gold}):
            sub = {d: g for d, g in gold.items() if devset.outlet_of(d) == outlet}
            outlets[outlet] = score_docs(sub, sysd, names)
    return parts, outlets, gold, sysd


def _key_event(nm: Names, e: dict[str, Any]) -> str:
    actors = ", ".join(e.get("actors") or [])
    extra = f" @{e['location']}" if e.get("location") else ""
    return f"{e.get('type')}{'/' + e['mode'] if e.get('mode') else ''} [{actors}] {e.get('date')} {e.get('status')}{extra}"


def misses(gold: dict[str, Any], system: dict[str, Any], gold_dir: Path, category: str,
           allow_heldout: bool = False) -> Iterator[dict[str, Any]]:
    """The unmatched gold (``miss``) and system (``false``) items of one category, per document.

    ``speakers``, ``status`` and ``values`` list matched items whose speaker, status or value is wrong.
    Held-out documents of the development set are skipped unless ``allow_heldout``.
    """
    if category not in CATEGORIES:
        raise EvalError(f"unknown category {category!r} (choose from {', '.join(CATEGORIES)})")
    nm = Names(alias_files(gold_dir))
    dev = is_dev(gold_dir)
    for doc, g in sorted(gold.items()):
        if dev and not allow_heldout and devset.part_of(doc) != devset.TUNE:
            continue
        s = system.get(doc) or {}
        yield from _doc_misses(doc, g, s, nm, category)


def _doc_misses(doc: str, g: dict[str, Any], s: dict[str, Any], nm: Names, category: str) -> Iterator[dict[str, Any]]:
    def row(kind: str, what: str, context: str | None = "") -> dict[str, Any]:
        return {"doc": doc, "kind": kind, "item": what, "context": (context or "")[:300]}

    if category in ("timexes", "values"):
        gt, st = g.get("timexes") or [], s.get("timexes") or []
        pairs = _pair_up(gt, st, lambda a, b: same_text(a.get("text"), b.get("text")))
        if category == "values":
            for i, j in pairs:
                if str(gt[i].get("value")) != str(st[j].get("value")):
                    yield row("value", f"{gt[i].get('text')} gold={gt[i].get('value')} system={st[j].get('value')}")
            return
        gi, si = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, t in enumerate(gt):
            if i not in gi:
                yield row("miss", f"{t.get('text')} = {t.get('value')} ({t.get('type')})")
        for j, t in enumerate(st):
            if j not in si:
                yield row("false", f"{t.get('text')} = {t.get('value')} ({t.get('type')})")
    elif category == "entities":
        ge = {(nm.key(e["name"]), e.get("type")): e for e in g.get("entities") or []}
        se = {(nm.key(e.get("name")), e.get("type")): e for e in s.get("entities") or [] if e.get("name")}
        for k in sorted(set(ge) - set(se)):
            e = ge[k]
            yield row("miss", f"{e['name']} ({e.get('type')})", " | ".join(e.get("mentions") or []))
        for k in sorted(set(se) - set(ge)):
            e = se[k]
            yield row("false", f"{e['name']} ({e.get('type')})", " | ".join(e.get("mentions") or []))
    elif category in ("quotes", "speakers"):
        gq, sq = g.get("quotes") or [], s.get("quotes") or []
        if category == "speakers":
            for q in gq:
                near = [x for x in sq if coverage(x.get("text"), q.get("text")) >= 0.5]
                if near and not any(nm.key(x.get("speaker")) == nm.key(q.get("speaker")) for x in near):
                    yield row("speaker", f"gold={q.get('speaker')} system={near[0].get('speaker')}", q.get("text"))
            return
        pairs = _pair_up(gq, sq, lambda a, b: quote_match(nm, a, b))
        gi, si = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, q in enumerate(gq):
            if i not in gi:
                yield row("miss", f"{q.get('speaker')} [{q.get('kind')}, {q.get('cue')}]", q.get("text"))
        for j, q in enumerate(sq):
            if j not in si:
                yield row("false", f"{q.get('speaker')} [{q.get('kind')}, {q.get('cue')}]", q.get("text"))
    else:
        gv, sv = g.get("events") or [], s.get("events") or []
        pairs = _pair_up(gv, sv, lambda a, b: event_match(nm, a, b))
        if category == "status":
            for i, j in pairs:
                if gv[i].get("status") != sv[j].get("status"):
                    yield row("status", f"{_key_event(nm, gv[i])} system={sv[j].get('status')}", gv[i].get("evidence"))
            return
        gi, si = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, e in enumerate(gv):
            if i not in gi:
                yield row("miss", _key_event(nm, e), e.get("evidence"))
        for j, e in enumerate(sv):
            if j not in si:
                yield row("false", _key_event(nm, e), e.get("evidence"))
