"""Places listed after a plural province head are the provinces, not their capitals.

``استان‌های صلاح‌الدین، بابل، بصره و کربلا`` names four Iraqi governorates;
``ولایت‌های هرات و فراه`` two Afghan provinces; written alone each word is the city.
The countryside of a city (``حومه شمالی حلب``, ``ریف حسکه``) is its governorate too.
:func:`relink_province_lists` moves each listed place mention to the gazetteer entry named
``<head> <place>`` (``استان بصره`` → Basra Governorate) when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rasad.entities.gazetteer import Gazetteer
from rasad.entities.linker import Linked
from rasad.model import Mention

# plural head → the singular that gazetteer names start with
_HEADS = {"استان": "استان", "ولایت": "ولایت"}
_PLURAL = re.compile(r"(استان|ولایت)(?:\u200c|\s)?های\s+")
_SEP = re.compile(r"\s*(?:،|,|\bو\b)\s*")
_MAX_ITEMS = 8
# «حومه شمالی حلب», «ریف حسکه»: the countryside of a city is its governorate
_COUNTRYSIDE = re.compile(
    r"(?:حومه|ریف)(?:\s+(?:شمالی|جنوبی|شرقی|غربی|شمال|جنوب|شرق|غرب)(?:[\s\u200c]?(?:شرقی|غربی))?)?\s+$"
)
_WORDS = re.compile(r"[^\W\d_][\w\u200c]*(?: [^\W\d_][\w\u200c]*){0,2}")


def relink_province_lists(text: str, linked: Sequence[Linked], gaz: Gazetteer) -> list[Linked]:
    """``linked`` with the places of a ``استان‌های X، Y و Z`` list moved to the provinces."""
    out = list(linked)
    if "های" not in text:
        return sorted((_countryside(text, lk, gaz) for lk in out), key=lambda lk: lk.mention.start)
    for m in _PLURAL.finditer(text):
        head = _HEADS[m[1]]
        pos = m.end()
        for _ in range(_MAX_ITEMS):
            w = _WORDS.match(text, pos)
            if w is None:
                break
            words = w[0].split()
            found = None
            for k in range(min(3, len(words)), 0, -1):
                item = " ".join(words[:k])
                prov = [e for e in gaz.lookup(f"{head} {item}") if e.type == "GPE"]
                if prov:
                    found = (prov[0].id, item)
                    break
            if found is None:
                break
            eid, item = found
            end = text.find(item, pos) + len(item)
            out = [lk for lk in out if not (lk.mention.start < end and pos < lk.mention.end)]
            out.append(Linked(eid, Mention(text[pos:end], pos, end, "gazetteer")))
            sep = _SEP.match(text, end)
            if sep is None or sep.end() == end:
                break
            pos = sep.end()
    out = [_countryside(text, lk, gaz) for lk in out]
    out.sort(key=lambda lk: lk.mention.start)
    return out


def _countryside(text: str, lk: Linked, gaz: Gazetteer) -> Linked:
    """A city right after «حومه» / «ریف» (and a direction) → its governorate (``استان X``)."""
    ent = gaz.get(lk.eid)
    if (
        ent is None
        or ent.type != "GPE"
        or not _COUNTRYSIDE.search(text, max(0, lk.mention.start - 30), lk.mention.start)
    ):
        return lk
    prov = [e for e in gaz.lookup(f"استان {lk.mention.text}") if e.type == "GPE"]
    if not prov or prov[0].id == lk.eid:
        return lk
    m = lk.mention
    return Linked(prov[0].id, Mention(m.text, m.start, m.end, m.source))
