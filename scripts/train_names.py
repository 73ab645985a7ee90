"""Train the Persian → English name model (``rasad/entities/names.py``).

The committed model is reproduced by::

    .venv/bin/python scripts/train_names.py --out rasad/data/models/names.json.gz

Training pairs:

* ``../shared/corpus/names/netranslit_wd_arabic_80`` (Wikidata name tokens, CC0; the
  ``_20`` part is held out for ``bench/bench_names.py``).  Its Arabic-script side follows
  Arabic conventions (``بيتر`` Peter, ``غريغوري`` Gregory); after a first alignment each
  pair also gets a Persian copy (``پیتر``, ``گرگوری``: ب→پ for p, غ/ج/ک/ق→گ for hard g,
  ف→و for v, ث→ت for th, تش→چ for ch);
* the gazetteer (``rasad/data/gazetteer/*.yaml``): people and places, Persian name and
  aliases ↔ English name, token by token where the token counts agree (its CLDR place
  names come from Babel), plus ``given_names_fa.tsv`` and the ``word`` rows of
  ``translit_words.tsv``.  Gazetteer pairs weigh more: they are the spellings English
  news uses for names written the Persian way.

* English name tokens of the US census lists (the ``names`` package, a dev dependency): the
  vocabulary of the rerank bonus and the English letter model only.

Wikidata pairs spelled the French way (``ش`` as ch, ``ج`` as dj) are left out of the chunk
model; Babel's CLDR gives the Persian names of the Arab countries (``arab_places``).

Alignment: hard EM, each Persian letter writes 0–4 English letters.  Pairs that align
badly (translations such as ``آلمان`` / Germany) are left out of the letter model but kept
in the whole-word memory.
"""

from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import re
import sys
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rasad.entities.gazetteer import DATA_DIR, iter_raw_entries  # noqa: E402
from rasad.entities.names import BOS, CONSONANTS, EOS, contexts, dump_rows, fa_token  # noqa: E402

MAX_CHUNK = 4
# letters that are consonants only: their chunk starts with a consonant (a short vowel the
# script drops follows it: «م» → «mo» in «Mohammad», never «om»)
VOWELS = frozenset("aeiou")
GAZ_WEIGHT = 10
NAME_TYPES = ("PER", "GPE", "LOC", "FAC")

Pair = tuple[str, str, int]  # persian token, english token, weight


def shared_dir() -> Path:
    env = os.environ.get("RASAD_SHARED")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared"


