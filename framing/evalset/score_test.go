package evalset

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"framelens/framing"
)

// tinyReports is a small three-report event whose scores can be worked out
// by hand.
var tinyReports = map[string]string{
	"a": "Crowd fills square\n\nThe mob stormed the square on Sunday. Police said 40 were hurt.\n",
	"b": "Protest in the square\n\nProtesters marched into the square Sunday. Police claimed 40 were hurt. The mayor spoke.\n",
	"c": "Square protest\n\nA violent mob stormed the square on Sunday.\n\nPolice said 40 people were hurt.\n",
}

// tinyGold has 10 sentences, 9 alignment links and 6 framing pairs: mob /
// Protesters (a-b, b-c; a-c share the wording), "" / violent (a-c, b-c;
// a-b are both empty) and said / claimed (a-b, b-c).
var tinyGold = Gold{
	Event: "a protest in a square",
	Date:  "2024-01-07",
	Reports: map[string]GoldReport{
		"a": {Sentences: []string{"Crowd fills square", "The mob stormed the square on Sunday.", "Police said 40 were hurt."}},
		"b": {Sentences: []string{"Protest in the square", "Protesters marched into the square Sunday.", "Police claimed 40 were hurt.", "The mayor spoke."}},
		"c": {Sentences: []string{"Square protest", "A violent mob stormed the square on Sunday.", "Police said 40 people were hurt."}},
	},
	Rows: []map[string][]int{
		{"a": {0}, "b": {0}, "c": {0}},
		{"a": {1}, "b": {1}, "c": {1}},
		{"a": {2}, "b": {2}, "c": {2}},
	},
	Framing: []FramingEntry{
		{Row: 1, Referent: "the crowd", Category: "naming of actor", Terms: map[string]string{"a": "mob", "b": "Protesters", "c": "mob"}},
		{Row: 1, Referent: "the crowd", Category: "loaded modifier", Terms: map[string]string{"a": "", "b": "", "c": "violent"}},
		{Row: 2, Referent: "police statement", Category: "attribution verb", Terms: map[string]string{"a": "said", "b": "claimed", "c": "said"}},
	},
}

