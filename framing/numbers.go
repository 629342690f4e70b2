package framing

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Figures: two reports of one fact that give different figures ("27" /
// "31", "more than 20" / "at least 22"), a vague quantity against a figure
// ("dozens" / "about 90"), a share written another way ("30 percent" /
// "one station in three"), a duration told exactly and rounded ("8 hours
// and 44 minutes" / "nearly nine hours") or the same figure with a
// different hedge ("more than 1,000" / "about 1,000") frame it
// differently. They are found over the whole row, not only inside diff
// regions, since the figure often sits in a clause reworded around it.

// figure is a quantity stated in a cell: a value or a range, what it
// measures, and the hedge before it.
type figure struct {
	lo, hi   float64 // the value, or the range a vague quantity implies
	vague    bool    // "dozens", "hundreds", "thousands"
	unit     string  // "", "percent" or "duration" (in hours)
	hedge    string  // "more", "about", ... or ""
	from, to int     // tokens of the cell, hedge included
	counted  []string
}

// durationHours are the units of a duration, in hours.
var durationHours = map[string]float64{
	"second": 1.0 / 3600, "seconds": 1.0 / 3600, "minute": 1.0 / 60, "minutes": 1.0 / 60,
	"hour": 1, "hours": 1, "day": 24, "days": 24, "week": 168, "weeks": 168,
	"month": 730, "months": 730, "year": 8766, "years": 8766, "decade": 87660, "decades": 87660,
	"night": 12, "nights": 12,
}

// vagueQuantities are words that stand for a figure, with the range they
// imply.
var vagueQuantities = map[string][2]float64{
	"dozens": {24, 99}, "scores": {40, 199}, "hundreds": {200, 999}, "thousands": {2000, 9999},
	"millions": {2e6, 999e6}, "billions": {2e9, 999e9},
}

// scales multiply the figure before them ("10.6 billion", "£54million").
var scales = map[string]float64{
	"thousand": 1e3, "million": 1e6, "millions": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "mn": 1e6, "bn": 1e9, "k": 1e3,
}

// personWords name people: figures of them count the same kind of thing
// whatever word each report uses ("27 people" / "31 migrants").
var personWords = wordSet(`people persons civilians migrants refugees residents children adults women men
	soldiers troops servicemen fighters militants workers staff dead killed injured wounded victims
	palestinians israelis ukrainians russians passengers protesters demonstrators members lawmakers
	citizens inhabitants casualties americans families activists marchers supporters mourners`)

// outcomes name what happened to the people a figure counts; two figures
// of different outcomes are never the same count.
var outcomes = byForm(map[string]string{
	"!killed":    "killed kill kills killing dead died die dies deaths death lives fatalities",
	"!wounded":   "wounded wounding injured injuring injuries injures hurt",
	"!missing":   "missing",
	"!arrested":  "arrested detained held",
	"!displaced": "displaced fled evacuated homeless",
})

// outcomeOf is the outcome a figure's clause names, or "".
func outcomeOf(f figure) string {
	for _, c := range f.counted {
		if strings.HasPrefix(c, "!") {
			return c
		}
	}
	return ""
}

// hedges maps the words that qualify a figure to their sense.
var hedges = map[string]string{
	"more than": "more", "over": "more", "at least": "least", "upwards of": "more",
	"about": "about", "around": "about", "roughly": "about", "approximately": "about", "some": "about",
	"nearly": "under", "almost": "under", "close to": "under", "up to": "upto",
	"fewer than": "under", "less than": "under", "under": "under",
}

// figures lists the quantities of a cell, leaving out years, dates, clock
// times and figures that are part of a name ("No. 3", "F-22", "330 kV").
func figures(c cell, text string) []figure {
	var out []figure
	toks := c.toks
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].lower
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		f := figure{from: i, to: i + 1}
		switch {
		case vagueQuantities[t.lower] != [2]float64{}:
			// "dozens of people", "hundreds more", "tens of thousands".
			r := vagueQuantities[t.lower]
			if word(i-2) == "tens" && word(i-1) == "of" {
				r = [2]float64{r[0] * 10, r[1] * 10}
				f.from = i - 2
			}
			f.lo, f.hi, f.vague = r[0], r[1], true
		case t.num:
			v, ok := figureValue(t)
			if !ok {
				continue
			}
			if isDigitStart(t.lower) {
				if v >= 1900 && v <= 2100 && !strings.Contains(t.lower, ",") && !t.pct {
					continue // a year
				}
			} else if v < 2 && word(i+1) != "in" && word(i+2) != "in" {
				continue // "one of them", "a dozen" stays below
			}
			if prev := word(i - 1); i > 0 && plainGap(text, toks[i-1], t) && (timeWords[prev] || prev == "no." || prev == "no" || prev == "number") {
				continue // a date or a numbered item
			}
			if next := word(i + 1); i+1 < len(toks) && plainGap(text, t, toks[i+1]) && (timeWords[next] && durationHours[next] == 0 || next == "kv" || next == "p.m." || next == "a.m.") {
				continue
			}
			if t.end+1 < len(text) && text[t.end] == ':' && text[t.end+1] >= '0' && text[t.end+1] <= '9' {
				continue // a clock time, 22:00
			}
			if word(i+1) == "dozen" {
				v *= 12
				f.to = i + 2
			}
			if s, ok := scales[word(f.to)]; ok {
				v *= s
				f.to++
			}
			f.lo, f.hi = v, v
			// "one station in three": a share.
			if word(i+1) == "in" || word(i+2) == "in" {
				k := i + 1
				if word(k) != "in" {
					k++
				}
				if k+1 < len(toks) && toks[k+1].num {
					if d, ok := figureValue(toks[k+1]); ok && d > v {
						f.lo, f.hi = 100*v/d, 100*v/d
						f.unit = "percent"
						if k > i+1 {
							f.counted = append(f.counted, toks[i+1].key)
						}
						f.to = k + 2
					}
				}
			}
		default:
			continue
		}
		if cur := currencyOf(text, t, word(f.to)); cur != "" && !f.vague {
			f.unit = "money:" + cur
			if currencyWords[word(f.to)] != "" {
				f.to++
			}
		}
		if f.unit == "" {
			switch {
			case t.pct || word(f.to) == "percent" || word(f.to) == "%" || word(f.to) == "per" && word(f.to+1) == "cent":
				f.unit = "percent"
			case durationHours[word(f.to)] > 0:
				// A duration, in hours: "8 hours and 44 minutes", "4
				// minutes 28 seconds".
				if f.vague || f.lo < 1 {
					i = f.to
					continue
				}
				f.unit = "duration"
				f.lo *= durationHours[word(f.to)]
				f.hi = f.lo
				f.to++
				k := f.to
				if word(k) == "and" {
					k++
				}
				if k+1 < len(toks) && toks[k].num && durationHours[word(k+1)] > 0 && durationHours[word(k+1)] < durationHours[word(f.to-1)] {
					if v2, ok := figureValue(toks[k]); ok {
						f.lo += v2 * durationHours[word(k+1)]
						f.hi = f.lo
						f.to = k + 2
					}
				}
			}
		}
		if f.unit == "percent" {
			f.counted = append(f.counted, stem("percent"))
		}
		if f.unit == "duration" {
			f.counted = append(f.counted, "=duration")
		}
		// What the figure counts: the words right after it ("27
		// migrants", "19 navy ships", "dozens of people"), up to the first
		// punctuation.
		k := f.to
		switch {
		case word(k) == "of" && (word(k+1) == "them" || word(k+1) == "whom"):
			k += 2
		case word(k) == "of" || word(k) == "more":
			k++
		}
		for ; k < len(toks) && k <= f.to+3 && plainGap(text, toks[k-1], toks[k]); k++ {
			n := toks[k]
			if !n.content || n.num {
				break
			}
			if personWords[n.lower] {
				f.counted = append(f.counted, "=person")
			}
			f.counted = append(f.counted, n.key)
			if c := conceptKey(n); c != n.key {
				f.counted = append(f.counted, c)
			}
		}
		// A verb just before it says what happened to what it counts
		// ("kills 23", "injuring more than 100").
		if f.from > 0 && plainGap(text, toks[f.from-1], toks[f.from]) {
			if v := toks[f.from-1]; v.content && !v.num && !v.cap {
				if personWords[v.lower] {
					f.counted = append(f.counted, "=person")
				}
				f.counted = append(f.counted, v.key)
				if c := conceptKey(v); c != v.key {
					f.counted = append(f.counted, c)
				}
			}
		}
		// What happened to the people it counts, anywhere in its clause
		// ("20 people had been killed", "injuring dozens more").
		for k := f.from - 1; k >= 0 && k >= f.from-3 && plainGap(text, toks[k], toks[k+1]); k-- {
			if o := outcomes[toks[k].lower]; o != "" {
				f.counted = append(f.counted, o)
				break
			}
		}
		for k := f.to; k < len(toks) && k < f.to+6 && (k == f.to || plainGap(text, toks[k-1], toks[k])); k++ {
			if o := outcomes[toks[k].lower]; o != "" {
				f.counted = append(f.counted, o)
				break
			}
		}
		if f.vague && len(f.counted) == 0 && word(f.to) != "more" {
			continue // "hundreds" on its own says too little
		}
		if h, ok := hedges[word(f.from-2)+" "+word(f.from-1)]; ok {
			f.hedge, f.from = h, f.from-2
		} else if h, ok := hedges[word(f.from-1)]; ok {
			f.hedge, f.from = h, f.from-1
		}
		out = append(out, f)
		i = f.to - 1
	}
	return out
}

