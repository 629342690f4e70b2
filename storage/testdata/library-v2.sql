-- A Framelens library in format version 2, made by makeFixture in fixture_test.go.
-- Generated: do not edit. See fixture_test.go.
PRAGMA application_id = 1179405907;
PRAGMA user_version = 2;
BEGIN;
CREATE TABLE cases (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL CHECK (name <> ''),
    description TEXT    NOT NULL DEFAULT '',
    created_us  INTEGER NOT NULL,
    updated_us  INTEGER NOT NULL
);
INSERT INTO "cases" VALUES (1, 'Storm: ports reopen', 'October 2024', 1727776800000000, 1727776805000000);
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
, url TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '');
INSERT INTO "reports" VALUES (1, 1, 0, 'wire.txt', 'Wire Service', 'Ports reopen after the storm', '2024-10-01', 1, X'506f7274732072656f70656e206166746572207468652073746f726d0a0a54686520686172626f757220617574686f726974792073616964206f6e205475657364617920746861742074686520746872656520706f72747320776f756c642072656f70656e206174206e6f6f6e2e204665727269657320726573756d656420696e20746865206576656e696e672e0a', '9fc06ee325caa32f97983b827b83c69716b22ef0654ac60a92e9d1a6d0d822b7', 1727776800000000, 1727776800000000, '', 'en');
INSERT INTO "reports" VALUES (2, 1, 1, 'novosti.html', 'Novosti', '', '2024-10-01', 0, X'3c68746d6c3e3c686561643e3c7469746c653ecfeef0f2fb3c2f7469746c653e3c2f686561643e3c626f64793e3c61727469636c653e3c703ecfeef0f2fb20eef2eaf0fbebe8f1fc20efeef1ebe520f8f2eef0ece02e20cfe0f0eeecfb20e2e5f0edf3ebe8f1fc20e2e5f7e5f0eeec2e3c2f703e3c2f61727469636c653e3c2f626f64793e3c2f68746d6c3e0a', 'e35149957d447d90b7e0ee3eee5575d6e96e4b82a42ca113fbe9ea5284c9628a', 1727776800000001, 1727776800000001, 'https://novosti.example/ports?id=12', 'ru');
INSERT INTO "reports" VALUES (3, 1, 2, '', 'Pasted', '', '', 0, X'53746f726d206f7665723a20616c6c20746872656520706f727473206f70656e20616761696e2c2066657272696573206261636b206279206576656e696e672e', '3416f6608a15c7614c5dfe37a936e524f64587626a3303ab1ddd67325c7a5be3', 1727776800000002, 1727776800000002, '', '');
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
INSERT INTO "notes" VALUES (1, 1, 'row', 1, X'54686520686172626f757220617574686f726974792073616964206f6e205475657364617920746861742074686520746872656520706f72747320776f756c642072656f70656e206174206e6f6f6e2e', X'506f7274732072656f70656e206166746572207468652073746f726d0a0a', X'204665727269657320726573756d656420696e20746865206576656e696e672e', 30, 110, 0, 'Official source only.', 1727776800000010, 1727776800000010);
CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes (id) ON DELETE CASCADE,
    tag     TEXT    NOT NULL COLLATE NOCASE,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (note_id, tag)
) WITHOUT ROWID;
INSERT INTO "note_tags" VALUES (1, 'Sources', 0);
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
INSERT INTO "corrections" VALUES (1, 1, 'unlink', 1, X'4665727269657320726573756d656420696e20746865206576656e696e672e', X'72656520706f72747320776f756c642072656f70656e206174206e6f6f6e2e20', X'0a', 111, 142, NULL, NULL, NULL, NULL, NULL, NULL, 1727776800000020);
CREATE TABLE lexicon_entries (
    lang       TEXT    NOT NULL,
    id         TEXT    NOT NULL,
    body       TEXT    NOT NULL,
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    updated_us INTEGER NOT NULL,
    PRIMARY KEY (lang, id)
) WITHOUT ROWID;
INSERT INTO "lexicon_entries" VALUES ('en', 'storm', 'id: storm
terms:
  - storm
  - hurricane
', 1, 1727776800000030);
CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO "settings" VALUES ('last_case_id', '1');
CREATE TABLE tags (
    name       TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    created_us INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO "tags" VALUES ('Sources', 1727776800000010);
INSERT INTO "tags" VALUES ('unused tag', 1727776800000011);
CREATE INDEX reports_by_case ON reports (case_id, position);
CREATE UNIQUE INDEX reports_one_reference ON reports (case_id) WHERE is_reference = 1;
CREATE INDEX notes_by_case ON notes (case_id);
CREATE INDEX notes_by_report ON notes (report_id);
CREATE INDEX note_tags_by_tag ON note_tags (tag);
CREATE INDEX corrections_by_case ON corrections (case_id);
CREATE INDEX corrections_by_a ON corrections (a_report_id);
CREATE INDEX corrections_by_b ON corrections (b_report_id);
COMMIT;
