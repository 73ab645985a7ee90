"""Scoring against gold (GUIDELINES section 8) and the quality gate's pinned floors.

The metrics agree with the project's reference scorer (``shared/eval/score.py``);
a test runs both on the same output and compares every number.

    >>> s = score_docs({"d": {"timexes": [{"text": "امروز", "value": "2025-01-01"}]}},
    ...                {"d": {"timexes": [{"text": "امروز", "value": "2025-01-01"}]}}, {})
    >>> s["timex_f1"], s["timex_value_acc"]
    (1.0, 1.0)
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rasad.errors import EvalError

_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\ufeff"), None)
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی", "ة": "ه", "ۀ": "ه", "أ": "ا", "إ": "ا", "ٱ": "ا"})
_MARKS = re.compile("[\u064b-\u065f\u0670]")
_PUNCT = re.compile(r"[«»\"“”'‘’.,،؛:!?؟()\[\]\-–—_/]")

METRICS = (
    "timex_p", "timex_r", "timex_f1", "timex_value_acc",
    "entity_p", "entity_r", "entity_f1", "entity_name_f1",
    "quote_p", "quote_r", "quote_f1", "quote_speaker_acc",
    "event_p", "event_r", "event_f1", "event_status_acc", "event_location_acc",
)


# --- text and name keys ----------------------------------------------------
def fold(text: str | None) -> str:
    """Persian text folded for comparison: letters unified, marks, ZWNJ and punctuation gone."""
    t = _MARKS.sub("", (text or "").translate(_LETTERS)).translate(_ZERO_WIDTH)
    return _PUNCT.sub(" ", t)


def tokens(text: str | None) -> list[str]:
    return fold(text).split()


def coverage(container: str | None, part: str | None) -> float:
    """Share of ``part``'s words (with repeats) that occur anywhere in ``container``."""
    want = tokens(part)
    if not want:
        return 0.0
    have = set(tokens(container))
    return sum(w in have for w in want) / len(want)


def same_text(a: str | None, b: str | None) -> bool:
    """Lenient extent match: one contains the other, or half of either's words are shared."""
    ja, jb = "".join(tokens(a)), "".join(tokens(b))
    if not ja or not jb:
        return False
    return ja in jb or jb in ja or coverage(a, b) >= 0.5 or coverage(b, a) >= 0.5


def _plain_name(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    s = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s:]", " ", s)).strip()


class Names:
    """English-name keys with the alias table applied (anonymous speakers are all one)."""

    def __init__(self, alias_files: Iterable[Path] = ()) -> None:
        self.table: dict[str, str] = {}
        for f in alias_files:
            if not f.exists():
                continue
            for line in f.read_text(encoding="utf-8").splitlines():
                names = [n for n in line.split("\t") if n.strip()]
                if names:
                    head = _plain_name(names[0])
                    for n in names:
                        self.table[_plain_name(n)] = head

    def key(self, name: str | None) -> str:
        if (name or "").strip().lower().startswith("anonymous"):
            return "anonymous"
        k = _plain_name(name or "")
        return self.table.get(k, k)


def _dates_compatible(a: Any, b: Any) -> bool:
    if not a or not b:
        return not a and not b
    sa, sb = str(a), str(b)
    return sa.startswith(sb) or sb.startswith(sa)


