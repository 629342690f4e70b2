package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// LexiconEntry is one of the analyst's own lexicon entries: a contested
// referent and its competing terms, kept as the YAML or JSON text the
// analyst wrote. The storage does not interpret Text; the engine does.
type LexiconEntry struct {
	// Lang is the language of the entry, such as "en".
	Lang string
	// ID is the referent id of the entry, unique within its language.
	ID string
	// Text is the entry in YAML or JSON.
	Text string
	// Enabled entries are used in comparisons.
	Enabled bool
	Updated time.Time
}

// LexiconEntries returns the analyst's lexicon entries ordered by language
// and id.
func (l *Library) LexiconEntries() ([]LexiconEntry, error) {
	var out []LexiconEntry
	err := l.read("list lexicon entries", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(context.Background(),
			"SELECT lang, id, body, enabled, updated_us FROM lexicon_entries ORDER BY lang, id")
		if err != nil {
			return fmt.Errorf("list lexicon entries: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var e LexiconEntry
			var updated int64
			if err := rows.Scan(&e.Lang, &e.ID, &e.Text, &e.Enabled, &updated); err != nil {
				return fmt.Errorf("list lexicon entries: %w", err)
			}
			e.Updated = fromMicros(updated)
			out = append(out, e)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("list lexicon entries: %w", err)
		}
		return nil
	})
	return out, err
}

// SaveLexiconEntry creates or replaces the entry with e's language and id
// and returns it as stored.
func (l *Library) SaveLexiconEntry(e LexiconEntry) (LexiconEntry, error) {
	e.Lang, e.ID = strings.TrimSpace(e.Lang), strings.TrimSpace(e.ID)
	switch {
	case e.Lang == "":
		return LexiconEntry{}, fmt.Errorf("save lexicon entry %q: the language is empty; give a language code such as en", e.ID)
	case e.ID == "":
		return LexiconEntry{}, errors.New("save lexicon entry: the id is empty; give the referent an id")
	case strings.TrimSpace(e.Text) == "":
		return LexiconEntry{}, fmt.Errorf("save lexicon entry %s/%s: the text is empty; write the entry in YAML or JSON", e.Lang, e.ID)
	case !utf8.ValidString(e.Text):
		return LexiconEntry{}, fmt.Errorf("save lexicon entry %s/%s: the text is not valid UTF-8; save the file as UTF-8", e.Lang, e.ID)
	}
	now := nowMicros()
	err := l.write("save lexicon entry", func(tx *sql.Tx) error {
		_, err := tx.ExecContext(context.Background(), `INSERT INTO lexicon_entries (lang, id, body, enabled, updated_us)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (lang, id) DO UPDATE SET body = excluded.body, enabled = excluded.enabled, updated_us = excluded.updated_us`,
			e.Lang, e.ID, e.Text, boolInt(e.Enabled), now)
		if err != nil {
			return fmt.Errorf("save lexicon entry %s/%s: %w", e.Lang, e.ID, err)
		}
		return nil
	})
	if err != nil {
		return LexiconEntry{}, err
	}
	e.Updated = fromMicros(now)
	return e, nil
}

// DeleteLexiconEntry deletes the entry with the given language and id.
func (l *Library) DeleteLexiconEntry(lang, id string) error {
	return l.write("delete lexicon entry", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(context.Background(), "DELETE FROM lexicon_entries WHERE lang = ? AND id = ?", lang, id)
		if err != nil {
			return fmt.Errorf("delete lexicon entry %s/%s: %w", lang, id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("delete lexicon entry %s/%s: %w (it may have been deleted in another window)", lang, id, ErrNotFound)
		}
		return nil
	})
}