// writeEvent writes an event folder under dir and returns its path.
func writeEvent(t *testing.T, dir, slug string, reports map[string]string, gold Gold) string {
	t.Helper()
	d := filepath.Join(dir, slug)
	if err := os.MkdirAll(filepath.Join(d, "reports"), 0o755); err != nil {
		t.Fatal(err)
	}
	for s, text := range reports {
		if err := os.WriteFile(filepath.Join(d, "reports", s+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	raw, err := json.Marshal(gold)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(d, "gold.json"), raw, 0o644); err != nil {
		t.Fatal(err)
	}
	return d
}

func loadTiny(t *testing.T) *Event {
	t.Helper()
	ev, err := LoadEvent(writeEvent(t, t.TempDir(), "tiny", tinyReports, tinyGold))
	if err != nil {
		t.Fatal(err)
	}
	return ev
}

// perfectComparison builds the comparison a flawless engine would return:
// the gold sentences, the gold rows, and one framing difference per gold
// framing pair.
func perfectComparison(t *testing.T, ev *Event) *framing.Comparison {
	t.Helper()
	out := &framing.Comparison{}
	spans := make(map[string][][2]int)
	for i, s := range ev.Sources {
		text, err := os.ReadFile(ev.Paths[i])
		if err != nil {
			t.Fatal(err)
		}
		rep := framing.Report{Name: s, Path: ev.Paths[i]}
		pos := 0
		for _, sent := range ev.Gold.Reports[s].Sentences {
			j := bytes.Index(text[pos:], []byte(sent))
			if j < 0 {
				t.Fatalf("%s/%s: sentence %q not found", ev.Slug, s, sent)
			}
			start := pos + j
			end := start + len(sent)
			spans[s] = append(spans[s], [2]int{start, end})
			rep.Sentences = append(rep.Sentences, framing.Sentence{Start: start, End: end, Text: strings.Join(strings.Fields(sent), " ")})
			pos = end
		}
		out.Reports = append(out.Reports, rep)
	}
	for _, row := range ev.Gold.Rows {
		cells := make([][]int, len(ev.Sources))
		for i, s := range ev.Sources {
			cells[i] = append([]int(nil), row[s]...)
		}
		out.Rows = append(out.Rows, framing.Row{Cells: cells})
	}
	termSpan := func(s string, row int, term string) framing.Span {
		i := sort.SearchStrings(ev.Sources, s)
		for _, k := range ev.Gold.Rows[row][s] {
			sp := spans[s][k]
			sent := ev.Gold.Reports[s].Sentences[k]
			if term == "" {
				return framing.Span{Report: i, Start: sp[0], End: sp[0]}
			}
			if j := strings.Index(sent, term); j >= 0 {
				return framing.Span{Report: i, Start: sp[0] + j, End: sp[0] + j + len(term), Text: term}
			}
		}
		t.Fatalf("%s: term %q not in row %d of %s", ev.Slug, term, row, s)
		return framing.Span{}
	}
	for _, f := range ev.Gold.Framing {
		var ss []string
		for s := range f.Terms {
			ss = append(ss, s)
		}
		sort.Strings(ss)
		for i := range ss {
			for j := i + 1; j < len(ss); j++ {
				ta, tb := f.Terms[ss[i]], f.Terms[ss[j]]
				if (ta == "" && tb == "") || strings.EqualFold(strings.Join(strings.Fields(ta), " "), strings.Join(strings.Fields(tb), " ")) {
					continue
				}
				out.Differences = append(out.Differences, framing.Difference{
					Row: f.Row, Kind: framing.KindLexicon, Framing: true,
					Spans: []framing.Span{termSpan(ss[i], f.Row, ta), termSpan(ss[j], f.Row, tb)},
				})
			}
		}
	}
	return out
}

func score(t *testing.T, ev *Event, out *framing.Comparison) Metrics {
	t.Helper()
	m, err := Score(ev, out)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// checkPerfect fails unless every score of m is 1.
func checkPerfect(t *testing.T, name string, m Metrics) {
	t.Helper()
	for _, v := range []struct {
		metric string
		got    float64
	}{
		{"SegP", m.SegP}, {"SegR", m.SegR}, {"SegF1", m.SegF1},
		{"AlignP", m.AlignP}, {"AlignR", m.AlignR}, {"AlignF1", m.AlignF1},
		{"FramingRecall", m.FramingRecall}, {"FramingPrecision", m.FramingPrecision},
	} {
		if !near(v.got, 1) {
			t.Errorf("%s: %s = %v, want 1", name, v.metric, v.got)
		}
	}
	if len(m.Missed) > 0 || len(m.FalseFlags) > 0 {
		t.Errorf("%s: missed %q, false flags %q", name, m.Missed, m.FalseFlags)
	}
}

func TestScorePerfectTiny(t *testing.T) {
	ev := loadTiny(t)
	m := score(t, ev, perfectComparison(t, ev))
	checkPerfect(t, "tiny", m)
	if m.Sentences != 10 || m.FramingPairs != 6 || m.FramingFlags != 6 || !m.HasFramingPairs {
		t.Errorf("sentences %d pairs %d flags %d has %v, want 10 6 6 true", m.Sentences, m.FramingPairs, m.FramingFlags, m.HasFramingPairs)
	}
}

// TestScorePerfectTestdata scores the gold of every labelled event in the
// repository against itself.
func TestScorePerfectTestdata(t *testing.T) {
	events, err := LoadSet(filepath.Join("..", "..", "testdata", "events"))
	if err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 {
		t.Fatal("no events in testdata/events")
	}
	for _, ev := range events {
		t.Run(ev.Slug, func(t *testing.T) {
			m := score(t, ev, perfectComparison(t, ev))
			checkPerfect(t, ev.Slug, m)
			n := 0
			for _, r := range ev.Gold.Reports {
				n += len(r.Sentences)
			}
			if m.Sentences != n {
				t.Errorf("Sentences = %d, want %d", m.Sentences, n)
			}
			if m.HasFramingPairs != (len(ev.Gold.Framing) > 0) {
				t.Errorf("HasFramingPairs = %v with %d framing entries", m.HasFramingPairs, len(ev.Gold.Framing))
			}
		})
	}
}

// TestScoreDropRowTestdata drops the headline row of every event: only
// alignment recall may fall, by exactly the links of that row.
func TestScoreDropRowTestdata(t *testing.T) {
	events, err := LoadSet(filepath.Join("..", "..", "testdata", "events"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		t.Run(ev.Slug, func(t *testing.T) {
			linksIn := func(row map[string][]int) int {
				n := 0
				for a, ka := range row {
					for b, kb := range row {
						if a < b {
							n += len(ka) * len(kb)
						}
					}
				}
				return n
			}
			total := 0
			for _, row := range ev.Gold.Rows {
				total += linksIn(row)
			}
			out := perfectComparison(t, ev)
			out.Rows = out.Rows[1:]
			m := score(t, ev, out)
			want := float64(total-linksIn(ev.Gold.Rows[0])) / float64(total)
			if !near(m.AlignR, want) || !near(m.AlignP, 1) {
				t.Errorf("AlignP %v AlignR %v, want 1 and %v", m.AlignP, m.AlignR, want)
			}
			if !near(m.SegF1, 1) || !near(m.FramingRecall, 1) || !near(m.FramingPrecision, 1) {
				t.Errorf("SegF1 %v FramingRecall %v FramingPrecision %v changed", m.SegF1, m.FramingRecall, m.FramingPrecision)
			}
		})
	}
}

// reportIndex returns the position of source s among the reports of a
// comparison built by perfectComparison.
func reportIndex(ev *Event, s string) int { return sort.SearchStrings(ev.Sources, s) }

func TestScorePerturbations(t *testing.T) {
	tests := []struct {
		name    string
		perturb func(ev *Event, out *framing.Comparison)
		// want lists the expected values; unlisted scores must stay 1.
		want        map[string]float64
		missed      int
		falseFlags  int
		wantPairs   int
		wantFlags   int
		missedMatch string
	}{
		{
			name:    "drop a row",
			perturb: func(_ *Event, out *framing.Comparison) { out.Rows = out.Rows[:2] },
			want:    map[string]float64{"AlignR": 6.0 / 9, "AlignF1": 2 * (6.0 / 9) / (1 + 6.0/9)},
		},
		{
			name: "merge two rows",
			perturb: func(_ *Event, out *framing.Comparison) {
				for i := range out.Rows[1].Cells {
					out.Rows[1].Cells[i] = append(out.Rows[1].Cells[i], out.Rows[2].Cells[i]...)
				}
				out.Rows = out.Rows[:2]
			},
			// 3 links in row 0, 3 pairs of sources x 2 x 2 in the merged row.
			want: map[string]float64{"AlignP": 9.0 / 15, "AlignF1": 2 * 0.6 / 1.6},
		},
		{
			name: "split a sentence",
			perturb: func(ev *Event, out *framing.Comparison) {
				b := reportIndex(ev, "b")
				rep := &out.Reports[b]
				s := rep.Sentences[1] // "Protesters marched into the square Sunday."
				cut := s.Start + len("Protesters marched")
				halves := []framing.Sentence{{Start: s.Start, End: cut}, {Start: cut, End: s.End}}
				rep.Sentences = append(rep.Sentences[:1], append(halves, rep.Sentences[2:]...)...)
				// Renumber b's cells: sentence 1 is now 1 and 2, later ones shift.
				for r := range out.Rows {
					var cell []int
					for _, j := range out.Rows[r].Cells[b] {
						switch {
						case j == 1:
							cell = append(cell, 1, 2)
						case j > 1:
							cell = append(cell, j+1)
						default:
							cell = append(cell, j)
						}
					}
					out.Rows[r].Cells[b] = cell
				}
			},
			want: map[string]float64{"SegP": 9.0 / 11, "SegR": 9.0 / 10, "SegF1": 2 * (9.0 / 11) * 0.9 / (9.0/11 + 0.9)},
		},
		{
			name: "add a false flag",
			perturb: func(ev *Event, out *framing.Comparison) {
				b := reportIndex(ev, "b")
				s := out.Reports[b].Sentences[3] // "The mayor spoke."
				out.Differences = append(out.Differences, framing.Difference{
					Row: 2, Kind: framing.KindSubstitution, Framing: true,
					Spans: []framing.Span{{Report: b, Start: s.Start, End: s.End, Text: "The mayor spoke."}},
				})
			},
			want:       map[string]float64{"FramingPrecision": 6.0 / 7},
			falseFlags: 1,
			wantFlags:  7,
		},
		{
			name: "a non-framing difference is not a flag",
			perturb: func(ev *Event, out *framing.Comparison) {
				b := reportIndex(ev, "b")
				s := out.Reports[b].Sentences[3]
				out.Differences = append(out.Differences, framing.Difference{
					Row: 2, Kind: framing.KindRewording,
					Spans: []framing.Span{{Report: b, Start: s.Start, End: s.End}},
				})
			},
		},
		{
			name: "miss a framing pair",
			perturb: func(_ *Event, out *framing.Comparison) {
				out.Differences = out.Differences[1:] // the a-b pair mob / Protesters
			},
			want:        map[string]float64{"FramingRecall": 5.0 / 6},
			missed:      1,
			wantFlags:   5,
			missedMatch: `a "mob" vs b "Protesters"`,
		},
		{
			name: "one flag on an added modifier covers every pair against it",
			perturb: func(ev *Event, out *framing.Comparison) {
				var kept []framing.Difference
				for _, d := range out.Differences {
					if d.Row == 1 && strings.Contains(textOf(ev, d), "violent") {
						continue
					}
					kept = append(kept, d)
				}
				c := reportIndex(ev, "c")
				s := out.Reports[c].Sentences[1]
				j := s.Start + len("A ")
				kept = append(kept, framing.Difference{Row: 1, Kind: framing.KindModifier, Framing: true,
					Spans: []framing.Span{{Report: c, Start: j, End: j + len("violent"), Text: "violent"}}})
				out.Differences = kept
			},
			wantFlags: 5,
		},
		{
			name: "spans that include surrounding white space still match",
			perturb: func(_ *Event, out *framing.Comparison) {
				for i := range out.Reports {
					ss := out.Reports[i].Sentences
					for j := range ss {
						ss[j].End++ // take the following space or newline
					}
				}
			},
		},
		{
			name: "a sentence with wrong offsets is found by its text",
			perturb: func(ev *Event, out *framing.Comparison) {
				a := reportIndex(ev, "a")
				out.Reports[a].Sentences[2].Start = 0
				out.Reports[a].Sentences[2].End = 3
			},
		},
		{
			name: "reports are matched by file name",
			perturb: func(_ *Event, out *framing.Comparison) {
				n := len(out.Reports)
				for i := 0; i < n/2; i++ {
					out.Reports[i], out.Reports[n-1-i] = out.Reports[n-1-i], out.Reports[i]
				}
				for r := range out.Rows {
					c := out.Rows[r].Cells
					for i := 0; i < n/2; i++ {
						c[i], c[n-1-i] = c[n-1-i], c[i]
					}
				}
				for d := range out.Differences {
					for k := range out.Differences[d].Spans {
						out.Differences[d].Spans[k].Report = n - 1 - out.Differences[d].Spans[k].Report
					}
				}
			},
		},
		{
			name: "a report left out of the comparison",
			perturb: func(_ *Event, out *framing.Comparison) {
				out.Reports = out.Reports[:2] // c is gone; its cells and spans point nowhere
			},
			// Only the 3 a-b links remain of 9; only the 2 a-b framing pairs
			// are found; the two flags on "" / violent keep only an empty
			// span and overlap no gold term.
			want: map[string]float64{
				"AlignR": 3.0 / 9, "AlignF1": 2 * (3.0 / 9) / (1 + 3.0/9),
				"FramingRecall": 2.0 / 6, "FramingPrecision": 4.0 / 6,
			},
			missed:     4,
			falseFlags: 2,
			wantFlags:  6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ev := loadTiny(t)
			out := perfectComparison(t, ev)
			tt.perturb(ev, out)
			m := score(t, ev, out)
			got := map[string]float64{
				"SegP": m.SegP, "SegR": m.SegR, "SegF1": m.SegF1,
				"AlignP": m.AlignP, "AlignR": m.AlignR, "AlignF1": m.AlignF1,
				"FramingRecall": m.FramingRecall, "FramingPrecision": m.FramingPrecision,
			}
			for k, v := range got {
				want, ok := tt.want[k]
				if !ok {
					want = 1
				}
				if !near(v, want) {
					t.Errorf("%s = %v, want %v", k, v, want)
				}
			}
			if len(m.Missed) != tt.missed || len(m.FalseFlags) != tt.falseFlags {
				t.Errorf("missed %q, false flags %q; want %d and %d", m.Missed, m.FalseFlags, tt.missed, tt.falseFlags)
			}
			if tt.missedMatch != "" && (len(m.Missed) == 0 || !strings.Contains(m.Missed[0], tt.missedMatch)) {
				t.Errorf("missed %q, want it to mention %s", m.Missed, tt.missedMatch)
			}
			wantFlags := tt.wantFlags
			if wantFlags == 0 {
				wantFlags = 6
			}
			if m.FramingPairs != 6 || m.FramingFlags != wantFlags {
				t.Errorf("pairs %d flags %d, want 6 and %d", m.FramingPairs, m.FramingFlags, wantFlags)
			}
		})
	}
}

// textOf joins the texts a difference's spans cover.
func textOf(ev *Event, d framing.Difference) string {
	var parts []string
	for _, sp := range d.Spans {
		parts = append(parts, string(ev.texts[sp.Report][sp.Start:sp.End]))
	}
	return strings.Join(parts, " ")
}

func TestScoreNoFraming(t *testing.T) {
	gold := tinyGold
	gold.Framing = nil
	ev, err := LoadEvent(writeEvent(t, t.TempDir(), "calm", tinyReports, gold))
	if err != nil {
		t.Fatal(err)
	}
	out := perfectComparison(t, ev)
	m := score(t, ev, out)
	if m.HasFramingPairs || m.FramingPairs != 0 || m.FramingFlags != 0 || m.FramingRecall != 1 || m.FramingPrecision != 1 {
		t.Errorf("no framing: got %+v", m)
	}
	b := reportIndex(ev, "b")
	s := out.Reports[b].Sentences[1]
	out.Differences = append(out.Differences, framing.Difference{Row: 1, Framing: true, Kind: framing.KindSubstitution,
		Spans: []framing.Span{{Report: b, Start: s.Start, End: s.Start + len("Protesters")}}})
	m = score(t, ev, out)
	if m.FramingPrecision != 0 || m.FramingFlags != 1 || len(m.FalseFlags) != 1 || !strings.Contains(m.FalseFlags[0], `b "Protesters"`) {
		t.Errorf("false alarm: precision %v flags %d %q", m.FramingPrecision, m.FramingFlags, m.FalseFlags)
	}
}

func TestScoreErrors(t *testing.T) {
	ev := loadTiny(t)
	badRow := *ev
	badRow.Gold.Framing = []FramingEntry{{Row: 7, Terms: map[string]string{"a": "mob", "b": "Protesters"}}}
	missing := &Event{Slug: "gone", Sources: []string{"a"}, Paths: []string{filepath.Join(t.TempDir(), "a.txt")},
		Gold: Gold{Reports: map[string]GoldReport{"a": {Sentences: []string{"x"}}}}}
	tests := []struct {
		name string
		ev   *Event
		out  *framing.Comparison
	}{
		{"nil event", nil, &framing.Comparison{}},
		{"nil comparison", ev, nil},
		{"framing row out of range", &badRow, &framing.Comparison{}},
		{"unreadable report", missing, &framing.Comparison{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Score(tt.ev, tt.out); err == nil {
				t.Error("Score succeeded, want an error")
			}
		})
	}
}

func TestMean(t *testing.T) {
	tests := []struct {
		name                string
		ms                  []Metrics
		seg, align, rec, pr float64
		recN, prN           int
	}{
		{"empty", nil, math.NaN(), math.NaN(), math.NaN(), math.NaN(), 0, 0},
		{
			"recall and precision skip events without pairs or flags",
			[]Metrics{
				{SegF1: 1, AlignF1: 0.5, FramingRecall: 0.5, HasFramingPairs: true, FramingPrecision: 1},
				{SegF1: 0.5, AlignF1: 1, FramingRecall: 1, FramingPrecision: 0.25, FramingFlags: 4},
				{SegF1: 0, AlignF1: 0, FramingRecall: 1, HasFramingPairs: true, FramingPrecision: 0.75, FramingFlags: 2},
			},
			0.5, 0.5, 0.75, 0.5, 2, 2,
		},
	}
	same := func(a, b float64) bool { return (math.IsNaN(a) && math.IsNaN(b)) || near(a, b) }
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Mean(tt.ms)
			if s.Events != len(tt.ms) || !same(s.SegF1, tt.seg) || !same(s.AlignF1, tt.align) ||
				!same(s.FramingRecall, tt.rec) || !same(s.FramingPrecision, tt.pr) ||
				s.RecallEvents != tt.recN || s.PrecisionEvents != tt.prN {
				t.Errorf("Mean = %+v", s)
			}
		})
	}
	if got := Mean(nil).String(); got != "events=0 seg_f1=nan align_f1=nan framing_recall=nan framing_precision=nan" {
		t.Errorf("String() = %q", got)
	}
}
