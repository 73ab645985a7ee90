"""Clause segmentation and argument candidates over one tagged sentence.

Persian is verb-final: every verb group closes a clause.  A clause starts after the previous
verb group, or at a marker (که, اگر, تا, وقتی که ...); material before a mid-region marker
(the head noun of a relative clause, a fronted subject) belongs to the next clause that
has no marker of its own, which then encloses the subordinate one.  Kinds: ``main``,
``complement`` (که after a reporting/cognition verb), ``relative`` (که after a nominal),
``conditional``, ``purpose``, ``adverbial`` (time, cause, concession) and ``coordinated``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rasad.model import Clause, Token
from rasad.syntax.features import fold
from rasad.syntax.resources import load_morphology
from rasad.syntax.verbs import Group

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "ADJ", "DET", "NUM"})
ARG_STOP = frozenset({"ADP", "VERB", "AUX", "PUNCT", "SCONJ", "ADV", "PART", "INTJ"})


DEMONSTRATIVES = frozenset({"این", "آن", "همین", "همان", "چنین", "چنان"})


def _np_break(left: Token, right: Token, lw: str) -> bool:
    """A likely NP boundary between two adjacent nominals: a name then a common noun or a
    pronoun (``آمریکا تحریم‌ها``, ``روسیه آن``), or a (non-demonstrative) pronoun then anything."""
    if left.pos == "PROPN":
        return right.pos in ("NOUN", "PRON")
    return left.pos == "PRON" and right.pos != "PRON" and lw not in DEMONSTRATIVES


@dataclass(slots=True)
class _Pending:
    first: int  # token index
    marker: str | None  # kind of the marker that opens it, if any
    prev_group: int  # the verb group before it (-1: none)
    clause_ids: list[int] = field(default_factory=list)  # relative clauses waiting for their host


class ClauseBuilder:
    """Builds :class:`~rasad.model.Clause` objects; resources loaded once per instance."""

    def __init__(self, data: dict[str, Any] | None = None) -> None:
        d = data or load_morphology()
        self.markers: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for kind, forms in d["clause_markers"].items():
            for form in forms:
                words = tuple(fold(w) for w in form.split())
                self.markers.setdefault(words[0], []).append((words, kind))
        for seqs in self.markers.values():
            seqs.sort(key=lambda x: -len(x[0]))
        self.complement_heads = frozenset(fold(x) for x in d["complement_heads"])
        self.object_marker = fold(d["object_marker"])
        self.prepositions = frozenset(fold(x) for x in d["prepositions"])

    def marker_at(self, words: list[str], i: int) -> tuple[str, int] | None:
        """``(kind, length)`` of the clause marker starting at word ``i``."""
        for seq, kind in self.markers.get(words[i], ()):
            if tuple(words[i : i + len(seq)]) == seq:
                return kind, len(seq)
        return None

    def build(
        self,
        toks: list[Token],
        words: list[str],
        groups: list[Group],
        sentence: int,
        base: int,
        in_timex: list[bool],
        np_end: list[bool] | None = None,
    ) -> list[Clause]:
        """The clauses of one sentence; ``base`` = index of its first clause in ``Article.clauses``.

        ``in_timex`` marks tokens inside time expressions, ``np_end`` tokens that end a name."""
        if not toks:
            return []
        if not groups:
            c = Clause(toks[0].start, toks[-1].end, sentence, "main", None, None, None)
            self._arguments(c, toks, words, list(range(len(toks))), None, in_timex, np_end)
            return [c]
        clauses: list[Clause] = []
        owned: list[list[int]] = []
        claimed: set[int] = set()
        pending: list[_Pending] = []
        marker_toks: set[int] = set()
        rs = 0
        for k, g in enumerate(groups):
            marks = self._region_markers(toks, words, rs, g)
            lead = rs
            while lead < g.first and toks[lead].pos == "PUNCT":
                lead += 1
            cstart = lead
            marker: str | None = None
            prev_group = k - 1
            for mi, _, ln in marks:
                marker_toks.update(range(mi, mi + ln))
            if marks:
                mi, marker, _ = marks[-1]
                cstart = mi
                if mi > lead:  # leftover before the marker belongs to an enclosing clause
                    first_marker = marks[0][1] if len(marks) > 1 and marks[0][0] == lead else None
                    pending.append(_Pending(lead, first_marker, k - 1))
            idx = base + len(clauses)
            if not marks and pending:
                p = pending.pop()
                cstart, marker, prev_group = p.first, p.marker, p.prev_group
                for cid in p.clause_ids:
                    clauses[cid - base].parent = idx
            kind = self._kind(
                marker, toks, words, cstart, clauses, groups[prev_group] if prev_group >= 0 else None
            )
            if marker is None and k > 0 and prev_group == k - 1 and self._reports(groups[k - 1]):
                kind = "complement"  # وی گفت: ... / او گفت ما ... (no که)
            c = Clause(toks[cstart].start, toks[g.last].end, sentence, kind, g.vg, None, None)
            if kind == "complement" and prev_group >= 0:
                c.parent = base + prev_group
            clauses.append(c)
            own = [j for j in range(cstart, g.last + 1) if j not in claimed]
            claimed.update(own)
            owned.append(own)
            if kind == "relative" and pending and cstart > lead:
                pending[-1].clause_ids.append(idx)
            rs = g.last + 1
        # trailing material after the last verb joins the last clause
        last_tok = len(toks) - 1
        while last_tok > groups[-1].last and toks[last_tok].pos == "PUNCT":
            last_tok -= 1
        if last_tok > groups[-1].last:
            clauses[-1].end = toks[last_tok].end
            owned[-1].extend(range(groups[-1].last + 1, last_tok + 1))
        self._parents(clauses, base)
        for k, c in enumerate(clauses):
            self._arguments(
                c, toks, words, [j for j in owned[k] if j not in marker_toks], groups[k], in_timex, np_end
            )
        return clauses

    def _region_markers(
        self, toks: list[Token], words: list[str], rs: int, g: Group
    ) -> list[tuple[int, str, int]]:
        """``(index, kind, length)`` of the markers in ``[rs, g.first)``: subordinators anywhere,
        coordinators at the region's start."""
        marks: list[tuple[int, str, int]] = []
        lead = rs
        while lead < g.first and toks[lead].pos == "PUNCT":
            lead += 1
        i = rs
        markers = self.markers
        while i < g.first:
            if words[i] not in markers:
                i += 1
                continue
            m = self.marker_at(words, i)
            if m is None:
                i += 1
                continue
            kind, ln = m
            if (kind == "coordinating" and i != lead) or (
                kind == "purpose" and words[i] == "تا" and g.vg.mood != "subjunctive"
            ):
                i += 1
                continue
            marks.append((i, kind, ln))
            i += ln
        return marks

    def _break(self, toks: list[Token], words: list[str], j: int, np_end: list[bool] | None) -> bool:
        """A likely NP boundary between tokens ``j`` and ``j + 1``."""
        if np_end is not None and np_end[j] and toks[j + 1].pos in ("NOUN", "PRON", "PROPN", "DET"):
            return True
        return _np_break(toks[j], toks[j + 1], words[j])

    def _reports(self, g: Group) -> bool:
        """A reporting/cognition verb whose following clause is its complement."""
        return (g.vg.lvc_noun or g.vg.lemma) in self.complement_heads

    def _kind(
        self,
        marker: str | None,
        toks: list[Token],
        words: list[str],
        cstart: int,
        clauses: list[Clause],
        prev: Group | None,
    ) -> str:
        if marker is None:
            return "coordinated" if any(c.kind == "main" for c in clauses) else "main"
        if marker == "complementizer":
            j = cstart - 1
            while j >= 0 and toks[j].pos == "PUNCT":
                j -= 1
            if j < 0:
                return "complement"  # sentence-initial اینکه ...
            if prev is not None and prev.last == j:
                vg = prev.vg
                if (vg.lvc_noun or vg.lemma) in self.complement_heads:
                    return "complement"
                return "relative" if vg.lvc_noun else "complement"
            if toks[j].pos == "ADJ" and words[j] in self.complement_heads:
                return "complement"  # روشن است که / معتقد ... که
            return "relative"
        if marker == "coordinating":
            return "coordinated" if clauses else "main"
        return marker

    @staticmethod
    def _parents(clauses: list[Clause], base: int) -> None:
        n = len(clauses)
        # the roots of the parent links so far (a union-find with path halving, linked only at
        # roots): "k encloses j" for a clause k without a parent is "j's root is k" — a walk up
        # the whole chain for each pair was quadratic in a sentence of thousands of clauses
        up = [
            c.parent - base if c.parent is not None and base <= c.parent < base + n else k
            for k, c in enumerate(clauses)
        ]
        if _has_cycle(up):
            _parents_walking(clauses, base)
            return

        def root(j: int) -> int:
            while up[j] != j:
                up[j] = up[up[j]]
                j = up[j]
            return j

        def before(k: int) -> int | None:
            """The nearest earlier clause that ``k`` does not enclose (its left neighbour)."""
            return next((base + j for j in range(k - 1, -1, -1) if root(j) != k), None)

        for k, c in enumerate(clauses):
            if c.parent is not None or c.kind == "main":
                continue
            c.parent = _proposed_parent(clauses, k, base, before)
            if c.parent is not None:
                p = c.parent - base
                if 0 <= p < n and root(p) == k:
                    c.parent = None  # never a cycle
                elif 0 <= p < n:
                    up[k] = p

    # --- arguments ---------------------------------------------------------------
    def _np_forward(
        self,
        toks: list[Token],
        words: list[str],
        idx: list[int],
        p: int,
        in_timex: list[bool],
        stop: set[int],
        np_end: list[bool] | None,
    ) -> int:
        """Index into ``idx`` one past the nominal run starting at ``idx[p]``."""
        q = p
        while q < len(idx):
            j = idx[q]
            t = toks[j]
            if j in stop or (q > p and idx[q - 1] != j - 1):
                break
            if t.pos in NOMINAL and not (q > p and in_timex[j] and not in_timex[idx[q - 1]]):
                if q > p and self._break(toks, words, idx[q - 1], np_end):
                    break
                q += 1
                continue
            if (
                t.pos == "CCONJ"
                and words[j] == "و"
                and q > p
                and q + 1 < len(idx)
                and toks[idx[q + 1]].pos in ("NOUN", "PROPN")
            ):
                q += 1
                continue
            break
        return q

    def _arguments(
        self,
        c: Clause,
        toks: list[Token],
        allwords: list[str],
        idx: list[int],
        g: Group | None,
        in_timex: list[bool],
        np_end: list[bool] | None,
    ) -> None:
        stop = set(range(g.first, g.last + 1)).union(g.extra) if g else set()
        verb_at = g.first if g else len(toks)
        om = self.object_marker
        preps = self.prepositions
        adps = [q for q, j in enumerate(idx) if toks[j].pos in ("ADP", "PART") or allwords[j] in preps]
        # را-objects: the nominal run before each را
        for q in adps:
            if allwords[idx[q]] == om:
                r = q - 1
                while (
                    r >= 0
                    and idx[r] == idx[r + 1] - 1
                    and idx[r] not in stop
                    and (toks[idx[r]].pos in NOMINAL or (allwords[idx[r]] == "و" and r > 0))
                ):
                    if r + 1 < q and self._break(toks, allwords, idx[r], np_end):
                        break
                    if in_timex[idx[r]] and not in_timex[idx[r + 1]]:
                        break
                    r -= 1
                if r + 1 < q:
                    c.objects.append((toks[idx[r + 1]].start, toks[idx[q - 1]].end))
        # prepositional arguments: the nominal run after each preposition
        for q in adps:
            w = allwords[idx[q]]
            if w != om and (
                toks[idx[q]].pos == "ADP" or q + 1 < len(idx) and toks[idx[q + 1]].pos in NOMINAL
            ):
                e = self._np_forward(toks, allwords, idx, q + 1, in_timex, stop, np_end)
                if e > q + 1:
                    c.preps.append((w, toks[idx[q + 1]].start, toks[idx[e - 1]].end))
        # subject: the first unmarked nominal run before the verb
        q = 0
        while q < len(idx) and idx[q] < verb_at:
            j = idx[q]
            t = toks[j]
            if t.pos == "ADP":
                q = max(self._np_forward(toks, allwords, idx, q + 1, in_timex, stop, np_end), q + 1)
                continue
            if t.pos in NOMINAL and not in_timex[j] and j not in stop:
                e = self._np_forward(toks, allwords, idx, q, in_timex, stop, np_end)
                nxt = idx[e] if e < len(idx) else None
                if nxt is not None and allwords[nxt] == self.object_marker:
                    q = e + 1
                    continue
                if e > q and idx[e - 1] < verb_at:
                    c.subject = (t.start, toks[idx[e - 1]].end)
                break
            q += 1


