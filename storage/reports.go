package storage

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"framelens/storage/anchor"
)

// Report is one outlet's report of the event, with its original bytes.
type Report struct {
	ID     int64
	CaseID int64
	// Position is the report's place in the case, from 0; it is the report
	// index the comparison uses.
	Position int
	// FileName is the name of the file the report was imported from, if any.
	FileName string
	Outlet   string
	Title    string
	// Author is the byline: one name, or several joined by commas; empty
	// when unknown and for reports kept before format version 3.
	Author string
	// Published is the publication date as the analyst entered it,
	// preferably YYYY-MM-DD.
	Published string
	URL       string
	// Language is a BCP 47 tag such as "en" or "fr", or empty if unknown.
	Language string
	// Reference marks the report the others are compared against; at most
	// one report of a case has it.
	Reference bool
	// Content is the report exactly as imported.
	Content []byte
	// Format is how Content was read: "text", "markdown", "html" or
	// "paste" (the formats of package ingest). Empty for reports kept by a
	// library before format version 3: the extension of FileName says.
	Format string
	// Charset is the character set Content was read in ("utf-8",
	// "windows-1251", ...), so that it is read the same way again even
	// when the set was declared only outside the bytes (in an HTTP
	// header). Empty: find it from the bytes.
	Charset string
	// SourceURL is the address a web page was fetched from (after
	// redirects); empty for files, pasted text and reports kept before
	// format version 3. Unlike URL, the analyst does not edit it.
	SourceURL string
	// SHA256 is the hex SHA-256 hash of Content.
	SHA256  string
	Created time.Time
	Updated time.Time
}

// Reanchored says what became of the notes and corrections of a report
// whose text was replaced.
type Reanchored struct {
	// Placed counts the notes found in the new text.
	Placed int
	// Detached lists the notes that could not be placed. They are kept,
	// marked detached, and tried again when the text is next replaced.
	Detached []int64
	// CorrectionsPlaced counts the corrections whose sentences in this
	// report were found in the new text.
	CorrectionsPlaced int
	// CorrectionsUnresolved lists the corrections whose sentence in this
	// report was not found. They are kept and show as unresolved.
	CorrectionsUnresolved []int64
}

func hashContent(content []byte) string {
	sum := sha256.Sum256(content)
	return hex.EncodeToString(sum[:])
}

// reportLabel names a report in messages.
func reportLabel(r Report) string {
	switch {
	case r.FileName != "":
		return fmt.Sprintf("report %q", r.FileName)
	case r.Outlet != "":
		return fmt.Sprintf("report from %s", r.Outlet)
	case r.ID != 0:
		return fmt.Sprintf("report %d", r.ID)
	}
	return "report"
}

const reportColumns = "id, case_id, position, file_name, outlet, title, author, published, url, language, is_reference, " +
	"format, charset, source_url, sha256, created_us, updated_us"

func scanReport(s scanner, withContent bool) (Report, error) {
	var r Report
	var created, updated int64
	dest := []any{&r.ID, &r.CaseID, &r.Position, &r.FileName, &r.Outlet, &r.Title, &r.Author, &r.Published,
		&r.URL, &r.Language, &r.Reference, &r.Format, &r.Charset, &r.SourceURL, &r.SHA256, &created, &updated}
	if withContent {
		dest = append(dest, &r.Content)
	}
	if err := s.Scan(dest...); err != nil {
		return Report{}, err
	}
	r.Created, r.Updated = fromMicros(created), fromMicros(updated)
	if withContent && r.Content == nil {
		r.Content = []byte{}
	}
	return r, nil
}

func selectReports(withContent bool) string {
	if withContent {
		return "SELECT " + reportColumns + ", content FROM reports"
	}
	return "SELECT " + reportColumns + " FROM reports"
}

