"""The argument frame of an accusation with an object: who charges whom.

Persian states most charges with a را-object and a predicate after it:

* ``X Y را به دخالت در امور Z متهم کرد`` — X accuses Y; Z is inside the charge;
* ``X تصمیم Y را اقدامی غیرقانونی دانست`` — X accuses Y (the owner of what is judged);
* ``X نشست Y را خدعه Z دانست`` — nothing named in the object: the genitive of the charge
  noun (Z) is the one charged.

So the one charged is the actor of the object (before را), else the genitive right after
the charge noun; names further inside the charge (``دخالت در امور Z``) are neither the
source nor a target; the source is the subject before the object, or the speaker.
The grammar's position-based actors are replaced only when such a frame is found.
A refusal has the same frame: ``X سیاست Y بر Z را رد کرد`` rejects Y's policy (Z is
inside the object, not a party), unless the object names the side its act is for
(``واگذاری خاک Z به Y را رد کرد``: Y).
"""

from __future__ import annotations

from rasad.cache import LazyPattern
from rasad.events.actors import Candidate
from rasad.events.constructions import Constructions
from rasad.events.resources import compile_fa_pattern, load_yaml

Actor = tuple[str, str | None]
_OBJ = LazyPattern(r"(?<![\w\u200c])را(?![\w\u200c])")
_FROM = LazyPattern(r"(?<![\w\u200c])از(?![\w\u200c])")


