"""The learned actor chooser (``rasad/events/actor_model.py``): its model file, its
decision rule and its features on sentences written for these tests."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rasad.events import EventStage
from rasad.events.actor_model import MODEL, ActorModel, DocContext, Option, decide, load_model, options
from rasad.model import Article

RULE = {"threshold": 0.5, "max_actors": 2, "min_joint": 2, "fill": True, "margin": 0.0}


def test_model_file_is_well_formed() -> None:
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    for part in (data["actors"], data["keep"]):
        assert len(part["vocab"]) == len(part["w"]) > 0
        assert sorted(part["vocab"].values()) == list(range(len(part["w"])))
    assert {"threshold", "max_actors", "min_joint", "fill", "margin"} <= set(data["rule"])
    assert isinstance(data["enabled"], bool) and isinstance(data["keep"]["enabled"], bool)
    # switched on only with a cross-validated gain over the rules
    assert data["enabled"] == (data["cv"]["model_f1"] >= data["cv"]["rules_f1"] + 0.01)
    if not data["enabled"] and not data["keep"]["enabled"]:
        assert load_model() is None  # nothing to run: the rules' output is unchanged


def _opts(ruled: list[bool]) -> list[Option]:
    return [Option((f"A{i}", None), [], 0 if r else None, i) for i, r in enumerate(ruled)]


def test_decide_threshold_cap_and_joint_minimum() -> None:
    opts = _opts([True, False, False])
    assert decide([0.9, 0.8, 0.7], opts, "REQUEST", RULE) == [0, 1]  # at most two
    assert decide([0.9, 0.2, 0.1], opts, "REQUEST", RULE) is None  # the rules' own choice
    assert decide([0.2, 0.9, 0.1], opts, "REQUEST", RULE) == [1]
    # a meeting has two sides: the second best fills up
    assert decide([0.9, 0.3, 0.1], _opts([True, True, False]), "CONSULT", RULE) is None
    assert decide([0.9, 0.1, 0.3], _opts([True, True, False]), "CONSULT", RULE) == [0, 2]
    # a margin keeps the rules unless the model's set is much likelier
    assert decide([0.9, 0.1, 0.55], opts, "REQUEST", {**RULE, "margin": 3.0}) is None


@pytest.fixture(scope="module")
def analysed() -> tuple[Article, EventStage]:
    from rasad.pipeline import default_pipeline

    text = (
        "وزیر خارجه کویت روز یکشنبه در ریاض با همتای سعودی خود دیدار کرد.\n"
        "وی همچنین از اتحادیه اروپا خواست به تعهدات خود عمل کند."
    )
    doc = default_pipeline(disable=("events",))(Article(raw=text, published="2026-11-29"))
    stage = EventStage()
    stage.actor_model = None
    return doc, stage


def test_options_cover_the_rules_choice(analysed: tuple[Article, EventStage]) -> None:
    doc, stage = analysed
    found = stage.find(doc)
    assert found
    ctx = DocContext.build(doc, stage.grammar.resolver)
    for f in found:
        opts = options(ctx, f)
        names = {o.actor[0] for o in opts}
        assert {a[0] for a in f.actors} <= names  # the rules' actors are always candidates
        for o in opts:
            assert f"type:{f.type}" in o.feats and "__bias__" in o.feats
            assert (o.rule_rank is not None) == (o.actor[0] in {a[0] for a in f.actors})


def test_choose_replaces_actors_with_candidates(analysed: tuple[Article, EventStage]) -> None:
    doc, stage = analysed
    found = stage.find(doc)
    allowed = {o.actor[0] for f in found for o in options(DocContext.build(doc, stage.grammar.resolver), f)}
    weights: dict[str, Any] = {"vocab": {"rule:none": 0, "__bias__": 1}, "w": [5.0, -5.0]}
    model = ActorModel({"enabled": True, "actors": weights, "rule": {**RULE, "min_joint": 1, "fill": False}})
    chosen = model.choose(doc, found, stage.grammar.resolver)
    assert chosen
    for f in chosen:  # the model may only choose among the candidates
        assert f.actors and {a[0] for a in f.actors} <= allowed
