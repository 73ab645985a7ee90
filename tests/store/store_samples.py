"""Articles written for the store tests (our own sentences in the style of Persian news)."""

from __future__ import annotations

from rasad.model import Article, Entity, Event, Mention, Quote, Sentence

ZW = "\u200c"


def make_article(
    text: str,
    doc: str,
    published: str | None = "2025-10-20",
    events: list[Event] | None = None,
    entities: list[Entity] | None = None,
    quotes: list[Quote] | None = None,
    source: str | None = "خبرگزاری نمونه",
    title: str | None = None,
) -> Article:
    """An analyzed article built by hand (raw = text; one sentence per period)."""
    sents, start = [], 0
    for i, ch in enumerate(text):
        if ch == ".":
            sents.append(Sentence(start, i + 1))
            start = i + 2
    return Article(
        raw=text, text=text, offsets=list(range(len(text) + 1)), doc=doc, published=published,
        published_source="metadata" if published else None, source=source, title=title,
        sentences=sents, events=events or [], entities=entities or [], quotes=quotes or [],
    )


def span(text: str, part: str) -> tuple[int, int]:
    i = text.index(part)
    return i, i + len(part)


def summit_article(doc: str, published: str, status: str, date: str | None, actors: list[str],
                   text: str, trigger: str, location: str | None = "Alaska") -> Article:
    s, e = span(text, trigger)
    ev = Event(type="CONSULT", actors=actors, status=status, evidence=trigger, start=s, end=e,
               mode="meet", location=location, date=date)
    ents = []
    for name, qid, fa in (("Donald Trump", "Q22686", "ترامپ"), ("Vladimir Putin", "Q7747", "پوتین")):
        if fa in text:
            ms, me = span(text, fa)
            ents.append(Entity(qid, name, "PER", fa, [Mention(fa, ms, me)]))
    return make_article(text, doc, published, events=[ev], entities=ents)


