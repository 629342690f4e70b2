package framing

import (
	"strings"
	"testing"
)

// TestCounterpartsAcrossTheRow checks that a framing difference found in
// one report shows what every other report of the row says in its place.
func TestCounterpartsAcrossTheRow(t *testing.T) {
	texts := []string{
		"The Kiev regime claimed that more than 20 people had been killed in the city.",
		"Ukrainian officials said that more than 20 people had been killed in the city.",
		"The State Emergency Service reported that more than 20 people had been killed in the city.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, "", map[int]string{0: "regime", 1: "Ukrainian officials", 2: "State Emergency Service"})) == 0 {
		t.Errorf("no framing difference holds the label and the words of both other reports in its place: %v", c.Differences)
	}
	// A report with the same words in that place is shown with them.
	texts = []string{
		"The attack was part of Russia's war against Ukraine, officials said.",
		"The operation was part of Russia's war against Ukraine, officials said.",
		"The attack was part of Russia's war against Ukraine, officials said.",
	}
	c = compareTexts(t, texts...)
	if len(framingWith(t, c, texts, "", map[int]string{0: "attack", 1: "operation", 2: "attack"})) == 0 {
		t.Errorf("no framing difference holds attack / operation / attack: %v", c.Differences)
	}
}

func TestRefineSplitsRewrittenClauses(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want [][2]string // word pairs some framing difference must hold
	}{
		{
			name: "a label and a verb in one rewritten clause",
			a:    "The Kiev regime claimed on Thursday that 20 people had died.",
			b:    "Ukrainian officials said on Thursday that 20 people had died.",
			want: [][2]string{{"claimed", "said"}, {"regime", "Ukrainian officials"}},
		},
		{
			name: "a moved clause is the same words",
			a:    "On Sunday, the rebels seized the airport near the capital.",
			b:    "The fighters took the airport near the capital on Sunday.",
			want: [][2]string{{"rebels", "fighters"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			texts := []string{tc.a, tc.b}
			c := compareTexts(t, texts...)
			for _, w := range tc.want {
				if len(framingWith(t, c, texts, "", map[int]string{0: w[0], 1: w[1]})) == 0 {
					t.Errorf("no framing difference holds %q / %q: %v", w[0], w[1], c.Differences)
				}
			}
		})
	}
}

func TestMovedWords(t *testing.T) {
	toks := func(s string) cell { return cell{toks: tokenize(s, 0, len(s))} }
	a := toks("On Sunday the rebels seized the airport")
	b := toks("The rebels took the airport on Sunday")
	// Regions as go-diff leaves them: "On Sunday" against nothing, then
	// "seized" / "took", then nothing against "on Sunday".
	regions := []region{{0, 2, 0, 0}, {4, 5, 2, 3}, {7, 7, 5, 7}}
	ma, mb := movedWords(a, b, regions)
	if !ma[1] || !mb[6] {
		t.Errorf("Sunday is the same word moved: got %v / %v", ma, mb)
	}
	if ma[4] || mb[2] {
		t.Errorf("seized / took are a change, not a move: got %v / %v", ma, mb)
	}
}

func TestAttributionClausesPaired(t *testing.T) {
	texts := []string{
		"The Kiev regime claimed that more than 20 people had been killed in the city.",
		"Russian missiles struck the city, killing more than 20 people, Ukraine's emergency services said.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, "", map[int]string{0: "regime", 1: "emergency services"})) == 0 {
		t.Errorf("the sources at opposite ends of the sentences are not paired: %v", c.Differences)
	}
	if len(framingWith(t, c, texts, KindAttribution, map[int]string{0: "claimed", 1: "said"})) == 0 {
		t.Errorf("the reporting verbs at opposite ends of the sentences are not paired: %v", c.Differences)
	}
	// "State" in a name is no reporting verb.
	texts = []string{
		"A spokesperson for the Taiwan Affairs Office of the State Council said the speech was a provocation.",
		"The Taiwan Affairs Office denounced the speech as a provocation.",
	}
	c = compareTexts(t, texts...)
	for _, d := range framingWith(t, c, texts, KindAttribution, map[int]string{1: "denounced"}) {
		if holds(t, texts, d, 0, "State") {
			t.Errorf("\"State\" of a name taken for a reporting verb: %v", d)
		}
	}
	if len(framingWith(t, c, texts, KindAttribution, map[int]string{0: "said", 1: "denounced"})) == 0 {
		t.Errorf("said / denounced not paired: %v", c.Differences)
	}
}

