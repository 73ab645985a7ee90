"""A content-addressed on-disk cache of built resources (start-up speed).

A stage that builds something costly from its data files (the gazetteer indexes, the
ZWNJ vocabulary, the tagger's word classes) asks :func:`cached` for it::

    gaz = cached("gazetteer", sources, lambda: Gazetteer.load(DATA_DIR))

The key is a hash of the *bytes* of every source file (the data files and the Python
files of the builder), the resource name, rasad's version and Python's version, so a
changed data file or builder gives a new key and never a stale result.  The value is
pickled into ``$RASAD_CACHE`` (else ``$XDG_CACHE_HOME/rasad``, else ``~/.cache/rasad``),
written atomically (temporary file + rename).  Reading is safe: a missing, truncated or
corrupted file, or any other error, means the builder runs again; the cache never
makes a build fail.  ``RASAD_CACHE=off`` (or ``0``, ``no``, ``false``) turns it off:
everything is built and nothing is written.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)

_OFF = {"off", "0", "no", "false", "none", "disable", "disabled"}
_MAGIC = b"RASADC1\n"
_KEEP = 3  # files per resource name kept after a write (older keys are removed)


def cache_dir() -> Path | None:
    """The cache folder, or ``None`` when caching is off (``RASAD_CACHE=off``)."""
    env = os.environ.get("RASAD_CACHE", "").strip()
    if env.lower() in _OFF:
        return None
    if env:
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "rasad"


def _version() -> str:
    from rasad import __version__

    return __version__


def source_key(name: str, sources: Iterable[Path | str], texts: Iterable[str] = ()) -> str:
    """The hex key of ``name`` built from ``sources`` (files hashed by content; folders by
    the names and contents of their files, recursively; a missing path counts as absent)
    and from ``texts`` (strings the result depends on, e.g. regex patterns)."""
    h = hashlib.sha256()
    h.update(f"{name}\0{_version()}\0{sys.version_info[:2]}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
    for text in texts:
        blob = text.encode("utf-8", "surrogatepass")
        h.update(len(blob).to_bytes(8, "little") + blob)
    for src in sorted({Path(s) for s in sources}):
        files = sorted(p for p in src.rglob("*") if p.is_file()) if src.is_dir() else [src]
        for f in files:
            h.update(str(f).encode("utf-8", "surrogatepass") + b"\0")
            try:
                data = f.read_bytes()
            except OSError:
                data = b"\0missing\0"
            h.update(len(data).to_bytes(8, "little"))
            h.update(data)
    return h.hexdigest()[:32]


def _safe_name(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)


def _read(path: Path) -> tuple[bool, object]:
    try:
        blob = path.read_bytes()
    except OSError:
        return False, None
    if not blob.startswith(_MAGIC):
        return False, None
    body = blob[len(_MAGIC) :]
    digest, body = body[:32], body[32:]
    if len(digest) != 32 or hashlib.sha256(body).digest() != digest:
        return False, None  # truncated or corrupted
    paused = gc.isenabled()
    gc.disable()  # a big object graph unpickles several times faster without collections
    try:
        return True, pickle.loads(body)
    except Exception:  # noqa: BLE001 - any unreadable pickle: rebuild
        return False, None
    finally:
        if paused:
            gc.enable()


def _write(folder: Path, path: Path, value: object) -> None:
    body = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    stale = sorted(folder.glob(path.name.split(".")[0] + ".*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in stale[_KEEP:]:
        old.unlink(missing_ok=True)


def cached(name: str, sources: Iterable[Path | str], build: Callable[[], T], texts: Iterable[str] = ()) -> T:
    """``build()``, or its pickled result from an earlier build of the same sources.

    ``sources`` are every file (or folder) the result depends on, the builder's own
    module included; ``texts`` any strings it depends on besides.  Never raises because
    of the cache: on any cache error the value is built (and, when possible, written back).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{_safe_name(name)}.{source_key(name, sources, texts)}.pkl"
        ok, value = _read(path)
    except Exception as exc:  # noqa: BLE001 - the cache must never break a build
        log.debug("rasad cache unusable for %s: %s", name, exc)
        return build()
    if ok:
        return value  # type: ignore[return-value]
    value = build()
    try:
        _write(folder, path, value)
    except Exception as exc:  # noqa: BLE001 - read-only home, full disk, unpicklable value
        log.debug("rasad cache not written for %s: %s", name, exc)
    return value


