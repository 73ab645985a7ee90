"""Error classes found on unannotated raw news, as table-driven checks of the whole
pipeline on sentences written for these tests (``raw_news_traps.yaml``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rasad.pipeline import analyze

HERE = Path(__file__).parent
with open(HERE / "raw_news_traps.yaml", encoding="utf-8") as fh:
    RECORDS: list[dict[str, Any]] = list(yaml.safe_load(fh))


def test_records_well_formed() -> None:
    assert len({r["id"] for r in RECORDS}) == len(RECORDS)
    assert all(("none" in r) or ("expect" in r) for r in RECORDS)


@pytest.mark.parametrize("record", RECORDS, ids=[r["id"] for r in RECORDS])
def test_record(record: dict[str, Any]) -> None:
    art = analyze(f"عنوان خبر\n\n{record['text']}", published="2024-05-01")
    got = [(e.type, e.actors) for e in art.events]
    for etype in record.get("none") or []:
        assert all(t != etype for t, _ in got), got
    for etype, actors in record.get("expect") or []:
        assert any(t == etype and set(a) == set(actors) for t, a in got), got
    if "count" in record:
        assert len(got) == record["count"], got
