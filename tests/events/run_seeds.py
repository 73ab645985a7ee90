"""Score the events of the 5 seeds against gold (a helper, not a test).

    .venv/bin/python tests/events/run_seeds.py            # full pipeline
    .venv/bin/python tests/events/run_seeds.py --oracle   # gold entities/timexes/quotes injected

With ``--oracle`` the upstream stages are replaced by the gold entities,
timexes and quotes (their spans found in the normalized text), so the numbers
measure the event grammar alone.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from rasad.events import EventStage  # noqa: E402
from rasad.model import Entity, Mention, Quote, Timex  # noqa: E402
from rasad.pipeline import analyze, default_pipeline  # noqa: E402


def _flex(s: str) -> re.Pattern[str]:
    s = s.replace("\u200c", "").replace(" ", "")
    return re.compile(r"[\s\u200c]*".join(re.escape(ch) for ch in s))


def oracle(doc, gold):  # type: ignore[no-untyped-def]
    """Replace entities, timexes and quotes with gold ones located in ``doc.text``."""
    text = doc.text
    ents = []
    for g in gold["entities"]:
        ms = []
        for form in sorted(g["mentions"], key=len, reverse=True):
            for m in _flex(form).finditer(text):
                if not any(x.start <= m.start() < x.end for e in ents for x in e.mentions) and not any(
                    x.start <= m.start() < x.end for x in ms
                ):
                    ms.append(Mention(m.group(), m.start(), m.end()))
        ents.append(Entity(g.get("id") or g["name"], g["name"], g["type"], mentions=ms))
    doc.entities = ents
    doc.timexes = []
    for g in gold["timexes"]:
        for m in _flex(g["text"]).finditer(text):
            doc.timexes.append(Timex(m.group(), m.start(), m.end(), g["type"], g.get("value")))
    doc.quotes = []
    for g in gold["quotes"]:
        words = g["text"].split()
        m = _flex(" ".join(words[:4])).search(text) if words else None
        if m:
            end_m = _flex(" ".join(words[-3:])).search(text, m.start())
            doc.quotes.append(
                Quote(g["speaker"], g["kind"], g["text"], m.start(), end_m.end() if end_m else m.end())
            )
    return doc


def main() -> None:
    use_oracle = "--oracle" in sys.argv
    pipe = default_pipeline()
    stage = EventStage()
    out = Path("/tmp/rasad_events_seeds.jsonl")
    with out.open("w") as fh:
        for f in sorted((SHARED / "seeds").glob("*.txt")):
            d = analyze(f.read_text(encoding="utf-8"), doc=f.stem, pipeline=pipe.without("events"))
            if use_oracle:
                gold = json.loads((SHARED / "eval" / "gold" / f"{f.stem}.json").read_text())
                d = oracle(d, gold)
            d = stage(d)
            fh.write(json.dumps(d.to_dict(), ensure_ascii=False) + "\n")
    res = subprocess.run(
        [sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval" / "gold"), str(out)],
        capture_output=True,
        text=True,
    )
    print(res.stdout[-3000:], res.stderr[-2000:])


if __name__ == "__main__":
    main()
