"""Small towns of Syria and Iraq (``places_levant.yaml``, generated from GeoNames): a town
name is a place only when the article names the town's country.

Sentences are written for these tests in the style of Persian news (not taken from articles).
"""

from __future__ import annotations

import pytest

from rasad.entities import EntityStage
from rasad.entities.gazetteer import Gazetteer
from rasad.model import Article


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage(use_tagger=False)


def names(stage: EntityStage, text: str) -> dict[str, str]:
    doc = stage(Article(raw=text, text=text, published="2019-10-20"))
    return {e.name: e.type for e in doc.entities}


def test_town_under_its_named_country(stage: EntityStage) -> None:
    text = "درگیری‌ها در شمال سوریه ادامه دارد. شبه‌نظامیان وارد شهرک‌های اخترین و سراقب شدند."
    got = names(stage, text)
    assert got.get("Akhtarin") == "GPE"
    assert got.get("Saraqib") == "GPE"
    assert got.get("Syria") == "GPE"


def test_town_name_without_its_country_is_not_a_place(stage: EntityStage) -> None:
    got = names(stage, "گزارشگر ما از اخترین و سراقب خبر داد که بازار شلوغ بود.")
    assert "Akhtarin" not in got and "Saraqib" not in got


def test_every_levant_town_needs_its_country() -> None:
    gaz = Gazetteer.default()
    towns = [e for e in gaz.entries if e.id.endswith(("-sy", "-iq")) and e.context]
    assert len(towns) >= 100
    for e in towns:
        assert set(e.context) <= {"Q858", "Q796"}, e.id
        assert all(a.needs_context for a in e.aliases if a.kind == "name"), e.id


def test_country_inside_an_organization_confirms_its_town(stage: EntityStage) -> None:
    text = "نیروهای ارتش سوریه پس از درگیری با شبه‌نظامیان وارد شهرک اخترین شدند."
    got = names(stage, text)
    assert got.get("Akhtarin") == "GPE"
    assert got.get("Syria") == "GPE"
