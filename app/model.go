package app

import (
	"strings"

	"framelens/framing"
)

// caseModel is one comparison made ready for display: the engine's result,
// the case's reports in column order and per-row facts the views ask for
// again and again. It is built off the UI goroutine and not changed after.
type caseModel struct {
	cmp     *framing.Comparison
	entries []*ReportEntry
	framing []bool  // per row: holds a framing difference
	missing [][]int // per row: reports that left the fact out
	// cellText[row][report] is the report's text in that row: its
	// sentences joined by spaces, "" when not reported.
	cellText [][]string
	// pieces[report][sentence] are the highlighted runs of each sentence,
	// computed once here so that drawing a row never waits for them.
	pieces [][][]framing.Piece
}

func newCaseModel(c *framing.Comparison, entries []*ReportEntry) *caseModel {
	m := &caseModel{cmp: c, entries: entries}
	m.pieces = make([][][]framing.Piece, len(c.Reports))
	for r, rep := range c.Reports {
		m.pieces[r] = make([][]framing.Piece, len(rep.Sentences))
		for s := range rep.Sentences {
			m.pieces[r][s] = shareText(c.Pieces(r, s), rep.Sentences[s].Text)
		}
	}
	m.framing = make([]bool, len(c.Rows))
	m.missing = make([][]int, len(c.Rows))
	m.cellText = make([][]string, len(c.Rows))
	for row, r := range c.Rows {
		m.framing[row] = c.RowFraming(row)
		m.missing[row] = c.RowMissing(row)
		texts := make([]string, len(r.Cells))
		for rep, cell := range r.Cells {
			parts := make([]string, 0, len(cell))
			for _, s := range cell {
				if s >= 0 && s < len(c.Reports[rep].Sentences) {
					parts = append(parts, c.Reports[rep].Sentences[s].Text)
				}
			}
			texts[rep] = strings.Join(parts, " ")
		}
		m.cellText[row] = texts
	}
	return m
}

// shareText makes the texts of pieces, which joined give text, point into
// text instead of holding a copy of it, so that the model keeps each
// sentence once. Pieces that do not follow text are left as they are.
func shareText(pieces []framing.Piece, text string) []framing.Piece {
	off := 0
	for i := range pieces {
		n := len(pieces[i].Text)
		if off+n > len(text) || text[off:off+n] != pieces[i].Text {
			break
		}
		pieces[i].Text = text[off : off+n]
		off += n
	}
	return pieces
}

// rows is the number of aligned rows.
func (m *caseModel) rows() int { return len(m.cmp.Rows) }

// reports is the number of reports (columns).
func (m *caseModel) reports() int { return len(m.cmp.Reports) }

// reported reports whether report states the fact of row.
func (m *caseModel) reported(row, report int) bool {
	return len(m.cmp.Rows[row].Cells[report]) > 0
}

// column returns the column of entry e, or -1.
func (m *caseModel) column(e *ReportEntry) int {
	for i, x := range m.entries {
		if x == e {
			return i
		}
	}
	return -1
}

// cellPieces returns the pieces of report's sentences in row, with a
// single-space piece between sentences.
func (m *caseModel) cellPieces(row, report int) []framing.Piece {
	var out []framing.Piece
	for i, s := range m.cmp.Rows[row].Cells[report] {
		if i > 0 {
			out = append(out, framing.Piece{Text: " ", Diff: -1})
		}
		out = append(out, m.pieces[report][s]...)
	}
	return out
}

// Filter selects the rows the aligned view shows.
type Filter int

// The row filters.
const (
	// FilterAll shows every row.
	FilterAll Filter = iota
	// FilterFraming shows rows with at least one framing difference.
	FilterFraming
	// FilterOmissions shows rows that some report left out.
	FilterOmissions
)

// String is the filter's label in the window.
func (f Filter) String() string {
	switch f {
	case FilterFraming:
		return "Rows with framing differences"
	case FilterOmissions:
		return "Rows some outlet left out"
	}
	return "All rows"
}

// keeps reports whether the filter shows row.
func (m *caseModel) keeps(f Filter, row int) bool {
	switch f {
	case FilterFraming:
		return m.framing[row]
	case FilterOmissions:
		return len(m.missing[row]) > 0
	}
	return true
}

// shown lists the rows f shows, in order.
func (m *caseModel) shown(f Filter) []int {
	out := make([]int, 0, m.rows())
	for row := range m.rows() {
		if m.keeps(f, row) {
			out = append(out, row)
		}
	}
	return out
}

// step finds the next row after from (dir 1) or before it (dir -1) for which
// want holds, wrapping around the ends. from may be -1 (no row yet). It
// returns -1 when no row matches, and whether the search wrapped.
func (m *caseModel) step(from, dir int, want func(row int) bool) (row int, wrapped bool) {
	n := m.rows()
	if n == 0 {
		return -1, false
	}
	if from < 0 || from >= n {
		if dir > 0 {
			from = -1
		} else {
			from = n
		}
	}
	for i := 1; i <= n; i++ {
		r := from + dir*i
		w := r < 0 || r >= n
		r = ((r % n) + n) % n
		if want(r) {
			return r, w
		}
	}
	return -1, false
}

// findHit is one place a search query occurs: a row and a report.
type findHit struct {
	row, report int
}

// find lists where query occurs in the reports (case-insensitive), row by
// row, column by column.
func (m *caseModel) find(query string) []findHit {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return nil
	}
	var hits []findHit
	for row, texts := range m.cellText {
		for rep, t := range texts {
			if t != "" && strings.Contains(strings.ToLower(t), q) {
				hits = append(hits, findHit{row, rep})
			}
		}
	}
	return hits
}

// termRows lists the rows in which report used term of referent.
func (m *caseModel) termRows(referent string, report int, term string) []int {
	for _, tu := range m.cmp.Terms {
		if tu.Referent != referent {
			continue
		}
		for _, rt := range tu.Reports {
			if rt.Report != report {
				continue
			}
			for _, tc := range rt.Terms {
				if tc.Term == term {
					return tc.Rows
				}
			}
		}
	}
	return nil
}
