"""Coreference of speakers inside one article (the quotes stage's own, see issue 11).

* an unlinked name as written joins a full name given before (``ولودیمیر زلنسکی`` … ``زلنسکی``);
* a full name's surname right before the cue speaks, also after a caption the sentence
  splitter left joined to the sentence (``... لباسم بود لیاقت افزود``);
* a relative clause right before the cue names its antecedent (``ادعای ترامپ را که گفته بود``);
* a title mention followed by the person's name is that person (``وزیر خارجه پمپئو``);
* a bare singular role (``کارشناس روس ادامه داد``) refers back (see ``singular_heads``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rasad.entities.coordination import load_given_names
from rasad.entities.namefilter import NameFilter
from rasad.entities.translit import Transliterator
from rasad.quotes.mentions import Cand, Speaker, Word, fold, words

if TYPE_CHECKING:
    from rasad.quotes.speaker import Resolver


class NameSpelling:
    """The name lists and the name model the quotes stage spells unlinked names with."""

    def __init__(self) -> None:
        self.translit = Transliterator.default()
        self.name_filter = NameFilter.default()
        self.given_names = load_given_names() | self.name_filter.keep
        self._latin: dict[tuple[str, bool], str] = {}

    def latin(self, fa: str, context: str) -> str:
        """``fa`` spelled by the name model; the words around it only tell an Arab name
        (cached by that, as the same names recur across articles)."""
        model = self.translit.model
        key = (fa, model is not None and model.arab_context(context))
        got = self._latin.get(key)
        if got is None:
            if len(self._latin) > 4096:
                self._latin.clear()
            got = self._latin[key] = self.translit(fa, context)
        return got


def surface_speaker(res: Resolver, ws: list[Word]) -> Speaker:
    """An unlinked name as written; a later bare surname joins the full name
    (``ولودیمیر زلنسکی`` … ``زلنسکی``)."""
    fa = res.text[ws[0][0] : ws[-1][1]].replace("«", "").replace("»", "").strip()
    last = ws[-1][3]
    prev = res.surfaces.get(last)
    if prev is not None:
        return prev
    whole = fold(fa)
    for c in res.index.cands:
        if c.entity.type != "PER":
            continue
        full = fold(c.text)
        if (
            fold(c.text.split()[-1]) == last
            or full == whole
            or (len(whole) >= 5 and full.endswith(whole))
        ):
            return res.speaker_of(c)  # «آقاتهرانی» → «مرتضی آقا تهرانی»
    if len(ws) == 1:
        fa = full_name(res, fa) or fa  # «پژوتن» → «مریم پژوتن» written before, if any
    sp = Speaker(english_name(res, fa, ws[0][0]), fa, None, None)
    res.surfaces[last] = sp
    return sp


def full_name(res: Resolver, surname: str) -> str | None:
    """The first ``<given name> <surname>`` of the article (one or two given names the
    lists know: ``محمد علی پژوتن``) that the entity stage missed, as written."""
    at = res.text.find(surname)
    while at >= 0:
        end = at + len(surname)
        if (end >= len(res.text) or not (res.text[end].isalnum() or res.text[end] == "\u200c")) and at > 0:
            before = words(res.text, max(0, at - 40), at)
            first: list[tuple[int, int, str, str]] = []
            while before and is_given(res, before[-1][2]) and len(first) < 2:
                first.insert(0, before.pop())
            if first and res.text[first[-1][1] : at].strip() == "" and (
                len(first) == 1 or res.text[first[0][1] : first[1][0]].strip() == ""
            ):
                return res.text[first[0][0] : end]
        at = res.text.find(surname, at + 1)
    return None


def is_given(res: Resolver, w: str) -> bool:
    """A given name of the name lists, not a title the corpora see often in names (دکتر)."""
    c = res.t.names.name_filter.counts.get(w)
    return w in res.t.names.given_names and w not in res.skip_words and not (c and c[3] >= 5 and c[1] < 0.3 * c[3])


def english_name(res: Resolver, fa: str, at: int) -> str:
    """The English spelling of an unlinked name the entity stage missed, by the same name
    model as the entity stage (``حسن روحانی`` → ``Hassan Rouhani``), with the words around
    it as context (an Arab country nearby gives Arab spellings); common words that do not
    read as a name (``سایت وطن``) stay as written; a known given name first makes it a name
    whatever the surname means (``علی عدالت``)."""
    if not reads_as_name(res, fa):
        return fa
    context = res.text[max(0, at - 120) : at + len(fa) + 120]
    latin = res.t.names.latin(fa, context)
    return latin if latin and latin.isascii() else fa


def reads_as_name(res: Resolver, fa: str) -> bool:
    """Does ``fa`` read as a person's name: a known given name first (``علی عدالت``), or
    words :class:`~rasad.entities.namefilter.NameFilter` does not take for common ones?"""
    plain = fa.replace("\u200c", " ").split()
    nf = res.t.names.name_filter
    if any(_possessive(res, w) for w in plain):
        return False
    return bool(plain) and ((len(plain) > 1 and is_given(res, plain[0])) or nf.is_name(" ".join(plain)))


def _possessive(res: Resolver, w: str) -> bool:
    """``خبرنگارش`` (its reporter), ``همکارش``: a common noun the corpora never see in a
    person's name, with the possessive ``ش`` glued on."""
    if len(w) < 4 or not w.endswith("ش") or w in res.t.names.name_filter.counts:
        return False
    c = res.t.names.name_filter.counts.get(w[:-1])
    return c is not None and c[3] >= 5 and c[1] == 0


