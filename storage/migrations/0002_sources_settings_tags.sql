-- Version 2: where a report came from, UI settings, and the analyst's own
-- tags (kept even while no note uses them).

ALTER TABLE reports ADD COLUMN url TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN language TEXT NOT NULL DEFAULT '';

CREATE TABLE settings (
    key   TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE tags (
    name       TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
    created_us INTEGER NOT NULL
) WITHOUT ROWID;

-- Every tag already used on a note becomes one of the analyst's tags (the
-- default frame dimensions are filtered out when tags are listed).
INSERT OR IGNORE INTO tags (name, created_us)
SELECT t.tag, MIN(n.created_us)
FROM note_tags AS t JOIN notes AS n ON n.id = t.note_id
GROUP BY t.tag COLLATE NOCASE
ORDER BY MIN(n.created_us);
