package framing

import (
	"math"
	"testing"
)

func TestSupports(t *testing.T) {
	// Reports 0, 1 and 2 (and 3 when nr is 4) with one or two sentences
	// each; all lists every sentence in report order.
	mk := func(reports ...int) []*sent {
		var all []*sent
		for r, n := range reports {
			for i := range n {
				all = append(all, &sent{report: r, index: i, gid: len(all)})
			}
		}
		return all
	}
	for _, tc := range []struct {
		name    string
		reports []int // sentences per report
		cands   []cand
		want    []float64
	}{
		{
			name:    "two reports: no support",
			reports: []int{1, 1},
			cands:   []cand{{0, 1, 0.5}},
			want:    []float64{0},
		},
		{
			name:    "a third sentence matching both sides lends the weaker match",
			reports: []int{1, 1, 1},
			cands:   []cand{{0, 1, 0.1}, {0, 2, 0.4}, {1, 2, 0.3}},
			want:    []float64{0.3, 0, 0},
		},
		{
			name:    "matches below supportMin lend nothing",
			reports: []int{1, 1, 1},
			cands:   []cand{{0, 1, 0.3}, {0, 2, 0.4}, {1, 2, supportMin / 2}},
			want:    []float64{0, 0, 0.3},
		},
		{
			name:    "the best sentence of each third report counts, averaged over third reports",
			reports: []int{1, 1, 2, 1},
			// Sentences: 0 (report 0), 1 (report 1), 2 and 3 (report 2), 4 (report 3).
			cands: []cand{{0, 1, 0.2}, {0, 2, 0.3}, {1, 2, 0.6}, {0, 3, 0.5}, {1, 3, 0.4}, {0, 4, 0.2}, {1, 4, 0.9}},
			// (0,1): report 2 lends max(min(.3,.6), min(.5,.4)) = .4, report 3
			// min(.2,.9) = .2: mean .3. Every other pair has one third
			// report lending .2 and one lending nothing.
			want: []float64{0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := supports(mk(tc.reports...), len(tc.reports), tc.cands)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d supports, want %d", len(got), len(tc.want))
			}
			for i := range got {
				if math.Abs(got[i]-tc.want[i]) > 1e-9 {
					t.Errorf("pair %d: support %.3f, want %.3f", i, got[i], tc.want[i])
				}
			}
		})
	}
}

func TestSentencesOfDifferentYearsAlignLess(t *testing.T) {
	mk := func(s string) *sent {
		return &sent{toks: tokenize(s, 0, len(s)), years: yearsOf(tokenize(s, 0, len(s)))}
	}
	p := &pipeline{sents: [][]*sent{{}, {}}}
	a := mk("It was the first total solar eclipse visible from the city since 1932.")
	b := mk("The next total solar eclipse visible from the country will be in 2044.")
	c := mk("The last total solar eclipse visible from the city was in 1932.")
	a.index, b.index, c.index = 3, 3, 3
	if got := p.adjust(a, b, 1); got >= 1 {
		t.Errorf("sentences naming 1932 and 2044 are not set apart: %v", got)
	}
	if got := p.adjust(a, c, 1); got < 1 {
		t.Errorf("sentences naming the same year are set apart: %v", got)
	}
}

func TestHeadlinesMakeOneRow(t *testing.T) {
	texts := []string{
		"Huge dam on front line destroyed, unleashing floods\n\nThe dam was destroyed overnight, officials said.",
		"Kremlin: destruction of HPP is deliberate sabotage by Kiev\n\nThe dam was destroyed overnight, officials said.",
	}
	c := compareTexts(t, texts...)
	if got := c.Rows[0].Cells; len(got[0]) != 1 || got[0][0] != 0 || len(got[1]) != 1 || got[1][0] != 0 {
		t.Errorf("headlines with no word in common are not one row: %v", c.Rows)
	}
	// A first sentence that ends with a full stop is no headline.
	texts = []string{
		"The dam was destroyed overnight, officials said.\n\nFloods followed.",
		"Moscow blamed Kyiv for the sabotage.\n\nFloods followed.",
	}
	c = compareTexts(t, texts...)
	for _, r := range c.Rows {
		if len(r.Cells[0]) == 1 && r.Cells[0][0] == 0 && len(r.Cells[1]) == 1 && r.Cells[1][0] == 0 {
			t.Errorf("first sentences of body text forced into one row: %v", c.Rows)
		}
	}
}

func TestSentencesAboutTheReporting(t *testing.T) {
	for _, tc := range []struct {
		text string
		meta bool
	}{
		{"China's embassy in Washington did not immediately respond to a request for comment.", true},
		{"Neither China's defence ministry nor its Taiwan Affairs Office responded to requests for comment.", true},
		{"(This story has been updated with comments from China's Foreign Ministry.)", true},
		{"The Kremlin declined to comment.", true},
		{"China's foreign ministry said the balloon was a civilian airship.", false},
		{"Officials did not say how many people had been evacuated.", false},
	} {
		if got := isMeta(tc.text); got != tc.meta {
			t.Errorf("isMeta(%q) = %v, want %v", tc.text, got, tc.meta)
		}
	}
}

func TestSentencesGivingOneFigureAlignMore(t *testing.T) {
	p := &pipeline{sents: [][]*sent{{}, {}}}
	a := &sent{index: 3, figs: []float64{12}}
	b := &sent{index: 3, figs: []float64{12, 4}}
	c := &sent{index: 3, figs: []float64{140}}
	same, other := p.adjust(a, b, 1), p.adjust(a, c, 1)
	if same <= other {
		t.Errorf("sentences giving 12 (%v) are not drawn closer than sentences giving 12 and 140 (%v)", same, other)
	}
}
