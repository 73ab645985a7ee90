"""Who takes part: clause- and article-level rules on the actor sets of events.

GUIDELINES §5/§9: the people named as taking part are the actors.

* *a person named beats their state or organization* (``البرادعی، رئیس آژانس ... با
  ایران`` is ElBaradei and Iran, not the agency too): :func:`persons_beat_their_side`,
  from :func:`affiliations`; a headline's states join the body's people of the same
  meeting (:func:`unify_sides`);
* a visit with no named host takes the place visited (:func:`visit_host`);
* victims and outlets are no actors (:func:`drop_victims`, :func:`drop_interviews`);
  an attacker left unnamed is ``anonymous:attackers`` (:meth:`Parties.unnamed_attacker`);
* the party asked inside a request's noun phrase (``خواستار استعفای X``,
  :meth:`Parties.asked`); ``این کشور`` after a person is that person's state
  (:meth:`Parties.their_country`);
* dates and places: a reported meeting takes its reporting clause's date
  (:func:`governing_date`); a country as place yields to its capital named after
  ``در`` (:func:`finer_places`); a trip in the perfect in a relative clause is under
  way (:func:`visits_in_progress`).

The data (roles, envoys, media heads, asked heads, unnamed attackers) is in
``rasad/data/events/actors.yaml``.

    >>> from rasad.events.mentions import Found
    >>> f = Found("CONSULT", [("Iran", None), ("Mohamed ElBaradei", None),
    ...           ("International Atomic Energy Agency", None)], "occurred", "مذاکرات", 0, 5, 0)
    >>> persons_beat_their_side([f], {"Mohamed ElBaradei": {"International Atomic Energy Agency"}})
    >>> [a[0] for a in f.actors]
    ['Iran', 'Mohamed ElBaradei']
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence

from rasad.cache import LazyPattern, Regex
from rasad.events.actors import ActorResolver, Candidate
from rasad.events.factuality import stronger
from rasad.events.mentions import Actor, Found, pick_date
from rasad.events.merge import dates_compatible, more_specific
from rasad.events.resources import alternation, load_yaml
from rasad.model import Article, Timex

JOINT = ("CONSULT", "AGREE")
# GUIDELINES §9: an unnamed non-state source is ``anonymous:<role>`` (Y مورد حمله قرار گرفت)
UNNAMED_ATTACKER: Actor = ("anonymous:attackers", None)
_REL = LazyPattern(r"(?<![\w\u200c])که[ \u200c]+(?:[^\s،.]+[ \u200c]+){0,5}$")
_GAP = LazyPattern(r"^[\s\u200c،,«»\"()]*$")


def visit_host(
    mode: str | None, cands: Sequence[Candidate], te: int, end: int, actors: list[Actor]
) -> Candidate | None:
    """``X در سفر خود به تهران ...``: a visit whose only named party is the traveller
    takes the place visited (its state, for a capital) as the host; the mention is
    then the visit's place too (its ``loc_marked`` flag is set)."""
    if mode != "visit" or len(actors) != 1:
        return None
    # the traveller is the clause's subject, not an invited party (دعوت از X برای سفر به Y)
    if not any(c.actor == actors[0][0] and c.end <= te and not c.target_marked for c in cands):
        return None
    for c in cands:
        if c.start < te or c.end > end:
            continue
        if (c.loc_marked or c.target_marked) and c.actor and c.actor != actors[0][0] and not c.modifier:
            c.loc_marked = c.loc_marked or c.place is not None
            return c
    return None


_IN_PLACE = LazyPattern(r"(?<![\w\u200c])در(?:[ \u200c]+(?:فرودگاه|شهر|پایتخت|کاخ|مقر))?[ \u200c]+$")
_CONJUNCT = LazyPattern(r"[\s\u200c]و[\s\u200c]+(?:[^\s،.]+[\s\u200c]+){2,}")


def new_conjunct(text: str, te: int, start: int) -> bool:
    """Does a second noun phrase open between an attack noun and ``start``
    (``حمله ... به فرودگاه و پیام آمریکا به ایران``: Iran is the message's)?"""
    return _CONJUNCT.search(text, te, start) is not None


def governing_date(timexes: list[Timex], s0: int, cue_start: int, said_on: str | None) -> str | None:
    """The date of the reporting clause that governs a reported meeting or attack
    (``وزارت خارجه عصر دوشنبه اعلام کرد که ... گفت‌وگو کردند``), else the quote's own date."""
    if cue_start > s0:
        date = pick_date(timexes, s0, cue_start, cue_start)
        if date is not None:
            return date
    return said_on


