"""The start-up cache (rasad.cache): reused on the second build, rebuilt when damaged,
keyed by the data's bytes, off with RASAD_CACHE=off; a cached pipeline gives the same output."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from rasad import cache

ROOT = Path(__file__).resolve().parents[2]


class Builder:
    def __init__(self, value: object) -> None:
        self.value = value
        self.calls = 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


@pytest.fixture()
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("RASAD_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "lexicon.yaml"
    f.write_text("words: [تهران, مسکو]\n", encoding="utf-8")
    return f


def _files(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "cache").glob("*.pkl"))


def test_second_build_reads_the_cache(data: Path) -> None:
    first = Builder({"تهران": ["GPE"], "n": (1, 2)})
    assert cache.cached("lex", [data], first) == {"تهران": ["GPE"], "n": (1, 2)}
    second = Builder("never used")
    assert cache.cached("lex", [data], second) == {"تهران": ["GPE"], "n": (1, 2)}
    assert (first.calls, second.calls) == (1, 0)


@pytest.mark.parametrize("damage", ["truncate", "flip", "garbage", "empty"])
def test_damaged_file_is_rebuilt(data: Path, damage: str) -> None:
    cache.cached("lex", [data], Builder(list(range(1000))))
    (path,) = _files(data.parent)
    blob = path.read_bytes()
    if damage == "truncate":
        path.write_bytes(blob[: len(blob) // 2])
    elif damage == "flip":
        path.write_bytes(blob[:-5] + bytes([blob[-5] ^ 0xFF]) + blob[-4:])
    elif damage == "garbage":
        path.write_bytes(b"not a cache file at all")
    else:
        path.write_bytes(b"")
    again = Builder([1, 2, 3])
    assert cache.cached("lex", [data], again) == [1, 2, 3]
    assert again.calls == 1
    assert cache.cached("lex", [data], Builder("x")) == [1, 2, 3]  # rewritten and read back


def test_changed_data_gives_a_new_key(data: Path) -> None:
    key = cache.source_key("lex", [data])
    assert cache.source_key("lex", [data]) == key
    assert cache.source_key("other", [data]) != key
    cache.cached("lex", [data], Builder("old"))
    data.write_text("words: [تهران, مسکو, پکن]\n", encoding="utf-8")
    assert cache.source_key("lex", [data]) != key
    fresh = Builder("new")
    assert cache.cached("lex", [data], fresh) == "new" and fresh.calls == 1


def test_folder_sources_hash_their_files(data: Path) -> None:
    key = cache.source_key("dir", [data.parent / "lexicon.yaml", data.parent])
    (data.parent / "more.tsv").write_text("a\tb\n", encoding="utf-8")
    assert cache.source_key("dir", [data.parent / "lexicon.yaml", data.parent]) != key


def test_off_builds_without_writing(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASAD_CACHE", "off")
    assert cache.cache_dir() is None
    b = Builder("v")
    assert cache.cached("lex", [data], b) == "v"
    assert cache.cached("lex", [data], b) == "v"
    assert b.calls == 2
    assert not (data.parent / "cache").exists()


def test_unwritable_folder_still_builds(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = data.parent / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("RASAD_CACHE", str(blocker / "sub"))  # a folder below a file
    b = Builder(7)
    assert cache.cached("lex", [data], b) == 7 and b.calls == 1


def test_load_yaml_matches_safe_load(data: Path) -> None:
    import yaml

    want = yaml.safe_load(data.read_text(encoding="utf-8"))
    first = cache.load_yaml(data)
    first["words"].append("mutated")  # callers get a fresh object, as with safe_load
    assert cache.load_yaml(data) == want


def test_default_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("RASAD_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache.cache_dir() == tmp_path / "rasad"


_ARTICLES = [
    " date 2025-10-21\nتهران - سید عباس عراقچی، وزیر امور خارجه ایران روز دوشنبه در گفت‌وگو با خبرنگاران"
    " گفت: «مذاکرات با سه کشور اروپایی هفته آینده در ژنو ادامه خواهد یافت.»",
    " date 2025-09-03\nسخنگوی وزارت خارجه روسیه اعلام کرد مسکو حملات پهپادی به خاک خود را محکوم می‌کند"
    " و ولادیمیر پوتین دیروز با رئیس‌جمهور چین دیدار کرد.",
    " date 2025-06-14\nبه گزارش خبرگزاری ایرنا، ارتش اسرائیل بامداد امروز چند منطقه در جنوب لبنان را"
    " بمباران کرد و دست‌کم سه نفر کشته شدند؛ حزب‌الله هنوز واکنشی نشان نداده است.",
]

_SCRIPT = """
import json, sys
from rasad.model import Article
from rasad.pipeline import default_pipeline
p = default_pipeline()
texts = json.loads(sys.stdin.read())
print(json.dumps([p(Article(raw=t, doc=f"d{i}")).to_dict() for i, t in enumerate(texts)], ensure_ascii=False))
"""


def _run(env_cache: str) -> str:
    import json

    out = subprocess.run(
        [sys.executable, "-c", _SCRIPT], input=json.dumps(_ARTICLES), cwd=ROOT, capture_output=True, text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "RASAD_CACHE": env_cache, "HOME": "/nonexistent"},
        timeout=120, check=True,
    )
    return out.stdout


def test_cached_pipeline_gives_the_same_output(tmp_path: Path) -> None:
    """Cold (builds every resource, as with RASAD_CACHE=off, and writes the cache), then
    warm (reads every resource back): the same to_dict()."""
    cold = _run(str(tmp_path / "c"))
    assert list((tmp_path / "c").glob("gazetteer.*.pkl"))
    warm = _run(str(tmp_path / "c"))
    assert cold == warm
    plain = cold
    assert '"entities"' in plain


_PATTERNS = [
    (r"(?P<d>[۰-۹\d]{1,2})\s*(?P<m>فروردین|اردیبهشت|خرداد)(?:\s+(?P<y>\d{4}))?", 0),
    (r"(?<![\w\u200c])(?:گفت|افزود|اعلام\s+کرد)(?![\w\u200c])", 0),
    (r"^\s*date\s+(\S+)", 8),  # re.MULTILINE
]


def _fresh(p: str, flags: int):  # type: ignore[no-untyped-def]
    import re

    re.purge()
    return re.compile(p, flags)


def test_building_restores_gc_and_re(data: Path) -> None:
    import gc
    from re import _compiler  # type: ignore[attr-defined]

    original = _compiler.compile
    assert gc.isenabled()
    with cache.building():
        assert not gc.isenabled()
    assert gc.isenabled() and _compiler.compile is original
    with pytest.raises(ValueError), cache.building():
        raise ValueError("a failed build")
    assert gc.isenabled() and _compiler.compile is original


def test_lazy_pattern_compiles_on_first_use_and_matches_like_re() -> None:
    import re

    for p, flags in _PATTERNS:
        lazy = cache.LazyPattern(p, flags)
        assert lazy._rx is None and lazy.pattern == p  # nothing compiled yet
        rx = re.compile(p, flags)
        text = "date 2025-10-21\nروز ۱۲ خرداد ۱۴۰۴ وزیر گفت که مذاکرات ادامه دارد و 3 اردیبهشت اعلام کرد"
        assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in rx.finditer(text)]
        assert lazy._rx is not None and lazy.compiled is lazy.compiled  # compiled once, then kept
        for pos in (0, 5, 17):
            a, b = lazy.match(text, pos), rx.match(text, pos)
            assert (a and a.span()) == (b and b.span())
            a, b = lazy.search(text, pos), rx.search(text, pos)
            assert (a and a.groupdict()) == (b and b.groupdict())
        assert lazy.findall(text) == rx.findall(text) and lazy.sub("#", text) == rx.sub("#", text)
        assert lazy.split(text) == rx.split(text) and lazy.subn("#", text, 2) == rx.subn("#", text, 2)


def test_grammars_compile_only_the_patterns_a_text_needs() -> None:
    from rasad.events.resources import TriggerFinder, load_triggers
    from rasad.time import TimeStage

    grammar = TimeStage().grammar
    assert all(p._rx is None for p, _, _ in grammar.patterns)
    grammar.atoms("روز دوشنبه")
    used = sum(p._rx is not None for p, _, _ in grammar.patterns)
    assert 0 < used < len(grammar.patterns)
    finder = TriggerFinder(load_triggers()[0])
    assert all(p._rx is None for p in finder.patterns)
    finder.find("وزیر امور خارجه با همتای روسی خود دیدار کرد")
    assert 0 < sum(p._rx is not None for p in finder.patterns) < len(finder.patterns)


def test_building_raises_the_young_gc_threshold_never_lowers_it() -> None:
    import gc

    saved = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        with cache.building():
            pass
        assert gc.get_threshold() == (cache.YOUNG_THRESHOLD, 10, 10)
        gc.set_threshold(cache.YOUNG_THRESHOLD * 2, 5, 5)
        with cache.building():
            pass
        assert gc.get_threshold() == (cache.YOUNG_THRESHOLD * 2, 5, 5)
    finally:
        gc.set_threshold(*saved)


def test_event_stage_compiles_no_pattern_until_a_text_needs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The event grammar's patterns (compile_fa and the modules' own) are LazyPatterns: building
    the stage compiles none, a pattern compiles when first used."""
    import re
    from re import _compiler  # type: ignore[attr-defined]

    from rasad.events import EventStage
    from rasad.events.resources import compile_fa

    EventStage()  # data files read and cached, helper modules imported: not what is counted
    re.purge()  # a pattern compiled again must not come from re's own cache
    compiled: list[str] = []
    real = _compiler.compile

    def counting(p: str, flags: int = 0) -> object:
        compiled.append(p)
        return real(p, flags)

    monkeypatch.setattr(_compiler, "compile", counting)
    stage = EventStage()
    assert compiled == []
    rx = compile_fa("تماس تلفنی", bounded=True)
    assert rx._rx is None and rx.search("در تماس  تلفنی گفت") is not None and rx._rx is not None
    assert stage.grammar.fact._after_rx._rx is None  # the largest one (every status cue)


