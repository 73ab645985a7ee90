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

AR2FA = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
MARKS = re.compile(r"[\u064b-\u065f\u0670]")


def norm_fa(s: str) -> str:
    """CLDR Persian label → the normalized form the gazetteer uses (``کرهٔ`` → ``کره``)."""
    s = unicodedata.normalize("NFC", s).translate(AR2FA)
    s = s.replace("ۀ", "ه")
    s = MARKS.sub("", s)
    s = re.sub(r"\s+", " ", s).strip(" \u200c")
    return s


def slug(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def alias_text(a: Any) -> str:
    return str(a.get("fa")) if isinstance(a, dict) else str(a)


def hand_aliases() -> set[str]:
    """Every alias written in the hand files (they win over generated names)."""
    out: set[str] = set()
    for path in sorted(GAZ.glob("*.yaml")):
        if path == OUT:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for e in doc.get("entries", []) if isinstance(doc, dict) else doc or []:
            for k in ("aliases", "adjectives"):
                out.update(alias_text(a) for a in e.get(k) or [])
            if e.get("fa"):
                out.add(str(e["fa"]))
    return out


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


def dedupe(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop generated aliases used by hand files or by an earlier generated entry."""
    taken = hand_aliases()
    out: list[dict[str, Any]] = []
    ids: set[str] = set()
    for e in entries:
        if e["id"] in ids:
            continue
        fa_name = e["fa"]
        keep: list[Any] = []
        for a in [fa_name] + list(e.get("aliases") or []):
            t = norm_fa(alias_text(a))
            if len(t) < 2 or t in taken:
                continue
            taken.add(t)
            keep.append(a if isinstance(a, dict) else t)
        adjs = [a for a in e.get("adjectives") or [] if alias_text(a) not in taken]
        taken.update(alias_text(a) for a in adjs)
        if not keep:
            continue
        first = keep[0]
        if isinstance(first, dict):  # the main label itself needs context
            e["fa"] = alias_text(first)
            e["needs_context"] = bool(first.get("needs_context"))
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
    entries = dedupe(build())
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
