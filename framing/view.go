package framing

import (
	"sort"
	"strings"
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Helpers for displaying a Comparison. They read the comparison only; the
// analysis happened in Compare.

// Piece is a run of a sentence's display text and the difference it
// belongs to, for highlighting.
type Piece struct {
	Text string
	// Diff is the index of the difference in Comparison.Differences, or -1.
	Diff    int
	Kind    Kind
	Framing bool
	// Counterpart is set when the run only stands in the place of
	// another report's framing words (see Span.Counterpart).
	Counterpart bool
}

// Pieces cuts the display text of one sentence into runs, each either
// plain (Diff == -1) or covered by one difference. The runs joined give
// Sentence.Text. Where differences overlap, framing ones win, and among
// those the one with the narrower span (a contested term inside the wider
// wording another difference pairs with it).
func (c *Comparison) Pieces(report, sentence int) []Piece {
	if report < 0 || report >= len(c.Reports) || sentence < 0 || sentence >= len(c.Reports[report].Sentences) {
		return nil
	}
	s := c.Reports[report].Sentences[sentence]
	raw := c.rawOf(report)
	if raw == nil {
		return []Piece{{Text: s.Text, Diff: -1}}
	}
	// Mark every raw byte of the sentence with the best difference on it:
	// framing over not, the words a difference is about over words that
	// only stand against them, then the narrower span.
	mark := make([]int, s.End-s.Start)
	width := make([]int, s.End-s.Start) // length of the span that set mark
	cp := make([]bool, s.End-s.Start)   // whether that span is a counterpart
	for i := range mark {
		mark[i] = -1
	}
	lo, hi := c.rowRange(c.rowOfSentence(report, sentence))
	for di := lo; di < hi; di++ {
		d := c.Differences[di]
		for _, sp := range d.Spans {
			if sp.Report != report || sp.End <= s.Start || sp.Start >= s.End || sp.End <= sp.Start {
				continue
			}
			for b := max(sp.Start, s.Start); b < min(sp.End, s.End); b++ {
				i := b - s.Start
				take := mark[i] < 0
				if !take {
					switch cur := c.Differences[mark[i]]; {
					case better(d, cur):
						take = true
					case better(cur, d):
					case cp[i] != sp.Counterpart:
						take = cp[i]
					default:
						take = sp.End-sp.Start < width[i]
					}
				}
				if take {
					mark[i], width[i], cp[i] = di, sp.End-sp.Start, sp.Counterpart
				}
			}
		}
	}
	// Walk the raw bytes, folding white space as Sentence.Text does.
	var pieces []Piece
	var buf strings.Builder
	curMark, curCp := -2, false
	emit := func() {
		if buf.Len() == 0 {
			return
		}
		p := Piece{Text: buf.String(), Diff: curMark}
		if curMark >= 0 {
			p.Kind = c.Differences[curMark].Kind
			p.Framing = c.Differences[curMark].Framing
			p.Counterpart = curCp
		}
		pieces = append(pieces, p)
		buf.Reset()
	}
	text := string(raw[s.Start:s.End])
	prev, prevCp := -1, false // mark of the last non-space rune written
	pendingSpace := false
	for i, r := range text {
		if unicode.IsSpace(r) {
			pendingSpace = buf.Len() > 0 || len(pieces) > 0
			continue
		}
		m := mark[i]
		mc := m >= 0 && cp[i]
		if pendingSpace {
			// A folded space belongs to a run only when both its sides do.
			sm, sc := -1, false
			if prev == m && prevCp == mc {
				sm, sc = m, mc
			}
			if sm != curMark || sc != curCp {
				emit()
				curMark, curCp = sm, sc
			}
			buf.WriteByte(' ')
			pendingSpace = false
		}
		if m != curMark || mc != curCp {
			emit()
			curMark, curCp = m, mc
		}
		buf.WriteRune(r)
		prev, prevCp = m, mc
	}
	emit()
	// Sentence.Text comes from the analysis text (markup removed); when it
	// differs from the folded raw text, fall back to a plain piece.
	var joined strings.Builder
	for _, p := range pieces {
		joined.WriteString(p.Text)
	}
	if joined.String() != s.Text {
		return []Piece{{Text: s.Text, Diff: -1}}
	}
	return pieces
}

// rowOfSentence returns the row holding a sentence, or -1. The index is
// built once per comparison.
func (c *Comparison) rowOfSentence(report, sentence int) int {
	c.indexOnce.Do(func() {
		c.sentRow = make([][]int, len(c.Reports))
		for r := range c.Reports {
			c.sentRow[r] = make([]int, len(c.Reports[r].Sentences))
			for i := range c.sentRow[r] {
				c.sentRow[r][i] = -1
			}
		}
		for ri, row := range c.Rows {
			for r, cell := range row.Cells {
				for _, i := range cell {
					if r < len(c.sentRow) && i >= 0 && i < len(c.sentRow[r]) {
						c.sentRow[r][i] = ri
					}
				}
			}
		}
	})
	if report < 0 || report >= len(c.sentRow) || sentence < 0 || sentence >= len(c.sentRow[report]) {
		return -1
	}
	return c.sentRow[report][sentence]
}

// better says whether difference a should be shown over b.
func better(a, b Difference) bool {
	if a.Framing != b.Framing {
		return a.Framing
	}
	return a.Kind != KindRewording && b.Kind == KindRewording
}

// rawOf returns the original bytes of a report, when the comparison still
// holds them.
func (c *Comparison) rawOf(report int) []byte {
	if report < len(c.docs) {
		return c.docs[report].Raw
	}
	return nil
}

// RowFraming reports whether a row has at least one framing difference.
func (c *Comparison) RowFraming(row int) bool {
	for _, d := range c.RowDifferences(row) {
		if d.Framing {
			return true
		}
	}
	return false
}

// RowDifferences returns the differences of one row.
func (c *Comparison) RowDifferences(row int) []Difference {
	lo, hi := c.rowRange(row)
	return c.Differences[lo:hi]
}

// rowRange returns the indices [lo, hi) of a row's differences
// (Differences are sorted by row).
func (c *Comparison) rowRange(row int) (int, int) {
	if row < 0 {
		return 0, 0
	}
	lo := sort.Search(len(c.Differences), func(i int) bool { return c.Differences[i].Row >= row })
	hi := lo
	for hi < len(c.Differences) && c.Differences[hi].Row == row {
		hi++
	}
	return lo, hi
}

// RowMissing lists the reports that left a row's fact out.
func (c *Comparison) RowMissing(row int) []int {
	if row < 0 || row >= len(c.Rows) {
		return nil
	}
	var out []int
	for r, cell := range c.Rows[row].Cells {
		if len(cell) == 0 {
			out = append(out, r)
		}
	}
	return out
}

// WordOp is one step of a word-level diff: Op is -1 for words only in the
// first text, 1 for words only in the second, 0 for words in both.
type WordOp struct {
	Op   int
	Text string
}

// WordDiff compares two texts word by word (white space kept with the
// words) and returns the steps from a to b.
func WordDiff(a, b string) []WordOp {
	dmp := diffmatchpatch.New()
	wa, wb := splitWords(a), splitWords(b)
	ids := map[string]rune{}
	var vocab []string
	enc := func(ws []string) []rune {
		out := make([]rune, len(ws))
		for i, w := range ws {
			id, ok := ids[w]
			if !ok {
				id = rune(0xE000 + len(vocab))
				if id >= 0xF900 {
					id = rune(0xF0000 + len(vocab))
				}
				ids[w] = id
				vocab = append(vocab, w)
			}
			out[i] = id
		}
		return out
	}
	ra, rb := enc(wa), enc(wb)
	diffs := dmp.DiffMainRunes(ra, rb, false)
	diffs = dmp.DiffCleanupSemantic(diffs)
	back := map[rune]string{}
	for w, id := range ids {
		back[id] = w
	}
	var out []WordOp
	for _, d := range diffs {
		var b strings.Builder
		for _, r := range d.Text {
			b.WriteString(back[r])
		}
		op := 0
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = -1
		case diffmatchpatch.DiffInsert:
			op = 1
		}
		out = append(out, WordOp{Op: op, Text: b.String()})
	}
	return out
}

// splitWords cuts text into words, each with the white space after it.
func splitWords(s string) []string {
	var out []string
	start := 0
	inSpace := false
	for i, r := range s {
		sp := r == ' ' || r == '\n' || r == '\t'
		if !sp && inSpace {
			out = append(out, s[start:i])
			start = i
		}
		inSpace = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
