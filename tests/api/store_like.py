"""Two hand-written reports of one meeting that disagree on whether it took place."""

from __future__ import annotations

from rasad.model import Article, Event


def contested_pair() -> list[Article]:
    out = []
    for doc, day, status, text, source in (
        ("c1", "2025-10-20", "occurred", "دیدار دو وزیر در ژنو برگزار شد.", "خبرگزاری الف"),
        ("c2", "2025-10-21", "denied", "دیدار دو وزیر در ژنو انجام نشد.", "خبرگزاری ب"),
    ):
        ev = Event(type="CONSULT", actors=["Sergey Lavrov", "Marco Rubio"], status=status, evidence="دیدار",
                   start=0, end=5, mode="meet", location="Geneva", date="2025-10-20")
        out.append(Article(raw=text, text=text, doc=doc, published=day, events=[ev], source=source))
    return out
