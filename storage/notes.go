package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"framelens/storage/anchor"
)

// NoteKind says what a note is about.
type NoteKind string

// The kinds of note.
const (
	// NoteRow is about a row of aligned sentences. It is anchored to one
	// sentence of the row and follows whichever row contains it.
	NoteRow NoteKind = "row"
	// NoteSentence is about one sentence of one report.
	NoteSentence NoteKind = "sentence"
	// NoteTerm is about a selected span of words in one report.
	NoteTerm NoteKind = "term"
)

func (k NoteKind) valid() bool {
	return k == NoteRow || k == NoteSentence || k == NoteTerm
}

// Note is the analyst's note on a row, a sentence or a term.
type Note struct {
	ID     int64
	CaseID int64
	Kind   NoteKind
	// ReportID is the report the note is anchored in; 0 once that report
	// has been removed from the case.
	ReportID int64
	// Anchor places the note in the report's original bytes. To create a
	// note, or to move one, set ReportID, Anchor.Start and Anchor.End (byte
	// offsets, End exclusive); SaveNote records the quote and its context.
	Anchor anchor.Selector
	// Detached is set when the anchored text could not be found after the
	// report's text was replaced, or the report was removed. The note keeps
	// its last known Anchor. Saving it with a new ReportID or offsets
	// attaches it again.
	Detached bool
	Text     string
	// Tags are frame dimensions (see DefaultTags) or the analyst's own
	// tags, in the order given, without duplicates (ignoring case).
	Tags    []string
	Created time.Time
	Updated time.Time
}

// NoteFilter selects notes. The zero value selects all notes of a case.
type NoteFilter struct {
	// Text, if set, must occur in the note text or in the quoted text,
	// ignoring case.
	Text string
	// Tags, if set, must all be on the note (ignoring case).
	Tags []string
	// Kind, if set, is the only kind returned.
	Kind NoteKind
	// ReportID, if set, is the only report whose notes are returned.
	ReportID int64
	// DetachedOnly returns only the notes that lost their place.
	DetachedOnly bool
}

