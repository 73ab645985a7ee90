#!/usr/bin/env python3
"""Count the people and organizations Persian news names that no gazetteer entry covers.

Runs the pipeline through the entities stage over the raw corpus (``../shared/corpus/raw``)
and ranks, by the number of articles naming them:

* ``PER`` and ``ORG`` entities whose id is no gazetteer id (the tagger found them, the
  romanizer spelled them), keyed by their Persian label;
* name-like words right after a title (``آقای``, ``خانم``, ``سرمربی``, ``نخست‌وزیر X``) that
  no entity mention covers (names the tagger missed).

Every ``--every``-th article (by its position in the sorted corpus) is held apart: it is not
counted, and on it the script reports the share of PER mentions linked to a gazetteer entry
(the figure ``people_corpus.yaml`` / ``orgs_corpus.yaml`` were measured with)::

    PYTHONPATH=. python scripts/count_corpus_names.py --top 400 > /tmp/uncovered.tsv
    PYTHONPATH=. python scripts/count_corpus_names.py --measure-only

Output (stdout): ``kind<TAB>articles<TAB>persian<TAB>romanized`` lines, most frequent first.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.entities import EntityStage  # noqa: E402
from rasad.entities.gazetteer import Gazetteer  # noqa: E402
from rasad.model import Article  # noqa: E402
from rasad.pipeline import Pipeline, default_pipeline  # noqa: E402

RAW = ROOT.parent / "shared" / "corpus" / "raw"
# A title (or a country's leader: `نخست‌وزیر X`), then one to three words (the name) before a verb, a comma or a preposition.
TITLES = r"(?:آقای|خانم|سرمربی|مهاجم|هافبک|دروازه‌بان|نخست‌وزیر\s+\S+|رئیس‌جمهور\s+\S+)"
STOP = frozenset(
    "و در به از با که را این آن برای تا هم نیز گفت اظهار کرد کرده است بود شد می‌گوید افزود".split()
)
NAME_AFTER_TITLE = re.compile(TITLES + r"\s+([\u0600-\u06ff\u200c]+(?:\s+[\u0600-\u06ff\u200c]+){0,2})")


def read_raw(raw: Path) -> Iterator[dict[str, str]]:
    for path in sorted(raw.glob("*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


def name_words(span: str) -> str:
    words: list[str] = []
    for w in span.split():
        if w in STOP:
            break
        words.append(w)
    return " ".join(words[:2])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, default=RAW)
    ap.add_argument("--every", type=int, default=10, help="hold apart every N-th article")
    ap.add_argument("--top", type=int, default=400)
    ap.add_argument("--limit", type=int, default=0, help="read at most N articles (0: all)")
    ap.add_argument("--measure-only", action="store_true", help="only the held-apart share")
    args = ap.parse_args()

    gaz = Gazetteer.default()
    nlp = default_pipeline(disable=["syntax", "quotes", "events"])
    # counting: the tagger's organization spans become entities too (the stage keeps PER only)
    count_nlp = Pipeline(
        [
            EntityStage(tagger_types=frozenset({"PER", "ORG"})) if s.name == "entities" else s
            for s in nlp.stages
        ]
    )
    ents: dict[str, Counter[str]] = {"PER": Counter(), "ORG": Counter()}
    roman: dict[str, str] = {}
    titled: Counter[str] = Counter()
    per_linked = per_all = 0
    t0 = time.process_time()
    n = 0
    for i, row in enumerate(read_raw(args.raw)):
        if args.limit and i >= args.limit:
            break
        held = i % args.every == 0
        if args.measure_only and not held:
            continue
        n += 1
        art = Article(raw=row["text"], doc=row["doc"])
        if row.get("published"):
            art.published = row["published"]
            art.published_source = "metadata"
        doc = (nlp if held else count_nlp)(art)
        if held:
            for e in doc.entities:
                if e.type == "PER":
                    k = sum(1 for m in e.mentions if m.source in ("gazetteer", "crf", "coref"))
                    per_all += k
                    if gaz.get(e.id) is not None:
                        per_linked += k
            continue
        seen: set[tuple[str, str]] = set()
        covered: list[tuple[int, int]] = []
        for e in doc.entities:
            covered.extend((m.start, m.end) for m in e.mentions)
            if e.type in ents and gaz.get(e.id) is None:
                key = e.label_fa or (e.mentions[0].text if e.mentions else "")
                if key and (e.type, key) not in seen:
                    seen.add((e.type, key))
                    ents[e.type][key] += 1
                    roman.setdefault(key, e.name)
        text = doc.text
        names: set[str] = set()
        for m in NAME_AFTER_TITLE.finditer(text):
            s, t = m.start(1), m.end(1)
            if any(a < t and s < b for a, b in covered):
                continue
            w = name_words(m.group(1))
            if w:
                names.add(w)
        titled.update(names)
    cpu = time.process_time() - t0
    share = per_linked / per_all if per_all else 0.0
    print(
        f"# {n} articles read, {cpu:.0f} s CPU; held-apart PER mentions linked to the gazetteer: "
        f"{per_linked}/{per_all} = {share:.3f}",
        file=sys.stderr,
    )
    if args.measure_only:
        return
    for kind, counts in ents.items():
        for key, c in counts.most_common(args.top):
            print(f"{kind}\t{c}\t{key}\t{roman.get(key, '')}")
    for key, c in titled.most_common(args.top):
        print(f"TITLED\t{c}\t{key}\t")


if __name__ == "__main__":
    main()
