"""CLI tests reuse the session's pipeline instead of loading every resource per command."""

from __future__ import annotations

from collections.abc import Iterable

import pytest

from rasad.pipeline import Pipeline


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch: pytest.MonkeyPatch, pipeline: Pipeline) -> None:
    def build(disable: Iterable[str] = ()) -> Pipeline:
        return pipeline.without(*disable)

    monkeypatch.setattr("rasad.cli.default_pipeline", build)
