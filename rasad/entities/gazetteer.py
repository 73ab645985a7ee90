"""The gazetteer: canonical entities, their Persian aliases, demonyms and dated roles.

The data lives in YAML files under ``rasad/data/gazetteer/`` (schema in its
``README.md``).  :class:`Gazetteer` loads every ``*.yaml`` file there and offers
alias lookup and role lookup by date::

    >>> from datetime import date
    >>> g = Gazetteer.default()
    >>> g.role_holder("رئیس‌جمهور روسیه", date(2025, 8, 15)).name
    'Vladimir Putin'
    >>> [e.name for e in g.lookup("لاوروف")]
    ['Sergey Lavrov']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
TYPES = frozenset({"PER", "ORG", "GPE", "LOC", "FAC", "EVENT"})
ZWNJ = "\u200c"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Same-length folding applied both to the text and to every alias key, so that
# offsets found in the folded text are offsets in the original text.
_FOLD_PAIRS = {
    "ي": "ی",
    "ى": "ی",
    "ئ": "ی",
    "ك": "ک",
    "أ": "ا",
    "إ": "ا",
    "ٱ": "ا",
    "آ": "ا",
    "ة": "ه",
    "ۀ": "ه",
    "ؤ": "و",
    "-": " ",
    "‐": " ",
    "‑": " ",
    "–": " ",
    "—": " ",
    "ـ": " ",
}
_FOLD_PAIRS.update({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
# tatweel (ـ) and dashes fold to a space: harmless for matching, keeps the length.
_SPACES = re.compile(r"[ \u00a0]+")


_FOLD_ITEMS = tuple(_FOLD_PAIRS.items())
_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)


def fold(s: str) -> str:
    """Fold spelling variants without changing the length: ``رئیس`` → ``رییس``, ``آمریکا`` → ``امریکا``."""
    if len(s) < 256:
        return s.translate(_FOLD_TABLE)
    for a, b in _FOLD_ITEMS:  # str.replace per present letter beats str.translate on long texts
        if a in s:
            s = s.replace(a, b)
    return s


_NON_JOINING = frozenset("اآأإدذرزژوؤةء")


def _glued(a: str) -> str:
    """A multi-word name written as one ZWNJ compound, as the ZWNJ repair writes it:
    ``وال استریت ژورنال`` → ``وال‌استریت‌ژورنال`` (no ZWNJ after a letter that does not join)."""
    out = []
    for i, c in enumerate(a):
        if c == " " and i and a[i - 1].isalpha():
            out.append("" if a[i - 1] in _NON_JOINING else ZWNJ)
        else:
            out.append(c)
    return "".join(out)


def alias_keys(alias: str) -> set[str]:
    """The folded keys an alias is indexed under: ZWNJ kept, ZWNJ → space, ZWNJ dropped, and
    the words of a multi-word alias glued into one ZWNJ compound."""
    a = _SPACES.sub(" ", fold(alias).strip())
    keys = {a, a.replace(ZWNJ, " "), a.replace(ZWNJ, "")}
    if " " in a:
        keys.add(_glued(a.replace(ZWNJ, " ")))
    return {k for k in keys if k}


def _as_date(v: Any) -> date | None:
    if v is None or v == "":
        return None
    if isinstance(v, date):
        return v
    s = str(v)
    parts = [int(p) for p in s.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(parts[0], parts[1], parts[2])


@dataclass(frozen=True)
class Role:
    """An office held between two dates, e.g. ``رئیس‌جمهور آمریکا`` 2025-01-20 → (open)."""

    titles: tuple[str, ...]
    start: date | None = None
    end: date | None = None

    def holds_on(self, on: date) -> bool:
        """True when the role is held on ``on`` (start inclusive, end exclusive)."""
        if self.start and on < self.start:
            return False
        return not (self.end and on >= self.end)


@dataclass
class Alias:
    """One Persian surface form of an entry."""

    text: str
    kind: str = "name"  # name | adjective | partial
    needs_context: bool = False
    ambiguous: bool = False
    case_sensitive: bool = False


@dataclass
class GazEntry:
    """One canonical entity of the gazetteer."""

    id: str
    name: str
    type: str
    fa: str
    aliases: list[Alias] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    context: tuple[str, ...] = ()  # ids whose presence confirms a needs_context alias
    source_file: str = ""
    opaque: bool = False  # place names inside this name are not mentions (خبرگزاری جمهوری اسلامی)
    country: str = ""  # the country a body belongs to when no alias says it (پنتاگون → the US)
    sovereign: bool = False  # a country or territory (a CLDR region code), not a city or province

    def __hash__(self) -> int:
        return hash(self.id)


def _read_alias(item: Any, kind: str) -> Alias:
    if isinstance(item, dict):
        text = str(item.get("fa") or item.get("text") or "")
        return Alias(
            text=text,
            kind=str(item.get("kind", kind)),
            needs_context=bool(item.get("needs_context", False)),
            ambiguous=bool(item.get("ambiguous", False)),
            case_sensitive=bool(item.get("case_sensitive", _auto_case(text))),
        )
    text = str(item)
    return Alias(text=text, kind=kind, case_sensitive=_auto_case(text))


def _auto_case(text: str) -> bool:
    """Short all-capital Latin acronyms (``AP``, ``FSB``) must match their case exactly."""
    return text.isascii() and text.isupper() and len(text) <= 5


def parse_entry(raw: dict[str, Any], source_file: str = "") -> GazEntry:
    """Build a :class:`GazEntry` from one YAML mapping."""
    fa = str(raw.get("fa") or "")
    aliases: list[Alias] = []
    if fa:
        aliases.append(
            Alias(fa, "name", bool(raw.get("needs_context", False)), bool(raw.get("ambiguous", False)))
        )
    for item in raw.get("aliases") or []:
        aliases.append(_read_alias(item, "name"))
    for item in raw.get("en_aliases") or []:
        aliases.append(_read_alias(item, "name"))
    for item in raw.get("adjectives") or []:
        aliases.append(_read_alias(item, "adjective"))
    roles: list[Role] = []
    for r in raw.get("roles") or []:
        t = r.get("title")
        titles = tuple([t] if isinstance(t, str) else list(t or []))
        roles.append(Role(titles, _as_date(r.get("start")), _as_date(r.get("end"))))
    ctx = raw.get("context") or []
    return GazEntry(
        id=str(raw["id"]),
        name=str(raw["name"]),
        type=str(raw["type"]),
        fa=fa,
        aliases=aliases,
        roles=roles,
        context=tuple(str(c) for c in ctx),
        source_file=source_file,
        opaque=bool(raw.get("opaque", False)),
        country=str(raw.get("country") or ""),
        sovereign=str(raw.get("cldr") or "").isalpha(),
    )


def iter_raw_entries(data_dir: Path = DATA_DIR) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(file name, mapping)`` for every entry of every gazetteer YAML file."""
    for path in sorted(data_dir.glob("*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        entries = doc.get("entries") if isinstance(doc, dict) else doc
        defaults = doc.get("defaults") or {} if isinstance(doc, dict) else {}
        for raw in entries or []:
            yield path.name, {**defaults, **raw} if defaults else raw


def iter_offices(data_dir: Path = DATA_DIR) -> Iterator[tuple[str, dict[str, Any]]]:
    """Yield ``(file name, office)`` for every office of the ``offices_*.yaml`` files.

    An office is one title with its dated holders, listed in order::

        offices:
        - office: Minister of Petroleum (Iran)
          title: [وزیر نفت ایران]
          holders:
          - {id: rasad:bijan-zanganeh, start: 2013-08-15, end: 2021-08-25}

    A file's ``title_endings`` (``{ایران: [کشورمان]}``) gives each title ending with a key
    the same title with the other endings too (``وزیر نفت کشورمان``)."""
    for path in sorted(data_dir.glob("offices_*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        endings = doc.get("title_endings") or {}
        for office in doc.get("offices") or []:
            titles = [office["title"]] if isinstance(office["title"], str) else list(office["title"])
            more = [
                t[: -len(end)] + other
                for t in titles
                for end, others in endings.items()
                if t.endswith(" " + end)
                for other in others
            ]
            yield path.name, {**office, "title": titles + [m for m in more if m not in titles]}


def add_office_roles(entries: Iterable[GazEntry], offices: Iterable[dict[str, Any]]) -> list[str]:
    """Give each holder of each office its dated role; returns the holder ids no entry has."""
    by_id: dict[str, GazEntry] = {}
    for e in entries:
        by_id.setdefault(e.id, e)
    missing: list[str] = []
    for office in offices:
        titles = tuple(office["title"])
        for h in office.get("holders") or []:
            holder = by_id.get(str(h["id"]))
            if holder is None:
                missing.append(str(h["id"]))
                continue
            role = Role(titles, _as_date(h.get("start")), _as_date(h.get("end")))
            if role not in holder.roles:
                holder.roles.append(role)
    return missing


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [x.strip() for x in lines if x.strip() and not x.startswith("#")]


def _load_variant_rules(data_dir: Path) -> list[tuple[str, str]]:
    path = data_dir / "role_variants.tsv"
    pairs: list[tuple[str, str]] = []
    if not path.exists():
        return pairs
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) >= 2:
            pairs.append((cols[0].strip(), cols[1].strip()))
    return pairs


def _load_pairs(path: Path) -> list[tuple[str, str]]:
    return [(c[0].strip(), c[1].strip()) for c in (x.split("\t") for x in _read_lines(path)) if len(c) >= 2]


def add_given_name_variants(entries: Iterable[GazEntry], pairs: Iterable[tuple[str, str]]) -> None:
    """Give people written with a common given name its other Persian spelling:
    ``جورج بوش`` → ``جرج بوش`` (``given_name_variants.tsv``; multi-word names only)."""
    other: dict[str, list[str]] = {}
    for x, y in pairs:
        other.setdefault(x, []).append(y)
        other.setdefault(y, []).append(x)
    for e in entries:
        if e.type != "PER":
            continue
        have = {a.text for a in e.aliases}
        for a in list(e.aliases):
            first, sep, rest = a.text.partition(" ")
            if a.kind != "name" or not sep or a.needs_context:
                continue
            for v in other.get(first, ()):
                text = f"{v} {rest}"
                if text not in have:
                    have.add(text)
                    e.aliases.append(Alias(text, "name", ambiguous=a.ambiguous))


class Gazetteer:
    """All entries, indexed by id, by folded alias key and by folded role title."""

    def __init__(self, entries: Iterable[GazEntry], variant_rules: Iterable[tuple[str, str]] = ()) -> None:
        self.entries: list[GazEntry] = []
        self.by_id: dict[str, GazEntry] = {}
        for e in entries:
            if e.id in self.by_id:  # later files may not redefine an id; first wins
                continue
            self.entries.append(e)
            self.by_id[e.id] = e
        self.variant_rules = list(variant_rules)
        self._add_partials()
        self.alias_index: dict[str, list[tuple[GazEntry, Alias]]] = {}
        for e in self.entries:
            for a in e.aliases:
                for k in alias_keys(a.text):
                    bucket = self.alias_index.setdefault(k, [])
                    if all(x[0].id != e.id for x in bucket):
                        bucket.append((e, a))
        self.role_index: dict[str, list[tuple[GazEntry, Role]]] = {}
        for e in self.entries:
            for r in e.roles:
                for t in self.expand_title(r.titles):
                    for k in alias_keys(t):
                        self.role_index.setdefault(k, []).append((e, r))

        self.context_cues: set[str] = set()
        self.honorifics: tuple[str, ...] = ()
        self.given_names: frozenset[str] = frozenset()
        self.foreign_given_names: frozenset[str] = frozenset()
        self.blockers_before: set[str] = set()
        self.blockers_after: set[str] = set()
        self.inner_name_heads: frozenset[str] = frozenset()
        self.bare_orgs: dict[str, dict[str, GazEntry]] = {}
        self.bare_titles: dict[str, dict[str, str]] = {}
        self.home_country = ""  # the publisher's country: the default of a bare head
        self.automaton: Any = None  # the default gazetteer's prebuilt matcher automaton (start-up cache)

    def set_bare_heads(self, heads: Iterable[str]) -> None:
        """Index bare heads: ``وزارت امور خارجه`` → {country id: ministry entry}, and for
        titles {country id: full title} (resolved to a holder by date later)."""
        for head in heads:
            orgs: dict[str, GazEntry] = {}
            titles: dict[str, str] = {}
            for cid, names in self._country_alias_groups.items():
                for n in names:
                    full = f"{head} {n}"
                    hit = [e for e, _ in self.alias_index.get(fold(full), []) if e.type != "PER"]
                    if hit and cid not in orgs:
                        orgs[cid] = hit[0]
                    if cid not in titles and self.role_holders(full):
                        titles[cid] = full
            for k in alias_keys(head):
                if orgs:
                    self.bare_orgs[k] = orgs
                if titles:
                    self.bare_titles[k] = titles

    # --- construction --------------------------------------------------------
    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Gazetteer:
        """Read every ``*.yaml`` file of ``data_dir``."""
        entries = [parse_entry(raw, name) for name, raw in iter_raw_entries(data_dir)]
        add_given_name_variants(entries, _load_pairs(data_dir / "given_name_variants.tsv"))
        add_office_roles(entries, (o for _, o in iter_offices(data_dir)))
        g = cls(entries, _load_variant_rules(data_dir))
        g.set_bare_heads(_read_lines(data_dir / "bare_heads.tsv"))
        home = _read_lines(data_dir / "home_country.tsv")
        g.home_country = home[0].split("\t")[0] if home else ""
        g.context_cues = {fold(w) for w in _read_lines(data_dir / "place_cues.tsv")}
        g.inner_name_heads = frozenset(fold(w) for w in _read_lines(data_dir / "inner_name_heads.tsv"))
        g.honorifics = tuple(sorted(_read_lines(data_dir / "honorifics.tsv"), key=len, reverse=True))
        g.given_names = frozenset(x.split("\t")[0] for x in _read_lines(data_dir / "given_names_fa.tsv"))
        rows = [x.split("\t") for x in _read_lines(data_dir / "translit_words.tsv")]
        g.foreign_given_names = frozenset(r[1] for r in rows if len(r) > 1 and r[0] == "word")
        for line in _read_lines(data_dir / "title_blockers.tsv"):
            pos, _, word = line.partition("\t")
            (g.blockers_before if pos == "before" else g.blockers_after).add(fold(word.strip()))
        return g

    @staticmethod
    @functools.lru_cache(maxsize=2)
    def default() -> Gazetteer:
        """The gazetteer shipped with rasad (cached; treat it as read-only).

        Built once per data version with its matcher automaton and kept in the on-disk
        start-up cache (:mod:`rasad.cache`)."""
        from rasad.cache import cached

        here = Path(__file__).resolve().parent
        return cached(
            "gazetteer",
            [DATA_DIR, here / "gazetteer.py", here / "matcher.py", here / "fuzzy.py"],
            _build_default,
        )

    def _add_partials(self) -> None:
        """Give multi-word person names their surname as a context-needing partial alias.

        ``ماریا زاخارووا`` → ``زاخارووا`` (accepted when the full name, or an explicit
        alias, occurs in the same article).
        """
        explicit = {k for e in self.entries for a in e.aliases for k in alias_keys(a.text)}
        for e in self.entries:
            if e.type != "PER" or " " not in e.fa:
                continue
            last = e.fa.split(" ")[-1]
            if len(last) < 3 or alias_keys(last) & explicit:
                continue
            e.aliases.append(Alias(last, "partial", needs_context=True, ambiguous=True))

    def expand_title(self, titles: Iterable[str]) -> set[str]:
        """Role titles plus their variants: ``وزیر امور خارجه X`` ↔ ``وزیر خارجه X`` and
        every alias of the country ``X`` named at the end (``آمریکا`` ↔ ``ایالات متحده``)."""
        out: set[str] = set()
        for t in titles:
            forms = {t}
            for a, b in self.variant_rules:
                for f in list(forms):
                    if f == a or f.startswith(a + " "):  # the whole title too (دبیرکل سازمان ملل متحد)
                        forms.add(b + f[len(a) :])
                    if f == b or f.startswith(b + " "):
                        forms.add(a + f[len(b) :])
            for f in list(forms):
                words = f.split(" ")
                for n in range(min(4, len(words) - 1), 0, -1):  # longest country name first
                    tail = " ".join(words[-n:])
                    group = self._country_by_alias.get(tail)
                    if group:
                        head = " ".join(words[:-n]) + " "
                        forms.update(head + m for m in group)
                        break
            out |= forms
        return out

    @functools.cached_property
    def countries(self) -> frozenset[str]:
        """Ids of the places a body can belong to (every GPE with a firm name)."""
        return frozenset(self._country_alias_groups)

    @functools.cached_property
    def country_of(self) -> dict[str, str]:
        """Body id → country id: its ``country`` field, else the country its name ends
        with (``وزارت دفاع آمریکا`` → the US)."""
        ends = {fold(n): cid for cid, names in self._country_alias_groups.items() for n in names}
        out: dict[str, str] = {}
        for e in self.entries:
            if e.type == "GPE":
                continue
            if e.country:
                out[e.id] = e.country
                continue
            for a in e.aliases:
                words = fold(a.text).split(" ")
                for i in (2, 1):
                    if len(words) > i and " ".join(words[-i:]) in ends:
                        out[e.id] = ends[" ".join(words[-i:])]
                        break
                if e.id in out:
                    break
        return out

    @functools.cached_property
    def person_skeletons(self) -> Any:
        """People's multi-word names by sound skeleton (:class:`rasad.entities.fuzzy.PersonSkeletons`)."""
        from rasad.entities.fuzzy import PersonSkeletons

        return PersonSkeletons(self.entries, self.given_names)

    @functools.cached_property
    def _country_by_alias(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for names in self._country_alias_groups.values():
            for n in names:
                out.setdefault(n, names)
        return out

    @functools.cached_property
    def _country_alias_groups(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for e in self.entries:
            if e.type != "GPE":
                continue
            names = [a.text for a in e.aliases if a.kind == "name" and not a.needs_context]
            if names:
                groups[e.id] = sorted(set(names), key=len, reverse=True)
        return groups

    # --- queries ----------------------------------------------------------------
    def lookup(self, alias: str) -> list[GazEntry]:
        """Entries having ``alias`` (any spelling variant) as a name, adjective or partial."""
        seen: list[GazEntry] = []
        for k in alias_keys(alias):
            for e, _ in self.alias_index.get(k, []):
                if e not in seen:
                    seen.append(e)
        return seen

    def get(self, eid: str) -> GazEntry | None:
        """The entry with id ``eid``."""
        return self.by_id.get(eid)

    def role_holders(self, role_fa: str) -> list[tuple[GazEntry, Role]]:
        """Every ``(entry, role)`` known for a title, in any order."""
        out: list[tuple[GazEntry, Role]] = []
        for k in alias_keys(role_fa):
            for pair in self.role_index.get(k, []):
                if pair not in out:
                    out.append(pair)
        return out

    def role_holder(self, role_fa: str, on: date | None = None) -> GazEntry | None:
        """Who held ``role_fa`` on ``on`` (today's holder, i.e. the open-ended one, if ``on`` is None).

        ``role_holder("وزیر خارجه آمریکا", date(2025, 3, 1))`` → Marco Rubio.
        """
        pairs = self.role_holders(role_fa)
        if not pairs:
            return None
        if on is None:
            open_ended = [p for p in pairs if p[1].end is None]
            pool = open_ended or pairs
            return max(pool, key=lambda p: p[1].start or date.min)[0]
        for e, r in sorted(pairs, key=lambda p: p[1].start or date.min, reverse=True):
            if r.holds_on(on):
                return e
        return None

    def __len__(self) -> int:
        return len(self.entries)


def _build_default() -> Gazetteer:
    """The shipped gazetteer with its matcher automaton attached (see :meth:`Gazetteer.default`)."""
    from rasad.entities.matcher import Matcher

    g = Gazetteer.load(DATA_DIR)
    g.automaton = Matcher(g).automaton
    g.countries  # noqa: B018 - compute the cached properties before pickling
    g.country_of  # noqa: B018
    g.person_skeletons  # noqa: B018
    return g
