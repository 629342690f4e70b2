package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"framelens/storage/anchor"
)

// CorrectionKind says what an alignment correction does.
type CorrectionKind string

// The kinds of alignment correction.
const (
	// Link puts sentence B into the row of sentence A: the engine left two
	// sentences of different reports apart that state the same fact.
	Link CorrectionKind = "link"
	// Unlink takes sentence A out of the row the engine put it in.
	Unlink CorrectionKind = "unlink"
)

// SentenceRef points at a sentence of a report. To add a correction set
// ReportID, Anchor.Start and Anchor.End (the sentence's byte offsets);
// AddCorrection records the quote and its context so that the correction
// survives a re-import of the report.
type SentenceRef struct {
	ReportID int64
	Anchor   anchor.Selector
}

// Correction is the analyst's fix of the alignment of one case.
type Correction struct {
	ID     int64
	CaseID int64
	Kind   CorrectionKind
	A      SentenceRef
	// B is the sentence linked to A; it is zero for Unlink.
	B       SentenceRef
	Created time.Time
}

// Placement is where a sentence of a correction is in the current text of
// its report.
type Placement struct {
	// Found is false when the sentence is no longer in the report's text.
	Found bool
	// Report is the index of the report in the case (its Position), or -1
	// when the sentence was not found.
	Report   int
	ReportID int64
	// Start and End are byte offsets into the report's current original
	// bytes, End exclusive.
	Start int
	End   int
}

// ResolvedCorrection is a correction placed in the current report texts.
type ResolvedCorrection struct {
	Correction Correction
	A          Placement
	// B is the zero Placement for Unlink.
	B Placement
	// Resolved is true when every sentence of the correction was found; an
	// unresolved correction is kept but cannot be applied.
	Resolved bool
}

// AddCorrection records an alignment correction and returns it as stored.
// Its case is the case of A's report. A Link needs B in another report of
// the same case; an Unlink must leave B zero.
func (l *Library) AddCorrection(c Correction) (Correction, error) {
	switch c.Kind {
	case Link:
		if c.B.ReportID == 0 {
			return Correction{}, errors.New("link sentences: the second sentence names no report; select a sentence in another report")
		}
		if c.B.ReportID == c.A.ReportID {
			return Correction{}, errors.New("link sentences: both sentences are in the same report; select a sentence in another report")
		}
	case Unlink:
		if c.B.ReportID != 0 {
			return Correction{}, errors.New("unlink sentence: an unlink takes one sentence; leave the second sentence empty")
		}
	default:
		return Correction{}, fmt.Errorf("add correction: kind %q is not %q or %q", c.Kind, Link, Unlink)
	}
	var out Correction
	err := l.write("add correction", func(tx *sql.Tx) error {
		ctx := context.Background()
		caseID, a, err := anchorSentence(ctx, tx, c.CaseID, c.A)
		if err != nil {
			return err
		}
		c.CaseID, c.A.Anchor = caseID, a
		if c.Kind == Link {
			if _, c.B.Anchor, err = anchorSentence(ctx, tx, caseID, c.B); err != nil {
				return err
			}
		}
		now := nowMicros()
		c.Created = fromMicros(now)
		id, err := insertCorrection(ctx, tx, c)
		if err != nil {
			return err
		}
		if out, err = getCorrection(ctx, tx, id); err != nil {
			return err
		}
		return touchCase(ctx, tx, caseID, now)
	})
	return out, err
}

// anchorSentence describes a sentence in its report, which must belong to
// caseID (unless caseID is 0), and returns the report's case.
func anchorSentence(ctx context.Context, tx *sql.Tx, caseID int64, ref SentenceRef) (int64, anchor.Selector, error) {
	if ref.ReportID == 0 {
		return 0, anchor.Selector{}, errors.New("add correction: a sentence names no report; select a sentence in a report")
	}
	r, err := getReport(ctx, tx, ref.ReportID, true)
	if err != nil {
		return 0, anchor.Selector{}, fmt.Errorf("add correction: %w", err)
	}
	if caseID != 0 && r.CaseID != caseID {
		return 0, anchor.Selector{}, fmt.Errorf("add correction: %s belongs to case %d, not to case %d; select sentences of one case", reportLabel(r), r.CaseID, caseID)
	}
	sel, err := anchor.Describe(string(r.Content), ref.Anchor.Start, ref.Anchor.End)
	if err != nil {
		return 0, anchor.Selector{}, fmt.Errorf("add correction in %s: %w", reportLabel(r), err)
	}
	return r.CaseID, sel, nil
}

