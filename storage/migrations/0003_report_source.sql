-- Version 3: how a report's bytes are read back, and its author. format is
-- how the bytes were read ('text', 'markdown', 'html', 'paste'), charset
-- the character set they were read in, source_url the address a web page
-- was fetched from. Reports kept by earlier versions have them empty:
-- their format follows from the file name, their character set is found
-- from the bytes, and they were not fetched (or the address was not kept).
-- author is the byline, as the page gave it or the analyst entered it;
-- empty for reports kept by earlier versions.

ALTER TABLE reports ADD COLUMN format TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN charset TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN source_url TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN author TEXT NOT NULL DEFAULT '';
