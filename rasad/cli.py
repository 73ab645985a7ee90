"""The ``rasad`` command line: a thin layer over the library.

    $ rasad analyze article.txt > out.jsonl        # JSON Lines only on stdout
    $ rasad ingest corpus/ --db news.db            # progress and summary on stderr
    $ rasad search "رئیس جمهور" --db news.db
    $ rasad timeline --actor "Vladimir Putin"

Library errors (:class:`rasad.errors.RasadError`) become one-line messages on stderr and a
non-zero exit status, never tracebacks.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from rasad import __version__
from rasad.errors import RasadError
from rasad.pipeline import STAGE_NAMES, Pipeline, default_pipeline

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text
else:  # rich is imported on first use: `rasad analyze` starts without it

    def Console(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
        from rich.console import Console as _Console

        return _Console(*args, **kwargs)

    def Table(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
        from rich.table import Table as _Table

        return _Table(*args, **kwargs)

    def Text(*args: Any, **kwargs: Any) -> Any:  # noqa: N802
        from rich.text import Text as _Text

        return _Text(*args, **kwargs)

EXIT_ERROR = 2


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _out() -> Console:
    """Tables on stdout; wide when piped so rows aren't folded into 80 columns."""
    wide = None if sys.stdout.isatty() else 200
    return Console(highlight=False, soft_wrap=False, width=wide)


