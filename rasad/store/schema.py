"""Named, ordered migrations of the store's SQLite schema.

Each migration is ``(name, sql)``; applied names are recorded with a timestamp in the
``migrations`` table, so ``rasad migrate`` (and every :meth:`Store.open`) applies only the
missing ones, in order, each in its own transaction.
"""

from __future__ import annotations

MIGRATIONS_TABLE = """
CREATE TABLE IF NOT EXISTS migrations (
    name       TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
)
"""

M0001_CORE = """
CREATE TABLE articles (
    id               INTEGER PRIMARY KEY,
    doc              TEXT NOT NULL DEFAULT '',
    hash             TEXT NOT NULL UNIQUE,
    path             TEXT,
    url              TEXT,
    source           TEXT,
    byline           TEXT,
    title            TEXT,
    published        TEXT,
    published_source TEXT,
    raw              TEXT NOT NULL,
    text             TEXT NOT NULL,
    sentences        TEXT NOT NULL DEFAULT '[]',
    ingested_at      TEXT NOT NULL,
    result           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_source ON articles(source, published);
CREATE INDEX articles_doc ON articles(doc);

CREATE TABLE entities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    label_fa   TEXT,
    n_articles INTEGER NOT NULL DEFAULT 0,
    n_mentions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE);
CREATE INDEX entities_label ON entities(label_fa);
CREATE INDEX entities_rank ON entities(n_mentions DESC, id);
CREATE INDEX entities_type_rank ON entities(type, n_mentions DESC, id);

CREATE TABLE article_entities (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    PRIMARY KEY (article_id, entity_id)
) WITHOUT ROWID;
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL REFERENCES entities(id),
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    text       TEXT NOT NULL,
    source     TEXT
);
CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE timexes (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    type        TEXT,
    value       TEXT,
    granularity TEXT,
    anchor      TEXT,
    calendar    TEXT
);
CREATE INDEX timexes_article ON timexes(article_id);
CREATE INDEX timexes_value ON timexes(value);

CREATE TABLE quotes (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker    TEXT NOT NULL,
    speaker_id TEXT,
    speaker_fa TEXT,
    kind       TEXT,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    cue        TEXT,
    cue_start  INTEGER,
    cue_end    INTEGER,
    date       TEXT,
    eff_date   TEXT,
    sentence   INTEGER
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE, eff_date);
CREATE INDEX quotes_speaker_id ON quotes(speaker_id, eff_date);
CREATE INDEX quotes_date ON quotes(eff_date, id);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    mode        TEXT,
    actors      TEXT NOT NULL DEFAULT '[]',
    actor_ids   TEXT NOT NULL DEFAULT '[]',
    location    TEXT,
    location_id TEXT,
    date        TEXT,
    eff_date    TEXT,
    status      TEXT,
    evidence    TEXT,
    start       INTEGER,
    "end"       INTEGER,
    cameo       TEXT,
    trigger     TEXT,
    sentence    INTEGER
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type, eff_date);
CREATE INDEX events_status ON events(status, eff_date);
CREATE INDEX events_date ON events(eff_date, id);

CREATE TABLE event_actors (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor    TEXT NOT NULL,
    actor_id TEXT
);
CREATE INDEX event_actors_actor ON event_actors(actor COLLATE NOCASE, event_id);
CREATE INDEX event_actors_id ON event_actors(actor_id, event_id);
CREATE INDEX event_actors_event ON event_actors(event_id);
"""

M0002_MERGED_EVENTS = """
CREATE TABLE merged_events (
    id         INTEGER PRIMARY KEY,
    type       TEXT NOT NULL,
    mode       TEXT,
    actors     TEXT NOT NULL DEFAULT '[]',
    actor_ids  TEXT NOT NULL DEFAULT '[]',
    location   TEXT,
    date       TEXT,
    sort_date  TEXT,
    status     TEXT,
    history    TEXT NOT NULL DEFAULT '[]',
    sources    INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT,
    last_seen  TEXT
);
CREATE INDEX merged_events_date ON merged_events(sort_date, id);
CREATE INDEX merged_events_type ON merged_events(type, sort_date);

CREATE TABLE merged_actors (
    merged_id INTEGER NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    actor     TEXT NOT NULL,
    actor_id  TEXT,
    PRIMARY KEY (merged_id, actor)
) WITHOUT ROWID;
CREATE INDEX merged_actors_actor ON merged_actors(actor COLLATE NOCASE, merged_id);
CREATE INDEX merged_actors_id ON merged_actors(actor_id, merged_id);

CREATE TABLE event_reports (
    event_id   INTEGER PRIMARY KEY REFERENCES events(id) ON DELETE CASCADE,
    merged_id  INTEGER NOT NULL REFERENCES merged_events(id),
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
);
CREATE INDEX event_reports_merged ON event_reports(merged_id, article_id);
CREATE INDEX event_reports_article ON event_reports(article_id);
"""