class AccusationFrame:
    """Source and targets of an ACCUSE trigger read off its را-object (read-only)."""

    def __init__(self) -> None:
        d = load_yaml("triggers.yaml").get("accusation") or {}
        self.pronoun_rx = LazyPattern(compile_fa_pattern(d["pronoun_object"]) + r"[ \u200c]*$")
        self.person_rx = LazyPattern(
            r"(?<![\w\u200c])" + compile_fa_pattern(d["person_object"]) + r"[ \u200c]*$"
        )
        self.gen_words = int(d.get("genitive_words", 1))
        self.prep_rx = LazyPattern(
            r"(?<![\w\u200c])" + compile_fa_pattern(d["preposition"]) + r"(?![\w\u200c])"
        )

    def actors(
        self,
        text: str,
        cands: list[Candidate],
        span: tuple[int, int, int],
        actors: list[Actor],
        speaker: Actor | None,
        marked_first: bool = False,
        quoted: bool = False,
    ) -> list[Actor] | None:
        """``[source, *targets]`` for the trigger at ``span = (clause start, ts, te)``
        (``marked_first``: a target marked inside the object outranks its owner;
        ``quoted``: the object is a quote whose speaker is the subject, as in
        ``X حمله Y به Z را محکوم کرد``: X condemns, Y is charged);
        None when the clause has no را-object before the predicate (the grammar's actors
        stand), ``[]`` when no source is left (the grammar's was the one charged)."""
        lo, ts, te = span
        obj = None
        for m in _OBJ.finditer(text, lo, te):
            obj = m
        if obj is None or obj.start() <= lo:
            return None
        r0, r1 = obj.start(), obj.end()
        if quoted and speaker is not None:
            named = self._quoted(text, cands, lo, r0, speaker, marked_first) or self._genitive(
                text, cands, r1, te
            )
            if named:
                return [speaker, *[t for t in named if t[0] != speaker[0]]]
        comma = text.rfind("،", lo, r0)
        src = actors[0] if actors else None
        src_c = None
        if src is not None:  # the source's own mention, before the object
            for c in cands:
                if (
                    lo <= c.start
                    and c.end <= r0
                    and c.actor == src[0]
                    and not c.target_marked
                    and text[c.end : r0].strip(" \u200c")  # (not the object itself: Y را)
                ):
                    src_c = c
                    break
        a = max(lo, comma + 1 if comma >= 0 else lo)
        co: list[Actor] = []  # sources coordinated with the first (X و Y ... Z را متهم کردند)
        if src_c is not None:
            co = [x for x in Constructions.coordinated(text, cands, src_c, r0) if x[0] != src_c.actor]
            last = max(c.end for c in cands if c.start < r0 and (c is src_c or (c.actor, c.actor_id) in co))
            a = max(a, last)
        in_obj = [
            c
            for c in cands
            if a <= c.start
            and c.end <= r0
            and c.actor
            and c is not src_c
            and not (c.loc_marked or c.with_marked or c.between_marked)
        ]
        targets: list[Actor] = []
        marked = [c for c in in_obj if c.target_marked] if marked_first else []
        if marked:  # a refusal: the side an act is for (واگذاری خاک X به Y را رد کرد: Y)
            in_obj = marked
        if in_obj:
            first = in_obj[0]
            targets.append((first.actor, first.actor_id))  # type: ignore[arg-type]
            for c in in_obj[1:]:
                between = text[first.end : c.start]
                if between.strip(" \u200c،,") in ("", "و") and c.actor not in {t[0] for t in targets}:
                    targets.append((c.actor, c.actor_id))  # type: ignore[arg-type]
                    first = c
        elif not self.pronoun_rx.search(text, max(a, r0 - 12), r0):
            targets = self._genitive(text, cands, r1, te)
        charge = {c.actor for c in cands if r1 <= c.start < te and c.actor}
        named_here = src is not None and any(lo <= c.start < te and c.actor == src[0] for c in cands)
        # او را ... متهم می‌کنند: a person named before, whom the pronoun object points back to,
        # is the one charged, not the one who charges
        him = (
            not in_obj
            and src_c is None
            and not named_here
            and bool(self.person_rx.search(text, max(a, r0 - 8), r0))
        )
        if src is None or (src_c is None and named_here) or him or src[0] in {t[0] for t in targets}:
            src = self._subject(text, cands, lo, a, r0) or (speaker if not him or speaker != src else None)
        if src is None:
            return []  # the grammar's source was the one charged or inside the charge
        targets = [t for t in targets if t[0] != src[0]]
        if not targets:  # keep the grammar's other actors that are not inside the charge
            targets = [x for x in actors[1:] if x[0] not in charge and x[0] != src[0]]
        co = [x for x in co if x[0] != src[0] and x[0] not in {t[0] for t in targets}]
        return [src, *co, *targets]

    def from_object(self, text: str, cands: list[Candidate], lo: int, ts: int, actors: list[Actor]) -> list[Actor]:
        """``X از تصمیم Y برای فروش سلاح به Z انتقاد کرد`` (a verb whose object is marked by
        از, with no را-object): Y, the first party of the از phrase, and those coordinated
        with it are the targets; a party named further inside after a preposition (Z) belongs
        to what is criticised or backed, not to the event."""
        if _OBJ.search(text, lo, ts) is not None:
            return actors
        inside: list[Candidate] = []
        for m in _FROM.finditer(text, max(0, lo - 3), ts):  # (a quote object may start after از)
            inside = [c for c in cands if m.end() <= c.start and c.end <= ts and c.actor]
            if inside:
                break
        if len(inside) < 2:
            return actors
        return Constructions.first_phrase_only(text, cands, inside, ts, self.prep_rx, actors)

    @staticmethod
    def after_from(text: str, cands: list[Candidate], te: int, actors: list[Actor]) -> list[Actor]:
        """``X در جلسه Y با قدردانی از Z گفت``: a noun whose object follows with از names
        its target after it; a party named only before it (Y) is none."""
        if not _FROM.match(text, te + 1) or text[te : te + 1] != " ":
            return actors
        after = {c.actor for c in cands if c.start > te and c.actor}
        return [a for i, a in enumerate(actors) if i == 0 or a[0] in after]

    @staticmethod
    def _quoted(
        text: str, cands: list[Candidate], lo: int, r0: int, speaker: Actor, marked_first: bool
    ) -> list[Actor]:
        """The object ``[lo, r0)`` is the quote of ``speaker``, the subject: the first actor
        named in it (and those coordinated with it) is the one charged; names further
        inside (``به کنسولگری Z در W``) belong to the charge; ``[]`` when none is named."""
        in_obj = [
            c
            for c in cands
            if lo <= c.start
            and c.end <= r0
            and c.actor
            and c.actor != speaker[0]
            and not (c.modifier or c.loc_marked or c.with_marked or c.between_marked)
        ]
        marked = [c for c in in_obj if c.target_marked] if marked_first else []
        in_obj = marked or in_obj
        targets: list[Actor] = []
        last = -1
        for c in in_obj:
            if targets and text[last : c.start].strip(" \u200c،,") not in ("", "و"):
                break
            if c.actor not in {t[0] for t in targets}:
                targets.append((c.actor, c.actor_id))  # type: ignore[arg-type]
            last = c.end
        return targets

    def _genitive(self, text: str, cands: list[Candidate], r1: int, te: int) -> list[Actor]:
        """``را خدعه آمریکا ... دانست``: the actor right after the charge noun."""
        for c in cands:
            if c.start < r1 or c.start >= te or not c.actor:
                continue
            lead = text[r1 : c.start].split()
            if len(lead) <= self.gen_words and not any(self.prep_rx.fullmatch(w) for w in lead):
                return [(c.actor, c.actor_id)]  # type: ignore[list-item]
            break
        return []

    @staticmethod
    def _subject(text: str, cands: list[Candidate], lo: int, a: int, r0: int) -> Actor | None:
        """The first unmarked actor of the clause before the object."""
        for c in cands:
            if (
                lo <= c.start
                and c.end <= min(a, r0)
                and c.actor
                and not (c.modifier or c.loc_marked or c.with_marked or c.target_marked or c.between_marked)
            ):
                return (c.actor, c.actor_id)
        return None
