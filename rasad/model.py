"""The document model: one :class:`Article` flows through every stage.

Every span keeps character offsets ``[start, end)`` into ``Article.text`` (the
normalized text); ``Article.to_raw(i)`` maps an offset back into ``Article.raw``.

Example::

    >>> from rasad.model import Article
    >>> a = Article(raw="سلام", text="سلام", offsets=[0, 1, 2, 3, 4])
    >>> a.to_raw(2)
    2
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Sentence:
    """A sentence of the normalized text: ``text[start:end]``."""

    start: int
    end: int


@dataclass
class Timex:
    """A time expression, e.g. ``روز سه‌شنبه ۲۹ مهر`` → ``2025-10-21``."""

    text: str
    start: int
    end: int
    type: str  # DATE | TIME | DURATION | SET
    value: str | None
    granularity: str | None = None  # day | week | month | year | time | duration | ...
    anchor: str | None = None  # what it was resolved against: "published", "explicit", ...
    calendar: str | None = None  # jalali | gregorian | hijri | relative
    interval: str | None = None  # exact ISO day interval when ``value`` rounds a Jalali/Hijri period

    def contract(self) -> dict[str, Any]:
        d = asdict(self)
        return d


@dataclass
class Mention:
    """One surface form of an entity at an offset, e.g. ``لاوروف``."""

    text: str
    start: int
    end: int
    source: str = "gazetteer"  # gazetteer | crf | coref | adjective | title


@dataclass
class Entity:
    """A distinct real-world entity in an article, linked to a canonical identity."""

    id: str  # Wikidata QID when known, else "rasad:<slug>"
    name: str  # English canonical label (English Wikipedia title)
    type: str  # PER ORG GPE LOC FAC EVENT
    label_fa: str | None = None
    mentions: list[Mention] = field(default_factory=list)

    def contract(self) -> dict[str, Any]:
        forms: list[str] = []
        for m in self.mentions:
            if m.source in ("gazetteer", "crf", "coref", "adjective") and m.text not in forms:
                forms.append(m.text)
        return {
            "name": self.name,
            "type": self.type,
            "mentions": forms,
            "id": self.id,
            "label_fa": self.label_fa,
            "spans": [[m.start, m.end, m.source] for m in self.mentions],
        }


@dataclass
class Quote:
    """A reported statement, e.g. ``زاخارووا افزود: ...``."""

    speaker: str  # English canonical name, or "anonymous:<role>"
    kind: str  # direct | indirect
    text: str
    start: int
    end: int
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    date: str | None = None
    speaker_id: str | None = None
    speaker_fa: str | None = None
    sentence: int | None = None

    def contract(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Event:
    """A typed event with its factuality, e.g. a denied Trump–Putin summit."""

    type: str  # CONSULT AGREE REJECT REQUEST THREATEN SUPPORT ASSAULT ACCUSE
    actors: list[str]
    status: str  # occurred ongoing planned proposed denied cancelled
    evidence: str
    start: int
    end: int
    mode: str | None = None
    location: str | None = None
    date: str | None = None
    cameo: str | None = None
    trigger: str | None = None
    actor_ids: list[str] = field(default_factory=list)
    location_id: str | None = None
    sentence: int | None = None

    def contract(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Token:
    """A word, number or punctuation mark of ``Article.text`` with UD UPOS, lemma and features."""

    start: int
    end: int
    text: str
    pos: str  # UD UPOS: NOUN VERB AUX ADP PRON PROPN ADJ ADV CCONJ SCONJ NUM PUNCT DET PART X
    lemma: str | None = None
    feats: dict[str, str] = field(default_factory=dict)  # Tense Mood Polarity Person Number Voice VerbForm
    sentence: int = 0


@dataclass(slots=True)
class VerbGroup:
    """One finite verb with its parts (prefixes, light-verb nominal, auxiliaries), e.g. ``دیدار خواهد کرد``."""

    start: int
    end: int
    text: str
    lemma: str  # past stem of the lexical (or light) verb: کرد, دید, ...
    lvc_noun: str | None  # the nominal of a light-verb construction: دیدار in دیدار کرد
    tense: str  # past | present | future | perfect | pluperfect
    mood: str  # indicative | subjunctive | imperative
    aspect: str | None  # progressive | imperfective | perfective
    negated: bool
    voice: str  # active | passive
    person: str | None
    number: str | None
    modal: str | None  # باید, توانستن, خواستن, ممکن است, قرار است ...


@dataclass(slots=True)
class Clause:
    """A clause: its verb group, its kind, the clause governing it and argument candidates."""

    start: int
    end: int
    sentence: int
    kind: str  # main | complement | relative | conditional | coordinated | purpose | adverbial
    verb: VerbGroup | None
    parent: int | None  # index of the governing clause in Article.clauses
    subject: tuple[int, int] | None  # span of the subject candidate (an unmarked NP before the verb)
    objects: list[tuple[int, int]] = field(default_factory=list)  # را-objects
    preps: list[tuple[str, int, int]] = field(default_factory=list)  # (preposition, start, end)


@dataclass
class Article:
    """The document object passed from stage to stage.

    ``raw`` is the text as read (after decoding); ``text`` the normalized text;
    ``offsets[i]`` is the raw offset of normalized character ``i`` (with one extra
    entry for ``len(text)``).
    """

    raw: str
    text: str = ""
    offsets: list[int] = field(default_factory=list)
    doc: str = ""
    published: str | None = None
    published_source: str | None = None  # header | metadata | dateline | None
    title: str | None = None
    title_span: tuple[int, int] | None = None
    source: str | None = None  # news agency / site
    byline: str | None = None
    url: str | None = None
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)  # stage "syntax"; not in to_dict()
    clauses: list[Clause] = field(default_factory=list)  # stage "syntax"; not in to_dict()
    warnings: list[str] = field(default_factory=list)

    # --- offsets -----------------------------------------------------------
    def to_raw(self, i: int) -> int:
        """Map an offset in ``text`` to the corresponding offset in ``raw``."""
        if not self.offsets:
            return i
        if i >= len(self.offsets):
            return self.offsets[-1]
        return self.offsets[i]

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span covering normalized ``text[start:end]``."""
        if end <= start:
            r = self.to_raw(start)
            return r, r
        return self.to_raw(start), self.to_raw(end - 1) + 1

    # --- helpers for stages -------------------------------------------------
    def sentence_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (binary search)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s = self.sentences[mid]
            if offset < s.start:
                hi = mid - 1
            elif offset >= s.end:
                lo = mid + 1
            else:
                return mid
        return None

    def sentence_text(self, i: int) -> str:
        s = self.sentences[i]
        return self.text[s.start : s.end]

    def entity_by_id(self, eid: str) -> Entity | None:
        for e in self.entities:
            if e.id == eid:
                return e
        return None

    # --- output -------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        """The JSON output contract of GUIDELINES section 7 (plus extra fields)."""
        return {
            "doc": self.doc,
            "published": self.published,
            "title": self.title,
            "timexes": [t.contract() for t in self.timexes],
            "entities": [e.contract() for e in self.entities],
            "quotes": [q.contract() for q in self.quotes],
            "events": [e.contract() for e in self.events],
            "source": self.source,
            "byline": self.byline,
            "url": self.url,
            "published_source": self.published_source,
            "text": self.text,
            "sentences": [[s.start, s.end] for s in self.sentences],
            "warnings": list(self.warnings),
        }
