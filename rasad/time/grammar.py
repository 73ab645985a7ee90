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

import ahocorasick

from rasad.cache import LazyPattern
from rasad.time.handlers import Atom, Handler, Handlers
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
# «بعد از», «پیش از», «قبل از» are prepositions, not modifiers; «پیش رو» is "ahead"
NOT_PREP = rf"(?!(?<=بعد|پیش|قبل){G1}از(?![^\W\d_]))(?!(?<=پیش){G}رو(?![^\W\d_]))"


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


class Grammar(Handlers):
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
        self.gregorian_years = {
            canon(f) for f, spec in (lex.raw.get("holidays") or {}).items() if spec.get("years") == "gregorian"
        }
        self.end_parts = {canon(v) for v in lex.raw.get("period_parts_end", [])}
        self.one_unit_mods = {canon(v) for v in lex.raw.get("one_unit_modifiers", [])}
        self.count_months = {canon(v) for v in lex.raw.get("count_months", [])}
        self.modifier_guarded = {canon(v) for v in lex.raw.get("modifier_guarded", [])}
        self.sport = re.compile(rf"{WB}(?:{lex.alt['sport']}){WE}")
        self.sport_start = int(lex.raw.get("sport_season_start", 7))
        self.amount_after = re.compile(
            rf"{G1}(?:\d|(?:{lex.alt['cardinal']}|{lex.alt['dur_prefix']}|بالغ{G1}بر){WE})"
        )
        self.rate_unit_before = re.compile(
            rf"{WB}(?:{lex.alt['rate_block_before']}){WE}(?:{G1}[^\s\d.،,؛:]+){{0,2}}{G1}$"
        )
        self.freq_head = re.compile(rf"{WB}(?:{lex.alt['freq_head']}){G1}$")
        # an amount a few words before a rate: «۷۰۰ میلیون دلار ثروت ملی در سال»
        self.amount_before = re.compile(
            rf"(?:\d|{WB}(?:{lex.alt['cardinal']}){WE})[\d,.٬]*(?:[ \t\u200c]+[^\s\d.،,؛:!?؟()«»]+){{0,4}}[ \t\u200c]+$"
        )
        self.every = re.compile(rf"{WB}(?:{lex.alt['set_head']}){G1}$")
        self.month_after = re.compile(rf"{G1}(?:{lex.alt['month']}){WE}")
        self.clause_start = re.compile(r"(?:^|[.!?؟:؛\n«\"])[ \t\u200c]*$")
        self.name_head = re.compile(
            rf"{WB}(?:{lex.alt['name_head']})(?:{G1}(?:{lex.alt['name_head_adj']})){{0,2}}{G}[«\"]?{G}$"
        )
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
            rf"|{G}(?P<y2>{YEAR2})(?!{G}[\-–/])(?:(?<=[^\W\d_]\d\d)|(?!{G}(?!ساعت|(?:{a['year2_next']}){WE})[^\W\d_])"
            # after «ماه» a two-digit number is the year unless a counted noun follows:
            # «۱۸ دی‌ماه ۹۸ دایر است», not «۱۸ دی‌ماه ۹۸ نفر»
            rf"|(?:(?<=ماه \d\d)|(?<=ماه\u200c\d\d))(?!{G}(?:{a['year2_count_nouns']}){WE})))"
        )
        modifier = rf"(?P<mod>{a['modifier']}|امسال|پارسال){WE}{NOT_PREP}"
        relyear = (
            rf"(?:{G1}(?:سال{G1}|(?=جاری{WE}))(?P<yrel>جاری|گذشته|آینده|قبل|پیش|بعد){WE}{NOT_PREP}"
            rf"|{G1}(?P<yrel2>امسال|پارسال){WE})"
        )
        tail = (
            # «ساعت ۲۰ شب گذشته»: «شب گذشته» is last night, not the clock's day part
            rf"(?:{G}(?P<dp>{a['day_part']})(?!{G1}گذشته{WE})\.?)?"
            rf"(?:{G1}به{G1}وقت{G1}(?P<zone>{a['zone']}|محلی){WE})?"
        )
        count_digit = r"\d(?<![\d.,/:]\d)\d{0,2}(?:\.\d{1,2})?(?![\d,/:]|\.\d)"
        weekday_plain = "(?:" + "|".join(re.escape(f) for f in sorted(lex.weekdays, key=len, reverse=True)) + ")"
        month_plain = "(?:" + "|".join(re.escape(f) for f in sorted(lex.months, key=len, reverse=True)) + ")"
        unit_plain = "(?:" + "|".join(re.escape(u) for u in sorted(lex.units, key=len, reverse=True)) + ")"
        modifier_plain = "(?:" + "|".join(re.escape(u) for u in sorted(lex.modifiers, key=len, reverse=True)) + ")"
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
            "year3head": re.compile(rf"{WB}(?:{a['year3_head']}){G1}$"),
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
            # «فصل ۱۶-۲۰۱۵»: a sports season over two years (also when a hard line wrap
            # splits «فصل» from its years: nothing else ends a line with «فصل»)
            (
                rf"ف{WB1}صل(?:{G1}|{G}\n{G})(?P<a>\d{{4}}|\d{{2}}){G}[\-–/]{G}(?P<b>\d{{4}}|\d{{2}})(?![\d/])",
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
            # «از آوریل تا ژوئیه ۲۰۲۵»: two months of one calendar sharing the year after them
            (
                rf"(?P<mon1>{a['month']})(?:{G1}ماه)?{WE}{G}{rng}{G}{month}{G}[,،]?{G}(?:{WB}سال{G})?(?P<y>{YEAR4}){calsfx}",
                self._month_range,
                "az",
                months,
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
            # «سال‌جاری», «هفته‌گذشته»: a unit and its modifier joined by a ZWNJ
            (
                rf"(?P<u2>{unit_plain})\u200c(?P<mod>{modifier_plain}){WE}{NOT_PREP}",
                self._rel_unit,
                "part",
                units,
            ),
            # «امروزدوشنبه»: a weekday glued to the relative word restates it
            (
                rf"(?P<rel>{a['relative']})(?:{weekday_plain})?{WE}",
                self._relative,
                None,
                list(lex.raw["relative_words"]),
            ),
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
            # «بودجه ۴۰۵ می‌شود؟»: a Jalali year without its thousands after «بودجه»
            (
                rf"(?<!\d)(?P<y3j>39\d|4\d\d)(?![\d/.:٫,،]\d)(?={G}(?:[.,،:;؛?؟!)\n]|$|(?:{a['year2_next']}){WE}|ن?می[\u200c ]))",
                self._short_year,
                "year3head",
                DIGIT,
            ),
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
            # «آخرین جمعه ماه مبارک رمضان», «آخرین نماز جمعه ماه رمضان»
            (
                rf"(?P<nth>{a['nth_word']}){G1}(?:نماز{G1})?(?P<wd>{a['weekday']}){G1}(?:ماه{G1})?(?:مبارک{G1})?"
                rf"(?P<mon>{a['month']}){WE}(?:{G}(?P<y>{YEAR4}))?",
                self._nth_weekday,
                None,
                [f for fs in lex.raw["weekday_of_month"].values() for f in fs],
            ),
            # «فصل گذشته», «این فصل» in a sports article: a season of sport
            (
                rf"ف{WB1}صل{G1}(?P<mod>{a['modifier']}){WE}{NOT_PREP}",
                self._sport_rel,
                "cur",
                ["فصل"],
            ),
            (
                rf"ف{WB1}صل(?!{G}(?:\d|{a['modifier']}{WE}))(?!\u200c){WE}",
                self._sport_rel,
                "cur",
                ["فصل"],
            ),
            # «سالانه ۱۰ هزار تن», «به صورت ماهانه»: an adverb of frequency
            (
                rf"(?P<fa>{a['freq_adverb']}){WE}",
                self._frequency,
                None,
                [f for fs in lex.raw["frequency_adverbs"].values() for f in fs],
            ),
            # «۷۰۰ میلیون دلار در سال»: a rate after an amount
            (
                rf"د{WB1}ر{G1}(?P<ru>{a['rate_unit']})(?!\u200c){WE}"
                rf"(?!{G}(?:\d|(?:{a['modifier']}|{a['rate_block']}|{a['number_word']}|امسال|ی){WE}))",
                self._rate,
                None,
                ["در"],
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
        self.patterns: list[tuple[LazyPattern, Handler, re.Pattern[str] | None]] = [
            (LazyPattern(p), h, self.prefixes[pre] if pre else None) for p, h, pre, _ in table
        ]  # compiled when a text first has the pattern's anchor (start-up)
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
        if a.kind == "range" or (a.kind in ("date", "month") and a.f.get("y") is not None):
            return False  # a place is named after a day, not a dated day: «نمایشگاه ۱۸ تا ۲۰ آذر ۹۵»
        if s.startswith("سال", a.start):
            return False  # «کودتای سال ۲۰۱۳»: a year said as a year
        if self.name_head.search(s, max(0, a.start - 45), a.start):
            return True
        if a.kind in ("weekday", "rel"):
            if self.name_tail.match(s, a.end):
                return True
            if s.startswith("امروز", a.start) and self.nowadays.search(s, max(0, a.start - 20), a.start):
                return True  # «شرایط امروز»: nowadays
            # a weekday standing alone in quotes is a name: «دوشنبه»
            return a.start > 0 and a.end < len(s) and bool(self.quoted.match(s, a.start - 1)) and s[a.end] in "»\""
        return False
