"""The SQLite store: articles, entities, quotes, events and merged (cross-article) events.

Open a store and query it; every query returns plain, JSON-ready dicts and lists::

    >>> from rasad.store import Store
    >>> with Store.open(":memory:") as st:
    ...     st.stats()["articles"]
    0

Public API (all methods of :class:`Store`; ``since``/``until`` are ISO dates ``YYYY-MM-DD``
or Jalali dates ``1404-07-29`` / ``1404/07`` (:func:`rasad.store.finding.parse_date`), inclusive; ``limit``/``offset`` page the results):

- ``Store.open(path=None, *, migrate=True) -> Store`` — ``path`` defaults to ``$RASAD_DB`` or
  ``./rasad.db`` (see :func:`default_db_path`); context manager (``with Store.open(p) as st``).
- ``migrate() -> list[str]`` (names newly applied; safe when several processes open a new store at once), ``migrations() -> list[dict]`` (name, applied_at).
- ``add(article, *, digest=None) -> tuple[int, bool]`` — ``(article id, added)``; ``added`` is False when an
  article with the same content hash is already stored (nothing is written).
- ``has_hash(h) -> bool``; :func:`content_hash` ``(text) -> str`` computes ``h``.
- ``articles(limit=20, offset=0, source=None, since=None, until=None) -> list[dict]``
  (id, doc, title, source, url, path, byline, published, published_source, ingested_at, chars;
  newest first).
- ``find_doc(doc) -> int | None`` — the id of an article by its document name.
- ``article(id) -> dict | None`` — the row plus ``text``, ``raw``, ``sentences`` and the spans:
  ``timexes``, ``entities`` (each with ``mentions`` spans), ``quotes``, ``events`` and
  ``result`` (the stored ``to_dict()``).
- ``search(query, limit=20, offset=0, order="rank") -> list[dict]`` — full-text hits, ranked by
  BM25 among the 1,000 most recent matches (``order="recent"``: newest first)
  (id, doc, title, source, url, published, rank, snippet (hits in ``[ ]``), snippet_html
  (escaped, hits in ``<mark>``), snippet_text + highlights ([start, end) spans)); raises :class:`rasad.errors.QueryError`
  on an unusable query.  ``میشود`` finds ``می‌شود``, ``رئیس جمهور`` finds ``رئیس‌جمهور``.
- ``entities(limit=50, offset=0, type=None, q=None) -> list[dict]``
  (id, name, type, label_fa, articles, mentions; most-mentioned first; ``q`` matches the English
  name or the Persian label, substring).
- ``entity(id) -> dict | None`` — the entity (with counts ``articles``, ``mentions``) plus
  ``mentions_list`` (article_id, doc, title, published, start, end, text, source),
  ``quotes`` (said by it), ``events`` (merged events it takes part in).
- ``quotes(speaker=None, since=None, until=None, limit=50, offset=0) -> list[dict]``
  (id, article_id, doc, title, published, speaker, speaker_id, speaker_fa, kind, text, start, end, cue, date);
  ``speaker`` matches an entity id exactly or the name / Persian name as a substring.
- ``events(type=None, actor=None, status=None, since=None, until=None, limit=50, offset=0)
  -> list[dict]`` — per-article event reports, newest first (id, article_id, doc, title,
  published, type, mode, actors, actor_ids, location, date, status, evidence, start, end,
  merged_id).
- ``timeline(actor=None, type=None, status=None, since=None, until=None, limit=500, offset=0)
  -> list[dict]`` — merged events in date order: id, type, mode, actors, actor_ids, location,
  date, date_gregorian, date_jalali (``1404-07-29``; a month/year gives a ``a/b`` range),
  date_jalali_fa (``۲۹ مهر ۱۴۰۴``), when / when_jalali (the date, or first publication when
  the event date is unknown), status (the latest report's), history (list of {status, date,
  published, article_id, doc, event_id}, oldest first), sources (number of articles),
  reports (article ids), first_seen, last_seen.  ``brief=True`` (lists): ``history`` holds only
  the reports where the status changed and ``history_count`` the number of reports, read from
  summary columns kept on ingest (the cost does not grow with a story's reports).
  ``newest=True`` pages from the newest events.  Every merged event also has ``contested``
  (reports disagree on whether it happened), ``state`` (``contested`` or the status), ``claims``
  (who says what: status, article_id, doc, published, event_id, outlet), ``articles``
  (reporting articles), ``stories`` (distinct stories: near copies of one wire story, found at
  ingest, count once), ``outlets``; ``sources`` = ``stories``.
- ``merged_event(id) -> dict | None`` — one merged event as in ``timeline``.
- ``count_quotes(...)``, ``count_events(...)``, ``count_timeline(...)``, ``count_search(query)``
  — how many rows match the same filters, without paging.
- ``resolve_name(name) -> list[str]`` — the entity ids any name stands for (English or Persian
  name, surname, a stored mention, the id; case/ZWNJ/Arabic-letter insensitive);
  ``suggest_names(name)`` — near names.  ``actor``/``speaker`` filters use them and raise
  :class:`rasad.store.finding.NoMatchError` (a ``QueryError`` with ``suggestions``) when a name
  matches nothing stored.
- ``Store.open(path, must_exist=True)`` refuses a path with no database (read commands).
- ``labels_fa(ids) -> dict`` — the Persian label of each stored entity id.
- ``version() -> int`` — changes whenever an article is stored or removed (the API caches
  answers until it changes).
- ``stats() -> dict`` — counts: articles, entities, mentions, timexes, quotes, events,
  merged_events, first_published, last_published, sources (articles by source), event_types,
  event_status, entity_types, db_path, db_bytes.

Unusable filters (bad dates, negative limits, bad search syntax) raise
:class:`rasad.errors.QueryError`; store failures raise :class:`rasad.errors.StoreError`.
:mod:`rasad.store.batch` streams raw articles through a pipeline into a store.
"""

from rasad.store.core import Store, content_hash, default_db_path, search_form

__all__ = ["Store", "content_hash", "default_db_path", "search_form"]
