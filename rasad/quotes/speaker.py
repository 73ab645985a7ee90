"""Who said it: the subject before a reporting cue, resolved to an entity or a role.

The entity stage gives ``doc.entities`` with offset mentions; this module finds, in the
clause before a cue, the subject noun phrase (skipping adverbial and prepositional
phrases), and resolves it:

* a mention of a person / organization / place → its English name
  (``ماریا زاخارووا گفت`` → ``Maria Zakharova``; ``کرملین اعلام کرد`` → ``Kremlin``);
* a pronoun (``وی``، ``او``) or no subject (``و افزود``) → the salient speaker;
* a role noun (``یک مقام ارشد کاخ سفید``) → ``anonymous:senior White House official``;
* a bare title (``سخنگوی کرملین``) not linked by the entity stage → the person named
  beside the same title elsewhere in the article, with or without a comma
  (``دیمیتری پسکوف، سخنگوی کرملین``، ``«مجید رضایی» نماینده ایران در سازمان ملل``), also
  when the head word differs but names the same office (``مدیر`` / ``رئیس``);
* a demonstrative role or title (``این مقام روس``، ``این عضو کمیسیون``) → the salient
  person, never an organization;
* outlets and authors (``نشریه X می‌نویسد``، ``این نشریه``، ``نویسنده این مقاله``) → see
  :mod:`rasad.quotes.sources`;
* a mention used as an object (``آمریکا را ... توصیف کرد``) is not the subject, and a
  segment that holds no subject (``پایگاه شبکه X، «نام» ... گفت``) gives way to the next.
"""

from __future__ import annotations

import bisect
import re

from rasad.model import Article
from rasad.quotes.coref import (
    NameSpelling,
    bare_singular,
    name_after,
    relative_subject,
    surface_speaker,
    surname_before,
)
from rasad.quotes.lexicon import Lexicon, Roles
from rasad.quotes.mentions import (
    APPOS_AFTER,
    APPOS_BARE,
    APPOS_BEFORE,
    OBJECT_RA,
    SPEAKER_TYPES,
    WORD_RE,
    Cand,
    MentionIndex,
    Speaker,
    Word,
    candidates,
    fold,
    join_and,
    segments,
    title_head,
    title_tokens,
    words,
)
from rasad.quotes.sources import Sources, source_subject
from rasad.quotes.titles import Inner, surnames, title_then_name

_DIGIT = re.compile(r"\d")
_TIME_PREPS = frozenset({"در", "طی", "از", "تا"})  # before a leading timex
_COPULA = {"است", "بود", "هست", "نیست", "بودند", "هستند", "شد"}
_PLURAL = re.compile("\u200cها(?:ی)?$")
_CLOSERS = {"«": "»", '"': '"', "“": "”"}


class Tables:
    """The folded word tables the resolver looks words up in (built once per stage)."""

    def __init__(self, lex: Lexicon, roles: Roles) -> None:
        self.lex = lex
        self.preps = {fold(p) for p in lex.prepositions}
        self.pronouns = {fold(p) for p in lex.pronouns}
        # multi-word honorifics (حجت الاسلام و المسلمین) are skipped like multi-word adverbs
        skippable = list(lex.adverbs) + [h for h in roles.honorifics if " " in h]
        adverbs = [[fold(w) for w in a.split()] for a in sorted(skippable, key=lambda a: -len(a.split()))]
        self.heads = {fold(k): v for k, v in roles.heads.items()}
        self.singular_heads = frozenset(fold(k) for k in roles.singular_heads) & set(self.heads)
        self.rank = {fold(k): v for k, v in roles.rank.items()}
        self.origin = {fold(k): v for k, v in roles.origin.items()}
        self.quantity = {fold(k): v for k, v in roles.quantity.items()}
        self.titles = {fold(k): v for k, v in roles.titles.items()}
        self.title_first = {fold(k.split()[0]) for k in roles.titles}  # a cheap pre-check
        self.institutions = {fold(k) for k in roles.institutions}
        self.same_office = {fold(k): fold(v) for k, v in roles.same_office.items()}
        honorifics = {fold(k) for k in roles.honorifics if " " not in k}
        self.adverb_words = {a[0] for a in adverbs if len(a) == 1}
        self.adverb_first: dict[str, list[list[str]]] = {}
        for a in adverbs:
            if len(a) > 1:
                self.adverb_first.setdefault(a[0], []).append(a)
        self.skip_words = {"و", "که", "هم", "نیز"} | honorifics | self.adverb_words
        self.demonstratives = {fold(d) for d in lex.demonstratives}
        self.not_in_names = {fold(w) for w in lex.not_in_names}
        self.outlet_nouns = frozenset(fold(w) for w in lex.outlet_nouns)
        self.work_nouns = frozenset(fold(w) for w in lex.work_nouns)
        self.author_nouns = frozenset(fold(w) for w in lex.author_nouns)
        self.org_heads = frozenset(fold(w) for w in lex.org_heads)
        self.publishers = frozenset(fold(w) for w in lex.publishers)
        agency = sorted(lex.agency, key=len, reverse=True)
        self.names = NameSpelling()
        self.agency_head = re.compile(r"[^،,.]{0,60}?(?:" + "|".join(map(re.escape, agency)) + r")\s")


