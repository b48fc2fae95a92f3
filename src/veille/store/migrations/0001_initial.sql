-- 0001: articles (+ full-text index), runs, rejections, and the analysis tables.
--
-- Conventions: dates are ISO 8601 TEXT; lists (tags, sectors, headings) and maps
-- are JSON TEXT; character offsets index into articles.text and are named
-- start_char/end_char ("end" is an SQL keyword). Analysis rows belong to one
-- article and go when it goes (ON DELETE CASCADE).

CREATE TABLE runs (
    id        INTEGER PRIMARY KEY,
    command   TEXT NOT NULL,                  -- 'ingest' | 'analyze' | ...
    specs     TEXT NOT NULL DEFAULT '[]',     -- JSON list of the sources given
    started   TEXT NOT NULL,
    finished  TEXT,                           -- NULL: still running, or killed
    counts    TEXT NOT NULL DEFAULT '{}'      -- JSON summary written at the end
) STRICT;

CREATE TABLE articles (
    id                INTEGER PRIMARY KEY,     -- stable rowid for the FTS index
    doc_id            TEXT NOT NULL UNIQUE,
    url               TEXT,
    title             TEXT NOT NULL,
    text              TEXT NOT NULL,
    published         TEXT,                    -- ISO date or NULL
    language          TEXT,                    -- ISO 639-1; only 'fr' is analysed
    byline            TEXT,
    section           TEXT,
    tags              TEXT NOT NULL DEFAULT '[]',
    standfirst        TEXT,
    headings          TEXT NOT NULL DEFAULT '[]',   -- JSON [[start, end], ...]
    content_hash      TEXT NOT NULL,
    source_kind       TEXT NOT NULL,
    locator           TEXT NOT NULL,
    run_id            INTEGER REFERENCES runs(id) ON DELETE SET NULL,
    ingested_at       TEXT NOT NULL,
    duplicate_of      TEXT REFERENCES articles(doc_id) ON DELETE SET NULL,
    duplicate_kind    TEXT CHECK (duplicate_kind IN ('exact', 'near')),
    minhash           BLOB,                    -- NULL for exact duplicates
    analysed_at       TEXT,
    analysis_versions TEXT,                    -- JSON {component: version}
    analysis_error    TEXT,                    -- set when the analyser rejected it
    CHECK ((duplicate_of IS NULL) = (duplicate_kind IS NULL))
) STRICT;

-- One canonical article per content hash; exact duplicates repeat the hash.
CREATE UNIQUE INDEX articles_content_hash ON articles(content_hash)
    WHERE duplicate_kind IS NOT 'exact';
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_language ON articles(language);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of) WHERE duplicate_of IS NOT NULL;
-- The work queue of `veille analyze` (keep the WHERE identical to store/articles.py).
CREATE INDEX articles_pending ON articles(doc_id)
    WHERE analysed_at IS NULL AND analysis_error IS NULL
      AND language = 'fr' AND duplicate_kind IS NOT 'exact';

-- Full-text search over title and body; external content kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text,
    content = 'articles', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TABLE rejections (
    id       INTEGER PRIMARY KEY,
    run_id   INTEGER REFERENCES runs(id) ON DELETE CASCADE,
    locator  TEXT NOT NULL,                   -- file path, URL, "path#record-3", doc_id
    stage    TEXT NOT NULL,                   -- 'read' | 'parse' | 'analyze' | ...
    reason   TEXT NOT NULL,
    at       TEXT NOT NULL
) STRICT;
CREATE INDEX rejections_run ON rejections(run_id);

-- ------------------------------------------------------------------ analysis

CREATE TABLE entities (
    doc_id     TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    idx        INTEGER NOT NULL,               -- order within the analysis
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    country    TEXT,
    sector     TEXT NOT NULL DEFAULT '[]',
    org        TEXT,
    kb_id      TEXT,
    PRIMARY KEY (doc_id, entity_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX entities_kb_id ON entities(kb_id) WHERE kb_id IS NOT NULL;
CREATE INDEX entities_country ON entities(country);

CREATE TABLE mentions (
    doc_id     TEXT NOT NULL,
    entity_id  TEXT NOT NULL,
    start_char INTEGER NOT NULL,
    end_char   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (doc_id, entity_id, start_char, end_char),
    FOREIGN KEY (doc_id, entity_id) REFERENCES entities(doc_id, entity_id) ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Actor columns (source_*, target_*, attributed_*, speaker_*) flatten model.Actor:
-- name, country, sector (JSON list), org, kb_id, role, kind, confidence.
CREATE TABLE events (
    id                     INTEGER PRIMARY KEY,
    doc_id                 TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    idx                    INTEGER NOT NULL,
    type                   TEXT NOT NULL,
    mode                   TEXT,
    source_name            TEXT,
    source_country         TEXT,
    source_sector          TEXT,
    source_org             TEXT,
    source_kb_id           TEXT,
    source_role            TEXT,
    source_kind            TEXT,
    source_confidence      REAL,
    target_name            TEXT,
    target_country         TEXT,
    target_sector          TEXT,
    target_org             TEXT,
    target_kb_id           TEXT,
    target_role            TEXT,
    target_kind            TEXT,
    target_confidence      REAL,
    evidence_start         INTEGER NOT NULL,
    evidence_end           INTEGER NOT NULL,
    evidence_text          TEXT NOT NULL,
    status                 TEXT NOT NULL,
    attributed_name        TEXT,
    attributed_country     TEXT,
    attributed_sector      TEXT,
    attributed_org         TEXT,
    attributed_kb_id       TEXT,
    attributed_role        TEXT,
    attributed_kind        TEXT,
    attributed_confidence  REAL,
    date_value             TEXT,
    date_text              TEXT,
    date_from_publication  INTEGER,
    place_name             TEXT,
    place_country          TEXT,
    place_lat              REAL,
    place_lon              REAL,
    place_geonames_id      INTEGER,
    confidence             REAL NOT NULL,
    trigger                TEXT,
    UNIQUE (doc_id, idx)                   -- also serves lookups by doc_id
) STRICT;
CREATE INDEX events_dyad_country ON events(source_country, target_country);
CREATE INDEX events_source_kb ON events(source_kb_id) WHERE source_kb_id IS NOT NULL;
CREATE INDEX events_target_kb ON events(target_kb_id) WHERE target_kb_id IS NOT NULL;
CREATE INDEX events_type ON events(type);
CREATE INDEX events_status ON events(status);
CREATE INDEX events_date ON events(date_value);

CREATE TABLE quotes (
    doc_id              TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    idx                 INTEGER NOT NULL,
    speaker_name        TEXT,
    speaker_country     TEXT,
    speaker_sector      TEXT,
    speaker_org         TEXT,
    speaker_kb_id       TEXT,
    speaker_role        TEXT,
    speaker_kind        TEXT,
    speaker_confidence  REAL,
    text                TEXT NOT NULL,
    start_char          INTEGER NOT NULL,
    end_char            INTEGER NOT NULL,
    kind                TEXT NOT NULL,
    cue                 TEXT,
    PRIMARY KEY (doc_id, idx)
) STRICT;
CREATE INDEX quotes_speaker_kb ON quotes(speaker_kb_id) WHERE speaker_kb_id IS NOT NULL;

CREATE TABLE timexes (
    doc_id      TEXT NOT NULL REFERENCES articles(doc_id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    value       TEXT NOT NULL,
    PRIMARY KEY (doc_id, idx)
) STRICT, WITHOUT ROWID;
