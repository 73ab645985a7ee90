"""The quotes stage: reported statements with speaker, cue, content span and date.

Constructions (GUIDELINES §4):

* direct: ``X گفت: ...`` (to the sentence end), ``X گفت: «...»`` (across sentences),
  ``«...»، X گفت``;
* indirect: ``X گفت که ...``, ``X اعلام کرد ...``, ``X از ... خبر داد``,
  ``X خواستار ... شد``, ``X بر ... تأکید کرد``, ``X ... را ... توصیف کرده، اما``,
  present tense in analysis pieces (``X می‌نویسد``، ``X استدلال می‌کند``);
* participial: ``X با بیان اینکه ...، گفت ...`` (the content runs to the comma before the
  main verb, which shares the subject);
* verbless attributions (:mod:`rasad.quotes.attribution`): ``به گفته X، ...``,
  ``بنا به گزارش رسانه‌ها، ...``, ``بنا بر گزارش نشریه X، ...``, ``بنا بر این گزارش، ...``,
  ``گزارش‌هایی ... مبنی بر اینکه ...``;
* speakers: the subject before the cue (see :mod:`rasad.quotes.speaker`), pronouns and zero
  subjects → the salient speaker, ``به نقل از X`` → X, a title used after the person was
  introduced with it → the person, a title before a name or a definite title → that person
  (:mod:`rasad.quotes.titles`), outlets, documents and authors (:mod:`rasad.quotes.sources`);
* direct speech over several lines after an unmarked colon cue: one quote per line until
  the narrator speaks again (:mod:`rasad.quotes.lines`); guillemets may close on a later
  line (:mod:`rasad.quotes.marks`);
* the date: a timex of the reporting clause (never of the content), else the publication.

Example::

    >>> from rasad.model import Article, Sentence
    >>> t = "وی گفت که مذاکرات ادامه دارد."
    >>> doc = QuoteStage()(Article(raw=t, text=t, sentences=[Sentence(0, len(t))]))
    >>> doc.quotes  # no salient speaker yet for وی
    []
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rasad.model import Article, Quote, Sentence
from rasad.quotes.attribution import Attributions, trim
from rasad.quotes.content import cut_reported, ends_clause, object_content, statement_object
from rasad.quotes.lexicon import CueHit, Lexicon, Roles, load_lexicon, load_roles, variants
from rasad.quotes.lines import RunOn, heading_like, line_bounds, opens_run, run_on_quote, stops_run
from rasad.quotes.marks import Marks, quote_pairs
from rasad.quotes.sources import document_speaker
from rasad.quotes.speaker import Resolver, Speaker, Tables, fold

_SENT = re.compile(r"[^.!?؟\n]+[.!?؟]*")
_TRIM = " \t\n.،,؛:!?؟"
# a finite verb that closes a clause before «و» (a new subject may follow)
_CLAUSE_END = re.compile(
    r"(?<![\w\u200c])(?:ن?(?:کرد|شد|داد|رفت|رسید|یافت|گرفت|ماند|آمد|نمود|داشت|گفت)(?:ند)?|است|بود|بودند)$"
)
# «گفت و گو»، «گفت و شنود»: one noun written with spaces, not two clauses joined by و
_COMPOUND_VA = re.compile(r"(?:گو|گوی|شنود)(?![\w\u200c])")
_RA = re.compile(r"(?<![\w\u200c])را(?![\w\u200c])")
_AND_OBJECT = re.compile(r"\s*و\s+(?:آن|این|[^\s،,.]+(?:\s+[^\s،,.]+){0,4})\s+را\s")
_FROM = re.compile(r"(?<![\w\u200c])از\s")  # the addressee of a request: «از X خواست ...»
_KE_AFTER = re.compile(r"\s*که\s")
_NAMED_HOW = frozenset({"mention", "title", "role"})
_PLACEHOLDER = {"آن", "این", "آنخواهد", "آنخواهند", "اینخواهد", "اینخواهند"}


@dataclass
class Clause:
    """A cue with the span of the clause it governs."""

    hit: CueHit
    ws: int  # where its subject may start
    strong: bool  # ws is a clause boundary (و / در حالی که / ...), so it ends the previous content
    light_start: int = -1  # split cues: start of the closing light verb
    light_end: int = -1
    nested: bool = False  # the clause sits inside the content of the previous cue
    subj_end: int = -1  # after a participial cue: the subject ends where that cue starts
    after: int = -1  # after a participial cue: where its content ends


class Salience:
    """The speaker a pronoun or a zero subject refers to: the last speaker, or the person a
    later sentence without quotes opened with (``لاوروف به آنکارا رفت. وی گفت: ...``).
    Sentence subjects are looked up lazily, only when a pronoun needs them."""

    def __init__(self, res: Resolver, sents: list[Sentence]) -> None:
        self.res = res
        self.sents = sents
        self.speaker: Speaker | None = None
        self.person: Speaker | None = None  # the last person (``این مقام`` never means an ORG)
        self.pending: list[int] = []

    def set(self, sp: Speaker) -> None:
        self.speaker = sp
        if sp.type in ("PER", None):  # None: a name the entity stage did not link
            self.person = sp
        self.pending.clear()

    def skip(self, si: int) -> None:
        self.pending.append(si)
        del self.pending[:-3]

    def get(self, person: bool = False) -> Speaker | None:
        for si in reversed(self.pending):
            sub = self.res.sentence_subject(self.sents[si].start, self.sents[si].end)
            if sub is not None:
                self.speaker = self.person = sub
                break
        self.pending.clear()
        if person and self.speaker is not None and self.speaker.type in ("ORG", "GPE"):
            return self.person
        return self.speaker


class QuoteStage:
    """Fill ``doc.quotes``; never raises on odd input (an article without cues gives [])."""

    name = "quotes"

    def __init__(self, lexicon: Lexicon | None = None, roles: Roles | None = None) -> None:
        self.lex = lexicon or load_lexicon()
        self.roles = roles or load_roles()
        self.tables = Tables(self.lex, self.roles)
        brk = sorted(self.lex.breakers, key=len, reverse=True)
        brk_forms = sorted({v for b in brk for v in variants(b)}, key=len, reverse=True)
        self._breakers = re.compile(
            r"(?:^|(?<=[\s،,]))(?:" + "|".join(re.escape(b) for b in brk_forms) + r")(?=[\s،,])|؛"
        )
        self._light = {
            k: re.compile(r"(?<![\w\u200c])(?:" + "|".join(map(re.escape, v)) + r")(?![\w\u200c])")
            for k, v in self.lex.light_forms.items()
        }
        self.attributions = Attributions(self.lex)
        self._not_openers = {fold(w) for w in self.lex.not_content_openers}
        self._narrator = frozenset(self.lex.narrator_cues)
        self._doc_nouns = frozenset(fold(w) for w in self.lex.document_nouns)
        self._topic_openers = frozenset(fold(w) for w in self.lex.topic_heads + self.lex.demonstratives)
        self._pronouns = frozenset(self.tables.pronouns)
        self._openers = tuple(" ".join(fold(w) for w in o.split()) for o in self.lex.narrator_openers)

    # ------------------------------------------------------------------------------
    def __call__(self, doc: Article) -> Article:
        try:
            doc.quotes = self.extract(doc)
        except Exception as exc:  # pragma: no cover - the pipeline must never crash
            doc.quotes = []
            doc.warnings.append(f"quotes: {type(exc).__name__}: {exc}")
        return doc

    def extract(self, doc: Article) -> list[Quote]:
        text = doc.text or ""
        if not text:
            return []
        sents = doc.sentences or [Sentence(m.start(), m.end()) for m in _SENT.finditer(text)]
        pairs = Marks(quote_pairs(text))
        title = doc.title_span
        res = Resolver(doc, self.tables)
        hits = [h for h in self.lex.find(text) if not pairs.covers(h.start, h.end)]
        if title:
            hits = [h for h in hits if not (title[0] <= h.start < title[1])]
        triggers = [m.start() for m in self.attributions.trigger.finditer(text)]
        hit_starts = [h.start for h in hits]
        quotes: list[Quote] = []
        salient = Salience(res, sents)
        masked_to = -1
        unmarked: tuple[int, int, str] | None = None  # the last direct quote, if not in guillemets
        last_date: str | None = None
        hi = 0
        run: RunOn | None = None
        for si, sent in enumerate(sents):
            s_hits: list[CueHit] = []
            while hi < len(hits) and hits[hi].start < sent.end:
                if hits[hi].start >= sent.start:
                    s_hits.append(hits[hi])
                hi += 1
            n_before = len(quotes)
            in_run = False
            if run is not None and sent.start >= masked_to:
                ls, le = line_bounds(text, sent.start)
                if not text[ls : sent.start].strip():  # the sentence opens a new line
                    line_hits = hits[bisect.bisect_left(hit_starts, ls) : bisect.bisect_left(hit_starts, le)]
                    if stops_run(
                        text,
                        ls,
                        le,
                        line_hits,
                        self.attributions.trigger,
                        run,
                        self._narrator,
                        self._pronouns,
                        self._openers,
                        _names(res, run.speaker, text, ls, le),
                    ) or (bool(doc.clauses) and heading_like(text, ls, le, _verbs(doc, ls, le))) or (
                        not line_hits and _opens_with_other(res, run.speaker, text, ls, le)
                    ):  # another person's own statement in the speech is a nested one
                        run = None
                    else:
                        rq = run_on_quote(text, run, ls, le, si)
                        in_run = True
                        if rq is not None:
                            quotes.append(rq)
            ti = bisect.bisect_left(triggers, sent.start)
            if ti < len(triggers) and triggers[ti] < sent.end:
                self.attributions(doc, res, sent, si, quotes, s_hits, salient)
            clauses = self._clauses(text, res, sent, s_hits)
            # in a run-on line a named nested speaker is salient only to the end of the line
            # («... کواکبیان ... دانست و خواستار ... شد»), then the speech's speaker again
            saved = (salient.speaker, salient.person) if in_run else None
            for k, cl in enumerate(clauses):
                if cl.hit.form.negated:
                    continue
                nested = cl.hit.start < masked_to
                if nested and not (unmarked is not None and unmarked[0] <= cl.hit.start < unmarked[1]):
                    continue
                nxt = clauses[k + 1] if k + 1 < len(clauses) else None
                made = self._quote(doc, res, pairs, sent, si, cl, nxt, salient, last_date, hits)
                if cl.hit.form.source_only:  # «تصاویر نشان می‌دهد»: evidence, not a source
                    made = [m for m in made if m[1].id is not None]
                if nested and unmarked is not None:
                    # a statement reported inside an unmarked colon speech (X نوشت: Y اعلام کرد که
                    # ...) is Y's quote when Y is named; the speech's own verbs are not quotes
                    made = [
                        m
                        for m in made
                        if m[2] in _NAMED_HOW and m[1].name != unmarked[2] and m[1].type is not None and m[1].name.isascii()
                    ]
                    for q, _sp, _how in made:
                        quotes.append(q)
                    continue
                for q, sp, how in made:
                    quotes.append(q)
                    if opens_run(text, q):
                        run = RunOn(q, sp)
                    elif not in_run:
                        run = None  # a nested cue inside a run-on line keeps the run
                    if how != "relative" and (not in_run or how == "mention"):  # nested in a speech
                        salient.set(sp)
                    last_date = q.date
                    if q.kind == "direct" and q.end > masked_to:
                        masked_to = q.end
                        unmarked = None if q.start - 1 in pairs else (q.start, q.end, q.speaker)
            if saved is not None:
                salient.speaker, salient.person = saved
            if len(quotes) == n_before:
                salient.skip(si)
        return quotes

    # ------------------------------------------------------------------------------
    def _clauses(self, text: str, res: Resolver, sent: Sentence, hits: list[CueHit]) -> list[Clause]:
        """Each cue with the start of its clause (after a breaker, a previous cue, or و)."""
        out: list[Clause] = []
        if not hits:
            return out
        prev_end = sent.start
        for h in hits:
            if h.start < prev_end:
                continue
            ls = le = -1
            if h.form.split and h.form.form == h.form.lemma:
                lm = None
                for lv in h.form.light:
                    m = self._light[lv].search(text, h.end, min(sent.end, h.end + 250))
                    if m and (lm is None or m.start() < lm.start()):
                        lm = m
                if lm is None or any(_CLAUSE_END.search(w) for w in text[h.end : lm.start()].split()):
                    continue  # no light verb, or another clause closes before it
                ls, le = lm.start(), lm.end()
            ws, strong = prev_end, False
            for m in self._breakers.finditer(text, prev_end, h.start):
                ws, strong = m.end(), True
            if (
                strong
                and h.form.object_only
                and _RA.search(text, prev_end, ws)
                and not _RA.search(text, ws, h.start)
            ):
                ws, strong = prev_end, False  # «X را اقدامی غیرقانونی، اما بی‌اثر دانست»: inside the object
            if out and h.form.objects and _AND_OBJECT.match(text, prev_end, h.start):
                # «... تأکید کرد و روابط را راهبردی خواند»: the same (zero) subject, an object clause
                out.append(Clause(h, prev_end, True, ls, le, False, prev_end))
                prev_end = le if le > 0 else h.end
                continue
            # و + (adverbs) + cue: a zero subject coordinated with the previous clause
            seg = text[ws : h.start]
            vm = [m for m in re.finditer(r"(?:^|\s)و\s", seg) if not _COMPOUND_VA.match(seg, m.end())]
            if vm:
                tail = seg[vm[-1].end() :]
                t0 = ws + vm[-1].end()
                if (
                    len(tail.split()) <= 3
                    and not re.search(r"[،,]", tail)
                    and not res.index.within(t0, h.start)
                    and res.only_adverbs(t0, h.start)
                ):
                    ws, strong = ws + vm[-1].start(), True
                elif (
                    _CLAUSE_END.search(seg[: vm[-1].start()].rstrip())
                    and len(tail.split()) >= 2
                    and not re.search(r"[،,]", tail)
                    and not _shared_subject(tail, res)
                ):
                    # «... به نتیجه نرسید و همه اعضا ... ابراز کردند»: a new clause, a new subject
                    ws, strong = t0, True
            nested = bool(out) and not strong and ws == prev_end
            if out and out[-1].hit.form.participle:
                # «وی با بیان اینکه ...، افزود»: the main verb shares the participle's subject
                p = out[-1]
                comma = max(text.rfind("،", p.hit.end, h.start), text.rfind(",", p.hit.end, h.start))
                after = comma if comma > p.hit.end else h.start
                out.append(Clause(h, p.ws, p.strong, ls, le, False, p.hit.start, after))
            else:
                out.append(Clause(h, ws, strong, ls, le, nested))
            prev_end = le if le > 0 else h.end
        return out

    def _quote(
        self,
        doc: Article,
        res: Resolver,
        pairs: Marks,
        sent: Sentence,
        si: int,
        cl: Clause,
        nxt: Clause | None,
        salient: Salience,
        last_date: str | None,
        cue_hits: list[CueHit],
    ) -> list[tuple[Quote, Speaker, str]]:
        text = doc.text
        h = cl.hit
        f = h.form
        cue_end = cl.light_end if cl.light_end > 0 else h.end
        sent_end = sent.end
        limit = nxt.ws if (nxt is not None and nxt.strong) else sent_end
        if nxt is not None and not nxt.strong:
            limit = sent_end
        j = cue_end
        while j < len(text) and text[j] in " \t":
            j += 1
        kind = "indirect"
        c_start = c_end = -1
        pre_quote: tuple[int, int] | None = None
        subj_end_limit = cl.subj_end if cl.subj_end >= 0 else h.start
        if f.participle:
            if nxt is not None and nxt.subj_end == h.start:
                c_start, c_end = cue_end, nxt.after
            else:  # no main cue: the content runs to the last comma of the sentence
                comma = max(text.rfind("،", cue_end, sent_end), text.rfind(",", cue_end, sent_end))
                if comma < 0:
                    return []
                c_start, c_end = cue_end, comma
        elif cl.light_start > 0 and text[h.end : cl.light_start].strip():
            c_start, c_end = h.end, cl.light_start
            km = _KE_AFTER.match(text, cl.light_end)
            if km and fold(text[h.end : cl.light_start]).strip() in _PLACEHOLDER:
                # «خواستار آن خواهند شد که ...»: the content is the که clause
                c_start, c_end = km.end(), _extend_marks(pairs, km.end(), sent_end)
        elif j < len(text) and text[j] == ":":
            kind = "direct"
            k = j + 1
            while k < len(text) and text[k] in " \t":
                k += 1
            if k in pairs:
                c_start, c_end = k + 1, pairs[k]
            else:
                c_start, c_end = k, self._paragraph_run(text, sent_end, cue_hits)
                c_end = _extend_marks(pairs, c_start, c_end)
        elif (
            mark := j if j in pairs else _next_open(text, pairs, j + 1) if text[j : j + 1] in "،," else None
        ) is not None:
            kind = "direct"  # «گفت «...»» or «گفت، «...»»
            c_start, c_end = mark + 1, pairs[mark]
        elif f.colon_only:
            return []
        elif f.object_only:
            c_start, c_end = -2, -2
        elif _starts_word(text, j, "که") or (f.ta and _starts_word(text, j, "تا")):
            c_start = j + 2
            c_end = _extend_marks(pairs, c_start, min(limit, sent_end))
        elif (
            f.ta
            and _FROM.search(text, cl.ws, h.start)
            and _nwords(text, j, limit, 3) >= 3
            and text[j : j + 1] not in "،,؛."
        ):
            c_start, c_end = j, _extend_marks(pairs, j, limit)  # «از دولت خواست برنامه‌ای ... داشته باشد»
        elif f.ke_only and f.objects and ends_clause(text, j, limit):
            c_start, c_end = -2, -2  # «به ... اشاره کرد.»: the object before the verb is the content
        elif f.ke_only:
            return []
        else:
            rest = text[j : min(limit, j + _REST_WINDOW)].strip(_TRIM)
            if (
                rest
                and text[j] not in "،,؛"
                and not re.match(r"^و(?:\s|$)", rest)
                and fold(rest.split()[0]) not in self._not_openers
                and len(rest.split()) >= 2
                and j < limit
            ):
                c_start, c_end = j, _extend_marks(pairs, j, limit)
            else:
                pq = self._quote_before(text, pairs, cl.ws, h.start, sent)
                if pq is not None and len(text[pq[0] : pq[1]].split()) <= 3 and len(rest.split()) >= 4:
                    pq = None  # «نام»، عنوان گفت، ...: a name in guillemets, the content follows
                if pq is not None:
                    kind, pre_quote = "direct", pq
                    c_start, c_end = pq
                elif f.objects:
                    c_start, c_end = -2, -2  # content before the cue: after the subject
                elif text[j : j + 1] in ("،", ",") and len(rest.split()) >= 4 and not _cue_opens(text, cue_hits, j + 1):
                    c_start, c_end = j + 1, _extend_marks(pairs, j + 1, limit)  # «تأکید کرد، ...»
                else:
                    return []
        # the speaker
        speakers: list[Speaker]
        if f.context_speaker:
            doc_sp = document_speaker(res, self._doc_nouns, cl.ws, h.start)
            if doc_sp is None:
                return []  # «آمده است» needs a document: «در این گزارش آمده است که ...»
            speakers, how, subj_end = doc_sp, "zero", cl.ws
        else:
            s0 = pre_quote[1] + 1 if pre_quote else cl.ws
            speakers, how, subj_end = res.subject(s0, subj_end_limit, f.plural, anaphora=True)
            if cl.nested and how == "surface":
                return []  # inside another quote only a known subject is trusted
        if how == "this-title":
            sal = salient.get(person=True)
            speakers = [sal] if sal is not None else speakers[:1]
            if not speakers:
                return []  # «این مقام» with no person before it
        elif how in ("office", "def-role"):  # a definite title or role: the salient named person
            sal = salient.get(person=True)
            if sal is not None and sal.type in ("PER", None):
                speakers = [sal]
        if not speakers and (how == "zero" or (how == "unknown" and cl.strong)) and cl.ws > sent.start:
            subj = res.sentence_subject(sent.start, cl.ws)
            if subj is not None:
                speakers = [subj]
        if not speakers:
            sal = salient.get() if how != "unknown" else None
            if sal is None and f.context_speaker and si > 0:
                prev = doc.sentences[si - 1]  # «X بیانیه‌ای صادر کرد. در این بیانیه آمده است ...»
                sal = res.issuer(prev.start, prev.end, self._doc_nouns)
            if sal is None:
                return []
            speakers = [sal]
        if c_start == -2:
            c_start, c_end = object_content(text, max(subj_end, cl.after), h.start, f.objects, initial=f.ke_only)
            if (
                c_start < 0
                and text[j : j + 1] in ("،", ",")
                and _nwords(text, j, limit, 5) >= 5
                and not _cue_opens(text, cue_hits, j + 1)
            ):  # «X که ... سخن می‌گفت، اظهار داشت: ...»: the next cue is not content
                c_start, c_end = j + 1, _extend_marks(pairs, j + 1, limit)
            if c_start < 0:
                return []
            c_start = res.after_adverbs(c_start, c_end)  # «بار دیگر ایران را ... توصیف کرد»
            if f.ke_only and not statement_object(text, c_start, c_end, self._topic_openers):
                return []  # «به این موضوع اشاره کرد»، «به موضوع X اشاره کرد»: a topic, not a statement
        c_start, c_end = trim(text, c_start, c_end)
        if kind == "indirect":
            c_end = cut_reported(text, c_start, c_end)
        if c_end - c_start < 3 or _nwords(text, c_start, c_end, 1) < 1:
            return []
        # the statement's date: a timex in the reporting clause, never in the content
        # (``از برگزاری نشست روز دوشنبه خبر داد``، ``با بیان اینکه ... دیروز ...، گفت``)
        d_end = min(h.start, subj_end_limit, c_start if c_start > cl.ws else h.start)
        date = self._date(doc, cl.ws, d_end)
        if date is None:
            date = last_date if how in ("pronoun", "this-title", "zero") and last_date else doc.published
        cue = (
            text[h.start : cue_end]
            if cl.light_start < 0
            else f"{text[h.start : h.end]} ... {text[cl.light_start : cl.light_end]}"
        )
        if cl.light_start > 0 and not text[h.end : cl.light_start].strip():
            cue = text[h.start : cue_end]
        out = []
        for sp in speakers:
            q = Quote(
                speaker=sp.name,
                kind=kind,
                text=text[c_start:c_end],
                start=c_start,
                end=c_end,
                cue=cue,
                cue_start=h.start,
                cue_end=cue_end,
                date=date,
                speaker_id=sp.id,
                speaker_fa=sp.fa,
                sentence=si,
            )
            out.append((q, sp, how))
        return out

    def _paragraph_run(self, text: str, end: int, hits: list[CueHit], max_sents: int = 4) -> int:
        """``گفت: A. B.``: a colon quotation runs on through the paragraph (at most
        ``max_sents`` more sentences) until a sentence that has a reporting cue of its own."""
        para_end = text.find("\n", end)
        if para_end < 0:
            para_end = len(text)
        pos = end
        for _ in range(max_sents):
            if pos >= para_end:
                break
            m = _SENT.search(text, pos, para_end)
            if m is None or not text[m.start() : m.end()].strip():
                break
            if any(m.start() <= h.start < m.end() for h in hits):
                break
            pos = m.end()
        return pos

    def _quote_before(
        self, text: str, pairs: Marks, ws: int, cue_start: int, sent: Sentence
    ) -> tuple[int, int] | None:
        """``«...»، X گفت``: a quotation closing right before the subject of a clause-final
        cue, possibly in an earlier sentence (``«... . ...» لاوروف افزود.``)."""
        lo = max(0, min(ws, sent.start) - 3)
        seg = text[lo:cue_start]
        c = max(seg.rfind("»"), seg.rfind("”"), seg.rfind('"'))
        if c < 0:
            return None
        c += lo
        if len(text[c + 1 : cue_start].split()) > 6:
            return None
        op = pairs.opening(c)
        # the quotation opens the clause (or an earlier sentence), it is not a scare quote
        if op is not None and (op < sent.start or not text[min(ws, op) : op].strip(" \n،,.")):
            return op + 1, c
        return None

    def _date(self, doc: Article, start: int, end: int) -> str | None:
        best: str | None = None
        txs = doc.timexes  # in text order (the time stage's output)
        for k in range(bisect.bisect_left(txs, start, key=lambda t: t.start), len(txs)):
            t = txs[k]
            if t.start >= end:
                break
            if t.end <= end and t.value and t.type in ("DATE", "TIME"):
                v = t.value
                if t.type == "TIME" and "T" in v:
                    v = v.split("T")[0]
                best = v
        return best


_WORD_RUN = re.compile(r"\S+")
_REST_WINDOW = 4000  # what follows a cue is judged on its first few thousand characters


def _cue_opens(text: str, hits: list[CueHit], start: int) -> bool:
    """Does another reporting cue open ``text[start:]`` (``...، اظهار داشت: ...``)?"""
    return any(h.start >= start and not text[start : h.start].strip() for h in hits)


def _verbs(doc: Article, start: int, end: int) -> int:
    """How many finite verb groups the clause layer found in ``[start, end)``."""
    return sum(1 for c in doc.clauses if c.verb is not None and start <= c.verb.start < end)


def _opens_with_other(res: Resolver, sp: Speaker, text: str, start: int, end: int) -> bool:
    """Does the line ``text[start:end]`` open with the name of another person than the
    speaker (``X با Y دیدار کرد``)? Without a cue in the line, the narrator goes on to
    another actor."""
    s = start
    while s < end and text[s] in " \t«\"":
        s += 1
    return any(
        c.start == s and c.source != "title" and c.entity.type == "PER" and c.entity.id != sp.id
        for c in res.index.within(s, min(end, s + 60))
    )


def _nwords(text: str, start: int, end: int, at_least: int) -> int:
    """How many words ``text[start:end]`` holds, counting no further than ``at_least``
    (no copy of the span: linear in what it reads, however long the sentence)."""
    n = 0
    for _ in _WORD_RUN.finditer(text, start, end):
        n += 1
        if n >= at_least:
            break
    return n


def _names(res: Resolver, sp: Speaker, text: str, start: int, end: int) -> bool:
    """Does ``text[start:end]`` name the speaker ``sp`` (a mention of its entity, or its
    surface when it has none)?"""
    fa = sp.fa.strip()
    if fa and fa in text[start:end]:
        return True
    last = fa.split()[-1] if fa else ""
    k = text.find(last, start, end) if last else -1
    while k >= 0:  # the bare surname, also when the entity stage did not link it
        if (k == 0 or not text[k - 1].isalnum()) and (
            k + len(last) >= len(text) or not text[k + len(last)].isalnum()
        ):
            return True
        k = text.find(last, k + 1, end)
    if sp.id is None or sp.type != "PER":
        return False  # a country or a ministry names itself in its own statements
    return any(c.entity.id == sp.id and c.source != "title" for c in res.index.within(start, end))


def _shared_subject(tail: str, res: Resolver) -> bool:
    """Does the clause after «و» open with an object or a phrase, so it keeps the subject
    of the clause before (``... نشان نداد و این درگیری را ... دانست``)?"""
    ws = tail.split()
    return ws[0] in res.preps or "را" in ws[:4]


def _next_open(text: str, pairs: Marks, j: int) -> int | None:
    """The opening mark at ``j`` after spaces, if it is paired."""
    while j < len(text) and text[j] in " \t":
        j += 1
    return j if j in pairs else None


def _starts_word(text: str, j: int, w: str) -> bool:
    if not text.startswith(w, j):
        return False
    k = j + len(w)
    return k >= len(text) or not (text[k].isalnum() or text[k] == "\u200c")


def _extend_marks(pairs: Marks, s: int, e: int) -> int:
    """Extend ``[s, e)`` to the closing mark of a quotation opened inside it."""
    return pairs.extend(s, e)


__all__ = ["QuoteStage", "quote_pairs", "fold"]
