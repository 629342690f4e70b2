package framing

import (
	"sort"
	"strings"
)

// Counterparts. A framing difference is found between two reports at a
// time, or from the words of one report (a loaded modifier, a contested
// term); the reports of the row it says nothing about still have words in
// that place. completeCounterparts adds them, so that one difference shows
// what every report of the row says there: "regime" in one report, and
// against it "Ukrainian officials", "the State Emergency Service" and
// "Ukraine's emergency services" in the others.

// maxCounterpart is the most content words a counterpart holds: more is a
// rewritten passage, which says nothing about the words in question.
var maxCounterpart = 10

// completeCounterparts adds to each framing difference of a row, for every
// report of the row it has no span in, the words that stand in the same
// place, found through the word diff of that report with one the
// difference covers. A report that has nothing there gets no span.
func (p *pipeline) completeCounterparts(diffs []Difference, pds []pairDiff) {
	for di := range diffs {
		d := &diffs[di]
		if !d.Framing || d.Kind == KindQuotation || d.Kind == KindNumber {
			continue // a report without the figure has nothing in its place
		}
		have := map[int]bool{}
		for _, sp := range d.Spans {
			if sp.End > sp.Start {
				have[sp.Report] = true
			}
		}
		// For each report without words in d, the narrowest counterpart
		// found through any report d covers.
		best := map[int]Span{}
		for _, pd := range pds {
			for _, dir := range []bool{false, true} {
				x, y := pd.a, pd.b
				if dir {
					x, y = pd.b, pd.a
				}
				if !have[x.report] || have[y.report] {
					continue
				}
				sp, ok := p.counterpart(d, pd, dir, x, y)
				if !ok {
					continue
				}
				sp.Counterpart = true
				if cur, seen := best[y.report]; !seen || sp.End-sp.Start < cur.End-cur.Start {
					best[y.report] = sp
				}
			}
		}
		var added []Span
		for _, sp := range best {
			// The very words another report is flagged for are those
			// words here too, not only what stands in their place.
			for _, o := range d.Spans {
				if !o.Counterpart && o.End > o.Start && strings.EqualFold(o.Text, sp.Text) {
					sp.Counterpart = false
				}
			}
			added = append(added, sp)
		}
		if len(added) == 0 {
			continue
		}
		d.Spans = append(d.Spans, added...)
		sort.SliceStable(d.Spans, func(a, b int) bool {
			if d.Spans[a].Report != d.Spans[b].Report {
				return d.Spans[a].Report < d.Spans[b].Report
			}
			return d.Spans[a].Start < d.Spans[b].Start
		})
	}
}

// counterpart finds what cell y has in place of the words d covers in
// cell x, through their word diff pd (x is pd.b when flipped).
func (p *pipeline) counterpart(d *Difference, pd pairDiff, flipped bool, x, y cell) (Span, bool) {
	covered := p.coveredTokens(d, x)
	if len(covered) == 0 {
		return Span{}, false
	}
	// A modifier qualifies the word after it: where the other report has
	// that word, or one of its semantic field, that is the counterpart
	// ("left-wing activists" / "demonstrators").
	if d.Kind == KindModifier {
		if j, ok := headIn(x, covered[len(covered)-1], y); ok {
			return p.spanOf(y, slotSpan{report: y.report, from: j, to: j + 1}), true
		}
	}
	// The smallest slot whose side in x holds a covered word.
	best, bestLen := -1, 0
	for i, sl := range pd.slots {
		sx, sy := sl.spans[0], sl.spans[1]
		if flipped {
			sx, sy = sy, sx
		}
		if sy.to <= sy.from || !anyIn(covered, sx.from, sx.to) {
			continue
		}
		if n := (sx.to - sx.from) + (sy.to - sy.from); best < 0 || n < bestLen {
			best, bestLen = i, n
		}
	}
	if best >= 0 {
		sx, sy := pd.slots[best].spans[0], pd.slots[best].spans[1]
		if flipped {
			sx, sy = sy, sx
		}
		// A word stands against a word or a short phrase: a long stretch,
		// or a word or two standing for a long stretch of x (the diff
		// anchored on words the two reports put in other places), is
		// narrowed to a word of the same semantic field, or dropped.
		long := max(4, 3*len(covered))
		if n, m := sy.to-sy.from, sx.to-sx.from; (n > long || m > long && 3*n < m) && d.Kind != KindAttribution {
			for k := sy.from; k < sy.to; k++ {
				for _, c := range covered {
					if x.toks[c].content && y.toks[k].content && y.toks[k].key != x.toks[c].key && sharedField(swapFieldOf[x.toks[c].key], swapFieldOf[y.toks[k].key]) != "" {
						return p.spanOf(y, slotSpan{report: y.report, from: k, to: k + 1}), true
					}
				}
			}
			// Or the other report's own loaded word there.
			for k := sy.from; k < sy.to; k++ {
				if t := y.toks[k]; !t.quoted && (loadedWords[t.lower] || baseModifiers[t.lower] || isAffiliationLabel(t.lower)) {
					return p.spanOf(y, slotSpan{report: y.report, from: k, to: k + 1}), true
				}
			}
			return Span{}, false
		}
		if d.Kind == KindAttribution {
			// A reporting verb stands against a reporting verb, or
			// nothing.
			for k := sy.from; k < sy.to; k++ {
				if _, ok := reportingAt(y.toks, k); ok {
					return p.spanOf(y, slotSpan{report: y.report, from: k, to: k + 1}), true
				}
			}
			return Span{}, false
		}
		switch n := len(contentOf(y.toks[sy.from:sy.to])); {
		case n > maxCounterpart:
			return Span{}, false // a rewritten passage, not a counterpart
		case n == 0:
			return Span{}, false // "the", "to": nothing said in its place
		}
		return p.spanOf(y, sy), true
	}
	// The same words in y: the diff matched them.
	lo, hi := -1, -1
	for _, k := range covered {
		j := -1
		if !flipped {
			j = pd.ab[k]
		} else {
			for i, m := range pd.ab {
				if m == k {
					j = i
				}
			}
		}
		if j < 0 {
			continue
		}
		if lo < 0 || j < lo {
			lo = j
		}
		hi = max(hi, j+1)
	}
	if lo < 0 {
		return Span{}, false
	}
	return p.spanOf(y, slotSpan{report: y.report, from: lo, to: hi}), true
}

// headIn finds in cell y the word that the head of a modifier ending at
// token k of cell x stands for: the same word, or a word of the same
// semantic field. The head is the next content word, at most two tokens
// on.
func headIn(x cell, k int, y cell) (int, bool) {
	for h := k + 1; h < len(x.toks) && h <= k+2; h++ {
		head := x.toks[h]
		if !head.content || head.num {
			continue
		}
		for j, t := range y.toks {
			if t.key == head.key {
				return j, true
			}
		}
		for j, t := range y.toks {
			if t.content && sharedField(swapFieldOf[head.key], swapFieldOf[t.key]) != "" {
				return j, true
			}
		}
		return -1, false
	}
	return -1, false
}

// coveredTokens lists the tokens of cell c that d's spans in c's report
// cover.
func (p *pipeline) coveredTokens(d *Difference, c cell) []int {
	doc := p.docs[c.report]
	var out []int
	for k, t := range c.toks {
		ts, te := doc.RawOffset(t.start), doc.RawEnd(t.end)
		for _, sp := range d.Spans {
			if sp.Report == c.report && sp.End > sp.Start && ts < sp.End && sp.Start < te {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

func anyIn(ks []int, from, to int) bool {
	for _, k := range ks {
		if k >= from && k < to {
			return true
		}
	}
	return false
}
