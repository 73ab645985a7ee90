"""The grammar: compiled regexes over the lexicon's token classes → :class:`Atom` s.

Each pattern recognizes one kind of atomic time expression in the *shadow* text
(the normalized text with every digit turned ASCII, same length so offsets hold).
Atoms are then merged and resolved by :mod:`rasad.time.resolve`.

    >>> g = Grammar(load_lexicon())
    >>> [(a.kind, a.f["m"], a.f["d"]) for a in g.atoms("روز ۲۹ مهر".translate(SHADOW))]
    [('date', 7, 29)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from rasad.time.lexicon import (
    SEP,
    SHADOW,
    WB,
    WB1,
    WE,
    ZWNJ,
    Lexicon,
    canon,
    load_lexicon,
    replace_chars,
    tokens,
)

__all__ = ["Atom", "Grammar", "SHADOW", "load_lexicon"]

G = r"[ \t\u200c]*"  # optional gap inside an expression (never a newline)
G1 = r"[ \t\u200c]+"
YEAR4 = r"(?<!\d)(?:1[2-9]\d\d|2[01]\d\d)(?![\d/])"
YEAR2 = r"(?<!\d)\d\d(?![\d/:])"
NAMEABLE = {"date", "month", "year", "weekday", "rel", "range"}
# «بعد از», «پیش از», «قبل از» are prepositions, not modifiers
NOT_PREP = rf"(?!(?<=بعد|پیش|قبل){G1}از(?![^\W\d_]))"


@dataclass
class Atom:
    """One recognized piece: ``kind`` plus its fields ``f`` (month, day, offset...)."""

    start: int
    end: int
    kind: str
    f: dict[str, Any] = field(default_factory=dict)
    weak: bool = False  # kept only when merged with a neighbour (bare «۱۳:۴۵», «صبح»)


Pre = re.Match[str] | None
Handler = Callable[[re.Match[str], re.Match[str] | None], Atom | None]


DIGIT: list[str] = []  # marks patterns that start with a digit


# Punctuation → space (same length), so that every word start follows a space.
SPACING = str.maketrans({c: " " for c in "\n\t\r.,:;!?()[]{}«»\"'،؛؟…–—-_/\\|*+=<>“”‘’٪%#@"})


def _keys(form: str) -> set[str]:
    """Automaton keys of a form: a space, then up to its third letter, in every spelling
    of its separators (``سه‌شنبه`` → `` سه‌ش``, `` سه ش``, `` سهش``); a form of one or
    two letters, or a digit, is a whole key with a space after (`` سه ``)."""
    parts = tokens(form)
    letters = [i for i, t in enumerate(parts) if t != SEP]
    if len(letters) <= 2 and not form[0].isdigit():
        parts = parts + [" "]
    elif len(letters) > 3:
        parts = parts[: letters[2] + 1]
    if form[0].isdigit():
        parts = parts[:1]
    keys = {" "}
    for t in parts:
        opts = ["", " ", ZWNJ] if t == SEP else [t]
        keys = {k + o for k in keys for o in opts}
    if parts[-1] == " ":  # a short form glued by ZWNJ to what follows: «دی‌ماه»
        keys |= {k[:-1] + ZWNJ for k in keys}
    return keys


def _start(m: re.Match[str], pre: re.Match[str] | None) -> int:
    return pre.start() if pre is not None else m.start()


# two-digit Jalali years: «۹۸» → 1398, «۰۳» → 1403, «شهریور ۲۰» → 1320
JALALI_CUTOFF = 20


def full_year(y: str, cal: str) -> int:
    """``"92"`` → 1392 (Jalali) or 1992 (Gregorian); 4-digit years pass through."""
    n = int(y)
    if len(y) > 2:
        return n
    if cal == "gregorian":
        return 1900 + n if n >= 50 else 2000 + n
    if cal == "hijri":
        return 1400 + n
    return 1300 + n if n >= JALALI_CUTOFF else 1400 + n


class Grammar:
    """All patterns of the tagger, compiled once per stage object."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        self.vague = {canon(v) for v in lex.raw.get("vague_counts", [])}
        self.duration_heads = {canon(v) for v in lex.raw.get("duration_heads", [])}
        self.duration_mods = {canon(v) for v in lex.raw.get("duration_modifiers", [])}
        self.fractions = {canon(k): float(v) for k, v in lex.raw.get("fraction_counts", {}).items()}
        self.multipliers = {canon(k): int(v) for k, v in lex.raw.get("multipliers", {}).items()}
        self.range_counts = {canon(v) for v in lex.raw.get("range_counts", [])}
        self.bare_exclusions = {canon(v) for v in lex.raw.get("bare_duration_exclusions", [])}
        self.small_units = set(lex.raw.get("small_units", []))
        self.holidays = {
            canon(f): (str(spec["calendar"]), int(spec["month"]), int(spec["day"]))
            for f, spec in (lex.raw.get("holidays") or {}).items()
        }
        self.end_parts = {canon(v) for v in lex.raw.get("period_parts_end", [])}
        self.one_unit_mods = {canon(v) for v in lex.raw.get("one_unit_modifiers", [])}
        self.count_months = {canon(v) for v in lex.raw.get("count_months", [])}
        self.modifier_guarded = {canon(v) for v in lex.raw.get("modifier_guarded", [])}
        self.month_after = re.compile(rf"{G1}(?:{lex.alt['month']}){WE}")
        self.clause_start = re.compile(r"(?:^|[.!?؟:؛\n«\"])[ \t\u200c]*$")
        self.name_head = re.compile(rf"{WB}(?:{lex.alt['name_head']}){G}[«\"]?{G}$")
        self.name_tail = re.compile(rf"{G}[»\"]?{G}[,،]?{G}(?:{lex.alt['name_tail']}){WE}")
        self.nowadays = re.compile(rf"{WB}(?:{lex.alt['nowadays_head']}){G1}$")
        self.quoted = re.compile(r"[«\"]")
        self.clock_before = re.compile(rf"(?:\d|(?:{lex.alt['cardinal']}|نیم|ربع){WE})[ \t\u200c]*$")
        # the noun may carry an ezafe or a plural: «۶ ساعت و نیم گفت‌وگوی طرفین»
        self.dur_after = re.compile(rf"{G}(?:{lex.alt['dur_block_after']})(?:\u200c?(?:ی|ها|های))?{WE}")
        self.dur_before = re.compile(rf"{WB}(?:{lex.alt['dur_block_before']}){G1}$")
        a = lex.alt
        rng = rf"(?:{a['range_word']}{WE}|-|–)"  # «تا», «الی», «لغایت», a dash
        day_digit = r"\d(?<![\d.,/:]\d)\d?(?![\d:/])"
        day_word = rf"{a['day_word']}(?:ین)?{WE}"
        month = rf"(?P<mon>{a['month']})(?P<mah>{G}ماه)?{WE}"
        # between a day and its month: «بیست و یکمین روز فروردین», «دوم ماه می»
        pre_month = rf"(?:(?<=ین){G1}روز)?(?:{G1}ماه(?={G1}))?{G}"
        calsfx = rf"(?:{G1}(?P<sfx>{a['cal_suffix']})\.?)?"
        yearpart = (
            rf"(?:{G}[,،]?{G}(?:{WB}سال{G})?(?P<y>{YEAR4})"
            rf"|{G}(?P<y2>{YEAR2})(?!{G}[\-–/])(?:(?<=[^\W\d_]\d\d)|(?!{G}(?!ساعت|(?:{a['year2_next']}){WE})[^\W\d_])))"
        )
        modifier = rf"(?P<mod>{a['modifier']}|امسال|پارسال){WE}{NOT_PREP}"
        relyear = (
            rf"(?:{G1}سال{G1}(?P<yrel>جاری|گذشته|آینده|قبل|پیش|بعد){WE}{NOT_PREP}"
            rf"|{G1}(?P<yrel2>امسال|پارسال){WE})"
        )
        tail = (
            rf"(?:{G}(?P<dp>{a['day_part']})\.?)?"
            rf"(?:{G1}به{G1}وقت{G1}(?P<zone>{a['zone']}|محلی){WE})?"
        )
        count_digit = r"\d(?<![\d.,/:]\d)\d{0,2}(?:\.\d{1,2})?(?![\d,/:]|\.\d)"
        month_plain = "(?:" + "|".join(re.escape(f) for f in sorted(lex.months, key=len, reverse=True)) + ")"
        unit_plain = "(?:" + "|".join(re.escape(u) for u in sorted(lex.units, key=len, reverse=True)) + ")"
        # «یکسال», «صدسال», «نیم‌قرن»: a number word glued to its unit
        count_word = (
            rf"(?:{a['count_word']}|{a['fraction']}){WE}"
            rf"|(?:{a['number_word']}|نیم)(?=\u200c?{unit_plain}{WE})"
        )
        # «دو تا سه هفته», «۱۲-۱۰ ساعت», «یکی دو هفته»: the first count of a range
        count_lead = (
            rf"(?:(?P<n0>\d{{1,3}}|{a['count_word']}|{a['range_count']}){WE}{G}(?:{rng}|یا)?{G}(?=[^\W_]))?"
        )
        count = rf"(?:\d{{1,3}}|{a['count_word']})"
        minutes = rf"(?:\d{{1,2}}|{a['cardinal']}{WE}|نیم|ربع)"
        num_sep = rf"{G}(?P<sep>[/.\-\\]){G}"
        end_num = r"(?![\d/]|[.\-]\d)"
        # prefixes found by looking back from a match (kept out of the patterns so that
        # every pattern starts with a literal letter or a digit: fast scanning)
        day_pre = rf"{WB}(?:(?P<dp>{a['day_part']}){G1}(?:روز{G1})?|روز{G1}|(?P<this>{a['current']}){G1})$"
        self.prefixes = {
            "day": re.compile(day_pre),
            # the same without a day part, when that day part closes a clock time
            # («ساعت ۸ صبح روز شنبه»: «صبح» belongs to the clock)
            "day_nodp": re.compile(rf"{WB}(?:روز{G1}|(?P<this>{a['current']}){G1})$"),
            "az": re.compile(rf"{WB}(?:از|بین|بين){G1}$"),
            "yearlist": re.compile(
                rf"(?:{WB}سال(?:{G}ها|{G}های)?{G1}|\(){G}(?:\d{{4}}{G}(?:و|یا|،|,|تا){G})+$"
            ),
            "yearhead": re.compile(rf"{WB}(?:{a['year_head']}){G1}$"),
            "mah": re.compile(rf"{WB}(?P<pre>ماه){G1}(?:مبارک{G1})?$"),
            "part": re.compile(rf"{WB}(?P<part>{a['part']}){G1}$"),
            "dur": re.compile(rf"{WB}(?P<head>{a['dur_prefix']}){G1}$"),
            "cur": re.compile(rf"{WB}(?P<cur>{a['current']}){G1}$"),
            "wd_block": re.compile(rf"{a['wd_block']}{G1}$"),
            "day_block": re.compile(rf"{a['day_block']}{G1}$"),
        }

        def forms(*tables: str) -> list[str]:
            return [f for t in tables for fs in lex.raw[t].values() for f in fs]

        months = forms("jalali_months", "gregorian_months", "hijri_months")
        units = [f for spec in lex.raw["units"].values() for f in spec["forms"]]
        day_words = lex.ordinal_forms + lex.cardinal_forms
        table: list[tuple[str, Handler, str | None, list[str]]] = []
        for day, lead in ((day_digit, DIGIT), (day_word, day_words)):
            table += [
                # «بین ۲۷ اوت تا ۲۲ اکتبر ۲۰۱۷»: two dates; the first takes the year of the second
                (
                    rf"(?P<d>{day}){pre_month}{month}(?={G}{rng}{G}(?:روز{G1})?(?:{day_digit}|{day_word})"
                    rf"{pre_month}(?P<mon2>{a['month']})(?:{G}ماه)?{WE}{yearpart}{calsfx})",
                    self._date,
                    "day",
                    lead,
                ),
                (
                    rf"(?P<d1>{day}){G}{rng}{G}(?P<d>{day_digit}|{day_word}){pre_month}{month}(?:{yearpart})?{calsfx}",
                    self._range,
                    "az",
                    lead,
                ),
                (
                    rf"(?P<d>{day}){pre_month}{month}(?:{yearpart}{calsfx}|{relyear})?",
                    self._date,
                    "day",
                    lead,
                ),
            ]
        word_lead = [
            *lex.cardinal_forms,
            *lex.raw.get("vague_counts", []),
            *lex.raw.get("range_counts", []),
            *lex.raw.get("fraction_counts", {}),
            # glued to the unit: «یکسال», «صدسال»
            *(n + u for n in [*lex.number_words(), *lex.raw.get("fraction_counts", {})] for u in lex.units),
        ]
        for cnt, lead in ((count_digit, DIGIT), (count_word, word_lead)):
            table.append(
                (
                    rf"{count_lead}(?P<n1>{cnt})(?P<k>{G1}{a['multiplier']}{WE})?(?P<half0>{G1}و{G1}نیم)?"
                    rf"{G}(?P<u1>{a['unit']}|(?<=[^\W\d_]|\u200c){unit_plain})(?:(?:(?<=ساعت)|(?<=دقیقه)|(?<=ثانیه))ی)?"
                    rf"(?:{G1}و{G1}(?P<n2>{count}){G1}(?P<u2>{a['unit']}))?(?P<half>{G1}و{G1}نیم)?"
                    rf"(?:{G1}(?P<mod>{a['modifier']}){WE}{NOT_PREP})?{WE}",
                    self._count,
                    "dur",
                    lead,
                )
            )
        table += [
            # «۱۱ و ۱۲ و ۱۳ جولای», «13 یا 15 ماه می»: the days before the last one of a list
            (
                rf"(?P<d>{day_digit})(?=(?:{G}(?:و|یا|،|,){G}{day_digit})+{pre_month}{month}(?:{yearpart})?{calsfx})",
                self._date,
                None,
                DIGIT,
            ),
            # «سال‌های ۲۰۰۶ و ۲۰۰۷»: the years after the first one of a list
            (rf"(?P<y4>{YEAR4}){calsfx}", self._listed_year, "yearlist", DIGIT),
            # «فصل ۱۶-۲۰۱۵»: a sports season over two years
            (
                rf"ف{WB1}صل{G1}(?P<a>\d{{4}}|\d{{2}}){G}[\-–/]{G}(?P<b>\d{{4}}|\d{{2}})(?![\d/])",
                self._sport_season,
                None,
                ["فصل"],
            ),
            # «سال هزار و نهصد و نود»
            (
                rf"س{WB1}ال{G1}(?P<yw>{a['number_word']}(?:{G}(?:و{G})?{a['number_word']})*){WE}{calsfx}",
                self._spelled_year,
                None,
                ["سال"],
            ),
            (rf"{month}{G}[,،]?{G}(?:{WB}سال{G})?(?P<y>{YEAR4}){calsfx}", self._month_year, "mah", months),
            # «تیر ماه سال ۹۶», «فروردین ۹۹»: a two-digit (Jalali) year after a month
            (
                rf"{month}(?:{G1}سال{G1}(?P<y2>\d\d)(?![\d/.:])"
                rf"|{G1}(?P<y3>{YEAR2})(?!{G}[\-–/])(?!{G}(?!(?:{a['year2_next']}){WE})[^\W\d_])){calsfx}",
                self._month_year,
                "mah",
                months,
            ),
            (rf"{month}(?:{G1}(?P<sal>سال{G1})?{modifier})?", self._month, "mah", months),
            (
                rf"(?P<y>\d(?<![\d/.\-]\d)\d{{3}}){num_sep}(?P<m>\d{{1,2}}){G}(?P=sep){G}(?P<d>\d{{1,2}}){end_num}",
                self._ymd,
                None,
                DIGIT,
            ),
            (
                rf"(?P<d>\d(?<![\d/.\-]\d)\d?){num_sep}(?P<m>\d{{1,2}}){G}(?P=sep){G}(?P<y>\d{{4}}){end_num}",
                self._ymd,
                None,
                DIGIT,
            ),
            (
                rf"(?P<y2>\d(?<![\d/.\-]\d)\d)/(?P<m>\d{{1,2}})/(?P<d>\d{{1,2}}){end_num}",
                self._ymd,
                None,
                DIGIT,
            ),
            (rf"(?P<y>\d(?<![\d/.\-]\d)\d{{3}})/(?P<m>\d{{1,2}}){end_num}", self._ym, None, DIGIT),
            (
                rf"(?P<wd>{a['weekday']})(?:\u200c(?:شب|صبح|عصر|ظهر))?{WE}(?:{G1}(?P<week>هفته){G1}(?P<wmod>{a['modifier']}){WE}"
                rf"|{G1}(?P<mod>{a['modifier']}){WE}{NOT_PREP})?",
                self._weekday,
                "day",
                forms("weekdays"),
            ),
            (rf"(?P<rel>{a['relative']}){WE}", self._relative, None, list(lex.raw["relative_words"])),
            (
                rf"(?:(?P<cur>{a['current']}){G1}(?P<u1>{a['unit']}){WE}"
                rf"(?:{G1}جاری)?|(?P<u2>{a['unit']}){G1}(?P<mod>{a['modifier']}){WE}{NOT_PREP})",
                self._rel_unit,
                "part",
                units + list(lex.raw["current_determiners"]),
            ),
            (
                rf"س{WB1}ال(?:{G}های)?{G1}(?P<y>{YEAR4}){G1}{rng}{G1}(?:سال{G1})?(?P<y3>{YEAR4}){calsfx}",
                self._year_range,
                "az",
                ["سال"],
            ),
            (rf"س{WB1}ال(?:{G}های)?{G1}(?P<y>{YEAR4}){calsfx}", self._year, None, ["سال"]),
            # «درژوئن ۱۹۹۱»: a month glued to «در»
            (
                rf"د{WB1}ر(?P<mon>{month_plain})(?P<mah>{G}ماه)?{WE}{G}[,،]?{G}(?P<y>{YEAR4}){calsfx}",
                self._month_year,
                None,
                ["در" + f for f in months],
            ),
            # «سال ۷۷۶ قبل از میلاد»
            (
                rf"س{WB1}ال{G1}(?P<bc>\d{{1,4}}|{a['cardinal']}){G1}(?:قبل|پیش){G1}از{G1}میلاد{WE}",
                self._bc_year,
                None,
                ["سال"],
            ),
            # «سال‌های ۵۹ تا ۷۲»: two-digit Jalali years
            (
                rf"س{WB1}ال(?:{G}ها|{G}های)?{G1}(?P<ys>\d\d){G1}{rng}{G1}(?:سال{G1})?(?P<ye>\d\d)(?![\d/.:]){calsfx}",
                self._year_range,
                "az",
                ["سال"],
            ),
            # named days: «شب یلدا», «عاشورای سال قبل», «نوروز ۱۴۰۳»
            (
                rf"(?P<hol>{a['holiday']})(?:{G}ی)?{WE}(?:{relyear}|{G1}(?:سال{G1})?(?P<y>{YEAR4}))?",
                self._holiday,
                "day",
                list(lex.raw.get("holidays") or {}),
            ),
            # «سال ۹۸»: a two-digit Jalali year after «سال»
            (rf"س{WB1}ال{G1}(?P<y5>\d(?<!\d\d)\d)(?![\d/.:٫]){calsfx}", self._year, None, ["سال"]),
            (rf"(?P<y4>\d(?<!\d\d)\d{{2,3}})(?!\d){G1}(?P<sfx2>{a['cal_suffix']})\.?", self._year, None, DIGIT),
            # a bare year standing alone in brackets: «سومالی (۲۰۱۱)», «(۱۹۸۴-۱۹۸۵)» as two years
            (rf"(?<=\()(?P<y4>\d{{4}})(?=\)|{G}(?:و|،|,){G}\d{{4}})", self._bare_year, None, DIGIT),
            # «(۱۹۸۴-۱۹۸۵)»: one span of years
            (r"(?<=\()(?P<y>\d{4})[-–](?P<y3>\d{4})(?=\))", self._year_range, None, DIGIT),
            # «بودجه 1404», «در 2017 برگزار شد»: a bare year after a word that takes one
            (rf"(?P<y4>{YEAR4})(?={G}(?:[.,،:;؛)\n]|$|(?:{a['year2_next']}){WE}))", self._headed_year, "yearhead", DIGIT),
            (
                rf"د{WB1}هه{G}(?:ی{G1})?(?P<dec>\d{{2,4}}|{a['cardinal']}){WE}{calsfx}",
                self._decade,
                None,
                ["دهه"],
            ),
            (
                rf"(?:ق{WB1}رن|س{WB1}ده){G}(?:ی{G1})?(?P<c>\d{{1,2}}|{a['ordinal']}|{a['cardinal']}){WE}{calsfx}",
                self._century,
                None,
                ["قرن", "سده"],
            ),
            (
                rf"(?:یک{G1})?(?P<m_to>ربع){G1}(?:مانده{G1})?به{G1}(?P<h>\d{{1,2}}|{a['cardinal']}{WE}){tail}",
                self._clock,
                None,
                ["ربع", "یک"],
            ),
            (
                rf"س{WB1}اعت{G1}(?:ساعت{G1})?(?P<m_to>{minutes}){G1}دقیقه{G1}(?:مانده{G1})?به{G1}"
                rf"(?P<h>\d{{1,2}}|{a['cardinal']}{WE}){tail}",
                self._clock,
                None,
                ["ساعت"],
            ),
            (
                rf"س{WB1}اعت{G1}(?:ساعت{G1})?(?P<h>\d{{1,2}}|{a['cardinal']}{WE})"
                rf"(?:{G}:{G}(?P<mi>\d{{1,2}})(?::\d{{2}})?|\.(?P<mi3>\d{{2}})|{G1}و{G1}(?P<mi2>{minutes})(?:{G1}دقیقه)?"
                rf"(?:{G1}و{G1}\d{{1,2}}{G1}ثانیه)?)?{tail}"
                # «ساعت سه تا شش عصر»: the day part of the range's end holds for its start
                rf"(?=(?:{G1}{rng}{G1}(?:\d{{1,2}}(?::\d\d)?|{a['cardinal']}{WE})(?:{G1}و{G1}(?:نیم|ربع))?"
                rf"{G1}(?P<dp_end>{a['day_part']}))?)",
                self._clock,
                None,
                ["ساعت"],
            ),
            (
                rf"(?P<h>\d(?<![\d:/.]\d)\d?)(?P<sp>[ \t]?):(?P<sp2>[ \t]?)(?P<mi>\d{{2}})(?::\d{{2}})?(?![\d:])(?:{G1}دقیقه{WE})?{tail}",
                self._clock,
                None,
                DIGIT,
            ),
            (
                rf"(?P<h>\d(?<![\d:/.,]\d)\d?)(?::(?P<mi>\d{{2}}))?{G1}(?:(?P<dp>{a['day_part']})\.?{G1})?"
                rf"به{G1}وقت{G1}(?P<zone>{a['zone']}|محلی){WE}",
                self._clock,
                None,
                DIGIT,
            ),
            (
                rf"(?P<h>\d(?<![\d:/.,]\d)\d?)(?:{G}و{G1}(?P<mi2>نیم|ربع))?{G1}(?P<dp>{a['day_part']}){WE}",
                self._clock,
                None,
                DIGIT,
            ),
            (rf"(?P<dp>{a['day_part']})\.?{WE}", self._day_part, None, list(lex.raw["day_parts"])),
            (
                rf"(?P<head>{a['set_head']}){G1}(?:(?P<u>{a['unit']})|(?P<wd>{a['weekday']})){WE}",
                self._set,
                None,
                list(lex.raw["set_heads"]),
            ),
            # «ابتدای سال», «تا آخر سال»: a part of the current year
            (
                rf"س{WB1}ال(?!{G}(?:\d|ها|های|{a['modifier']}|{a['number_word']}|جاری|امسال|نو\b))(?!\u200c){WE}(?:{G1}مالی{WE})?",
                self._part_year,
                "part",
                ["سال"],
            ),
            (
                rf"(?P<s>{a['season']}){WE}"
                rf"(?:{G1}(?:سال{G1})?(?P<y>{YEAR4}){calsfx}|{G1}(?:سال{G1})?{modifier}"
                rf"|{G1}(?:سال{G1})?(?P<ys2>{YEAR2})(?!{G}[\-–/])(?!{G}(?!(?:{a['year2_next']}){WE})[^\W\d_]))?",
                self._season,
                "cur",
                forms("seasons"),
            ),
        ]
        self.patterns: list[tuple[re.Pattern[str], Handler, re.Pattern[str] | None]] = [
            (re.compile(p), h, self.prefixes[pre] if pre else None) for p, h, pre, _ in table
        ]
        # dispatch: an Aho-Corasick automaton over word starts finds where a pattern can
        # begin (its first letters, or a digit); only there is the pattern tried.
        self.automaton = ahocorasick.Automaton()
        found: dict[str, list[int]] = {}
        for i, row in enumerate(table):
            lead = [str(d) for d in range(10)] if row[3] is DIGIT else row[3]
            for f in lead:
                keys = _keys(f)
                if f == "ساعت":  # glued to a year: «۱۳۸۷ساعت ۱۹:۴۷»
                    keys |= {str(d) + k[1:] for k in keys for d in range(10)}
                for key in keys:
                    bucket = found.setdefault(key, [])
                    if i not in bucket:
                        bucket.append(i)
        for key, idx in found.items():
            self.automaton.add_word(key, (len(key), tuple(idx)))
        self.automaton.make_automaton()

    # --- the scan ------------------------------------------------------------
    def atoms(self, s: str) -> list[Atom]:
        """Every atom of every pattern in shadow text ``s`` (overlaps not yet resolved)."""
        out: list[Atom] = []
        named: list[Atom] = []
        spaced = " " + replace_chars(s, SPACING) + " "
        tried: set[int] = set()  # pos * len(patterns) + pattern index
        width = len(self.patterns)
        patterns = self.patterns
        for end, (length, idx) in self.automaton.iter(spaced):
            pos = end - length + 1  # the key's leading space in `spaced` = the word start in `s`
            for i in idx:
                key = pos * width + i
                if key in tried:
                    continue
                tried.add(key)
                pat, handler, prefix = patterns[i]
                m = pat.match(s, pos)
                if m is None:
                    continue
                pre = prefix.search(s, max(0, pos - 40), pos) if prefix else None
                if (
                    pre is not None
                    and pre.groupdict().get("dp")
                    and self.clock_before.search(s, max(0, pre.start() - 20), pre.start())
                ):
                    pre = self.prefixes["day_nodp"].search(s, max(0, pos - 40), pos)
                atom = handler(m, pre)
                if atom is None:
                    continue
                if self._in_name(s, atom):
                    named.append(atom)
                else:
                    out.append(atom)
        if named:  # nothing inside a name is a timex: «بیمارستان شهدای ۱۷ شهریور»
            mask = bytearray(len(s) + 1)
            for a in named:
                mask[a.start : a.end] = b"\x01" * (a.end - a.start)
            out = [a for a in out if not any(mask[a.start : a.end])]
        return out

    def _in_name(self, s: str, a: Atom) -> bool:
        """A date word inside a name: «ورزشگاه ۱۷ تیر», «شهر دوشنبه», «دوشنبه بازار»."""
        if a.kind not in NAMEABLE:
            return False
        if self.name_head.search(s, max(0, a.start - 30), a.start):
            return True
        if a.kind in ("weekday", "rel"):
            if self.name_tail.match(s, a.end):
                return True
            if s.startswith("امروز", a.start) and self.nowadays.search(s, max(0, a.start - 20), a.start):
                return True  # «شرایط امروز»: nowadays
            # a weekday standing alone in quotes is a name: «دوشنبه»
            return a.start > 0 and a.end < len(s) and bool(self.quoted.match(s, a.start - 1)) and s[a.end] in "»\""
        return False

    # --- helpers ---------------------------------------------------------------
    def _num(self, text: str | None) -> int | None:
        return self.lex.number(text) if text else None

    def _month_of(self, m: re.Match[str]) -> tuple[str, int, bool]:
        cal, num = self.lex.months[canon(m.group("mon"))]
        return cal, num, canon(m.group("mon")) in self.lex.guarded

    def _sfx_cal(self, m: re.Match[str], default: str) -> str:
        sfx = m.groupdict().get("sfx") or m.groupdict().get("sfx2")
        return self.lex.cal_suffixes.get(canon(sfx), default) if sfx else default

    def _year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        if gd.get("y5"):
            cal = self._sfx_cal(m, "jalali")
            y = full_year(gd["y5"], cal)
        else:
            y = int(gd.get("y") or gd["y4"])
            cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(_start(m, pre), m.end(), "year", {"cal": cal, "y": y})

    def _bare_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        """A number in brackets is a year only in the years news writes: 1300–1499 (Jalali), 1800–2100."""
        y = int(m.group("y4"))
        if not (1300 <= y <= 1499 or 1800 <= y <= 2100):
            return None
        return self._year(m, pre)

    def _date_fields(self, m: re.Match[str]) -> dict[str, Any] | None:
        cal, mon, _ = self._month_of(m)
        y: int | None = None
        if m.group("y"):
            y = int(m.group("y"))
        elif m.group("y2"):
            y = full_year(m.group("y2"), cal)
        cal = self._sfx_cal(m, cal)
        d = self._num(m.group("d"))
        if d is None or not 1 <= d <= 31:
            return None
        gd = m.groupdict()
        yrel: int | None = None
        if gd.get("yrel2"):  # «۱۲ بهمن‌ماه امسال»
            yrel = self.lex.relative_words[canon(gd["yrel2"])][0]
        elif gd.get("yrel"):
            yrel = self.lex.modifiers.get(canon(gd["yrel"]))
        return {"cal": cal, "y": y, "m": mon, "d": d, "yrel": yrel}

    # --- handlers -------------------------------------------------------------
    def _date(self, m: re.Match[str], pre: Pre) -> Atom | None:
        f = self._date_fields(m)
        mon2 = m.groupdict().get("mon2")
        if f and mon2 and f["y"] is not None and self.lex.months[canon(mon2)][1] < f["m"]:
            f["y"] -= 1  # «۲۰ دسامبر تا ۵ ژانویه ۲۰۲۰»
        if f and self.prefixes["day_block"].search(m.string, max(0, m.start() - 20), m.start()):
            return None  # «هفته دوم آبان» is a week, not the 2nd of Aban
        if f and f["y"] is None and not m.group("mah") and self._month_of(m)[2]:
            # «دو تیر شلیک شد»: a guarded month after a cardinal word is a count, not a date
            if canon(m.group("d")) in self.lex.cardinals and canon(m.group("mon")) in self.count_months:
                return None
        return Atom(_start(m, pre), m.end(), "date", f) if f else None

    def _range(self, m: re.Match[str], pre: Pre) -> Atom | None:
        f = self._date_fields(m)
        d1 = self._num(m.group("d1"))
        mon1 = m.groupdict().get("mon1")
        if mon1 is not None:  # «از ۷ شعبان تا ۲۳ رمضان»: both months of one calendar
            cal1, m1 = self.lex.months[canon(mon1)]
            if not f or d1 is None or not 1 <= d1 <= 31 or cal1 != self._month_of(m)[0] or m1 == f["m"]:
                return None
            f["m1"] = m1
        elif not f or d1 is None or not 1 <= d1 < f["d"]:
            return None
        f["d1"] = d1
        return Atom(_start(m, pre), m.end(), "range", f)

    def _month_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, guarded = self._month_of(m)
        gd = m.groupdict()
        short = gd.get("y2") or gd.get("y3")
        if short is not None:
            if guarded and not (pre is not None or m.group("mah") or gd.get("y2")):
                return None  # «دی ۹۸» alone is too weak; «دی ماه ۹۸», «دی سال ۹۸» are not
            y = full_year(short, cal)
        else:
            y = int(m.group("y"))
        return Atom(_start(m, pre), m.end(), "month", {"cal": self._sfx_cal(m, cal), "y": y, "m": mon})

    def _month(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, guarded = self._month_of(m)
        mod = m.group("mod")
        s, start = m.string, m.start()
        part = None if pre is not None else self.prefixes["part"].search(s, max(0, start - 20), start)
        if part is not None:  # «اواسط مارس»
            pre = part
        named = pre is not None or m.group("mah")
        if guarded and not named and not (mod and canon(m.group("mon")) not in self.modifier_guarded):
            return None
        if not named and not mod and self.clause_start.search(s, max(0, start - 12), start):
            # a bare month name opening a sentence is a person's name: «فروردین موسوی گفت»
            return None
        if not named and cal != "gregorian" and not mod:
            # a bare Jalali/Hijri month name is too often a person's name or a word
            if canon(m.group("mon")) not in ("فروردین", "اردیبهشت", "شهریور", "اسفند"):
                return None
        direction = None
        if mod:
            key = canon(mod)
            direction = {"امسال": 0, "پارسال": -1}.get(key, self.lex.modifiers.get(key))
        f = {
            "cal": cal,
            "y": None,
            "m": mon,
            "mod": direction,
            "year_mod": bool(m.group("sal")) or canon(mod or "") in ("امسال", "پارسال", "جاری"),
        }
        return Atom(_start(m, pre), m.end(), "month", f)

    def _ymd(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        mon, d = int(m.group("m")), int(m.group("d"))
        if gd.get("y2"):
            y = full_year(gd["y2"], "jalali")
        else:
            y = int(gd["y"])
        cal = "jalali" if y < 1700 else "gregorian"
        if cal == "gregorian" and mon > 12 and d <= 12:
            mon, d = d, mon  # «11.19.2016»: month first
        if not (1 <= mon <= 12 and 1 <= d <= 31):
            return None
        return Atom(_start(m, pre), m.end(), "date", {"cal": cal, "y": y, "m": mon, "d": d, "numeric": True})

    def _ym(self, m: re.Match[str], pre: Pre) -> Atom | None:
        y, mon = int(m.group("y")), int(m.group("m"))
        if not 1 <= mon <= 12 or not (1200 <= y < 1500 or 1900 <= y < 2100):
            return None
        return Atom(
            _start(m, pre), m.end(), "month", {"cal": "jalali" if y < 1700 else "gregorian", "y": y, "m": mon}
        )

    def _weekday(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None and self.prefixes["wd_block"].search(m.string, max(0, m.start() - 20), m.start()):
            return None
        f: dict[str, Any] = {"wd": self.lex.weekdays[canon(m.group("wd"))], "mod": None, "week": None}
        if m.group("wmod"):
            f["week"] = self.lex.modifiers[canon(m.group("wmod"))]
        elif m.group("mod"):
            f["mod"] = self.lex.modifiers[canon(m.group("mod"))]
        f["this"] = bool(pre is not None and pre.group("this"))
        return Atom(_start(m, pre), m.end(), "weekday", f)

    def _relative(self, m: re.Match[str], pre: Pre) -> Atom | None:
        key = canon(m.group("rel"))
        off, unit = self.lex.relative_words[key]
        return Atom(_start(m, pre), m.end(), "rel", {"offset": off, "unit": unit, "night": key in self.lex.night})

    def _rel_unit(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.group("u1"):
            unit, off = self.lex.units[canon(m.group("u1"))], 0
            if unit in ("day", "hour", "minute"):
                return None
        else:
            unit = self.lex.units[canon(m.group("u2"))]
            mod = canon(m.group("mod"))
            off = self.lex.modifiers[mod]
            if unit in ("hour", "minute", "second") or mod == "دیگر":
                return None
            s, start = m.string, m.start()
            head = self.prefixes["dur"].search(s, max(0, start - 20), start)
            if (head and canon(head.group("head")) in self.duration_heads and mod in self.duration_mods) or (
                mod in self.one_unit_mods and pre is None
            ):
                # «در طول سال گذشته», «سال اخیر»: one unit of time up to now
                f = {"n": 1, "unit": unit, "dir": off, "duration": True, "vague": False}
                return Atom(head.start() if head else start, m.end(), "count", f)
        return Atom(
            _start(m, pre), m.end(), "rel", {"offset": off, "unit": unit, "part": pre and pre.group("part")}
        )

    def _count_value(self, text: str | None) -> float | None:
        """A count in digits (``2.5``), words (``بیست و پنج``) or a fraction word (``نیم``)."""
        if not text:
            return None
        key = canon(text)
        if key in self.vague:
            return None
        if key in self.fractions:
            return self.fractions[key]
        if re.fullmatch(r"\d+\.\d+", key):
            return float(key)
        return self._num(text)

    def _bare_duration(self, m: re.Match[str]) -> bool:
        """Whether a count and unit with no head stand alone as a duration."""
        s = m.string
        if self.dur_after.match(s, m.end()) or self.dur_before.search(s, max(0, m.start() - 24), m.start()):
            return False
        if self.month_after.match(s, m.end()):
            return False  # «۱۵ ماه مه» is a date
        return canon(m.group(0)) not in self.bare_exclusions

    def _count(self, m: re.Match[str], pre: Pre) -> Atom | None:
        head = canon(pre.group("head")) if pre is not None else ""
        if self.month_after.match(m.string, m.end()):
            return None
        mod = canon(m.group("mod")) if m.group("mod") else ""
        if not mod and head not in self.duration_heads and not self._bare_duration(m):
            return None
        n: float | None = self._count_value(m.group("n1"))
        n0 = self._count_value(m.group("n0")) if m.group("n0") else None
        if m.group("n0") and canon(m.group("n0")) not in self.range_counts and n0 is None:
            return None
        if n is not None:
            if m.group("k"):
                n *= self.multipliers[canon(m.group("k"))]
            if n0 is not None:
                n = max(n, n0)  # a duration range takes its upper bound
            if m.group("half0") or m.group("half"):
                n += 0.5
        unit = self.lex.units[canon(m.group("u1"))]
        f: dict[str, Any] = {
            "n": n,
            "unit": unit,
            "dir": self.lex.modifiers.get(mod, 0),
            "duration": not mod or mod in self.duration_mods,
            "vague": n is None,
        }
        if m.group("n2"):
            f["n2"] = self._num(m.group("n2"))
            f["unit2"] = self.lex.units[canon(m.group("u2"))]
        if unit in self.small_units and mod and (head not in self.duration_heads or f["dir"] < 0):
            # «نیم ساعت پیش», «در ۲۴ ساعت گذشته»: the publication day
            return Atom(_start(m, pre), m.end(), "rel", {"offset": 0, "unit": "day", "small": True})
        if not f["duration"] and n is not None and (n != int(n) or unit in ("decade", "century")):
            # «۲.۵ قرن پیش», «یک دهه پیش»: decades, centuries and fractions of years, in years
            years = {"century": 100, "decade": 10, "year": 1}.get(unit)
            if years is None:
                return None
            f["n"], f["unit"] = round(n * years), "year"
        return Atom(_start(m, pre) if f["duration"] else m.start(), m.end(), "count", f)

    def _headed_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        atom = self._bare_year(m, None) if pre is not None else None
        return atom

    def _listed_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None:
            return None
        y = int(m.group("y4"))
        cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(m.start(), m.end(), "year", {"cal": cal, "y": y})

    def _sport_season(self, m: re.Match[str], pre: Pre) -> Atom | None:
        a, b = m.group("a"), m.group("b")
        if len(a) == len(b) == 2:
            return None
        full = int(a) if len(a) == 4 else int(b)
        other = int(b) if len(a) == 4 else int(a)
        if other < 100:
            other += full // 100 * 100
        y1, y2 = sorted((full, other))
        if y2 != y1 + 1 or not 1900 <= y1 <= 2100:
            return None
        return Atom(m.start(), m.end(), "year_range", {"cal": "gregorian", "y": y1, "y2": y2})

    def _spelled_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        y = self.lex.spelled(m.group("yw"))
        if y is None or not (1200 <= y <= 1499 or 1800 <= y <= 2100):
            return None
        cal = self._sfx_cal(m, "jalali" if y < 1500 else "gregorian")
        return Atom(m.start(), m.end(), "year", {"cal": cal, "y": y})

    def _bc_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("bc"))
        if n is None or n < 1:
            return None
        return Atom(m.start(), m.end(), "year", {"cal": "gregorian", "y": 1 - n})  # 1 BC = year 0

    def _holiday(self, m: re.Match[str], pre: Pre) -> Atom | None:
        cal, mon, day = self.holidays[canon(m.group("hol"))]
        gd = m.groupdict()
        if not (gd.get("y") or gd.get("yrel") or gd.get("yrel2")):
            return None  # a bare «اربعین» names the occasion, not a day
        y = int(gd["y"]) if gd.get("y") else None
        yrel: int | None = None
        if gd.get("yrel2"):
            yrel = self.lex.relative_words[canon(gd["yrel2"])][0]
        elif gd.get("yrel"):
            yrel = self.lex.modifiers.get(canon(gd["yrel"]))
        f = {"cal": cal, "y": y, "m": mon, "d": day, "yrel": yrel}
        return Atom(_start(m, pre), m.end(), "date", f)

    def _year_range(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.groupdict().get("ys"):
            y1, y2 = full_year(m.group("ys"), "jalali"), full_year(m.group("ye"), "jalali")
            if y2 <= y1:
                return None
            return Atom(_start(m, pre), m.end(), "year_range", {"cal": "jalali", "y": y1, "y2": y2})
        y1, y2 = int(m.group("y")), int(m.group("y3"))
        if y2 <= y1:
            return None
        cal = self._sfx_cal(m, "jalali" if y1 < 1500 else "gregorian")
        return Atom(_start(m, pre), m.end(), "year_range", {"cal": cal, "y": y1, "y2": y2})

    def _decade(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("dec"))
        if n is None or n % 10:
            return None
        return Atom(_start(m, pre), m.end(), "decade", {"n": n, "cal": self._sfx_cal(m, "")})

    def _century(self, m: re.Match[str], pre: Pre) -> Atom | None:
        n = self._num(m.group("c"))
        if n is None or not 1 <= n <= 22:
            return None
        return Atom(_start(m, pre), m.end(), "century", {"n": n, "cal": self._sfx_cal(m, "")})

    def _clock(self, m: re.Match[str], pre: Pre) -> Atom | None:
        gd = m.groupdict()
        h = self._num(gd.get("h"))
        mi_text = gd.get("mi") or gd.get("mi2") or gd.get("mi3")
        mi = {"نیم": 30, "ربع": 15}.get(mi_text or "") or self._num(mi_text)
        if gd.get("m_to"):  # «ساعت ۳ دقیقه به ۴ عصر» = 3:57
            before = {"نیم": 30, "ربع": 15}.get(gd["m_to"]) or self._num(gd["m_to"])
            if h is None or before is None or not 0 < before < 60:
                return None
            h, mi = (h - 1) % 24 if h != 1 else 12, 60 - before
        if h is None or h > 24 or (mi is not None and mi > 59):
            return None
        dp_text = gd.get("dp") or gd.get("dp_end")
        dp = canon(dp_text) if dp_text else None
        zone = canon(gd["zone"]) if gd.get("zone") else None
        explicit = m.group(0).lstrip().startswith("ساعت")
        # «۰۸:۴۵», «5:45»; with a space by the colon («13 : 22») only beside a date
        colon = bool(gd.get("mi")) and ":" in m.group(0)
        if colon and (gd.get("sp") or gd.get("sp2")):
            colon = len(gd["h"]) == 2  # «13 : 22» yes; «ماده 3: 25» no
        weak = not (explicit or zone or colon or gd.get("m_to") or (dp and (gd.get("mi") or gd.get("mi2"))))
        return Atom(
            _start(m, pre), m.end(), "clock", {"h": h, "mi": mi or 0, "dp": dp, "zone": zone}, weak=weak
        )

    def _day_part(self, m: re.Match[str], pre: Pre) -> Atom | None:
        return Atom(_start(m, pre), m.end(), "daypart", {"dp": canon(m.group("dp"))}, weak=True)

    def _set(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if m.group("wd"):
            day = self.lex.weekdays[canon(m.group("wd"))] + 1
            return Atom(_start(m, pre), m.end(), "set", {"value": f"XXXX-WXX-{day}"})
        unit = self.lex.units[canon(m.group("u"))]
        letter = self.lex.unit_iso[unit]
        value = {"hour": "PT1H", "minute": "PT1M", "second": "PT1S", "decade": "P10Y", "century": "P100Y"}.get(
            unit, f"P1{letter}"
        )
        return Atom(_start(m, pre), m.end(), "set", {"value": value})

    def _part_year(self, m: re.Match[str], pre: Pre) -> Atom | None:
        if pre is None:
            return None
        part = canon(pre.group("part"))
        f = {"offset": 0, "unit": "year", "part": part, "solar_year": True, "part_end": part in self.end_parts}
        return Atom(pre.start(), m.end(), "rel", f)

    def _season(self, m: re.Match[str], pre: Pre) -> Atom | None:
        code = self.lex.seasons[canon(m.group("s"))]
        f: dict[str, Any] = {"code": code, "y": None, "mod": None, "cal": "gregorian"}
        if m.group("y"):
            f["y"] = int(m.group("y"))
            f["cal"] = self._sfx_cal(m, "jalali" if f["y"] < 1500 else "gregorian")
        elif m.group("ys2"):  # «تابستان ۹۸»
            f["y"], f["cal"] = full_year(m.group("ys2"), "jalali"), "jalali"
        elif m.group("mod"):
            key = canon(m.group("mod"))
            f["mod"] = {"امسال": 0, "پارسال": -1}.get(key, self.lex.modifiers.get(key))
        elif pre is not None:
            f["mod"] = 0
        else:
            return None
        return Atom(_start(m, pre), m.end(), "season", f)
