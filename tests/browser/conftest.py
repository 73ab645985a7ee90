"""A live server (uvicorn on a free loopback port, in a thread) and a headless Debian Chromium.

The store holds the five real seeds (../shared/seeds, analyzed by the current pipeline) and
the hand-written sample articles of ``tests/api/api_samples.py`` (which carry events, quotes
and dates whatever the state of the stages).  Skips with a reason when ../shared or
/usr/bin/chromium is absent.  Screenshots go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import serving

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "api"))

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = HERE.parent / "artifacts"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_db(
    shared_dir: Path, tmp_path_factory: pytest.TempPathFactory, pipeline
) -> tuple[Path, dict[str, int]]:
    from api_samples import fill_db

    import rasad
    from rasad.store import Store

    path = tmp_path_factory.mktemp("browser") / "browser.db"
    ids = fill_db(path, n_filler=3)
    with Store.open(path) as st:
        for seed in sorted((shared_dir / "seeds").glob("*.txt")):
            art = rasad.Article(raw=seed.read_text(encoding="utf-8"), doc=seed.stem, path=str(seed))
            ids[seed.stem] = st.add(pipeline(art))[0]
    return path, ids


@pytest.fixture(scope="session")
def server(browser_db: tuple[Path, dict[str, int]]) -> Iterator[str]:
    from rasad.api import create_app

    with serving(create_app(browser_db[0])) as port:
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server: str) -> Iterator[object]:
    """A fresh page; fails the test on any JavaScript error or any request off the loopback server."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fa-IR")
    pg = ctx.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # a 400 or 404 answer (a bad search, a name that matches nothing: the page explains) is logged by
    # Chromium; it is not a JS error
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" and not re.search(r"status of 40[04]", m.text) else None)
    pg.on("request", lambda r: None if r.url.startswith(server) else foreign.append(r.url))
    pg.base = server  # type: ignore[attr-defined]
    yield pg
    ctx.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not foreign, f"requests left the local server: {foreign}"


@pytest.fixture(scope="session")
def shots() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