func TestModifierCounterpartIsTheQualifiedWord(t *testing.T) {
	texts := []string{
		"Outside the Capitol, hundreds of demonstrators chanted slogans as the debate wore on.",
		"A few dozen left-wing activists staged a protest outside the Capitol, chanting slogans.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, KindModifier, map[int]string{0: "demonstrators", 1: "left-wing"})) == 0 {
		t.Errorf("left-wing activists is not set against demonstrators: %v", c.Differences)
	}
}

func TestFigureSlotsPairWhatIsCounted(t *testing.T) {
	texts := []string{
		"The Ministry of Health said the death toll had risen to 12 martyrs on Tuesday.",
		"Palestinian health officials said on Tuesday that 12 Palestinians had been killed.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, "", map[int]string{0: "martyrs", 1: "Palestinians"})) == 0 {
		t.Errorf("martyrs / Palestinians counted by one figure are not paired: %v", c.Differences)
	}
}

// TestNoEmptyCounterparts checks that a report is not shown against a
// framing difference with words that say nothing in its place: only
// "the" or "it", or a word the diff anchored on while the difference sits
// in a long rewritten stretch.
func TestNoEmptyCounterparts(t *testing.T) {
	tests := []struct {
		name  string
		texts []string
		word  string // in report 0
		not   string // in report 2: no framing difference on word may hold it
	}{
		{
			name: "a pronoun in place of the label",
			texts: []string{
				"The government says the scheme will deter people from crossing the Channel in small boats.",
				"The government says the plan will deter people from crossing the Channel in small boats.",
				"The government says it will deter people from crossing the Channel in small boats.",
			},
			word: "scheme",
			not:  "it",
		},
		{
			name: "a headline rewritten around the same names",
			texts: []string{
				"Government requisitions strikers to break the picket at Esso depot",
				"France orders striking workers back to Esso fuel depot as shortages spread",
				"Government orders Esso depot strikers back to work",
			},
			word: "picket",
			not:  "orders",
		},
		{
			name: "quotation marks around words a report does not use",
			texts: []string{
				"Wang said the two countries should defend \"the correct historical narrative\" of the Second World War.",
				"The sides stressed the importance of defending the correct historical narrative about the Second World War.",
				"Wang recalled the victory over fascism in the Second World War.",
			},
			word: "correct historical narrative",
			not:  "victory over fascism",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := compareTexts(t, tc.texts...)
			for _, d := range framingWith(t, c, tc.texts, "", map[int]string{0: tc.word}) {
				if holds(t, tc.texts, d, 2, tc.not) {
					t.Errorf("%q shown against %q: %v", tc.not, tc.word, d)
				}
			}
		})
	}
}

// TestPiecesMarkCounterparts checks that the words a framing difference is
// about and the words another report only has in their place come out of
// Pieces told apart, for the window and the HTML report to draw them so.
func TestPiecesMarkCounterparts(t *testing.T) {
	texts := []string{
		"The minister claimed the notorious tribunal had no authority over the islands.",
		"The minister said the tribunal in The Hague had no authority over the islands.",
	}
	c := compareTexts(t, texts...)
	find := func(report int, word string) Piece {
		t.Helper()
		for _, p := range c.Pieces(report, 0) {
			if strings.Contains(p.Text, word) {
				return p
			}
		}
		t.Fatalf("no piece of report %d holds %q: %v", report, word, c.Pieces(report, 0))
		return Piece{}
	}
	if p := find(0, "notorious"); !p.Framing || p.Counterpart {
		t.Errorf("\"notorious\" is not drawn as the framing word: %+v", p)
	}
	if p := find(1, "tribunal"); !p.Framing || !p.Counterpart {
		t.Errorf("\"tribunal\" is not drawn as what report 1 has in the place of \"notorious tribunal\": %+v", p)
	}
	if p := find(0, "claimed"); !p.Framing || p.Counterpart {
		t.Errorf("\"claimed\" is not drawn as a framing word: %+v", p)
	}
}
