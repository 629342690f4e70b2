package export

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"testing"
	"time"

	"framelens/framing"
	"framelens/framing/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden from the current output")

// caseFiles are the reports of the test case, in report order.
var caseFiles = []string{"kyiv-courier.txt", "moscow-daily.txt", "world-wire.txt"}

// generated is the export time of every test, so outputs are reproducible.
var generated = time.Date(2025, 3, 12, 8, 0, 0, 0, time.UTC)

// testNote is a note as the test case writes it: anchored on the first
// occurrence of quote in one report (or detached when report is -1).
type testNote struct {
	kind   string
	report int
	quote  string
	text   string
	tags   []string
}

var caseNotes = []testNote{
	{NoteRow, 0, "killing 7 workers", "Kyiv gives the highest toll.\nCheck it against the State Emergency Service figures.", []string{"casualties", "sourcing"}},
	{NoteTerm, 1, "so-called", "Distances the reader from the governor's office: a delegitimising frame.", []string{"delegitimation"}},
	{NoteSentence, 2, "Power was restored", "Only the wire names the mayor as a source.", nil},
	{NoteRow, -1, "the mayor was quoted", "- Ask the desk whether the mayor was quoted elsewhere.", []string{"follow-up"}},
}

// loadCase compares the reports of testdata/case and adds the notes of
// caseNotes, placed by searching their quotes in the report bytes.
func loadCase(t *testing.T) Case {
	t.Helper()
	var docs []*ingest.Document
	for _, f := range caseFiles {
		d, err := ingest.ReadFile(filepath.Join("testdata", "case", f))
		if err != nil {
			t.Fatalf("reading the test case: %v", err)
		}
		docs = append(docs, d)
	}
	cmp, err := framing.Compare(context.Background(), docs, framing.Options{})
	if err != nil {
		t.Fatalf("comparing the test case: %v", err)
	}
	c := Case{
		Name:       "Strike on the Kharkiv power plant",
		Date:       "2025-03-11",
		Comparison: cmp,
		Outlets: []Outlet{
			{Name: "Kyiv Courier", Date: "2025-03-11", URL: "https://example.org/kyiv-courier/kharkiv-strike"},
			{Name: "Moscow Daily", Date: "2025-03-11"},
			{Name: "World Wire", Date: "2025-03-11", URL: "https://example.org/world-wire/kharkiv"},
		},
	}
	created := time.Date(2025, 3, 11, 14, 0, 0, 0, time.UTC)
	for i, n := range caseNotes {
		note := Note{Kind: n.kind, Report: n.report, Row: -1, Quote: n.quote, Text: n.text, Tags: n.tags,
			Created: created.Add(time.Duration(i) * time.Hour), Updated: created.Add(time.Duration(i) * time.Hour)}
		if i == 1 {
			note.Updated = note.Updated.Add(30 * time.Minute)
		}
		if n.report >= 0 {
			start := bytes.Index(docs[n.report].Raw, []byte(n.quote))
			if start < 0 {
				t.Fatalf("note %d: %q is not in %s", i, n.quote, caseFiles[n.report])
			}
			note.Start, note.End = start, start+len(n.quote)
		}
		c.Notes = append(c.Notes, note)
	}
	return c
}

// golden compares got with the golden file name, or rewrites it with
// -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file missing (run go test ./framing/export -update): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (if the change is intended, run go test ./framing/export -update and review the diff)\n--- got ---\n%s", path, got)
	}
}