def en_token(s: str) -> str:
    """``Pérez`` → ``perez``; ``O'Sullivan`` → ``osullivan``."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z]", "", s)


def en_words(name: str) -> list[str]:
    name = re.sub(r"\s*\(.*?\)", "", name)  # «Mohamed Ali (contractor)»
    return [w for w in (en_token(x) for x in re.split(r"[\s\-]+", name)) if w]


def read_corpus(path: Path) -> Iterator[Pair]:
    """``english TAB a r a b i c TAB count`` rows."""
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 3:
            continue
        en, fa = en_token(cols[0]), fa_token(cols[1].replace(" ", ""))
        if en and fa:
            yield fa, en, min(GAZ_WEIGHT - 1, 1 + int(math.log2(max(1, int(cols[2] or 1)))))


def census_names() -> Counter[str]:
    """English name tokens of the US census lists that the ``names`` package ships (public
    domain data, MIT package; 88,799 surnames, 5,494 given names), weighted by frequency
    class: empty when the package is missing."""
    try:
        import names as census  # type: ignore[import-untyped]
    except ImportError:
        return Counter()
    out: Counter[str] = Counter()
    folder = Path(census.__file__).parent
    for fname in ("dist.all.last", "dist.male.first", "dist.female.first"):
        path = folder / fname
        if not path.exists():
            continue
        for line in path.read_text(encoding="ascii").splitlines():
            cols = line.split()
            if len(cols) >= 2:
                # percent of the population: 1.006 (Smith) → 8, 0.000 → 2 (kept)
                out[en_token(cols[0])] += max(2, min(8, 8 + int(math.log2(max(float(cols[1]), 1e-3)))))
    return out


# Arab countries whose people English news names the Arab way: the territories with Arabic
# as an official language (CLDR), less those whose names follow other conventions
NOT_ARAB_NAMING = frozenset({"IL", "KM", "ER", "TD", "DJ", "SO", "EH"})


def arab_places() -> list[str]:
    """Persian words of Arab countries and their people (``عراق``, ``عراقی``, ``سوری``,
    ``فلسطینی``), from Babel's CLDR data: a name near one of them is spelled the Arab way.
    Empty without Babel."""
    try:
        from babel import Locale
        from babel.languages import get_official_languages
    except ImportError:
        return []
    fa = Locale("fa")
    names = [
        str(name)
        for code, name in fa.territories.items()
        if len(code) == 2
        and code.isalpha()
        and code not in NOT_ARAB_NAMING
        and "ar" in get_official_languages(code, de_facto=True)
    ]
    words: set[str] = set()
    for n in names:
        parts = [w for w in (fa_token(x) for x in n.split()) if len(w) >= 3]
        for w in parts:
            if w in ("متحده", "غربی") or w.startswith("سرزمین"):  # «امارات متحدهٔ عربی»
                continue
            words.add(w)
            if w.endswith("ی") and len(parts) > 1:  # «فلسطینی», «سعودی»: the place too
                if len(w) >= 6:
                    words.add(w[:-1])
            elif w.endswith("ی"):  # the people: لیبی → لیبیایی
                words.add(w + "ایی")
            elif w.endswith("یه"):  # سوریه → سوری
                words.add(w[:-1])
            else:  # عراق → عراقی
                words.add((w[:-1] if w.endswith("ه") else w) + "ی")
    return sorted(words)


def gazetteer_pairs(data_dir: Path = DATA_DIR) -> Iterator[tuple[str, str, int, bool]]:
    """Token-aligned Persian alias ↔ English name pairs of people and places, each marked
    Iranian or not (a person of ``iran.yaml`` or whose first name is an Iranian given name)."""
    given = {
        fa_token(line.split("\t")[0])
        for line in (data_dir / "given_names_fa.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    }
    for fname, raw in iter_raw_entries(data_dir):
        if raw.get("type") not in NAME_TYPES:
            continue
        en = en_words(str(raw.get("name") or ""))
        forms = [raw.get("fa") or ""] + [
            a if isinstance(a, str) else a.get("fa", "") for a in raw.get("aliases") or []
        ]
        for form in forms:
            fa = [t for t in (fa_token(w) for w in re.split(r"[\s\-]+", str(form))) if t]
            iranian = raw.get("type") == "PER" and (fname == "iran.yaml" or (len(fa) > 1 and fa[0] in given))
            if fa and len(fa) == len(en):
                for f, e in zip(fa, en, strict=True):
                    yield f, e, GAZ_WEIGHT, iranian
    for fname, col_fa, col_en, kind in (
        ("given_names_fa.tsv", 0, 1, None),
        ("translit_words.tsv", 1, 2, "word"),
    ):
        for line in (data_dir / fname).read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if line.startswith("#") or len(cols) <= col_en or (kind and cols[0] != kind):
                continue
            fa, en = fa_token(cols[col_fa]), en_words(cols[col_en])
            if fa and len(en) == 1:
                yield fa, en[0], GAZ_WEIGHT, kind is None


# --- alignment --------------------------------------------------------------------------
Table = dict[str, dict[str, float]]


class _PriorTable(dict):  # type: ignore[type-arg]
    """The first E step: log-score by chunk length only."""

    def __init__(self, prior: dict[int, float]) -> None:
        super().__init__()
        self.prior = prior

    def score(self, c: str, chunk: str) -> float:
        return self.prior[len(chunk)]


def viterbi(fa: str, en: str, table: Table | _PriorTable) -> tuple[list[str], float] | None:
    """Best split of ``en`` into one chunk per letter of ``fa``."""
    n, m = len(fa), len(en)
    if m > n * MAX_CHUNK:
        return None
    neg = -1e18
    dp = [[neg] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    prior = isinstance(table, _PriorTable)
    for i in range(n):
        c = fa[i]
        row = None if prior else table.get(c, {})
        cur, nxt, bk = dp[i], dp[i + 1], back[i + 1]
        for j in range(m + 1):
            base = cur[j]
            if base <= neg:
                continue
            for k in range(min(MAX_CHUNK, m - j) + 1):
                chunk = en[j : j + k]
                if k and c in CONSONANTS and en[j] in VOWELS:
                    continue
                s = table.score(c, chunk) if prior else row.get(chunk, -20.0)  # type: ignore[union-attr]
                v = base + s
                if v > nxt[j + k]:
                    nxt[j + k] = v
                    bk[j + k] = k
    if dp[n][m] <= neg:
        return None
    chunks: list[str] = []
    j = m
    for i in range(n, 0, -1):
        k = back[i][j]
        chunks.append(en[j - k : j])
        j -= k
    return chunks[::-1], dp[n][m]


def estimate(aligned: Iterable[tuple[str, list[str], int]]) -> Table:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for fa, chunks, w in aligned:
        for c, ch in zip(fa, chunks, strict=True):
            counts[c][ch] += w
    table: Table = {}
    for c, cnt in counts.items():
        n = sum(cnt.values()) + 1.0
        table[c] = {ch: math.log(v / n) for ch, v in cnt.items()}
    return table


def align_all(pairs: list[Pair], iters: int) -> tuple[list[tuple[str, list[str], int, float]], Table]:
    table: Table | _PriorTable = _PriorTable({0: -3.0, 1: 0.0, 2: -1.0, 3: -2.5, 4: -4.0})
    out: list[tuple[str, list[str], int, float]] = []
    for it in range(iters):
        t0 = time.time()
        out = []
        for fa, en, w in pairs:
            r = viterbi(fa, en, table)
            if r is not None:
                out.append((fa, r[0], w, r[1] / len(fa)))
        table = estimate((a, b, c) for a, b, c, _ in out)
        print(f"  EM {it + 1}: {len(out)} aligned, {time.time() - t0:.1f}s", file=sys.stderr)
    assert not isinstance(table, _PriorTable)
    return out, table


# --- Arabic conventions → Persian ones ---------------------------------------------------------
def persianize(fa: str, chunks: list[str]) -> tuple[str, list[str]] | None:
    """The Persian spelling of an Arabic-convention token, or None when nothing changes."""
    letters = list(fa)
    cs = list(chunks)
    for i, (c, ch) in enumerate(zip(fa, chunks, strict=True)):
        if c == "ب" and ch.startswith("p"):
            letters[i] = "پ"
        elif (
            c in "غجکق"
            and ch.startswith("g")
            and not ch.startswith("gh")
            and not (c == "ج" and ch[1:2] in "eiy" and ch[1:2])
        ):
            letters[i] = "گ"
        elif c == "ف" and ch.startswith("v") and i < len(fa) - 1:
            letters[i] = "و"  # a final v stays «ف» in Persian too: لاوروف Lavrov, کاراوایف Karavayev
        elif c == "ث" and ch.startswith("th"):
            letters[i] = "ت"
        elif c == "ش" and ch.startswith("ch") and i > 0 and fa[i - 1] == "ت" and cs[i - 1] == "":
            letters[i] = "چ"
            letters[i - 1] = ""
    if letters == list(fa):
        return None
    keep = [(a, b) for a, b in zip(letters, cs, strict=True) if a]
    return "".join(a for a, _ in keep), [b for _, b in keep]


def french(fa: str, chunks: list[str]) -> bool:
    """A pair spelled the French (Maghreb) way, which English news does not use: ``ش`` as
    ch (Cheikh), ``ج`` as dj (Djamel), ``ص`` and ``ق`` as c (Naceur, Chafic)."""
    if "ch" in "".join(chunks) and "ش" in fa and "چ" not in fa and "تش" not in fa:
        return True
    for c, ch in zip(fa, chunks, strict=True):
        if (c == "ج" and ch.startswith("dj")) or (c in "صق" and ch.startswith("c")):
            return True
    return False


def count_contexts(aligned: Iterable[tuple[str, list[str], int]]) -> list[dict[str, dict[str, int]]]:
    levels: list[dict[str, Counter[str]]] = [defaultdict(Counter) for _ in range(4)]
    for fa, chunks, w in aligned:
        padded = BOS + BOS + fa + EOS + EOS
        prev = (BOS, BOS)
        for i, ch in enumerate(chunks):
            for level, key in enumerate(contexts(padded, i + 2, prev)):
                if key:
                    levels[level][key][ch] += w
            prev = (prev[1], ch)
    out: list[dict[str, dict[str, int]]] = []
    for level, table in enumerate(levels):
        kept: dict[str, dict[str, int]] = {}
        for key, cnt in table.items():
            total = sum(cnt.values())
            if level >= 2 and (total < 3 or len(cnt) == 0):
                continue
            row = {ch: v for ch, v in cnt.items() if v >= 2 or level < 2 or v == total}
            if row:
                kept[key] = row
        out.append(kept)
    return out


def char_lm(words: Counter[str], order: int = 4) -> tuple[dict[str, float], dict[str, float]]:
    """A Witten–Bell letter n-gram model of English name tokens in back-off form:
    ``(log p(w | h) for seen h+w, log back-off weight of h)``; ``^`` pads, ``$`` ends."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for word, n in words.items():
        padded = "^" * (order - 1) + word + "$"
        for i in range(order - 1, len(padded)):
            for k in range(order):
                counts[padded[i - k : i]][padded[i]] += n
    alphabet = sorted({c for row in counts.values() for c in row})
    uni = counts[""]
    total = sum(uni.values())
    probs: dict[str, float] = {c: math.log((uni[c] + 1) / (total + len(alphabet))) for c in alphabet}
    backoff: dict[str, float] = {}

    def p(h: str, w: str) -> float:
        while h and h + w not in probs:
            h = h[1:]
        return math.exp(probs[h + w])

    for h in sorted((h for h in counts if h), key=len):
        row = counts[h]
        n, t = sum(row.values()), len(row)
        for w, c in row.items():
            probs[h + w] = math.log((c + t * p(h[1:], w)) / (n + t))
        backoff[h] = math.log(t / (n + t))
    return probs, backoff


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("rasad/data/models/names.json.gz"))
    ap.add_argument("--iters", type=int, default=4)
    ap.add_argument(
        "--min-score", type=float, default=-3.0, help="per-letter log-score below which a pair is left out"
    )
    ap.add_argument("--no-census", action="store_true", help="leave out the census name tokens")
    a = ap.parse_args(argv)
    corpus = shared_dir() / "corpus" / "names" / "netranslit_wd_arabic_80"
    if not corpus.exists():
        print(f"missing {corpus}", file=sys.stderr)
        return 1
    t0 = time.time()
    wiki = list(read_corpus(corpus))
    gaz_marked = list(gazetteer_pairs())
    gaz = [(f, e, w) for f, e, w, _ in gaz_marked]
    iranian_pairs = {(f, e) for f, e, _, ir in gaz_marked if ir}
    print(f"pairs: {len(wiki)} corpus, {len(gaz)} gazetteer", file=sys.stderr)
    aligned, _ = align_all(wiki + gaz, a.iters)
    good: list[tuple[str, list[str], int]] = []
    persian = 0
    bad_gaz: set[tuple[str, str]] = set()
    french_pairs = 0
    for fa, ch, w, s in aligned:
        if s < a.min_score or len(ch) and sum(map(len, ch)) < len(fa) - 1:  # «عبدالغنی» ↔ «ghani»
            if w == GAZ_WEIGHT:
                bad_gaz.add((fa, "".join(ch)))
            continue
        if w != GAZ_WEIGHT and french(fa, ch):
            french_pairs += 1
            continue
        p = persianize(fa, ch)  # Persian input follows Persian conventions
        if p is not None:
            persian += 1
            fa, ch = p
        good.append((fa, ch, w))
    print(
        f"kept {len(good)} of {len(aligned)} alignments ({persian} in Persian spelling); "
        f"left out {len(bad_gaz)} gazetteer pairs, e.g. {sorted(bad_gaz)[:8]}",
        file=sys.stderr,
    )
    counts = count_contexts(good)
    iranian = [(fa, ch, w) for fa, ch, w in good if w == GAZ_WEIGHT and (fa, "".join(ch)) in iranian_pairs]
    counts_ir = count_contexts(iranian)[:3]
    print(f"Iranian pairs: {len(iranian)}; French-spelled pairs left out: {french_pairs}", file=sys.stderr)
    # whole-word memory: the most weighted English spelling of each Persian token
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for fa, ch, w, s in aligned:
        if s >= a.min_score and sum(map(len, ch)) >= len(fa) - 1:
            # the project's own spellings win; French ones only when there is no other
            votes[fa]["".join(ch)] += 100 * w if w == GAZ_WEIGHT else w / 100 if french(fa, ch) else w
    for fa, ch, w in good:
        if fa not in votes:
            votes[fa]["".join(ch)] += w
    # a token known only under French spellings is left to the decoder (شفیق Shafiq, not Chafik)
    memory = {
        fa: best[0].capitalize() for fa, cnt in votes.items() if (best := cnt.most_common(1)[0])[1] >= 1
    }
    # the Arab spelling of a token (Mohammed, Abdullah) where the project's own lists give the
    # Iranian one (Mohammad, Abdollah): the most weighted spelling among the Wikidata pairs,
    # used for names marked Arab (bin, al-, Abu)
    arab_votes: dict[str, Counter[str]] = defaultdict(Counter)
    for fa, ch, w, s in aligned:
        if w != GAZ_WEIGHT and s >= a.min_score and sum(map(len, ch)) >= len(fa) - 1:
            arab_votes[fa]["".join(ch)] += w / 100 if french(fa, ch) else w
    memory_arab = {
        fa: best.capitalize()
        for fa, cnt in arab_votes.items()
        if sum(cnt.values()) >= 5 and (best := cnt.most_common(1)[0][0]).capitalize() != memory.get(fa)
    }
    print(f"Arab spellings: {len(memory_arab)}", file=sys.stderr)
    own = sorted({fa for fa, _, w in gaz if fa in memory})  # spellings from the project's own lists
    vocab: Counter[str] = Counter()
    for _, en, w in wiki + gaz:
        vocab[en] += w
    census = census_names()
    if census and not a.no_census:
        for en, w in census.items():
            vocab[en] += w
    print(f"census name tokens: {len(census)}", file=sys.stderr)
    lm_probs, lm_backoff = char_lm(vocab)
    model = {
        "lm": "\n".join(f"{k}\t{v:.3f}" for k, v in sorted(lm_probs.items())),
        "lm_backoff": "\n".join(f"{k}\t{v:.3f}" for k, v in sorted(lm_backoff.items())),
        "memory": "\n".join(f"{k}\t{v}" for k, v in sorted(memory.items())),
        "arab_places": "\n".join(arab_places()),
        "memory_arab": "\n".join(f"{k}\t{v}" for k, v in sorted(memory_arab.items())),
        "levels": [dump_rows(c) for c in counts],
        "levels_ir": [dump_rows(c) for c in counts_ir],
        "own": "\n".join(own),
        "iranian_words": "\n".join(sorted({fa for fa, _ in iranian_pairs})),
        "vocab": "\n".join(f"{k}\t{v}" for k, v in sorted(vocab.items()) if v >= 2),
        "meta": {"pairs": len(wiki) + len(gaz), "persian_spelling": persian},
    }
    a.out.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(a.out, "wt", encoding="utf-8", compresslevel=9) as f:
        json.dump(model, f, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    sizes = [len(c) for c in counts]
    print(
        f"wrote {a.out} ({a.out.stat().st_size // 1024} KB): memory {len(memory)}, contexts {sizes}, "
        f"vocab {len(vocab)}, {time.time() - t0:.0f}s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
