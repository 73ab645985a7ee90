"""Every stage costs time linear in its input: a pathological input of size n costs at most 6× the time
of one of size n/4 (linear is 4×, quadratic 16×).

Each case times (CPU time, so other jobs on the machine do not count) the best of a few runs of the stage alone, on an input prepared by the stages before it.
The time/metadata and events cases live with their owners' tests.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from cpu_time import best_cpu

from rasad.model import Article

RATIO = 6.0
SLACK = 0.005  # seconds of CPU: timer noise on inputs that take almost nothing


def assert_linear(run: Callable[[int], Callable[[], object]], n: int) -> None:
    """``run(size)`` prepares an input of that size and returns the call to time."""
    small, big = run(n // 4), run(n)
    t_small, t_big = best_cpu(small), best_cpu(big)
    if t_big > RATIO * t_small + SLACK:  # a loaded machine: measure once more before judging
        t_small, t_big = best_cpu(small, 5), best_cpu(big, 5)
    assert t_big <= RATIO * t_small + SLACK, f"n={n}: {t_big:.3f}s vs n/4: {t_small:.3f}s ({t_big / t_small:.1f}×)"


# --- pathological inputs, each a function of its size in characters ---------------------------
PATHOLOGICAL: dict[str, Callable[[int], str]] = {
    "dots": lambda n: "." * n,
    "punctuation mix": lambda n: "،؛!؟:)»" * (n // 7),
    "guillemets": lambda n: "«" * (n // 2) + "»" * (n // 2),
    "dots between letters": lambda n: "خبر..." * (n // 6),
    "spaces": lambda n: "الف" + " " * n + "ب",
    "zwnj run": lambda n: "می" + "\u200c" * n + "رود",
    "one huge sentence": lambda n: "وزیر امور خارجه روز دوشنبه در دیدار با همتای خود گفت که " * (n // 56),
    "many repeated names": lambda n: "دونالد ترامپ و ولادیمیر پوتین و عباس عراقچی " * (n // 44) + ".",
    "many short lines": lambda n: "خبر کوتاه.\n" * (n // 11),
    "many quotes": lambda n: "او گفت: «ما آماده‌ایم.» " * (n // 24),
    "repeated dates": lambda n: "۱۲ مهر ۱۴۰۳ و " * (n // 14),  # مهر: a month and an outlet's name
}


# one sentence with no full stop that repeats a reported clause or a quotation (issue 13): the
# quotes stage (each reported clause runs to the sentence's end) and the syntax stage (each clause
# looks for its parent among the clauses before it) at 4× the sizes above
STOPLESS: dict[str, Callable[[int], str]] = {
    "reported clauses": lambda n: "وزیر امور خارجه روز دوشنبه در دیدار با همتای خود گفت که " * (n // 56),
    "announced clauses": lambda n: "سخنگوی دولت روز سه‌شنبه در نشست خبری اعلام کرد که " * (n // 50),
    "quoted clauses": lambda n: "وزیر گفت: «ما با آنها دیدار می‌کنیم و به هر حمله‌ای پاسخ می‌دهیم» و " * (n // 66),
}


@pytest.fixture(scope="module")
def stages():
    from rasad.pipeline import default_pipeline

    return default_pipeline(disable=["events"]).stages


def _stage_call(stages, name: str, text: str) -> Callable[[], object]:
    doc = Article(raw=text)
    for s in stages:
        if s.name == name:
            break
        doc = s(doc)
    target = next(s for s in stages if s.name == name)
    raw_state = doc

    def call() -> object:
        d = Article(raw=raw_state.raw, text=raw_state.text, offsets=list(raw_state.offsets),
                    sentences=list(raw_state.sentences), meta=dict(raw_state.meta),
                    published=raw_state.published, timexes=list(raw_state.timexes),
                    entities=list(raw_state.entities))
        return target(d)

    return call


def test_forty_thousand_dots_normalize_fast() -> None:
    from rasad.normalize import Normalizer

    norm = Normalizer()
    assert best_cpu(lambda: norm(Article(raw="." * 40_000)), runs=1) < 1.0


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_normalize_is_linear(stages, case: str) -> None:
    assert_linear(lambda n: _stage_call(stages, "normalize", PATHOLOGICAL[case](n)), 40_000)


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_entities_are_linear(stages, case: str) -> None:
    assert_linear(lambda n: _stage_call(stages, "entities", PATHOLOGICAL[case](n)), 20_000)


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_quotes_are_linear(stages, case: str) -> None:
    assert_linear(lambda n: _stage_call(stages, "quotes", PATHOLOGICAL[case](n)), 20_000)


# --- readers --------------------------------------------------------------------------------
def _jsonl(n: int) -> str:
    return "\n".join(json.dumps({"id": i, "text": "متن خبر " + "." * 20}, ensure_ascii=False) for i in range(n // 40))


def _feed(n: int) -> str:
    items = "".join(f"<item><title>عنوان {i}</title><description>&lt;p&gt;متن خبر&lt;/p&gt;</description></item>"
                    for i in range(n // 100))
    return f'<?xml version="1.0" encoding="utf-8"?><rss><channel><title>t</title>{items}</channel></rss>'


READER_INPUTS: dict[str, tuple[str, Callable[[int], str], int]] = {
    "jsonl many lines": ("x.jsonl", _jsonl, 400_000),
    "jsonl one line of dots": ("x.jsonl", lambda n: json.dumps({"text": "." * n}), 400_000),
    "json nested lists": ("x.json", lambda n: json.dumps({"text": "خبر", "tags": [[["x"]] * (n // 10)]}), 400_000),
    "txt dots": ("x.txt", lambda n: " date 2025-01-01\n" + "." * n, 400_000),
    "feed many entries": ("x.xml", _feed, 100_000),
    "html many paragraphs": ("x.html", lambda n: "<html><body><article>" + "".join(
        f"<p>بند {i} از متن خبر درباره نشست وزیران.</p>" for i in range(n // 45)) + "</article></body></html>", 100_000),
}


@pytest.mark.parametrize("case", sorted(READER_INPUTS))
def test_readers_are_linear(case: str) -> None:
    from rasad.ingest import read_bytes

    name, make, n = READER_INPUTS[case]
    assert_linear(lambda k: (lambda data=make(k).encode("utf-8"): list(read_bytes(data, name))), n)


@pytest.mark.parametrize("case", sorted(STOPLESS))
def test_syntax_is_linear_in_one_stopless_sentence(stages, case: str) -> None:
    assert_linear(lambda n: _stage_call(stages, "syntax", STOPLESS[case](n)), 160_000)


@pytest.mark.parametrize("case", sorted(STOPLESS))
def test_quotes_are_linear_in_one_stopless_sentence(stages, case: str) -> None:
    assert_linear(lambda n: _stage_call(stages, "quotes", STOPLESS[case](n)), 160_000)