class RasadGroup(click.Group):
    """Turns library errors into clean one-line messages."""

    def main(  # type: ignore[override]
        self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
        standalone_mode: bool = True, **extra: Any,
    ) -> Any:
        """Usage errors too get the one prefix, ``rasad: error: ...`` (exit status 2)."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as e:
            hint = f" (see '{e.ctx.command_path} --help')" if e.ctx else ""
            click.echo(f"rasad: error: {e.format_message()}{hint}", err=True)
            sys.exit(e.exit_code)
        except click.ClickException as e:
            click.echo(f"rasad: error: {e.format_message()}", err=True)
            sys.exit(e.exit_code)
        except click.exceptions.Abort:
            click.echo("rasad: interrupted", err=True)
            sys.exit(130)
        sys.exit(rv if isinstance(rv, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RasadError as e:
            click.echo(f"rasad: error: {e}", err=True)
            ctx.exit(EXIT_ERROR)
        except click.UsageError:
            raise
        except click.ClickException as e:
            click.echo(f"rasad: error: {e.format_message()}", err=True)
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            click.echo("rasad: interrupted", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            with contextlib.suppress(Exception):
                sys.stdout = open("/dev/null", "w")  # noqa: SIM115
            ctx.exit(0)


def db_option(f: Any) -> Any:
    return click.option(
        "--db", envvar="RASAD_DB", default="rasad.db", show_default=True, show_envvar=True,
        help="SQLite database file.",
    )(f)


def stages_option(f: Any) -> Any:
    return click.option(
        "--stages", default=None, metavar="NAMES",
        help="Comma-separated stages to run (default: all of " + ", ".join(STAGE_NAMES) + ").",
    )(f)


def json_option(f: Any) -> Any:
    return click.option("--json", "as_json", is_flag=True, help="JSON output (one object per line for lists).")(f)


def page_options(f: Any) -> Any:
    f = click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0))(f)
    return click.option("--limit", default=50, show_default=True, type=click.IntRange(min=0))(f)


def build_pipeline(stages: str | None) -> Pipeline:
    """The default pipeline, or only the named stages (in pipeline order)."""
    if not stages:
        return default_pipeline()
    wanted = {s.strip() for s in stages.split(",") if s.strip()}
    unknown = wanted - set(STAGE_NAMES)
    if unknown:
        raise click.BadParameter(f"unknown stage(s): {', '.join(sorted(unknown))}", param_hint="--stages")
    return default_pipeline(disable=[n for n in STAGE_NAMES if n not in wanted])


def _open(db: str, must_exist: bool = False) -> Any:
    from rasad.store import Store

    return Store.open(db, must_exist=must_exist)


def _read(db: str) -> Any:
    """Open a store for reading: a missing database is an error, never a new empty one."""
    return _open(db, must_exist=True)


def _note_dates(since: str | None, until: str | None) -> None:
    """Say on stderr which calendar a Jalali date filter was read in."""
    from rasad.store.finding import understood_dates, understood_note

    und = understood_dates(since, until)
    if any(u["calendar"] == "jalali" for u in und.values()):
        click.echo(f"rasad: note: {understood_note(und)}", err=True)


def _of(n: int, total: int, offset: int) -> str:
    """``1-50 of 411`` (or ``411`` when the page holds them all)."""
    if n == total and offset == 0:
        return f"{total:,}"
    return f"{offset + 1 if n else offset}-{offset + n} of {total:,}" if n else f"0 of {total:,}"


def _jsonl(rows: list[dict[str, Any]]) -> None:
    for r in rows:
        click.echo(json.dumps(r, ensure_ascii=False))


@click.group(cls=RasadGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="rasad")
def main() -> None:
    """rasad (رصد): reads Persian news and turns it into a sourced, dated record."""


# --- analyze -------------------------------------------------------------------
def _inputs(paths: tuple[str, ...]) -> Iterator[Any]:
    from rasad.ingest import iter_inputs
    from rasad.model import Article

    urls: set[str] = set()
    if any(":" in p for p in paths):  # only a path with a scheme may be a URL: else no urllib import
        from rasad.ingest.fetch import is_url

        urls = {p for p in paths if p != "-" and is_url(p)}
    files = [p for p in paths if p != "-" and p not in urls]
    for p in paths:
        if p == "-":
            yield Article(raw=sys.stdin.read(), doc="stdin")
        elif p in urls:
            from rasad.ingest.fetch import fetch_url

            yield from fetch_url(p)
    if files:
        yield from iter_inputs(files)


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="json", show_default=True)
@stages_option
@click.option("-q", "--quiet", is_flag=True, help="No progress display on stderr.")
def analyze(paths: tuple[str, ...], fmt: str, stages: str | None, quiet: bool) -> None:
    """Analyze files or folders (- = stdin) and print JSON Lines, one article per line.

    Nothing but the JSON Lines goes to stdout; failures are reported on stderr and the
    other inputs go on.  Exit status 1 when no input could be analyzed.
    """
    from rasad.model import Article

    pipe = build_pipeline(stages)
    err = _LazyConsole()  # rich is imported only if something is printed on stderr
    out = sys.stdout
    ok = failed = 0
    with _progress(err, "analyzing", quiet or fmt == "table") as progress:
        task = progress.add_task("analyze", total=None, added=0, failed=0)
        for item in _inputs(paths):
            progress.advance(task)
            if not isinstance(item, Article):
                failed += 1
                progress.update(task, failed=failed)
                err.print(Text(f"failed {item}"))
                continue
            try:
                with contextlib.redirect_stdout(sys.stderr):  # keep stdout pure even if a stage prints
                    doc = pipe(item)
            except Exception as e:  # one article's failure never stops the others
                failed += 1
                progress.update(task, failed=failed)
                err.print(Text(f"failed {item.doc or item.path}: analysis error: {type(e).__name__}: {e}"))
                continue
            ok += 1
            progress.update(task, added=ok)
            if fmt == "json":
                out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")
                out.flush()
            else:
                _print_doc_table(doc.to_dict())
    if failed or not ok:
        click.echo(f"analyzed {ok}, failed {failed}", err=True)
    if not ok:
        sys.exit(1)


def _print_doc_table(d: dict[str, Any]) -> None:
    con = _out()
    con.rule(Text(f"{d.get('doc') or ''}  {d.get('title') or ''}  {d.get('published') or ''}"))
    for key, cols in (
        ("timexes", ("text", "type", "value")),
        ("entities", ("name", "type", "id", "label_fa")),
        ("quotes", ("speaker", "kind", "text", "date")),
        ("events", ("type", "mode", "actors", "location", "date", "status")),
    ):
        rows = d.get(key) or []
        if not rows:
            continue
        t = Table(title=f"{key} ({len(rows)})", title_justify="left")
        for c in cols:
            t.add_column(c, overflow="fold")
        for r in rows:
            t.add_row(*(Text(_cell(r.get(c))) for c in cols))
        con.print(t)


def _cell(v: Any, width: int = 90) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        v = ", ".join(str(x) for x in v)
    s = str(v)
    return s if len(s) <= width else s[: width - 1] + "…"


class _LazyConsole:
    """The stderr console, made (and rich imported) on first use."""

    def __init__(self) -> None:
        self._console: Console | None = None

    def __getattr__(self, name: str) -> Any:
        if self._console is None:
            self._console = _err()
        return getattr(self._console, name)


class _NoProgress:
    """What a disabled progress display does (nothing), without importing rich."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None

    def update(self, *args: Any, **kwargs: Any) -> None:
        return None


