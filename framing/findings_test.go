package framing

import (
	"fmt"
	"testing"
)

// TestFramingInsideRewordedClauses checks that word choices are found even
// when the clause around them is reworded, each with its own short spans,
// and that neutral rewording stays unflagged.
func TestFramingInsideRewordedClauses(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want [][2]string // pairs of span texts some framing difference must hold
		none bool        // no framing difference at all
	}{
		{
			name: "victims and a label in a rewritten clause",
			a:    "Russian missiles struck the centre of Vinnytsia on Thursday, killing 23 civilians, officials said.",
			b:    "On Thursday the Kiev regime claimed that missiles had killed 23 people in the centre of Vinnytsia.",
			want: [][2]string{{"civilians", "people"}, {"said", "claimed"}},
		},
		{
			name: "distancing before words the other report uses plainly",
			a:    "The foreign ministry said the object that crossed the country was a civilian unmanned airship used for research.",
			b:    "The foreign ministry said the object that crossed the country was what it called a civilian unmanned airship used for research.",
			want: [][2]string{{"civilian unmanned airship", "what it called a civilian unmanned airship"}},
		},
		{
			name: "Russian-based spelling inside a reworded clause",
			a:    "A rocket hit the site overnight, the administration of Energodar said on Sunday, adding that no one was hurt.",
			b:    "Officials in Enerhodar reported on Sunday that a rocket had landed at the site during the night without injuring anyone.",
			want: [][2]string{{"Energodar", "Enerhodar"}},
		},
		{
			name: "reporting verbs in clauses ordered differently",
			a:    "The office said on Tuesday that the speech was a provocation that harmed peace across the strait.",
			b:    "In a statement on Tuesday the office denounced the speech as a provocation that harmed peace across the strait.",
			want: [][2]string{{"said", "denounced"}},
		},
		{
			name: "neutral rewording of a peaceful event",
			a:    "Thousands of people watched the eclipse from the park on Monday afternoon.",
			b:    "On Monday afternoon thousands of spectators watched the eclipse from inside the park.",
			none: true,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			texts := []string{tc.a, tc.b}
			c := compareTexts(t, texts...)
			var flagged []string
			for _, d := range c.Differences {
				if d.Framing {
					flagged = append(flagged, fmt.Sprintf("%s %v", d.Kind, d.Spans))
				}
			}
			if tc.none && len(flagged) > 0 {
				t.Fatalf("neutral rewording flagged as framing: %v", flagged)
			}
			for _, w := range tc.want {
				found := false
				for _, d := range c.Differences {
					if d.Framing && holds(t, texts, d, 0, w[0]) && holds(t, texts, d, 1, w[1]) {
						found = true
					}
				}
				if !found {
					t.Errorf("no framing difference holds %q / %q; flagged: %v", w[0], w[1], flagged)
				}
			}
		})
	}
}

func TestLoadedWordsOfTheReportNotOfItsQuotes(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want string // words of the first report a framing difference must hold; empty: none at all
	}{
		{
			name: "a loaded word in the report's own words",
			a:    "The evil gangs behind the crossings were blamed for the deaths, the minister said.",
			b:    "The gangs behind the crossings were blamed for the deaths, the minister said.",
			want: "evil",
		},
		{
			name: "the same word inside a speaker's quotation",
			a:    "“Every eclipse is different and this one was incredible,” one astronomer said on Monday.",
			b:    "“Every eclipse is different and this one was special,” one astronomer said on Monday.",
		},
		{
			name: "a label of affiliation with a capital",
			a:    "The Hamas-run health ministry said 500 people had been killed.",
			b:    "The health ministry said 500 people had been killed.",
			want: "Hamas-run",
		},
		{
			name: "anti- before a weapon is no side taken",
			a:    "The ministry released footage of anti-ship missile units on standby.",
			b:    "The ministry released footage of missile units on standby.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			texts := []string{tc.a, tc.b}
			c := compareTexts(t, texts...)
			var flagged []Difference
			for _, d := range c.Differences {
				if d.Framing {
					flagged = append(flagged, d)
				}
			}
			if tc.want == "" {
				if len(flagged) > 0 {
					t.Fatalf("flagged: %v", flagged)
				}
				return
			}
			found := false
			for _, d := range flagged {
				if holds(t, texts, d, 0, tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no framing difference holds %q: %v", tc.want, flagged)
			}
		})
	}
}

func TestDistancingKeepsItsWords(t *testing.T) {
	texts := []string{
		"China protested over the use of force against a Chinese civilian unmanned airship, saying the move was an overreaction.",
		"China protested over the use of force against what it called a civilian unmanned airship, saying Washington had overreacted.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, KindModifier, map[int]string{0: "civilian unmanned airship", 1: "what it called"})) == 0 {
		t.Errorf("the distancing is not set against the plain words: %v", c.Differences)
	}
	for _, d := range c.Differences {
		if d.Kind == KindAttribution && d.Framing && holds(t, texts, d, 1, "called") {
			t.Errorf("\"what it called\" taken for a reporting verb: %v", d)
		}
	}
}

func TestAttackCalledAnIncident(t *testing.T) {
	texts := []string{
		"EU foreign policy chief Josep Borrell condemned the attack on the city.",
		"EU foreign policy chief Josep Borrell hastened to blame Moscow for the incident in the city.",
	}
	c := compareTexts(t, texts...)
	if len(framingWith(t, c, texts, "", map[int]string{0: "attack", 1: "incident"})) == 0 {
		t.Errorf("an attack called an incident is not flagged: %v", c.Differences)
	}
	// Two vague words for one event are no choice of frame.
	texts = []string{
		"Officials said the incident was under investigation.",
		"Officials said the event was under investigation.",
	}
	c = compareTexts(t, texts...)
	for _, d := range c.Differences {
		if d.Framing {
			t.Errorf("incident / event flagged: %v", d)
		}
	}
}

func TestCraftModifiersAreNotActors(t *testing.T) {
	texts := []string{
		"A U.S. fighter jet shot down the balloon off the coast on Saturday.",
		"The U.S. military shot down the balloon off the coast on Saturday.",
	}
	c := compareTexts(t, texts...)
	for _, d := range c.Differences {
		if d.Framing && holds(t, texts, d, 0, "fighter") {
			t.Errorf("\"fighter\" of \"fighter jet\" taken for an armed actor: %v", d)
		}
	}
}
