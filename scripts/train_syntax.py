"""Train the syntax tagger and derive the light-verb and stem lists from the UD Persian treebanks.

    python scripts/train_syntax.py [--ud ../shared/corpus/ud] [--epochs 5]

Split (fixed, see ``rasad.syntax.conllu.ud_split``): train on fa_perdt-dev + fa_seraji-dev + the
first 80% of fa_perdt-test; the last 20% of fa_perdt-test and fa_seraji-test are held out
(``bench/bench_syntax.py`` scores them).

Writes:
  rasad/data/models/syntax_tagger.json.gz  lexicon (unambiguous words), per-word lemma/feats, perceptron
  rasad/data/syntax/lvc_nouns.tsv          nominal<TAB>light verb<TAB>count  (from ``compound:lvc``)
  rasad/data/syntax/stems_ud.tsv           past<TAB>present stems seen in UD but absent from vocab/verbs_fa.tsv
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections import Counter, defaultdict
from pathlib import Path

from rasad.normalize.resources import load_vocabulary
from rasad.syntax.conllu import UdSentence, ud_split
from rasad.syntax.features import token_features
from rasad.syntax.perceptron import PerceptronTrainer

ROOT = Path(__file__).resolve().parents[1]
MIN_COUNT = 2  # a word needs this many occurrences to enter the unambiguous lexicon
MIN_SHARE = 0.97  # ... and its top tag this share


def build_lexicon(train: list[UdSentence]) -> tuple[dict[str, str], dict[str, str], dict[str, list[str]]]:
    tags: dict[str, Counter[str]] = defaultdict(Counter)
    seen: dict[str, set[str]] = defaultdict(set)
    morph: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    for s in train:
        for t in s.tokens:
            # Seraji has no PROPN and tags را as PART: its NOUN/PART labels do not decide
            # PerDT-style lexicon entries (the perceptron sees them with a treebank feature)
            if not (s.treebank == "seraji" and t.upos in ("NOUN", "PART")):
                tags[t.form][t.upos] += 1
            else:
                tags[t.form]  # noqa: B018 - the word is known
            seen[t.form].add(t.upos)
            feats = "|".join(f"{k}={v}" for k, v in sorted(t.feats.items()))
            morph[t.form + "\t" + t.upos][(t.lemma, feats)] += 1
    lex = {}
    classes = {}
    for w, c in tags.items():
        classes[w] = "|".join(sorted(seen[w]))
        if not c:
            continue
        tag, n = c.most_common(1)[0]
        total = sum(c.values())
        if total >= MIN_COUNT and n / total >= MIN_SHARE:
            lex[w] = tag
    best = {}
    for key, c in morph.items():
        (lemma, feats), _ = c.most_common(1)[0]
        best[key] = [lemma, feats]
    return lex, classes, best  # type: ignore[return-value]


def train_perceptron(train: list[UdSentence], classes: dict[str, str], epochs: int) -> PerceptronTrainer:
    hazm = load_vocabulary().pos
    model = PerceptronTrainer()
    data = [s for s in train]
    rng = random.Random(13)
    for ep in range(epochs):
        rng.shuffle(data)
        right = total = 0
        for s in data:
            words = s.words
            prev = "<s>"
            for i, t in enumerate(s.tokens):
                nc = classes.get(words[i + 1], "?") if i + 1 < len(words) else "</s>"
                feats = token_features(words, i, prev, nc, s.treebank, hazm.get(words[i], ""))
                guess = model.predict(feats)
                model.update(t.upos, guess, feats)
                right += guess == t.upos
                total += 1
                prev = guess
        print(f"epoch {ep + 1}: train acc {right / total:.4f}")
    return model


def lvc_nouns(train: list[UdSentence]) -> Counter[tuple[str, str]]:
    out: Counter[tuple[str, str]] = Counter()
    for s in train:
        for t in s.tokens:
            if t.deprel == "compound:lvc" and t.head >= 0:
                verb = s.tokens[t.head]
                out[(t.lemma, verb.lemma)] += 1
    return out


def ud_stems(sents: list[UdSentence], min_count: int = 2) -> set[tuple[str, str]]:
    """(past, present) stem pairs from OrigLemma, seen ``min_count`` times (drops annotation slips)."""
    seen: Counter[tuple[str, str]] = Counter()
    for s in sents:
        for t in s.tokens:
            if (
                t.stem
                and t.stem != t.lemma
                and t.upos in ("VERB", "AUX")
                and not {" ", "#"} & set(t.lemma + t.stem)
            ):
                seen[(t.lemma, t.stem)] += 1
    return {k for k, n in seen.items() if n >= min_count}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ud", default=str(ROOT.parent / "shared" / "corpus" / "ud"))
    ap.add_argument("--epochs", type=int, default=5)
    a = ap.parse_args()
    t0 = time.time()
    train, _held = ud_split(a.ud)
    lex, classes, morph = build_lexicon(train)
    model = train_perceptron(train, classes, a.epochs)
    weights = model.averaged()
    out = {
        "version": 1,
        "lexicon": lex,
        "classes": classes,
        "morph": morph,
        "weights": weights,
    }
    path = ROOT / "rasad" / "data" / "models" / "syntax_tagger.json.gz"
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(out, fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    print(
        f"wrote {path} ({path.stat().st_size // 1024} KB, {len(lex)} lexicon words, {len(weights)} features)"
    )

    lvc = lvc_nouns(train)
    lvc_path = ROOT / "rasad" / "data" / "syntax" / "lvc_nouns.tsv"
    with open(lvc_path, "w", encoding="utf-8") as fh:
        fh.write(
            "# nominal\tlight verb (past stem)\tcount — from UD compound:lvc (fa_perdt, fa_seraji; CC BY-SA 4.0)\n"
        )
        for (noun, verb), n in sorted(lvc.items(), key=lambda kv: (-kv[1], kv[0])):
            fh.write(f"{noun}\t{verb}\t{n}\n")
    known = set()
    for line in (ROOT / "rasad" / "data" / "vocab" / "verbs_fa.tsv").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 2:
            known.add((parts[0], parts[1]))
    stems = sorted(ud_stems(train) - known)
    with open(ROOT / "rasad" / "data" / "syntax" / "stems_ud.tsv", "w", encoding="utf-8") as fh:
        fh.write(
            "# past\tpresent — verb stems from UD OrigLemma (fa_perdt, fa_seraji; CC BY-SA 4.0) not in vocab/verbs_fa.tsv\n"
        )
        for past, pres in stems:
            fh.write(f"{past}\t{pres}\n")
    print(f"{len(lvc)} lvc pairs, {len(stems)} extra stems; {time.time() - t0:.0f}s")


if __name__ == "__main__":
    main()
