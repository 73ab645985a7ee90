"""Benchmark: rasad's temporal tagger vs dateparser on the external Persian date set.

Usage::

    .venv/bin/python bench/bench_time.py [../shared/eval/external/dates.tsv] [--misses]

For every row (``text``, ``anchor``, ``expected``) each system resolves the text
against the anchor (publication date) and is right when its value, written at the
row's granularity, equals ``expected``.  Printed side by side: share resolved
correctly and expressions per second.

dateparser is run three ways: ``dateparser.parse(text, languages=["fa"])``, the same
with dateparser's Jalali calendar as a fallback (``JalaliCalendar(text).get_date()``),
and ``dateparser.search.search_dates`` (first date found).

Beside the speed, the timex figures of the development set (tune / held-out parts:
extent F1 and value accuracy, the time stage alone after header, normalizer and
metadata) and the extent F1 of the peers' suites (``peers/asgold``: Hengam,
Parstdex, lenient overlap) are printed; ``--peer-misses`` lists a suite's misses.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rasad.time import TimeStage  # noqa: E402
from rasad.time.evaluate import Row, anchor_of, check, read_rows  # noqa: E402

SHARED = ROOT.parent / "shared" / "eval"
DEFAULT = SHARED / "external" / "dates.tsv"
PEERS = ("hengam", "parstdex")


def time_pipeline(stage: TimeStage) -> Any:
    """Header, normalizer, metadata and the time stage: what the timexes need."""
    from rasad.ingest.header import HeaderStage
    from rasad.ingest.metadata import MetadataStage
    from rasad.normalize import Normalizer
    from rasad.pipeline import Pipeline

    return Pipeline([HeaderStage(), Normalizer(), MetadataStage(stage), stage])


def timex_scores(stage: TimeStage, gold_dir: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """Gold and system output of the time pipeline on a gold folder."""
    from rasad.evaluate import load_gold, run_system

    gold = load_gold(gold_dir)
    return gold, run_system(gold, gold_dir, time_pipeline(stage))


def report_timexes(stage: TimeStage, peer_misses: str | None) -> None:
    from rasad import devset
    from rasad.evaluate import Names, score_docs

    dev = SHARED / "dev" / "gold"
    if dev.is_dir():
        gold, system = timex_scores(stage, dev)
        for part in devset.PARTS:
            docs = devset.select(gold, part)
            sc = score_docs({d: gold[d] for d in docs}, system, Names())
            print(
                f"dev {part:8s} timex P {sc['timex_p']:.3f} R {sc['timex_r']:.3f} "
                f"F1 {sc['timex_f1']:.3f}  value acc {sc['timex_value_acc']:.3f}"
            )
    for name in PEERS:
        gdir = SHARED / "peers" / "asgold" / name / "gold"
        if not gdir.is_dir():
            continue
        gold, system = timex_scores(stage, gdir)
        sc = score_docs(gold, system, Names())
        print(f"peers {name:9s} extent P {sc['timex_p']:.3f} R {sc['timex_r']:.3f} F1 {sc['timex_f1']:.3f}")
        if peer_misses == name:
            from rasad.evalreport import misses

            for row in misses(gold, system, gdir, "timexes"):
                print(f"  {row['doc']} {row['kind']}: {row['item']}")


def granular(value: dt.datetime, expected: str) -> str:
    """``value`` written at the granularity of ``expected``."""
    if "T" in expected:
        return value.strftime("%Y-%m-%dT%H:%M")
    return value.strftime({4: "%Y", 7: "%Y-%m"}.get(len(expected), "%Y-%m-%d"))


def settings(row: Row) -> dict[str, object]:
    anchor = anchor_of(row)
    base = dt.datetime.combine(anchor, dt.time(12, 0)) if anchor else dt.datetime(2000, 1, 1, 12, 0)
    return {"RELATIVE_BASE": base, "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


def dp_parse(jalali: bool) -> Callable[[Row], str | None]:
    import dateparser

    calendar: Any = None
    if jalali:  # dateparser's Jalali calendar needs the optional package convertdate
        from dateparser.calendars.jalali import JalaliCalendar

        calendar = JalaliCalendar

    def run(row: Row) -> str | None:
        got = dateparser.parse(row.text, languages=["fa"], settings=settings(row))  # type: ignore[arg-type]
        if got is None and calendar is not None:
            try:
                got = calendar(row.text).get_date().date_obj
            except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd input
                got = None
        return granular(got, row.expected) if got else None

    return run


def dp_search(row: Row) -> str | None:
    from dateparser.search import search_dates

    found = search_dates(row.text, languages=["fa"], settings=settings(row))  # type: ignore[arg-type]
    return granular(found[0][1], row.expected) if found else None


def measure(
    name: str, fn: Callable[[Row], str | None], rows: list[Row], repeat: int = 1
) -> tuple[str, float, float, list[tuple[Row, str | None]]]:
    misses: list[tuple[Row, str | None]] = []
    elapsed = float("inf")
    for _ in range(repeat):  # CPU time, best of `repeat`: the machine may be shared
        misses = []
        t0 = time.process_time()
        for row in rows:
            try:
                got = fn(row)
            except Exception:  # noqa: BLE001 - a crash counts as a miss
                got = None
            if got != row.expected:
                misses.append((row, got))
        elapsed = min(elapsed, time.process_time() - t0)
    return name, 1 - len(misses) / len(rows), len(rows) / elapsed, misses


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("tsv", nargs="?", default=str(DEFAULT))
    ap.add_argument("--misses", action="store_true", help="list rasad's misses")
    ap.add_argument(
        "--articles", help="also time TimeStage.tag on every file of this folder (ms per article)"
    )
    ap.add_argument("--peer-misses", choices=PEERS, help="list the misses of one peer suite")
    ap.add_argument("--no-dateparser", action="store_true", help="time rasad only")
    args = ap.parse_args()
    rows = read_rows(Path(args.tsv))
    stage = TimeStage()

    def rasad_fn(row: Row) -> str | None:
        ok, got = check(stage, row)
        return row.expected if ok else got

    warnings.simplefilter("ignore")
    results = [measure("rasad TimeStage.tag", rasad_fn, rows, repeat=5)]
    if not args.no_dateparser:
        results.append(measure("dateparser.parse", dp_parse(False), rows))
        try:
            results.append(measure("dateparser.parse + Jalali", dp_parse(True), rows))
        except ImportError as e:
            print(f"(dateparser.parse + Jalali skipped: {e})")
        results.append(measure("dateparser search_dates", dp_search, rows))
    print(f"{len(rows)} expressions from {args.tsv}")
    print(f"{'system':30s} {'correct':>8s} {'expr/s':>10s}")
    for name, acc, speed, _ in results:
        print(f"{name:30s} {acc:8.3f} {speed:10.0f}")
    if args.articles:
        texts = [p.read_text(encoding="utf-8") for p in sorted(Path(args.articles).iterdir()) if p.is_file()]
        best = float("inf")
        for _ in range(5):  # CPU time: the machine may be shared
            t0 = time.process_time()
            for text in texts:
                stage.tag(text, anchor=dt.date(2025, 10, 21))
            best = min(best, time.process_time() - t0)
        kb = sum(len(t) for t in texts) / len(texts) / 1000
        print(
            f"articles: {len(texts)} (avg {kb:.1f}k chars): {best / len(texts) * 1000:.2f} ms CPU per article (best of 5)"
        )
    report_timexes(stage, args.peer_misses)
    if args.misses:
        for row, got in results[0][3]:
            print(f"miss: {row.text!r} anchor={row.anchor} expected={row.expected} got={got}")


if __name__ == "__main__":
    main()
