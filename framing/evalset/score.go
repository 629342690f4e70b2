package evalset

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"

	"framelens/framing"
)

// Metrics are the scores of one comparison against one event's gold.
type Metrics struct {
	// Sentences is the number of distinct gold sentence spans of the
	// reports the comparison contains.
	Sentences int
	// SegP, SegR and SegF1 score sentence segmentation: a sentence counts
	// when its span, trimmed of white space, equals a gold span.
	SegP, SegR, SegF1 float64
	// AlignP, AlignR and AlignF1 score alignment over links between two
	// sentences of different reports that share a row.
	AlignP, AlignR, AlignF1 float64
	// FramingRecall is the share of gold framing pairs (two sources of one
	// framing entry with different terms) that one framing difference
	// covers. It is 1 when the event has no such pair.
	FramingRecall float64
	// FramingPrecision is the share of framing differences whose spans
	// overlap a gold framing term. It is 1 when there are no flags.
	FramingPrecision float64
	// FramingPairs is the number of gold framing pairs.
	FramingPairs int
	// FramingFlags is the number of differences marked as framing.
	FramingFlags int
	// HasFramingPairs reports whether FramingRecall is measured at all.
	HasFramingPairs bool
	// Missed describes the gold framing pairs no flag covered.
	Missed []string
	// FalseFlags describes the framing flags that overlap no gold term.
	FalseFlags []string
}

// Summary averages the metrics of several events.
type Summary struct {
	// Events is the number of events averaged.
	Events int
	// SegF1 and AlignF1 are means over all events.
	SegF1, AlignF1 float64
	// FramingRecall is the mean over the events with framing pairs, and
	// FramingPrecision the mean over the events with framing flags. Each
	// is NaN when no event counts, as in score.py.
	FramingRecall, FramingPrecision float64
	// RecallEvents and PrecisionEvents count the events in those means.
	RecallEvents, PrecisionEvents int
}

// String formats the summary like the SUMMARY line of score.py (which also
// counts failed runs; a Summary only holds scored events).
func (s Summary) String() string {
	return fmt.Sprintf("events=%d seg_f1=%s align_f1=%s framing_recall=%s framing_precision=%s",
		s.Events, fmtScore(s.SegF1), fmtScore(s.AlignF1), fmtScore(s.FramingRecall), fmtScore(s.FramingPrecision))
}

func fmtScore(x float64) string {
	if math.IsNaN(x) {
		return "nan"
	}
	return fmt.Sprintf("%.3f", x)
}

// Mean averages per-event metrics as score.py does: segmentation and
// alignment F1 over all events, framing recall over the events that have
// framing pairs and framing precision over the events with framing flags.
func Mean(ms []Metrics) Summary {
	s := Summary{Events: len(ms)}
	var seg, align, rec, prec []float64
	for _, m := range ms {
		seg = append(seg, m.SegF1)
		align = append(align, m.AlignF1)
		if m.HasFramingPairs {
			rec = append(rec, m.FramingRecall)
		}
		if m.FramingFlags > 0 {
			prec = append(prec, m.FramingPrecision)
		}
	}
	s.SegF1, s.AlignF1 = mean(seg), mean(align)
	s.FramingRecall, s.FramingPrecision = mean(rec), mean(prec)
	s.RecallEvents, s.PrecisionEvents = len(rec), len(prec)
	return s
}

func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// span is a half-open byte range [0]..[1] of a report file.
type span [2]int

// node is one gold sentence: a source slug and a sentence index.
type node struct {
	src string
	idx int
}

// link joins two gold sentences of different sources, the smaller slug
// first.
type link struct{ a, b node }

