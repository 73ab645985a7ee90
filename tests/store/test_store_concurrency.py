"""Several processes opening one new store at the same moment: every one must succeed."""

from __future__ import annotations

import multiprocessing as mp
from pathlib import Path

import pytest

from rasad.store import Store
from rasad.store.schema import MIGRATIONS

PROCESSES = 8
ROUNDS = 6


def _open(path: str, start: mp.synchronize.Event, out: mp.Queue) -> None:  # type: ignore[type-arg]
    start.wait(10)
    try:
        with Store.open(path) as st:
            out.put(("ok", len(st.migrations())))
    except Exception as e:  # noqa: BLE001 - reported to the test
        out.put(("error", f"{type(e).__name__}: {e}"))


@pytest.mark.parametrize("round_", range(ROUNDS))
def test_concurrent_first_open_of_a_new_store(tmp_path: Path, round_: int) -> None:
    ctx = mp.get_context("fork")
    start, out = ctx.Event(), ctx.Queue()
    path = str(tmp_path / f"new-{round_}.db")
    procs = [ctx.Process(target=_open, args=(path, start, out)) for _ in range(PROCESSES)]
    for p in procs:
        p.start()
    start.set()
    results = [out.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(30)
    assert [r for r in results if r[0] != "ok"] == []
    assert {r[1] for r in results} == {len(MIGRATIONS)}
    with Store.open(path) as st:
        assert [m["name"] for m in st.migrations()] == [name for name, _ in MIGRATIONS]
        assert st.migrate() == []
