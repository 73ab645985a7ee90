"""Build hand-made :class:`~rasad.model.Article` objects from validation records.

A record gives a sentence, the entities / time expressions / quotes an upstream
stage would produce (by surface form), and the events expected from it; see
``validation.yaml``.  Offsets are found in the text, so records stay readable.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from rasad.model import Article, Entity, Event, Mention, Quote, Sentence, Timex

HERE = Path(__file__).resolve().parent
JOINT = ("CONSULT", "AGREE")
_SENT = re.compile(r"[^.!?؟\n]+[.!?؟»]*")


def load_records(name: str = "validation.yaml") -> list[dict[str, Any]]:
    with open(HERE / name, encoding="utf-8") as fh:
        return list(yaml.safe_load(fh))


def _occurrences(text: str, form: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(re.escape(form), text):
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        if before.isalpha() or after.isalpha():
            continue
        out.append((m.start(), m.end()))
    return out


def build(record: dict[str, Any]) -> Article:
    """The article a record describes, as the upstream stages would leave it."""
    text = record["text"]
    doc = Article(raw=text, text=text, offsets=list(range(len(text) + 1)), doc=record["id"])
    doc.published = record.get("published")
    doc.sentences = [Sentence(m.start(), m.end()) for m in _SENT.finditer(text) if m.group().strip()]
    by_name: dict[str, Entity] = {}
    for form, spec in (record.get("entities") or {}).items():
        name, etype = spec[0], spec[1]
        source = spec[2] if len(spec) > 2 else "gazetteer"
        spans = _occurrences(text, form)
        assert spans, f"{record['id']}: entity form {form!r} not in text"
        ent = by_name.setdefault(name, Entity(id=f"test:{name}", name=name, type=etype))
        ent.mentions.extend(Mention(form, a, b, source) for a, b in spans)
    doc.entities = list(by_name.values())
    for form, value in (record.get("timexes") or {}).items():
        spans = _occurrences(text, form)
        assert spans, f"{record['id']}: timex {form!r} not in text"
        for a, b in spans:
            ttype = "TIME" if "T" in str(value) else "DATE"
            doc.timexes.append(Timex(form, a, b, ttype, str(value)))
    for q in record.get("quotes") or []:
        a = text.index(q["text"])
        doc.quotes.append(Quote(q["speaker"], "direct", q["text"], a, a + len(q["text"]), date=q.get("date")))
    return doc


def matches(expected: dict[str, Any], got: Event) -> bool:
    """Does a produced event satisfy an expected one?"""
    if got.type != expected["type"]:
        return False
    want = list(expected["actors"])
    if got.type in JOINT:
        if set(got.actors) != set(want):
            return False
    elif got.actors[:1] != want[:1] or set(got.actors) != set(want):
        return False
    for key in ("status", "date", "location", "mode"):
        if key in expected and getattr(got, key) != expected[key]:
            return False
    return True


def check(record: dict[str, Any], events: list[Event]) -> list[str]:
    """Problems with ``events`` against the record's expectations (empty when all is well)."""
    problems: list[str] = []
    left = list(events)
    for exp in record["expect"]:
        hit = next((e for e in left if matches(exp, e)), None)
        if hit is None:
            problems.append(f"missing {exp}")
        else:
            left.remove(hit)
    for e in left:
        problems.append(
            f"unexpected {e.type} {e.actors} {e.status} date={e.date} loc={e.location} mode={e.mode}"
        )
    return problems
