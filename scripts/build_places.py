"""Write ``rasad/data/gazetteer/places_cldr.yaml`` from Babel's CLDR data.

Countries and territories come from ``Locale('fa').territories`` (English labels from
``Locale('en')``), cities from the time-zone exemplar cities of ``Locale('fa').time_zones``.
Hand corrections (Wikidata ids, English Wikipedia titles, Persian variants, demonyms)
are read from ``rasad/data/gazetteer/sources/cldr_overrides.yaml``.  Aliases that a hand
file already uses (for instance ``الجزیره`` for Al Jazeera) are left out, so the lint
rule "one alias, one id" holds.

Run: ``.venv/bin/python scripts/build_places.py``
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml
from babel import Locale

ROOT = Path(__file__).resolve().parent.parent
GAZ = ROOT / "rasad" / "data" / "gazetteer"
OUT = GAZ / "places_cldr.yaml"
OVERRIDES = GAZ / "sources" / "cldr_overrides.yaml"
NER = ROOT.parent / "shared" / "corpus" / "ner"

AR2FA = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
MARKS = re.compile(r"[\u064b-\u065f\u0670]")


def norm_fa(s: str) -> str:
    """CLDR Persian label → the normalized form the gazetteer uses (``کرهٔ`` → ``کره``)."""
    s = unicodedata.normalize("NFC", s).translate(AR2FA)
    s = s.replace("ۀ", "ه")
    s = MARKS.sub("", s)
    s = re.sub(r"\u200c+", "\u200c", s)
    s = re.sub(r"\s+", " ", s).strip(" \u200c")
    return s


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def alias_text(a: Any) -> str:
    return str(a.get("fa")) if isinstance(a, dict) else str(a)


def hand_aliases() -> tuple[set[str], set[str]]:
    """Every alias and id written in the hand files (they win over generated names)."""
    out: set[str] = set()
    ids: set[str] = set()
    for path in sorted(GAZ.glob("*.yaml")):
        if path == OUT:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for e in doc.get("entries", []) if isinstance(doc, dict) else doc or []:
            ids.add(str(e.get("id")))
            for k in ("aliases", "adjectives"):
                out.update(alias_text(a) for a in e.get(k) or [])
            if e.get("fa"):
                out.add(str(e["fa"]))
    return out, ids


NAME_TAG = re.compile(r"(?i)loc|org|per|fac")


def word_counts() -> dict[str, list[int]]:
    """``token → [times tagged O, times inside an entity]`` in the NER corpora beside the
    checkout (``../shared/corpus/ner``), if present.  A CLDR name that is mostly an ordinary
    word there (``دوشنبه`` Monday, ``ماهه`` "-month", ``مالی`` financial) needs context."""
    counts: dict[str, list[int]] = {}
    files = [(NER / "peyma" / "train.txt", "|"), (NER / "arman" / "train_fold1.txt", " ")]
    for path, sep in files:
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            tok, _, tag = line.rpartition(sep)
            if not tok:
                continue
            c = counts.setdefault(norm_fa(tok), [0, 0])
            c[1 if NAME_TAG.search(tag) else 0] += 1  # dates, money, products count as words
    return counts


def mostly_word(alias: str, counts: dict[str, list[int]]) -> bool:
    """True for a one-word alias seen at least 3 times, mostly outside names."""
    if " " in alias or alias not in counts:
        return False
    o, ent = counts[alias]
    return o >= 3 and o > ent


def make(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    e = dict(base)
    for k, v in over.items():
        if k in ("aliases", "adjectives"):
            e[k] = list(e.get(k) or []) + list(v)
        elif k != "skip":
            e[k] = v
    if not str(e.get("id", "")).startswith("Q"):
        e["id"] = "rasad:" + slug(str(e["name"]))
    return e


def build() -> list[dict[str, Any]]:
    over = yaml.safe_load(OVERRIDES.read_text(encoding="utf-8"))
    fa, en = Locale("fa"), Locale("en")
    skip = {str(c) for c in over.get("skip_territories", [])}
    entries: list[dict[str, Any]] = []
    for code, fa_name in fa.territories.items():
        if code in skip or code in over.get("continents", {}):
            continue
        if code.isdigit():
            continue
        en_name = en.territories.get(code)
        if not en_name:
            continue
        base = {"id": "", "name": en_name, "type": "GPE", "fa": norm_fa(fa_name), "cldr": code}
        entries.append(make(base, over.get("territories", {}).get(code, {})))
    for code, o in over.get("continents", {}).items():
        base = {"id": "", "name": o["name"], "type": "LOC", "fa": norm_fa(fa.territories[code]), "cldr": code}
        entries.append(make(base, o))
    seen_zone_ids: set[str] = set()
    for tz, data in fa.time_zones.items():
        city = data.get("city")
        o = over.get("cities", {}).get(tz, {})
        if not city or o.get("skip") or tz.startswith(("Antarctica/", "Etc/")):
            continue
        if "،" in city or "," in city:
            continue
        en_city = (en.time_zones.get(tz) or {}).get("city") or tz.split("/")[-1].replace("_", " ")
        base = {"id": "", "name": en_city, "type": "GPE", "fa": norm_fa(city), "tz": tz}
        e = make(base, o)
        if e["id"] in seen_zone_ids:
            continue
        seen_zone_ids.add(e["id"])
        entries.append(e)
    return entries


def dedupe(entries: list[dict[str, Any]], counts: dict[str, list[int]]) -> list[dict[str, Any]]:
    """Drop generated aliases used by hand files or by an earlier generated entry; mark
    aliases that are mostly ordinary words as needing context."""
    taken, ids = hand_aliases()
    out: list[dict[str, Any]] = []
    for e in entries:
        if e["id"] in ids:
            continue
        fa_name = e["fa"]
        keep: list[Any] = []
        for a in [fa_name] + list(e.get("aliases") or []):
            t = norm_fa(alias_text(a))
            shared = isinstance(a, dict) and a.get("ambiguous")  # marked: may stay under two ids
            if len(t) < 2 or (t in taken and not shared):
                continue
            taken.add(t)
            if isinstance(a, dict):
                keep.append(a)
            elif mostly_word(t, counts) and not e.get("needs_context"):
                keep.append({"fa": t, "needs_context": True})
            else:
                keep.append(t)
        adjs = [a for a in e.get("adjectives") or [] if alias_text(a) not in taken]
        taken.update(alias_text(a) for a in adjs)
        if not keep:
            continue
        first = keep[0]
        if isinstance(first, dict):  # the main label itself needs context
            e["fa"] = alias_text(first)
            e["needs_context"] = bool(first.get("needs_context"))
            if first.get("ambiguous"):
                e["ambiguous"] = True
            keep = keep[1:]
        else:
            e["fa"] = first
            keep = keep[1:]
        e["aliases"] = keep
        if adjs:
            e["adjectives"] = adjs
        elif "adjectives" in e:
            del e["adjectives"]
        if not e["aliases"]:
            del e["aliases"]
        ids.add(e["id"])
        out.append(e)
    return out


def main() -> int:
    entries = dedupe(build(), word_counts())
    header = (
        "# GENERATED by scripts/build_places.py from Babel's CLDR data "
        "(territories and time-zone exemplar cities)\n"
        "# with sources/cldr_overrides.yaml applied. Do not edit by hand: edit the overrides and re-run.\n"
    )
    body = yaml.safe_dump({"entries": entries}, allow_unicode=True, sort_keys=False, width=200)
    OUT.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(entries)} entries to {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