// caseReports returns the reports of a case in order.
func caseReports(ctx context.Context, tx *sql.Tx, caseID int64, withContent bool) ([]Report, error) {
	rows, err := tx.QueryContext(ctx, selectReports(withContent)+" WHERE case_id = ? ORDER BY position, id", caseID)
	if err != nil {
		return nil, fmt.Errorf("read the reports of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var reports []Report
	for rows.Next() {
		r, err := scanReport(rows, withContent)
		if err != nil {
			return nil, fmt.Errorf("read the reports of case %d: %w", caseID, err)
		}
		reports = append(reports, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the reports of case %d: %w", caseID, err)
	}
	return reports, nil
}

func getReport(ctx context.Context, tx *sql.Tx, id int64, withContent bool) (Report, error) {
	r, err := scanReport(tx.QueryRowContext(ctx, selectReports(withContent)+" WHERE id = ?", id), withContent)
	if errors.Is(err, sql.ErrNoRows) {
		return Report{}, notFound("report", id, "it may have been removed in another window; reload the case")
	}
	if err != nil {
		return Report{}, fmt.Errorf("read report %d: %w", id, err)
	}
	return r, nil
}

// AddReport adds a report at the end of a case. ID, CaseID, Position,
// SHA256 and the times of r are ignored; Content must not be empty. If r is
// marked Reference, it takes the mark from any other report of the case.
func (l *Library) AddReport(caseID int64, r Report) (Report, error) {
	if len(r.Content) == 0 {
		return Report{}, fmt.Errorf("add %s: it has no text; choose a file that contains the report", reportLabel(r))
	}
	var out Report
	err := l.write("add report", func(tx *sql.Tx) error {
		ctx := context.Background()
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return fmt.Errorf("add %s: %w", reportLabel(r), err)
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM reports WHERE case_id = ?", caseID).Scan(&n); err != nil {
			return fmt.Errorf("add %s: %w", reportLabel(r), err)
		}
		r.CaseID, r.Position = caseID, n
		now := nowMicros()
		r.Created, r.Updated = fromMicros(now), fromMicros(now)
		id, err := insertReport(ctx, tx, r)
		if err != nil {
			return err
		}
		if err := touchCase(ctx, tx, caseID, now); err != nil {
			return err
		}
		out, err = getReport(ctx, tx, id, true)
		return err
	})
	return out, err
}

// insertReport stores r as given (case, position, flags and times),
// computing its hash.
func insertReport(ctx context.Context, tx *sql.Tx, r Report) (int64, error) {
	if r.Reference {
		if _, err := tx.ExecContext(ctx, "UPDATE reports SET is_reference = 0 WHERE case_id = ?", r.CaseID); err != nil {
			return 0, fmt.Errorf("add %s: %w", reportLabel(r), err)
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO reports
		(case_id, position, file_name, outlet, title, author, published, url, language, is_reference, content,
		 format, charset, source_url, sha256, created_us, updated_us)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.CaseID, r.Position, r.FileName, r.Outlet, r.Title, r.Author, r.Published, r.URL, r.Language,
		boolInt(r.Reference), r.Content, r.Format, r.Charset, r.SourceURL,
		hashContent(r.Content), r.Created.UnixMicro(), r.Updated.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("add %s: %w", reportLabel(r), err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("add %s: %w", reportLabel(r), err)
	}
	return id, nil
}

// UpdateReportMeta saves the file name, outlet, title, author,
// publication date, URL and language of report r.ID. Its text (with its format, character
// set and source address), position and reference mark are left as they
// are.
func (l *Library) UpdateReportMeta(r Report) error {
	return l.write("update report", func(tx *sql.Tx) error {
		ctx := context.Background()
		old, err := getReport(ctx, tx, r.ID, false)
		if err != nil {
			return err
		}
		now := nowMicros()
		if _, err := tx.ExecContext(ctx, `UPDATE reports SET file_name = ?, outlet = ?, title = ?, author = ?,
			published = ?, url = ?, language = ?, updated_us = ? WHERE id = ?`,
			r.FileName, r.Outlet, r.Title, r.Author, r.Published, r.URL, r.Language, now, r.ID); err != nil {
			return fmt.Errorf("update %s: %w", reportLabel(old), err)
		}
		return touchCase(ctx, tx, old.CaseID, now)
	})
}

// ReplaceReportText replaces the text of a report (an edit or a re-import)
// and places its notes and corrections in the new text. Notes that cannot
// be placed are kept and marked detached; notes detached earlier are tried
// again. The report's file name, title, format, character set and source
// address are left as they are; ReplaceReportFrom changes them too.
func (l *Library) ReplaceReportText(reportID int64, content []byte) (Reanchored, error) {
	return l.replaceText(reportID, content, nil)
}

// ReplaceReportFrom replaces the text of report r.ID with r.Content, read
// from a new source (a newer version of the article), like
// ReplaceReportText. The report takes the FileName, Title, Format, Charset
// and SourceURL of r; what the analyst entered (outlet, author, date,
// URL, language), its place and its reference mark are left as they are.
func (l *Library) ReplaceReportFrom(r Report) (Reanchored, error) {
	return l.replaceText(r.ID, r.Content, &r)
}

// replaceText replaces the text of a report and, when src is not nil, the
// fields that describe where the text came from.
func (l *Library) replaceText(reportID int64, content []byte, src *Report) (Reanchored, error) {
	var out Reanchored
	err := l.write("replace report text", func(tx *sql.Tx) error {
		ctx := context.Background()
		out = Reanchored{}
		r, err := getReport(ctx, tx, reportID, false)
		if err != nil {
			return err
		}
		if len(content) == 0 {
			return fmt.Errorf("replace the text of %s: the new text is empty; choose a file that contains the report", reportLabel(r))
		}
		now := nowMicros()
		if _, err := tx.ExecContext(ctx, "UPDATE reports SET content = ?, sha256 = ?, updated_us = ? WHERE id = ?",
			content, hashContent(content), now, reportID); err != nil {
			return fmt.Errorf("replace the text of %s: %w", reportLabel(r), err)
		}
		if src != nil {
			if _, err := tx.ExecContext(ctx, `UPDATE reports SET file_name = ?, title = ?, format = ?, charset = ?, source_url = ?
				WHERE id = ?`, src.FileName, src.Title, src.Format, src.Charset, src.SourceURL, reportID); err != nil {
				return fmt.Errorf("replace the text of %s: record where the new text came from: %w", reportLabel(r), err)
			}
		}
		text := string(content)
		if err := reanchorNotes(ctx, tx, reportID, text, &out); err != nil {
			return fmt.Errorf("replace the text of %s: %w", reportLabel(r), err)
		}
		if err := reanchorCorrections(ctx, tx, reportID, text, &out); err != nil {
			return fmt.Errorf("replace the text of %s: %w", reportLabel(r), err)
		}
		return touchCase(ctx, tx, r.CaseID, now)
	})
	return out, err
}

type storedAnchor struct {
	id  int64
	sel anchor.Selector
}

// reanchorNotes places the notes of a report in its new text.
func reanchorNotes(ctx context.Context, tx *sql.Tx, reportID int64, text string, out *Reanchored) error {
	rows, err := tx.QueryContext(ctx,
		"SELECT id, exact, prefix, suffix, start_byte, end_byte FROM notes WHERE report_id = ? ORDER BY id", reportID)
	if err != nil {
		return fmt.Errorf("read notes: %w", err)
	}
	var notes []storedAnchor
	for rows.Next() {
		var a storedAnchor
		if err := rows.Scan(&a.id, &a.sel.Exact, &a.sel.Prefix, &a.sel.Suffix, &a.sel.Start, &a.sel.End); err != nil {
			rows.Close()
			return fmt.Errorf("read notes: %w", err)
		}
		notes = append(notes, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read notes: %w", err)
	}
	for _, n := range notes {
		sel, ok := place(text, n.sel)
		if !ok {
			out.Detached = append(out.Detached, n.id)
			if _, err := tx.ExecContext(ctx, "UPDATE notes SET detached = 1 WHERE id = ?", n.id); err != nil {
				return fmt.Errorf("mark note %d detached: %w", n.id, err)
			}
			continue
		}
		out.Placed++
		if _, err := tx.ExecContext(ctx, `UPDATE notes SET exact = ?, prefix = ?, suffix = ?, start_byte = ?, end_byte = ?,
			detached = 0 WHERE id = ?`, []byte(sel.Exact), []byte(sel.Prefix), []byte(sel.Suffix), sel.Start, sel.End, n.id); err != nil {
			return fmt.Errorf("move note %d: %w", n.id, err)
		}
	}
	return nil
}

// reanchorCorrections places the sentences of corrections that lie in a
// report in its new text.
func reanchorCorrections(ctx context.Context, tx *sql.Tx, reportID int64, text string, out *Reanchored) error {
	type side struct {
		storedAnchor
		col string // "a" or "b"
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, 'a', a_exact, a_prefix, a_suffix, a_start, a_end FROM corrections WHERE a_report_id = ?
		UNION ALL
		SELECT id, 'b', b_exact, b_prefix, b_suffix, b_start, b_end FROM corrections WHERE b_report_id = ?
		ORDER BY 1, 2`, reportID, reportID)
	if err != nil {
		return fmt.Errorf("read corrections: %w", err)
	}
	var sides []side
	for rows.Next() {
		var s side
		if err := rows.Scan(&s.id, &s.col, &s.sel.Exact, &s.sel.Prefix, &s.sel.Suffix, &s.sel.Start, &s.sel.End); err != nil {
			rows.Close()
			return fmt.Errorf("read corrections: %w", err)
		}
		sides = append(sides, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read corrections: %w", err)
	}
	unresolved := map[int64]bool{}
	seen := map[int64]bool{}
	var order []int64
	for _, s := range sides {
		if !seen[s.id] {
			seen[s.id] = true
			order = append(order, s.id)
		}
		sel, ok := place(text, s.sel)
		if !ok {
			unresolved[s.id] = true
			continue
		}
		c := s.col
		if _, err := tx.ExecContext(ctx, "UPDATE corrections SET "+c+"_exact = ?, "+c+"_prefix = ?, "+c+"_suffix = ?, "+
			c+"_start = ?, "+c+"_end = ? WHERE id = ?",
			[]byte(sel.Exact), []byte(sel.Prefix), []byte(sel.Suffix), sel.Start, sel.End, s.id); err != nil {
			return fmt.Errorf("move correction %d: %w", s.id, err)
		}
	}
	for _, id := range order {
		if unresolved[id] {
			out.CorrectionsUnresolved = append(out.CorrectionsUnresolved, id)
		} else {
			out.CorrectionsPlaced++
		}
	}
	return nil
}

// place locates sel in text and describes it afresh there, so that its
// quote and context follow the edited text.
func place(text string, sel anchor.Selector) (anchor.Selector, bool) {
	m := anchor.Locate(text, sel)
	if !m.Found() {
		return sel, false
	}
	placed, err := anchor.Describe(text, m.Start, m.End)
	if err != nil {
		return sel, false
	}
	return placed, true
}

// RemoveReport removes a report from its case. Its alignment corrections
// go with it; its notes are kept, detached, with their quotes.
func (l *Library) RemoveReport(reportID int64) error {
	return l.write("remove report", func(tx *sql.Tx) error {
		ctx := context.Background()
		r, err := getReport(ctx, tx, reportID, false)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE notes SET detached = 1, report_id = NULL WHERE report_id = ?", reportID); err != nil {
			return fmt.Errorf("remove %s: keep its notes: %w", reportLabel(r), err)
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM reports WHERE id = ?", reportID); err != nil {
			return fmt.Errorf("remove %s: %w", reportLabel(r), err)
		}
		if _, err := tx.ExecContext(ctx, "UPDATE reports SET position = position - 1 WHERE case_id = ? AND position > ?",
			r.CaseID, r.Position); err != nil {
			return fmt.Errorf("remove %s: renumber the other reports: %w", reportLabel(r), err)
		}
		return touchCase(ctx, tx, r.CaseID, nowMicros())
	})
}

// MoveReport moves a report to position (from 0) within its case, shifting
// the reports in between.
func (l *Library) MoveReport(reportID int64, position int) error {
	return l.write("move report", func(tx *sql.Tx) error {
		ctx := context.Background()
		r, err := getReport(ctx, tx, reportID, false)
		if err != nil {
			return err
		}
		reports, err := caseReports(ctx, tx, r.CaseID, false)
		if err != nil {
			return err
		}
		if position < 0 || position >= len(reports) {
			return fmt.Errorf("move %s to position %d: the case has positions 0 to %d", reportLabel(r), position, len(reports)-1)
		}
		ids := make([]int64, 0, len(reports))
		for _, o := range reports {
			if o.ID != reportID {
				ids = append(ids, o.ID)
			}
		}
		ids = append(ids[:position], append([]int64{reportID}, ids[position:]...)...)
		for i, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE reports SET position = ? WHERE id = ? AND position <> ?", i, id, i); err != nil {
				return fmt.Errorf("move %s: %w", reportLabel(r), err)
			}
		}
		return touchCase(ctx, tx, r.CaseID, nowMicros())
	})
}

// SetReference marks a report as the reference of its case (taking the
// mark from any other report) or, with reference false, removes its mark.
func (l *Library) SetReference(reportID int64, reference bool) error {
	return l.write("set reference report", func(tx *sql.Tx) error {
		ctx := context.Background()
		r, err := getReport(ctx, tx, reportID, false)
		if err != nil {
			return err
		}
		if reference {
			if _, err := tx.ExecContext(ctx, "UPDATE reports SET is_reference = 0 WHERE case_id = ? AND id <> ?", r.CaseID, reportID); err != nil {
				return fmt.Errorf("make %s the reference: %w", reportLabel(r), err)
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE reports SET is_reference = ? WHERE id = ?", boolInt(reference), reportID); err != nil {
			return fmt.Errorf("set the reference mark of %s: %w", reportLabel(r), err)
		}
		return touchCase(ctx, tx, r.CaseID, nowMicros())
	})
}
