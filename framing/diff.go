package framing

import (
	"context"
	"fmt"
	"sort"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Differences: the sentences of each row are compared word by word with
// go-diff, pair by pair (every pair of reports when a row has a handful,
// else each report against the row's pivot and its neighbour). Words are
// compared by their stems, so inflection, case and typographic quotes never
// make a difference. Each change region of a pair is classified; regions
// of different pairs that cover the same words of a report are then merged
// into one Difference, so that one difference holds what every report says
// at that place ("Ukrainian crisis" / "war against Ukraine" / "conflict").

// cell is the words of one report in one row.
type cell struct {
	report int
	toks   []token
	text   string // the analysis text of the report the tokens point into

	// Worked out once per cell and used by every pair it is in.
	runes     []rune   // the tokens encoded for go-diff
	figs      []figure // its figures
	clause    clause   // its attribution clause, when hasClause
	hasClause bool
}

// prepare works out what every comparison of a cell needs.
func (c *cell) prepare(enc *encoder) {
	c.runes = enc.runes(c.toks)
	c.figs = figures(*c, c.text)
	c.clause, c.hasClause = attributionOf(*c)
}

// slotSpan is what one report has in a change: tokens [from, to) of its
// cell, or an empty span at token position from.
type slotSpan struct {
	report   int
	from, to int
}

// slot is one change between two cells.
type slot struct {
	spans []slotSpan
}

// allPairsUpTo is the largest number of reports in a row for which every
// pair of reports is compared.
const allPairsUpTo = 6

// differences finds and classifies the differences of every row.
func (p *pipeline) differences(ctx context.Context) error {
	dmp := diffmatchpatch.New()
	enc := newEncoder()
	for ri, row := range p.rows {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("comparing rows: %w", err)
		}
		var cells []cell
		for r, idx := range row.Cells {
			if len(idx) == 0 {
				continue
			}
			c := cell{report: r, text: p.docs[r].Text}
			for _, i := range idx {
				c.toks = append(c.toks, p.sents[r][i].toks...)
			}
			c.prepare(enc)
			cells = append(cells, c)
		}
		if len(cells) < 2 {
			continue
		}
		lexDiffs := append(p.lexiconDiffs(ri, row), p.numberDiffs(ri, cells)...)
		for _, d := range p.namingDiffs(ri, cells) {
			if !overlapsAny(d, termDiffs(lexDiffs)) {
				lexDiffs = append(lexDiffs, d)
			}
		}
		var found []Difference
		var pds []pairDiff
		for _, pr := range pairsOf(len(cells)) {
			a, b := cells[pr[0]], cells[pr[1]]
			pd := changes(dmp, a, b)
			pds = append(pds, pd)
			for _, sl := range pd.slots {
				d, ok := p.classify(ri, []cell{a, b}, sl)
				if !ok {
					continue
				}
				if !overlapsAny(d, lexDiffs) {
					found = append(found, d)
				}
				for _, e := range p.furtherFindings(ri, []cell{a, b}, sl, d) {
					if !overlapsAny(e, lexDiffs) {
						found = append(found, e)
					}
				}
			}
		}
		// Field words and reporting verbs paired across a whole row, where
		// change regions could not pair them; the same pair found in a
		// region merges.
		for _, d := range append(p.fieldDiffs(ri, cells), p.attributionDiffs(ri, cells)...) {
			if !overlapsAny(d, lexDiffs) {
				found = append(found, d)
			}
		}
		rowDiffs := append(lexDiffs, mergeDiffs(found)...)
		p.completeCounterparts(rowDiffs, pds)
		// Quotation marks are about words some reports share: a report
		// without those words has nothing to set against them.
		rowDiffs = append(rowDiffs, p.quotationDiffs(ri, row, cells)...)
		p.diffs = append(p.diffs, dedupe(rowDiffs)...)
	}
	sort.SliceStable(p.diffs, func(i, j int) bool {
		a, b := p.diffs[i], p.diffs[j]
		if a.Row != b.Row {
			return a.Row < b.Row
		}
		return firstStart(a) < firstStart(b)
	})
	return nil
}

// termDiffs are the differences of contested terms among ds: those that
// tell the same words as a naming choice, unlike figures or reporting verbs
// that sit beside them.
func termDiffs(ds []Difference) []Difference {
	var out []Difference
	for _, d := range ds {
		if d.Kind == KindLexicon || d.Kind == KindModifier {
			out = append(out, d)
		}
	}
	return out
}

func firstStart(d Difference) int {
	if len(d.Spans) == 0 {
		return 0
	}
	return d.Spans[0].Report<<32 + d.Spans[0].Start
}

// pairsOf lists the pairs of cells to compare.
func pairsOf(n int) [][2]int {
	var out [][2]int
	if n <= allPairsUpTo {
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				out = append(out, [2]int{i, j})
			}
		}
		return out
	}
	for j := 1; j < n; j++ {
		out = append(out, [2]int{0, j})
		if j+1 < n {
			out = append(out, [2]int{j, j + 1})
		}
	}
	return out
}

// pairDiff is the word diff of two cells of a row: the slots where they
// differ, and which token of b each token of a equals (-1 for none).
type pairDiff struct {
	a, b  cell
	slots []slot
	ab    []int
}

