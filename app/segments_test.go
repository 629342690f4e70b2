package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"framelens/framing"
)

func TestSegmentsNeverStartALineWithPunctuationOrEndItWithAnOpeningQuote(t *testing.T) {
	pieces := []framing.Piece{
		{Text: `the ministers call the "`, Diff: -1},
		{Text: "Ukrainian crisis", Diff: 0, Kind: framing.KindLexicon, Framing: true},
		{Text: `", and`, Diff: -1},
		{Text: " said", Diff: 1, Kind: framing.KindAttribution, Framing: true},
		{Text: ".", Diff: -1},
	}
	segs := pieceSegments(pieces, "")
	var texts []string
	joined := ""
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		texts = append(texts, ts.Text)
		joined += ts.Text
	}
	if want := `the ministers call the "Ukrainian crisis", and said.`; joined != want {
		t.Fatalf("the segments read %q, want %q", joined, want)
	}
	for i, text := range texts {
		if i > 0 && (strings.HasPrefix(text, " ") || strings.HasPrefix(text, ".") || strings.HasPrefix(text, ",")) {
			t.Errorf("segment %d starts with a space or punctuation: %q (all: %q)", i, text, texts)
		}
		if i < len(texts)-1 && strings.HasSuffix(text, `"`) && !strings.HasSuffix(text, `",`) && strings.HasSuffix(strings.TrimSuffix(text, `"`), " ") {
			t.Errorf("segment %d ends with an opening quote: %q (all: %q)", i, text, texts)
		}
	}
	// The contested term keeps its highlight.
	found := false
	for _, s := range segs {
		ts := s.(*widget.TextSegment)
		if strings.Contains(ts.Text, "Ukrainian crisis") {
			found = ts.Style.TextStyle.Bold && ts.Style.ColorName == colorLexicon
		}
	}
	if !found {
		t.Errorf("“Ukrainian crisis” lost its highlight: %q", texts)
	}
}

func TestSplitMatchesIgnoresCase(t *testing.T) {
	parts := splitMatches("Kiev and KIEV and kyiv", "kiev")
	var matched []string
	for _, p := range parts {
		if p.match {
			matched = append(matched, p.text)
		}
	}
	if strings.Join(matched, ",") != "Kiev,KIEV" {
		t.Errorf("matches = %q, want Kiev and KIEV", matched)
	}
}
