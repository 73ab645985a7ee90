"""Clause parents: the union-find path and the chain-walking path (used when the given parent
links already hold a cycle) choose the same parents."""

from __future__ import annotations

import random

from rasad.model import Clause
from rasad.syntax.clauses import ClauseBuilder, _parents_walking

KINDS = ("main", "complement", "relative", "conditional", "coordinated", "purpose", "adverbial")


def _clauses(kinds: list[str], parents: list[int | None]) -> list[Clause]:
    return [Clause(i, i + 1, 0, k, None, p, None) for i, (k, p) in enumerate(zip(kinds, parents, strict=True))]


def test_both_paths_choose_the_same_parents_on_acyclic_links() -> None:
    rng = random.Random(7)
    for _ in range(500):
        n = rng.randint(1, 9)
        kinds = [rng.choice(KINDS) for _ in range(n)]
        # some given links, always to an earlier clause (no cycle)
        given = [rng.randrange(i) + 10 if i and rng.random() < 0.3 else None for i in range(n)]
        fast, walk = _clauses(kinds, given), _clauses(kinds, given)
        ClauseBuilder._parents(fast, 10)
        _parents_walking(walk, 10)
        assert [c.parent for c in fast] == [c.parent for c in walk], kinds


def test_given_links_with_a_cycle_go_the_walking_way() -> None:
    clauses = _clauses(["coordinated", "relative", "complement"], [11, 10, None])  # 0 ↔ 1
    ClauseBuilder._parents(clauses, 10)
    assert [c.parent for c in clauses] == [11, 10, 11]  # the given links kept, the new one to its left
