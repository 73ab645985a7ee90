"""People and organizations the raw corpus names most (people_corpus.yaml, orgs_corpus.yaml).

Sentences are written for these tests in the style of Persian news (not taken from articles).
"""

from __future__ import annotations

import pytest
import yaml

from rasad.entities import EntityStage
from rasad.entities.features import load_gazetteer_words
from rasad.entities.gazetteer import DATA_DIR
from rasad.model import Article


@pytest.fixture(scope="module")
def stage() -> EntityStage:
    return EntityStage()  # gazetteer and tagger, as the pipeline runs them


def names(stage: EntityStage, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = stage(Article(raw=text, text=text, published="2020-02-10"))
    return {e.name: (e.type, [m.text for m in e.mentions]) for e in doc.entities}


def test_foreign_footballer_and_surname(stage: EntityStage) -> None:
    got = names(
        stage,
        "ادینسون کاوانی مهاجم اروگوئه‌ای در بازی شب گذشته دو گل زد و کاوانی پس از بازی گفت از نتیجه راضی است.",
    )
    assert got["Edinson Cavani"][0] == "PER"
    assert "کاوانی" in got["Edinson Cavani"][1]
    assert not any(n.startswith("Edinson K") for n in got)  # no letter-by-letter romanization


def test_film_director_and_actor(stage: EntityStage) -> None:
    got = names(stage, "فیلم تازه اصغر فرهادی با بازی پرویز پرستویی در جشنواره‌ای در اروپا نمایش داده شد.")
    assert got["Asghar Farhadi"][0] == "PER"
    assert got["Parviz Parastui"][0] == "PER"


def test_imams_by_honorific(stage: EntityStage) -> None:
    got = names(stage, "سخنران مراسم از سیره امام صادق و امام موسی کاظم سخن گفت.")
    assert got["Ja'far al-Sadiq"][0] == "PER"
    assert got["Musa al-Kazim"][0] == "PER"


def test_universities_and_company(stage: EntityStage) -> None:
    got = names(
        stage,
        "پژوهشگران دانشگاه جان هاپکینز گزارش دادند که شرکت هواپیمایی لوفت‌هانزا پروازهایش را از سر گرفته است.",
    )
    assert got["Johns Hopkins University"][0] == "ORG"
    assert got["Lufthansa"][0] == "ORG"


def test_variant_order_of_an_existing_person(stage: EntityStage) -> None:
    got = names(stage, "آبه شینزو در توکیو به خبرنگاران گفت دولت او برای مهار بیماری آماده است.")
    assert got["Shinzo Abe"][0] == "PER"


@pytest.mark.parametrize("fname", ["people_corpus.yaml", "orgs_corpus.yaml"])
def test_files_stay_out_of_tagger_features(fname: str) -> None:
    """The committed CRF was trained before these files: their words are no tagger features."""
    data = yaml.safe_load((DATA_DIR / fname).read_text(encoding="utf-8"))
    assert data["tagger_features"] is False
    assert len(data["entries"]) >= 25
    assert "ایبراهیموویچ" not in load_gazetteer_words(DATA_DIR)