def load_yaml(path: Path | str) -> Any:
    """``yaml.safe_load`` of a file, kept in the cache (a fresh object on every call, like
    ``safe_load``): parsing YAML is most of what some stages spend at start-up."""
    import yaml

    p = Path(path)

    def build() -> Any:
        with open(p, encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    return cached(f"yaml{yaml.__version__}-{p.parent.name}-{p.name}", [p], build)


# --- compiled regular expressions -----------------------------------------------
# Compiling a large pattern is Python work in ``re`` (parsing, charset optimization) that
# ends in a list of integer op-codes; from those the C engine ``_sre`` makes the pattern
# object in microseconds.  The cache keeps the op-codes.  They depend only on the
# pattern, the flags and the engine (its MAGIC number and code size, Python's version),
# all in the key; a pattern made from them equals ``re.compile``'s (``==`` compares the
# code).  Anything unexpected (another engine, a damaged entry) means plain ``re.compile``.
_SreForm = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _engine() -> tuple[Any, Any, Any]:
    import importlib

    return (importlib.import_module("_sre"), importlib.import_module("re._parser"),
            importlib.import_module("re._compiler"))


def _sre_form(pattern: str, flags: int) -> _SreForm:
    """What ``re._compiler.compile`` hands to ``_sre.compile`` for ``pattern``."""
    _, parser, compiler = _engine()
    parsed = parser.parse(pattern, flags)
    code = [int(c) for c in compiler._code(parsed, flags)]  # plain ints: op-codes are int subclasses
    groupindex: dict[str, int] = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def compile_patterns(name: str, patterns: Sequence[str], flags: int = 0) -> list[re.Pattern[str]]:
    """``[re.compile(p, flags) for p in patterns]``, with the compiled form of all of them
    kept in the cache under ``name`` (one file; the key is the patterns' text).  For the
    hundreds of large data-built patterns (time grammar, event triggers) that would
    otherwise be compiled again at every start."""
    flags = int(flags)
    pats = list(patterns)
    try:
        sre = _engine()[0]
        engine = f"{sre.MAGIC}.{sre.CODESIZE}.{flags}"
    except Exception:  # noqa: BLE001 - another engine: compile as usual
        return [re.compile(p, flags) for p in pats]
    if cache_dir() is None or flags & re.DEBUG:
        return [re.compile(p, flags) for p in pats]
    forms: list[_SreForm] = cached(f"regex-{name}", [], lambda: [_sre_form(p, flags) for p in pats],
                                   texts=[engine, *pats])
    try:
        if len(forms) != len(pats):
            raise ValueError("entry of another length")
        return [sre.compile(p, *form) for p, form in zip(pats, forms, strict=True)]
    except Exception as exc:  # noqa: BLE001 - a damaged entry: compile as usual
        log.debug("rasad cache: patterns %s compiled again: %s", name, exc)
        return [re.compile(p, flags) for p in pats]


# The many small patterns that stages compile with ``re.compile`` (at import or build)
# go through ``re``'s own cache of compiled patterns (up to ``re._MAXCACHE``, 512): a
# build starts with that cache filled from the "bank" of the last build's patterns, and
# writes the bank again when it compiled patterns the bank did not hold.
_Bank = tuple[Path, dict[tuple[str, int], _SreForm]]


def _re_cache() -> dict[Any, Any] | None:
    found = getattr(re, "_cache", None)
    return found if isinstance(found, dict) else None


def _open_bank() -> _Bank | None:
    """Fill ``re``'s cache from the bank; the bank, or ``None`` (caching off or unusable)."""
    try:
        folder, rcache = cache_dir(), _re_cache()
        if folder is None or rcache is None:
            return None
        sre = _engine()[0]
        path = folder / f"regex-bank.{source_key('regex-bank', [], [f'{sre.MAGIC}.{sre.CODESIZE}'])}.pkl"
        ok, forms = _read(path)
        if not ok or not isinstance(forms, dict):
            forms = {}
        room = int(getattr(re, "_MAXCACHE", 512)) - len(rcache)
        for (pattern, flags), form in list(forms.items())[: max(0, room)]:
            rcache.setdefault((str, pattern, flags), sre.compile(pattern, *form))
        return path, forms
    except Exception as exc:  # noqa: BLE001 - the cache must never break a build
        log.debug("rasad cache: no pattern bank: %s", exc)
        return None


def _close_bank(bank: _Bank) -> None:
    """Write the bank again (the string patterns now in ``re``'s cache) if it lacked some."""
    path, forms = bank
    try:
        rcache = _re_cache() or {}
        keys = [(k[1], k[2]) for k in list(rcache) if isinstance(k, tuple) and len(k) == 3 and k[0] is str
                and isinstance(k[1], str) and type(k[2]) is int and not k[2] & re.DEBUG]
        if all(k in forms for k in keys):
            return
        _write(path.parent, path, {k: forms.get(k) or _sre_form(*k) for k in keys})
    except Exception as exc:  # noqa: BLE001 - read-only home, full disk, another engine
        log.debug("rasad cache: pattern bank not written: %s", exc)


# --- building a pipeline ---------------------------------------------------------
@contextmanager
def building() -> Iterator[None]:
    """The start-up context of a pipeline build: no garbage collection passes while the
    long-lived resources are made (they hold no garbage cycles; collecting over them again
    and again costs a tenth of the build), and afterwards everything built so far is moved
    out of the collector's reach (``gc.freeze``), so that collections during analysis scan
    only the articles' own objects.  The patterns the build compiles come from the pattern
    bank when it has them (see :func:`_open_bank`)."""
    paused = gc.isenabled()
    gc.disable()
    bank = _open_bank()
    try:
        yield
    finally:
        if bank is not None:
            _close_bank(bank)
        gc.freeze()
        if paused:
            gc.enable()