func (f NoteFilter) match(n Note) bool {
	if f.Kind != "" && n.Kind != f.Kind {
		return false
	}
	if f.ReportID != 0 && n.ReportID != f.ReportID {
		return false
	}
	if f.DetachedOnly && !n.Detached {
		return false
	}
	for _, want := range f.Tags {
		found := false
		for _, t := range n.Tags {
			if strings.EqualFold(t, strings.TrimSpace(want)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if f.Text != "" {
		q := strings.ToLower(f.Text)
		if !strings.Contains(strings.ToLower(n.Text), q) && !strings.Contains(strings.ToLower(n.Anchor.Exact), q) {
			return false
		}
	}
	return true
}

const noteColumns = "id, case_id, kind, report_id, exact, prefix, suffix, start_byte, end_byte, detached, body, created_us, updated_us"

func scanNote(s scanner) (Note, error) {
	var n Note
	var reportID sql.NullInt64
	var created, updated int64
	if err := s.Scan(&n.ID, &n.CaseID, &n.Kind, &reportID, &n.Anchor.Exact, &n.Anchor.Prefix, &n.Anchor.Suffix,
		&n.Anchor.Start, &n.Anchor.End, &n.Detached, &n.Text, &created, &updated); err != nil {
		return Note{}, err
	}
	n.ReportID = reportID.Int64
	n.Created, n.Updated = fromMicros(created), fromMicros(updated)
	return n, nil
}

// caseNotes returns the notes of a case with their tags, in creation order.
func caseNotes(ctx context.Context, tx *sql.Tx, caseID int64) ([]Note, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+noteColumns+" FROM notes WHERE case_id = ? ORDER BY id", caseID)
	if err != nil {
		return nil, fmt.Errorf("read the notes of case %d: %w", caseID, err)
	}
	var notes []Note
	index := map[int64]int{}
	for rows.Next() {
		n, err := scanNote(rows)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("read the notes of case %d: %w", caseID, err)
		}
		index[n.ID] = len(notes)
		notes = append(notes, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the notes of case %d: %w", caseID, err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT t.note_id, t.tag FROM note_tags AS t JOIN notes AS n ON n.id = t.note_id
		WHERE n.case_id = ? ORDER BY t.note_id, t.seq`, caseID)
	if err != nil {
		return nil, fmt.Errorf("read the note tags of case %d: %w", caseID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var tag string
		if err := rows.Scan(&id, &tag); err != nil {
			return nil, fmt.Errorf("read the note tags of case %d: %w", caseID, err)
		}
		if i, ok := index[id]; ok {
			notes[i].Tags = append(notes[i].Tags, tag)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the note tags of case %d: %w", caseID, err)
	}
	return notes, nil
}

func getNote(ctx context.Context, tx *sql.Tx, id int64) (Note, error) {
	n, err := scanNote(tx.QueryRowContext(ctx, "SELECT "+noteColumns+" FROM notes WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Note{}, notFound("note", id, "it may have been deleted in another window; reload the case")
	}
	if err != nil {
		return Note{}, fmt.Errorf("read note %d: %w", id, err)
	}
	rows, err := tx.QueryContext(ctx, "SELECT tag FROM note_tags WHERE note_id = ? ORDER BY seq", id)
	if err != nil {
		return Note{}, fmt.Errorf("read the tags of note %d: %w", id, err)
	}
	defer rows.Close()
	for rows.Next() {
		var tag string
		if err := rows.Scan(&tag); err != nil {
			return Note{}, fmt.Errorf("read the tags of note %d: %w", id, err)
		}
		n.Tags = append(n.Tags, tag)
	}
	if err := rows.Err(); err != nil {
		return Note{}, fmt.Errorf("read the tags of note %d: %w", id, err)
	}
	return n, nil
}

// Notes returns the notes of a case that match f, in creation order.
func (l *Library) Notes(caseID int64, f NoteFilter) ([]Note, error) {
	var out []Note
	err := l.read("list notes", func(tx *sql.Tx) error {
		ctx := context.Background()
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return err
		}
		notes, err := caseNotes(ctx, tx, caseID)
		if err != nil {
			return err
		}
		for _, n := range notes {
			if f.match(n) {
				out = append(out, n)
			}
		}
		return nil
	})
	return out, err
}

// DetachedNotes returns the notes of a case that lost their place in the
// text, in creation order.
func (l *Library) DetachedNotes(caseID int64) ([]Note, error) {
	return l.Notes(caseID, NoteFilter{DetachedOnly: true})
}

// SaveNote creates the note (n.ID == 0) or updates it, and returns it as
// stored. A new note needs Kind, ReportID and Anchor.Start/End; its case
// is the report's. An update saves Kind, Text and Tags, and moves the
// anchor when ReportID or the offsets differ from the stored ones.
func (l *Library) SaveNote(n Note) (Note, error) {
	if !n.Kind.valid() {
		return Note{}, fmt.Errorf("save note: kind %q is not one of %q, %q, %q", n.Kind, NoteRow, NoteSentence, NoteTerm)
	}
	tags := normalizeTags(n.Tags)
	var out Note
	err := l.write("save note", func(tx *sql.Tx) error {
		ctx := context.Background()
		now := nowMicros()
		var err error
		if n.ID == 0 {
			n.ID, err = insertNewNote(ctx, tx, n, tags, now)
		} else {
			err = updateNote(ctx, tx, n, tags, now)
		}
		if err != nil {
			return err
		}
		if out, err = getNote(ctx, tx, n.ID); err != nil {
			return err
		}
		return touchCase(ctx, tx, out.CaseID, now)
	})
	return out, err
}

// anchorNote describes the selection of a note in its report, which must
// belong to caseID (unless caseID is 0).
func anchorNote(ctx context.Context, tx *sql.Tx, caseID, reportID int64, start, end int) (Report, anchor.Selector, error) {
	if reportID == 0 {
		return Report{}, anchor.Selector{}, errors.New("save note: it names no report; select text in a report first")
	}
	r, err := getReport(ctx, tx, reportID, true)
	if err != nil {
		return Report{}, anchor.Selector{}, fmt.Errorf("save note: %w", err)
	}
	if caseID != 0 && r.CaseID != caseID {
		return Report{}, anchor.Selector{}, fmt.Errorf("save note: %s belongs to case %d, not to the note's case %d", reportLabel(r), r.CaseID, caseID)
	}
	sel, err := anchor.Describe(string(r.Content), start, end)
	if err != nil {
		return Report{}, anchor.Selector{}, fmt.Errorf("save note on %s: %w", reportLabel(r), err)
	}
	return r, sel, nil
}

func insertNewNote(ctx context.Context, tx *sql.Tx, n Note, tags []string, now int64) (int64, error) {
	r, sel, err := anchorNote(ctx, tx, n.CaseID, n.ReportID, n.Anchor.Start, n.Anchor.End)
	if err != nil {
		return 0, err
	}
	n.CaseID, n.Anchor, n.Detached = r.CaseID, sel, false
	n.Tags = tags
	n.Created, n.Updated = fromMicros(now), fromMicros(now)
	return insertNote(ctx, tx, n, false)
}

// insertNote stores n as given, keeping its id if withID is set.
func insertNote(ctx context.Context, tx *sql.Tx, n Note, withID bool) (int64, error) {
	var id any
	if withID {
		id = n.ID
	}
	var reportID any
	if n.ReportID != 0 {
		reportID = n.ReportID
	}
	res, err := tx.ExecContext(ctx, "INSERT INTO notes ("+noteColumns+") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
		id, n.CaseID, string(n.Kind), reportID, []byte(n.Anchor.Exact), []byte(n.Anchor.Prefix), []byte(n.Anchor.Suffix),
		n.Anchor.Start, n.Anchor.End, boolInt(n.Detached), n.Text, n.Created.UnixMicro(), n.Updated.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("save note: %w", err)
	}
	newID, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("save note: %w", err)
	}
	if err := setNoteTags(ctx, tx, newID, n.Tags, n.Created.UnixMicro()); err != nil {
		return 0, err
	}
	return newID, nil
}

func updateNote(ctx context.Context, tx *sql.Tx, n Note, tags []string, now int64) error {
	old, err := getNote(ctx, tx, n.ID)
	if err != nil {
		return fmt.Errorf("save note: %w", err)
	}
	sel, detached, reportID := old.Anchor, old.Detached, old.ReportID
	if n.ReportID != old.ReportID || n.Anchor.Start != old.Anchor.Start || n.Anchor.End != old.Anchor.End {
		if _, sel, err = anchorNote(ctx, tx, old.CaseID, n.ReportID, n.Anchor.Start, n.Anchor.End); err != nil {
			return err
		}
		detached, reportID = false, n.ReportID
	}
	var rid any
	if reportID != 0 {
		rid = reportID
	}
	if _, err := tx.ExecContext(ctx, `UPDATE notes SET kind = ?, report_id = ?, exact = ?, prefix = ?, suffix = ?,
		start_byte = ?, end_byte = ?, detached = ?, body = ?, updated_us = ? WHERE id = ?`,
		string(n.Kind), rid, []byte(sel.Exact), []byte(sel.Prefix), []byte(sel.Suffix), sel.Start, sel.End,
		boolInt(detached), n.Text, now, n.ID); err != nil {
		return fmt.Errorf("save note %d: %w", n.ID, err)
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM note_tags WHERE note_id = ?", n.ID); err != nil {
		return fmt.Errorf("save the tags of note %d: %w", n.ID, err)
	}
	return setNoteTags(ctx, tx, n.ID, tags, now)
}

// setNoteTags stores the tags of a note and adds new ones to the
// analyst's tags.
func setNoteTags(ctx context.Context, tx *sql.Tx, noteID int64, tags []string, now int64) error {
	for i, t := range tags {
		if _, err := tx.ExecContext(ctx, "INSERT INTO note_tags (note_id, tag, seq) VALUES (?, ?, ?)", noteID, t, i); err != nil {
			return fmt.Errorf("save tag %q of note %d: %w", t, noteID, err)
		}
		if err := addOwnTag(ctx, tx, t, now); err != nil {
			return err
		}
	}
	return nil
}

// DeleteNote deletes a note and returns it as it was, for RestoreNote.
func (l *Library) DeleteNote(id int64) (Note, error) {
	var n Note
	err := l.write("delete note", func(tx *sql.Tx) error {
		ctx := context.Background()
		var err error
		if n, err = getNote(ctx, tx, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM notes WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete note %d: %w", id, err)
		}
		return touchCase(ctx, tx, n.CaseID, nowMicros())
	})
	return n, err
}

// RestoreNote puts back a note that DeleteNote returned, with the same id,
// text, tags and times, and returns it as stored. If its report's text
// changed in between, the note is placed in the current text (or marked
// detached); if its report was removed, it comes back detached.
func (l *Library) RestoreNote(n Note) (Note, error) {
	if n.ID == 0 {
		return Note{}, errors.New("restore note: it has no id; pass the note that DeleteNote returned")
	}
	if !n.Kind.valid() {
		return Note{}, fmt.Errorf("restore note %d: kind %q is not one of %q, %q, %q", n.ID, n.Kind, NoteRow, NoteSentence, NoteTerm)
	}
	var out Note
	err := l.write("restore note", func(tx *sql.Tx) error {
		ctx := context.Background()
		if _, err := getCase(ctx, tx, n.CaseID); err != nil {
			return fmt.Errorf("restore note %d: %w", n.ID, err)
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM notes WHERE id = ?)", n.ID).Scan(&exists); err != nil {
			return fmt.Errorf("restore note %d: %w", n.ID, err)
		}
		if exists {
			return fmt.Errorf("restore note %d: a note with this id exists already; it was restored before", n.ID)
		}
		if n.ReportID != 0 {
			r, err := getReport(ctx, tx, n.ReportID, true)
			switch {
			case errors.Is(err, ErrNotFound) || (err == nil && r.CaseID != n.CaseID):
				n.ReportID, n.Detached = 0, true
			case err != nil:
				return fmt.Errorf("restore note %d: %w", n.ID, err)
			default:
				if sel, ok := place(string(r.Content), n.Anchor); ok {
					n.Anchor, n.Detached = sel, false
				} else {
					n.Detached = true
				}
			}
		}
		n.Tags = normalizeTags(n.Tags)
		if _, err := insertNote(ctx, tx, n, true); err != nil {
			return fmt.Errorf("restore note %d: %w", n.ID, err)
		}
		var err error
		if out, err = getNote(ctx, tx, n.ID); err != nil {
			return err
		}
		return touchCase(ctx, tx, n.CaseID, nowMicros())
	})
	return out, err
}
