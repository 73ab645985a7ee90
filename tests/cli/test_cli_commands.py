"""The command line, through click's CliRunner: exit codes, stdout purity, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rasad.cli import main

ZW = "\u200c"
ARTICLE_1 = (
    f"تهران – وزیر امور خارجه روز دوشنبه در نشستی خبری گفت که دور تازهٔ گفت{ZW}وگوها هفتهٔ آینده"
    f" برگزار می{ZW}شود. او افزود: «ما به دیپلماسی باور داریم.»\n"
)
ARTICLE_2 = (
    f"مسکو – سخنگوی کرملین اعلام کرد که رئیس{ZW}جمهور روسیه برای سفر به پکن آماده می{ZW}شود."
    " به گفتهٔ او این سفر در ماه آینده انجام خواهد شد.\n"
)


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    return CliRunner().invoke(main, list(args), env=env, input=input, catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE_1, encoding="utf-8")
    (d / "b.txt").write_text(ARTICLE_2, encoding="utf-8")
    return d


@pytest.fixture
def db(tmp_path: Path, corpus: Path) -> str:
    path = str(tmp_path / "cli.db")
    r = run("ingest", str(corpus), "--db", path, "-q")
    assert r.exit_code == 0, r.stderr
    return path


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0 and "rasad" in r.stdout


def test_analyze_stdout_is_only_json_lines(corpus: Path, tmp_path: Path) -> None:
    bad = corpus / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    r = run("analyze", str(corpus))
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert len(lines) == 2
    for line in lines:
        d = json.loads(line)
        for key in ("doc", "published", "title", "timexes", "entities", "quotes", "events"):
            assert key in d
    assert "broken.txt" in r.stderr
    assert "broken.txt" not in r.stdout


def test_analyze_stdin_and_table() -> None:
    r = run("analyze", "-", input=ARTICLE_2)
    assert r.exit_code == 0
    assert json.loads(r.stdout)["doc"] == "stdin"
    r = run("analyze", "-", "--format", "table", input=ARTICLE_2)
    assert r.exit_code == 0 and "stdin" in r.stdout


def test_analyze_nothing_readable(tmp_path: Path) -> None:
    r = run("analyze", str(tmp_path / "missing.txt"))
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "missing.txt" in r.stderr


def test_analyze_unknown_stage(corpus: Path) -> None:
    r = run("analyze", str(corpus), "--stages", "normalize,magic")
    assert r.exit_code == 2 and "magic" in r.stderr and "Traceback" not in r.stderr


def test_ingest_twice_and_summary(db: str, corpus: Path) -> None:
    r = run("ingest", str(corpus), "--db", db, "-q")
    assert r.exit_code == 0
    assert "added 0, already present 2, failed 0" in r.stderr
    assert r.stdout == ""


def test_ingest_reports_failures_and_exit_codes(tmp_path: Path, corpus: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    path = str(tmp_path / "x.db")
    r = run("ingest", str(corpus), "--db", path, "-q")
    assert r.exit_code == 0
    assert "added 2" in r.stderr and "failed 1" in r.stderr and "empty.txt" in r.stderr
    r = run("ingest", str(tmp_path / "nothing-here"), "--db", path, "-q")
    assert r.exit_code == 1 and "failed 1" in r.stderr


def test_ingest_uses_env_db(tmp_path: Path, corpus: Path) -> None:
    path = tmp_path / "env.db"
    r = run("ingest", str(corpus), "-q", env={"RASAD_DB": str(path)})
    assert r.exit_code == 0 and path.exists()
    r = run("stats", "--json", env={"RASAD_DB": str(path)})
    assert json.loads(r.stdout)["articles"] == 2


def test_show(db: str) -> None:
    r = run("show", "1", "--db", db)
    assert r.exit_code == 0 and "#1" in r.stdout
    r = run("show", "1", "--db", db, "--json")
    d = json.loads(r.stdout)
    assert d["id"] == 1 and "raw" not in d and d["text"]
    r = run("show", "999", "--db", db)
    assert r.exit_code != 0 and "999" in r.stderr and "Traceback" not in r.stderr


def test_search(db: str) -> None:
    r = run("search", "میشود", "--db", db, "--json")
    assert r.exit_code == 0
    hits = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(hits) == 2
    r = run("search", "رئیس جمهور", "--db", db)
    assert r.exit_code == 0 and "1 hit" in r.stdout


def test_bad_search_is_a_clean_error(db: str) -> None:
    r = run("search", '"نیمه', "--db", db)
    assert r.exit_code == 2
    assert r.stderr.startswith("rasad: error:") and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_bad_database_is_a_clean_error(tmp_path: Path) -> None:
    r = run("stats", "--db", str(tmp_path / "no" / "dir" / "x.db"))
    assert r.exit_code == 2 and r.stderr.startswith("rasad: error:")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not sqlite " * 500)
    r = run("stats", "--db", str(junk))
    assert r.exit_code == 2 and "Traceback" not in r.stderr


def test_stats_table(db: str) -> None:
    r = run("stats", "--db", db)
    assert r.exit_code == 0 and "articles" in r.stdout


def test_bad_date_filter(db: str) -> None:
    r = run("quotes", "--since", "دیروز", "--db", db)
    assert r.exit_code == 2 and "must be a date like 2025-10-21" in r.stderr and "Jalali" in r.stderr


def test_migrate(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    from rasad.store.schema import MIGRATIONS

    r = run("migrate", "--db", path)
    assert r.exit_code == 0 and f"applied {len(MIGRATIONS)} migration(s)" in r.stderr
    r = run("migrate", "--db", path)
    assert r.exit_code == 0 and "up to date" in r.stderr


def test_serve_wires_app_and_uvicorn(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import rasad.api

    seen: dict[str, object] = {}
    monkeypatch.setattr(rasad.api, "create_app", lambda p: ("app", p), raising=False)
    monkeypatch.setattr(uvicorn, "run", lambda app, host, port, **kw: seen.update(app=app, host=host, port=port))
    r = run("serve", "--db", db, "--port", "8123")
    assert r.exit_code == 0
    assert seen == {"app": ("app", db), "host": "127.0.0.1", "port": 8123}


def test_analyze_keeps_stdout_pure_when_a_stage_prints_or_crashes(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from rasad.model import Article
    from rasad.pipeline import Pipeline

    class Noisy:
        name = "events"

        def __call__(self, doc: Article) -> Article:
            print("debug output from a stage")
            if "کرملین" in doc.raw:
                raise RuntimeError("stage crashed")
            return doc

    monkeypatch.setattr("rasad.cli.default_pipeline", lambda disable=(): Pipeline([Noisy()]))
    r = run("analyze", str(corpus))
    assert r.exit_code == 0
    (line,) = r.stdout.splitlines()
    assert json.loads(line)["doc"]
    assert "debug output" in r.stderr and "stage crashed" in r.stderr
