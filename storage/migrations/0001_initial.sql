-- Version 1: the initial library.
-- Times are microseconds since 1970-01-01 UTC. Positions (start_byte,
-- end_byte) are byte offsets into the original bytes of a report.

PRAGMA application_id = 1179405907; -- "FLNS": marks the file as a Framelens library

CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (name <> ''),
    description TEXT    NOT NULL DEFAULT '',
    created_us  INTEGER NOT NULL,
    updated_us  INTEGER NOT NULL
);

CREATE TABLE reports (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL DEFAULT '',
    outlet       TEXT    NOT NULL DEFAULT '',
    title        TEXT    NOT NULL DEFAULT '',
    published    TEXT    NOT NULL DEFAULT '',
    is_reference INTEGER NOT NULL DEFAULT 0 CHECK (is_reference IN (0, 1)),
    content      BLOB    NOT NULL,
    sha256       TEXT    NOT NULL,
    created_us   INTEGER NOT NULL,
    updated_us   INTEGER NOT NULL
);
CREATE INDEX reports_by_case ON reports (case_id, position);
CREATE UNIQUE INDEX reports_one_reference ON reports (case_id) WHERE is_reference = 1;

-- A note is anchored to one report's text (a sentence for row and sentence
-- notes, a term for term notes). report_id is NULL once the report has been
-- removed; such notes are detached and keep their quote.
CREATE TABLE notes (
    id         INTEGER PRIMARY KEY,
    case_id    INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('row', 'sentence', 'term')),
    report_id  INTEGER REFERENCES reports (id) ON DELETE SET NULL,
    exact      BLOB    NOT NULL,
    prefix     BLOB    NOT NULL,
    suffix     BLOB    NOT NULL,
    start_byte INTEGER NOT NULL,
    end_byte   INTEGER NOT NULL,
    detached   INTEGER NOT NULL DEFAULT 0 CHECK (detached IN (0, 1)),
    body       TEXT    NOT NULL,
    created_us INTEGER NOT NULL,
    updated_us INTEGER NOT NULL
);
CREATE INDEX notes_by_case ON notes (case_id);
CREATE INDEX notes_by_report ON notes (report_id);

CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL COLLATE NOCASE,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
CREATE INDEX note_tags_by_tag ON note_tags (tag);

-- An alignment correction: 'link' puts sentence b into the row of sentence
-- a; 'unlink' takes sentence a out of its row (the b columns are NULL).
CREATE TABLE corrections (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL CHECK (kind IN ('link', 'unlink')),
    a_report_id INTEGER NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
    a_exact     BLOB    NOT NULL,
    a_prefix    BLOB    NOT NULL,
    a_suffix    BLOB    NOT NULL,
    a_start     INTEGER NOT NULL,
    a_end       INTEGER NOT NULL,
    b_report_id INTEGER REFERENCES reports (id) ON DELETE CASCADE,
    b_exact     BLOB,
    b_prefix    BLOB,
    b_suffix    BLOB,
    b_start     INTEGER,
    b_end       INTEGER,
    created_us  INTEGER NOT NULL,
    CHECK ((kind = 'link') = (b_report_id IS NOT NULL))
);
CREATE INDEX corrections_by_case ON corrections (case_id);
CREATE INDEX corrections_by_a ON corrections (a_report_id);
CREATE INDEX corrections_by_b ON corrections (b_report_id);

-- The analyst's own lexicon entries, one YAML or JSON document each.
CREATE TABLE lexicon_entries (
    lang       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    updated_us INTEGER NOT NULL,
    PRIMARY KEY (lang, id)
) WITHOUT ROWID;
