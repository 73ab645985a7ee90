"""The tagger's perceptron: the fast per-word path scores like the plain one."""

from __future__ import annotations

from rasad.syntax.features import context_features
from rasad.syntax.perceptron import Perceptron


def test_predict_split_breaks_ties_towards_the_first_tag() -> None:
    p = Perceptron({"w=x": {"NOUN": 1.0, "ADJ": 1.0}, "t=<s>": {"VERB": 0.5}})
    assert p.tags == ["ADJ", "NOUN", "VERB"]
    assert p.predict_split("x", lambda: ["w=x"], ["t=<s>"]) == "ADJ"


def test_predict_split_adds_the_context_rows_to_the_cached_word_sum() -> None:
    p = Perceptron({"w=x": {"NOUN": 1.0}, "t=DET": {"ADJ": 1.5}, "nc=?": {"NOUN": 0.25}})
    assert p.predict_split("x", lambda: ["w=x"], ["t=<s>", "nc=?"]) == "NOUN"
    assert p.predict_split("x", lambda: ["w=y"], ["t=DET", "nc=?"]) == "ADJ"  # the word's sum is cached
    assert p.predict(["w=x", "t=DET", "nc=?"]) == "ADJ"


def test_predict_context_scores_like_predict_split_with_the_context_features() -> None:
    weights = {
        "w=x": {"NOUN": 0.1, "ADJ": 0.2},
        "t=DET": {"ADJ": 0.3, "NOUN": 0.3},
        "nc=V": {"NOUN": 0.2, "VERB": 0.6},
        "tn=DET|V": {"ADJ": 0.1},
        "tw=DET|x": {"NOUN": 0.1, "VERB": -0.5},
        "tw=<s>|x": {"VERB": 2.0},
    }
    for prev, nc in (("DET", "V"), ("<s>", "V"), ("DET", "?"), ("<s>", "</s>")):
        split = Perceptron(weights).predict_split("x", lambda: ["w=x"], context_features("x", prev, nc))
        assert Perceptron(weights).predict_context("x", lambda: ["w=x"], prev, nc) == split
    p = Perceptron(weights)
    assert p.predict_context("x", lambda: ["w=x"], "DET", "V") == "NOUN"  # 0.1+0.3+0.2+0.1 over 0.2+0.3+0.1
    assert p.predict_context("x", lambda: ["w=x"], "<s>", "V") == "VERB"


def test_rows_form_round_trip_keeps_weights_and_predictions() -> None:
    weights = {"w=x": {"NOUN": 1.0, "ADJ": -0.5}, "t=DET": {"ADJ": 1.5}, "nc=?": {"VERB": 0.25, "NOUN": 0.25}}
    p = Perceptron(weights)
    q = Perceptron.from_rows(*p.rows_form())
    assert q.tags == p.tags and q._rows == p._rows
    for ctx in (["t=<s>"], ["t=DET", "nc=?"], ["nc=?"]):
        assert q.predict_split("x", lambda: ["w=x"], ctx) == p.predict_split("x", lambda: ["w=x"], ctx)
        assert q.predict(["w=x", *ctx]) == p.predict(["w=x", *ctx])
    assert q.weights == weights and list(q.weights["nc=?"]) == ["VERB", "NOUN"]  # the file's order


def test_shipped_tagger_parts_equal_the_model(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The start-up cache's form of the shipped model (through a real cache round trip)."""
    from rasad.syntax import resources
    from rasad.syntax.tagger import Tagger

    monkeypatch.setenv("RASAD_CACHE", str(tmp_path))
    resources.load_tagger_parts.cache_clear()
    try:
        resources.load_tagger_parts()
        resources.load_tagger_parts.cache_clear()
        base, (tags, rows) = resources.load_tagger_parts()  # read back from the file
        assert list(tmp_path.glob("syntax-tagger.*.pkl"))
    finally:
        resources.load_tagger_parts.cache_clear()
    full = resources.load_model()
    assert base == {k: v for k, v in full.items() if k != "weights"}
    fresh = Perceptron(full["weights"])
    assert (tags, rows) == fresh.rows_form()
    assert Perceptron.from_rows(tags, rows).weights == full["weights"]
    words = ["وزیر", "امور", "خارجه", "روز", "دوشنبه", "به", "تهران", "سفر", "کرد", "."]
    assert Tagger().tag(words) == Tagger(model=full).tag(words)