// Score scores the comparison out of the reports of ev against ev's gold.
// The reports of out are matched to sources by file name (Path, else Name)
// and otherwise by position, so out should list them in ev.Sources order,
// which is the order of ev.Paths.
func Score(ev *Event, out *framing.Comparison) (Metrics, error) {
	var m Metrics
	if ev == nil || out == nil {
		return m, errors.New("evalset: Score needs an event and a comparison")
	}
	if err := ev.Gold.check(); err != nil {
		return m, fmt.Errorf("evalset: event %s: %w", ev.Slug, err)
	}
	if len(ev.Sources) != len(ev.Gold.Reports) {
		return m, fmt.Errorf("evalset: event %s: %d sources for %d gold reports", ev.Slug, len(ev.Sources), len(ev.Gold.Reports))
	}
	texts, err := ev.reportTexts()
	if err != nil {
		return m, err
	}
	text := make(map[string][]byte, len(ev.Sources))
	gspans := make(map[string][]span, len(ev.Sources))
	for i, s := range ev.Sources {
		rep, ok := ev.Gold.Reports[s]
		if !ok {
			return m, fmt.Errorf("evalset: event %s: source %q has no gold report", ev.Slug, s)
		}
		text[s] = texts[i]
		gspans[s] = spansOf(texts[i], rep.Sentences)
	}

	// Map each system report to a source slug ("" when none).
	idx2slug := make([]string, len(out.Reports))
	for i, r := range out.Reports {
		name := r.Path
		if name == "" {
			name = r.Name
		}
		name = stem(name)
		if _, ok := text[name]; ok {
			idx2slug[i] = name
		} else if i < len(ev.Sources) {
			idx2slug[i] = ev.Sources[i]
		}
	}
	slugOf := func(i int) string {
		if i < 0 || i >= len(idx2slug) {
			return ""
		}
		return idx2slug[i]
	}

	// Segmentation, and the map from system sentences to gold sentences
	// they overlap most.
	segTP, segSys, segGold := 0, 0, 0
	sysmap := map[[2]int]node{}
	for i, r := range out.Reports {
		s := idx2slug[i]
		if s == "" {
			continue
		}
		tb := text[s]
		gset := map[span]bool{}
		for _, g := range gspans[s] {
			gset[g] = true
		}
		segGold += len(gset)
		for j, sent := range r.Sentences {
			sp := sysSpan(tb, sent.Start, sent.End, sent.Text)
			var raw []byte
			if sp[0] >= 0 {
				raw = pySlice(tb, sp[0], sp[1])
			}
			lead := len(raw) - len(bytes.TrimLeft(raw, asciiSpace))
			trail := len(raw) - len(bytes.TrimRight(raw, asciiSpace))
			tsp := span{sp[0] + lead, sp[1] - trail}
			segSys++
			if gset[tsp] {
				segTP++
			}
			best, bo := -1, 0
			for k, g := range gspans[s] {
				if o := overlap(tsp, g); o > bo {
					best, bo = k, o
				}
			}
			if best >= 0 {
				sysmap[[2]int{i, j}] = node{s, best}
			}
		}
	}
	m.Sentences = segGold
	m.SegP, m.SegR, m.SegF1 = prf(segTP, segSys, segGold)

	// Alignment links.
	glinks := linksOf(ev.Gold.Rows)
	sysGroups := make([]map[string][]int, 0, len(out.Rows))
	for _, row := range out.Rows {
		g := map[string][]int{}
		for i, cell := range row.Cells {
			for _, j := range cell {
				if n, ok := sysmap[[2]int{i, j}]; ok {
					g[n.src] = append(g[n.src], n.idx)
				}
			}
		}
		sysGroups = append(sysGroups, g)
	}
	slinks := linksOf(sysGroups)
	tp := 0
	for l := range slinks {
		if glinks[l] {
			tp++
		}
	}
	m.AlignP, m.AlignR, m.AlignF1 = prf(tp, len(slinks), len(glinks))

	// Framing: gold term spans (nil for "" or a term not found).
	termSpan := func(s string, row int, term string) *span {
		for _, gi := range ev.Gold.Rows[row][s] {
			g := gspans[s][gi]
			seg := pySlice(text[s], g[0], g[1])
			if j := bytes.Index(seg, []byte(term)); j >= 0 {
				return &span{g[0] + j, g[0] + j + len(term)}
			}
		}
		return nil
	}
	goldTerms := make([]map[string]*span, len(ev.Gold.Framing))
	for n, f := range ev.Gold.Framing {
		gt := map[string]*span{}
		for s, t := range f.Terms {
			if t != "" {
				gt[s] = termSpan(s, f.Row, t)
			} else {
				gt[s] = nil
			}
		}
		goldTerms[n] = gt
	}
	type flag struct {
		diff  *framing.Difference
		spans map[string][]span
	}
	var flags []flag
	for k := range out.Differences {
		d := &out.Differences[k]
		if !d.Framing {
			continue
		}
		sp := map[string][]span{}
		for _, x := range d.Spans {
			s := slugOf(x.Report)
			if s == "" {
				continue
			}
			sp[s] = append(sp[s], sysSpan(text[s], x.Start, x.End, x.Text))
		}
		flags = append(flags, flag{d, sp})
	}
	found, total := 0, 0
	for n, f := range ev.Gold.Framing {
		gt := goldTerms[n]
		ss := make([]string, 0, len(f.Terms))
		for s := range f.Terms {
			ss = append(ss, s)
		}
		sort.Strings(ss)
		for i := range ss {
			for j := i + 1; j < len(ss); j++ {
				a, b := ss[i], ss[j]
				if gt[a] == nil && gt[b] == nil {
					continue
				}
				if normTerm(f.Terms[a]) == normTerm(f.Terms[b]) {
					continue // the same wording is no difference between the two
				}
				total++
				ok := false
				for _, fl := range flags {
					if covers(fl.spans[a], gt[a]) && covers(fl.spans[b], gt[b]) {
						ok = true
						break
					}
				}
				if ok {
					found++
				} else {
					m.Missed = append(m.Missed, fmt.Sprintf("row %d (%s, %s): %s %q vs %s %q",
						f.Row, f.Referent, f.Category, a, f.Terms[a], b, f.Terms[b]))
				}
			}
		}
	}
	correct := 0
	for _, fl := range flags {
		good := false
		for _, gt := range goldTerms {
			for s, gs := range gt {
				if gs != nil && anyOverlap(fl.spans[s], *gs) {
					good = true
				}
			}
		}
		if good {
			correct++
		} else {
			m.FalseFlags = append(m.FalseFlags, describeFlag(fl.diff, slugOf, text))
		}
	}
	m.FramingPairs, m.FramingFlags = total, len(flags)
	m.HasFramingPairs = total > 0
	m.FramingRecall, m.FramingPrecision = 1, 1
	if total > 0 {
		m.FramingRecall = float64(found) / float64(total)
	}
	if len(flags) > 0 {
		m.FramingPrecision = float64(correct) / float64(len(flags))
	}
	return m, nil
}

