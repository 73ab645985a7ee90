"""quotes / events / timeline / eval commands over a store filled with hand-built articles."""

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


def _art(doc: str, published: str, status: str, text: str) -> Article:
    i = text.index("پوتین")
    ev = Event(type="CONSULT", actors=["Donald Trump", "Vladimir Putin"], status=status, evidence=text[:20],
               start=0, end=20, mode="meet", location="Budapest")
    q = Quote(speaker="Vladimir Putin", kind="indirect", text=text[i:], start=i, end=len(text), cue="گفت",
              speaker_id="Q7747", speaker_fa="پوتین")
    ent = Entity("Q7747", "Vladimir Putin", "PER", "پوتین", [Mention("پوتین", i, i + 5)])
    return Article(raw=text, text=text, doc=doc, published=published, events=[ev], quotes=[q], entities=[ent])


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "v.db")
    with Store.open(path) as st:
        st.add(_art("d1", "2025-10-16", "planned", "به گفتهٔ کاخ سفید پوتین و ترامپ در بوداپست دیدار می‌کنند."))
        st.add(_art("d2", "2025-10-22", "cancelled", "مقام‌ها گفتند دیدار بوداپست لغو شد و پوتین واکنش نشان داد."))
    return path


def test_timeline(db: str) -> None:
    r = run("timeline", "--db", db, "--json")
    assert r.exit_code == 0
    (m,) = [json.loads(x) for x in r.stdout.splitlines()]
    assert m["status"] == "cancelled" and m["sources"] == 2
    assert [h["status"] for h in m["history"]] == ["planned", "cancelled"]
    r = run("timeline", "--db", db, "--actor", "Vladimir Putin")
    assert r.exit_code == 0 and "planned → cancelled" in r.stdout and "1404-07-24" in r.stdout
    r = run("timeline", "--db", db, "--actor", "Nobody", "--json")
    assert r.exit_code == 2 and r.stdout == "" and "rasad: error: no actor matches 'Nobody'" in r.stderr


def test_events(db: str) -> None:
    r = run("events", "--db", db, "--json", "--status", "planned")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [e["doc"] for e in rows] == ["d1"]
    r = run("events", "--db", db, "--type", "consult", "--since", "2025-10-20")
    assert r.exit_code == 0 and "cancelled" in r.stdout and "planned" not in r.stdout


def test_quotes(db: str) -> None:
    r = run("quotes", "--db", db, "--speaker", "پوتین", "--json")
    rows = [json.loads(x) for x in r.stdout.splitlines()]
    assert [q["doc"] for q in rows] == ["d2", "d1"]
    r = run("quotes", "--db", db, "--until", "2025-10-20", "--json")
    assert [json.loads(x)["doc"] for x in r.stdout.splitlines()] == ["d1"]
    r = run("quotes", "--db", db)
    assert r.exit_code == 0 and "Vladimir Putin" in r.stdout


@pytest.mark.golden
def test_eval_with_gold_as_system(shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    gold = shared_dir / "eval" / "gold"
    system = tmp_path / "sys.jsonl"
    with system.open("w", encoding="utf-8") as f:
        for p in sorted(gold.glob("*.json")):
            f.write(json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False) + "\n")
    r = run("eval", str(gold), "--system", str(system))
    assert r.exit_code == 0, r.stderr
    assert "entity_f1" in r.stdout and "PASS" in r.stdout and "FAIL" not in r.stdout
    r = run("eval", str(gold), "--system", str(system), "--json")
    d = json.loads(r.stdout)
    assert d["scores"]["entity_f1"] == pytest.approx(1.0) and d["failures"] == []

    import rasad.evaluate

    monkeypatch.setattr(rasad.evaluate, "load_floors", lambda section="floors": {"entity_f1": 0.5})
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    r = run("eval", str(gold), "--system", str(empty))
    assert r.exit_code == 1 and "FAIL" in r.stdout and "entity_f1" in r.stderr
