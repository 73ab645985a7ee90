"""The statistical named-entity tagger: a linear-chain CRF (CRFsuite).

The committed model ``rasad/data/models/ner.crfsuite`` was trained by
``scripts/train_ner.py`` on PEYMA and ARMAN (see ``NER_MODEL.md`` beside it) and
tags ``PER``, ``ORG``, ``LOC``, ``FAC`` and ``EVE`` in BIO form.

    >>> tagger = CrfTagger()
    >>> text = "محمد جواد ظریف در تهران گفت"
    >>> [(text[s:e], t) for s, e, t in tagger.spans(text)]
    [('محمد جواد ظریف', 'PER'), ('تهران', 'LOC')]

:func:`tokenize` keeps character offsets, splits punctuation (``،``, ``.``,
``«``, ``»``, ``:`` ...) off words and keeps ZWNJ-joined words (``می‌شود``,
``رئیس‌جمهور``) as one token.

Speed: with numpy installed, :class:`CrfTagger` does not hand feature strings
to CRFsuite.  It reads the weights from the model file (:class:`CrfModel`),
caches per word the summed weights of the word's own features and the
attribute ids of the features it gives its neighbours, adds the weight rows
in exactly CRFsuite's order (so the scores are bit-for-bit CRFsuite's), and
runs CRFsuite's Viterbi on all sentences of a text at once.  Without numpy it falls back to CRFsuite itself; both give the same tags.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import pycrfsuite

from rasad.entities.features import DATA_DIR, FeatureExtractor, word_features

np: Any
try:  # numpy makes spans() ~3x faster; without it CRFsuite does the work.
    import numpy as np
except ImportError:  # pragma: no cover - exercised only where numpy is absent
    np = None

MODEL_PATH = DATA_DIR / "models" / "ner.crfsuite"

# A word character: a letter or digit, or an Arabic-script combining mark.
_W = r"(?:[^\W_]|[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED])"
TOKEN_RX = re.compile(
    r"\d+(?:[.,/٫٬:]\d+)+"  # numbers with separators: 12.5  ۱۴۰۳/۰۲/۱۰  ۱۲:۳۰
    rf"|{_W}+(?:[\u200c\u200d]{_W}+)*"  # words, ZWNJ inside allowed
    r"|[^\s\u200b-\u200f\u2060\ufeff]"  # any other visible character alone
)
# The same tokenizer for texts without "_": there ``[^\W_]`` is just ``\w``, and one
# character class is much faster than the alternation in ``_W``.
_W_FAST = r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]"
_TOKEN_RX_FAST = re.compile(
    r"\d+(?:[.,/٫٬:]\d+)+" rf"|{_W_FAST}+(?:[\u200c\u200d]{_W_FAST}+)*" r"|[^\s\u200b-\u200f\u2060\ufeff]"
)
# Tokens that end a sentence (the CRF was trained on sentences).
_SENT_END = frozenset({".", "!", "?", "؟", "…"})
# Hard cap on a tagged sequence; long lines without punctuation are cut.
_MAX_SEQ = 150


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into ``(start, end, token)`` triples with offsets into ``text``.

    >>> tokenize("وزیر «خارجه»، گفت‌وگو")
    [(0, 4, 'وزیر'), (5, 6, '«'), (6, 11, 'خارجه'), (11, 12, '»'), (12, 13, '،'), (14, 21, 'گفت\u200cوگو')]
    """
    rx = _TOKEN_RX_FAST if "_" not in text else TOKEN_RX
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


