package app

import (
	"math"
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
	// runs[report][sentence] are the highlighted runs of each sentence,
	// computed once here so that drawing a row never waits for them, and
	// kept compactly: piecesOf turns them back into the engine's pieces.
	runs [][][]pieceRun
	// kinds are the kinds of difference the runs name, by index.
	kinds []framing.Kind
	// loose holds, by report and sentence, the pieces that do not fit a
	// compact run (none so far: a safeguard).
	loose map[[2]int][]framing.Piece
}

// pieceRun is a framing.Piece without its text: the piece ends at end in
// its sentence's text and starts where the one before it ends.
type pieceRun struct {
	end         int32
	diff        int32
	kind        uint8 // index into caseModel.kinds
	framing     bool
	counterpart bool
}

func newCaseModel(c *framing.Comparison, entries []*ReportEntry) *caseModel {
	m := &caseModel{cmp: c, entries: entries}
	m.runs = make([][][]pieceRun, len(c.Reports))
	kind := map[framing.Kind]uint8{}
	for r, rep := range c.Reports {
		m.runs[r] = make([][]pieceRun, len(rep.Sentences))
		for s := range rep.Sentences {
			pieces := c.Pieces(r, s)
			if runs, ok := m.compact(pieces, rep.Sentences[s].Text, kind); ok {
				m.runs[r][s] = runs
				continue
			}
			if m.loose == nil {
				m.loose = map[[2]int][]framing.Piece{}
			}
			m.loose[[2]int{r, s}] = pieces
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

// compact returns pieces, which joined give text, as runs; kind numbers
// the kinds met so far. It reports false for pieces that do not follow
// text or that name too many kinds.
func (m *caseModel) compact(pieces []framing.Piece, text string, kind map[framing.Kind]uint8) ([]pieceRun, bool) {
	runs := make([]pieceRun, len(pieces))
	off := 0
	for i, p := range pieces {
		end := off + len(p.Text)
		if end > len(text) || text[off:end] != p.Text || end > math.MaxInt32 || p.Diff < math.MinInt32 || p.Diff > math.MaxInt32 {
			return nil, false
		}
		k, ok := kind[p.Kind]
		if !ok {
			if len(m.kinds) > math.MaxUint8 {
				return nil, false
			}
			k = uint8(len(m.kinds))
			kind[p.Kind] = k
			m.kinds = append(m.kinds, p.Kind)
		}
		runs[i] = pieceRun{end: int32(end), diff: int32(p.Diff), kind: k, framing: p.Framing, counterpart: p.Counterpart}
		off = end
	}
	if off != len(text) {
		return nil, false
	}
	return runs, true
}

// piecesOf appends to out the highlighted pieces of a sentence of report,
// as the engine's Pieces gives them; their texts point into the
// sentence's text.
func (m *caseModel) piecesOf(out []framing.Piece, report, sentence int) []framing.Piece {
	if p, ok := m.loose[[2]int{report, sentence}]; ok {
		return append(out, p...)
	}
	text := m.cmp.Reports[report].Sentences[sentence].Text
	start := int32(0)
	for _, r := range m.runs[report][sentence] {
		out = append(out, framing.Piece{Text: text[start:r.end], Diff: int(r.diff), Kind: m.kinds[r.kind], Framing: r.framing, Counterpart: r.counterpart})
		start = r.end
	}
	return out
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
	cell := m.cmp.Rows[row].Cells[report]
	n := max(0, len(cell)-1)
	for _, s := range cell {
		if p, ok := m.loose[[2]int{report, s}]; ok {
			n += len(p)
		} else {
			n += len(m.runs[report][s])
		}
	}
	out := make([]framing.Piece, 0, n)
	for i, s := range cell {
		if i > 0 {
			out = append(out, framing.Piece{Text: " ", Diff: -1})
		}
		out = m.piecesOf(out, report, s)
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
