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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, TypeVar

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


def source_key(name: str, sources: Iterable[Path | str]) -> str:
    """The hex key of ``name`` built from ``sources`` (files hashed by content; folders by
    the names and contents of their files, recursively; a missing path counts as absent)."""
    h = hashlib.sha256()
    h.update(f"{name}\0{_version()}\0{sys.version_info[:2]}\0{pickle.HIGHEST_PROTOCOL}\0".encode())
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
    view = memoryview(blob)  # no copies of a large file's bytes
    digest, body = view[len(_MAGIC) : len(_MAGIC) + 32], view[len(_MAGIC) + 32 :]
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
    import tempfile  # only when writing (with shutil, random, bz2, lzma: not on a cached start)

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


def cached(name: str, sources: Iterable[Path | str], build: Callable[[], T]) -> T:
    """``build()``, or its pickled result from an earlier build of the same sources.

    ``sources`` are every file (or folder) the result depends on, the builder's own
    module included.  Never raises because of the cache: on any cache error the value
    is built (and, when possible, written back).
    """
    folder = cache_dir()
    if folder is None:
        return build()
    try:
        path = folder / f"{_safe_name(name)}.{source_key(name, sources)}.pkl"
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


# --- compiled pattern code, kept across processes --------------------------------
#: entries of the pattern store kept after a write when it grew past this size (used ones first)
_MAX_PATTERNS = 20_000


def _pattern_parts(pattern: str, flags: int) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re.compile`` hands to ``_sre.compile``: the parsed pattern's flags, its code,
    group count and group names (``re._compiler.compile`` without the final step)."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = [int(c) for c in _compiler._code(parsed, flags)]  # plain ints (the opcodes are an int subclass)
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for k, i in groupindex.items():
        indexgroup[i] = k
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


class PatternStore:
    """The compiled code of regular expressions, kept in the cache folder between processes.

    Parsing and compiling the hundreds of large patterns the stages build from their data
    (``re``'s parser is pure Python) was a quarter of ``rasad analyze one.txt``; making a
    pattern from its stored code is a hundred times faster.  An entry is keyed by the
    pattern's text and flags (content-addressed: a changed pattern is a new key, never a
    stale one); the file's name carries rasad's, Python's and ``_sre``'s versions, its body
    is checksummed like every cache file, and ``_sre`` validates the code it is given.  Any
    failure compiles the pattern the ordinary way.  New entries are written when
    :meth:`save` is called (at the latest when the process exits).
    """

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._codes: dict[Path, dict[tuple[str, int], tuple[Any, ...]]] = {}  # per cache folder
        self._used: dict[Path, set[tuple[str, int]]] = {}
        self._dirty: set[Path] = set()
        self._exit_hook = False

    @staticmethod
    def path(folder: Path) -> Path:
        import _sre

        return folder / f"patterns-sre{_sre.MAGIC}.{source_key('patterns', [])}.pkl"

    def _table(self, folder: Path) -> dict[tuple[str, int], tuple[Any, ...]]:
        table = self._codes.get(folder)
        if table is None:
            ok, value = _read(self.path(folder))
            table = value if ok and isinstance(value, dict) else {}
            self._codes[folder] = table
            self._used[folder] = set()
        return table

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        """``re.compile(pattern, flags)``, from the stored code when there is one."""
        flags = int(flags)
        folder = cache_dir()
        if folder is None or not isinstance(pattern, str) or flags & re.DEBUG:
            return re.compile(pattern, flags)
        key = (pattern, flags)
        try:
            with self._lock:
                table = self._table(folder)
                parts = table.get(key)
                self._used[folder].add(key)
            if parts is None:
                parts = _pattern_parts(pattern, flags)
                with self._lock:
                    table[key] = parts
                    self._dirty.add(folder)
                    if not self._exit_hook:
                        import atexit

                        atexit.register(self.save)
                        self._exit_hook = True
            import _sre

            final, code, groups, groupindex, indexgroup = parts
            return _sre.compile(pattern, final, code, groups, groupindex, indexgroup)  # type: ignore[no-any-return]
        except Exception as exc:  # noqa: BLE001 - another Python's internals, bad code: compile as usual
            log.debug("rasad pattern store unusable for %r: %s", pattern[:40], exc)
            return re.compile(pattern, flags)

    def save(self) -> None:
        """Write the folders' new entries (merged with what another process wrote meanwhile)."""
        with self._lock:
            dirty, self._dirty = self._dirty, set()
            jobs = [(f, dict(self._codes[f]), set(self._used[f])) for f in dirty]
        for folder, table, used in jobs:
            try:
                ok, value = _read(self.path(folder))
                if ok and isinstance(value, dict):
                    table = {**value, **table}
                if len(table) > _MAX_PATTERNS:
                    table = {k: v for k, v in table.items() if k in used}
                _write(folder, self.path(folder), table)
            except Exception as exc:  # noqa: BLE001 - read-only home, full disk
                log.debug("rasad pattern store not written in %s: %s", folder, exc)


