"""Lint of the gazetteer data: normalized aliases, unique ids, no silent alias clashes."""

from __future__ import annotations

import re
from collections import defaultdict

from rasad.entities.gazetteer import DATA_DIR, TYPES, alias_keys, iter_raw_entries, parse_entry

RAW = list(iter_raw_entries(DATA_DIR))
ENTRIES = [parse_entry(raw, name) for name, raw in RAW]
ZWNJ = "\u200c"


def _alias_items(raw: dict) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    if raw.get("fa"):
        out.append((str(raw["fa"]), False))
    for key in ("aliases", "adjectives"):
        for a in raw.get(key) or []:
            if isinstance(a, dict):
                out.append((str(a.get("fa")), bool(a.get("ambiguous"))))
            else:
                out.append((str(a), False))
    return out


def test_enough_entries() -> None:
    assert len(ENTRIES) >= 1200


def test_ids_unique_and_well_formed() -> None:
    seen: set[str] = set()
    for e in ENTRIES:
        assert re.fullmatch(r"Q\d+|rasad:[a-z0-9-]+", e.id), e.id
        assert e.id not in seen, f"duplicate id {e.id}"
        seen.add(e.id)


KEYS = {
    "id",
    "name",
    "type",
    "fa",
    "aliases",
    "en_aliases",
    "adjectives",
    "roles",
    "needs_context",
    "ambiguous",
    "context",
    "opaque",
    "cldr",
    "tz",
    "country",
}


def test_only_known_keys() -> None:
    """Catches YAML slips such as an unquoted ``{name: Arak, Iran}`` (a stray ``Iran`` key)."""
    bad = [(raw["id"], sorted(set(raw) - KEYS)) for _, raw in RAW if set(raw) - KEYS]
    assert not bad, bad[:10]


def test_types_and_names() -> None:
    for e in ENTRIES:
        assert e.type in TYPES, (e.id, e.type)
        assert e.name and e.name == e.name.strip(), e.id
        assert e.fa, e.id


def test_aliases_normalized() -> None:
    bad: list[tuple[str, str, str]] = []
    for _, raw in RAW:
        for text, _ in _alias_items(raw):
            if re.search("[يكى]", text):
                bad.append((raw["id"], text, "Arabic letter"))
            if "  " in text or text != text.strip():
                bad.append((raw["id"], text, "spaces"))
            if text.startswith(ZWNJ) or text.endswith(ZWNJ) or ZWNJ + ZWNJ in text:
                bad.append((raw["id"], text, "ZWNJ at an edge"))
            if len(text.replace(" ", "").replace(ZWNJ, "")) < 2:
                bad.append((raw["id"], text, "shorter than 2 letters"))
            if re.search(r"[a-zA-Z]", text) and re.search(r"[\u0600-\u06ff]", text):
                bad.append((raw["id"], text, "mixed scripts"))
    assert not bad, bad[:10]


def test_no_alias_under_two_ids_unless_ambiguous() -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    marked: set[str] = set()
    for _, raw in RAW:
        for text, amb in _alias_items(raw):
            for k in alias_keys(text):
                owners[k].add(raw["id"])
                if amb:
                    marked.add(k)
    clashes = {k: v for k, v in owners.items() if len(v) > 1 and k not in marked}
    assert not clashes, sorted(clashes.items())[:10]


def test_role_dates_ordered() -> None:
    for e in ENTRIES:
        for r in e.roles:
            assert r.titles, e.id
            if r.start and r.end:
                assert r.start <= r.end, (e.id, r)


def test_tsv_data_normalized() -> None:
    """The TSV side files (title variants, cues, blockers, names) use Persian ی and ک too."""
    bad: list[tuple[str, str]] = []
    for path in sorted(DATA_DIR.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            if re.search("[يكى]", line) or "  " in line or line != line.strip(" "):
                bad.append((path.name, line))
    assert not bad, bad[:10]
