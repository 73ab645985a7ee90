"""Fixtures for the API tests: a temp store filled with hand-written articles, and a TestClient."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_samples import LOCAL, fill_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    path = tmp_path_factory.mktemp("api") / "sample.db"
    return path, fill_db(path)


@pytest.fixture(scope="session")
def ids(sample_db: tuple[Path, dict[str, int]]) -> dict[str, int]:
    return sample_db[1]


@pytest.fixture(scope="session")
def client(sample_db: tuple[Path, dict[str, int]]) -> Iterator[TestClient]:
    from rasad.api import create_app

    with TestClient(create_app(sample_db[0]), base_url=LOCAL) as c:
        yield c


@pytest.fixture()
def fresh_client(tmp_path: Path, pipeline) -> Iterator[TestClient]:
    """A client over an empty store of its own, for tests that write (small body limit)."""
    from rasad.api import create_app

    with TestClient(create_app(tmp_path / "fresh.db", max_body=64 * 1024, pipeline=pipeline), base_url=LOCAL) as c:
        yield c
