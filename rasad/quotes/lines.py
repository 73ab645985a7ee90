"""Direct speech that runs over several lines after an unmarked colon cue.

News sites split a speech into one sentence per line: ``X گفت: A.`` then ``B.`` and
``C.`` on the next lines, with no quotation marks. Each following line is one more
direct quote of the same speaker (GUIDELINES §9), until a line that opens a new
attribution: a reporting cue early in the line, a past-tense cue (a narrator's verb), a
cue before a colon, or an attribution phrase (``به گزارش``، ``به گفته``).

    >>> from rasad.quotes.stage import QuoteStage
    >>> from rasad.model import Article, Sentence
    >>> t = "الف گفت: جلسه خوب بود.\\nما راضی هستیم.\\nالف سپس به خانه رفت."
    >>> lines = [Sentence(0, 22), Sentence(23, 38), Sentence(39, len(t))]
    >>> [q.text for q in QuoteStage()(Article(raw=t, text=t, sentences=lines)).quotes]
    ['جلسه خوب بود', 'ما راضی هستیم']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rasad.model import Quote
from rasad.quotes.lexicon import CueHit
from rasad.quotes.speaker import Speaker, fold

_TRIM = " \t.،,؛:!?؟"
_WORD = re.compile(r"\S+")
_EARLY_WORDS = 8  # a narrator's cue among the first words of a line opens a new attribution
_HEADING_WORDS = 12  # a verbless line this short, without a closing stop, is a sub-heading
_STOPS = ".!?؟:؛"


@dataclass
class RunOn:
    """The open colon quotation whose speech may continue on the next lines."""

    quote: Quote
    speaker: Speaker


def line_bounds(text: str, pos: int) -> tuple[int, int]:
    """``[start, end)`` of the line holding ``pos``."""
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def opens_run(text: str, q: Quote) -> bool:
    """Is ``q`` an unmarked colon quotation that ends its line (``X گفت: ...`` + newline)?"""
    if q.kind != "direct":
        return False
    k = q.start - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    if k < 0 or text[k] != ":":
        return False
    _, e = line_bounds(text, q.start)
    return not text[q.end : e].strip(_TRIM + '»”"')


def stops_run(
    text: str,
    start: int,
    end: int,
    hits: list[CueHit],
    trigger: re.Pattern[str],
    run: RunOn,
    narrator: frozenset[str],
    pronouns: frozenset[str],
    openers: tuple[str, ...] = (),
    named: bool = False,
) -> bool:
    """Does the line ``text[start:end]`` open an attribution of the narrator: a cue before a
    colon or a participial cue, an attribution phrase opening the line, the speaker named
    again, or early in the line a narrator's verb (``افزود``، ``تصریح کرد``) or any cue
    after a pronoun (``وی گفت که ...``)? A cue inside the speech (``پمپئو توئیت کرد که``)
    is a nested statement: the run goes on."""
    if named:
        return True  # the narrator names the speaker again (``سخنان ماکرون ...``)
    ws = list(_WORD.finditer(text, start, end))
    folded = [fold(w.group().strip("«»")) for w in ws]
    head = text[start : min(end, start + 40)]
    tm = trigger.search(head)
    if tm is not None and not text[start : start + tm.start()].strip(_TRIM + "«"):
        return True
    lead = " ".join(folded[:4])
    if any(lead.startswith(o) for o in openers):
        return True  # «در همین حال»، «گفتنی است»، «این خبرگزاری»: the narrator's transition
    limit = ws[min(len(ws), _EARLY_WORDS) - 1].end() if ws else start
    by_pronoun = bool(ws) and fold(ws[0].group()) in pronouns
    for h in hits:
        if not (start <= h.start < end):
            continue
        if h.form.participle:
            return True
        if h.start < limit and (by_pronoun or h.form.lemma in narrator):
            return True
        j = h.end
        while j < end and text[j] in " \t":
            j += 1
        if j < end and text[j] == ":":
            return True
    return False


def heading_like(text: str, start: int, end: int, verbs: int) -> bool:
    """Is the line ``text[start:end]`` a sub-heading between paragraphs: short, with no finite
    verb (``verbs`` counts the clause layer's verb groups in it) and no closing stop? A speech
    run does not cross it (``... :وی گفت`` / ``بازگشت سرمایه به بازار مسکن`` / narrator's text)."""
    body = text[start:end].strip()
    if verbs or not body or body[-1] in _STOPS:
        return False
    return len(body.split()) <= _HEADING_WORDS


def run_on_quote(text: str, run: RunOn, start: int, end: int, si: int) -> Quote | None:
    """The whole line ``[start, end)`` as one more direct quote of ``run``'s speaker."""
    s, e = start, end
    while s < e and text[s] in _TRIM + "»”":
        s += 1
    while e > s and text[e - 1] in _TRIM + "«“":
        e -= 1
    if len(text[s:e].split()) < 3:
        return None  # a caption or a list number, not a sentence of the speech
    return replace(run.quote, text=text[s:e], start=s, end=e, sentence=si)
