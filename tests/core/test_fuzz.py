"""Bounded fuzzing: every reader and every stage, fed random and hostile input, returns or fails cleanly.

A reader yields articles or :class:`Failure` records and never raises; a stage returns the article
with its spans inside the text.  ``max_examples`` is kept small so the suite stays fast; hypothesis
keeps the failing examples it finds in its database for the next run.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasad.ingest import Failure, read_bytes
from rasad.model import Article
from rasad.pipeline import STAGE_NAMES

FUZZ = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PERSIAN = (
    "ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیيكىۀةئأآ۰۱۲۳۴۵۶۷۸۹0123456789"
    " \t\n\r\u00a0\u200c\u200d\u200f\u00ad\u0640\u064b.،؛:!؟?«»()[]/-\"'…<>&;"
)
WORDS = ["وزیر", "امور", "خارجه", "گفت", "که", "«", "»", ":", ".", "روز", "دوشنبه", "۱۴۰۳/۱۲/۰۹", "۲۵", "مهر",
         "ترامپ", "پوتین", "تهران", "دیدار", "کرد", "نشست", "برگزار", "شد", "تکذیب", "خبرگزاری", "\n", "date",
         "2025-10-21", "ساعت", "۱۶:۳۰", "افزود", "به", "گزارش"]

persian_text = st.text(alphabet=PERSIAN, max_size=400)
news_like = st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join)
any_text = st.one_of(persian_text, news_like, st.text(max_size=200))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | any_text,
    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.sampled_from(
        ["text", "body", "title", "date", "published", "url", "source", "id", "x"]), kids, max_size=5),
    max_leaves=12,
)


def _check_reader(data: bytes, name: str) -> None:
    for item in read_bytes(data, name):
        assert isinstance(item, Article | Failure)
        if isinstance(item, Failure):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.raw.strip()
            item.raw.encode("utf-8")  # no lone surrogates reach the store


@FUZZ
@given(st.binary(max_size=600))
@pytest.mark.parametrize("name", ["a.txt", "a.jsonl", "a.json", "a.html", "a.xml", "noext"])
def test_readers_on_random_bytes(name: str, data: bytes) -> None:
    _check_reader(data, name)


@FUZZ
@given(st.lists(json_values, max_size=5))
def test_jsonl_reader_on_random_records(values: list) -> None:
    _check_reader("\n".join(json.dumps(v) for v in values).encode("utf-8"), "a.jsonl")


@FUZZ
@given(json_values)
def test_json_reader_on_random_values(value) -> None:
    _check_reader(json.dumps(value).encode("utf-8"), "a.json")


@FUZZ
@given(st.lists(any_text, min_size=1, max_size=4))
def test_html_reader_on_random_pages(paras: list[str]) -> None:
    page = "<html><head><title>t</title></head><body><article>" + "".join(
        f"<p>{p}</p>" for p in paras) + "</article></body></html>"
    _check_reader(page.encode("utf-8"), "a.html")


@FUZZ
@given(st.lists(st.tuples(any_text, any_text), min_size=1, max_size=4))
def test_feed_reader_on_random_entries(entries: list[tuple[str, str]]) -> None:
    from xml.sax.saxutils import escape

    items = "".join(f"<item><title>{escape(t)}</title><description>{escape(d)}</description></item>"
                    for t, d in entries)
    _check_reader(f"<?xml version='1.0'?><rss><channel><title>f</title>{items}</channel></rss>".encode(), "a.xml")


@FUZZ
@given(st.one_of(persian_text, news_like))
@pytest.mark.parametrize("upto", STAGE_NAMES)
def test_each_stage_on_random_text(pipeline, upto: str, text: str) -> None:
    """Stages run in order up to ``upto``; the output of that stage keeps its spans inside the text."""
    doc = Article(raw=text)
    for stage in pipeline.stages:
        doc = stage(doc)
        if stage.name == upto:
            break
    n = len(doc.text)
    assert len(doc.offsets) in (0, n + 1)
    for s in doc.sentences:
        assert 0 <= s.start <= s.end <= n
    for t in doc.timexes:
        assert 0 <= t.start <= t.end <= n
    for q in doc.quotes:
        assert 0 <= q.start <= q.end <= n
    json.dumps(doc.to_dict(), ensure_ascii=False)