# --- the pattern store: compiled code kept between processes -------------------------
_STORE_PATTERNS = [
    (r"(?P<day>[۰-۹0-9]{1,2})\s+(?P<month>فروردین|اردیبهشت|خرداد)", 0),
    (r"\b(?:وزیر|سخنگوی)\s+\w+", 0),
    (r"^\s*date\s+(\S+)", 8),  # re.MULTILINE
    (r"(?i)tehran|مسکو", 0),
    (r"(?:^|(?<=\s))(?:رئیس\u200cجمهور|رئیس جمهور)(?=\s|$)", 0),
]


def test_pattern_store_round_trip_gives_the_same_patterns(data: Path) -> None:
    import re

    text = "date 2025-10-21\nروز ۱۲ خرداد وزیر خارجه و سخنگوی دولت از Tehran و مسکو؛ رئیس\u200cجمهور گفت"
    first = cache.PatternStore()
    made = [first.compile(p, f) for p, f in _STORE_PATTERNS]
    assert _files(data.parent) == []  # written on save (or at exit), not on every compile
    first.save()
    (path,) = _files(data.parent)
    assert path.name.startswith("patterns-")
    second = cache.PatternStore()  # as a new process: every pattern read back from the file
    again = [second.compile(p, f) for p, f in _STORE_PATTERNS]
    second.save()  # nothing new: nothing written
    assert _files(data.parent) == [path]
    for (p, f), a, b in zip(_STORE_PATTERNS, made, again, strict=True):
        rx = _fresh(p, f)
        assert a == rx and b == rx  # equal patterns: same text, flags and compiled code
        assert (b.flags, b.groups, b.groupindex) == (rx.flags, rx.groups, rx.groupindex)
        assert [m.groupdict() or m.span() for m in b.finditer(text)] == [
            m.groupdict() or m.span() for m in rx.finditer(text)
        ]
        assert isinstance(b, re.Pattern)


