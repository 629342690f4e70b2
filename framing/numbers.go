package framing

import (
	"fmt"
	"strconv"
	"strings"
)

// Figures: two reports of one fact that give different figures ("27" /
// "31", "more than 20" / "at least 22") or the same figure with a
// different hedge ("more than 1,000" / "about 1,000") frame it
// differently. They are found over the whole row, not only inside diff
// regions, since the figure often sits in a clause reworded around it.

// figure is a number in a cell with the hedge before it.
type figure struct {
	value      string // normalised value
	hedge      string // "more than", "about", ... or ""
	from, to   int    // tokens of the cell, hedge included
	scaleAfter string
	counted    []string // keys of the words after the figure: what it counts
}

// durationWords follow a figure that measures time, not a count.
var durationWords = wordSet("hours hour days day years year minutes minute seconds second weeks week months month decades decade centuries century")

// personWords name people: figures of them count the same kind of thing
// whatever word each report uses ("27 people" / "31 migrants").
var personWords = wordSet(`people persons civilians migrants refugees residents children adults women men
	soldiers troops servicemen fighters militants workers staff dead killed injured wounded victims
	palestinians israelis ukrainians russians passengers protesters demonstrators members lawmakers`)

// hedges maps the words that qualify a figure to their sense.
var hedges = map[string]string{
	"more than": "more", "over": "more", "at least": "least", "upwards of": "more",
	"about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
	"nearly": "under", "almost": "under", "close to": "under", "up to": "upto",
	"fewer than": "under", "less than": "under", "under": "under",
}

// figures lists the figures of a cell, leaving out years, clock times and
// figures that are part of a date or a name ("No. 3", "F-22").
func figures(c cell) []figure {
	var out []figure
	for i, t := range c.toks {
		if !t.num || !isDigitStart(t.lower) {
			continue
		}
		if v, err := strconv.ParseFloat(strings.ReplaceAll(t.lower, ",", ""), 64); err == nil && v >= 1900 && v <= 2100 && !strings.Contains(t.lower, ",") {
			continue // a year
		}
		if i > 0 && (timeWords[c.toks[i-1].lower] || c.toks[i-1].lower == "no." || c.toks[i-1].lower == "no") {
			continue // a date or a numbered item
		}
		if i+1 < len(c.toks) && (timeWords[c.toks[i+1].lower] || c.toks[i+1].lower == "kv") {
			continue
		}
		f := figure{value: t.key, from: i, to: i + 1}
		if i+1 < len(c.toks) && durationWords[c.toks[i+1].lower] {
			continue // a duration
		}
		if t.pct {
			f.counted = append(f.counted, stem("percent"))
		}
		for k := i + 1; k < len(c.toks) && k <= i+3; k++ {
			if n := c.toks[k]; n.content && !n.num {
				if personWords[n.lower] {
					f.counted = append(f.counted, "=person")
				}
				f.counted = append(f.counted, n.key)
			}
		}
		if i+1 < len(c.toks) && (c.toks[i+1].lower == "million" || c.toks[i+1].lower == "billion" || c.toks[i+1].lower == "thousand") {
			f.scaleAfter = c.toks[i+1].lower
			f.to = i + 2
		}
		if i >= 2 {
			if h, ok := hedges[c.toks[i-2].lower+" "+c.toks[i-1].lower]; ok {
				f.hedge, f.from = h, i-2
			}
		}
		if f.hedge == "" && i >= 1 {
			if h, ok := hedges[c.toks[i-1].lower]; ok {
				f.hedge, f.from = h, i-1
			}
		}
		out = append(out, f)
	}
	return out
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// numberDiffs compares the figures of every pair of cells of a row.
func (p *pipeline) numberDiffs(row int, cells []cell) []Difference {
	var out []Difference
	figs := make([][]figure, len(cells))
	for i, c := range cells {
		figs[i] = figures(c)
	}
	for _, pr := range pairsOf(len(cells)) {
		a, b := cells[pr[0]], cells[pr[1]]
		fa, fb := figs[pr[0]], figs[pr[1]]
		onlyA := missingFrom(fa, fb)
		onlyB := missingFrom(fb, fa)
		// The same figure with another hedge.
		for _, x := range fa {
			for _, y := range fb {
				if x.value == y.value && x.scaleAfter == y.scaleAfter && x.hedge != y.hedge && x.hedge != "" && y.hedge != "" {
					out = append(out, p.figureDiff(row, a, x, b, y, "the same figure, hedged differently"))
				}
			}
		}
		// Different figures, paired in order when both sides have as many.
		// Different figures of the same thing.
		used := map[int]bool{}
		for _, x := range onlyA {
			for k, y := range onlyB {
				if !used[k] && sameCount(x, y) {
					used[k] = true
					out = append(out, p.figureDiff(row, a, x, b, y, "the reports give different figures"))
					break
				}
			}
		}
	}
	return mergeDiffs(out)
}

// sameCount reports whether two figures count the same kind of thing: a
// word after them in common, or both counting people. A lone figure on
// each side is taken as the same count.
func sameCount(x, y figure) bool {
	if len(x.counted) == 0 && len(y.counted) == 0 {
		return true
	}
	for _, a := range x.counted {
		for _, b := range y.counted {
			if a == b {
				return true
			}
		}
	}
	return false
}

func missingFrom(a, b []figure) []figure {
	var out []figure
	for _, x := range a {
		found := false
		for _, y := range b {
			if x.value == y.value && x.scaleAfter == y.scaleAfter {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out
}

func (p *pipeline) figureDiff(row int, a cell, x figure, b cell, y figure, why string) Difference {
	return Difference{Row: row, Kind: KindNumber, Framing: true,
		Spans: []Span{
			p.spanOf(a, slotSpan{report: a.report, from: x.from, to: x.to}),
			p.spanOf(b, slotSpan{report: b.report, from: y.from, to: y.to}),
		},
		Explanation: fmt.Sprintf("%s: %q / %q", why, strings.Join(wordsOf(a, x), " "), strings.Join(wordsOf(b, y), " ")),
	}
}

func wordsOf(c cell, f figure) []string {
	var out []string
	for _, t := range c.toks[f.from:f.to] {
		out = append(out, t.lower)
	}
	return out
}
