"""Event actors and places from the entity stage's mentions.

A mention becomes a *candidate*: the actor it stands for (a person, a state,
an organization: ``مسکو`` → Russia, ``کاخ سفید`` → United States, ``مقامات
روسی`` → Russia) or a place (``در آلاسکا`` → Alaska).  The lists of states,
seats of government and media live in ``rasad/data/events/actors.yaml``.

    >>> from rasad.model import Entity, Mention
    >>> r = ActorResolver()
    >>> r.actor(Entity("Q649", "Moscow", "GPE", mentions=[Mention("مسکو", 0, 4)]))
    ('Russia', 'Q159')
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from rasad.cache import LazyPattern, Regex
from rasad.events.resources import alternation, compile_fa_pattern, load_yaml
from rasad.model import Article, Entity
from rasad.spans import SpanIndex

PLACE_TYPES = ("GPE", "LOC", "FAC")
_LATIN = LazyPattern("[A-Za-z]")


@dataclass
class Candidate:
    """One entity mention seen as a possible event argument."""

    start: int
    end: int
    actor: str | None  # English name of the actor it stands for
    actor_id: str | None
    place: str | None  # English name of the place it names
    place_id: str | None
    etype: str
    source: str  # the mention's source: gazetteer | title | adjective | ...
    modifier: bool = False  # part of an appositive role (وزیر امور خارجه روسیه)
    loc_marked: bool = False  # در X
    with_marked: bool = False  # با X, میان X و Y
    between_marked: bool = False  # میان X و Y
    target_marked: bool = False  # به X, از X, علیه X
    apposed: bool = False  # a place restating the one before it: ریاض، عربستان سعودی
    flagged: bool = False  # the flags above have been computed


_PAREN = LazyPattern(r"\(([^()]+)\)$")
_MOD = LazyPattern(r"^Ministry of Defen[cs]e \((.+)\)$")


class ActorResolver:
    """Maps entities to actors and places; holds the compiled context patterns."""

    def __init__(self) -> None:
        data = load_yaml("actors.yaml")
        self.countries: set[str] = set(data["countries"])
        self.metonymy: dict[str, str] = dict(data["metonymy"])
        self.org_country: dict[str, str] = dict(data["org_country"])
        self.military: dict[str, str] = dict(data.get("military") or {})
        self.non_actors: set[str] = set(data["non_actors"])
        self.media_rx = LazyPattern("|".join(data.get("non_actor_patterns") or ["(?!)"]))
        self.ids: dict[str, str] = dict(data["ids"])
        g = load_yaml("grammar.yaml")
        roles = list(g["roles"]) + list(data.get("extra_roles") or [])
        self.role_rx = LazyPattern(
            r"(?<![\w\u200c])" + _letter_variants(alternation(roles)) + r"(?![\w\u200c])"
        )
        mk = g["markers"]
        self.byline_rx = LazyPattern(r"[ \u00a0]*[-–—][ \u00a0]")
        bound = r"(?<![\w\u200c])"  # a marker starts a word: not the به of جانبه
        self.loc_rx = LazyPattern(bound + compile_fa_pattern(mk["location"]))
        self.with_rx = LazyPattern(bound + compile_fa_pattern(mk["with"]))
        self.between_rx = LazyPattern(bound + compile_fa_pattern(mk["between"]))
        self.target_rx = LazyPattern(bound + compile_fa_pattern(mk["target"]))
        self.poss_rx = LazyPattern(alternation(g["possessive_roles"]))
        self.media_head_rx = LazyPattern(
            r"(?<![\w\u200c])" + alternation(data.get("media_heads") or ["(?!)"])
            + r"(?:[ \u200c]+(?!(?:از|به|با|در|برای|علیه|که|را|و|نیز|هم)(?![\w\u200c]))[^\s،.:«»]+){0,2}[ \u200c]+$"
        )
        self.place_head_rx = LazyPattern(
            r"(?<![\w\u200c])" + alternation(data.get("place_heads") or ["(?!)"]) + r"[ \u200c]+$"
        )
        self.envoy_rx = LazyPattern(
            r"(?<![\w\u200c])" + _letter_variants(alternation(data.get("envoy_roles") or ["(?!)"])) + r"(?![\w\u200c])"
        )
        self.post_rx = LazyPattern(r"(?<![\w\u200c])(?:به|در|نزد)[ \u200c]+$")
        self.about_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(g["about_before"]))
        self.era_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(g["era_before"]))
        self.topic_rx = LazyPattern(r"(?<![\w\u200c])" + compile_fa_pattern(g["topic_heads"]) + r"[ \u200c]+$")
        self.plural_roles = {_norm(k): v for k, v in g["plural_roles"].items()}
        self.plural_rx = LazyPattern(
            r"(?<![\w\u200c])(" + alternation(list(g["plural_roles"])) + r")[ \u200c]+"
        )
        self.adj_head_rx = LazyPattern(
            r"(?<![\w\u200c])" + alternation(g["adjective_heads"]) + r"(?:[ \u200c]+[^\s،.]+){0,2}[ \u200c]+$"
        )

    def actor(self, ent: Entity) -> tuple[str, str | None] | None:
        """The actor an entity stands for, or None (a city, a news agency, a river,
        or an entity the linker could not name in English)."""
        name = ent.name
        if name in self.non_actors or not _LATIN.search(name) or self.media_rx.search(name):
            return None
        if name in self.metonymy:
            country = self.metonymy[name]
            return country, self.ids.get(country)
        if name in self.org_country:
            country = self.org_country[name]
            return country, self.ids.get(country)
        if ent.type == "PER":
            return name, ent.id
        if ent.type == "GPE":
            return (name, ent.id) if name in self.countries else None
        if ent.type == "ORG":
            return name, ent.id
        return None

    def military_states(self, acts: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
        """The states armed forces and defence ministries fight for, in an attack:
        ``Ministry of Defence (Armenia)`` → Armenia; other actors are kept (order kept, no repeats)."""
        out: list[tuple[str, str | None]] = []
        for act in acts:
            country = self.military.get(act[0])
            if country is None:
                m = _MOD.match(act[0])
                if m is not None and m.group(1) in self.countries:
                    country = m.group(1)
            if country:
                act = (country, self.ids.get(country))
            if act[0] not in {x[0] for x in out}:
                out.append(act)
        return out

    def speaker(self, name: str, speaker_id: str | None, doc: Article) -> tuple[str, str | None] | None:
        """The actor behind a quote's speaker (``Kremlin`` speaks for Russia; a news agency is none;
        a name no entity links, spelled by the quotes stage alone, is none)."""
        if (
            not name
            or name.startswith("anonymous:")
            or name in self.non_actors
            or not _LATIN.search(name)
            or self.media_rx.search(name)
        ):
            return None
        for ent in doc.entities:
            if ent.name == name:
                return self.actor(ent)
        return (name, speaker_id) if speaker_id is not None else None

    def place(self, ent: Entity) -> tuple[str, str | None] | None:
        """The place an entity names (a country, a city, a building), or None."""
        if not _LATIN.search(ent.name):
            return None
        if ent.type in PLACE_TYPES or (ent.type == "ORG" and ent.name in self.metonymy):
            return ent.name, ent.id
        return None

    def candidates(self, doc: Article) -> list[Candidate]:
        """Every mention of ``doc`` as a candidate, sorted by offset (flags unset: see :meth:`flag`).

        Mentions inside a time expression (``به وقت تهران``) are left out.
        """
        text = doc.text
        spans = sorted((t.start, t.end) for t in doc.timexes)
        tstarts = [a for a, _ in spans]
        out: list[Candidate] = []
        for ent in doc.entities:
            act = self.actor(ent)
            plc = self.place(ent)
            if act is None and plc is None:
                continue
            for m in ent.mentions:
                if not (0 <= m.start < m.end <= len(text)):
                    continue
                i = bisect.bisect_right(tstarts, m.start) - 1
                if i >= 0 and spans[i][0] <= m.start < spans[i][1]:
                    continue
                a = act
                if m.source == "adjective" and not self._adj_head(text, m.start):
                    a = None
                    if plc is None:
                        continue
                out.append(
                    Candidate(
                        m.start,
                        m.end,
                        a[0] if a else None,
                        a[1] if a else None,
                        plc[0] if plc else None,
                        plc[1] if plc else None,
                        ent.type,
                        m.source,
                    )
                )
        out.sort(key=lambda c: (c.start, -c.end))
        # drop mentions nested in a longer one (a country inside a title span)
        kept: list[Candidate] = []
        nested: list[tuple[Candidate, Candidate]] = []  # (inner, outer)
        for c in out:
            if kept and c.start < kept[-1].end:
                nested.append((c, kept[-1]))
                continue
            kept.append(c)
        if nested:
            self._plural_titles(text, kept, nested)
        return kept

    def nationalities(self, doc: Article) -> dict[str, str]:
        """Person → state, from the article's own titles (``رئیس‌جمهور اوکراین`` → Ukraine,
        ``سخنگوی کاخ سفید`` → United States)."""
        states: list[tuple[int, int, str]] = []
        for ent in doc.entities:
            if ent.type != "PER":
                act = self.actor(ent)
                state = act[0] if act is not None else None
                paren = _PAREN.search(ent.name)  # Federation Council (Russia): a state's institution
                if state not in self.countries and paren is not None:
                    state = paren.group(1)
                if state in self.countries:
                    states.extend((m.start, m.end, state) for m in ent.mentions)
        if not states:
            return {}
        states.sort()
        starts = [a for a, _, _ in states]
        out: dict[str, str] = {}
        for ent in doc.entities:
            if ent.type != "PER":
                continue
            for m in ent.mentions:
                if m.source != "title":
                    continue
                i = bisect.bisect_left(starts, m.start)
                while i < len(states) and states[i][0] < m.end:
                    if states[i][1] <= m.end:
                        out.setdefault(ent.name, states[i][2])
                        break
                    i += 1
        return out

    @staticmethod
    def _role_key(role: str) -> str:
        """``وزیر امور خارجه`` and ``وزیر خارجه`` → one key; ``رئیس‌جمهوری`` → ``رئیسجمهور``."""
        words = [w for w in role.replace("\u200c", "").split() if w != "امور"]
        key = "".join(words)
        return key[:-1] if key.endswith("جمهوری") else key

    def _plural_titles(
        self, text: str, kept: list[Candidate], nested: list[tuple[Candidate, Candidate]]
    ) -> None:
        """Resolve plural roles through the article's own titles: when ``رئیس‌جمهور روسیه``
        names Putin and ``رئیس‌جمهور آمریکا`` Trump, ``روسای جمهور ایالات متحده و روسیه``
        names Trump and Putin (and ``وزیران خارجه X و Y`` the two ministers)."""
        by_role: dict[tuple[str, str], Candidate] = {}
        for inner, outer in nested:
            if outer.source == "title" and outer.etype == "PER" and inner.actor and inner.etype == "GPE":
                role = self._role_key(text[outer.start : inner.start])
                by_role.setdefault((role, inner.actor), outer)
        if not by_role:
            return
        replace: list[tuple[int, Candidate]] = []
        for i, c in enumerate(kept):
            if c.etype != "GPE" or not c.actor:
                continue
            left = text[max(0, c.start - 50) : c.start]
            m = self.plural_rx.search(left)
            if m is None:
                continue
            between = left[m.end() :]
            # only other states of the list may stand between the role and this one
            others = [x for x in kept[:i] if x.start >= c.start - len(between) and x.etype == "GPE"]
            rest = between
            for x in others:
                rest = rest.replace(text[x.start : x.end], " ")
            if rest.replace("،", " ").replace("و", " ").strip():
                continue
            person = by_role.get((self._role_key(self.plural_roles[_norm(m.group(1))]), c.actor))
            if person is not None:
                replace.append(
                    (i, Candidate(c.start, c.end, person.actor, person.actor_id, None, None, "PER", "title"))
                )
        for i, cand in replace:
            kept[i] = cand

    def flag(self, text: str, cands: list[Candidate]) -> None:
        """Set the context flags of consecutive candidates (one sentence)."""
        prev: Candidate | None = None
        head: Candidate | None = None  # the last candidate that is not a modifier
        prev_actor: Candidate | None = None  # the last candidate that names an actor
        for c in cands:
            self._flag(text, c, prev, head, prev_actor)
            prev = c
            if c.actor:
                prev_actor = c
            if not c.modifier:
                head = c

    def _envoy_post(self, text: str, c: Candidate, per: Candidate | None, chunk_start: int) -> bool:
        """Is ``c`` the place of a named person's post (``سفیر X در Y``, ``فرستاده ویژه ... به Y``)?"""
        if per is None or per.etype != "PER" or not self.post_rx.search(text, max(0, c.start - 8), c.start):
            return False
        m = self.envoy_rx.search(text, max(chunk_start, per.end), c.start)
        return (
            m is not None
            and not text[per.end : m.start()].strip(' ،,\u200c«»"()')
            and len(text[m.end() : c.start].split()) <= 6
            and "،" not in text[m.end() : c.start]
        )

    def _adj_head(self, text: str, start: int) -> bool:
        """Is the adjective at ``start`` governed by a noun for people or forces?"""
        return bool(self.adj_head_rx.search(text[max(0, start - 30) : start]))

    def _flag(
        self,
        text: str,
        c: Candidate,
        prev: Candidate | None,
        head: Candidate | None,
        prev_actor: Candidate | None = None,
    ) -> None:
        c.flagged = True
        lo = max(0, c.start - 60)
        left = text[lo : c.start]
        tail = left[-40:]
        gap = text[prev.end : c.start] if prev is not None else None
        # the person a role restates; a bare adjective (سناتور آمریکایی) in between is skipped,
        # and so are the modifiers of a title (لاورنتیف، فرستاده ویژه رئیس‌جمهور روسیه به سوریه)
        per = prev_actor if prev is not None and not prev.actor else prev
        if per is not None and per.etype != "PER" and per.modifier and head is not None and head.etype == "PER":
            per = head
        listed = gap is not None and gap.replace("،", " ").replace(",", " ").split() in ([], ["و"])
        # an appositive title right after its person: دونالد ترامپ، رئیس‌جمهور آمریکا
        if prev is not None and c.source == "title" and listed and prev.actor == c.actor:
            c.modifier = True
        # a role of a named person: لاوروف، وزیر امور خارجه روسیه / پوتین رئیس‌جمهوری روسیه
        cut = max(left.rfind("،"), left.rfind(","), left.rfind("\n"), left.rfind("."), left.rfind(":"))
        chunk_start = lo + cut + 1 if cut >= 0 else lo
        if (
            c.etype == "GPE"
            and prev is not None
            and prev.etype == "ORG"
            and prev.actor
            and not text[prev.end : c.start].strip(" \u200c")
        ):
            c.modifier = True  # اخوان‌المسلمین مصر, پارلمان عراق: the organization's country
        if c.etype != "PER" and self.place_head_rx.search(text, max(0, c.start - 25), c.start):
            c.modifier = True  # در نزدیکی مرز عراق: where a place lies, not a party
        if c.etype != "PER" and self.media_head_rx.search(text, max(chunk_start, c.start - 40), c.start):
            c.modifier = True  # پایگاه خبری اخبار مصر: the name of an outlet, not a party
        if c.etype != "PER" and self._envoy_post(text, c, per, chunk_start):
            c.modifier = True  # کراکر سفیر آمریکا در عراق: the post's place, not a party
        for m in self.role_rx.finditer(text, chunk_start, c.start):
            between = text[m.end() : c.start]
            if " و " in f" {between} " or len(between.split()) > 4:
                continue
            if self.poss_rx.fullmatch(m.group()) and c.etype == "PER" and len(between.split()) <= 1:
                c.modifier = True  # فرستاده ویژه پوتین: Putin is not the actor
                break
            if (
                per is not None
                and per.etype == "PER"
                and per.end <= m.start()
                and not text[per.end : m.start()].strip(' ،,\u200c«»"()')
            ):
                if c.etype != "PER":
                    c.modifier = True
                break
            if (  # نامی، فرمانده ارتش لبنان، ...: the title of a person the linker did not know
                c.etype != "PER"
                and cut >= 0
                and left[cut] == "،"
                and not text[chunk_start : m.start()].strip()
                and text[c.end : c.end + 2].strip().startswith("،")
            ):
                c.modifier = True
                break
        if c.etype != "PER" and (
            self.topic_rx.search(text, max(0, c.start - 12), c.start)
            or (  # مناقشه اوکراین و همچنین فلسطین: the list shares its head
                prev is not None
                and prev.modifier
                and self.topic_rx.search(text, max(0, prev.start - 12), prev.start)
                and gap is not None
                and gap.replace("،", " ").split() in ([], ["و"], ["و", "همچنین"], ["و", "نیز"])
            )
        ):
            c.modifier = True  # بحران سوریه: a topic
        if self.about_rx.search(text, max(0, c.start - 40), c.start) or self.era_rx.search(
            text, max(0, c.start - 40), c.start
        ):
            c.modifier = True  # درباره سوریه, در دوران اوباما: a topic or a time, not a party
        # a byline: "خبرگزاری؛ نام نویسنده - متن" names the writer, not an actor
        line_start = max(text.rfind("\n", 0, c.start), -1) + 1
        if c.start - line_start < 60 and self.byline_rx.match(text, c.end):
            c.modifier = True
        c.loc_marked = _ends(self.loc_rx, tail)
        c.with_marked = _ends(self.with_rx, tail)
        c.between_marked = _ends(self.between_rx, tail)
        c.target_marked = _ends(self.target_rx, tail)
        if head is not None and not c.modifier:
            # lists share their marker: با X، Y و Z / میان X و Y / در ریاض، عربستان سعودی
            hgap = text[head.end : c.start]
            if prev is not None and prev is not head:
                hgap = text[head.end : head.end] + text[prev.end : c.start]
            words = hgap.replace("،", " ").replace(",", " ").split()
            if words in ([], ["و"]) and (prev is head or (prev is not None and prev.modifier)):
                c.with_marked = c.with_marked or head.with_marked
                c.between_marked = c.between_marked or head.between_marked
                c.target_marked = c.target_marked or head.target_marked
                if head.loc_marked and c.place and not words:
                    c.loc_marked = True
                    c.apposed = True
                elif head.loc_marked and head.place and c.place and c.etype == head.etype:
                    c.loc_marked = True  # در چین و روسیه: both are places
        if c.loc_marked and c.place is None:
            c.loc_marked = False


def _letter_variants(rx: str) -> str:
    """Let a role pattern match the spellings news uses for the same word
    (``رئیس`` / ``رییس``, ``رؤسای`` / ``روسای``)."""
    return rx.replace("ئ", "[ئی]").replace("ؤ", "[ؤو]")


def _norm(s: str) -> str:
    """Compare role words without spaces and ZWNJs."""
    return s.replace("\u200c", "").replace(" ", "")


def _ends(rx: Regex, tail: str) -> bool:
    """Does ``rx`` (whose pattern ends with ``$``) match at the end of ``tail`` after a word break?"""
    m = rx.search(tail)
    if m is None:
        return False
    s = m.start()
    return s == 0 or not (tail[s - 1].isalnum() or tail[s - 1] == "\u200c")


class CandidateIndex(SpanIndex[Candidate]):
    """Candidates of one article with range lookups."""

    def __init__(self, cands: list[Candidate]) -> None:
        super().__init__(cands)
        self.cands = cands

    def between(self, start: int, end: int) -> list[Candidate]:
        """Candidates lying inside ``[start, end)``."""
        return self.within(start, end)