def _has_cycle(up: list[int]) -> bool:
    """Do the links ``up`` (``up[k] == k``: a root) hold a cycle?"""
    state = [0] * len(up)  # 0 unseen, 1 on the current path, 2 done
    for k in range(len(up)):
        path: list[int] = []
        j = k
        while state[j] == 0:
            state[j] = 1
            path.append(j)
            if up[j] == j:
                break
            j = up[j]
        else:
            if state[j] == 1:
                return True
        for q in path:
            state[q] = 2
    return False


def _proposed_parent(
    clauses: list[Clause], k: int, base: int, before: Callable[[int], int | None]
) -> int | None:
    """The parent a clause of its kind takes: its left neighbour (``before``) for complement,
    coordinated and relative clauses (a sentence-initial relative clause: the next one); a
    conditional, purpose or adverbial clause that opens the sentence or follows another such
    clause governs the next main or coordinated clause instead."""
    n = len(clauses)
    kind = clauses[k].kind
    if kind in ("complement", "coordinated"):
        return before(k)
    if kind == "relative":
        return before(k) if k > 0 else (base + 1 if n > 1 else None)
    if k == 0 or clauses[k - 1].kind in ("conditional", "adverbial", "purpose"):
        nxt = next((j for j in range(k + 1, n) if clauses[j].kind in ("main", "coordinated")), None)
        return base + nxt if nxt is not None else None
    return before(k)


def _parents_walking(clauses: list[Clause], base: int) -> None:
    """The parents found by walking each chain (parent links that already hold a cycle)."""
    n = len(clauses)

    def encloses(k: int, j: int) -> bool:
        """Whether clause ``k`` governs clause ``j`` (directly or not)."""
        seen = 0
        p = clauses[j].parent
        while p is not None and seen < n:
            if p == base + k:
                return True
            p = clauses[p - base].parent if base <= p < base + n else None
            seen += 1
        return False

    def before(k: int) -> int | None:
        """The nearest earlier clause that ``k`` does not enclose (its left neighbour)."""
        return next((base + j for j in range(k - 1, -1, -1) if not encloses(k, j)), None)

    for k, c in enumerate(clauses):
        if c.parent is not None or c.kind == "main":
            continue
        c.parent = _proposed_parent(clauses, k, base, before)
        if c.parent is not None and encloses(k, c.parent - base):
            c.parent = None  # never a cycle