# ``body`` is the search form of the normalized text (FTS5 splits it at ZWNJ, so
# ``رئیس‌جمهور`` is indexed as two words); ``joined`` repeats every ZWNJ compound
# written solid (``رئیسجمهور``) so a query typed without the ZWNJ finds it too.
M0003_SEARCH = """
CREATE VIRTUAL TABLE search USING fts5(
    title, body, joined,
    tokenize = 'unicode61 remove_diacritics 2'
);
"""

# The FTS table need not keep its own copy of the text (snippets are cut from
# ``articles.text`` in Python): rebuild it contentless, about a quarter smaller.
# ``rasad_search_form`` / ``rasad_joined_form`` are registered on every connection.
M0004_SEARCH_CONTENTLESS = """
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, joined,
    content = '',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO search_index(rowid, title, body, joined)
    SELECT id, rasad_search_form(coalesce(title, '')), rasad_search_form(text),
           rasad_joined_form(rasad_search_form(text))
    FROM articles;
DROP TABLE search;
ALTER TABLE search_index RENAME TO search;
"""

# A merged event's summary for the timeline list, kept up to date on ingest, so that a list
# request never decodes the whole (ever-growing) history: the number of reports, the ids of
# the reporting articles, and the status changes of the history in date order.  The
# ``store_version`` counter changes with every stored article (one transaction with it), so
# the API can cache answers until the next write.  ``rasad_article_ids`` /
# ``rasad_status_changes`` are registered on every connection.
M0005_MERGED_SUMMARY = """
ALTER TABLE merged_events ADD COLUMN n_reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE merged_events ADD COLUMN article_ids TEXT NOT NULL DEFAULT '[]';
ALTER TABLE merged_events ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
UPDATE merged_events SET n_reports = json_array_length(history), article_ids = rasad_article_ids(history),
    changes = rasad_status_changes(history);
CREATE TABLE store_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO store_version(id, n) VALUES (1, 0);
CREATE TRIGGER articles_version_insert AFTER INSERT ON articles BEGIN
    UPDATE store_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER articles_version_update AFTER UPDATE ON articles BEGIN
    UPDATE store_version SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER articles_version_delete AFTER DELETE ON articles BEGIN
    UPDATE store_version SET n = n + 1 WHERE id = 1;
END;
"""

# Near-duplicate articles (copies of one wire story, see ``rasad.store.neardup``): each
# article's bottom-k MinHash sketch, and the story it belongs to (the id of the first
# article of the story; NULL = its own).  Articles stored before this migration have no
# sketch and stay their own story.
M0006_NEAR_DUPLICATES = """
ALTER TABLE articles ADD COLUMN story_id INTEGER;
CREATE TABLE article_sketch (
    h          INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (h, article_id)
) WITHOUT ROWID;
CREATE INDEX article_sketch_article ON article_sketch(article_id);
"""

# Vectors of passages for search by meaning (rasad.semantic); filled by `rasad index`.
M0007_PASSAGE_VECTORS = """
CREATE TABLE passage_vectors (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    start      INTEGER NOT NULL,
    "end"      INTEGER NOT NULL,
    model      TEXT NOT NULL,
    vec        BLOB
);
CREATE INDEX passage_vectors_article ON passage_vectors(article_id);
CREATE TRIGGER passage_vectors_version AFTER INSERT ON passage_vectors BEGIN
    UPDATE store_version SET n = n + 1 WHERE id = 1;
END;
"""

# The timeline's status filter (alone or with a type) read every merged event through the
# date index; these indexes give the filtered, date-ordered pages and their counts directly.
M0008_TIMELINE_INDEXES = """
CREATE INDEX merged_events_status ON merged_events(status, sort_date);
CREATE INDEX merged_events_type_status ON merged_events(type, status, sort_date);
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("0001_core", M0001_CORE),
    ("0002_merged_events", M0002_MERGED_EVENTS),
    ("0003_search_fts5", M0003_SEARCH),
    ("0004_search_contentless", M0004_SEARCH_CONTENTLESS),
    ("0005_merged_summary", M0005_MERGED_SUMMARY),
    ("0006_near_duplicates", M0006_NEAR_DUPLICATES),
    ("0007_passage_vectors", M0007_PASSAGE_VECTORS),
    ("0008_timeline_indexes", M0008_TIMELINE_INDEXES),
]