def relative_subject(res: Resolver, start: int, end: int) -> Cand | None:
    """A relative clause right before the cue: ``ادعای ترامپ را که گفته بود`` → ترامپ."""
    if "که" not in res.text[max(start, end - 40) : end]:
        return None
    ws = words(res.text, max(start, end - 120), end)
    n = len(ws)
    while n and ws[n - 1][3] in res.adverb_words:
        n -= 1
    if n < 2 or ws[n - 1][3] != "که":
        return None
    k0 = n - 1
    if ws[k0 - 1][3] == "را":
        k0 -= 1
    for w in reversed(ws[max(0, k0 - 3) : k0]):
        c = res.index.ending_at(w[1])
        if c is not None and c.entity.type == "PER":
            return c
    return None


def surname_before(res: Resolver, start: int, end: int) -> Speaker | None:
    """``... پرچم ایران لباسم بود لیاقت افزود``: a speaker's surname right before the cue,
    after text the sentence splitter left joined to it, is the speaker."""
    ws = words(res.text, max(start, end - 60), end)
    while ws and (ws[-1][3] in res.adverb_words or res._in_timex(ws[-1][0])):
        ws = ws[:-1]
    if len(ws) < 2 or ws[-2][3] in res.preps or res.index.within(ws[-1][0], ws[-1][1]):
        return None
    last, before = ws[-1][3], ws[-2][3]
    sp = res.surfaces.get(last)
    if sp is not None:
        names = [fold(w) for w in sp.fa.split()]
        # a full name given before, not repeated here («کشورهای اروپایی» twice is no name)
        return sp if len(names) > 1 and names[-2] != before else None
    for c in res.index.cands:
        if c.start >= ws[-1][0]:
            break
        names = [fold(w) for w in c.text.split()]
        if c.entity.type == "PER" and c.source != "title" and len(names) > 1 and names[-1] == last:
            return res.speaker_of(c) if names[-2] != before else None
    return None


def name_after(res: Resolver, c: Cand) -> Cand | None:
    """A person's name right after a title mention (``وزیر خارجه پمپئو``)."""
    k = c.end
    while k < len(res.text) and res.text[k] in " \u200c«":
        k += 1
    nxt = res.index.starting_at(k)
    if nxt is None or nxt.entity.type != "PER" or nxt.source == "title" or k - c.end > 2:
        return None
    return nxt


def bare_singular(res: Resolver, ws: list[Word], i: int) -> bool:
    """``کارشناس روس`` (not ``یک کارشناس``، ``برخی کارشناسان``، ``مقامات``): a bare singular head."""
    if ws[i][3] == "یک" or res._match(ws, i, res.quantity):
        return False
    w = ws[i][3]
    return w in res.t.singular_heads or (w.endswith("ی") and w[:-1] in res.t.singular_heads)
