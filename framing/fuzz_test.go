package framing

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"framelens/framing/ingest"
)

// FuzzCompare checks the diff-to-phrases step on arbitrary pairs of
// reports: no panic, every sentence in one row, and every difference span
// inside its report with the text its offsets point at.
func FuzzCompare(f *testing.F) {
	f.Add("Headline\n\nRussia said 12 people were killed in Kyiv.", "Headline\n\nUkraine claimed 15 people died in Kiev.")
	f.Add("A so-called referendum was held.", "A referendum was held.")
	f.Add("“Who is taking whom hostage?” asked one operator.", "An operator asked who was taking whom hostage.")
	f.Add("中国外交部表示。俄罗斯称。", "外交部说。")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		da, err := ingest.Parse("a", []byte(a), ingest.FormatText)
		if err != nil {
			return
		}
		db, err := ingest.Parse("b", []byte(b), ingest.FormatMarkdown)
		if err != nil {
			return
		}
		docs := []*ingest.Document{da, db}
		c, err := Compare(context.Background(), docs, Options{})
		if err != nil {
			t.Fatalf("Compare: %v", err)
		}
		seen := map[[2]int]int{}
		for _, r := range c.Rows {
			for rep, cell := range r.Cells {
				for _, i := range cell {
					seen[[2]int{rep, i}]++
				}
			}
		}
		for rep, r := range c.Reports {
			for i := range r.Sentences {
				if seen[[2]int{rep, i}] != 1 {
					t.Fatalf("report %d sentence %d in %d rows", rep, i, seen[[2]int{rep, i}])
				}
			}
		}
		for _, d := range c.Differences {
			if d.Row < 0 || d.Row >= len(c.Rows) {
				t.Fatalf("difference in row %d of %d", d.Row, len(c.Rows))
			}
			for _, sp := range d.Spans {
				raw := docs[sp.Report].Raw
				if sp.Start < 0 || sp.End < sp.Start || sp.End > len(raw) {
					t.Fatalf("span %+v outside report of %d bytes", sp, len(raw))
				}
				if sp.End > sp.Start && docs[sp.Report].Format == ingest.FormatText && docs[sp.Report].Normalised == 0 && utf8.Valid(raw) && strings.Join(strings.Fields(string(raw[sp.Start:sp.End])), " ") != sp.Text {
					t.Fatalf("span %+v: offsets give %q", sp, raw[sp.Start:sp.End])
				}
			}
		}
		for rep := range c.Reports {
			for i := range c.Reports[rep].Sentences {
				var b strings.Builder
				for _, p := range c.Pieces(rep, i) {
					b.WriteString(p.Text)
				}
				if b.String() != c.Reports[rep].Sentences[i].Text {
					t.Fatalf("pieces %q do not make up sentence %q", b.String(), c.Reports[rep].Sentences[i].Text)
				}
			}
		}
	})
}
