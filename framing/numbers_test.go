package framing

import (
	"fmt"
	"testing"
)

func TestFigureDifferences(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want [2]string // the figures a number difference must hold; empty: no number difference at all
	}{
		{
			name: "different tolls",
			a:    "The strike killed 23 civilians in the centre of the city on Thursday.",
			b:    "The strike killed at least 20 people in the centre of the city on Thursday.",
			want: [2]string{"23", "at least 20"},
		},
		{
			name: "a vague quantity against a figure outside its range",
			a:    "Russian missiles struck the city, killing 23 people and injuring dozens more, officials said.",
			b:    "Russian missiles struck the city, killing 23 people and injuring more than 100, officials said.",
			want: [2]string{"dozens more", "more than 100"},
		},
		{
			name: "a share written as a ratio",
			a:    "About 30 percent of filling stations were short of fuel on Wednesday.",
			b:    "More than one station in three was short of fuel on Wednesday.",
			want: [2]string{"About 30 percent", "one station in three"},
		},
		{
			name: "the same sum in one currency",
			a:    "Britain has already paid Rwanda 220 million pounds under the deal.",
			b:    "Some £240m has already been paid to Rwanda under the deal.",
			want: [2]string{"220 million pounds", "£240m"},
		},
		{
			name: "the same figure hedged in different senses",
			a:    "More than 1,000 soldiers took part in the raid on the camp.",
			b:    "Almost 1,000 soldiers took part in the raid on the camp.",
			want: [2]string{"More than 1,000", "Almost 1,000"},
		},
		{
			name: "two dozen against a figure",
			a:    "The ministry said it had detected 19 warships around the island on Thursday.",
			b:    "The ministry said it had detected about two dozen ships around the island on Thursday.",
			want: [2]string{"19", "two dozen"},
		},
		{
			name: "the dead are not the wounded",
			a:    "The attack killed 12 people, officials said.",
			b:    "The attack wounded 40 people, officials said.",
		},
		{
			name: "the same amount in two currencies is no disagreement",
			a:    "London agreed to pay Paris 62.7 million euros to reinforce patrols.",
			b:    "Britain agreed to pay France £54 million to reinforce patrols.",
		},
		{
			name: "the same figure written two ways",
			a:    "Officials said 1,200 people were evacuated overnight.",
			b:    "Officials said 1200 people were evacuated overnight.",
		},
		{
			name: "a clock time is not a count",
			a:    "It began at 1 a.m. (22:00 GMT) when drones struck a building.",
			b:    "It began at 1 a.m. when drones struck a building.",
		},
		{
			name: "two vague words never contradict each other",
			a:    "Thousands of people watched the eclipse across the region.",
			b:    "Millions of people watched the eclipse across the region.",
		},
		{
			name: "a duration told exactly and rounded up",
			a:    "Jeffries delayed the vote with a speech that lasted 8 hours and 44 minutes.",
			b:    "Jeffries delayed the vote with a speech that dragged on for nearly nine hours.",
			want: [2]string{"8 hours and 44 minutes", "nearly nine hours"},
		},
		{
			name: "the same duration written two ways",
			a:    "At its maximum, totality lasted 4 minutes 28 seconds.",
			b:    "At its maximum, totality lasted 4 minutes and 28 seconds.",
		},
		{
			name: "spans of very different length are different spans",
			a:    "The army ended its operation in the camp after 48 hours.",
			b:    "The army ended its largest operation in the camp in two decades.",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			texts := []string{tc.a, tc.b}
			c := compareTexts(t, texts...)
			var numbers []string
			for _, d := range c.Differences {
				if d.Kind == KindNumber && d.Framing {
					numbers = append(numbers, fmt.Sprint(d.Spans))
				}
			}
			if tc.want == [2]string{} {
				if len(numbers) > 0 {
					t.Fatalf("number differences flagged: %v", numbers)
				}
				return
			}
			if len(framingWith(t, c, texts, KindNumber, map[int]string{0: tc.want[0], 1: tc.want[1]})) == 0 {
				t.Errorf("no number difference holds %q / %q; got %v", tc.want[0], tc.want[1], numbers)
			}
		})
	}
}

func TestGluedScales(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"54million", 54e6, true}, {"5bn", 5e9, true}, {"541m", 541e6, true}, {"2nd", 0, false}, {"220-mm", 0, false}, {"1,200", 1200, true},
	} {
		got, ok := parseNumber(tc.in)
		if ok != tc.ok || ok && got != tc.want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}