def _pair_up(gold: list[Any], system: list[Any], ok: Callable[[Any, Any], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairing in gold order, each gold item taking the first free system item."""
    taken: set[int] = set()
    pairs = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si not in taken and ok(g, s):
                taken.add(si)
                pairs.append((gi, si))
                break
    return pairs


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def _f1(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p, r = _ratio(tp, n_sys), _ratio(tp, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def quote_match(nm: Names, g: dict[str, Any], s: dict[str, Any]) -> bool:
    """A system quote matches a gold one: same speaker, and it covers half the gold text's words."""
    return nm.key(g.get("speaker")) == nm.key(s.get("speaker")) and coverage(s.get("text"), g.get("text")) >= 0.5


def event_match(nm: Names, g: dict[str, Any], s: dict[str, Any]) -> bool:
    """Same type, same set of actors, compatible dates (GUIDELINES section 5)."""
    return (g.get("type") == s.get("type")
            and {nm.key(x) for x in g.get("actors") or []} == {nm.key(x) for x in s.get("actors") or []}
            and _dates_compatible(g.get("date"), s.get("date")))


# --- scoring ----------------------------------------------------------------
def score_docs(gold: dict[str, dict[str, Any]], system: dict[str, dict[str, Any]], names: Names | dict[str, str]) -> dict[str, Any]:
    """Micro-averaged scores of ``system`` against ``gold`` (both keyed by doc id)."""
    nm = names if isinstance(names, Names) else Names()
    if isinstance(names, dict):
        nm.table = dict(names)
    c: dict[str, int] = {}

    def add(key: str, n: int) -> None:
        c[key] = c.get(key, 0) + n

    def tally(prefix: str, tp: int, n_gold: int, n_sys: int) -> None:
        add(f"{prefix}_tp", tp)
        add(f"{prefix}_g", n_gold)
        add(f"{prefix}_s", n_sys)

    missing = 0
    for doc, g in gold.items():
        s = system.get(doc)
        if s is None:
            missing += 1
            s = {}
        # time expressions
        gt, st = g.get("timexes") or [], s.get("timexes") or []
        pairs = _pair_up(gt, st, lambda a, b: same_text(a.get("text"), b.get("text")))
        tally("tx", len(pairs), len(gt), len(st))
        add("tx_val", sum(str(gt[i].get("value")) == str(st[j].get("value")) for i, j in pairs))
        # entities
        ge = {(nm.key(e["name"]), e.get("type")) for e in g.get("entities") or []}
        se = {(nm.key(e.get("name")), e.get("type")) for e in s.get("entities") or [] if e.get("name")}
        tally("en", len(ge & se), len(ge), len(se))
        gn, sn = {k for k, _ in ge}, {k for k, _ in se}
        tally("enn", len(gn & sn), len(gn), len(sn))
        # quotes
        gq, sq = g.get("quotes") or [], s.get("quotes") or []
        pairs = _pair_up(gq, sq, lambda a, b: quote_match(nm, a, b))
        tally("q", len(pairs), len(gq), len(sq))
        for q in gq:
            near = [x for x in sq if coverage(x.get("text"), q.get("text")) >= 0.5]
            if near:
                add("q_text", 1)
                add("q_spk", any(nm.key(x.get("speaker")) == nm.key(q.get("speaker")) for x in near))
        # events
        gv, sv = g.get("events") or [], s.get("events") or []
        pairs = _pair_up(gv, sv, lambda a, b: event_match(nm, a, b))
        tally("ev", len(pairs), len(gv), len(sv))
        for i, j in pairs:
            add("ev_status", gv[i].get("status") == sv[j].get("status"))
            if gv[i].get("location"):
                add("ev_loc_n", 1)
                add("ev_loc", nm.key(gv[i]["location"]) == nm.key(sv[j].get("location") or ""))
    g_ = c.get
    r: dict[str, Any] = {}
    r["timex_p"], r["timex_r"], r["timex_f1"] = _f1(g_("tx_tp", 0), g_("tx_s", 0), g_("tx_g", 0))
    r["timex_value_acc"] = _ratio(g_("tx_val", 0), g_("tx_g", 0))
    r["entity_p"], r["entity_r"], r["entity_f1"] = _f1(g_("en_tp", 0), g_("en_s", 0), g_("en_g", 0))
    r["entity_name_f1"] = _f1(g_("enn_tp", 0), g_("enn_s", 0), g_("enn_g", 0))[2]
    r["quote_p"], r["quote_r"], r["quote_f1"] = _f1(g_("q_tp", 0), g_("q_s", 0), g_("q_g", 0))
    r["quote_speaker_acc"] = _ratio(g_("q_spk", 0), g_("q_text", 0))
    r["event_p"], r["event_r"], r["event_f1"] = _f1(g_("ev_tp", 0), g_("ev_s", 0), g_("ev_g", 0))
    r["event_status_acc"] = _ratio(g_("ev_status", 0), g_("ev_tp", 0))
    r["event_location_acc"] = _ratio(g_("ev_loc", 0), g_("ev_loc_n", 0))
    r["docs"], r["missing_docs"] = len(gold), missing
    r["counts"] = c
    return r


# --- files ----------------------------------------------------------------------
def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    if not gold_dir.is_dir():
        raise EvalError(f"gold folder not found: {gold_dir}")
    gold = {}
    for f in sorted(gold_dir.glob("*.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise EvalError(f"malformed gold file {f.name}: {e}") from None
        gold[d.get("doc") or f.stem] = d
    if not gold:
        raise EvalError(f"no gold files (*.json) in {gold_dir}")
    return gold


def load_system(path: Path) -> dict[str, dict[str, Any]]:
    if not path.exists():
        raise EvalError(f"system file not found: {path}")
    out = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except json.JSONDecodeError as e:
            raise EvalError(f"{path}:{n}: malformed JSON ({e.msg})") from None
        out[Path(str(d.get("doc", ""))).stem] = d
    return out


def find_article(gold_dir: Path, doc: str, extra: Iterable[Path] = ()) -> Path | None:
    """The article file of a gold doc: searched beside the gold folder (``../../seeds`` etc.)."""
    roots = [*extra, gold_dir.parent / "articles", gold_dir.parent.parent / "seeds",
             gold_dir.parent.parent / "corpus" / "articles", gold_dir]
    for root in roots:
        for ext in (".txt", ".jsonl", ".html"):
            p = root / f"{doc}{ext}"
            if p.exists():
                return p
    return None


def run_system(gold: dict[str, Any], gold_dir: Path, pipeline: Any = None,
               articles: Iterable[Path] = ()) -> dict[str, dict[str, Any]]:
    """Run the pipeline on the article of every gold doc."""
    from rasad.pipeline import default_pipeline

    pipe = pipeline or default_pipeline()
    return {doc: pipe(art).to_dict() for doc, art in gold_articles(gold, gold_dir, articles)}


def gold_articles(docs: Iterable[str], gold_dir: Path, articles: Iterable[Path] = ()) -> Iterator[tuple[str, Any]]:
    """``(doc, raw Article)`` for every gold doc whose article file is found (named after the doc)."""
    from rasad.ingest import Failure, read_path

    extra = list(articles)
    for doc in docs:
        path = find_article(gold_dir, doc, extra)
        if path is None:
            continue
        for art in read_path(path):
            if isinstance(art, Failure):
                continue
            art.doc = doc
            yield doc, art
            break


def alias_files(gold_dir: Path) -> list[Path]:
    """The alias tables that apply to a gold folder: its own, its set's, and the shared one above."""
    return [gold_dir.parent.parent / "aliases.tsv", gold_dir.parent / "aliases.tsv", gold_dir / "aliases.tsv"]


def evaluate(gold_dir: Path | str, system: Path | str | None = None, pipeline: Any = None,
             articles: Iterable[Path] = ()) -> dict[str, Any]:
    """Score a JSON Lines system file, or (without one) the pipeline itself, on a gold folder."""
    gdir = Path(gold_dir)
    gold = load_gold(gdir)
    sysd = load_system(Path(system)) if system else run_system(gold, gdir, pipeline, articles)
    return score_docs(gold, sysd, Names(alias_files(gdir)))


@lru_cache(maxsize=1)
def _floors_text() -> str:
    return (resources.files("rasad") / "data" / "eval_floors.yaml").read_text(encoding="utf-8")


def load_floors(section: str = "floors") -> dict[str, float]:
    """The pinned floors of the quality gate (only ever raised).

    ``floors`` holds the seeds' floors; ``dev_tune`` and ``dev_heldout`` the development set's parts.
    """
    data = yaml.safe_load(_floors_text()) or {}
    return {k: float(v) for k, v in (data.get(section) or {}).items()}


def check_floors(scores: dict[str, Any], floors: dict[str, float]) -> list[str]:
    """One message per metric under its floor (small tolerance for float noise)."""
    bad = []
    for k, floor in floors.items():
        v = scores.get(k)
        if not isinstance(v, (int, float)) or v + 1e-9 < floor:
            bad.append(f"{k} = {v if v is not None else 'missing'} is under its floor {floor:.3f}")
    return bad