_STORE = PatternStore()  # the process's one store, like ``re``'s own cache of compiled patterns


def compile_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` through the process's :class:`PatternStore` (same pattern, same matches)."""
    return _STORE.compile(pattern, flags)


def save_patterns() -> None:
    """Write the compiled patterns made so far (also done when the process exits)."""
    _STORE.save()


# --- patterns compiled on first use ------------------------------------------------
_METHODS = ("match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern:
    """A regular expression compiled the first time it is used.

    Stages build hundreds of large patterns from their data (the time grammar's rules, the
    event triggers) but try each only where its anchor word occurs in a text; compiling them
    all at start-up was half of ``rasad analyze one.txt``.  A lazy pattern costs nothing until
    a text needs it, then behaves as the compiled pattern (same matches; thread-safe: a race
    compiles twice, harmlessly)::

        >>> rx = LazyPattern(r"(?P<n>[0-9]+) روز")
        >>> rx.search("۳ روز و 3 روز").group("n")
        '3'
    """

    __slots__ = ("_rx", "flags", "pattern", *_METHODS)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._rx: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        rx = self._rx
        if rx is None:
            rx = compile_pattern(self.pattern, self.flags)
            for name in _METHODS:  # later calls go straight to the compiled pattern's methods
                setattr(self, name, getattr(rx, name))
            self._rx = rx
        return rx

    if TYPE_CHECKING:  # the methods are slots: empty until the first use compiles the pattern

        def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

        def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

        def fullmatch(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None: ...

        def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]: ...

        def findall(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]: ...

        def sub(self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0) -> str: ...

        def subn(
            self, repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0
        ) -> tuple[str, int]: ...

        def split(self, string: str, maxsplit: int = 0) -> list[str | Any]: ...

    else:

        def __getattr__(self, name: str) -> Any:
            """An empty method slot (the pattern not compiled yet): compile, then the method."""
            if name in _METHODS:
                return getattr(self.compiled, name)
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self.flags))  # pickled uncompiled, like a new one

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern[:60]!r}{'...' if len(self.pattern) > 60 else ''})"


Regex: TypeAlias = "re.Pattern[str] | LazyPattern"
"""A compiled or a lazy pattern (the methods both have: search, match, finditer, sub, ...)."""


# --- building a pipeline ---------------------------------------------------------
#: the collector's young-generation threshold while pipelines run (see :func:`building`)
YOUNG_THRESHOLD = 20_000


@contextmanager
def building() -> Iterator[None]:
    """The start-up context of a pipeline build: no garbage collection passes while the
    long-lived resources are made (they hold no garbage cycles; collecting over them again
    and again costs a tenth of the build), and afterwards everything built so far is moved
    out of the collector's reach (``gc.freeze``), so that collections during analysis scan
    only the articles' own objects.  The young generation's threshold is raised to
    :data:`YOUNG_THRESHOLD` (never lowered): analysis makes many short-lived objects and no
    garbage cycles, so the default 700 runs a pass every few hundred tokens (measured on
    new news text: 1.1-1.5 ms of collections per article at 700, 0.2-0.4 ms at 20 000)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        young, middle, old = gc.get_threshold()
        if 0 < young < YOUNG_THRESHOLD:
            gc.set_threshold(YOUNG_THRESHOLD, middle, old)
        if paused:
            gc.enable()
