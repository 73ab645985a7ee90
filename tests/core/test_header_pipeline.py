"""The date header, the pipeline's order, and the output contract's shape."""

from __future__ import annotations

import json

import rasad
from rasad.ingest.header import parse_header
from rasad.pipeline import STAGE_NAMES, default_pipeline


def test_header_forms() -> None:
    assert parse_header(" date 2025-08-16\nمتن") == ("2025-08-16", 17)
    assert parse_header(" date 2025-08-16 متن")[0] == "2025-08-16"
    assert parse_header("\ufeff date 2024-02-29\n")[0] == "2024-02-29"
    assert parse_header(" date 2023-02-30\nمتن") == (None, 0)  # no such day
    assert parse_header("متن بدون سرصفحه") == (None, 0)


def test_pipeline_order_and_disable() -> None:
    p = default_pipeline()
    assert tuple(p.names) == STAGE_NAMES
    assert "events" not in default_pipeline(disable=["events"]).names


def test_contract_shape_and_offsets() -> None:
    raw = " date 2025-01-05\nدیدار در ژنو\n\nدو وزیر روز شنبه در ژنو با یکدیگر دیدار کردند.\nانتهای پیام"
    d = rasad.analyze(raw, doc="t1")
    out = d.to_dict()
    assert list(out)[:7] == ["doc", "published", "title", "timexes", "entities", "quotes", "events"]
    assert out["doc"] == "t1" and out["published"] == "2025-01-05"
    json.dumps(out, ensure_ascii=False)
    assert len(d.offsets) == len(d.text) + 1
    i = d.text.index("ژنو")
    assert d.raw[d.to_raw(i) : d.to_raw(i) + 3] == "ژنو"
    for s in d.sentences:
        assert 0 <= s.start < s.end <= len(d.text)
