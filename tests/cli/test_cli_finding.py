"""Finding things from the command line: names, Jalali dates, totals, errors, `rasad event ID`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rasad.cli import main
from rasad.model import Article, Entity, Event, Mention, Quote
from rasad.store import Store


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _art(doc: str, published: str, status: str, text: str, source: str) -> Article:
    i = text.index("لاوروف")
    ev = Event(type="CONSULT", actors=["Sergey Lavrov", "Marco Rubio"], status=status, evidence="دیدار",
               start=0, end=5, mode="meet", location="Geneva", date="2025-10-20")
    q = Quote(speaker="Sergey Lavrov", kind="indirect", text=text[i:], start=i, end=len(text), cue="گفت",
              speaker_id="Q80866", speaker_fa="سرگئی لاوروف")
    ent = Entity("Q80866", "Sergey Lavrov", "PER", "سرگئی لاوروف", [Mention("لاوروف", i, i + 6)])
    return Article(raw=text, text=text, doc=doc, published=published, events=[ev], quotes=[q], entities=[ent],
                   source=source)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "f.db")
    with Store.open(path) as st:
        st.add(_art("g1", "2025-10-20", "occurred", "دیدار دو وزیر در ژنو برگزار شد و لاوروف از آن خرسند بود.",
                    "خبرگزاری الف"))
        st.add(_art("g2", "2025-10-21", "denied", "دیدار ژنو انجام نشد و لاوروف گفت گفت‌وگو به تعویق افتاد.",
                    "خبرگزاری ب"))
    return path


@pytest.mark.parametrize("name", ["Lavrov", "لاوروف", "سرگئی لاوروف", "sergey lavrov", "Q80866"])
def test_every_name_of_a_speaker_gives_the_same_quotes(db: str, name: str) -> None:
    r = run("quotes", "--db", db, "--speaker", name, "--json")
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 2


def test_unknown_name_is_one_line_with_suggestions(db: str) -> None:
    r = run("timeline", "--db", db, "--actor", "Lavrof")
    assert r.exit_code == 2
    assert r.stderr.startswith("rasad: error: no actor matches 'Lavrof'; did you mean")
    assert "Sergey Lavrov" in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_jalali_since_is_converted_and_said(db: str) -> None:
    r = run("quotes", "--db", db, "--since", "1404-07-29", "--json")  # = 2025-10-21
    assert r.exit_code == 0 and [json.loads(x)["doc"] for x in r.stdout.splitlines()] == ["g2"]
    assert "read as Jalali" in r.stderr and "2025-10-21" in r.stderr


def test_titles_give_totals(db: str) -> None:
    r = run("quotes", "--db", db, "--limit", "1")
    assert "1-1 of 2 quote(s)" in r.stdout
    r = run("search", "ژنو", "--db", db, "--limit", "1")
    assert "1-1 of 2 hit(s)" in r.stdout


def test_timeline_newest_first_with_offset_and_id_column(db: str, tmp_path: Path) -> None:
    r = run("timeline", "--db", db)
    assert r.exit_code == 0 and "newest first picked" in r.stdout and "contested" in r.stdout
    r = run("timeline", "--db", db, "--offset", "1", "--json")
    assert r.exit_code == 0 and r.stdout == ""
    r = run("timeline", "--db", db, "--oldest-first", "--json")
    (m,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert m["contested"] and {c["outlet"] for c in m["claims"]} == {"خبرگزاری الف", "خبرگزاری ب"}


def test_event_drill_down(db: str) -> None:
    r = run("timeline", "--db", db, "--json")
    eid = json.loads(r.stdout.splitlines()[0])["id"]
    r = run("event", str(eid), "--db", db)
    assert r.exit_code == 0
    assert "contested" in r.stdout and "خبرگزاری ب" in r.stdout and "denied" in r.stdout
    r = run("event", "999", "--db", db)
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error: no event 999")


def test_events_have_an_id_column(db: str) -> None:
    r = run("events", "--db", db)
    assert r.exit_code == 0 and " id " in r.stdout.splitlines()[2]


@pytest.mark.parametrize(("args", "msg"), [
    (("events", "--status", "bogus"), "allowed: occurred, ongoing, planned"),
    (("timeline", "--type", "FOO"), "allowed: "),
    (("search", "AND OR"), "not search syntax"),
    (("search", "NEAR(a b)"), "not search syntax"),
])
def test_bad_filters_are_errors(db: str, args: tuple[str, ...], msg: str) -> None:
    r = run(*args, "--db", db)
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error:") and msg in r.stderr


@pytest.mark.parametrize("cmd", [("timeline",), ("quotes",), ("events",), ("stats",), ("search", "x"), ("show", "1")])
def test_read_commands_refuse_a_missing_store(tmp_path: Path, cmd: tuple[str, ...]) -> None:
    path = tmp_path / "typo.db"
    r = run(*cmd, "--db", str(path))
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error: no database at")
    assert not path.exists()


def test_show_full_prints_the_whole_text(tmp_path: Path) -> None:
    path = str(tmp_path / "long.db")
    text = "لاوروف " + "گفت‌وگو ادامه دارد. " * 60 + "پایان گزارش."
    with Store.open(path) as st:
        aid, _ = st.add(Article(raw=text, text=text, doc="long"))
    assert "پایان گزارش" not in run("show", str(aid), "--db", path).stdout
    assert "پایان گزارش" in run("show", str(aid), "--db", path, "--full").stdout.replace("\n", "")


def test_usage_errors_have_the_same_prefix(db: str) -> None:
    r = run("quotes", "--db", db, "--limit", "-1")
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error: Invalid value for '--limit'")
    r = run("nosuchcommand")
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error: No such command")
    assert run("--version").exit_code == 0 and run("timeline", "--help").exit_code == 0


def test_show_names_the_story_of_a_near_copy(tmp_path: Path) -> None:
    path = str(tmp_path / "copies.db")
    story = ("وزیران خارجه دو کشور امروز در ژنو دیدار کردند و درباره آتش‌بس، تبادل اسیران و کمک‌های"
             " انسانی گفت‌وگو کردند. این دیدار دو ساعت طول کشید و قرار است هفته آینده ادامه یابد.")
    with Store.open(path) as st:
        st.add(Article(raw=story, text=story, doc="wire", source="خبرگزاری الف"))
        aid, _ = st.add(Article(raw=story + " منبع: خبرگزاری الف.", text=story + " منبع: خبرگزاری الف.",
                                doc="copy", source="سایت ب"))
    r = run("show", str(aid), "--db", path)
    assert r.exit_code == 0 and "near copy of article #1" in r.stdout
