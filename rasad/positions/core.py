"""Stance of one statement on the issues it names: the lexicons and the classifier.

A statement is a quote (its content and reporting verb) or an event (its type and evidence).
Issues are found by their Persian forms (``rasad/data/positions/issues.yaml``); the stance comes
from cue words (``stance.yaml``): a condition in the issue's sentence first, then the cue nearest
to the issue in its clause, turned over by its own negated verb (after it: Persian puts the verb
last), a negated modal before it or a negator word opening its phrase, and by an issue form that
names the issue's undoing (``لغو تحریم`` — lifting sanctions — is a stance against sanctions).
With no cue, the reporting verb decides, else a negated verb of the issue's clause (opposes), else
the issue's default (``issues.yaml``: naming terrorism is condemning it), else neutral.

    >>> lex = Lexicon.load()
    >>> [(m.issue, m.polarity) for m in lex.issues_in("خواستار لغو تحریم‌ها شد")]
    [('sanctions', -1)]
    >>> lex.stance("ما از آتش‌بس حمایت می‌کنیم")
    'supports'
    >>> lex.stance("ما از آتش‌بس حمایت نمی‌کنیم")
    'opposes'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from rasad.errors import RasadError

STANCES = ("supports", "opposes", "conditions", "neutral")
_FLIP = {"supports": "opposes", "opposes": "supports"}
_WORD = r"[\w\u200c]"
# A negated finite verb: the negative prefix on a verb form, or a negative copula / auxiliary.
_NEG_VERB = re.compile(
    r"(?<![\w\u200c])(?:نمی[\u200c ]?\w+|نخواه\w*|نکرد\w*|نشد\w*|نشده|نیست\w*|ندار\w*|نداشت\w*|نباید|نپذیر\w*"
    r"|نمی‌توان\w*|نتوان\w*|نکن\w*|نده\w*|ندادن?\w*)"
)


def _yaml(text: str) -> Any:
    """Safe YAML, with the C loader when libyaml is there (the actors' table is large)."""
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class PositionError(RasadError):
    """A malformed issue or stance lexicon."""


@dataclass(frozen=True)
class IssueMention:
    issue: str
    start: int
    end: int
    polarity: int  # 1 for the issue, -1 for its undoing


def _form_pattern(form: str) -> str:
    parts = [re.escape(p) for p in re.split(r"[\s\u200c]+", form.strip()) if p]
    return r"[\s\u200c]?".join(parts)


def _alternation(forms: list[str]) -> re.Pattern[str] | None:
    forms = sorted({f for f in forms if f.strip()}, key=len, reverse=True)
    if not forms:
        return None
    return re.compile(r"(?<![\w\u200c])(?:" + "|".join(_form_pattern(f) for f in forms) + ")")


def _as_list(v: Any, where: str) -> list[str]:
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
        raise PositionError(f"{where}: expected a list of non-empty strings")
    return list(v)


class Lexicon:
    """Issues with their forms, stance cues, and event-type stances."""

    def __init__(self, issues: dict[str, Any], stance: dict[str, Any],
                 metonymy: dict[str, str] | None = None) -> None:
        # a seat of government speaking for its state (Washington → United States): the events'
        # table (``rasad/data/events/actors.yaml``), as the guidelines name an event actor
        self.metonymy: dict[str, str] = dict(metonymy or {})
        self.labels: dict[str, str] = {}
        self.forms: dict[str, list[str]] = {}
        self.defaults: dict[str, str] = {}  # issue → stance of a statement without a cue
        patterns: list[tuple[str, int, re.Pattern[str]]] = []
        for iid, spec in (issues or {}).items():
            if not isinstance(spec, dict):
                raise PositionError(f"issue {iid!r}: expected a mapping with label and forms")
            forms = _as_list(spec.get("forms"), f"issue {iid}.forms")
            against = _as_list(spec.get("against"), f"issue {iid}.against")
            if not forms:
                raise PositionError(f"issue {iid!r} has no forms")
            self.labels[str(iid)] = str(spec.get("label") or iid)
            default = spec.get("default")
            if default is not None:
                if default not in STANCES:
                    raise PositionError(f"issue {iid!r}: unknown default stance {default!r}")
                self.defaults[str(iid)] = str(default)
            self.forms[str(iid)] = forms + against
            for pol, fs in ((-1, against), (1, forms)):
                pat = _alternation(fs)
                if pat is not None:
                    patterns.append((str(iid), pol, pat))
        self._issue_patterns = patterns
        self.cues: dict[str, re.Pattern[str] | None] = {
            k: _alternation(_as_list(stance.get(k), f"stance.{k}")) for k in ("supports", "opposes", "conditions")
        }
        self.negators = _alternation(_as_list(stance.get("negators"), "stance.negators"))
        # reporting verbs that only foresee or relay (پیش‌بینی کرد): the statement takes no side
        self.neutral_cues = _alternation(_as_list(stance.get("neutral_cues"), "stance.neutral_cues"))
        # purpose markers (با هدف, به منظور): the aim named right after them is wanted
        self.purpose = _alternation(_as_list(stance.get("purpose"), "stance.purpose"))
        self.undo = _alternation(_as_list(stance.get("undo"), "stance.undo"))
        self.masked = _alternation(_as_list(stance.get("masked"), "stance.masked"))
        self.undo_between = frozenset(_as_list(stance.get("undo_between"), "stance.undo_between"))
        self.time_ends = frozenset(_as_list(stance.get("time_ends"), "stance.time_ends"))
        temporal = _as_list(stance.get("temporal_before"), "stance.temporal_before")
        self.temporal = (re.compile(r"(?:^|\s)(?:" + "|".join(_form_pattern(t) for t in temporal) + r")\s$")
                         if temporal else None)
        verbs = _as_list(stance.get("undo_verbs"), "stance.undo_verbs")
        # a verb form: optional negative / progressive / subjunctive prefix, the stem, a personal ending
        self.undo_verbs = (re.compile(r"(?:ن|نمی‌|می‌|ب)?(?:" + "|".join(map(re.escape, verbs))
                                      + r")(?:ه|ن|د|ند|یم|ید|ی|ده|دن|ه‌اند|ه‌است)?(?![\w\u200c])")
                           if verbs else None)
        self.event_types: dict[str, str] = {}
        for t, s in (stance.get("event_types") or {}).items():
            if s not in STANCES:
                raise PositionError(f"event type {t}: unknown stance {s!r}")
            self.event_types[str(t)] = str(s)

    @classmethod
    def load(cls, extra: Path | None = None) -> Lexicon:
        base = resources.files("rasad") / "data" / "positions"
        issues = _yaml((base / "issues.yaml").read_text(encoding="utf-8"))["issues"]
        stance = _yaml((base / "stance.yaml").read_text(encoding="utf-8"))
        if extra is not None:
            try:
                more = yaml.safe_load(Path(extra).read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as e:
                raise PositionError(f"cannot read issues file {extra}: {e}") from None
            issues = {**issues, **(more.get("issues") or {})}
        actors = _yaml((resources.files("rasad") / "data" / "events" / "actors.yaml").read_text(encoding="utf-8"))
        return cls(issues, stance, {str(k): str(v) for k, v in (actors.get("metonymy") or {}).items()})

    def actor(self, name: str) -> str:
        """The actor a speaker or event source stands for (a capital → its country)."""
        return self.metonymy.get(name, name)

    def issues_in(self, text: str) -> list[IssueMention]:
        """Issue mentions, longest form first; an undoing form hides the plain form inside it."""
        cands = [(m.start(), m.end(), iid, pol) for iid, pol, pat in self._issue_patterns for m in pat.finditer(text)]
        cands.sort(key=lambda c: (c[0], c[0] - c[1], c[3]))  # leftmost, then longest; undoing forms first
        found: list[IssueMention] = []
        for s, e, iid, pol in cands:
            if any(s < f.end and f.start < e for f in found):
                continue
            if pol > 0 and self._undone(text, s, e):
                pol = -1
            found.append(IssueMention(iid, s, e, pol))
        return sorted(found, key=lambda x: x.start)

    def _undone(self, text: str, start: int, end: int) -> bool:
        """An undoing word governing the mention from right before it, or within four words after
        it as its predicate (followed by a light verb or auxiliary, or closing the clause: تحریم‌ها
        لغو شد) — not heading a noun phrase of its own (… رفع مشکلات)."""
        if self.undo is None:
            return False
        if self._undone_before(text[max(0, start - 80):start]):
            return True
        after = text[end:]
        stop = _UNDO_STOP.search(after)
        after = " ".join(after[: stop.start() if stop else len(after)].split()[:4])
        for m in self.undo.finditer(after):
            nxt = after[m.end():].split()[:1]
            if not nxt or self.undo_verbs is None or self.undo_verbs.match(nxt[0]):
                return True
        return False

    def _undone_before(self, lead: str) -> bool:
        """An undoing word governing the mention from right before it (لغو تحریم‌ها, رفع همه این
        تحریم‌ها), not one with a noun of its own between (لغو معافیت‌های تحریم), nor the end of a
        time span (پس از پایان انتخابات)."""
        words = lead.split()
        while words and words[-1] in self.undo_between:
            words.pop()
        tail = " ".join(words[-3:])
        assert self.undo is not None
        found = list(self.undo.finditer(tail))
        m = found[-1] if found else None
        if m is None or tail[m.end():].strip():
            return False
        head = tail[: m.start()].split()
        if not head or self.temporal is None or m.group(0).split()[0] not in self.time_ends:
            return True
        return not self.temporal.search(" ".join(head[-2:]) + " ")

    def foretells(self, cue: str | None) -> bool:
        """A reporting verb of forecast or relay (پیش‌بینی کرد): the statement takes no side."""
        return bool(cue and self.neutral_cues is not None and self.neutral_cues.search(cue))

    def stance(self, text: str, cue: str | None = None, at: int | None = None, end: int | None = None) -> str:
        """The stance a statement's words express (before issue polarity).

        With ``at`` (an issue mention's offset in ``text``) the cue nearest to it decides, within
        its own clause; without it, the balance of all cues. The reporting verb ``cue`` counts when
        the content has no cue of its own.
        """
        if self.foretells(cue):
            return "neutral"
        hits = self._cue_hits(text)
        if at is not None and self._purpose_of(text, at):
            return "supports"
        if at is not None and hits:
            seg = _segment(text, at)
            sent = _sentence(text, at)
            if any(k == "conditions" and (seg[0] <= s < seg[1] or sent[0] <= s < sent[1]) for k, s, _ in hits):
                return "conditions"
            near = [h for h in hits if seg[0] <= h[1] < seg[1]] or hits
            kind, s, _ = min(near, key=lambda h: (abs(h[1] - at), h[1]))
            if kind == "conditions":
                return "conditions"
            own = self._composed(text, seg, at, at + 1 if end is None else end, hits)
            if own is not None:
                kind, s = own
            cseg = _segment(text, s)
            cs, ce = _own_clause_span(text[cseg[0]:cseg[1]], s - cseg[0])
            # Persian puts a verb after its object: the cue's own verb follows it; before it only a
            # negated modal (نباید, نمی‌توانیم …) reaches over (… که توقف نمی‌دهد نباید … does not)
            after, before = text[s:cseg[0] + ce], text[cseg[0] + cs:s]
            negated = self._negated(after, words=False) or bool(_NEG_MODAL.search(before))
            return _FLIP[kind] if negated or self._negator_before(text, s) else kind
        if at is not None and self.negators is not None:
            lead = " ".join(text[:at].split()[-1:])
            if lead and self.negators.fullmatch(lead) and not hits:
                return "opposes"
        if not hits:
            ckind = self._cue_hits(cue) if cue else []
            if ckind:
                kind = ckind[0][0]
                return _FLIP.get(kind, kind) if self._negated(cue or "") else kind
            if at is not None:
                # no cue at all: a statement that denies the issue's own verb (… را به رسمیت نمی‌شناسیم,
                # به میز مذاکره باز نخواهد گشت) refuses it
                seg = _segment(text, at)
                if self._negated(_own_clause(text[seg[0]:seg[1]], at - seg[0]), words=False):
                    return "opposes"
            return "neutral"
        if any(k == "conditions" for k, _, _ in hits):
            return "conditions"
        sup = sum(k == "supports" for k, _, _ in hits)
        opp = sum(k == "opposes" for k, _, _ in hits)
        if sup == opp:
            return "neutral"
        base = "supports" if sup > opp else "opposes"
        return _FLIP[base] if self._negated(text) else base

    def _composed(self, text: str, seg: tuple[int, int], at: int, end: int, hits: list[tuple[str, int, int]]
                  ) -> tuple[str, int] | None:
        """A cue heading the issue's phrase before it and a predicate cue after it, in the issue's own
        clause, compose (حمایت از آتش‌بس را رد کرد: rejecting support for it is opposing it; مخالفت
        با مذاکرات را محکوم کرد: condemning opposition to it backs it): the product of their signs,
        the first turned over by a negator opening its phrase, read at the predicate (whose own
        negation the caller applies). None unless both are there; cues on one side are
        coordinated (غیرقانونی و ظالمانه), not nested."""
        cs, ce = _own_clause_span(text[seg[0]:seg[1]], at - seg[0])
        own = [h for h in hits if seg[0] + cs <= h[1] < seg[0] + ce and h[0] != "conditions"]
        head = [h for h in own if h[2] <= at]
        pred = [h for h in own if h[1] >= end]
        if not head or not pred:
            return None
        h, p = max(head, key=lambda x: x[1]), min(pred, key=lambda x: x[1])
        sign = (1 if h[0] == "supports" else -1) * (-1 if self._negator_before(text, h[1]) else 1)
        sign *= 1 if p[0] == "supports" else -1
        return ("supports" if sign > 0 else "opposes"), p[1]

    def _purpose_of(self, text: str, at: int) -> bool:
        """A purpose marker earlier in the sentence, with only a list of aims (no verb, no negation) between."""
        if self.purpose is None:
            return False
        sent = _sentence(text, at)
        found = [m for m in self.purpose.finditer(text, sent[0], at)]
        if not found:
            return False
        between = text[found[-1].end():at]
        return not (_NEG_VERB.search(between) or _VERB_END.search(between) or len(between.split()) > 25)

    def _cue_hits(self, text: str) -> list[tuple[str, int, int]]:
        hits: list[tuple[str, int, int]] = []
        if self.masked is not None:
            # "although" (اگرچه) is not "if" (اگر); "the opposition" (مخالفان) is not "opposed"
            text = self.masked.sub(lambda m: " " * len(m.group(0)), text)
        for kind in ("conditions", "opposes", "supports"):
            pat = self.cues[kind]
            if pat is None:
                continue
            for m in pat.finditer(text):
                if not any(m.start() < e and s < m.end() for _, s, e in hits):
                    hits.append((kind, m.start(), m.end()))
        return hits

    def _negated(self, text: str, words: bool = True) -> bool:
        """A negated verb (or, with ``words``, a negator word anywhere), not counting the opposition
        cues that are negative themselves."""
        opp = self.cues["opposes"]
        bare = opp.sub(" ", text) if opp is not None else text
        return bool(_NEG_VERB.search(bare)) or bool(words and self.negators and self.negators.search(bare))

    def _negator_before(self, text: str, at: int) -> bool:
        """A negator word (نه, بدون, هیچ) among the two words before offset ``at``: its scope is the
        phrase it opens (… و نه برای برقراری صلح), not the whole clause."""
        if self.negators is None:
            return False
        lead = text[max(0, at - 40):at].split()[-2:]
        return any(self.negators.fullmatch(w) for w in lead)


_NEG_MODAL = re.compile(r"(?<![\w\u200c])(?:نباید|نمی[\u200c ]?توان\w*|نتوان\w*|نمی[\u200c ]?خواه\w*|نخواه\w*)")
_CLAUSE_BREAK = re.compile(r"[.،؛!?؟:\n]|(?<![\w\u200c])(?:که|اما|ولی|زیرا|چون)(?![\w\u200c])")


_SENTENCE_BREAK = re.compile(r"[.!?؟\n]")
_UNDO_STOP = re.compile(r"[.،؛:!?؟\n]")
# A finite verb closing a clause before "و" (…ندارد و …, …است و …): coordinated clauses are each
# their own scope of negation.
_VERB_END = re.compile(r"(?<![\w\u200c])(?:\w+(?:ند|ید|یم|د)|است|نیست|هست)(?=\s+و\s)")


def _own_clause(seg: str, at: int) -> str:
    """The coordinated clause of ``seg`` that holds offset ``at``."""
    start, end = _own_clause_span(seg, at)
    return seg[start:end]


def _own_clause_span(seg: str, at: int) -> tuple[int, int]:
    """Offsets in ``seg`` of the coordinated clause that holds offset ``at``."""
    start, end = 0, len(seg)
    for m in _VERB_END.finditer(seg):
        cut = m.end()
        if cut <= at:
            start = cut
        else:
            end = cut
            break
    return start, end


def _around(text: str, at: int, breaks: re.Pattern[str]) -> tuple[int, int]:
    """The stretch of ``text`` around offset ``at`` between two matches of ``breaks``."""
    start, end = 0, len(text)
    for m in breaks.finditer(text):
        if m.end() <= at:
            start = m.end()
        elif m.start() > at:
            end = m.start()
            break
    return start, end


def _sentence(text: str, at: int) -> tuple[int, int]:
    return _around(text, at, _SENTENCE_BREAK)


def _segment(text: str, at: int) -> tuple[int, int]:
    """The clause-like stretch around ``at`` (between punctuation and که/اما/ولی)."""
    return _around(text, at, _CLAUSE_BREAK)


def apply_polarity(stance: str, polarity: int) -> str:
    return _FLIP.get(stance, stance) if polarity < 0 else stance
