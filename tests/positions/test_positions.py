"""Positions: the issue and stance lexicons, the stance reader on written sentences, changes over
time, the store query and CLI, and the accuracy floors on the stand-off gold table."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from rasad.cli import main
from rasad.positions import Lexicon, Position, flag_changes, positions_of
from rasad.positions.core import STANCES, PositionError, apply_polarity

ROOT = Path(__file__).resolve().parents[2]
DATA = resources.files("rasad") / "data" / "positions"


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def test_issue_lexicon_is_well_formed() -> None:
    issues = yaml.safe_load((DATA / "issues.yaml").read_text(encoding="utf-8"))["issues"]
    seen: dict[str, str] = {}
    for iid, spec in issues.items():
        assert re.fullmatch(r"[a-z_]+", iid), iid
        assert spec["label"] and spec["forms"], iid
        for f in spec["forms"] + (spec.get("against") or []):
            assert not re.search("[يكۀ]", f), f"{iid}: Arabic letters in {f!r}"
            assert f == f.strip() and "  " not in f, f
            assert seen.setdefault(f, iid) == iid, f"{f!r} under {seen[f]} and {iid}"
    stance = yaml.safe_load((DATA / "stance.yaml").read_text(encoding="utf-8"))
    for k in ("supports", "opposes", "conditions", "negators", "undo", "undo_verbs", "undo_between", "time_ends",
              "temporal_before", "masked"):
        assert stance[k] and len(set(stance[k])) == len(stance[k]), k
    cues = [c for k in ("supports", "opposes", "conditions") for c in stance[k]]
    assert len(set(cues)) == len(cues), "a cue listed under two stances"
    assert {spec.get("default") for spec in issues.values()} <= {None, *STANCES}
    assert set(stance["event_types"].values()) <= set(STANCES)


def test_a_bad_lexicon_is_a_clear_error() -> None:
    with pytest.raises(PositionError, match="no forms"):
        Lexicon({"x": {"label": "x", "forms": []}}, {})
    with pytest.raises(PositionError, match="unknown stance"):
        Lexicon({"x": {"label": "x", "forms": ["الف"]}}, {"event_types": {"AGREE": "likes"}})


# Sentences written for these tests in the style of Persian news.
CASES = [
    ("دولت ما از برقراری آتش‌بس فوری حمایت می‌کند", "ceasefire", "supports"),
    ("تهران از آتش‌بس در غزه استقبال کرد", "ceasefire", "supports"),
    ("مسکو با آتش‌بس موقت مخالف است", "ceasefire", "opposes"),
    ("ما آتش‌بس را نمی‌پذیریم", "ceasefire", "opposes"),
    ("ما از این آتش‌بس حمایت نمی‌کنیم", "ceasefire", "opposes"),
    ("روسیه تنها در صورتی آتش‌بس را می‌پذیرد که نیروها عقب بروند", "ceasefire", "conditions"),
    ("مذاکره مشروط به لغو همه تحریم‌هاست", "negotiations", "conditions"),
    ("تحریم‌های یکجانبه غیرقانونی و ظالمانه است", "sanctions", "opposes"),
    ("وزیران اروپایی خواستار لغو تحریم‌ها شدند", "sanctions", "opposes"),
    ("تحریم‌ها باید هرچه زودتر برداشته شوند", "sanctions", "opposes"),
    # stressing a measure backs it; "against" names its target, not a stance …
    ("واشنگتن بر تشدید تحریم‌ها علیه این کشور تأکید کرد", "sanctions", "supports"),
    ("اتحادیه اروپا تحریم‌های تازه‌ای علیه مسکو اعمال کرد", "sanctions", "supports"),
    # … unless the target is a people or the speaker's own side
    ("این تحریم‌ها علیه مردم ما طراحی شده است", "sanctions", "opposes"),
    ("باید هرچه زودتر به میز مذاکره بازگشت", "negotiations", "supports"),
    ("نه مذاکره با طرفی که عهدشکنی کرده است", "negotiations", "opposes"),
    ("گفت‌وگوهای صلح امروز در ژنو ادامه یافت", "negotiations", "neutral"),
    ("او ارسال تسلیحات به این کشور را محکوم کرد", "military_aid", "opposes"),
    ("دولت آلمان با توقف صادرات تسلیحات به ریاض موافقت کرد", "military_aid", "opposes"),
    ("ما این طرح صلح را رد می‌کنیم", "peace_plan", "opposes"),
    ("او ادامه مذاکرات را بی‌نتیجه و بیهوده دانست", "negotiations", "opposes"),
    ("آتش‌بس به نفع همه طرف‌هاست", "ceasefire", "supports"),
    # a negated verb in a coordinated clause does not turn over the cue of the next one
    ("مسکو دیگر قصد ندارد نیرو بفرستد و آماده است از آتش‌بس حمایت کند", "ceasefire", "supports"),
    ("مسکو آماده است گفت‌وگو کند و از آتش‌بس حمایت نمی‌کند", "ceasefire", "opposes"),
    # an aim after a purpose marker is wanted, whatever the other aims listed with it
    ("این عملیات با هدف شکست شبه‌نظامیان و خلع سلاح کامل آنها آغاز می‌شود", "disarmament", "supports"),
    # a condition after the issue, in the same sentence
    ("آتش‌بس را می‌پذیریم، مشروط بر اینکه محاصره شهر پایان یابد", "ceasefire", "conditions"),
    ("دولت آماده است آتش‌بس را بپذیرد، مگر اینکه حملات ادامه پیدا کند", "ceasefire", "conditions"),
    # cues of the issue's own clause compose: rejecting support is opposing, condemning opposition backing
    ("روسیه حمایت از آتش‌بس را رد کرد", "ceasefire", "opposes"),
    ("وزیر مخالفت با مذاکرات را محکوم کرد", "negotiations", "supports"),
    ("او خواستار حمایت از طرح صلح شد", "peace_plan", "supports"),
    # "although" is no condition
    ("اگرچه مذاکرات دشوار است اما ما از ادامه آن حمایت می‌کنیم", "negotiations", "supports"),
    # a negator word turns over only the phrase it opens
    ("این طرح سازش فقط برای نجات اشغالگران است و نه برای برقراری آرامش", "peace_plan", "opposes"),
    # an issue nobody speaks for; the fight against it is its undoing
    ("گروه‌های تروریستی در مناطق مرزی دوباره فعال شده‌اند", "terrorism", "opposes"),
    ("ما از مبارزه با تروریسم در منطقه حمایت می‌کنیم", "terrorism", "opposes"),
    # no cue: a negated verb of the issue's clause refuses it
    ("ما نتایج انتخابات را به رسمیت نمی‌شناسیم", "elections", "opposes"),
    # the negated verb of an earlier relative clause does not turn the cue over
    ("کشوری که به تعهداتش عمل نمی‌کند نباید اجازه صادرات تسلیحات داشته باشد", "military_aid", "opposes"),
    ("احزاب خواستار تحریم انتخابات شدند", "elections", "opposes"),
    ("هند پاکستان را به نقض آتش‌بس در مرز متهم کرد", "ceasefire", "supports"),
    ("تحریم‌های یکجانبه به ضرر مردم عادی است", "sanctions", "opposes"),
    ("بازگشت به برجام به سود همه طرف‌هاست", "nuclear_deal", "supports"),
]


def test_an_undoing_word_after_the_mention_is_its_predicate(lex: Lexicon) -> None:
    assert [(m.issue, m.polarity) for m in lex.issues_in("تحریم‌ها باید هرچه زودتر برداشته شوند")] == [
        ("sanctions", -1)]
    # before the mention: governing it (a determiner, a manner word or a light-verb infinitive may
    # stand between), not a noun of its own nor the end of a time span
    for text, pol in (("خواستار لغو فوری همه این تحریم‌ها شد", -1), ("به تعلیق درآمدن تحریم‌ها", -1),
                      ("لغو معافیت‌های تحریم نفتی", 1), ("پس از پایان انتخابات نتایج اعلام شد", 1),
                      ("در ساعات پایانی انتخابات", 1), ("پس از لغو تحریم‌ها", -1)):
        assert [m.polarity for m in lex.issues_in(text)] == [pol], text
    # … not the head of a noun phrase of its own
    assert [(m.issue, m.polarity) for m in lex.issues_in("هدف از برگزاری انتخابات رفع مشکلات کشور است")] == [
        ("elections", 1)]


def test_actors_of_positions(lex: Lexicon) -> None:
    doc = {"doc": "d", "quotes": [{"speaker": "Washington, D.C.", "text": "ما از آتش‌بس حمایت می‌کنیم", "cue": "گفت"}],
           "events": [{"type": "AGREE", "actors": ["Turkey", "Russia"], "status": "occurred",
                       "evidence": "ترکیه و روسیه بر سر آتش‌بس در منطقه به توافق رسیدند"}]}
    got = [(p.actor, p.issue, p.stance, p.kind) for p in positions_of(doc, lex)]
    # a seat of government speaks for its state; an agreement binds both its parties
    assert got == [("United States", "ceasefire", "supports", "quote"), ("Turkey", "ceasefire", "supports", "event"),
                   ("Russia", "ceasefire", "supports", "event")]

# Reporting verbs that only foresee: the statement takes no side.
FORECASTS = [
    ("پیش‌بینی کرد", "فشارها بر دولت افزایش خواهد یافت تا با تحریم‌های تازه موافقت کند", "sanctions", "neutral"),
    ("گفت", "فشارها بر دولت افزایش خواهد یافت تا با تحریم‌های تازه موافقت کند", "sanctions", "supports"),
]


@pytest.mark.parametrize(("cue", "text", "issue", "stance"), FORECASTS)
def test_forecasts_take_no_side(lex: Lexicon, cue: str, text: str, issue: str, stance: str) -> None:
    found = [p for p in positions_of({"quotes": [{"speaker": "X", "text": text, "cue": cue}]}, lex) if p.issue == issue]
    assert [p.stance for p in found] == [stance]


@pytest.mark.parametrize(("text", "issue", "stance"), CASES)
def test_stance_of_written_statements(lex: Lexicon, text: str, issue: str, stance: str) -> None:
    found = [p for p in positions_of({"quotes": [{"speaker": "X", "text": text, "cue": "گفت"}]}, lex)
             if p.issue == issue]
    assert found, f"no {issue} in {text}"
    assert found[0].stance == stance


def test_events_read_as_stances(lex: Lexicon) -> None:
    doc = {"doc": "d", "published": "2025-01-02", "events": [
        {"type": "REJECT", "actors": ["Russia", "Ukraine"], "evidence": "روسیه طرح آتش‌بس را رد کرد",
         "status": "occurred", "date": "2025-01-01"},
        {"type": "REQUEST", "actors": ["European Union"], "evidence": "خواستار تعلیق تحریم‌ها شد",
         "status": "occurred"},
        {"type": "SUPPORT", "actors": ["Turkey"], "evidence": "از آتش‌بس حمایت کرد", "status": "denied"},
    ]}
    got = {(p.actor, p.issue, p.stance, p.date) for p in positions_of(doc, lex)}
    assert got == {("Russia", "ceasefire", "opposes", "2025-01-01"),
                   ("European Union", "sanctions", "opposes", "2025-01-02")}


def test_changes_are_flagged_in_date_order() -> None:
    def pos(date: str, stance: str) -> Position:
        return Position("Russia", "ceasefire", "ceasefire", stance, date, "d", "quote", "")

    rows = flag_changes([pos("2025-03-01", "supports"), pos("2025-01-01", "opposes"),
                         pos("2025-02-01", "neutral"), pos("2025-04-01", "supports")])
    assert [(p.date, p.changed, p.previous) for p in rows] == [
        ("2025-01-01", False, None), ("2025-02-01", False, None),
        ("2025-03-01", True, "opposes"), ("2025-04-01", False, None)]
    assert apply_polarity("conditions", -1) == "conditions"


ARTICLE = """ date 2025-06-05
به گزارش خبرگزاری تسنیم، سرگئی لاوروف، وزیر امور خارجه روسیه، روز چهارشنبه گفت که مسکو با آتش‌بس موقت مخالف است.
لاوروف افزود: ما از مذاکرات مستقیم در استانبول حمایت می‌کنیم.
"""

LATER = """ date 2025-07-10
به گزارش خبرگزاری ایرنا، سرگئی لاوروف، وزیر امور خارجه روسیه، روز پنجشنبه گفت که مسکو از آتش‌بس سی‌روزه حمایت می‌کند.
"""


def test_store_positions_and_cli(tmp_path: Path) -> None:
    for i, text in enumerate((ARTICLE, LATER)):
        (tmp_path / f"a{i}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "s.db")
    run = CliRunner().invoke(main, ["ingest", "--db", db, "-q", str(tmp_path)], catch_exceptions=False)
    assert run.exit_code == 0, run.output
    run = CliRunner().invoke(main, ["positions", "--db", db, "--actor", "Sergey Lavrov", "--json"],
                             catch_exceptions=False)
    assert run.exit_code == 0, run.output
    import json

    rows = [json.loads(x) for x in run.output.splitlines() if x.startswith("{")]
    cease = [(r["date"], r["stance"], r["changed"]) for r in rows if r["issue"] == "ceasefire"]
    assert cease == [("2025-06-04", "opposes", False), ("2025-07-10", "supports", True)]
    assert any(r["issue"] == "negotiations" and r["stance"] == "supports" for r in rows)
    run = CliRunner().invoke(main, ["positions", "--db", db, "--issue", "nope"])
    assert run.exit_code == 2 and "unknown issue" in run.output


def test_gold_table_floors(shared_dir: Path) -> None:
    from rasad.positions.evaluate import score_positions

    dev = shared_dir / "eval" / "dev"
    if not (dev / "gold").is_dir():
        pytest.skip("no development gold in ../shared/eval/dev")
    res = score_positions(ROOT / "bench" / "data" / "positions_gold.tsv", dev)
    st = res["statement"]
    assert st["all"]["n_all"] >= 80
    # floors pinned at what bench/bench_positions.py measured (rounded down); only ever raised
    assert st["tune"]["all"] >= 0.91
    assert st["heldout"]["all"] >= 0.61


def test_misses_list_tuning_rows_only(shared_dir: Path) -> None:
    from rasad import devset
    from rasad.positions.evaluate import tune_misses

    dev = shared_dir / "eval" / "dev"
    if not (dev / "gold").is_dir():
        pytest.skip("no development gold in ../shared/eval/dev")
    misses = tune_misses(ROOT / "bench" / "data" / "positions_gold.tsv", dev)
    assert misses and all(devset.part_of(m["doc"]) == "tune" for m in misses)
    assert all(m["expected"] != m["got"] for m in misses)