def test_pattern_store_damaged_or_off_compiles_as_usual(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p, f = _STORE_PATTERNS[0]
    store = cache.PatternStore()
    store.compile(p, f)
    store.save()
    (path,) = _files(data.parent)
    path.write_bytes(path.read_bytes()[:-7])  # truncated
    assert cache.PatternStore().compile(p, f) == _fresh(p, f)
    monkeypatch.setenv("RASAD_CACHE", "off")
    off = cache.PatternStore()
    assert off.compile(p, f) == _fresh(p, f)
    off.save()
    assert _files(data.parent) == [path]  # off: nothing written


def test_pattern_store_rejects_bad_code_and_compiles_as_usual(data: Path) -> None:
    p, f = _STORE_PATTERNS[1]
    store = cache.PatternStore()
    store.compile(p, f)
    store.save()
    (path,) = _files(data.parent)
    table = pickle.loads(path.read_bytes()[len(cache._MAGIC) + 32 :])
    final, code, groups, groupindex, indexgroup = table[(p, f)]
    table[(p, f)] = (final, [999_999, *code[1:]], groups, groupindex, indexgroup)  # not SRE code
    cache._write(path.parent, path, table)  # a valid file whose entry is wrong
    assert cache.PatternStore().compile(p, f) == _fresh(p, f)


def test_lazy_patterns_go_through_the_store(data: Path) -> None:
    lazy = cache.LazyPattern(*_STORE_PATTERNS[0])
    assert lazy.search("روز ۱۲ خرداد") is not None
    cache.save_patterns()
    assert any(p.name.startswith("patterns-") for p in _files(data.parent))


def test_cached_small_resources_equal_fresh_reads(data: Path) -> None:
    """The quote lexicon, the name-word statistics and the given names, written to the cache
    and read back, equal what their readers build from the files."""
    from rasad.entities import coordination, namefilter
    from rasad.quotes import lexicon

    for _ in range(2):  # build and write, then read back
        lex = cache.cached("quote-lexicon", [lexicon.DATA / "reporting.yaml", Path(lexicon.__file__)],
                           lexicon.build_lexicon)
        counts = cache.cached("name-words", [namefilter.MODEL], lambda: namefilter.read_counts(namefilter.MODEL))
        names = cache.cached("given-names", [coordination.GIVEN_NAMES],
                             lambda: coordination.read_given_names(coordination.GIVEN_NAMES))
    names_written = {p.name.split(".")[0] for p in _files(data.parent)}
    assert {"quote-lexicon", "name-words", "given-names"} <= names_written
    fresh = lexicon.build_lexicon()
    assert sorted(lex.automaton.items(), key=repr) == sorted(fresh.automaton.items(), key=repr)
    assert sorted(lex.blocked.items()) == sorted(fresh.blocked.items())
    assert lex.forms == fresh.forms and lex.light_forms == fresh.light_forms and lex.relay == fresh.relay
    assert counts == namefilter.read_counts(namefilter.MODEL) and len(counts) > 1000
    assert names == coordination.read_given_names(coordination.GIVEN_NAMES)
