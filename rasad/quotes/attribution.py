"""Attributions without a reporting verb: ``به گفته X، ...``، ``بنا به گزارش رسانه‌ها، ...``،
``بنا بر گزارش نشریه X، ...``، ``بنا بر این گزارش، ...``، ``گزارش‌هایی ... مبنی بر اینکه ...``.

    >>> from rasad.model import Article, Sentence
    >>> t = "به گفته منابع آگاه، مذاکرات هفته آینده از سر گرفته می‌شود."
    >>> from rasad.quotes.stage import QuoteStage
    >>> [q.speaker for q in QuoteStage()(Article(raw=t, text=t, sentences=[Sentence(0, len(t))])).quotes]
    ['anonymous:informed sources']
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rasad.model import Article, Quote, Sentence
from rasad.quotes.lexicon import CueHit, Lexicon, variants
from rasad.quotes.speaker import Cand, Resolver, Speaker, fold, words

if TYPE_CHECKING:
    from rasad.quotes.stage import Salience

_COMMA = re.compile(r"[،,؛]")  # «به گفته وی؛ ...» is written with a semicolon too
# the place a report was filed from: «به گزارش خبرگزاری رویترز از کربلا، ...»
_DATELINE_FROM = re.compile(r"\s*از\s+[^\s،,]+(?:\s+[^\s،,]+)?\s*$")
_TRIM = " \t\n\u200c.،,؛:!?؟"  # ZWNJ too: «گفت:‌ ...» (a ZWNJ after the colon)


def _alt(items: list[str]) -> str:
    return "|".join(map(re.escape, sorted(items, key=len, reverse=True)))


def _pronoun_only(text: str, start: int, end: int, pronouns: set[str] | frozenset[str]) -> int | None:
    """The end of a pronoun at ``start`` followed by a word, not by a separator (``وی استفاده``)."""
    m = _PRONOUN_WORD.match(text, start, end)
    if m is None or fold(m.group(1)) not in pronouns:
        return None
    return m.end(1)


_PRONOUN_WORD = re.compile(r"\s*([^\s،,؛:.«»]+)\s+(?=[^\s،,؛:.])")


class Attributions:
    """Compiled patterns of the verbless attributions (built once per stage)."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self._according = re.compile(
            r"(?<![\w\u200c])(?:" + _alt(lex.according_to + lex.relay + lex.written_by) + r")\s"
        )
        self._agency = re.compile(r"(?<![\w\u200c])(" + _alt(lex.agency) + r")\s+([^،,.]{2,80})[،,]")
        self._agency_head = re.compile(r"\s*(?:" + _alt(lex.agency) + r")\s")
        self._named = {fold(a) for a in lex.agency_named}
        self._publishers = frozenset(fold(p) for p in lex.publishers)
        self._written = {fold(a) for a in lex.written_by}
        nouns = lex.outlet_nouns + lex.anaphoric_outlet_nouns
        outlets = sorted({v for n in nouns for v in variants(n)}, key=len, reverse=True)
        self._anaphoric = re.compile(
            r"(?<![\w\u200c])(?:"
            + _alt(lex.source_prefixes + lex.agency)
            + r")\s*(?:این|همین)\s+(?:"
            + "|".join(map(re.escape, outlets))
            + r")(?:(?:\s+[^\s،,.]+){0,2}\s*[،,]|\s(?=\S))"  # «به گزارش این رسانه آمریکایی، ...»
        )
        self._modifiers = frozenset(fold(w) for w in lex.report_modifiers)
        trig = (
            lex.according_to
            + lex.relay
            + lex.written_by
            + lex.agency
            + list(lex.claim_links)
            + lex.source_prefixes
        )
        self._unnamed_label = {fold(k): v for k, v in lex.unnamed_sources.items()}
        unnamed = sorted({v for n in lex.unnamed_sources for v in variants(n)}, key=len, reverse=True)
        self._unnamed = re.compile(
            r"(?<![\w\u200c])(" + "|".join(map(re.escape, unnamed or ["\uffff"])) + r")(?![\w\u200c])\s*[،,]?"
        )
        trig += list(lex.unnamed_sources)
        self.trigger = re.compile(_alt(trig))
        nouns = sorted({v for n in lex.claim_nouns for v in variants(n)}, key=len, reverse=True)
        self._claim_label = {fold(k): v for k, v in lex.claim_nouns.items()}
        self._claim = re.compile(
            r"(?<![\w\u200c])("
            + "|".join(map(re.escape, nouns))
            + r")(?![\w\u200c])([^.!?؟]{0,80}?)\s("
            + _alt(list(lex.claim_links))
            + r")\s"
        )

    def __call__(
        self,
        doc: Article,
        res: Resolver,
        sent: Sentence,
        si: int,
        quotes: list[Quote],
        hits: list[CueHit],
        salient: Salience,
    ) -> None:
        """``به گفته X، ...``، ``بنا به گزارش رسانه‌ها، ...``، ``گزارش‌هایی ... مبنی بر اینکه ...``."""
        text = doc.text
        for m in self._according.finditer(text, sent.start, sent.end):
            if any(h.start > m.end() for h in hits):
                continue  # a relay inside a clause with its own cue (… به نقل از X … گزارش داد)
            in_agency = self._agency_head.match(text, sent.start, m.start()) is not None
            comma = _COMMA.search(text, m.end(), sent.end)
            pron = _pronoun_only(text, m.end(), sent.end, res.pronouns)
            if pron is not None and m.start() - sent.start <= 40:
                # «به گفته وی استفاده از ...»: a pronoun is the whole source, the content follows it
                c_start, c_end, s_end = pron, sent.end, pron
            elif comma is None:
                c_start, c_end, s_end = sent.start, m.start(), sent.end
            elif m.start() - sent.start <= 40 or in_agency:
                c_start, c_end, s_end = comma.end(), sent.end, comma.start()
            else:
                c_start, c_end, s_end = sent.start, m.start(), comma.start()
            speakers, how, _ = res.subject(m.end(), s_end)
            if comma is None and text[sent.start : m.start()].rstrip().endswith(("،", ",")):
                # «بنا بر این گزارش، به گفته X ...»: the content follows X, if anything does
                sp2, how2, subj_end = res.subject(m.end(), min(sent.end, m.end() + 60))
                if how2 in ("mention", "role") and len(text[subj_end : sent.end].split()) >= 3:
                    speakers, how = sp2, how2
                    c_start, c_end = subj_end, sent.end
            if how == "this-title":
                sal = salient.get(person=True)
                speakers = [sal] if sal is not None else speakers[:1]
                if not speakers:
                    continue
            elif how == "office":  # «به گفته عضو ناظر شورا، ...»: the salient named person
                sal = salient.get(person=True)
                if sal is not None and sal.type in ("PER", None):
                    speakers = [sal]
            outlet = speakers and speakers[0].type in ("ORG", "GPE")
            if outlet and fold(m.group().strip()) in self._written and _opens_body(doc, m.start()):
                continue  # «به نوشته رویترز، ...» opening the article: its byline, not a speaker
            if in_agency and not (how == "role" or (speakers and speakers[0].type in ("PER", "ORG"))):
                continue  # «به گزارش ... به نقل از ...»: only a named source states what follows
            if not speakers:
                sal = salient.get() if how == "pronoun" else None
                if sal is None:
                    continue
                speakers = [sal]
            c_start, c_end = trim(text, c_start, c_end)
            if len(text[c_start:c_end].split()) < 2:
                continue
            cue = text[m.start() : m.end()].strip()
            for one in speakers:
                quotes.append(_mk(doc, one, c_start, c_end, cue, m.start(), m.end() - 1, si))
                salient.set(one)
        for m in self._agency.finditer(text, sent.start, sent.end):
            if any(h.start > m.end() for h in hits):
                continue
            ws = words(text, m.start(2), m.end(2))
            role = res.role_phrase(ws, 0) if ws else None
            sp: Speaker | None = role[0] if role else None
            opens = res.only_adverbs(sent.start, m.start())  # it opens the sentence
            if sp is None and opens and fold(m.group(1)) in self._named:
                # «بنا بر گزارش نشریه X، ...»: a named outlet is the source of the statement
                # (also «طبق گزارش قبلی روزنامه X، ...»)
                s2 = m.start(2)
                for w in ws[:2]:
                    if w[3] not in self._modifiers:
                        break
                    s2 = w[1]
                cands, how, s_end = res.subject(s2, m.end(2))
                if (
                    cands
                    and how == "mention"
                    and cands[0].type in ("ORG", "PER")
                    and len(text[s_end : m.end(2)].split()) <= 1
                ):
                    sp = cands[0]
            if sp is None and opens:
                sp = self._relayed_agency(doc, res, m)
            if sp is None:
                continue  # a named agency: attribution of the article, not a statement
            c_start, c_end = trim(text, m.end(), sent.end)
            if len(text[c_start:c_end].split()) < 2:
                continue
            cue_end = m.start(2)
            cue = text[m.start() : cue_end].strip()
            quotes.append(_mk(doc, sp, c_start, c_end, cue, m.start(), cue_end - 1, si))
            salient.set(sp)
        for m in self._anaphoric.finditer(text, sent.start, sent.end):
            if any(h.start > m.end() for h in hits):
                continue
            o = res.sources.last_outlet(m.start())  # «بنا بر این گزارش، ...» → the outlet named last
            if o is None:
                o = self._last_relayed(res, m.start())
            if o is None:
                continue
            sp = res.speaker_of(o)
            c_start, c_end = trim(text, m.end(), sent.end)
            if len(text[c_start:c_end].split()) < 2 or self._according.match(text, c_start):
                continue  # «بنا بر این گزارش، به گفته پلیس ...»: the nested source speaks
            quotes.append(
                _mk(
                    doc, sp, c_start, c_end, text[m.start() : m.end() - 1].strip(), m.start(), m.end() - 1, si
                )
            )
            salient.set(sp)
        for m in self._unnamed.finditer(text, sent.start, sent.end):
            if any(h.start > m.end() for h in hits):
                continue  # a clause with its own cue: its speaker is the source
            label = self._unnamed_label.get(fold(m.group(1)))
            # it attributes what follows (``... و طبق برخی گزارش‌ها از ... امتناع خواهد کرد``)
            c_start, c_end = trim(text, m.end(), sent.end)
            if not label or len(text[c_start:c_end].split()) < 2:
                continue
            usp = Speaker(f"anonymous:{label}", m.group(1), None, "ANON")
            quotes.append(_mk(doc, usp, c_start, c_end, m.group(1), m.start(1), m.end(1), si))
        for m in self._claim.finditer(text, sent.start, sent.end):
            ws = words(text, m.start(2), m.end(2))
            csp: Speaker | None = None
            if ws:
                cands, how, _ = res.subject(m.start(2), m.end(2))
                csp = cands[0] if cands and how in ("mention", "role", "title") else None
                if csp is None:
                    rp = res.role_phrase(ws, 0)
                    csp = rp[0] if rp else None
            if csp is None:
                label = self._claim_label.get(fold(m.group(1)))
                if not label:
                    continue  # «ادعای ... مبنی بر» needs a holder
                csp = Speaker(f"anonymous:{label}", m.group(1), None, "ANON")
            c_start, c_end = trim(text, m.end(), sent.end)
            if len(text[c_start:c_end].split()) < 2:
                continue
            quotes.append(_mk(doc, csp, c_start, c_end, m.group(1), m.start(1), m.end(1), si))

    def _last_relayed(self, res: Resolver, pos: int) -> Cand | None:
        """The last organisation before ``pos`` that a report came from: named after a
        publication noun or ``به نقل از`` (also in the dateline: ``به گزارش خبرگزاری رویترز
        از ...``، ``به گزارش فارس به نقل از رویترز``), unless it is a Persian publisher."""
        text = res.text
        best = None
        for c in res.index.cands:
            if c.start >= pos:
                break
            if c.entity.type != "ORG" or self._publisher(c.text):
                continue
            head = fold(c.text.split()[0]) if c.text.split() else ""
            before = [fold(w.strip("«»")) for w in text[max(0, c.start - 30) : c.start].split()]
            if res.sources.is_outlet_noun(head) or (
                before and (res.sources.is_outlet_noun(before[-1]) or before[-2:] == ["نقل", "از"])
            ):
                best = c
        return best

    def _publisher(self, phrase: str) -> bool:
        """Does ``phrase`` name a publisher of Persian news (``گروه بین‌الملل خبرگزاری فارس``)?"""
        toks = [fold(w.strip("«»")) for w in phrase.split()]
        spans = {"".join(toks[i:j]) for i in range(len(toks)) for j in range(i + 1, min(len(toks), i + 3) + 1)}
        return bool(spans & self._publishers)

    def _relayed_agency(self, doc: Article, res: Resolver, m: re.Match[str]) -> Speaker | None:
        """``به گزارش ایرنا، ...`` after the publisher's own ``به گزارش همشهری‌آنلاین``: a
        report relayed from another outlet is that outlet's statement. The first agency
        phrase of the article (or one naming ``doc.source``) is the publisher's own."""
        first = self._agency.search(doc.text)
        name = fold(m.group(2))
        if first is None or first.start() >= m.start():
            # the article's own dateline, unless it names an outlet that is not a publisher
            # of Persian news (``به گزارش خبرگزاری رویترز از کربلا، ...``)
            if self._publisher(m.group(2)):
                return None
        else:
            own = {fold(first.group(2))} | ({fold(doc.source)} if doc.source else set())
            if any(o and (o in name or name in o) for o in own):
                return None
        cands, how, s_end = res.subject(m.start(2), m.end(2))
        if (
            cands
            and how == "mention"
            and cands[0].type == "ORG"
            and (not text_after(doc.text, s_end, m.end(2)) or _DATELINE_FROM.match(doc.text, s_end, m.end(2)))
        ):
            return cands[0]
        return None