// figureValue is the value of a number token.
func figureValue(t token) (float64, bool) {
	if !t.num {
		return 0, false
	}
	v, err := strconv.ParseFloat(strings.TrimPrefix(t.key, "#"), 64)
	return v, err == nil
}

// conceptKey is the key of a word's neutral concept ("wounded" and
// "injured" are one), or its stem.
func conceptKey(t token) string {
	if c, ok := concepts[t.lower]; ok {
		return c
	}
	return t.key
}

// plainGap reports whether only white space (or a currency sign)
// separates two tokens.
func plainGap(text string, a, b token) bool {
	return strings.Trim(text[a.end:b.start], " \t\n\r$£€¥₽₴") == ""
}

// currencyOf names the currency of a figure: a sign just before its
// digits, or a currency word just after it (at token k). "" when none.
func currencyOf(text string, t token, after string) string {
	if t.start > 0 {
		r := strings.TrimRight(text[max(0, t.start-4):t.start], " ")
		for _, c := range currencySigns {
			if strings.HasSuffix(r, c.sign) {
				return c.code
			}
		}
	}
	return currencyWords[after]
}

// currencySigns name currencies written as a sign before a figure.
var currencySigns = []struct{ sign, code string }{
	{"$", "usd"}, {"£", "gbp"}, {"€", "eur"}, {"¥", "cny"}, {"₽", "rub"}, {"₴", "uah"},
}

