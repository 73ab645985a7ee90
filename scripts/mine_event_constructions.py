#!/usr/bin/env python3
"""Count the constructions Persian news uses for speech-act events (issue 10).

Reads the raw, unannotated corpus (``../shared/corpus/raw/*.jsonl``; the development and
seed articles were already removed from it) and, with the project's syntax layer
(:mod:`rasad.syntax`: verb groups, light-verb constructions, clause roles), counts

* light-verb constructions and verbs whose nominal part (or stem) is one of the seed words
  of a candidate type (``انتقاد کرد``, ``محکوم کرد``, ``حمایت کرد``, ``به توافق رسیدند``,
  ``رد کرد``, ``هشدار داد`` ...), with their polarity and the prepositions of their clause
  (which one marks the target) and whether the clause has a را-object;
* nominalised forms: ``ضمن/با (ابراز|اعلام)? NOUN ... از``;
* predicative frames ``... را ... PRED خواند/دانست/نامید/توصیف کرد`` (the predicate word).

It prints the top constructions per candidate type; ``--samples N --show KEY`` prints N
random sentences of one construction (to the terminal only: never copy them into the repo).

Findings of the full run (6,364 articles, 67,448 sentences with a seed word), by type, the
constructions with their counts and the mark of the target (what was added to
``rasad/data/events/triggers.yaml`` after reading 30 random hits of each is marked +):

* ACCUSE: انتقاد کرد 138 (از), محکوم کرد 133 (را), متهم کرد 98 (را ... به), اعتراض کرد 81 (به),
  سرزنش کرد 16 (را) +, با/ضمن انتقاد از 68; محکوم شد 106 is a sentence, not a charge;
* SUPPORT: حمایت کرد 341 (از), تأیید کرد 219 (را: mostly confirming news, so a claim object now
  blocks it) +, تشکر کرد 201 (از: thanks in speeches, left out), دفاع کرد 107 (از) + with a named
  party, استقبال کرد 101, قدردانی کرد 69, تقدیر کرد 38, تمجید/ستایش کرد 12 +, با/ضمن
  قدردانی/تقدیر از 77 +;
* AGREE: پذیرفت 305, امضا کرد 116, موافقت کرد 107 (با), قبول کرد 87 (ambiguous, left out),
  توافق کرد 66, به توافق رسید 62; پیمان/معاهده/پروتکل ... امضا کردند +;
* REJECT: رد کرد 193 (را), خودداری کرد 170 (از: mostly advice to refrain, left out), مخالفت کرد 86
  (با), تکذیب کرد 71 (a denial of a claim: a quote), وتو کرد 12 (12 of 12 vetoes) +;
* THREATEN: هشدار داد 243 (به: mostly warnings; kept behind its consequence cues), تهدید کرد 139
  (را), with its condition (تهدید کرد چنانچه ...) +.

Usage::

    PYTHONPATH=. python scripts/mine_event_constructions.py                 # counts
    PYTHONPATH=. python scripts/mine_event_constructions.py --show "محکوم کرد" --show "رد کرد" --samples 30
    PYTHONPATH=. python scripts/mine_event_constructions.py --limit 1500    # a quicker pass
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW = ROOT.parent / "shared" / "corpus" / "raw"

# Seed words per candidate type: the nominal of a light verb, or a verb's past stem.
SEEDS: dict[str, tuple[str, ...]] = {
    "ACCUSE": (
        "انتقاد", "محکوم", "متهم", "مقصر", "مسئول", "تقبیح", "نکوهش", "مذمت", "سرزنش",
        "اعتراض", "اتهام", "هتک", "توهین", "حمله", "انتقادات",
    ),
    "SUPPORT": (
        "حمایت", "پشتیبانی", "استقبال", "همبستگی", "تقدیر", "قدردانی", "تمجید", "ستایش",
        "تبریک", "تشکر", "تأیید", "تایید", "همدردی", "دفاع",
    ),
    "AGREE": ("توافق", "امضا", "امضاء", "موافقت", "پذیرفت", "قبول", "تفاهم", "پیمان"),
    "REJECT": ("رد", "مخالفت", "امتناع", "خودداری", "وتو", "تکذیب", "نپذیرفت"),
    "THREATEN": ("تهدید", "هشدار", "اولتیماتوم", "تلافی"),
}
PRED_VERBS = re.compile(
    r"(?<![\w\u200c])را(?:\s+\S+){0,5}?\s+(\S+)\s+(خواند|خواندند|دانست|دانستند|نامید|نامیدند|"
    r"توصیف کرد|توصیف کردند|قلمداد کرد|قلمداد کردند)(?![\w\u200c])"
)
NOMINAL = re.compile(
    r"(?<![\w\u200c])(ضمن|با)\s+(?:(ابراز|اعلام|طرح)\s+)?(\S+)(?:\s+(?:شدید|تند|کامل|قاطع))?\s+از(?![\w\u200c])"
)


def seed_type(word: str) -> str | None:
    for t, ws in SEEDS.items():
        if word in ws:
            return t
    return None


def docs(limit: int | None) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for f in sorted(RAW.glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    if limit:
        random.Random(0).shuffle(out)
        out = out[:limit]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--limit", type=int, default=None, help="articles to read (a seeded sample)")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--show", action="append", default=[], help="a construction key to print samples of (repeatable)")
    ap.add_argument("--samples", type=int, default=0)
    a = ap.parse_args(argv)
    if not RAW.is_dir():
        print(f"no raw corpus at {RAW}", file=sys.stderr)
        return 1

    from rasad.model import Article, Sentence
    from rasad.normalize import Normalizer
    from rasad.syntax import SyntaxStage
    from rasad.syntax.features import fold

    norm = Normalizer()
    syntax = SyntaxStage()
    seed_rx = re.compile("|".join(sorted({w for ws in SEEDS.values() for w in ws}, key=len, reverse=True)))
    lvc: Counter[tuple[str, str]] = Counter()
    preps: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    samples: dict[str, list[str]] = defaultdict(list)
    nominal: Counter[tuple[str, str]] = Counter()
    pred: Counter[str] = Counter()
    n_docs = n_sent = 0
    for d in docs(a.limit):
        n_docs += 1
        doc = norm(Article(raw=d["text"]))
        text = doc.text
        keep = [s for s in doc.sentences if seed_rx.search(text, s.start, s.end)]
        n_sent += len(keep)
        if not keep:
            continue
        sub = syntax(Article(raw=text, text=text, sentences=[Sentence(s.start, s.end) for s in keep]))
        for cl in sub.clauses:
            v = cl.verb
            if v is None:
                continue
            noun = fold(v.lvc_noun) if v.lvc_noun else ""
            word = noun.split()[-1] if noun else v.lemma
            t = seed_type(word) or (seed_type(v.lemma) if not noun else None)
            sent = text[keep[0].start : keep[0].end]
            for s in keep:
                if s.start <= cl.start < s.end:
                    sent = text[s.start : s.end]
                    break
            if t is not None:
                key = f"{noun + ' ' if noun else ''}{v.lemma}{' NEG' if v.negated else ''}"
                lvc[(t, key)] += 1
                ps = preps[(t, key)]
                for p, _, _ in cl.preps:
                    ps[p] += 1
                if cl.objects:
                    ps["را"] += 1
                if cl.subject:
                    ps["SUBJ"] += 1
                samples[key].append(sent)
        for s in keep:
            seg = text[s.start : s.end]
            for m in NOMINAL.finditer(seg):
                t = seed_type(m.group(3))
                if t is not None:
                    k = f"{m.group(1)} {m.group(2) + ' ' if m.group(2) else ''}{m.group(3)} ... از"
                    nominal[(t, k)] += 1
                    samples[k].append(seg)
            for m in PRED_VERBS.finditer(seg):
                k = f"را ... {m.group(1)} {m.group(2)}"
                pred[m.group(1)] += 1
                samples[k].append(seg)
    print(f"{n_docs} articles, {n_sent} sentences with a seed word\n")
    for t in SEEDS:
        print(f"== {t}: light verbs and verbs (count, argument marks: preposition / را / SUBJ)")
        rows = sorted(((c, k) for (tt, k), c in lvc.items() if tt == t), reverse=True)[: a.top]
        for c, k in rows:
            marks = ", ".join(f"{p}:{n}" for p, n in preps[(t, k)].most_common(5))
            print(f"  {c:5d}  {k:28s} {marks}")
        rows = sorted(((c, k) for (tt, k), c in nominal.items() if tt == t), reverse=True)[:8]
        if rows:
            print(f"   nominalised: {'; '.join(f'{k} {c}' for c, k in rows)}")
    print("\n== predicates of را ... خواند/دانست/نامید/توصیف کرد (top)")
    print("  " + "; ".join(f"{w} {c}" for w, c in pred.most_common(a.top * 2)))
    for key in a.show:
        pool = samples.get(key, [])
        pick = random.Random(1).sample(pool, min(a.samples, len(pool)))
        print(f"\n== {len(pick)} of {len(pool)} samples of {key!r}")
        for s in pick:
            print(" -", s[:260])
    return 0


if __name__ == "__main__":
    sys.exit(main())
