"""The tagger's perceptron: the fast per-word path scores like the plain one."""

from __future__ import annotations

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