// spansOf locates the gold sentences in the report bytes, each searched
// from the end of the previous one (from the start of the file when not
// found there).
func spansOf(text []byte, sentences []string) []span {
	out := make([]span, 0, len(sentences))
	pos := 0
	for _, s := range sentences {
		b := []byte(s)
		j := pyFind(text, b, pos)
		if j < 0 {
			j = pyFind(text, b, 0)
		}
		out = append(out, span{j, j + len(b)})
		pos = max(pos, j+len(b))
	}
	return out
}

// sysSpan resolves a system span: its offsets when they are valid and
// agree with its text (up to white space), else the first occurrence of
// its text, else the offsets as given.
func sysSpan(text []byte, start, end int, t string) span {
	if 0 <= start && start <= end && end <= len(text) {
		if t == "" || equalFields(pyDecode(text[start:end]), t) {
			return span{start, end}
		}
	}
	if t != "" {
		if j := bytes.Index(text, []byte(t)); j >= 0 {
			return span{j, j + len(t)}
		}
	}
	return span{start, end}
}

func equalFields(a, b string) bool {
	fa, fb := pyFields(a), pyFields(b)
	if len(fa) != len(fb) {
		return false
	}
	for i := range fa {
		if fa[i] != fb[i] {
			return false
		}
	}
	return true
}

// linksOf returns the links between sentences of different sources that
// share a group.
func linksOf(groups []map[string][]int) map[link]bool {
	links := map[link]bool{}
	for _, g := range groups {
		var items []node
		for s, ks := range g {
			for _, k := range ks {
				items = append(items, node{s, k})
			}
		}
		for _, a := range items {
			for _, b := range items {
				if a.src < b.src {
					links[link{a, b}] = true
				}
			}
		}
	}
	return links
}

func overlap(a, b span) int {
	return max(0, min(a[1], b[1])-max(a[0], b[0]))
}

func anyOverlap(xs []span, g span) bool {
	for _, x := range xs {
		if overlap(x, g) > 0 {
			return true
		}
	}
	return false
}

// covers reports whether a flag's spans in one source hit a gold term; a
// source without a term (nil) is always hit.
func covers(xs []span, g *span) bool {
	return g == nil || anyOverlap(xs, *g)
}

func prf(tp, nsys, ngold int) (p, r, f float64) {
	switch {
	case nsys > 0:
		p = float64(tp) / float64(nsys)
	case ngold == 0:
		p = 1
	}
	r = 1
	if ngold > 0 {
		r = float64(tp) / float64(ngold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// normTerm lower-cases a term and folds its white space.
func normTerm(t string) string {
	return strings.Join(pyFields(strings.ToLower(t)), " ")
}

// describeFlag formats a framing flag for FalseFlags.
func describeFlag(d *framing.Difference, slugOf func(int) string, text map[string][]byte) string {
	parts := make([]string, 0, len(d.Spans))
	for _, x := range d.Spans {
		s := slugOf(x.Report)
		t := x.Text
		if s != "" && 0 <= x.Start && x.Start <= x.End && x.End <= len(text[s]) {
			t = string(text[s][x.Start:x.End])
		}
		if s == "" {
			s = fmt.Sprintf("report %d", x.Report)
		}
		parts = append(parts, fmt.Sprintf("%s %q", s, t))
	}
	return fmt.Sprintf("row %d (%s): %s", d.Row, d.Kind, strings.Join(parts, " vs "))
}