func insertCorrection(ctx context.Context, tx *sql.Tx, c Correction) (int64, error) {
	var bReport, bExact, bPrefix, bSuffix, bStart, bEnd any
	if c.Kind == Link {
		b := c.B.Anchor
		bReport, bExact, bPrefix, bSuffix, bStart, bEnd = c.B.ReportID, []byte(b.Exact), []byte(b.Prefix), []byte(b.Suffix), b.Start, b.End
	}
	a := c.A.Anchor
	res, err := tx.ExecContext(ctx, "INSERT INTO corrections ("+correctionColumns+`)
		VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		c.CaseID, string(c.Kind), c.A.ReportID, []byte(a.Exact), []byte(a.Prefix), []byte(a.Suffix), a.Start, a.End,
		bReport, bExact, bPrefix, bSuffix, bStart, bEnd, c.Created.UnixMicro())
	if err != nil {
		return 0, fmt.Errorf("add correction: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, fmt.Errorf("add correction: %w", err)
	}
	return id, nil
}

const correctionColumns = "id, case_id, kind, a_report_id, a_exact, a_prefix, a_suffix, a_start, a_end, " +
	"b_report_id, b_exact, b_prefix, b_suffix, b_start, b_end, created_us"

func scanCorrection(s scanner) (Correction, error) {
	var c Correction
	var bReport, bStart, bEnd sql.NullInt64
	var bExact, bPrefix, bSuffix []byte
	var created int64
	if err := s.Scan(&c.ID, &c.CaseID, &c.Kind, &c.A.ReportID, &c.A.Anchor.Exact, &c.A.Anchor.Prefix, &c.A.Anchor.Suffix,
		&c.A.Anchor.Start, &c.A.Anchor.End, &bReport, &bExact, &bPrefix, &bSuffix, &bStart, &bEnd, &created); err != nil {
		return Correction{}, err
	}
	if bReport.Valid {
		c.B = SentenceRef{ReportID: bReport.Int64, Anchor: anchor.Selector{
			Exact: string(bExact), Prefix: string(bPrefix), Suffix: string(bSuffix),
			Start: int(bStart.Int64), End: int(bEnd.Int64),
		}}
	}
	c.Created = fromMicros(created)
	return c, nil
}

func getCorrection(ctx context.Context, tx *sql.Tx, id int64) (Correction, error) {
	c, err := scanCorrection(tx.QueryRowContext(ctx, "SELECT "+correctionColumns+" FROM corrections WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Correction{}, notFound("correction", id, "it may have been deleted in another window; reload the case")
	}
	if err != nil {
		return Correction{}, fmt.Errorf("read correction %d: %w", id, err)
	}
	return c, nil
}

func caseCorrections(ctx context.Context, tx *sql.Tx, caseID int64) ([]Correction, error) {
	rows, err := tx.QueryContext(ctx, "SELECT "+correctionColumns+" FROM corrections WHERE case_id = ? ORDER BY id", caseID)
	if err != nil {
		return nil, fmt.Errorf("read the corrections of case %d: %w", caseID, err)
	}
	defer rows.Close()
	var out []Correction
	for rows.Next() {
		c, err := scanCorrection(rows)
		if err != nil {
			return nil, fmt.Errorf("read the corrections of case %d: %w", caseID, err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read the corrections of case %d: %w", caseID, err)
	}
	return out, nil
}

// resolveCorrections places corrections in the current texts of reports
// (the case's reports in order, with content).
func resolveCorrections(cs []Correction, reports []Report) []ResolvedCorrection {
	index := map[int64]int{}
	for i, r := range reports {
		index[r.ID] = i
	}
	placeRef := func(ref SentenceRef) Placement {
		p := Placement{Report: -1, ReportID: ref.ReportID}
		i, ok := index[ref.ReportID]
		if !ok {
			return p
		}
		m := anchor.Locate(string(reports[i].Content), ref.Anchor)
		if !m.Found() {
			return p
		}
		p.Found, p.Report, p.Start, p.End = true, i, m.Start, m.End
		return p
	}
	out := make([]ResolvedCorrection, 0, len(cs))
	for _, c := range cs {
		rc := ResolvedCorrection{Correction: c, A: placeRef(c.A)}
		rc.Resolved = rc.A.Found
		if c.Kind == Link {
			rc.B = placeRef(c.B)
			rc.Resolved = rc.Resolved && rc.B.Found
		}
		out = append(out, rc)
	}
	return out
}

// DeleteCorrection deletes an alignment correction.
func (l *Library) DeleteCorrection(id int64) error {
	return l.write("delete correction", func(tx *sql.Tx) error {
		ctx := context.Background()
		c, err := getCorrection(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM corrections WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete correction %d: %w", id, err)
		}
		return touchCase(ctx, tx, c.CaseID, nowMicros())
	})
}

// Corrections returns the alignment corrections of a case, in the order
// they were made, placed in the current report texts.
func (l *Library) Corrections(caseID int64) ([]ResolvedCorrection, error) {
	var out []ResolvedCorrection
	err := l.read("list corrections", func(tx *sql.Tx) error {
		ctx := context.Background()
		if _, err := getCase(ctx, tx, caseID); err != nil {
			return err
		}
		reports, err := caseReports(ctx, tx, caseID, true)
		if err != nil {
			return err
		}
		cs, err := caseCorrections(ctx, tx, caseID)
		if err != nil {
			return err
		}
		out = resolveCorrections(cs, reports)
		return nil
	})
	return out, err
}
