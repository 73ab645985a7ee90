"""Lint of the temporal lexicon (``rasad/data/time/*.yaml``) and its coverage by the tests."""

from __future__ import annotations

import csv
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from rasad.time.lexicon import DATA, canon, load_lexicon

LEX = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
ZONES = yaml.safe_load((DATA / "zones.yaml").read_text(encoding="utf-8"))
CASES = Path(__file__).with_name("cases.tsv")

# tables whose values are lists of forms, keyed by a canonical value
KEYED = [
    "jalali_months",
    "gregorian_months",
    "hijri_months",
    "weekdays",
    "cardinals",
    "ordinals",
    "seasons",
    "calendar_suffixes",
]
# tables whose keys are forms
FORM_KEYS = ["relative_words", "day_parts"]
LISTS = [
    "guarded",
    "current_determiners",
    "duration_modifiers",
    "duration_prefixes",
    "period_parts",
    "set_heads",
    "future_cues",
    "weekday_blockers",
    "vague_counts",
]


def all_forms() -> list[tuple[str, str]]:
    """(table, form) for every form of the lexicon and the zone list."""
    out: list[tuple[str, str]] = []
    for t in KEYED:
        out += [(t, f) for forms in LEX[t].values() for f in forms]
    for t in FORM_KEYS:
        out += [(t, f) for f in LEX[t]]
    for t in LISTS:
        out += [(t, f) for f in LEX.get(t, [])]
    for name, spec in LEX["units"].items():
        out += [(f"units.{name}", f) for f in spec["forms"]]
    for name, spec in LEX["unit_modifiers"].items():
        out += [(f"unit_modifiers.{name}", f) for f in spec["forms"]]
    out += [("zones", f) for f in ZONES["zones"]]
    return out


FORMS = all_forms()


@pytest.mark.parametrize(("table", "form"), FORMS)
def test_form_is_normalized(table: str, form: Any) -> None:
    assert isinstance(form, str), (table, form)
    assert form == form.strip() and "  " not in form, (table, form)
    assert not re.search("[يكىة]", form), f"{table}: Arabic letter in {form!r}"
    assert not re.search("[\u064b-\u065f]", form), f"{table}: diacritic in {form!r}"
    assert not re.search(r"[0-9۰-۹٠-٩]", form), f"{table}: digit in {form!r}"
    assert len(canon(form).replace(".", "")) >= 2, f"{table}: one-letter form {form!r}"
    # the verb prefix می and the plural suffix ها are joined with ZWNJ, not a space
    assert not re.search(r"(^| )می [^\s]", form), f"{table}: «می» without ZWNJ in {form!r}"


@pytest.mark.parametrize("table", KEYED + ["units", "unit_modifiers"])
def test_no_form_under_two_keys(table: str) -> None:
    ambiguous = {canon(f) for f in LEX.get("ambiguous_forms", [])}
    seen: dict[str, Any] = {}
    values = LEX[table].items()
    for key, forms in values:
        forms = forms["forms"] if isinstance(forms, dict) else forms
        for f in forms:
            c = canon(f)
            assert c not in seen or seen[c] == key or c in ambiguous, (
                f"{table}: {f!r} under {seen.get(c)} and {key}"
            )
            seen[c] = key


def test_months_do_not_collide_across_calendars() -> None:
    owner: dict[str, str] = {}
    for t in ("jalali_months", "gregorian_months", "hijri_months"):
        for forms in LEX[t].values():
            for f in forms:
                assert canon(f) not in owner, f"{f!r} in {owner.get(canon(f))} and {t}"
                owner[canon(f)] = t


def test_guarded_forms_are_month_names() -> None:
    lex = load_lexicon()
    assert {canon(f) for f in LEX["guarded"]} <= set(lex.months)


def test_zone_offsets_are_iso() -> None:
    for name, spec in ZONES["zones"].items():
        assert re.fullmatch(r"[+-]\d\d:\d\d", spec["offset"]), name
        assert spec.get("dst") in (None, "eu", "us", "iran"), name


def test_every_entry_is_exercised_by_the_table() -> None:
    """Each month, weekday, number word, relative word, day part, season and zone
    occurs in some sentence of ``cases.tsv``."""
    with CASES.open(encoding="utf-8", newline="") as fh:
        sentences = [
            r["sentence"]
            for r in csv.DictReader(
                (x for x in fh if not x.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE
            )
        ]
    corpus = " ".join(canon(s) for s in sentences)
    tables = [
        "jalali_months",
        "gregorian_months",
        "hijri_months",
        "weekdays",
        "ordinals",
        "cardinals",
        "seasons",
        "relative_words",
        "day_parts",
        "zones",
        "units",
        "unit_modifiers",
        "calendar_suffixes",
    ]
    missing = [(t, f) for t, f in FORMS if t.split(".")[0] in tables and canon(f) not in corpus]
    assert not missing, missing


def test_hijri_shift_is_small_and_applied() -> None:
    """``calendars.yaml``: Iran's lunar months begin 0-2 days after Umm al-Qura's; the shift
    moves both directions of the conversion."""
    import datetime as dt

    from rasad.time import calendars as cal

    shift = yaml.safe_load((DATA / "calendars.yaml").read_text(encoding="utf-8"))["hijri_shift_days"]
    assert isinstance(shift, int) and 0 <= shift <= 2
    eid = cal.to_gregorian("hijri", 1446, 10, 1)  # Eid al-Fitr 1446, in Iran Monday 31 March 2025
    assert eid == dt.date(2025, 3, 31)
    assert cal.year_of("hijri", eid) == 1446
    assert cal.year_of("hijri", eid - dt.timedelta(days=1)) == 1446
    assert cal.to_gregorian("hijri", 1446, 1, 1) is not None
