"""Accuracy of positions against a stand-off gold table (``bench/data/positions_gold.tsv``).

Each gold row names a development document, a quote or event of its gold file by index
(``q3``, ``e1``), the actor, the issue and the stance. Two measures, per stance and per part of
the development split:

* ``statement``: the stance the classifier gives to the gold statement itself (the quote's text
  and cue, or the event's type and evidence) for the gold issue — the stance reader alone;
* ``pipeline``: the stance of the position the whole pipeline finds in the article for the same
  actor and issue (the statement overlapping the gold one preferred) — a missing position is wrong.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from rasad import devset
from rasad.evaluate import Names, alias_files, coverage, find_article
from rasad.positions import Lexicon, Position, positions_of
from rasad.positions.core import STANCES


def load_gold_table(path: Path) -> list[dict[str, str]]:
    lines = [x for x in path.read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t"))
    for r in rows:
        if r["stance"] not in STANCES:
            raise ValueError(f"{path}: unknown stance {r['stance']!r}")
        if r["item"][:1] not in ("q", "e") or not r["item"][1:].isdigit():
            raise ValueError(f"{path}: bad item {r['item']!r}")
    return rows


def tune_misses(table: Path, dev_dir: Path, lexicon: Lexicon | None = None) -> list[dict[str, Any]]:
    """The gold rows of the **tuning** part the statement reader gets wrong, with what decided:
    the issue form found (and whether it reads as the issue's undoing), the stance cues of the
    statement and its reporting verb. Held-out rows are never listed (their scores only)."""
    lex = lexicon or Lexicon.load()
    gdir = dev_dir / "gold"
    out: list[dict[str, Any]] = []
    for r in load_gold_table(table):
        if devset.part_of(r["doc"]) != "tune":
            continue
        item = _item(json.loads((gdir / f"{r['doc']}.json").read_text(encoding="utf-8")), r["item"])
        quote = r["item"][0] == "q"
        text = str(item.get("text" if quote else "evidence") or "")
        stmt = ({"quotes": [{**item, "speaker": r["actor"]}]} if quote
                else {"events": [{**item, "actors": [r["actor"]], "status": "occurred"}]})
        found = [p for p in positions_of(stmt, lex) if p.issue == r["issue"]]
        got = found[0].stance if found else None
        if got == r["stance"]:
            continue
        forms = [(text[m.start:m.end], m.polarity) for m in lex.issues_in(text) if m.issue == r["issue"]]
        out.append({"doc": r["doc"], "item": r["item"], "issue": r["issue"], "expected": r["stance"], "got": got,
                    "form": forms[0] if forms else None,
                    "cues": [(k, text[s:e]) for k, s, e in lex._cue_hits(text)],
                    "reporting": item.get("cue") if quote else item.get("type")})
    return out


def _item(gold: dict[str, Any], ref: str) -> dict[str, Any]:
    kind = "quotes" if ref[0] == "q" else "events"
    return dict(gold[kind][int(ref[1:])])


def _pick(cands: list[Position], text: str) -> Position | None:
    if not cands:
        return None
    return max(cands, key=lambda p: (coverage(p.evidence, text), p.stance != "neutral"))


def score_positions(table: Path, dev_dir: Path, pipeline: Any = None, lexicon: Lexicon | None = None
                    ) -> dict[str, dict[str, dict[str, float]]]:
    """``{mode: {part: {stance or "all": accuracy, "n_<stance>": count}}}``."""
    from rasad.evaluate import run_system

    lex = lexicon or Lexicon.load()
    rows = load_gold_table(table)
    gdir = dev_dir / "gold"
    names = Names(alias_files(gdir))
    golds = {d: json.loads((gdir / f"{d}.json").read_text(encoding="utf-8")) for d in {r["doc"] for r in rows}}
    system: dict[str, dict[str, Any]] = {}
    if pipeline is not None:
        system = run_system({d: golds[d] for d in golds if find_article(gdir, d)}, gdir, pipeline)
    sys_pos = {d: positions_of(out, lex) for d, out in system.items()}
    tally: dict[str, dict[str, dict[str, list[int]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    for r in rows:
        item = _item(golds[r["doc"]], r["item"])
        part = devset.part_of(r["doc"])
        if r["item"][0] == "q":
            stmt = {"doc": r["doc"], "quotes": [{**item, "speaker": r["actor"]}]}
            text = item.get("text") or ""
        else:
            stmt = {"doc": r["doc"], "events": [{**item, "actors": [r["actor"]], "status": "occurred"}]}
            text = item.get("evidence") or ""
        found = [p for p in positions_of(stmt, lex) if p.issue == r["issue"]]
        got = found[0].stance if found else None
        modes = {"statement": got}
        if pipeline is not None:
            cands = [p for p in sys_pos.get(r["doc"], [])
                     if p.issue == r["issue"] and names.key(p.actor) == names.key(r["actor"])]
            best = _pick(cands, text)
            modes["pipeline"] = best.stance if best else None
        for mode, stance in modes.items():
            ok = int(stance == r["stance"])
            for p in (part, "all"):
                tally[mode][p][r["stance"]].append(ok)
                tally[mode][p]["all"].append(ok)
    out: dict[str, dict[str, dict[str, float]]] = {}
    for mode, parts in tally.items():
        out[mode] = {}
        for p, by in parts.items():
            out[mode][p] = {k: sum(v) / len(v) for k, v in by.items()}
            out[mode][p].update({f"n_{k}": float(len(v)) for k, v in by.items()})
    return out
