"""Reporting-verb lexicon: loads ``rasad/data/lexicons/reporting*.yaml`` and finds cues.

Verbs are listed once (stems, light verbs) and conjugated here for the third person;
every form is matched with Aho-Corasick, tolerant of a ZWNJ written as a space or left
out (``می‌گوید`` / ``می گوید`` / ``میگوید``) and of ``أ`` written ``ا``.

    >>> lex = load_lexicon()
    >>> [h.form.lemma for h in lex.find("لاوروف روز دوشنبه تأکید کرد که ...")]
    ['تأکید کرد']
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import ahocorasick

DATA = Path(__file__).resolve().parent.parent / "data" / "lexicons"
ZWNJ = "\u200c"


@dataclass(frozen=True)
class CueForm:
    """One written form of a reporting cue, e.g. ``اعلام کرده بود``."""

    form: str
    lemma: str  # third person singular simple past: ``اعلام کرد``
    negated: bool = False
    plural: bool = False
    objects: tuple[str, ...] = ()
    split: bool = False  # only the non-verbal part (``خواستار``); the light verb follows later
    light: tuple[str, ...] = ()  # light verbs that may close a split cue
    colon_only: bool = False
    ke_only: bool = False
    object_only: bool = False
    context_speaker: bool = False
    participle: bool = False  # ``با بیان اینکه ...``: content up to the main verb, same subject
    bare: bool = False  # a bare past participle (``توصیف کرده، اما ...``): not before a passive
    ta: bool = False  # a request: ``تا`` opens the content like ``که`` (``از X خواست تا ...``)
    source_only: bool = False  # only a named source states with it (``گزارش X نشان می‌دهد``)


@dataclass(frozen=True)
class CueHit:
    """A cue found in a text: ``text[start:end]`` is the cue as written."""

    start: int
    end: int
    form: CueForm


@dataclass
class Lexicon:
    """All reporting cues plus the closed word lists the quote grammar needs."""

    automaton: Any
    blocked: Any
    light_forms: dict[str, list[str]]
    according_to: list[str]
    relay: list[str]
    agency: list[str]
    claim_nouns: dict[str, str]
    claim_links: list[str]
    pronouns: frozenset[str]
    breakers: list[str]
    prepositions: frozenset[str]
    adverbs: list[str]
    demonstratives: list[str] = field(default_factory=list)
    not_in_names: list[str] = field(default_factory=list)
    forms: dict[str, CueForm] = field(default_factory=dict)
    outlet_nouns: list[str] = field(default_factory=list)
    work_nouns: list[str] = field(default_factory=list)
    author_nouns: list[str] = field(default_factory=list)
    source_prefixes: list[str] = field(default_factory=list)
    agency_named: list[str] = field(default_factory=list)
    report_modifiers: list[str] = field(default_factory=list)
    anaphoric_outlet_nouns: list[str] = field(default_factory=list)
    topic_heads: list[str] = field(default_factory=list)
    written_by: list[str] = field(default_factory=list)
    not_content_openers: list[str] = field(default_factory=list)
    unnamed_sources: dict[str, str] = field(default_factory=dict)
    narrator_cues: list[str] = field(default_factory=list)
    narrator_openers: list[str] = field(default_factory=list)
    org_heads: list[str] = field(default_factory=list)
    publishers: list[str] = field(default_factory=list)
    document_nouns: list[str] = field(default_factory=list)

    def find(self, text: str) -> list[CueHit]:
        """Cue occurrences at word boundaries, leftmost-longest, minus blocked phrases."""
        blocked: list[tuple[int, int]] = []
        for end, length in self.blocked.iter(text):
            s = end - length + 1
            if s == 0 or not _is_word_char(text[s - 1]):  # a prefix: گفت‌وگوها
                blocked.append((s, end + 1))
        cands: list[CueHit] = []
        for end, (length, form) in self.automaton.iter(text):
            s = end - length + 1
            if _bounded(text, s, end + 1):
                cands.append(CueHit(s, end + 1, form))
        cands.sort(key=lambda h: (h.start, -(h.end - h.start)))
        out: list[CueHit] = []
        last_end = -1
        for h in cands:
            if h.start < last_end:
                continue
            if any(bs < h.end and h.start < be for bs, be in blocked):
                continue
            if h.form.bare and _PASSIVE.match(text, h.end):
                continue  # «پاسخ داده شد»: a passive, not a report
            out.append(h)
            last_end = h.end
        return out


_PASSIVE = re.compile(r"\s+(?:شد|شده|شود|می\u200cشود|می\sشود|است\s+که\s+شود)(?![\w\u200c])")


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c == ZWNJ or "\u064b" <= c <= "\u065f"


def _bounded(text: str, s: int, e: int) -> bool:
    if s > 0 and _is_word_char(text[s - 1]):
        return False
    return not (e < len(text) and _is_word_char(text[e]))


def variants(form: str) -> set[str]:
    """Spellings accepted for ``form``: each ZWNJ as ZWNJ, space or nothing; ``أ`` as ``ا``.

    >>> sorted(variants("می‌گوید"))
    ['می گوید', 'میگوید', 'می\u200cگوید']
    """
    bases = {form, form.replace("أ", "ا")}
    out: set[str] = set()
    for b in bases:
        parts = b.split(ZWNJ)
        if len(parts) > 4:
            out.add(b)
            continue
        for seps in itertools.product((ZWNJ, " ", ""), repeat=len(parts) - 1):
            out.add(parts[0] + "".join(s + p for s, p in zip(seps, parts[1:], strict=True)))
    return out


def conjugate(past: str, present: str) -> list[tuple[str, bool, bool]]:
    """Third-person forms of a verb as ``(form, negated, plural)``.

    >>> [f for f, neg, pl in conjugate("گفت", "گوی")][:4]
    ['گفت', 'گفتند', 'می\u200cگفت', 'می\u200cگفتند']
    """
    out: list[tuple[str, bool, bool]] = []
    for neg in (False, True):
        n = "ن" if neg else ""
        mi = ("نمی" if neg else "می") + ZWNJ
        out += [
            (n + past, neg, False),
            (n + past + "ند", neg, True),
            (mi + past, neg, False),
            (mi + past + "ند", neg, True),
            (n + past + "ه است", neg, False),
            (n + past + "ه" + ZWNJ + "است", neg, False),
            (n + past + "ه" + ZWNJ + "اند", neg, True),
            (n + past + "ه بود", neg, False),
            (n + past + "ه بودند", neg, True),
            (mi + present + "د", neg, False),
            (mi + present + "ند", neg, True),
        ]
    return out


def _as_list(v: Any) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


@lru_cache(maxsize=4)
def _read_yaml(path: str) -> dict[str, Any]:
    from rasad.cache import load_yaml  # start-up cache of the parsed file

    data = load_yaml(path)
    return data if isinstance(data, dict) else {}


def _colon_only(flag: Any, form: str, present: str) -> bool:
    """``colon_only: past``: only the past forms need a colon (``ادامه داد: ...``); the
    present of analysis pieces reports a bare clause (``گزارش ادامه می‌دهد مشکل ... است``)."""
    if flag == "past":
        return (ZWNJ + present) not in form
    return bool(flag)


def cue_forms(data: dict[str, Any]) -> dict[str, CueForm]:
    """Every canonical (normalized) cue form of the YAML data, keyed by form.

    Besides the conjugations of :func:`conjugate`, compound verbs (and simple verbs flagged
    ``bare_participle``) get the bare past participle that journalistic Persian uses
    without ``است`` (``ایران را عاملی بی‌ثبات‌کننده توصیف کرده، اما ...``).
    """
    light = data.get("light_verbs", {}) or {}
    forms: dict[str, CueForm] = {}

    def add(form: str, **kw: Any) -> None:
        forms.setdefault(form, CueForm(form=form, **kw))

    for e in data.get("simple", []) or []:
        lemma = e["past"]
        objs = tuple(_as_list(e.get("object")))
        for f, neg, pl in conjugate(e["past"], e["present"]):
            if e.get("past_only") and "می" + ZWNJ in f:
                continue  # present and progressive: «می‌داند» is "knows", not a report
            add(
                f,
                lemma=lemma,
                negated=neg and not e.get("keep_negated"),
                plural=pl,
                objects=objs,
                object_only=bool(e.get("object_only")),
                ke_only=bool(e.get("ke_only")),
                ta=bool(e.get("ta")),
            )
        if e.get("bare_participle"):
            add(
                e["past"] + "ه",
                lemma=lemma,
                objects=objs,
                object_only=bool(e.get("object_only")),
                ke_only=bool(e.get("ke_only")) or e.get("bare_participle") == "ke",
                bare=True,
            )
    for e in data.get("compound", []) or []:
        objs = tuple(_as_list(e.get("object")))
        lights = tuple(_as_list(e.get("light")))
        for pre in _as_list(e.get("pre")):
            for lv in lights:
                stems = light[lv]
                lemma = f"{pre} {stems['past']}"
                keep = bool(e.get("keep_negated"))  # «رد نکرد» (did not rule out) is a statement
                for f, neg, pl in _light_conj(stems):
                    add(
                        f"{pre} {f}",
                        lemma=lemma,
                        negated=neg and not keep,
                        plural=pl,
                        bare=f == stems["past"] + "ه",
                        objects=objs,
                        light=lights,
                        colon_only=_colon_only(e.get("colon_only"), f, stems.get("present", "")),
                        ke_only=bool(e.get("ke_only")),
                        object_only=bool(e.get("object_only")),
                        ta=bool(e.get("ta")),
                    )
            if e.get("split"):
                add(pre, lemma=pre, objects=objs, split=True, light=lights)
    for e in data.get("fixed", []) or []:
        for f in _as_list(e.get("forms")):
            add(
                f,
                lemma=f,
                colon_only=bool(e.get("colon_only")),
                ke_only=bool(e.get("ke_only")),
                context_speaker=e.get("speaker") == "context",
                source_only=e.get("speaker") == "named",
            )
    for f in _as_list(data.get("participial")):
        add(f, lemma=f, participle=True)
    return forms


def _light_conj(stems: dict[str, Any]) -> list[tuple[str, bool, bool]]:
    """The forms of a light verb: conjugated from its stems (with the bare participle), or
    listed as ``forms`` (the copula: ``است``، ``هستند``، ``بود``)."""
    if stems.get("forms"):
        return [(f, False, f.endswith("ند")) for f in _as_list(stems["forms"])]
    return conjugate(stems["past"], stems["present"]) + [(stems["past"] + "ه", False, False)]


def light_verb_forms(data: dict[str, Any]) -> dict[str, list[str]]:
    """Affirmative forms of each light verb (to close a split cue), longest first."""
    out: dict[str, list[str]] = {}
    for name, stems in (data.get("light_verbs", {}) or {}).items():
        fs = [f for f, neg, _ in _light_conj(stems) if not neg]
        out[name] = sorted({v for f in fs for v in variants(f)}, key=len, reverse=True)
    return out


@lru_cache(maxsize=2)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The lexicon of ``reporting.yaml`` (cached: the object is read-only), kept in the
    start-up cache with its automata (keyed by the YAML file and this module)."""
    from rasad.cache import cached

    src = path or str(DATA / "reporting.yaml")
    return cached("quote-lexicon", [Path(src), Path(__file__)], lambda: build_lexicon(src))


