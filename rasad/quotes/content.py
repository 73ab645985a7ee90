"""Content placed before or after a reporting verb (:mod:`rasad.quotes.stage`).

>>> t = "وی از آغاز مذاکرات خبر داد."
>>> s, e = object_content(t, 2, t.index("خبر"), ("از",))
>>> t[s:e].strip()
'آغاز مذاکرات'
"""

from __future__ import annotations

import re

from rasad.quotes.mentions import fold

_TRIM = " \t\n.،,؛:!?؟"
# a finite verb that ends a clause before «و» inside an object (``... رفت و توافق را اعلام کرد``)
FINITE = re.compile(
    r"(?:کرد|کردند|شد|شدند|داد|دادند|رفت|رفتند|است|بود|بودند|کند|کنند|شود|دارد|دارند|گفت|نمود|داشت)$"
)


def ends_clause(text: str, j: int, limit: int) -> bool:
    """Does the clause end at ``j`` (the sentence ends, or «و» / a comma opens the next one)?"""
    rest = text[j:limit].strip(" \t")
    return not rest.strip(_TRIM) or rest[0] in "،,.؛" or bool(re.match(r"و\s", rest))


def statement_object(text: str, start: int, end: int, topic_openers: frozenset[str]) -> bool:
    """Is the complement of ``به ... اشاره کرد`` a statement (``به کشته شدن ده‌ها نفر در
    حمله دیروز``), not a topic (``به این موضوع``، ``به مسئله X``)?"""
    ws = text[start:end].split()
    return len(ws) >= 3 and fold(ws[0]) not in topic_openers


def object_content(
    text: str, subj_end: int, cue_start: int, objects: tuple[str, ...], initial: bool = False
) -> tuple[int, int]:
    """Content placed before the verb: ``از ... خبر داد``، ``... را اعلام کرد``.  With
    ``initial`` (``به ... اشاره کرد``) an object that opens the last comma segment first."""
    seg_start = subj_end
    if initial:
        whole = text[seg_start:cue_start]
        comma = max(whole.rfind("،"), whole.rfind(","))
        for ob in objects:
            om = re.match(r"\s*" + re.escape(ob) + r"\s", whole[comma + 1 :])
            if om:
                return seg_start + comma + 1 + om.end(), cue_start
    # skip an appositive after the subject: «X، عنوان X، ...»
    m = re.match(r"\s*[،,][^،,]*[،,]", text[seg_start:cue_start])
    if m:
        seg_start += m.end()
    region = text[seg_start:cue_start]
    if "را" in objects:
        rm = list(re.finditer(r"(?:^|\s)را(?=\s|$)", region))
        if rm:
            last = rm[-1]
            cm = [
                x
                for x in re.finditer(r"[،,]|(?:^|\s)و\s", region[: last.start()])
                if x.group() in "،,"
                or not region[: x.start()].strip()
                or FINITE.search(region, 0, x.start())
            ]  # «... رفت و توافق را اعلام کرد»; not «ایران و آمریکا را»
            st = cm[-1].end() if cm else 0
            if not region[st : last.start()].strip():
                return -1, -1  # «را» with no object before it
            return seg_start + st, cue_start
    for ob in objects:
        if ob == "را":
            continue
        om = re.search(r"(?:^|\s)" + re.escape(ob) + r"\s(?!عنوان\s)", region)  # not «به عنوان»
        if om:
            return seg_start + om.end(), cue_start
    return -1, -1


_TRIM_END = " \t\n.،,؛:!?؟"  # (as the content's trim)
# A reported clause runs to the end of its sentence; a sentence with no full stop may run for pages
# and repeat its cue (``... گفت که ... گفت که ...``), and each clause would hold the rest of it: the
# quotes of a text would grow with its square. A real sentence of news is far shorter (the raw corpus:
# none over ~7,300 characters), so a reported clause keeps at most this much.
_MAX_REPORTED = 8000


def cut_reported(text: str, a: int, b: int) -> int:
    """The end of the reported clause ``text[a:b]``, cut to at most :data:`_MAX_REPORTED`
    characters at a word's end.

    >>> t = "که " + "مذاکرات ادامه دارد و " * 1000
    >>> cut_reported(t, 3, len(t)) - 3 <= _MAX_REPORTED, cut_reported(t, 3, 40)
    (True, 40)
    """
    if b - a <= _MAX_REPORTED:
        return b
    end = a + _MAX_REPORTED
    sp = text.rfind(" ", a, end)
    end = sp if sp > a else end
    while end > a and text[end - 1] in _TRIM_END:
        end -= 1
    return min(b, end)
