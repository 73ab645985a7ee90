"""A small CoNLL-U reader for the UD Persian treebanks (training, bench and golden tests).

Multi-word tokens (``معتقدند`` = ``معتقد`` + ``ند``) are read as one surface token that
carries the annotation of its first word, since the tokenizer works on surface tokens.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rasad.syntax.features import fold

#: features kept from UD (the rest, e.g. Degree, PronType, is dropped)
KEPT_FEATS = ("Tense", "Mood", "Polarity", "Person", "Number", "Voice", "VerbForm")


@dataclass
class UdToken:
    form: str
    lemma: str
    upos: str
    feats: dict[str, str]
    head: int  # surface index of the head, -1 for the root
    deprel: str
    stem: str | None = None  # OrigLemma's present stem (``کرد#کن`` → ``کن``)


@dataclass
class UdSentence:
    sent_id: str
    text: str
    treebank: str = ""  # perdt | seraji
    tokens: list[UdToken] = field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [t.form for t in self.tokens]


def _feats(raw: str) -> dict[str, str]:
    if raw == "_":
        return {}
    out = {}
    for kv in raw.split("|"):
        k, _, v = kv.partition("=")
        if k in KEPT_FEATS:
            out[k] = v
    return out


def _sentence(sent_id: str, text: str, rows: list[list[str]], treebank: str) -> UdSentence:
    # map every word id to its surface index
    surface: list[list[str]] = []
    word_to_surface: dict[str, int] = {}
    mwt: tuple[str, int, int] | None = None
    for cols in rows:
        wid = cols[0]
        if "-" in wid:
            a, b = (int(x) for x in wid.split("-"))
            mwt = (cols[1], a, b)
            continue
        if "." in wid:
            continue
        n = int(wid)
        if mwt and mwt[1] <= n <= mwt[2]:
            if n == mwt[1]:  # the first word of a multi-word token gives the annotation
                row = list(cols)
                row[1] = mwt[0]
                surface.append(row)
            word_to_surface[wid] = len(surface) - 1
            continue
        surface.append(cols)
        word_to_surface[wid] = len(surface) - 1
    sent = UdSentence(sent_id, text, treebank)
    for cols in surface:
        head = cols[6]
        hidx = -1 if head in ("0", "_") else word_to_surface.get(head, -1)
        stem = None
        for kv in cols[9].split("|"):
            if kv.startswith("OrigLemma=") and "#" in kv:
                stem = fold(kv.split("#", 1)[1])
        sent.tokens.append(
            UdToken(fold(cols[1]), fold(cols[2]), cols[3], _feats(cols[5]), hidx, cols[7], stem)
        )
    return sent


def read_conllu(path: str | Path) -> Iterator[UdSentence]:
    """The sentences of a CoNLL-U file, one surface token per written word."""
    treebank = Path(path).name.split("-")[0].removeprefix("fa_")
    sent_id = text = ""
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if rows:
                    yield _sentence(sent_id, text, rows, treebank)
                rows, sent_id, text = [], "", ""
                continue
            if line.startswith("# sent_id"):
                sent_id = line.split("=", 1)[1].strip()
            elif line.startswith("# text ="):
                text = line.split("=", 1)[1].strip()
            elif not line.startswith("#"):
                rows.append(line.split("\t"))
    if rows:
        yield _sentence(sent_id, text, rows, treebank)


def ud_split(ud_dir: str | Path) -> tuple[list[UdSentence], dict[str, list[UdSentence]]]:
    """The fixed split: train = both dev files + the first 80% of perdt-test;
    held-out = the last 20% of perdt-test and all of seraji-test."""
    d = Path(ud_dir)
    train = list(read_conllu(d / "fa_perdt-ud-dev.conllu")) + list(read_conllu(d / "fa_seraji-ud-dev.conllu"))
    perdt_test = list(read_conllu(d / "fa_perdt-ud-test.conllu"))
    cut = int(len(perdt_test) * 0.8)
    train += perdt_test[:cut]
    held = {
        "perdt-test-20%": perdt_test[cut:],
        "seraji-test": list(read_conllu(d / "fa_seraji-ud-test.conllu")),
    }
    return train, held