class Resolver:
    """Finds and resolves the subject of a reporting cue (one per article)."""

    def __init__(self, doc: Article, tables: Tables) -> None:
        self.doc = doc
        self.text = doc.text
        self.t = tables
        self.lex = tables.lex
        self.index = MentionIndex(candidates(doc))
        self.preps = tables.preps
        self.pronouns = tables.pronouns
        self.heads = tables.heads
        self.rank = tables.rank
        self.origin = tables.origin
        self.quantity = tables.quantity
        self.titles = tables.titles
        self.institutions = tables.institutions
        self.adverb_words = tables.adverb_words
        self.adverb_first = tables.adverb_first
        self.skip_words = tables.skip_words
        self.timex_spans = sorted((t.start, t.end) for t in doc.timexes)
        self.timex_starts = [s for s, _ in self.timex_spans]
        self.anonymous: dict[str, Speaker] = {}
        self._appos: list[tuple[int, Speaker, frozenset[str], str]] | None = None
        self.surfaces: dict[str, Speaker] = {}
        self._inner: Inner | None = None
        self._surnames: dict[str, Cand] | None = None
        self.sources = Sources(doc, self.index.cands, tables.outlet_nouns, tables.work_nouns, tables.publishers)

    # --- helpers ---------------------------------------------------------------
    def speaker_of(self, c: Cand) -> Speaker:
        e = c.entity
        return Speaker(e.name, c.text, e.id, e.type)

    def _skip_adverbs(self, ws: list[Word], i: int) -> int:
        """Index of the first word at or after ``i`` that is not an adverb / و / که / timex."""
        while i < len(ws):
            w = ws[i][3]
            if self.index.starting_at(ws[i][0]) is not None:
                return i  # a name that starts with an honorific-like word (آقا تهرانی)
            for a in self.adverb_first.get(w, ()):  # longest first: «دریادار دوم» before «دریادار»
                if [x[3] for x in ws[i : i + len(a)]] == a:
                    i += len(a)
                    break
            else:
                if w in self.skip_words or self._in_timex(ws[i][0]):
                    i += 1
                    continue
                if w in _TIME_PREPS and i + 1 < len(ws) and self._in_timex(ws[i + 1][0]):
                    i += 1  # «در سال ۲۰۲۱ دولت X اعلام کرد»: the preposition of a leading timex
                    continue
                return i
        return i

    def _match(self, ws: list[Word], i: int, table: dict[str, str]) -> tuple[int, str] | None:
        """Longest entry of ``table`` starting at word ``i`` → (words used, value)."""
        for k in (3, 2, 1):
            if i + k <= len(ws):
                key = "".join(x[3] for x in ws[i : i + k])
                if key in table:
                    return k, table[key]
                # ezafe -ی written on the last word (مقام‌های، سخنگوی)
                if key.endswith("ی") and key[:-1] in table:
                    return k, table[key[:-1]]
        return None

    # --- anonymous roles -------------------------------------------------------
    def role_phrase(self, ws: list[Word], i: int, dry: bool = False) -> tuple[Speaker, int] | None:
        """``(یک) مقام ارشد کاخ سفید`` at word ``i`` → anonymous speaker and its end offset."""
        start_i = i
        indefinite = False
        quant: list[str] = []
        if i < len(ws) and ws[i][3] == "یک":
            indefinite = True
            i += 1
        q = self._match(ws, i, self.quantity)
        if q:
            quant.append(q[1])
            i += q[0]
        h = self._match(ws, i, self.heads)
        if not h and quant:  # «برخی معتقدند»: the quantity is the head itself
            i, quant = start_i + (1 if indefinite else 0), []
            h = self._match(ws, i, self.heads)
        if not h:
            return None
        if dry:
            return Speaker("", "", None, "ANON"), ws[i][1]
        head = h[1]
        i += h[0]
        rank: list[str] = []
        origin: list[str] = []
        end = ws[i - 1][1]
        while i < len(ws):
            r = self._match(ws, i, self.rank)
            if r:
                rank.append(r[1])
                i += r[0]
                end = ws[i - 1][1]
                continue
            o = self._match(ws, i, self.origin)
            if o:
                origin.append(o[1])
                i += o[0]
                end = ws[i - 1][1]
                continue
            c = self.index.starting_at(ws[i][0])
            if c is not None and c.entity.type in ("ORG", "GPE"):
                origin.append(c.entity.name)
                end = c.end
                while i < len(ws) and ws[i][0] < c.end:
                    i += 1
                continue
            if ws[i][3] == "و" and origin:  # آمریکایی، اوکراینی و اروپایی
                i += 1
                continue
            break
        label = " ".join(quant + rank + (join_and(origin) if origin else []) + [head])
        fa = self.text[ws[start_i][0] : end]
        if not indefinite and not quant:
            prev = self.anonymous.get(head)
            if prev is not None and (not origin or prev.name.endswith(f"{join_and(origin)[0]} {head}")):
                return prev, end
        sp = Speaker(f"anonymous:{label}", fa, None, "ANON")
        self.anonymous[head] = sp
        return sp, end

    # --- titles ----------------------------------------------------------------
    def appositions(self) -> list[tuple[int, Speaker, frozenset[str], str]]:
        """``NAME، TITLE،`` and ``TITLE، NAME`` pairs of the article: (offset, person, title words)."""
        if self._appos is not None:
            return self._appos
        out: list[tuple[int, Speaker, frozenset[str], str]] = []
        text = self.text
        for c in self.index.cands:
            if c.entity.type != "PER":
                continue
            m = APPOS_AFTER.match(text, c.end)
            if m:
                toks = title_tokens(m.group(1))
                if toks:
                    out.append((c.start, self.speaker_of(c), toks, title_head(m.group(1))))
            else:
                # without a comma: «مجید رضایی» نماینده دائم ایران در سازمان ملل ...
                mb = APPOS_BARE.match(text, c.end)
                fw = WORD_RE.match(text, mb.start(1)) if mb else None
                if mb and fw and self._title_start(fold(fw.group())):
                    ws = words(text, mb.start(1), min(mb.end(1), mb.start(1) + 70))[:6]
                    if ws and self._match(ws, 0, self.titles):
                        phrase = text[ws[0][0] : ws[-1][1]]
                        out.append((c.start, self.speaker_of(c), title_tokens(phrase), title_head(phrase)))
            m2 = APPOS_BEFORE.search(text, max(0, c.start - 80), c.start)
            if m2:
                phrase = " ".join(m2.group(1).split()[-6:])
                toks = title_tokens(phrase)
                if toks and self._match(words(text, m2.start(1), m2.end(1))[-6:], 0, self.titles):
                    out.append((c.start, self.speaker_of(c), toks, title_head(phrase)))
        self._appos = out
        return out

    def _bare(self, c: Cand) -> bool:
        if self._inner is None:
            self._inner = Inner(self.doc)
        return self._inner.bare(c)

    def surnames(self) -> dict[str, Cand]:
        """Folded surname → a person's mention (built once, when a title needs it)."""
        if self._surnames is None:
            self._surnames = surnames(self.index.cands)
        return self._surnames

    def _title_start(self, w: str) -> bool:
        first = self.t.title_first
        return w in first or (w.endswith("ی") and w[:-1] in first)

    def _office(self, head: str) -> str:
        """The canonical head word of a title (``مدیر`` → ``رئیس``)."""
        return self.t.same_office.get(head, head)

    def title_holder(self, ws: list[Word], i: int, limit: int) -> tuple[Speaker, int] | None:
        """A bare title (``سخنگوی کرملین``) → the person named beside it in the article.

        The title's words must all appear in an apposition of one person
        (``دیمیتری پسکوف، سخنگوی کرملین``); the nearest preceding one wins.
        """
        if not self._match(ws, i, self.titles):
            return None
        j = i
        while j < len(ws) and ws[j][1] <= limit and j - i < 7 and ws[j][3] not in self.preps:
            j += 1
        pos = ws[i][0]
        for k in range(j, i, -1):
            toks = title_tokens(self.text[ws[i][0] : ws[k - 1][1]])
            if len(toks) < 2:
                continue
            best: tuple[int, Speaker] | None = None
            head = title_head(self.text[ws[i][0] : ws[k - 1][1]])
            for off, sp, ts, h in self.appositions():
                if toks - {head} <= ts and self._office(h) == self._office(head):
                    score = pos - off if off <= pos else 10**6 + off - pos
                    if best is None or score < best[0]:
                        best = (score, sp)
            if best is not None:
                return best[1], ws[k - 1][1]
        return None

    def title_anonymous(self, ws: list[Word], i: int, limit: int) -> tuple[Speaker, int] | None:
        t = self._match(ws, i, self.titles)
        if not t:
            return None
        end = ws[i + t[0] - 1][1]
        owner = ""
        near = ws[i + t[0] : i + t[0] + 3]  # the owner follows the title: «سخنگوی کرملین»
        for c in self.index.within(end, near[-1][1] if near else end):
            if c.entity.type in ("ORG", "GPE"):
                owner = f" of {c.entity.name}"
                end = c.end
                break
        fa = self.text[ws[i][0] : end]
        return Speaker(f"anonymous:{t[1]}{owner}", fa, None, "ANON"), end

    # --- the subject -------------------------------------------------------------
    def subject(
        self, start: int, end: int, plural: bool = False, anaphora: bool = False
    ) -> tuple[list[Speaker], str, int]:
        """Subject of the clause ``text[start:end]`` (which ends at the cue).

        Returns ``(speakers, how, subject_end)``, ``how`` in ``mention``, ``relay``,
        ``role``, ``title``, ``this-title``, ``pronoun``, ``zero``, ``surface``.  ``speakers``
        is empty for a pronoun or zero subject (the caller uses the salient speaker); for
        ``this-title``, a demonstrative role or title (``این مقام روس``، ``این عضو کمیسیون``),
        the salient person wins over the anonymous title given (if any).  With ``anaphora``, a
        bare singular role never used before (``کارشناس روس ادامه داد``) is ``def-role``: a
        Persian bare noun is definite, so it names someone already introduced (the salient
        person, if any; else the role).
        """
        text = self.text
        for r in self.lex.relay:
            k = text.find(r, start, end)
            if k >= 0 and not self.t.agency_head.match(text, start, k):
                sub = self.subject(k + len(r), end, plural, anaphora)
                if sub[0]:
                    return sub[0], "relay", sub[2]
        rel = relative_subject(self, start, end)
        if rel is not None:
            return [self.speaker_of(rel)], "relative", rel.end
        out = self._subject(start, end, plural, anaphora)
        if out[1] in ("surface", "unknown") and anaphora:
            sn = surname_before(self, start, end)
            if sn is not None:
                return [sn], "mention", end
        return out

    def _subject(self, start: int, end: int, plural: bool, anaphora: bool) -> tuple[list[Speaker], str, int]:
        text = self.text
        fallback: tuple[list[Speaker], str, int] | None = None
        unknown: tuple[list[Speaker], str, int] | None = None
        for s0, e0 in segments(text, start, end):
            ws = words(text, s0, e0)
            i = self._skip_adverbs(ws, 0)
            if i >= len(ws):
                continue
            res = self._segment(ws, i, s0, e0, end, plural, anaphora)
            if res is None:
                continue
            if unknown is not None and res[1] not in ("mention", "role", "def-role", "title"):
                continue  # after an unknown segment only a known subject is trusted
            if res[1] == "surface":
                fallback = fallback or res
                continue
            if res[1] == "unknown":
                # «پایگاه شبکه X، «جان برکاو» رئیس ... هشدار داد»: a later segment may hold it
                if fallback is None:
                    unknown = res
                continue
            if fallback is not None and res[1] not in ("mention", "role", "def-role"):
                return fallback
            if (
                fallback is not None
                and res[1] == "role"
                and fallback[0][0].name.isascii()
                and not any(w[3] in ("را", "که") for w in ws)
            ):
                return fallback  # «جان اسمیت، یک کارشناس نفت می‌گوید»: the role describes the name
            return res
        return fallback or unknown or ([], "zero", start)

    def _segment(
        self, ws: list[Word], i: int, s0: int, e0: int, end: int, plural: bool, anaphora: bool = False
    ) -> tuple[list[Speaker], str, int] | None:
        """The subject found in one comma segment, or None when the segment is adverbial."""
        text = self.text
        first = ws[i][3]
        c0 = self.index.starting_at(ws[i][0])
        if c0 is not None and OBJECT_RA.match(text, c0.end):
            return [], "unknown", s0  # «آمریکا را ... توصیف کرد»: an object, not the subject
        if c0 is None or c0.entity.type != "PER":
            src = self._source(ws, i)
            if src is not None:
                return src
            if c0 is None and first in self.t.org_heads and first not in self.titles:
                return [], "unknown", s0  # «فرماندهی نیروهای ...» (a body, not «فرمانده» + ezafe)
        elif c0.source == "title" and (nm := name_after(self, c0)) is not None:
            return [self.speaker_of(nm)], "mention", nm.end  # «وزیر خارجه پمپئو»: the title's own name
        elif c0.source == "title" and self._bare(c0):
            # «وزیر امور خارجه گفت» linked to a holder by the article's dominant country: the
            # person named with this title wins, else the salient person, else that holder
            th = self.title_holder(ws, i, end)
            if th:
                return [th[0]], "title", th[1]
            return [self.speaker_of(c0)], "office", c0.end
        has_ke = any(w[3] == "که" for w in ws[i:])
        if c0 is None and first in self.t.demonstratives and i + 1 < len(ws):
            # «این دیپلمات ایرانی گفت» → the salient speaker; «این سخنگوی …» → the role
            if self._match(ws, i + 1, self.titles) and not self.role_phrase(ws, i + 1, dry=True):
                th = self.title_holder(ws, i + 1, end)  # «این سخنگوی وزارت خارجه» → its holder
                if th:
                    return [th[0]], "title", th[1]
                ta = self.title_anonymous(ws, i + 1, end)
                if ta:  # «این عضو کمیسیون» → the salient person, else the anonymous title
                    return [ta[0]], "this-title", ta[1]
            elif self.role_phrase(ws, i + 1, dry=True) is not None:
                # «این مقام اطلاعاتی آمریکا»، «این منبع که ...» → the salient person, else the role
                k = i + 1
                while k < len(ws) and ws[k][3] not in self.preps and ws[k][3] != "که":
                    k += 1
                return [], "this-title", ws[k - 1][1]
            elif not has_ke:
                np = [
                    w
                    for w in self._until_prep(ws[i:])
                    if w[3] not in self.adverb_words and not self._in_timex(w[0])
                ]
                if 2 <= len(np) <= 4 and not self.index.within(ws[i][0], np[-1][1]):
                    return [], "pronoun", np[-1][1]  # «این دیپلمات»، «این منبع» → the salient speaker
        if first in self.pronouns:
            return [], "pronoun", ws[i][1]
        if c0 is None and first in self.preps:
            return self._indefinite_after_phrase(ws, i)  # adverbial / prepositional phrase
        if c0 is None:
            if first != "یک" and not self._match(ws, i, self.quantity):
                tn = title_then_name(self, ws, i)  # «امیر خواجه‌فرد»: a title before a name
                if tn is not None:
                    return [tn[0]], "mention", tn[1]
                th = self.title_holder(ws, i, end)  # a definite title: the person named with it
                if th:
                    return [th[0]], "title", th[1]
                ta = self.title_anonymous(ws, i, end)
                if ta and not _PLURAL.search(ws[i][2]):  # else the salient named person
                    return [ta[0]], "office", ta[1]
            saved = dict(self.anonymous)
            role = self.role_phrase(ws, i)
            if role:
                if anaphora and role[0] not in saved.values() and bare_singular(self, ws, i):
                    self.anonymous = saved  # an anaphor: the next «کارشناس روس» is read alike
                    return [role[0]], "def-role", role[1]
                return [role[0]], "role", role[1]
            ta = self.title_anonymous(ws, i, end)
            if ta:
                return [ta[0]], "title", ta[1]
            # a clause opened by که: «این در حالی است که زاخارووا …»
            ki = [n for n in range(i, len(ws)) if ws[n][3] == "که"]
            if ki:
                j = self._skip_adverbs(ws, ki[-1] + 1)
                if j >= len(ws):
                    return [], "zero", s0
                sub = self._segment(ws, j, s0, e0, end, plural, anaphora)
                if sub is not None and sub[1] == "surface":
                    return [], "unknown", s0  # after که only a known subject is trusted
                if sub is None and not any(w[3] in _COPULA for w in ws[i : ki[-1]]):
                    # «موسسه X که در ... فعالیت می‌کند اعلام کرد»: the head noun before the
                    # relative clause is the subject, unresolved; not the salient speaker
                    return [], "unknown", s0
                return sub
        opener = text[ws[i][0] - 1] if ws[i][0] > 0 else ""
        if opener in _CLOSERS and (c0 is None or (c0.entity.type == "GPE" and text[c0.end : c0.end + 1] == " ")):
            # a name in quotation marks: «برناردو سیلوا» یکی از رهبران …; a place that only
            # begins the quoted name is part of it ("ریاض الاشقر"، پژوهشگر …)
            close = text.find(_CLOSERS[opener], ws[i][0], min(e0, ws[i][0] + 40))
            if close > 0 and c0 is not None and close <= c0.end:
                close = -1
            if close > 0:
                named = [w for w in ws[i:] if w[1] <= close]
                after = [w for w in ws[i:] if w[0] > close]
                if (
                    named
                    and not (after and after[0][3] == "را")
                    and not any(_DIGIT.search(w[3]) for w in named)
                ):
                    if _PLURAL.search(named[0][2]):  # «کشورهای اروپایی»: a group, not a name
                        fa = text[named[0][0] : named[-1][1]]
                        return [Speaker(f"anonymous:{fa}", fa, None, "ANON")], "role", close
                    return [self.surface(named)], "surface", close
        if c0 is None and first in self.institutions and i + 1 < len(ws):
            c0 = self.index.starting_at(ws[i + 1][0])
            if c0 is not None and c0.entity.type == "PER":  # «دولت ترامپ» → its officials
                fa = text[ws[i][0] : c0.end]
                return (
                    [Speaker(f"anonymous:{c0.entity.name} administration", fa, None, "ANON")],
                    "role",
                    c0.end,
                )
        if c0 is not None:
            out = [self.speaker_of(c0)]
            if plural:
                out += self._coordinated(c0, end)
            return out, "mention", c0.end
        rest = self._until_prep(ws[i:])  # «صمصامی در پایان» → the words before the phrase
        while rest and (rest[-1][3] in self.adverb_words or self._in_timex(rest[-1][0])):
            rest = rest[:-1]
        if (
            0 < len(rest) <= 3
            and not any(
                w[3] in self.preps or w[3] in self.t.not_in_names or self._in_timex(w[0]) for w in rest
            )
            and not self.index.within(rest[0][0], rest[-1][1])
        ):
            if any(_DIGIT.search(w[3]) for w in rest[1:]) or _DIGIT.search(rest[0][3][1:]):
                return [], "unknown", s0  # «مهاجر 10»، «مهاجر۱۰»: not a person's name
            if (rest[0][3] == "یک" or rest[0][3].isdigit()) and len(rest) > 1:  # «یک کارگزار»: unnamed
                fa = text[rest[1][0] : rest[-1][1]]
                return (
                    [Speaker(f"anonymous:{fa}", text[rest[0][0] : rest[-1][1]], None, "ANON")],
                    "role",
                    rest[-1][1],
                )
            if _PLURAL.search(rest[0][2]):  # «خانواده‌ها»، «کشاورزان‌ها»: a group, not a name
                fa = text[rest[0][0] : rest[-1][1]]
                return [Speaker(f"anonymous:{fa}", fa, None, "ANON")], "role", rest[-1][1]
            return [self.surface(rest)], "surface", rest[-1][1]
        return [], "unknown", s0

    def _indefinite_after_phrase(self, ws: list[Word], i: int) -> tuple[list[Speaker], str, int] | None:
        """``در ساعات پایانی دیشب یک منبع در دولت گفت``: an indefinite role after a leading
        adverbial phrase is the subject (not after a preposition: ``با یک منبع``)."""
        if i + 3 < len(ws) and ws[i + 1][3] in self.t.demonstratives:
            c = self.index.starting_at(ws[i + 3][0])  # «در این جلسه مصطفی کواکبیان ... دانست»
            if c is not None and c.entity.type == "PER" and not OBJECT_RA.match(self.text, c.end):
                return [self.speaker_of(c)], "mention", c.end
        for j in range(i + 1, len(ws)):
            if ws[j][3] == "یک" and ws[j - 1][3] not in self.preps:
                role = self.role_phrase(ws, j)
                if role is not None and not OBJECT_RA.match(self.text, role[1]):
                    return [role[0]], "role", role[1]
        return None

    def _source(self, ws: list[Word], i: int) -> tuple[list[Speaker], str, int] | None:
        """An outlet or an author as the subject (see :mod:`rasad.quotes.sources`)."""
        return source_subject(self, ws, i)

    def _until_prep(self, ws: list[Word]) -> list[Word]:
        """The leading words before the first preposition (the first word never counts)."""
        for n, w in enumerate(ws):
            if n and w[3] in self.preps:
                return ws[:n]
        return ws

    def only_adverbs(self, start: int, end: int) -> bool:
        """Is ``text[start:end]`` made only of adverbs and time expressions?"""
        ws = words(self.text, start, end)
        return self._skip_adverbs(ws, 0) >= len(ws)

    def after_adverbs(self, start: int, end: int) -> int:
        """Where ``text[start:end]`` starts once leading adverbs and timexes are skipped."""
        ws = words(self.text, start, end)
        k = self._skip_adverbs(ws, 0)
        return ws[k][0] if 0 < k < len(ws) else start

    def _in_timex(self, pos: int) -> bool:
        i = bisect.bisect_right(self.timex_starts, pos) - 1
        return i >= 0 and self.timex_spans[i][0] <= pos < self.timex_spans[i][1]

    def surface(self, ws: list[Word]) -> Speaker:
        """An unlinked name as written (see :func:`rasad.quotes.coref.surface`)."""
        return surface_speaker(self, ws)

    def _after_prep(self, pos: int, seg_start: int) -> bool:
        """Is the word before ``pos`` (in its segment) a preposition?"""
        before = self.text[seg_start:pos].split()
        return bool(before) and fold(before[-1]) in self.preps

    def _coordinated(self, c: Cand, end: int) -> list[Speaker]:
        """Further subjects joined by و (``هم مسکو و هم کی‌یف``) before ``end``."""
        out: list[Speaker] = []
        pos = c.end
        pattern = re.compile(r"(?:\s*،[^،]*،)?\s*و\s+(?:هم\s+)?")
        while True:
            m = pattern.match(self.text, pos, end)
            if not m:
                break
            nxt = self.index.starting_at(m.end())
            if nxt is None or nxt.entity.type not in SPEAKER_TYPES:
                break
            out.append(self.speaker_of(nxt))
            pos = nxt.end
        return out

    def issuer(self, start: int, end: int, nouns: frozenset[str]) -> Speaker | None:
        """The named subject of a sentence that issues a document (``X بیانیه‌ای صادر کرد``),
        for ``در این بیانیه آمده است`` in the next sentence."""
        ws = words(self.text, start, min(end, start + 300))
        if not any(w[3] in nouns or w[3][:-2] in nouns or w[3][:-1] in nouns for w in ws):
            return None
        i = self._skip_adverbs(ws, 0)
        if i >= len(ws):
            return None
        c = self.index.starting_at(ws[i][0])
        if c is not None and c.entity.type in ("ORG", "PER", "GPE"):
            return self.speaker_of(c)
        return None

    def sentence_subject(self, start: int, end: int) -> Speaker | None:
        """The person a sentence is about, if it opens with one (for pronoun chains)."""
        for s0, e0 in segments(self.text, start, min(end, start + 200)):
            ws = words(self.text, s0, e0)
            i = self._skip_adverbs(ws, 0)
            if i >= len(ws):
                continue
            if ws[i][3] in self.preps:
                continue
            c = self.index.starting_at(ws[i][0])
            if c is not None and c.entity.type == "PER":
                return self.speaker_of(c)
            return None
        return None


__all__ = ["Cand", "Resolver", "Speaker", "Tables", "Word", "fold", "words"]
