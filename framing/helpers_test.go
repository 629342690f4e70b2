package framing

import (
	"context"
	"strings"
	"testing"

	"framelens/framing/ingest"
	"framelens/framing/lexicon"
)

// compareTexts compares pasted reports (one sentence each is enough) with
// the bundled lexicon.
func compareTexts(t *testing.T, texts ...string) *Comparison {
	t.Helper()
	lex, err := lexicon.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	var docs []*ingest.Document
	for i, s := range texts {
		d, err := ingest.Paste(string(rune('a'+i)), s)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	c, err := Compare(context.Background(), docs, Options{Lexicon: lex})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// holds reports whether d has a span in report that overlaps the first
// occurrence of text in texts[report].
func holds(t *testing.T, texts []string, d Difference, report int, text string) bool {
	t.Helper()
	at := strings.Index(texts[report], text)
	if at < 0 {
		t.Fatalf("%q is not in report %d", text, report)
	}
	for _, sp := range d.Spans {
		if sp.Report == report && sp.Start < at+len(text) && at < sp.End {
			return true
		}
	}
	return false
}

// framingWith returns the framing differences that hold every
// (report, text) pair given.
func framingWith(t *testing.T, c *Comparison, texts []string, kind Kind, want map[int]string) []Difference {
	t.Helper()
	var out []Difference
	for _, d := range c.Differences {
		if !d.Framing || kind != "" && d.Kind != kind {
			continue
		}
		ok := true
		for r, text := range want {
			if !holds(t, texts, d, r, text) {
				ok = false
			}
		}
		if ok {
			out = append(out, d)
		}
	}
	return out
}
