"""The temporal lexicon: Persian words → canonical values, loaded from YAML.

All language facts live in ``rasad/data/time/lexicon.yaml`` and ``zones.yaml``;
this module only reads them and turns every table into a regex alternation plus
a lookup from a (canonical) surface form to its value.

A ZWNJ inside a form also matches a space or nothing, so the one entry
``سه‌شنبه`` recognizes ``سه‌شنبه``, ``سه شنبه`` and ``سهشنبه``::

    >>> lex = load_lexicon()
    >>> lex.weekdays[canon("سه شنبه")]
    1
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

DATA = Path(__file__).resolve().parent.parent / "data" / "time"

ZWNJ = "\u200c"
# Same-length translation applied to the text before matching: every digit → ASCII,
# Arabic letters → Persian.  Offsets are untouched because lengths do not change.
SHADOW = str.maketrans(
    {
        **{chr(0x06F0 + i): str(i) for i in range(10)},
        **{chr(0x0660 + i): str(i) for i in range(10)},
        "ي": "ی",
        "ك": "ک",
        "ى": "ی",
        "\u00a0": " ",
        "أ": "ا",
        "إ": "ا",
        "٫": ".",
    }
)


def replace_chars(text: str, table: dict[int, str]) -> str:
    """``text.translate(table)`` for one-character values, but fast: ``str.translate``
    with a dict is slow on non-ASCII text, chained ``str.replace`` is not."""
    for code, new in table.items():
        old = chr(code)
        if old in text:
            text = text.replace(old, new)
    return text


def shadow(text: str) -> str:
    """The matching copy of ``text``: same length, ASCII digits, Persian letters."""
    return replace_chars(text, SHADOW)


# Word boundaries that treat ZWNJ as part of a word and digits as separators.
WB = r"(?<![^\W\d_])(?<!\u200c)"
WE = r"(?![^\W\d_])(?!\u200c)"
# The same start boundary checked *after* a word's first letter: patterns then begin
# with a literal letter, which lets the regex engine skip ahead fast (charset prefix).
WB1 = r"(?<![^\W\d_].)(?<!\u200c.)"


_GAPS = re.compile(r"[\s\u200c]+")


def canon(form: str) -> str:
    """Key for a surface form: spaces and ZWNJ removed (``سه شنبه`` → ``سهشنبه``)."""
    return _GAPS.sub("", form.translate(SHADOW))


def form_regex(form: str) -> str:
    """Regex for one form; each ZWNJ or space in it matches ZWNJ, spaces or nothing."""
    parts = re.split(r"[\s\u200c]+", form)
    return r"[\s\u200c]?".join(re.escape(p) for p in parts)


SEP = "\x00"  # a space or ZWNJ inside a form: matches a space, a ZWNJ or nothing


def tokens(form: str) -> list[str]:
    return [SEP if p.isspace() or p == ZWNJ else p for p in re.findall(r"[\s\u200c]+|.", form)]


def _emit(node: dict[str, Any]) -> str:
    """Regex of a trie node: children longest-first, the end of a form last."""
    alts = []
    for key in sorted(k for k in node if k != ""):
        head = r"[\s\u200c]?" if key == SEP else re.escape(key)
        alts.append(head + _emit(node[key]))
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def alternation(forms: list[str]) -> str:
    """A trie-shaped regex matching any of ``forms`` (longest match first).

    Each form must start at a word boundary, checked after its first letter (``WB1``)
    so that the regex starts with a literal and the engine can skip ahead fast.
    """
    trie: dict[str, Any] = {}
    for f in set(forms):
        node = trie
        for tok in tokens(f):
            node = node.setdefault(tok, {})
        node[""] = {}
    alts = [re.escape(first) + WB1 + _emit(trie[first]) for first in sorted(trie)]
    return "(?:" + "|".join(alts) + ")"


@dataclass(frozen=True)
class Zone:
    """A named time zone: ``به وقت مسکو`` → ``+03:00``."""

    offset: str
    dst: str | None = None


@dataclass
class Lexicon:
    """Every table of the lexicon, keyed by :func:`canon` forms."""

    raw: dict[str, Any]
    months: dict[str, tuple[str, int]] = field(default_factory=dict)  # form → (calendar, month)
    guarded: set[str] = field(default_factory=set)
    weekdays: dict[str, int] = field(default_factory=dict)
    cardinals: dict[str, int] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)  # form → day|week|...
    unit_iso: dict[str, str] = field(default_factory=dict)
    modifiers: dict[str, int] = field(default_factory=dict)  # form → -1|0|1
    relative_words: dict[str, tuple[int, str]] = field(default_factory=dict)
    day_parts: dict[str, dict[str, Any]] = field(default_factory=dict)
    seasons: dict[str, str] = field(default_factory=dict)
    zones: dict[str, Zone] = field(default_factory=dict)
    cal_suffixes: dict[str, str] = field(default_factory=dict)  # form → calendar
    frequency: dict[str, str] = field(default_factory=dict)  # adverb of frequency → unit
    nth: dict[str, int] = field(default_factory=dict)  # «آخرین» → -1, «اولین» → 1
    alt: dict[str, str] = field(default_factory=dict)  # table → regex alternation
    ordinal_forms: list[str] = field(default_factory=list)  # with compounds «بیست و یکم»
    cardinal_forms: list[str] = field(default_factory=list)
    night: set[str] = field(default_factory=set)  # relative words of a night («امشب»)

    def number(self, form: str) -> int | None:
        """Value of a number written in digits or words (``بیست و چهارم`` → 24)."""
        key = canon(form)
        if key.isdigit():
            return int(key)
        return self._words(key)

    def spelled(self, form: str) -> int | None:
        """Value of a spelled-out number up to the thousands (``هزارونهصدونود`` → 1990),
        read greedily word by word with an optional «و» between words."""
        vocab = self.number_words()
        key, i, total, current = canon(form), 0, 0, 0
        longest = max(len(w) for w in vocab)
        while i < len(key):
            for n in range(min(longest, len(key) - i), 0, -1):
                v = vocab.get(key[i : i + n])
                if v is not None:
                    break
            else:
                return None
            i += n
            if v == 1000:
                total += (current or 1) * 1000
                current = 0
            else:
                current += v
            if key.startswith("و", i) and i + 1 < len(key):
                i += 1
        return total + current

    def number_words(self) -> dict[str, int]:
        words = dict(self.cardinals)
        words.update({canon(k): int(v) for k, v in (self.raw.get("hundreds") or {}).items()})
        words.update({canon(k): 1000 for k in self.raw.get("thousand") or []})
        return words

    def _words(self, key: str) -> int | None:
        v = self.ordinals.get(key, self.cardinals.get(key))
        if v is not None:
            return v
        if key.endswith("مین") and len(key) > 3:
            return self._words(key[:-2])  # «بیست و یکمین» → «بیست و یکم»
        if key.endswith("ام") and key[:-2] in self.cardinals:
            return self.cardinals[key[:-2]]
        for i, ch in enumerate(key):
            if ch == "و" and key[:i] in self.cardinals and self.cardinals[key[:i]] >= 20:
                rest = self._words(key[i + 1 :])
                if rest is not None and rest < 10:
                    return self.cardinals[key[:i]] + rest
        return None


def _table(raw: dict[str, Any], name: str) -> dict[str, Any]:
    value = raw.get(name) or {}
    if not isinstance(value, dict):
        raise ValueError(f"time lexicon: {name} must be a mapping")
    return value


T = TypeVar("T")


def _by_form(raw: dict[str, Any], key: str, value: Callable[[Any], T]) -> dict[str, T]:
    """Invert a ``value: [forms]`` table of the lexicon into ``canonical form → value``."""
    return {canon(f): value(v) for v, forms in _table(raw, key).items() for f in forms}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Read and index ``lexicon.yaml`` and ``zones.yaml`` (cached: pure file loader)."""
    from rasad.cache import load_yaml  # start-up cache of the parsed files

    raw = load_yaml(DATA / "lexicon.yaml")
    zones_raw = load_yaml(DATA / "zones.yaml")
    tense_raw = load_yaml(DATA / "tense.yaml")
    lex = Lexicon(raw=raw)
    month_forms: dict[str, list[str]] = {"jalali": [], "gregorian": [], "hijri": []}
    for cal in month_forms:
        for num, forms in _table(raw, f"{cal}_months").items():
            for f in forms:
                lex.months[canon(f)] = (cal, int(num))
                month_forms[cal].append(f)
    lex.guarded = {canon(f) for f in raw.get("guarded", [])}
    lex.weekdays = _by_form(raw, "weekdays", int)
    lex.cardinals = _by_form(raw, "cardinals", int)
    lex.ordinals = _by_form(raw, "ordinals", int)
    for unit, spec in _table(raw, "units").items():
        for f in spec["forms"]:
            lex.units[canon(f)] = unit
        lex.unit_iso[unit] = spec["iso"]
    for spec in _table(raw, "unit_modifiers").values():
        for f in spec["forms"]:
            lex.modifiers[canon(f)] = int(spec["direction"])
    for f, spec in _table(raw, "relative_words").items():
        lex.relative_words[canon(f)] = (int(spec["offset"]), str(spec["unit"]))
        if spec.get("night"):
            lex.night.add(canon(f))
    for f, spec in _table(raw, "day_parts").items():
        lex.day_parts[canon(f)] = dict(spec)
    lex.seasons = _by_form(raw, "seasons", str)
    lex.cal_suffixes = _by_form(raw, "calendar_suffixes", str)
    lex.frequency = _by_form(raw, "frequency_adverbs", str)
    lex.nth = _by_form(raw, "weekday_of_month", int)
    for f, spec in _table(zones_raw, "zones").items():
        lex.zones[canon(f)] = Zone(str(spec["offset"]), spec.get("dst"))

    guarded_forms = [f for forms in month_forms.values() for f in forms if canon(f) in lex.guarded]
    free_forms = [f for forms in month_forms.values() for f in forms if canon(f) not in lex.guarded]
    cards = _table(raw, "cardinals")
    ords = _table(raw, "ordinals")
    tens = [f for n, fs in cards.items() if int(n) in (20, 30) for f in fs]
    big_tens = [f for n, fs in cards.items() if 20 <= int(n) < 100 for f in fs]
    unit_card = [f for n, fs in cards.items() if int(n) < 10 for f in fs]
    unit_ord = [f for n, fs in ords.items() if int(n) < 10 for f in fs]
    ordinal_forms = [f for fs in ords.values() for f in fs]
    ordinal_forms += [f"{t} و {u}" for t in tens for u in unit_ord] + [f"{t} ام" for t in tens]
    cardinal_forms = [f for fs in cards.values() for f in fs] + [
        f"{t} و {u}" for t in big_tens for u in unit_card
    ]
    lex.ordinal_forms, lex.cardinal_forms = ordinal_forms, cardinal_forms
    lex.alt = {
        "month": alternation(free_forms + guarded_forms),
        "month_free": alternation(free_forms),
        "weekday": alternation([f for fs in _table(raw, "weekdays").values() for f in fs]),
        # ordinal day: بیست و چهارم | سی‌ویکم | سی ام | نهم | یکم
        "ordinal": alternation(ordinal_forms),
        # cardinal count: بیست و پنج | سه
        "cardinal": alternation(cardinal_forms),
        "count_word": alternation(cardinal_forms + list(raw.get("vague_counts", []))),
        "vague": alternation(list(raw.get("vague_counts", []))),
        "number_word": "(?:"
        + "|".join(
            re.escape(w)
            for w in sorted(
                [*lex.cardinals, *map(canon, raw.get("hundreds") or {}), *map(canon, raw.get("thousand") or [])],
                key=len,
                reverse=True,
            )
        )
        + ")",
        "name_head": alternation(list(raw.get("name_heads", []))),
        "name_head_adj": alternation(list(raw.get("name_head_adjectives", []))),
        "name_tail": alternation(list(raw.get("name_tails", []))),
        "nowadays_head": alternation(list(raw.get("nowadays_heads", []))),
        "holiday": alternation(list(raw.get("holidays") or {})),
        "year2_next": alternation(list(raw.get("year2_next", []))),
        "year2_count_nouns": alternation(list(raw.get("year2_count_nouns", []))),
        "year_head": alternation(list(raw.get("year_heads", []))),
        "year3_head": alternation(list(raw.get("year3_heads", []))),
        "range_word": alternation(list(raw.get("range_words", []))),
        "fraction": alternation(list(raw.get("fraction_counts", {}))),
        "range_count": alternation(list(raw.get("range_counts", []))),
        "multiplier": alternation(list(raw.get("multipliers", {}))),
        "dur_block_after": alternation(list(raw.get("duration_blockers_after", []))),
        "dur_block_before": alternation(list(raw.get("duration_blockers_before", []))),
        "wd_block": alternation(list(raw.get("weekday_blockers", []))),
        "day_block": alternation(list(raw.get("day_blockers", []))),
        "day_word": alternation(ordinal_forms + cardinal_forms),
        "unit": alternation(list(_forms(raw, "units"))),
        "modifier": alternation([f for s in _table(raw, "unit_modifiers").values() for f in s["forms"]]),
        "current": alternation(list(raw.get("current_determiners", []))),
        "dur_mod": alternation(list(raw.get("duration_modifiers", []))),
        "dur_prefix": alternation(list(raw.get("duration_prefixes", []))),
        "relative": alternation(list(_table(raw, "relative_words"))),
        "part": alternation(list(raw.get("period_parts", []))),
        "day_part": alternation([f for f in _table(raw, "day_parts")]),
        "season": alternation([f for fs in _table(raw, "seasons").values() for f in fs]),
        "cal_suffix": alternation([f for fs in _table(raw, "calendar_suffixes").values() for f in fs]),
        "zone": alternation(list(_table(zones_raw, "zones"))),
        "set_head": alternation(list(raw.get("set_heads", []))),
        "stative": alternation(list(raw.get("stative_words", []))),
        "planned": alternation(list(raw.get("planned_cues", []))),
        "comparison": alternation(list(raw.get("comparison_heads", []))),
        "month_prep": alternation(list(raw.get("month_prepositions", []))),
        "sport": alternation(list(raw.get("sport_cues", []))),
        "nth_word": alternation([f for fs in _table(raw, "weekday_of_month").values() for f in fs]),
        "freq_adverb": alternation([f for fs in _table(raw, "frequency_adverbs").values() for f in fs]),
        "freq_head": alternation(list(raw.get("frequency_heads", []))),
        "rate_unit": alternation(list(raw.get("rate_units", []))),
        "rate_block": alternation(list(raw.get("rate_blockers_after", []))),
        "rate_block_before": alternation(list(raw.get("rate_blockers_before", []))),
        "future": alternation(list(raw.get("future_cues", []))),
        "speech": alternation(list(raw.get("speech_cues", []))),
        # a present-tense verb: «می‌رود», «نمی‌کنند» (stems from the UD treebanks, tense.yaml)
        "present": "ن?می[ \u200c]?(?:"
        + "|".join(re.escape(x) for x in sorted(tense_raw.get("present_stems") or [], key=len, reverse=True))
        + ")(?:ند|یم|د|م)",
        # a subjunctive verb: «تعطیل شود», «بپردازند» (a day ahead: «تا روز دوشنبه تعطیل شود»)
        "subjunctive": "[بن]?(?:"
        + "|".join(re.escape(x) for x in sorted(tense_raw.get("subjunctive_stems") or [], key=len, reverse=True))
        + ")(?:ند|یم|د)",
        # a past-tense verb, simple or perfect: «هشدار داد», «برگزار شده» (not with «می»:
        # «می‌ماند» is as often the present "stays")
        "past": "ن?(?:"
        + "|".join(re.escape(x) for x in sorted(tense_raw.get("past_stems") or [], key=len, reverse=True))
        + ")(?:ند|یم|ید|م|ه)?",
    }
    return lex


def _forms(raw: dict[str, Any], name: str) -> list[str]:
    return [f for spec in _table(raw, name).values() for f in spec["forms"]]
