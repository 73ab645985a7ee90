"""A fresh install gets every runtime dependency: pyproject declares them, requirements.lock pins them all.

The real check (a new ``python3.11 -m venv`` with its own pip, ``pip install .``, ingest an HTML
file) is too slow for the suite; these tests keep the files it relies on consistent.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest

from rasad.ingest import Failure, read_bytes

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?==([^\s;#]+)")


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _lock() -> dict[str, str]:
    pins: dict[str, str] = {}
    for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = PIN.match(line)
        assert m, f"not an exact pin: {line!r}"
        pins[_norm(m.group(1))] = m.group(3)
    return pins


def test_every_declared_dependency_is_locked_at_its_pin() -> None:
    proj = _pyproject()["project"]
    lock = _lock()
    declared = list(proj["dependencies"]) + [d for extra in proj["optional-dependencies"].values() for d in extra]
    for dep in declared:
        m = PIN.match(dep)
        assert m, f"pyproject dependency not pinned exactly: {dep}"
        assert lock.get(_norm(m.group(1))) == m.group(3), f"{dep} vs lock {lock.get(_norm(m.group(1)))}"


def test_html_needs_are_declared() -> None:
    """trafilatura → justext → lxml.html.clean, a separate package since lxml 5.2: declared, not assumed."""
    names = {_norm(PIN.match(d).group(1)) for d in _pyproject()["project"]["dependencies"]}  # type: ignore[union-attr]
    assert {"lxml", "lxml-html-clean", "trafilatura", "feedparser", "starlette"} <= names
    assert "lxml-html-clean" in _lock()


def test_lock_covers_what_is_installed_for_the_imports() -> None:
    """Every distribution the runtime imports resolve to is pinned (checked on this environment)."""
    from importlib.metadata import PackageNotFoundError, requires

    lock = _lock()
    todo = [_norm(PIN.match(d).group(1)) for d in _pyproject()["project"]["dependencies"]]  # type: ignore[union-attr]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        assert name in lock, f"{name} is needed at run time but not in requirements.lock"
        try:
            reqs = requires(name) or []
        except PackageNotFoundError:
            continue
        for r in reqs:
            if "extra ==" in r:
                continue
            m = re.match(r"[A-Za-z0-9._-]+", r)
            if m and ("sys_platform" not in r and "platform_system" not in r and "python_version" not in r):
                todo.append(_norm(m.group(0)))


def test_make_installs_from_the_lock() -> None:
    mk = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("install:", "install-dev:"):
        body = mk.split("\n" + target, 1)[1].split("\n\n", 1)[0]
        assert "-c $(LOCK)" in body, target
    assert "\nlock:" in mk and "uv pip compile" in mk


def test_html_reader_fails_one_file_when_its_parser_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import trafilatura → ImportError
    page = "<html><body><article><p>" + "متن خبر درباره نشست وزیران. " * 5 + "</p></article></body></html>"
    (item,) = read_bytes(page.encode("utf-8"), "page.html")
    assert isinstance(item, Failure) and "parser unavailable" in item.reason


def test_feed_reader_fails_one_file_when_its_parser_cannot_be_imported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "feedparser", None)
    (item,) = read_bytes(b"<rss><channel><item><title>t</title><description>x</description></item></channel></rss>",
                         "f.xml")
    assert isinstance(item, Failure) and "parser unavailable" in item.reason