def affiliations(
    doc: Article, resolver: ActorResolver, nationality: Mapping[str, str]
) -> dict[str, set[str]]:
    """Person → the states and organizations the article gives as theirs: the
    nationality of their titles, and an actor named in a role right after the
    person (``محمدالبرادعی رئیس آژانس ...``, ``لاوروف، وزیر خارجه روسیه``)."""
    out: dict[str, set[str]] = {p: {s} for p, s in nationality.items()}
    text = doc.text
    acts: list[tuple[int, int, str]] = []
    people: list[tuple[int, int, str]] = []
    for ent in doc.entities:
        act = resolver.actor(ent)
        if act is None:
            continue
        for mention in ent.mentions:
            span = (mention.start, mention.end, act[0])
            (people if ent.type == "PER" else acts).append(span)
    if not people or not acts:
        return out
    acts.sort()
    starts = [a for a, _, _ in acts]
    for _, pe, name in people:
        m = resolver.role_rx.search(text, pe, min(len(text), pe + 30))
        if m is None or not _GAP.match(text[pe : m.start()]):
            continue
        k = bisect.bisect_left(starts, m.end())
        if k == len(acts) or acts[k][0] >= m.end() + 45:
            continue
        a, _, actor = acts[k]
        between = text[m.end() : a]
        if "،" in between or "." in between or " و " in f" {between} " or actor == name:
            continue
        out.setdefault(name, set()).add(actor)
    return out


def persons_beat_their_side(found: list[Found], aff: Mapping[str, set[str]]) -> None:
    """Drop a state or organization from an event when a person of its own is an
    actor on the same side (a joint event, or the targets of a one-sided one; a
    state named as the source yields to its person named as a target)."""
    if not aff:
        return
    for f in found:
        if len(f.actors) < 2:
            continue
        names = [a[0] for a in f.actors]
        drop: set[int] = set()
        for i, n in enumerate(names):
            for j, p in enumerate(names):
                if i == j or n not in aff.get(p, ()):
                    continue
                if f.type in JOINT or (i > 0 and j > 0) or (i == 0 and j > 0):
                    drop.add(i)
        if not drop:
            continue
        keep = [a for i, a in enumerate(f.actors) if i not in drop]
        if f.type in JOINT and len(keep) < 2:
            continue
        if keep:
            f.actors = keep


def drop_victims(found: list[Found], persons: frozenset[str]) -> None:
    """A person named as the one an attack hit (``ترور X``, ``X در حمله ... کشته شد``)
    is a victim, not a party (GUIDELINES §9): attacks keep states, forces and groups."""
    for f in found:
        if f.type == "ASSAULT" and len(f.actors) > 1:
            f.actors = [f.actors[0]] + [a for a in f.actors[1:] if a[0] not in persons]


def _side(f: Found, states: Mapping[str, str]) -> frozenset[str]:
    return frozenset(states.get(a[0], a[0]) for a in f.actors)


def unify_sides(found: list[Found], aff: Mapping[str, set[str]], countries: set[str]) -> list[Found]:
    """One meeting told with states in the headline and with their people in the body
    (``دیدار ایران و روسیه`` / ``ظریف و لاوروف دیدار کردند``) is one event: the mention
    naming states joins the one naming the people (GUIDELINES §9: persons beat countries)."""
    states = {p: next(iter(s & countries)) for p, s in aff.items() if len(s & countries) == 1}
    if not states:
        return found
    drop: set[int] = set()
    joint = [f for f in found if f.type in JOINT and len(f.actors) >= 2]
    for f in joint:
        if any(a[0] in states for a in f.actors) or id(f) in drop:
            continue  # f names states only: look for the mention naming their people
        side = _side(f, states)
        for g in joint:
            if (
                g is f
                or id(g) in drop
                or g.type != f.type
                or not all(a[0] in states for a in g.actors)
                or _side(g, states) != side
                or (f.date and g.date and not dates_compatible(f.date, g.date))
                or (f.status in ("occurred", "ongoing")) != (g.status in ("occurred", "ongoing"))
            ):
                continue
            g.date = more_specific(g.date, f.date)
            g.status = stronger(g.status, f.status)
            g.location = g.location or f.location
            g.sentences |= f.sentences
            drop.add(id(f))
            break
    return [f for f in found if id(f) not in drop]


def visits_in_progress(
    found: list[Found], text: str, perfect_rx: Regex, published: str = ""
) -> None:
    """``X که به چین سفر کرده است، گفت ...``: the perfect of a trip in a relative clause
    describes where the traveller is now (GUIDELINES: ``ongoing``), unless a date before
    the publication day puts it back."""
    for f in found:
        if f.type != "CONSULT" or f.mode != "visit" or f.status != "occurred":
            continue
        if f.date and not (published and f.date[:10] >= published[:10]):
            continue
        if not perfect_rx.fullmatch(f.trigger):
            continue
        ts = text.find(f.trigger, f.start, f.end)
        if ts < 0:
            continue
        if _REL.search(text, max(f.start, ts - 50), ts):
            f.status = "ongoing"