def build_lexicon(path: str | None = None) -> Lexicon:
    """Build the lexicon from ``reporting.yaml``: cue forms and their spelling variants in an automaton."""
    data = _read_yaml(path or str(DATA / "reporting.yaml"))
    forms = cue_forms(data)
    auto = ahocorasick.Automaton()
    for f, cf in forms.items():
        vs = variants(f)
        if " " in cf.lemma and not cf.participle and not cf.split:
            vs |= {v.replace(" ", "", 1) for v in vs}  # «اظهارداشت»: the light verb written on
        for v in vs:
            if v not in auto:
                auto.add_word(v, (len(v), cf))
    auto.make_automaton()
    blocked = ahocorasick.Automaton()
    for b in _as_list(data.get("blocked")):
        for v in variants(b):
            blocked.add_word(v, len(v))
    blocked.make_automaton()
    return Lexicon(
        automaton=auto,
        blocked=blocked,
        light_forms=light_verb_forms(data),
        according_to=_as_list(data.get("according_to")),
        relay=_as_list(data.get("relay")),
        agency=_as_list(data.get("agency")),
        claim_nouns={k: (v or "") for k, v in (data.get("claim_nouns", {}) or {}).items()},
        claim_links=_as_list(data.get("claim_links")),
        pronouns=frozenset(_as_list(data.get("pronouns"))),
        breakers=_as_list(data.get("breakers")),
        prepositions=frozenset(_as_list(data.get("prepositions"))),
        adverbs=_as_list(data.get("adverbs")),
        demonstratives=_as_list(data.get("demonstratives")),
        not_in_names=_as_list(data.get("not_in_names")),
        forms=forms,
        outlet_nouns=_as_list(data.get("outlet_nouns")),
        work_nouns=_as_list(data.get("work_nouns")),
        author_nouns=_as_list(data.get("author_nouns")),
        source_prefixes=_as_list(data.get("source_prefixes")),
        agency_named=_as_list(data.get("agency_named")),
        report_modifiers=_as_list(data.get("report_modifiers")),
        anaphoric_outlet_nouns=_as_list(data.get("anaphoric_outlet_nouns")),
        topic_heads=_as_list(data.get("topic_heads")),
        written_by=_as_list(data.get("written_by")),
        not_content_openers=_as_list(data.get("not_content_openers")),
        unnamed_sources={k: str(v) for k, v in (data.get("unnamed_sources", {}) or {}).items()},
        narrator_cues=_as_list(data.get("narrator_cues")),
        narrator_openers=_as_list(data.get("narrator_openers")),
        org_heads=_as_list(data.get("org_heads")),
        publishers=_as_list(data.get("publishers")),
        document_nouns=_as_list(data.get("document_nouns")),
    )


@dataclass(frozen=True)
class Roles:
    """Role nouns for anonymous speakers and titles (``reporting_roles.yaml``)."""

    heads: dict[str, str]
    rank: dict[str, str]
    origin: dict[str, str]
    quantity: dict[str, str]
    titles: dict[str, str]
    institutions: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()
    same_office: dict[str, str] = field(default_factory=dict)
    singular_heads: tuple[str, ...] = ()


@lru_cache(maxsize=2)
def load_roles(path: str | None = None) -> Roles:
    """The role tables (cached: read-only)."""
    data = _read_yaml(path or str(DATA / "reporting_roles.yaml"))
    return Roles(
        heads=dict(data.get("heads", {}) or {}),
        rank=dict(data.get("rank", {}) or {}),
        origin=dict(data.get("origin", {}) or {}),
        quantity=dict(data.get("quantity", {}) or {}),
        titles=dict(data.get("titles", {}) or {}),
        institutions=tuple(_as_list(data.get("institutions"))),
        honorifics=tuple(_as_list(data.get("honorifics"))),
        same_office=dict(data.get("same_office", {}) or {}),
        singular_heads=tuple(_as_list(data.get("singular_heads"))),
    )
