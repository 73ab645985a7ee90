"""CLI commands for positions over time and search by meaning (registered on ``rasad.cli.main``)."""

from __future__ import annotations

from pathlib import Path

import click

from rasad.cli import (
    Table,
    Text,
    _err,
    _jsonl,
    _open,
    _out,
    _read,
    build_pipeline,
    db_option,
    json_option,
    main,
    stages_option,
)

_STANCE_STYLE = {"supports": "green", "opposes": "red", "conditions": "yellow", "neutral": "dim"}


@main.command()
@db_option
@click.option("--actor", default=None, help="English or Persian name, or entity id.")
@click.option("--issue", default=None, help="Issue id (see --list-issues).")
@click.option("--stance", type=click.Choice(["supports", "opposes", "conditions", "neutral"]), default=None)
@click.option("--since", default=None, help="ISO date (inclusive).")
@click.option("--until", default=None, help="ISO date (inclusive).")
@click.option("--changes", is_flag=True, help="Only the positions where the stance changed.")
@click.option("--issues", "issues_file", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A YAML file of more issues (same shape as rasad/data/positions/issues.yaml).")
@click.option("--list-issues", is_flag=True, help="List the known issues and exit.")
@click.option("--propose", is_flag=True, help="Propose recurring stance phrases for the issue lexicon.")
@json_option
def positions(db: str, actor: str | None, issue: str | None, stance: str | None, since: str | None,
              until: str | None, changes: bool, issues_file: Path | None, list_issues: bool, propose: bool,
              as_json: bool) -> None:
    """Where each actor stands on each issue over time, with the statements that show it."""
    from rasad.positions import Lexicon
    from rasad.positions.collect import positions_from_store, propose_issues
    from rasad.store.queries import to_jalali

    lex = Lexicon.load(issues_file)
    if list_issues:
        for iid, label in sorted(lex.labels.items()):
            click.echo(f"{iid}\t{label}\t{', '.join(lex.forms[iid][:6])}")
        return
    with _read(db) as st:
        if propose:
            rows = propose_issues(st, lex)
            if as_json:
                _jsonl(rows)
            else:
                for r in rows:
                    click.echo(f"{r['quotes']}\t{r['phrase']}")
            return
        found = positions_from_store(st, actor=actor, issue=issue, stance=stance, since=since, until=until,
                                     lexicon=lex, changes_only=changes)
    if as_json:
        _jsonl([p.to_dict() for p in found])
        return
    t = Table(title=f"{len(found)} position(s)", title_justify="left")
    for c in ("date", "jalali", "actor", "issue", "stance", "change", "doc", "evidence"):
        t.add_column(c, overflow="fold")
    for p in found:
        t.add_row(p.date or "", to_jalali(p.date) or "", Text(p.actor), p.issue_label,
                  Text(p.stance, style=_STANCE_STYLE.get(p.stance, "")),
                  f"was {p.previous}" if p.changed else "", p.doc, Text(p.evidence[:90]))
    _out().print(t)


@main.command(name="index")
@db_option
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Index at most this many articles.")
@click.option("--batch", type=click.IntRange(min=1), default=16, show_default=True)
def index_cmd(db: str, limit: int | None, batch: int) -> None:
    """Embed the passages of stored articles for search by meaning (rasad search --semantic)."""
    from rasad.semantic import MODEL_NAME, SemanticIndex

    err = _err()
    with _read(db) as st:
        ix = SemanticIndex(st)
        todo = ix.pending() if limit is None else min(limit, ix.pending())
        done = [0]

        def tick(n: int) -> None:
            done[0] += n
            err.print(f"indexed {done[0]}/{todo}", end="\r")

        n = ix.index_pending(batch=batch, limit=limit, progress=tick)
    err.print(f"indexed {n} article(s) with {MODEL_NAME} → {db}")


def semantic_search(db: str, query: str, limit: int, hybrid: bool, as_json: bool) -> None:
    """``rasad search --semantic``: articles by meaning (best passage each), fused with word search."""
    from rasad.semantic import SemanticIndex

    with _read(db) as st:
        ix = SemanticIndex(st)
        pending = ix.pending()
        hits = ix.search(query, limit=limit, hybrid=hybrid)
    if pending:
        _err().print(f"note: {pending} article(s) not indexed yet; run `rasad index`")
    if as_json:
        _jsonl(hits)
        return
    t = Table(title=f"{len(hits)} hit(s) by meaning for {query}", title_justify="left")
    for c in ("id", "published", "title", "similarity", "passage"):
        t.add_column(c, overflow="fold")
    for h in hits:
        t.add_row(str(h["id"]), h.get("published") or "", Text((h.get("title") or "")[:60]),
                  f"{h['similarity']:.3f}", Text((h.get("passage") or "")[:160]))
    _out().print(t)


@main.command(name="export")
@click.argument("kind", type=click.Choice(["events", "timeline", "quotes", "entities", "graph"]))
@db_option
@click.option("--format", "fmt", default=None,
              help="csv or jsonl (all); geojson or timelinejs (timeline); graphml (graph). Default: csv, graphml for graph.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout.")
@click.option("--type", "etype", default=None, help="Event type (events, timeline, graph) or entity type (entities).")
@click.option("--actor", default=None)
@click.option("--status", default=None)
@click.option("--speaker", default=None, help="Quotes of one speaker.")
@click.option("--since", default=None)
@click.option("--until", default=None)
def export_cmd(kind: str, db: str, fmt: str | None, output: Path | None, etype: str | None, actor: str | None,
               status: str | None, speaker: str | None, since: str | None, until: str | None) -> None:
    """Export events, merged events (timeline), quotes, entities or the who-met-whom graph."""
    import sys

    from rasad.export import export, filters_for

    fmt = fmt or ("graphml" if kind == "graph" else "csv")
    filters = filters_for(kind, type=etype, actor=actor, status=status, speaker=speaker, since=since, until=until)
    with _read(db) as st:
        if output is None:
            n = export(st, kind, fmt, sys.stdout, **filters)
        else:
            with output.open("w", encoding="utf-8", newline="") as fh:
                n = export(st, kind, fmt, fh, **filters)
    _err().print(f"exported {n} {kind} row(s) as {fmt}" + (f" → {output}" if output else ""))


@main.command(name="watch")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--every", default="15m", show_default=True, help="How often to poll: 30s, 15m, 1h.")
@click.option("--rounds", type=click.IntRange(min=1), default=None, help="Stop after this many rounds (default: run until stopped).")
@stages_option
def watch_cmd(sources: tuple[str, ...], db: str, every: str, rounds: int | None, stages: str | None) -> None:
    """Poll RSS/Atom feeds, pages (http/https) and folders; ingest new items only.

    Survives feed errors (logged, the round goes on) and restarts (what is stored is skipped).
    """
    import datetime as dt

    from rasad.watch import RoundReport, parse_every, watch

    seconds = parse_every(every)
    pipe = build_pipeline(stages)

    def log(r: RoundReport) -> None:
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        msg = f"{now} round {r.round} {r.source}: added {r.added}, already present {r.present}, failed {r.failed}"
        click.echo(msg + (f" ({r.error})" if r.error else ""), err=True)

    with _open(db) as st:
        try:
            watch(st, sources, pipe, seconds, rounds=rounds, log=log)
        except KeyboardInterrupt:
            click.echo("stopped", err=True)