class Parties:
    """Compiled data for the clause-level party rules (``actors.yaml``); read-only."""

    def __init__(self, resolver: ActorResolver) -> None:
        data = load_yaml("actors.yaml")
        self.resolver = resolver
        self.attackers_rx = LazyPattern(
            r"(?:^|(?<=[\s\u200c]))(?:[\s\u200c]*)" + alternation(data.get("unnamed_attackers") or ["(?!)"]) + r"(?![\w\u200c])"
        )
        self.asked_rx = LazyPattern(
            r"(?<![\w\u200c])"
            + alternation(data.get("asked_heads") or ["(?!)"])
            + r"(?:[ \u200c]+(?!(?:از|به|با|در|برای|درباره|علیه|میان|بین|مابین|و)(?![\w\u200c]))[^\s،.:]+){0,2}"
            + r"[ \u200c]+[«\"]?$"
        )

    def unnamed_attacker(
        self, text: str, a: int, ts: int, te: int, s1: int, before: bool | None = None
    ) -> Actor | None:
        """``یک گروه مسلح ... حمله کردند``, ``حمله افراد مسلح ناشناس به ...``: attackers the
        article does not name (GUIDELINES §9: ``anonymous:<role>``). ``before``: the search of
        ``[a, ts)`` done already (None: not done)."""
        if before is None:
            before = self.attackers_rx.search(text, a, ts) is not None
        if before or self.attackers_rx.match(text, te, min(s1, te + 40)):
            return UNNAMED_ATTACKER
        return None

    def asked(self, text: str, cands: Sequence[Candidate], ts: int, te: int, source: Actor) -> list[Actor]:
        """``خواستار استعفای X شد``, ``خواستار برگزاری نشست فوری X شد``: the party whose act
        is asked for is named in the genitive of the act's noun, inside the request."""
        for c in cands:
            if not (ts < c.start and c.end <= te) or not c.actor or c.actor == source[0]:
                continue
            if c.modifier or c.between_marked or c.with_marked or c.target_marked:
                continue
            if self.asked_rx.search(text, max(ts, c.start - 40), c.start):
                return [(c.actor, c.actor_id)]
        return []

    def their_country(
        self,
        text: str,
        cands: list[Candidate],
        nationality: Mapping[str, str],
        this_rx: Regex,
        s0: int,
    ) -> list[Candidate]:
        """``رئیس‌جمهور قزاقستان از مردم این کشور خواست``: with no state named before it (the
        state sits inside the person's title), ``این کشور`` is the state of the person named
        just before it."""
        if not nationality or not cands:
            return cands
        added: list[Candidate] = []
        for m in this_rx.finditer(text, s0, cands[-1].end + 40):
            if any(c.start <= m.start() < c.end for c in cands):
                continue
            before = [c for c in cands if c.end <= m.start()]
            if not before or any(c.actor in self.resolver.countries and not c.modifier for c in before):
                continue  # the construction layer resolves it to the state named before
            person = next((c for c in reversed(before) if c.etype == "PER" and c.actor in nationality), None)
            if person is None or person.actor is None:
                continue
            state = nationality[person.actor]
            added.append(
                Candidate(
                    m.start(), m.end(), state, self.resolver.ids.get(state), None, None, "GPE", "anaphor"
                )
            )
        if not added:
            return cands
        out = sorted(cands + added, key=lambda c: (c.start, -c.end))
        self.resolver.flag(text, out)
        return out


_WITH = LazyPattern(r"[ \u200c]+(?:تلفنی[ \u200c]+)?با[ \u200c]+(?:[^\s،.]+[ \u200c]+){0,2}$")


def drop_interviews(found: list[Found], doc: Article, resolver: ActorResolver) -> list[Found]:
    """``X در گفت‌وگو با فاکس بیزنس گفت``: a talk with a news outlet is an interview, not a
    meeting (GUIDELINES: reporters and outlets are no actors)."""
    media: list[int] = []
    for ent in doc.entities:
        if resolver.actor(ent) is None and (ent.name in resolver.non_actors or resolver.media_rx.search(ent.name)):
            media.extend(m.start for m in ent.mentions)
    if not media:
        return found
    media.sort()
    text = doc.text
    out: list[Found] = []
    for f in found:
        if f.type == "CONSULT" and not f.anaphoric:
            ts = text.find(f.trigger, f.start, f.end)
            te = ts + len(f.trigger)
            k = bisect.bisect_left(media, te)
            if ts >= 0 and k < len(media) and media[k] - te < 40 and _WITH.search(text, te, media[k]):
                continue
        out.append(f)
    return out


def finer_places(found: list[Found], doc: Article, resolver: ActorResolver) -> None:
    """GUIDELINES §9: the most specific named place. An event placed in a country
    whose own sentences name that country's seat of government as a place, after در
    (``به چین`` ... ``در فرودگاه پکن``), is placed there (``Beijing``, not ``China``)."""
    seats: dict[int, list[tuple[str, str | None, str]]] = {}
    for ent in doc.entities:
        country = resolver.metonymy.get(ent.name)
        if country is None or ent.type not in ("GPE", "LOC", "FAC"):
            continue
        for m in ent.mentions:
            si = doc.sentence_at(m.start)
            if si is not None and _IN_PLACE.search(doc.text, max(0, m.start - 30), m.start):
                seats.setdefault(si, []).append((ent.name, ent.id, country))
    if not seats:
        return
    for f in found:
        if f.location is None or f.location[0] not in resolver.countries:
            continue
        for si in sorted(f.sentences):
            hit = next((x for x in seats.get(si, ()) if x[2] == f.location[0]), None)
            if hit is not None:
                f.location = (hit[0], hit[1])
                break