def _progress(console: Console | _LazyConsole, label: str, disable: bool) -> Any:
    """A transient progress line on stderr: count, successes, failures, elapsed time."""
    if disable:
        return _NoProgress()
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    if isinstance(console, _LazyConsole):
        console = _err()
    return Progress(
        SpinnerColumn(), TextColumn(label), BarColumn(bar_width=None),
        TextColumn("{task.completed} articles · {task.fields[added]} done · {task.fields[failed]} failed"),
        TimeElapsedColumn(), console=console, transient=True, disable=disable,
    )


# --- ingest --------------------------------------------------------------------
def _estimate_total(paths: tuple[str, ...]) -> int | None:
    """How many articles the inputs hold (a file is one, a JSON Lines file one per line); None for stdin."""
    from rasad.ingest import _walk

    total = 0
    for p in paths:
        if p == "-" or p.startswith(("http://", "https://")):
            return None
        path = Path(p)
        for f in (_walk(path) if path.is_dir() else [path] if path.is_file() else []):
            if f.suffix.lower() in (".jsonl", ".ndjson"):
                with open(f, "rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            else:
                total += 1
    return total


def _ingest_progress(console: Console, disable: bool) -> Any:
    """Progress on stderr with the total and the time left."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("ingesting"), BarColumn(bar_width=None), MofNCompleteColumn(),
        TextColumn("· {task.fields[added]} added · {task.fields[failed]} failed ·"),
        TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(), console=console, transient=True,
        disable=disable,
    )


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@stages_option
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[str, ...], db: str, stages: str | None, quiet: bool) -> None:
    """Analyze files, folders or web pages and feeds (http/https) and store them (idempotent: known
    content is skipped).

    Exit status 0 when anything was processed, 1 when nothing could be read.
    """
    from rasad.store.batch import IngestSummary, ingest_items

    pipe = build_pipeline(stages)
    err = _err()
    summary = IngestSummary()
    failures: list[tuple[str, str]] = []
    with _open(db) as st:
        total = None if quiet else _estimate_total(paths)
        with _ingest_progress(err, quiet) as progress, contextlib.redirect_stdout(sys.stderr):
            task = progress.add_task("ingest", total=total, added=0, failed=0)
            for r in ingest_items(st, _inputs(paths), pipe):
                summary.count(r)
                if r.status == "failed":
                    failures.append((r.name, r.reason or "failed"))
                progress.update(task, advance=1, added=summary.added, failed=summary.failed)
    if failures:
        err.print(f"[bold red]{len(failures)} failed:[/bold red]")
        for name, reason in failures:
            err.print(Text(f"  {name}: {reason}"))
    err.print(
        f"added {summary.added}, already present {summary.present}, failed {summary.failed}"
        f" ({summary.chars:,} characters) → {db}"
    )
    if summary.processed == 0:
        sys.exit(1)


# --- store queries -------------------------------------------------------------
@main.command()
@click.argument("ident")
@db_option
@json_option
@click.option("--full", is_flag=True, help="The whole text (not cut at 600 characters); with --json also raw.")
def show(ident: str, db: str, as_json: bool, full: bool) -> None:
    """Show one stored article by id (or by document name)."""
    from rasad.errors import QueryError

    with _read(db) as st:
        aid = int(ident) if ident.isdigit() else st.find_doc(ident)
        art = st.article(aid) if aid is not None else None
    if art is None:
        raise QueryError(f"no article {ident!r} in {db}")
    if as_json:
        if not full:
            art.pop("raw", None)
        click.echo(json.dumps(art, ensure_ascii=False))
        return
    con = _out()
    con.print(Text(f"#{art['id']}  {art.get('title') or '(untitled)'}", style="bold"))
    meta = [f"{k}: {art[k]}" for k in ("doc", "published", "source", "byline", "url", "path") if art.get(k)]
    if art.get("story_id"):
        meta.append(f"near copy of article #{art['story_id']}")
    con.print(Text("  ".join(meta), style="dim"))
    con.print(Text(art.get("text") or "" if full else _cell(art.get("text"), 600)))
    result = dict(art["result"])
    result["entities"] = [
        {**e, "mentions": [m["text"] for m in e["mentions"]]} for e in art["entities"]
    ]
    result["doc"], result["title"], result["published"] = "", "", ""
    _print_doc_table(result)


@main.command()
@click.argument("query")
@db_option
@json_option
@page_options
@click.option("--semantic", is_flag=True, help="Search by meaning (English or Persian), fused with word search;"
              " needs `rasad index` first.")
@click.option("--meaning-only", is_flag=True, help="With --semantic: rank by meaning alone.")
def search(query: str, db: str, as_json: bool, limit: int, offset: int, semantic: bool, meaning_only: bool) -> None:
    """Full-text search: words (میشود also finds می‌شود), "a phrase", OR, -excluded, prefix*."""
    if semantic:
        from rasad.cli_analyst import semantic_search

        semantic_search(db, query, limit or 10, hybrid=not meaning_only, as_json=as_json)
        return
    with _read(db) as st:
        hits = st.search(query, limit=limit, offset=offset)
        total = st.count_search(query)
    if as_json:
        _jsonl(hits)
        return
    t = Table(title=f"{_of(len(hits), total, offset)} hit(s) for {query}", title_justify="left")
    for c in ("id", "published", "title", "snippet"):
        t.add_column(c, overflow="fold")
    for h in hits:
        snip = Text(h["snippet_text"])
        for s, e in h["highlights"]:
            snip.stylize("bold yellow", s, e)
        t.add_row(str(h["id"]), h.get("published") or "", Text(_cell(h.get("title"), 60)), snip)
    _out().print(t)


@main.command()
@db_option
@json_option
def stats(db: str, as_json: bool) -> None:
    """Counts of what the store holds."""
    with _read(db) as st:
        s = st.stats()
    if as_json:
        click.echo(json.dumps(s, ensure_ascii=False))
        return
    t = Table(title=f"rasad store {db}", title_justify="left")
    t.add_column("what")
    t.add_column("count", justify="right")
    for k in ("articles", "entities", "mentions", "timexes", "quotes", "events", "merged_events"):
        t.add_row(k, f"{s[k]:,}")
    t.add_row("published", f"{s['first_published'] or '-'} … {s['last_published'] or '-'}")
    t.add_row("db size", f"{s['db_bytes'] / 1e6:.1f} MB")
    for k, v in s["event_types"].items():
        t.add_row(f"events: {k}", f"{v:,}")
    for k, v in list(s["sources"].items())[:10]:
        t.add_row(Text(f"source: {k or '(unknown)'}"), f"{v:,}")
    _out().print(t)


def _date_opts(f: Any) -> Any:
    f = click.option("--until", default=None, metavar="DATE",
                     help="Up to this date (inclusive): Gregorian 2025-10-21 or Jalali 1404-07-29 / 1404/07.")(f)
    return click.option("--since", default=None, metavar="DATE",
                        help="From this date (inclusive): Gregorian 2025-10-21 or Jalali 1404-07-01 / 1404/07.")(f)


@main.command()
@click.option("--speaker", default=None,
              help="Any name of the speaker: English, Persian, surname, alias or entity id.")
@_date_opts
@db_option
@json_option
@page_options
def quotes(speaker: str | None, since: str | None, until: str | None, db: str, as_json: bool,
           limit: int, offset: int) -> None:
    """Stored quotes, newest first."""
    _note_dates(since, until)
    with _read(db) as st:
        rows = st.quotes(speaker=speaker, since=since, until=until, limit=limit, offset=offset)
        total = st.count_quotes(speaker=speaker, since=since, until=until)
    if as_json:
        _jsonl(rows)
        return
    t = Table(title=f"{_of(len(rows), total, offset)} quote(s)", title_justify="left")
    for c in ("date", "speaker", "kind", "text", "article"):
        t.add_column(c, overflow="fold")
    for q in rows:
        t.add_row(q.get("date") or q.get("published") or "", Text(q["speaker"]), q.get("kind") or "",
                  Text(_cell(q["text"], 200)), str(q["article_id"]))
    _out().print(t)


@main.command()
@click.option("--type", "etype", default=None, help="POLECAT type, e.g. CONSULT.")
@click.option("--actor", default=None, help="Any name of the actor: English, Persian, surname, alias or entity id.")
@click.option("--status", default=None, help="occurred, ongoing, planned, proposed, denied, cancelled.")
@_date_opts
@db_option
@json_option
@page_options
def events(etype: str | None, actor: str | None, status: str | None, since: str | None, until: str | None,
           db: str, as_json: bool, limit: int, offset: int) -> None:
    """Event reports of single articles, newest first (merged events: see timeline)."""
    _note_dates(since, until)
    with _read(db) as st:
        rows = st.events(type=etype, actor=actor, status=status, since=since, until=until,
                         limit=limit, offset=offset)
        total = st.count_events(type=etype, actor=actor, status=status, since=since, until=until)
    if as_json:
        _jsonl(rows)
        return
    t = Table(title=f"{_of(len(rows), total, offset)} event report(s)", title_justify="left")
    for c in ("id", "date", "type", "actors", "location", "status", "article", "merged"):
        t.add_column(c, overflow="fold")
    for e in rows:
        t.add_row(str(e["id"]), e.get("date") or "", e["type"], Text(", ".join(e["actors"])),
                  Text(e.get("location") or ""),
                  e.get("status") or "", str(e["article_id"]), str(e.get("merged_id") or ""))
    _out().print(t)


@main.command()
@click.option("--actor", default=None, help="Any name of the actor: English, Persian, surname, alias or entity id.")
@click.option("--type", "etype", default=None, help="POLECAT type, e.g. CONSULT.")
@click.option("--status", default=None, help="Current status of the merged event, e.g. cancelled.")
@_date_opts
@db_option
@json_option
@click.option("--limit", default=500, show_default=True, type=click.IntRange(min=0))
@click.option("--offset", default=0, show_default=True, type=click.IntRange(min=0),
              help="Skip this many events from the chosen end.")
@click.option("--oldest-first", is_flag=True, help="Page from the oldest events (default: the newest).")
def timeline(actor: str | None, etype: str | None, status: str | None, since: str | None,
             until: str | None, db: str, as_json: bool, limit: int, offset: int, oldest_first: bool) -> None:
    """Merged events with Jalali and Gregorian dates, status and sources.

    --limit takes the newest events (--oldest-first: the oldest); they are listed in date order.
    A status is shown as "contested" where the reports disagree (see `rasad event ID`).
    """
    _note_dates(since, until)
    with _read(db) as st:
        rows = st.timeline(actor=actor, type=etype, status=status, since=since, until=until, limit=limit,
                           offset=offset, newest=not oldest_first)
        total = st.count_timeline(actor=actor, type=etype, status=status, since=since, until=until)
    if not oldest_first:
        rows.reverse()
    if as_json:
        _jsonl(rows)
        return
    end = "oldest" if oldest_first else "newest"
    t = Table(title=f"timeline: {_of(len(rows), total, offset)} event(s) ({end} first picked; in date order)",
              title_justify="left")
    for c in ("id", "date", "jalali", "type", "actors", "location", "status", "history", "sources"):
        t.add_column(c, overflow="fold")
    for m in rows:
        t.add_row(str(m["id"]), m.get("date") or f"({m.get('when') or '?'})",
                  m.get("date_jalali") or m.get("when_jalali") or "",
                  m["type"] + (f"/{m['mode']}" if m.get("mode") else ""), Text(", ".join(m["actors"])),
                  Text(m.get("location") or ""), _state(m), _hist(m), _sources(m))
    _out().print(t)


def _state(m: dict[str, Any]) -> str:
    if not m.get("contested"):
        return m.get("status") or ""
    says = sorted({c.get("status") or "?" for c in m.get("claims") or []})
    return f"contested ({' / '.join(says)})"


def _hist(m: dict[str, Any]) -> str:
    return " → ".join(dict.fromkeys(h.get("status") or "?" for h in m["history"]))


def _sources(m: dict[str, Any]) -> str:
    """``3`` (independent stories), or ``3 (31 articles)`` when copies of one story were folded."""
    n, arts = m.get("sources"), m.get("articles")
    return f"{n} ({arts} articles)" if arts is not None and arts != n else str(n)


@main.command(name="event")
@click.argument("event_id", type=click.IntRange(min=1))
@db_option
@json_option
def event_cmd(event_id: int, db: str, as_json: bool) -> None:
    """One merged event: its reports (who says what), statuses and sources."""
    from rasad.errors import QueryError

    with _read(db) as st:
        m = st.merged_event(event_id)
        if m is None:
            raise QueryError(f"no event {event_id} in {db} (ids are in the first column of `rasad timeline`)")
        arts = {a: st.article(a) for a in m.get("reports") or []}
    outlet = {a: (art or {}).get("source") for a, art in arts.items()}
    title = {a: (art or {}).get("title") for a, art in arts.items()}
    if as_json:
        click.echo(json.dumps(m, ensure_ascii=False))
        return
    con = _out()
    con.print(Text(f"event {m['id']}  {m['type']}{'/' + m['mode'] if m.get('mode') else ''}  "
                   f"{', '.join(m['actors'])}", style="bold"))
    meta = [f"date: {m.get('date') or '?'} ({m.get('date_jalali') or '-'})", f"status: {_state(m)}",
            f"sources: {_sources(m)}"]
    if m.get("location"):
        meta.append(f"location: {m['location']}")
    con.print(Text("  ".join(meta)))
    t = Table(title=f"{len(m['history'])} report(s)", title_justify="left")
    for c in ("published", "status", "date", "outlet", "article", "title"):
        t.add_column(c, overflow="fold")
    for h in m["history"]:
        a = h.get("article_id")
        t.add_row(h.get("published") or "", h.get("status") or "", h.get("date") or "", Text(outlet.get(a) or ""),
                  str(a or ""), Text(_cell(title.get(a) or h.get("doc"), 60)))
    con.print(t)


# --- eval, migrate, serve ----------------------------------------------------------
@main.command()
@db_option
def migrate(db: str) -> None:
    """Apply the store's pending migrations (also done automatically on open)."""
    from rasad.store import Store

    with Store.open(db, migrate=False) as st:
        done = st.migrate()
        names = [m["name"] for m in st.migrations()]
    if done:
        click.echo(f"applied {len(done)} migration(s): {', '.join(done)}", err=True)
    else:
        click.echo(f"up to date ({len(names)} migrations: {', '.join(names)})", err=True)


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Server processes (reads scale with the cores).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also accept requests for this host name (repeatable); loopback names always are. "
                   "Needed with --host 0.0.0.0.")
def serve(db: str, host: str, port: int, workers: int, allow_hosts: tuple[str, ...]) -> None:
    """Serve the HTTP API and web UI over the store."""
    try:
        from rasad.api.server import serve as run_server
    except ImportError as e:
        raise click.ClickException(f"the web API is not available: {e}") from e

    _open(db).close()  # fail early, cleanly, on a bad database
    run_server(db, host, port, workers, allow_hosts)


from rasad.cli_eval import eval_cmd  # noqa: E402  (registered here; it uses the helpers above)

main.add_command(eval_cmd)

if __name__ == "__main__":  # pragma: no cover
    main()


# commands of their own modules, registered on the group
from rasad import cli_analyst  # noqa: E402,F401
