"""Loaders for the syntax layer's data files (pure, cached with ``lru_cache``).

* ``rasad/data/syntax/morphology.yaml`` -- verb morphology, modals, clause markers, prepositions;
* ``rasad/data/syntax/lvc_nouns.tsv`` -- nominal/light-verb pairs from UD ``compound:lvc``;
* ``rasad/data/syntax/stems_ud.tsv`` and ``rasad/data/vocab/verbs_fa.tsv`` -- verb stems;
* ``rasad/data/models/syntax_tagger.json.gz`` -- the tagger (``scripts/train_syntax.py``).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from rasad.syntax.features import fold

DATA = Path(__file__).resolve().parent.parent / "data"
SYNTAX_DIR = DATA / "syntax"
MODEL_PATH = DATA / "models" / "syntax_tagger.json.gz"


@lru_cache(maxsize=4)
def load_morphology() -> dict[str, Any]:
    from rasad.cache import load_yaml  # start-up cache of the parsed file

    data = load_yaml(SYNTAX_DIR / "morphology.yaml") or {}
    if not isinstance(data, dict):
        raise ValueError("morphology.yaml: expected a mapping")
    return data


def _tsv(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        rows.append(line.split("\t"))
    return rows


@lru_cache(maxsize=2)
def load_stems() -> tuple[tuple[str, str], ...]:
    """``(past, present)`` stem pairs: hazm's list plus the stems seen in UD."""
    pairs = []
    for path in (DATA / "vocab" / "verbs_fa.tsv", SYNTAX_DIR / "stems_ud.tsv"):
        for row in _tsv(path):
            if len(row) == 2 and row[0] and row[1]:
                pairs.append((fold(row[0]), fold(row[1])))
    return tuple(pairs)


@lru_cache(maxsize=2)
def load_lvc(min_count: int = 1) -> frozenset[tuple[str, str]]:
    """``(nominal, light verb past stem)`` pairs seen at least ``min_count`` times."""
    return frozenset(
        (fold(r[0]), fold(r[1])) for r in _tsv(SYNTAX_DIR / "lvc_nouns.tsv") if int(r[2]) >= min_count
    )


@lru_cache(maxsize=2)
def load_model(path: str = str(MODEL_PATH)) -> dict[str, Any]:
    from rasad.cache import cached  # start-up cache of the parsed model

    def read() -> Any:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)

    data = cached("syntax-model", [Path(path), Path(__file__)], read)
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a mapping")
    return data


@lru_cache(maxsize=2)
def load_tagger_parts(path: str = str(MODEL_PATH)) -> tuple[dict[str, Any], Any]:
    """The model without its perceptron weights, and the perceptron in its fast form
    (:meth:`~rasad.syntax.perceptron.Perceptron.rows_form`): what :class:`~rasad.syntax.tagger.Tagger`
    reads, kept in the start-up cache as such (the tables a tagger would derive from the
    weights are not made again at every start)."""
    from rasad.cache import cached
    from rasad.syntax import perceptron

    def build() -> tuple[dict[str, Any], Any]:
        data = dict(load_model(path))
        weights = data.pop("weights")
        return data, perceptron.Perceptron(weights).rows_form()

    return cached(  # type: ignore[no-any-return]
        "syntax-tagger", [Path(path), Path(__file__), Path(perceptron.__file__)], build
    )