def sentences(text: str, toks: Sequence[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """Yield ``(i, j)`` token-index ranges: a sentence ends at ``.!?؟``, a newline, or a cap."""
    start = 0
    n = len(toks)
    for i in range(n):
        end_here = toks[i][2] in _SENT_END or i + 1 - start >= _MAX_SEQ
        if not end_here and i + 1 < n and "\n" in text[toks[i][1] : toks[i + 1][0]]:
            end_here = True
        if end_here:
            yield start, i + 1
            start = i + 1
    if start < n:
        yield start, n


def split_sentences(text: str) -> tuple[list[int], list[int], list[list[str]]]:
    """Token starts, token ends and the sentences (token lists) of ``text``, in one pass.

    The same tokens and sentences as :func:`tokenize` + :func:`sentences`, faster: a
    newline always ends a sentence and no token contains one, so the text is read
    line by line, and each token's offset is found with ``str.find`` (only
    whitespace and invisible characters lie between tokens).

    >>> split_sentences("او آمد. سپس\\nرفت")
    ([0, 3, 6, 8, 12], [2, 6, 7, 11, 15], [['او', 'آمد', '.'], ['سپس'], ['رفت']])
    """
    rx = _TOKEN_RX_FAST if "_" not in text else TOKEN_RX
    starts: list[int] = []
    ends: list[int] = []
    sents: list[list[str]] = []
    off = 0
    for line in text.split("\n"):
        words = rx.findall(line)
        if words:
            find = line.find
            pos = 0
            cur: list[str] = []
            for w in words:
                pos = find(w, pos)
                starts.append(off + pos)
                pos += len(w)
                ends.append(off + pos)
                cur.append(w)
                if w in _SENT_END or len(cur) >= _MAX_SEQ:
                    sents.append(cur)
                    cur = []
            if cur:
                sents.append(cur)
        off += len(line) + 1
    return starts, ends, sents


def bio_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Entity chunks ``(first_token, end_token, TYPE)`` from BIO tags, CoNLL style.

    An ``I-X`` that does not continue an ``X`` chunk starts a new one.

    >>> bio_spans(["B-PER", "I-PER", "O", "I-LOC", "B-ORG", "I-LOC"])
    [(0, 2, 'PER'), (3, 4, 'LOC'), (4, 5, 'ORG'), (5, 6, 'LOC')]
    """
    out: list[tuple[int, int, str]] = []
    cur: str | None = None
    begin = 0
    for i, tag in enumerate(tags):
        prefix, _, typ = tag.partition("-")
        if cur is not None and (prefix != "I" or typ != cur):
            out.append((begin, i, cur))
            cur = None
        if prefix in ("B", "I") and cur is None:
            cur, begin = typ, i
    if cur is not None:
        out.append((begin, len(tags), cur))
    return out


def _cqdb_strings(buf: bytes, off: int) -> list[str]:
    """The strings of a CQDB chunk (CRFsuite's string table) at ``off``, by id."""
    magic, _size, _flag, _order, bwd_size, bwd_off = struct.unpack_from("<4sIIIII", buf, off)
    if magic != b"CQDB":
        raise ValueError("not a CRFsuite model (no CQDB chunk)")
    out: list[str] = []
    for rec in struct.unpack_from(f"<{bwd_size}I", buf, off + bwd_off):
        start = off + rec + 8  # skip the id and the key size
        out.append(buf[start : buf.index(b"\0", start)].decode("utf-8"))
    return out


class CrfModel:
    """The weights of a CRFsuite 1st-order model, read from its file.

    ``labels[k]`` is label ``k``; ``attrs`` maps a feature string to its row of
    ``state`` (one weight per label; row ``len(attrs)`` is all zeros, for
    strings the model does not know); ``trans[i][j]`` is the weight of label
    ``i`` followed by ``j``.  The numbers are the file's doubles, unrounded.
    """

    def __init__(self, path: Path) -> None:
        buf = Path(path).read_bytes()
        head = struct.unpack_from("<4sI4sIIIIIIIII", buf, 0)
        if head[0] != b"lCRF" or head[2] != b"FOMC":
            raise ValueError(f"{path}: not a CRFsuite 1st-order CRF model")
        n_labels, n_attrs, off_feat, off_labels, off_attrs = head[5], head[6], head[7], head[8], head[9]
        self.labels = _cqdb_strings(buf, off_labels)
        names = _cqdb_strings(buf, off_attrs)
        if len(self.labels) != n_labels or len(names) != n_attrs:
            raise ValueError(f"{path}: inconsistent label/attribute tables")
        self.attrs = {a: k for k, a in enumerate(names)}
        self.zero = n_attrs
        (n_feat,) = struct.unpack_from("<I", buf, off_feat + 8)
        rows = np.frombuffer(
            buf,
            dtype=np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("w", "<f8")]),
            count=n_feat,
            offset=off_feat + 12,
        )
        state = rows[rows["type"] == 0]
        tr = rows[rows["type"] == 1]
        self.state = np.zeros((n_attrs + 1, n_labels))
        self.state[state["src"], state["dst"]] = state["w"]
        self.trans = np.zeros((n_labels, n_labels))
        self.trans[tr["src"], tr["dst"]] = tr["w"]
        self.tables: dict[str, Any] | None = None

    def with_tables(self) -> CrfModel:
        """This model with its engine tables made (:func:`engine_tables`), for the cache."""
        self.tables = engine_tables(self)
        return self


_SHAPES = ("fa", "lat", "num", "punct", "mix", "BOS", "EOS")
_PAIR_SLOT = {"-1|0": 0, "0|+1": 1, "-2|-1": 2, "+1|+2": 3}
# Words cached per engine (about 150 bytes each in the numpy tables); reset when full.
_ENGINE_CACHE_MAX = 100_000


def engine_tables(model: CrfModel) -> dict[str, Any]:
    """The tables :class:`_Engine` derives from a model's attribute names (read-only, so one
    set serves every engine of the model): shape trigrams, bigram rows, neighbour-word and
    neighbour-shape ids.  Made once when the model is cached (:meth:`CrfModel.with_tables`)."""
    a, z = model.attrs, model.zero
    n_sh = len(_SHAPES)
    sh3 = np.full((n_sh, n_sh, n_sh), z, dtype=np.intp)
    for i, x in enumerate(_SHAPES):
        for j, y in enumerate(_SHAPES):
            for k, w in enumerate(_SHAPES):
                sh3[i, j, k] = a.get("sh3=" + x + y + w, z)
    # Bigram features "-1|0:a|b", "0|+1:a|b", "-2|-1:a|b", "+1|+2:a|b": one row of
    # four attribute ids per "a|b" the model knows (row 0: none known).
    pair_rows: dict[str, list[int]] = {}
    for attr, k in a.items():
        pre, colon, ab = attr.partition(":")
        if colon and pre in _PAIR_SLOT:
            pair_rows.setdefault(ab, [z, z, z, z])[_PAIR_SLOT[pre]] = k
    # Context features a word gives its neighbours: "-1:w=", "-2:w=", "+1:w=", "+2:w="
    # (only words the model knows), "-1:sh=", "+1:sh=", cues and gazetteer classes.
    w_slot = {"-1:w": 0, "-2:w": 1, "+1:w": 2, "+2:w": 3}
    ctx_w: dict[str, list[int]] = {}
    for attr, k in a.items():
        pre, eq, word = attr.partition("=")
        if eq and pre in w_slot:
            ctx_w.setdefault(word, [z, z, z, z])[w_slot[pre]] = k
    return {
        "sh3": sh3,
        "pair_ids": {ab: i for i, ab in enumerate(pair_rows, start=1)},
        "pairs": np.array([[z, z, z, z], *pair_rows.values()], dtype=np.intp),
        "ctx_w": {w: tuple(ids) for w, ids in ctx_w.items()},
        "ctx_sh": {x: (a.get("-1:sh=" + x, z), a.get("+1:sh=" + x, z)) for x in _SHAPES},
    }


class _Engine:
    """Exact CRFsuite scoring and Viterbi for many sentences at once (needs numpy).

    Per word (cached, bounded): ``own[v]``, the sum of the weight rows of the
    word's own features, added in CRFsuite's order; ``ctx[v]``, the attribute
    ids of the features the word gives its neighbours (``-1:w=``, ``+2:cue=``,
    ...).  Per adjacent word pair: the ids of the four bigram features.  The
    emission scores are then ``own`` plus one weight row per context slot, in
    the order of the feature list, so every sum is CRFsuite's own.
    """

    def __init__(self, model: CrfModel, fx: FeatureExtractor, cap: int = _ENGINE_CACHE_MAX) -> None:
        self.m = model
        self.fx = fx
        self.cap = cap
        self.L = len(model.labels)
        self.k_gz = max((len(g) for g in fx.gazetteer.values()), default=0)
        self.n_ctx = 10 + 2 * self.k_gz + 1  # ... + shape id
        a, z = model.attrs, model.zero
        self.bos, self.eos = a.get("BOS", z), a.get("EOS", z)
        tables = getattr(model, "tables", None) or engine_tables(model)  # kept with the cached model
        self.sh3: Any = tables["sh3"]
        self.pair_ids: dict[str, int] = tables["pair_ids"]
        self.ctx_w: dict[str, tuple[int, ...]] = tables["ctx_w"]
        self.ctx_w_none = (z, z, z, z)
        self.ctx_sh: dict[str, tuple[int, int]] = tables["ctx_sh"]
        self.ctx_cue: dict[str, tuple[int, ...]] = {}
        self.ctx_gz: dict[tuple[str, ...], tuple[int, ...]] = {}
        self.pairs: Any = tables["pairs"]
        self._reset()

    @cached_property
    def w_rows(self) -> list[list[float]]:
        """The state weights as lists (made on first use: a tenth of a second at start-up)."""
        return self.m.state.tolist()  # type: ignore[no-any-return]

    @cached_property
    def trans(self) -> list[list[float]]:
        """The transition weights as lists (made on first use)."""
        return self.m.trans.tolist()  # type: ignore[no-any-return]

    def _reset(self) -> None:
        self.vocab: dict[str, int] = {}
        self.norms: list[str] = []
        self.own = np.zeros((1024, self.L))
        self.ctx = np.full((1024, self.n_ctx), self.m.zero, dtype=np.int32)
        self._new_own: list[list[int]] = []  # words added since the last flush: own feature ids
        self._pairs: dict[int, int] = {}  # word-id pair -> bigram row of self.pairs
        self._new_ctx: list[tuple[int, ...]] = []
        for norm, shp in (("<s2>", "BOS"), ("<s1>", "BOS"), ("</s1>", "EOS"), ("</s2>", "EOS")):
            self._add(norm, shp, "", [], ())
        self._flush()

    def _add(self, norm: str, shp: str, cue: str, feats: list[str], gaz: tuple[str, ...]) -> int:
        get = self.m.attrs.get
        self._new_own.append([k for k in map(get, feats) if k is not None])
        c = self.ctx_w.get(norm, self.ctx_w_none) + self.ctx_sh[shp]
        c = c + (self.ctx_cue.get(cue) or self._ctx_cue(cue)) + (self.ctx_gz.get(gaz) or self._ctx_gz(gaz))
        self._new_ctx.append(c + (_SHAPES.index(shp),))
        self.norms.append(norm)
        return len(self.norms) - 1

    def _ctx_cue(self, cue: str) -> tuple[int, ...]:
        a, z = self.m.attrs, self.m.zero
        out = tuple(a.get(p + cue, z) if cue else z for p in ("-1:cue=", "-2:cue=", "+1:cue=", "+2:cue="))
        self.ctx_cue[cue] = out
        return out

    def _ctx_gz(self, gaz: tuple[str, ...]) -> tuple[int, ...]:
        a, z = self.m.attrs, self.m.zero
        gz = list(gaz) + [""] * (self.k_gz - len(gaz))
        out = tuple(
            [a.get("-1:gz=" + g, z) if g else z for g in gz]
            + [a.get("+1:gz=" + g, z) if g else z for g in gz]
        )
        self.ctx_gz[gaz] = out
        return out

    def _word(self, token: str) -> int:
        v = self._add(*word_features(token, self.fx.cues, self.fx.gazetteer))
        self.vocab[token] = v
        return v

    def _flush(self) -> None:
        """Move the rows of words and pairs added since the last call into the numpy tables."""
        z = self.m.zero
        if self._new_ctx:
            v1 = len(self.norms)
            v0 = v1 - len(self._new_ctx)
            while v1 > len(self.own):
                self.own = np.concatenate([self.own, np.zeros_like(self.own)])
                self.ctx = np.concatenate([self.ctx, np.full_like(self.ctx, z)])
            self.ctx[v0:v1] = self._new_ctx
            # Own rows: the weight rows of each word's features added one column at a
            # time, i.e. in list order, as CRFsuite adds them (padding adds exact zeros).
            width = max(map(len, self._new_own), default=0)
            ids = np.array([f + [z] * (width - len(f)) for f in self._new_own], dtype=np.intp)
            acc = np.zeros((v1 - v0, self.L))
            for c in range(width):
                acc += self.m.state.take(ids[:, c], axis=0)
            self.own[v0:v1] = acc
            self._new_own, self._new_ctx = [], []

    def emissions(self, sents: Sequence[Sequence[str]]) -> tuple[Any, list[int]]:
        """CRFsuite's state scores for every token of ``sents`` (one row per token) and the lengths."""
        n_all = sum(map(len, sents))
        if len(self.norms) + n_all >= self.cap:  # bounded caches; never reset half-way
            self._reset()
        vocab, word = self.vocab, self._word
        seq: list[int] = []
        pos: list[int] = []
        lens: list[int] = []
        for toks in sents:
            n = len(toks)
            if not n:
                continue
            base = len(seq) + 2
            seq += (0, 1)
            seq += [vocab.get(t) or word(t) for t in toks]
            seq += (2, 3)
            pos += range(base, base + n)
            lens.append(n)
        # Bigram ids, cached per pair of word ids (key: left << 32 | right).
        known = self._pairs
        if len(known) > 4 * self.cap:
            known.clear()
        pids = list(map(known.get, [a << 32 | b for a, b in zip(seq, seq[1:], strict=False)]))
        if None in pids:
            norms, get = self.norms, self.pair_ids.get
            for k, p in enumerate(pids):
                if p is None:
                    a, b = seq[k], seq[k + 1]
                    p = pids[k] = known[a << 32 | b] = get(norms[a] + "|" + norms[b], 0)
        self._flush()
        sq = np.array(seq, dtype=np.intp)
        pa = np.array(pids, dtype=np.intp)
        r = np.array(pos, dtype=np.intp)
        ctx, W, pairs = self.ctx, self.m.state, self.pairs
        v0 = sq.take(r)
        cm1, cm2 = ctx.take(sq.take(r - 1), axis=0), ctx.take(sq.take(r - 2), axis=0)
        cp1, cp2 = ctx.take(sq.take(r + 1), axis=0), ctx.take(sq.take(r + 2), axis=0)
        n_tok = len(r)
        first = np.cumsum([0, *lens[:-1]])
        last = first + np.array(lens) - 1
        at = np.full(n_tok, self.m.zero, dtype=np.intp)
        at[last] = self.eos
        at[first] = self.bos
        sh = ctx.shape[1] - 1
        slots = [
            cm1[:, 0],
            cm2[:, 1],
            cp1[:, 2],
            cp2[:, 3],
            pairs[pa[r - 1], 0],
            pairs[pa[r], 1],
            pairs[pa[r - 2], 2],
            pairs[pa[r + 1], 3],
            cm1[:, 4],
            cp1[:, 5],
            self.sh3[cm1[:, sh], ctx[v0, sh], cp1[:, sh]],
            at,
            cm1[:, 6],
            cm2[:, 7],
            cp1[:, 8],
            cp2[:, 9],
        ]
        k = self.k_gz
        slots += [cm1[:, 10 + g] for g in range(k)] + [cp1[:, 10 + k + g] for g in range(k)]
        E = self.own.take(v0, axis=0)
        z = self.m.zero
        for ids in slots:  # one feature slot at a time, in the order of the feature list
            if ids.min() < z:
                E += W.take(ids, axis=0)
        return E, lens

    def decode(self, sents: Sequence[Sequence[str]]) -> list[list[int]]:
        """Label ids of the best path for every sentence (empty sentences give ``[]``).

        CRFsuite's Viterbi, run on all sentences at once (longest first): the
        same additions and the same tie rule (the lowest label id wins), so the
        same path.
        """
        if not any(sents):
            return [[] for _ in sents]
        E, lens = self.emissions(sents)
        n_s = len(lens)
        lens_a = np.array(lens)
        order = np.argsort(-lens_a, kind="stable")
        sl = lens_a[order]
        t_max = int(sl[0])
        starts = np.cumsum(lens_a) - lens_a
        steps = np.arange(t_max)[:, None]
        valid = steps < sl[None, :]
        idx = np.full((t_max, n_s), len(E), dtype=np.intp)
        idx[valid] = (starts[order][None, :] + steps)[valid]
        ep = np.concatenate([E, np.zeros((1, self.L))]).take(idx, axis=0)  # (step, sentence, label)
        n_act = valid.sum(axis=1).tolist()  # sentences still running at each step
        trans = self.m.trans
        alpha = np.empty_like(ep)
        alpha[0] = ep[0]
        cand = np.empty((n_s, self.L, self.L))
        best = np.empty((n_s, self.L))
        add, reduce_max = np.add, np.maximum.reduce
        # Steps come in runs with the same number of running sentences: the views of the
        # running rows are made once per run, not once per step.
        runs: list[tuple[int, int, int]] = []  # (first step, end step, running sentences)
        for t in range(t_max):
            if runs and n_act[t] == runs[-1][2]:
                runs[-1] = (runs[-1][0], t + 1, n_act[t])
            else:
                runs.append((t, t + 1, n_act[t]))
        for t0, t1, b in runs:
            # alpha[t][j] = max_i(alpha[t-1][i] + trans[i][j]) + state[t][j]
            a_in, a_out, e_b = alpha[:, :b, :, None], alpha[:, :b], ep[:, :b]
            c_b, best_b = cand[:b], best[:b]
            for t in range(max(t0, 1), t1):
                add(a_in[t - 1], trans, out=c_b)
                reduce_max(c_b, axis=1, out=best_b)
                add(best_b, e_b[t], out=a_out[t])
        trans_t = trans.T.copy()
        take = trans_t.take
        path = np.zeros((t_max, n_s), dtype=np.intp)
        for t0, t1, b in reversed(runs):
            a_b, p_b = alpha[:, :b], path[:, :b]
            for t in range(t1 - 1, t0 - 1, -1):
                b_end = n_act[t + 1] if t + 1 < t_max else 0
                if b > b_end:  # sentences whose last token is t: the best final label
                    alpha[t, b_end:b].argmax(axis=1, out=path[t, b_end:b])
                if t:  # argmax gives the first maximum, like CRFsuite's strict "<"
                    (a_b[t - 1] + take(p_b[t], axis=0)).argmax(axis=1, out=p_b[t - 1])
        rows = path.T.tolist()
        out: list[list[int]] = [[] for _ in range(n_s)]
        for r, s_i in enumerate(order.tolist()):
            out[s_i] = rows[r][: lens[s_i]]
        if n_s != len(sents):  # put empty sentences back in place
            it = iter(out)
            out = [next(it) if s else [] for s in sents]
        return out


class CrfTagger:
    """Loads the committed CRF model and tags tokens or whole texts.

    One tagger per stage object; not thread-safe (its caches are not).
    ``fast=False`` tags through CRFsuite itself (the reference path).
    """

    def __init__(self, model_path: Path | None = None, fast: bool = True) -> None:
        self.model_path = Path(model_path) if model_path is not None else MODEL_PATH
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.model_path))
        self.features = FeatureExtractor()
        self.labels: list[str] = list(self._tagger.labels())
        self._engine: _Engine | None = None
        if fast and np is not None:
            from rasad.cache import cached  # start-up cache of the decoded weights

            path = self.model_path
            model = cached("crf-model", [path, Path(__file__)], lambda: CrfModel(path).with_tables())
            if model.labels != self.labels:
                raise ValueError(f"{self.model_path}: label table differs from CRFsuite's")
            self._engine = _Engine(model, self.features)
        # label id -> (BIO prefix, type)
        self._bio = [(lab.partition("-")[0], lab.partition("-")[2]) for lab in self.labels]

    @property
    def fast(self) -> bool:
        """True when tagging runs on the numpy engine (False: through CRFsuite)."""
        return self._engine is not None

    @property
    def types(self) -> set[str]:
        """The entity types this model can output (``PER``, ``ORG``, ...)."""
        return {lab.partition("-")[2] for lab in self.labels if lab != "O"}

    def tag_tokens(self, tokens: Sequence[str]) -> list[str]:
        """BIO tags (``B-PER``, ``I-PER``, ``O`` ...) for one sentence of tokens.

        One short sentence is tagged fastest by CRFsuite itself; for many
        sentences use :meth:`tag_sentences`.
        """
        if not tokens:
            return []
        return list(self._tagger.tag(self.features.sequence(tokens)))

    def tag_sentences(self, sents: Sequence[Sequence[str]]) -> list[list[str]]:
        """BIO tags for several sentences at once (the same tags as :meth:`tag_tokens`, faster)."""
        if self._engine is None:
            return [self.tag_tokens(s) for s in sents]
        labels = self.labels
        return [[labels[k] for k in path] for path in self._engine.decode(sents)]

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """Entity spans ``(start, end, TYPE)`` with character offsets into ``text``.

        ``text`` is normalized Persian, possibly several lines; each sentence
        is tagged on its own.
        """
        starts, ends, sents = split_sentences(text)
        out: list[tuple[int, int, str]] = []
        if self._engine is None:
            index = {lab: k for k, lab in enumerate(self.labels)}
            paths = [[index[x] for x in tags] for tags in self.tag_sentences(sents)]
        else:
            paths = self._engine.decode(sents)
        bio = self._bio
        i = 0  # index of the sentence's first token
        for path in paths:
            cur = ""
            begin = 0
            for k, lab in enumerate(path):
                prefix, typ = bio[lab]
                if cur and (prefix != "I" or typ != cur):
                    out.append((starts[i + begin], ends[i + k - 1], cur))
                    cur = ""
                if prefix in ("B", "I") and not cur:
                    cur, begin = typ, k
            if cur:
                out.append((starts[i + begin], ends[i + len(path) - 1], cur))
            i += len(path)
        return out