def _opens_body(doc: Article, pos: int) -> bool:
    """Is ``pos`` the start of the article's first body line (where the byline stands)?"""
    start = doc.title_span[1] if doc.title_span else 0
    lead = len(doc.text[start:]) - len(doc.text[start:].lstrip())
    return pos - (start + lead) < 3


def text_after(text: str, s: int, e: int) -> bool:
    """Are there words in ``text[s:e]`` (after a mention)?"""
    return bool(text[s:e].strip(_TRIM + "»«"))


def _mk(doc: Article, sp: Speaker, s: int, e: int, cue: str, cs: int, ce: int, si: int) -> Quote:
    """An indirect quote of ``doc.text[s:e]`` with its cue at ``[cs, ce)``."""
    return Quote(
        speaker=sp.name,
        kind="indirect",
        text=doc.text[s:e],
        start=s,
        end=e,
        cue=cue,
        cue_start=cs,
        cue_end=ce,
        date=doc.published,
        speaker_id=sp.id,
        speaker_fa=sp.fa,
        sentence=si,
    )


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """Strip spaces, punctuation and stray closing/opening marks at the ends."""
    while s < e and (text[s] in _TRIM or text[s] in "»”"):
        s += 1
    while e > s and (text[e - 1] in _TRIM or text[e - 1] in "«“"):
        e -= 1
    return s, e