// currencyWords name currencies after a figure.
var currencyWords = map[string]string{
	"dollars": "usd", "dollar": "usd", "pounds": "gbp", "pound": "gbp", "sterling": "gbp", "euros": "eur", "euro": "eur",
	"yuan": "cny", "renminbi": "cny", "rubles": "rub", "roubles": "rub", "hryvnias": "uah", "hryvnia": "uah", "yen": "jpy",
	"shekels": "ils", "rupees": "inr", "bolivars": "ves",
}

func isDigitStart(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// same reports whether two figures state the same quantity.
func (x figure) same(y figure) bool {
	return x.vague == y.vague && x.unit == y.unit && near(x.lo, y.lo) && near(x.hi, y.hi)
}

// conflicts reports whether two figures of one count cannot both be
// right as written: different values, or a vague quantity whose range
// leaves the other figure out.
func (x figure) conflicts(y figure) bool {
	if x.unit != y.unit {
		return false
	}
	if x.unit == "duration" {
		// Spans of very different length are different spans ("after 48
		// hours" / "in two decades").
		a, b := min(x.lo, y.lo), max(x.lo, y.lo)
		return a > 0 && b/a <= 1.25 && !near(a, b)
	}
	if x.vague && y.vague {
		return false // two vague words never contradict each other
	}
	if x.vague || y.vague {
		return x.hi < y.lo-1e-9 || y.hi < x.lo-1e-9
	}
	return !near(x.lo, y.lo)
}

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-6*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// numberDiffs compares the figures of the cells of a row. Figures that
// count the same thing but are written differently are paired only when
// the row holds a real disagreement about that count (two values that
// cannot both be right, or one figure hedged in opposite senses), so that
// "thousands" against "about 3,000" is shown beside "nearly 4,000", but
// never on its own.
func (p *pipeline) numberDiffs(row int, cells []cell) []Difference {
	figs := make([][]figure, len(cells))
	for i, c := range cells {
		figs[i] = c.figs
	}
	type cand struct {
		d        Difference
		conflict bool
	}
	var cands []cand
	for _, pr := range pairsOf(len(cells)) {
		a, b := cells[pr[0]], cells[pr[1]]
		fa, fb := figs[pr[0]], figs[pr[1]]
		for _, m := range matchFigures(fa, fb) {
			x, y := fa[m[0]], fb[m[1]]
			switch {
			case x.same(y) && x.hedge != y.hedge && x.hedge != "" && y.hedge != "":
				cands = append(cands, cand{p.figureDiff(row, a, x, b, y, "the same figure, hedged differently"), true})
			case !x.same(y):
				cands = append(cands, cand{p.figureDiff(row, a, x, b, y, "the reports give different figures"), x.conflicts(y)})
			}
		}
	}
	var out []Difference
	for _, c := range cands {
		out = append(out, c.d)
	}
	merged := mergeDiffs(out)
	// Keep the merged differences that hold a conflict.
	var kept []Difference
	for _, m := range merged {
		for _, c := range cands {
			if c.conflict && sameWords(m, c.d) {
				kept = append(kept, m)
				break
			}
		}
	}
	return kept
}

// matchFigures pairs the figures of two cells that count the same thing,
// one to one, best matches first: the same outcome ("kills 23" / "20
// killed"), the same word counted ("27 migrants" / "31 migrants"), one
// word the end of the other ("warships" / "ships"), neutral synonyms
// ("vessels" / "ships"), then people of any kind. A figure the other cell also gives is an agreed fact and
// pairs with that figure alone. Two lone figures with nothing said of what
// they count pair with each other.
func matchFigures(fa, fb []figure) [][2]int {
	type pair struct{ i, j, score int }
	var ps []pair
	for i, x := range fa {
		for j, y := range fb {
			if x.same(y) {
				ps = append(ps, pair{i, j, 100})
			} else if sc := countScore(x, y); sc > 0 {
				ps = append(ps, pair{i, j, sc})
			}
		}
	}
	if len(ps) == 0 && len(fa) == 1 && len(fb) == 1 {
		x, y := fa[0], fb[0]
		if len(x.counted) == 0 && len(y.counted) == 0 && !x.vague && !y.vague && x.unit == y.unit {
			return [][2]int{{0, 0}}
		}
	}
	sort.SliceStable(ps, func(a, b int) bool { return ps[a].score > ps[b].score })
	usedA, usedB := map[int]bool{}, map[int]bool{}
	var out [][2]int
	for _, p := range ps {
		if usedA[p.i] || usedB[p.j] {
			continue
		}
		usedA[p.i], usedB[p.j] = true, true
		out = append(out, [2]int{p.i, p.j})
	}
	sort.Slice(out, func(a, b int) bool { return out[a][0] < out[b][0] })
	return out
}

// countScore says how surely two figures count the same kind of thing; 0
// when nothing says they do.
func countScore(x, y figure) int {
	if x.unit != y.unit {
		return 0
	}
	best := 0
	for _, a := range x.counted {
		for _, b := range y.counted {
			switch {
			case strings.HasPrefix(a, "!") || strings.HasPrefix(b, "!"):
			case a == "=person" && b == "=person":
				best = max(best, 2)
			case a == b && strings.HasPrefix(a, "="):
				best = max(best, 3) // neutral synonyms ("vessels" / "ships")
			case a == b:
				best = max(best, 5) // the same word
			case len(a) >= 4 && len(b) >= 4 && (strings.HasSuffix(a, b) || strings.HasSuffix(b, a)):
				best = max(best, 4) // "warships" / "ships"
			}
		}
	}
	ox, oy := outcomeOf(x), outcomeOf(y)
	switch {
	case ox != "" && oy != "" && ox != oy:
		return 0 // the dead against the wounded
	case ox != "" && ox == oy:
		best = max(best, 6)
	}
	return best
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
