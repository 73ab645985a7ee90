"""``rasad eval``: scores against gold with the pinned floors (split out of :mod:`rasad.cli`)."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

if TYPE_CHECKING:
    from rasad.cli import Table, _out
else:  # at call time: `python -m rasad.cli` runs that module as __main__, so no import at load time

    def Table(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
        from rasad.cli import Table as _Table

        return _Table(*args, **kwargs)

    def _out() -> Any:
        from rasad.cli import _out as _o

        return _o()


json_option = click.option("--json", "as_json", is_flag=True, help="JSON output (one object per line for lists).")


@click.command(name="eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--system", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="JSON Lines system output to score (default: run the pipeline).")
@click.option("--misses", "category", default=None,
              help="List one category's misses and false items (timexes, entities, quotes, events, speakers, "
                   "status, values); on the development set only its tuning part is listed.")
@click.option("--save", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the system output as JSON Lines here.")
@json_option
def eval_cmd(gold_dir: Path, system: Path | None, category: str | None, save: Path | None, as_json: bool) -> None:
    """Score against gold and check the pinned floors; exit 1 when a score is under its floor.

    On the development set (``shared/eval/dev/gold``) the scores are printed for the whole set, its
    tuning part and its held-out part (fixed split, ``rasad.devset``), with a per-outlet table.
    """
    from rasad.evalreport import evaluate_parts, is_dev, misses
    from rasad.evaluate import check_floors, load_floors

    with contextlib.redirect_stdout(sys.stderr):
        parts, outlets, gold, sysd = evaluate_parts(gold_dir, system)
    if save:
        save.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in sysd.values()), encoding="utf-8")
    if category:
        rows = list(misses(gold, sysd, gold_dir, category))
        if as_json:
            for r in rows:
                click.echo(json.dumps(r, ensure_ascii=False))
        else:
            for r in rows:
                click.echo(f"{r['doc']}\t{r['kind']}\t{r['item']}\t{r['context']}")
            click.echo(f"{len(rows)} row(s)", err=True)
        return
    dev = is_dev(gold_dir)
    sections = {"all": "floors"} if not dev else {"tune": "dev_tune", "heldout": "dev_heldout"}
    failures: list[str] = []
    floors_by_part: dict[str, dict[str, float]] = {}
    for part, section in sections.items():
        fl = load_floors(section)
        floors_by_part[part] = fl
        failures += [f"{part}: {m}" for m in check_floors(parts[part], fl)]
    if as_json:
        click.echo(json.dumps({"scores": parts if dev else parts["all"], "outlets": outlets,
                               "floors": floors_by_part if dev else floors_by_part["all"],
                               "failures": failures}, ensure_ascii=False))
    else:
        _print_eval(gold_dir, parts, outlets, floors_by_part)
    for msg in failures:
        click.echo(f"under floor: {msg}", err=True)
    if failures:
        sys.exit(1)


def _print_eval(gold_dir: Path, parts: dict[str, dict[str, Any]], outlets: dict[str, dict[str, Any]],
                floors_by_part: dict[str, dict[str, float]]) -> None:
    t = Table(title=f"rasad eval {gold_dir} ({parts['all'].get('docs', '?')} docs)", title_justify="left")
    t.add_column("metric")
    cols = list(parts)
    for c in cols:
        t.add_column(f"{c} ({parts[c].get('docs')})", justify="right")
    for c in floors_by_part:
        t.add_column(f"floor {c}" if len(floors_by_part) > 1 else "floor", justify="right")
    t.add_column("")
    for k, v in parts["all"].items():
        if not isinstance(v, (int, float)) or k in ("docs", "missing_docs"):
            continue
        cells = [f"{parts[c][k]:.3f}" for c in cols]
        verdicts = []
        for c, fl in floors_by_part.items():
            f = fl.get(k)
            cells.append("" if f is None else f"{f:.3f}")
            if f is not None:
                verdicts.append(parts[c][k] + 1e-9 >= f)
        verdict = "" if not verdicts else ("[green]PASS[/green]" if all(verdicts) else "[bold red]FAIL[/bold red]")
        t.add_row(k, *cells, verdict)
    _out().print(t)
    if outlets:
        o = Table(title="by outlet", title_justify="left")
        for c in ("outlet", "docs", "timex F1", "value", "entity F1", "quote F1", "speaker", "event F1", "status"):
            o.add_column(c, justify="left" if c == "outlet" else "right")
        for name, s in outlets.items():
            o.add_row(name, str(s["docs"]), *(f"{s[k]:.2f}" for k in (
                "timex_f1", "timex_value_acc", "entity_f1", "quote_f1", "quote_speaker_acc", "event_f1", "event_status_acc")))
        _out().print(o)
