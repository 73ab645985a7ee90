"""One syntax stage per test session, and a helper that runs it on a bare sentence."""

from __future__ import annotations

import pytest

from rasad.model import Article
from rasad.syntax import SyntaxStage


@pytest.fixture(scope="session")
def syntax() -> SyntaxStage:
    return SyntaxStage()


@pytest.fixture(scope="session")
def analyse(syntax: SyntaxStage):
    def run(text: str) -> Article:
        return syntax.analyse_text(text)

    return run
