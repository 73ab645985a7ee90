"""Keeping the store current: poll feeds, pages and folders, ingest what is new.

Each round reads every source and ingests its items; an item whose content is already stored
is skipped (the store is idempotent by content hash), so a restart, a repeated poll or two
feeds carrying one story never store anything twice. A source that fails (a refused connection,
an HTTP error, a malformed feed) is logged and the round goes on with the next one.

    >>> parse_every("15m"), parse_every("90s"), parse_every("1h"), parse_every("2.5")
    (900.0, 90.0, 3600.0, 2.5)
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from rasad.errors import RasadError

_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|hr)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "hr": 3600}


def parse_every(text: str) -> float:
    """``30s``, ``15m``, ``1h`` or plain seconds → seconds."""
    m = _EVERY.match(text or "")
    if not m or float(m.group(1)) <= 0:
        raise RasadError(f"--every must be a positive duration like 30s, 15m or 1h (got {text!r})")
    return float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()]


@dataclass
class RoundReport:
    round: int
    source: str
    added: int = 0
    present: int = 0
    failed: int = 0
    error: str | None = None


def items_of(source: str) -> Iterator[Any]:
    """The raw articles (or failures) of one source: an http(s) address, a file or a folder."""
    from rasad.ingest import iter_inputs
    from rasad.ingest.fetch import fetch_url, is_url

    if is_url(source):
        yield from fetch_url(source)
    else:
        yield from iter_inputs([source])


def watch(store: Any, sources: Iterable[str], pipeline: Any, every: float, rounds: int | None = None,
          log: Callable[[RoundReport], None] = lambda r: None,
          sleep: Callable[[float], None] = time.sleep) -> list[RoundReport]:
    """Poll ``sources`` every ``every`` seconds (``rounds`` times, or until interrupted)."""
    from rasad.store.batch import ingest_items

    srcs = list(sources)
    done: list[RoundReport] = []
    n = 0
    while rounds is None or n < rounds:
        n += 1
        started = time.monotonic()
        for src in srcs:
            rep = RoundReport(n, src)
            try:
                for r in ingest_items(store, items_of(src), pipeline):
                    setattr(rep, r.status, getattr(rep, r.status) + 1)
                    if r.status == "failed" and rep.error is None:
                        rep.error = r.reason
            except Exception as e:  # one bad source never stops the watch
                rep.error = f"{type(e).__name__}: {e}"
            done.append(rep)
            log(rep)
        if rounds is not None and n >= rounds:
            break
        sleep(max(0.0, every - (time.monotonic() - started)))
    return done
