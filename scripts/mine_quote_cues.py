#!/usr/bin/env python3
"""Count the reporting constructions the quotes stage misses in raw Persian news (issue 11).

Runs the pipeline through ``quotes`` over a stratified sample of ``../shared/corpus/raw/*.jsonl``
(round robin over source x year, seeded; the dev and seed articles are not in the raw corpus)
and lists, by frequency:

(a) sentences with a reporting construction that no quote covers. Verbs and light-verb
    constructions are read from the syntax layer (:mod:`rasad.syntax`: the clause's verb
    group, its ``lvc_noun`` and past stem), formulas (``به گفته``, ``به نوشته``, ``از نظر``,
    ``در ادامه ... آمده است`` ...) and the colon / «» forms with patterns;
(b) quotes made whose speaker is empty or an unresolved pronoun, by cue.

``--show KEY --samples N`` prints N random sentences of one construction to the terminal
(read them there: never copy corpus sentences into the repository).

Findings of the run for issue 11 (``--limit 400``: 400 articles of all five sources and their
years, 2,624 quotes before the changes, 2,679 after). Missed sentences / sentences with the
construction, before → after:

* ``colon`` 324/2034 → 285 (most left are not speech: prices, lists, footnotes, interviews'
  Q/A labels), ``گفت`` 91/616 → 77, ``«»`` 59/120 (first-person narration, poems, titles),
  ``گفت`` present 49/104 (``باید بگویم``، ``گفته می‌شود``: not reports), ``به نقل از`` 35/74
  (the agency dateline, not a statement), ``افزود`` 33/344 → 25, ``طبق`` 22/43 (``طبق قانون``),
  ``اعلام کرد`` 19/92 → 15, ``... آمده است`` 16/40, ``به گفته`` 15/37 → 12, ``اظهار داشت``
  12/167 → 10, ``پرسید`` 10/12 (first person), ``تصریح کرد`` 9/138 → 5.
* the subjects of missed clauses: ``وی`` 31 (its antecedent was missed first: an unlinked
  name), ``امام جمعه`` 9, ``مسؤول``/``مسوول``/``رییس`` spellings, ``سرمربی``, ``خطیب جمعه``.
* what was changed from it: hamza-seat spellings fold alike in speaker lookup (``رییس`` =
  ``رئیس``, ``مسؤول`` = ``مسوول``); titles امام جمعه, خطیب جمعه, سرمربی, مربی, قاضی, کاپیتان
  and heads شهروند(ان), سخنگویان (``reporting_roles.yaml``); ``به گفته وی؛`` and ``به گفته وی``
  without a comma; the preposition of a leading timex (``در سال ۲۰۲۱ X گفت``); a comma after
  a cue does not open content when the next cue follows it (``X که ... سخن می‌گفت، اظهار داشت``);
  ``در این بیانیه آمده است`` with no salient speaker: the named subject of the sentence before,
  if it names a document (``X بیانیه‌ای صادر کرد``).
* (b) is empty: the stage makes no quote with an empty or unresolved pronoun speaker (it drops
  it), so those show up under (a) as ``وی`` subjects.

Usage::

    PYTHONPATH=. python scripts/mine_quote_cues.py --limit 400
    PYTHONPATH=. python scripts/mine_quote_cues.py --limit 400 --show "به گفته" --samples 20
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

# Candidate verbs: (nominal of a light verb or "", past stem), as the syntax layer gives them.
VERBS: tuple[tuple[str, str], ...] = (
    ("اظهار", "داشت"), ("اظهار", "کرد"), ("تصریح", "کرد"), ("خاطرنشان", "کرد"),
    ("یادآور", "شد"), ("تاکید", "کرد"), ("عنوان", "کرد"), ("بیان", "کرد"), ("اعلام", "کرد"),
    ("", "گفت"), ("", "افزود"), ("ادامه", "داد"), ("", "نوشت"), ("توییت", "کرد"),
    ("توئیت", "کرد"), ("مدعی", "شد"), ("هشدار", "داد"), ("اضافه", "کرد"), ("توضیح", "داد"),
    ("پاسخ", "داد"), ("اذعان", "کرد"), ("ادعا", "کرد"), ("متذکر", "شد"), ("خبر", "داد"),
    ("گزارش", "داد"), ("تاکید", "داشت"), ("اعلام", "داشت"), ("بیان", "داشت"),
    ("", "پرسید"), ("اشاره", "کرد"), ("خواستار", "شد"), ("ابراز", "کرد"), ("", "گوید"),
)
# Formulas written around the content (patterns on the normalized sentence).
FORMULAS: dict[str, str] = {
    "به گفته": r"به گفته(?:\u200c?ی)?\s",
    "به نوشته": r"به نوشته(?:\u200c?ی)?\s",
    "به اعتقاد": r"به اعتقاد\s",
    "به عقیده": r"به عقیده\s",
    "از نظر": r"از نظر\s",
    "از دیدگاه": r"از دیدگاه\s",
    "به باور": r"به باور\s",
    "در ادامه ... آمده است": r"در ادامه[^.؟!]{0,80}?آمده(?:\s+است)?",
    "در بخشی از ... آمده است": r"در بخش(?:ی)? (?:دیگری )?از[^.؟!]{0,80}?آمده(?:\s+است)?",
    "... آمده است": r"آمده است",
    "طبق": r"(?<![\w\u200c])طبق\s",
    "بنا بر": r"بنا ?(?:بر|به)\s",
    "به نقل از": r"به نقل از\s",
    "colon": r":\s*\S",
    "«»": r"«[^»]{15,}»",
}


def fold_key(noun: str, lemma: str) -> str:
    return (noun.replace("أ", "ا") + " " if noun else "") + lemma


def sample_docs(limit: int, skip: set[str]) -> list[dict[str, str]]:
    """A round robin over (source, year) buckets, shuffled with a fixed seed."""
    buckets: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for f in sorted(RAW.glob("*.jsonl")):
        with f.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    d = json.loads(line)
                    if d["doc"] not in skip and d.get("text"):
                        buckets[(f.stem, (d.get("published") or "")[:4])].append(d)
    rng = random.Random(0)
    for b in buckets.values():
        rng.shuffle(b)
    keys = sorted(buckets)
    out: list[dict[str, str]] = []
    i = 0
    while len(out) < limit and any(i < len(buckets[k]) for k in keys):
        for k in keys:
            if i < len(buckets[k]) and len(out) < limit:
                out.append(buckets[k][i])
        i += 1
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    ap.add_argument("--limit", type=int, default=400, help="articles to read (a stratified, seeded sample)")
    ap.add_argument("--top", type=int, default=30)
    ap.add_argument("--show", action="append", default=[], help="a construction key to print samples of")
    ap.add_argument("--samples", type=int, default=0)
    a = ap.parse_args(argv)
    if not RAW.is_dir():
        print(f"no raw corpus at {RAW}", file=sys.stderr)
        return 1

    from rasad.model import Article
    from rasad.pipeline import default_pipeline
    from rasad.quotes.lexicon import load_lexicon

    pipe = default_pipeline(disable=["events"])
    pronouns = load_lexicon().pronouns
    verbs = {fold_key(n, v) for n, v in VERBS}
    formulas = {k: re.compile(p) for k, p in FORMULAS.items()}
    missed: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    samples: dict[str, list[str]] = defaultdict(list)
    weak: Counter[str] = Counter()
    heads: Counter[str] = Counter()
    n_docs = n_quotes = 0
    docs = sample_docs(a.limit, set())
    print(f"{len(docs)} articles from {len({d['doc'].split('-')[0] for d in docs})} sources", file=sys.stderr)
    for d in docs:
        doc = pipe(Article(raw=d["text"], published=d.get("published")))
        n_docs += 1
        n_quotes += len(doc.quotes)
        text = doc.text
        covered = [(q.start, q.end) for q in doc.quotes] + [
            (q.cue_start, q.cue_end) for q in doc.quotes if q.cue_start is not None and q.cue_end is not None
        ]
        for si, s in enumerate(doc.sentences):
            seg = text[s.start : s.end]
            hit = any(cs < s.end and ce > s.start for cs, ce in covered)
            keys: set[str] = set()
            for cl in doc.clauses:
                if cl.sentence != si or cl.verb is None:
                    continue
                v = cl.verb
                noun = v.lvc_noun or ""
                k = fold_key(noun.split()[-1] if noun else "", v.lemma)
                if k in verbs and not hit and cl.subject is not None:
                    sub = text[cl.subject[0] : cl.subject[1]].split()
                    if sub:
                        heads[" ".join(sub[:2])] += 1
                        samples["SUBJ " + " ".join(sub[:2])].append(seg)
                if k in verbs:
                    keys.add(k + (" NEG" if v.negated else "") + (" PRES" if v.tense == "present" else ""))
            for k, rx in formulas.items():
                if rx.search(seg):
                    keys.add(k)
            # speech that runs on from the last line: a paragraph opening with «
            if seg.lstrip().startswith("«") and "»" not in seg:
                keys.add("« across lines")
            for k in keys:
                seen[k] += 1
                if not hit:
                    missed[k] += 1
                    samples[k].append(seg)
        for q in doc.quotes:
            sp = (q.speaker_fa or "").strip()
            if not q.speaker or sp in pronouns:
                key = f"{q.cue or '-'} | {'empty' if not q.speaker else 'pronoun ' + sp}"
                weak[key] += 1
                samples[key].append(text[q.start : q.end][:200])
    print(f"{n_docs} articles, {n_quotes} quotes\n")
    print("== (a) top missed constructions: missed / seen (sentences)")
    for k, c in missed.most_common(a.top):
        print(f"  {c:5d} / {seen[k]:5d}  {k}")
    print(f"\n== (b) quotes with an empty or pronoun speaker, by cue ({sum(weak.values())})")
    for k, c in weak.most_common(a.top):
        print(f"  {c:5d}  {k}")
    print("\n== (c) first two words of the subjects of missed reporting clauses")
    print("  " + "; ".join(f"{k} {c}" for k, c in heads.most_common(a.top * 2)))
    for key in a.show:
        pool = samples.get(key, [])
        pick = random.Random(1).sample(pool, min(a.samples, len(pool)))
        print(f"\n== {len(pick)} of {len(pool)} samples of {key!r}")
        for p in pick:
            print("  -", p.replace("\n", " ")[:400])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