// changes returns the word diff of two cells.
func changes(dmp *diffmatchpatch.DiffMatchPatch, a, b cell) pairDiff {
	diffs := dmp.DiffMainRunes(a.runes, b.runes, false)
	var regions []region
	ab := make([]int, len(a.toks))
	for k := range ab {
		ab[k] = -1
	}
	i, j := 0, 0
	var cur *region
	flush := func() {
		if cur != nil {
			regions = append(regions, *cur)
			cur = nil
		}
	}
	for _, d := range diffs {
		k := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			// An equality of one or two function words does not separate
			// two changes: "the war" / "a conflict" is one change.
			if cur != nil && k <= 2 && onlyFunctionWords(a.toks[i:i+k]) {
				i += k
				j += k
				cur.i2, cur.j2 = i, j
				continue
			}
			flush()
			for n := 0; n < k; n++ {
				ab[i+n] = j + n
			}
			i += k
			j += k
		case diffmatchpatch.DiffDelete:
			if cur == nil {
				cur = &region{i, i, j, j}
			}
			i += k
			cur.i2 = i
		case diffmatchpatch.DiffInsert:
			if cur == nil {
				cur = &region{i, i, j, j}
			}
			j += k
			cur.j2 = j
		}
	}
	flush()
	slots := refine(a, b, regions)
	slots = append(slots, attributionSlots(a, b)...)
	slots = append(slots, figureSlots(a, b)...)
	return pairDiff{a: a, b: b, slots: slots, ab: ab}
}

func onlyFunctionWords(toks []token) bool {
	for _, t := range toks {
		if t.content {
			return false
		}
	}
	return true
}

// mergeDiffs merges differences of one row that are of the same kind and
// cover the same words of some report.
func mergeDiffs(ds []Difference) []Difference {
	parent := make([]int, len(ds))
	for i := range parent {
		parent[i] = i
	}
	find := func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for i := range ds {
		for j := i + 1; j < len(ds); j++ {
			if ds[i].Kind == ds[j].Kind && ds[i].Framing == ds[j].Framing && sameWords(ds[i], ds[j]) {
				parent[find(j)] = find(i)
			}
		}
	}
	var out []Difference
	index := map[int]int{}
	for i, d := range ds {
		r := find(i)
		k, ok := index[r]
		if !ok {
			k = len(out)
			index[r] = k
			out = append(out, Difference{Row: d.Row, Kind: d.Kind, Framing: d.Framing, Referent: d.Referent, Explanation: d.Explanation})
		}
		for _, sp := range d.Spans {
			dup := false
			for oi, o := range out[k].Spans {
				if o.Report == sp.Report && (o.Start == sp.Start && o.End == sp.End || sp.End <= sp.Start) {
					// Words one difference is about and another only
					// sets against it are words the difference is about.
					if sp.End > sp.Start {
						out[k].Spans[oi].Counterpart = o.Counterpart && sp.Counterpart
					}
					dup = true
					break
				}
			}
			if !dup {
				out[k].Spans = append(out[k].Spans, sp)
			}
		}
	}
	for i := range out {
		out[i].Spans = dropContaining(out[i].Spans)
		sort.Slice(out[i].Spans, func(a, b int) bool {
			x, y := out[i].Spans[a], out[i].Spans[b]
			if x.Report != y.Report {
				return x.Report < y.Report
			}
			return x.Start < y.Start
		})
	}
	return out
}

// dedupe keeps one of the framing differences of a row that tell the same
// choice: a difference whose every span overlaps a span of an earlier one,
// one of them the very same words, says nothing more. Lexicon differences
// come first, since they name the referent.
func dedupe(ds []Difference) []Difference {
	var kept []Difference
	for _, d := range ds {
		if d.Framing && redundant(d, kept) {
			continue
		}
		kept = append(kept, d)
	}
	return kept
}

func redundant(d Difference, kept []Difference) bool {
	for _, k := range kept {
		if !k.Framing || !sameWords(d, k) {
			continue
		}
		if overlapsAny(d, []Difference{k}) {
			return true
		}
	}
	return false
}

// dropContaining removes the spans that hold another, narrower span of
// the same report: two pairs of reports that located a difference, one
// more closely than the other, keep the closer place.
func dropContaining(sps []Span) []Span {
	out := sps[:0:0]
	for i, x := range sps {
		wide := false
		for j, y := range sps {
			if i != j && x.Report == y.Report && y.End > y.Start && x.Start <= y.Start && y.End <= x.End && (x.Start != y.Start || x.End != y.End) {
				wide = true
				break
			}
		}
		if !wide {
			out = append(out, x)
		}
	}
	return out
}

// sameWords reports whether two differences have identical non-empty spans
// in some report.
func sameWords(a, b Difference) bool {
	for _, x := range a.Spans {
		for _, y := range b.Spans {
			if x.Report == y.Report && x.Start == y.Start && x.End == y.End && x.End > x.Start {
				return true
			}
		}
	}
	return false
}

// region is one change between the pivot's words [i1, i2) and another
// cell's words [j1, j2).
type region struct{ i1, i2, j1, j2 int }

// encoder maps comparison keys to runes so that go-diff compares words.
type encoder struct{ ids map[string]rune }

func newEncoder() *encoder { return &encoder{ids: map[string]rune{}} }

func (e *encoder) runes(toks []token) []rune {
	out := make([]rune, len(toks))
	for i, t := range toks {
		k := t.key
		if c, ok := concepts[t.lower]; ok {
			k = c
		}
		id, ok := e.ids[k]
		if !ok {
			id = rune(0xE000 + len(e.ids)) // private use area
			if id >= 0xF900 {
				id = rune(0xF0000 + len(e.ids))
			}
			e.ids[k] = id
		}
		out[i] = id
	}
	return out
}
