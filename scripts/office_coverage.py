"""How many people the gazetteer links and how many office titles resolve, on raw news.

Runs the pipeline on a fixed sample of ``../shared/corpus/raw`` (about 300 articles across
sources and years, seed 7) and counts: persons linked to the gazetteer vs. romanized letter by
letter, persons named only by a title, title mentions, and how many office-title strings of the
text (``رئیس‌جمهور``, ``وزیر X``, ``سخنگوی X``, ...) a title mention covers. ``-v`` also lists
the uncovered title strings. Used to check ``offices_*.yaml`` (README of the gazetteer).

    python scripts/office_coverage.py [-v]
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path
from typing import Any

from rasad.entities.gazetteer import Gazetteer
from rasad.pipeline import analyze

RAW = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "raw"
QUOTA = {"lml": 150, "irnews": 80, "fg": 30, "fj": 20, "b3tabnak": 20}
TITLES = re.compile(
    r"(رئیس[\u200c ]?جمهور(?:ی)?|وزیر (?:امور )?خارجه|وزیر [^\s،.]+|سخنگوی [^\s،.]+(?: [^\s،.]+)?"
    r"|رئیس (?:قوه|دستگاه) قضا|رئیس مجلس|فرمانده کل [^\s،.]+|دبیر شورای عالی امنیت ملی"
    r"|رئیس سازمان انرژی اتمی|رئیس کل بانک مرکزی|شهردار تهران|معاون اول رئیس[\u200c ]?جمهور"
    r"|دبیرکل سازمان ملل|مدیرکل آژانس)"
)


def sample(seed: int = 7) -> list[dict[str, Any]]:
    """Up to QUOTA articles per source, spread evenly over its years."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for src, n in QUOTA.items():
        by_year: dict[str, list[dict[str, Any]]] = collections.defaultdict(list)
        with open(RAW / f"{src}.jsonl", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                by_year[row["published"][:4]].append(row)
        per = max(1, n // len(by_year))
        pick: list[dict[str, Any]] = []
        for y in sorted(by_year):
            pick += rng.sample(by_year[y], min(per, len(by_year[y])))
        out += pick[:n]
    return out


def main() -> None:
    if not RAW.is_dir():
        sys.exit(f"no raw corpus at {RAW}")
    gaz = Gazetteer.default()
    docs = sample()
    counts: collections.Counter[str] = collections.Counter()
    uncovered: collections.Counter[str] = collections.Counter()
    for row in docs:
        doc = analyze(row["text"], published=row["published"], doc=row["doc"])
        title_only = [e for e in doc.meta.get("title_entities", []) if e.type == "PER"]
        counts["per_by_title_only"] += len(title_only)
        spans: list[tuple[int, int]] = []
        for e in list(doc.entities) + title_only:
            if e.type != "PER":
                continue
            if e not in title_only:
                counts["per_linked" if e.id in gaz.by_id else "per_letters"] += 1
            for m in e.mentions:
                if m.source == "title":
                    counts["title_mentions"] += 1
                    spans.append((m.start, m.end))
        for m in TITLES.finditer(doc.text):
            counts["title_strings"] += 1
            if any(s <= m.start() < e for s, e in spans):
                counts["title_strings_resolved"] += 1
            else:
                uncovered[m.group(0)] += 1
    print(len(docs), "articles", dict(sorted(counts.items())))
    if "-v" in sys.argv:
        for text, n in uncovered.most_common(40):
            print(n, text)


if __name__ == "__main__":
    main()
