package framing

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"framelens/framing/ingest"
)

// devEvent is a labelled 4-report event from the shared evaluation set.
const devEvent = "../../shared/eval/dev/zaporizhzhia-plant-shelling/reports"

func loadDir(t testing.TB, dir string) []*ingest.Document {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no reports in %s (the shared evaluation set must sit beside the repository): %v", dir, err)
	}
	sort.Strings(paths)
	var docs []*ingest.Document
	for _, p := range paths {
		d, err := ingest.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	return docs
}

// rowSet renders rows as a set of strings of report names and sentence
// indices, independent of report order.
func rowSet(c *Comparison) []string {
	var out []string
	for _, r := range c.Rows {
		var parts []string
		for i, cell := range r.Cells {
			if len(cell) > 0 {
				parts = append(parts, fmt.Sprintf("%s%v", c.Reports[i].Name, cell))
			}
		}
		sort.Strings(parts)
		out = append(out, strings.Join(parts, " "))
	}
	sort.Strings(out)
	return out
}

func permutations(n int) [][]int {
	if n == 1 {
		return [][]int{{0}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for i := 0; i <= len(p); i++ {
			q := append(append(append([]int{}, p[:i]...), n-1), p[i:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestRowsDoNotDependOnReportOrder(t *testing.T) {
	docs := loadDir(t, devEvent)
	if len(docs) != 4 {
		t.Fatalf("want a 4-report event, got %d", len(docs))
	}
	base, err := Compare(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := rowSet(base)
	perms := permutations(4)
	if len(perms) != 24 {
		t.Fatalf("got %d permutations", len(perms))
	}
	for _, perm := range perms {
		in := make([]*ingest.Document, len(docs))
		for i, k := range perm {
			in[i] = docs[k]
		}
		c, err := Compare(context.Background(), in, Options{})
		if err != nil {
			t.Fatal(err)
		}
		got := rowSet(c)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("order %v gives other rows:\n%s\nwant:\n%s", perm, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

func TestEverySentenceInExactlyOneRow(t *testing.T) {
	docs := loadDir(t, devEvent)
	c, err := Compare(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[[2]int]int{}
	for ri, r := range c.Rows {
		if len(r.Cells) != len(c.Reports) {
			t.Fatalf("row %d has %d cells for %d reports", ri, len(r.Cells), len(c.Reports))
		}
		for rep, cell := range r.Cells {
			for _, i := range cell {
				seen[[2]int{rep, i}]++
			}
		}
	}
	for rep, r := range c.Reports {
		for i, s := range r.Sentences {
			if n := seen[[2]int{rep, i}]; n != 1 {
				t.Errorf("%s sentence %d (%q) is in %d rows", r.Name, i, s.Text, n)
			}
			raw := docs[rep].Raw[s.Start:s.End]
			if strings.Join(strings.Fields(string(raw)), " ") != s.Text {
				t.Errorf("%s sentence %d: offsets give %q, text is %q", r.Name, i, raw, s.Text)
			}
		}
	}
	for _, d := range c.Differences {
		for _, sp := range d.Spans {
			raw := string(docs[sp.Report].Raw[sp.Start:sp.End])
			if strings.Join(strings.Fields(raw), " ") != sp.Text {
				t.Errorf("difference span %+v: offsets give %q", sp, raw)
			}
		}
	}
}

func TestRowsFollowReadingOrderOfFirstReport(t *testing.T) {
	docs := loadDir(t, devEvent)
	c, err := Compare(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	last := -1
	for _, r := range c.Rows {
		for _, i := range r.Cells[0] {
			if i < last {
				t.Fatalf("first report's sentence %d comes after %d", i, last)
			}
			last = i
		}
	}
}

func TestManualLinksAndUnlinksAreHonoured(t *testing.T) {
	docs := loadDir(t, devEvent)
	c, err := Compare(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rowOf := func(c *Comparison, rep, i int) int {
		for ri, r := range c.Rows {
			for _, k := range r.Cells[rep] {
				if k == i {
					return ri
				}
			}
		}
		return -1
	}
	// Link the last sentence of report 0 with the last of report 1.
	a := SentenceRef{0, len(c.Reports[0].Sentences) - 1}
	b := SentenceRef{1, len(c.Reports[1].Sentences) - 1}
	linked, err := Compare(context.Background(), docs, Options{Links: []Link{{a, b}}})
	if err != nil {
		t.Fatal(err)
	}
	if rowOf(linked, 0, a.Sentence) != rowOf(linked, 1, b.Sentence) {
		t.Errorf("linked sentences are in different rows")
	}
	// Unlink the headline of report 0: it must stand alone.
	un, err := Compare(context.Background(), docs, Options{Unlinks: []SentenceRef{{0, 0}}})
	if err != nil {
		t.Fatal(err)
	}
	r := un.Rows[rowOf(un, 0, 0)]
	for rep := 1; rep < len(r.Cells); rep++ {
		if len(r.Cells[rep]) > 0 {
			t.Errorf("unlinked headline still shares its row with report %d", rep)
		}
	}
}

func TestCompareNeedsTwoReports(t *testing.T) {
	d, err := ingest.Parse("one", []byte("Only one report.\n"), ingest.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Compare(context.Background(), []*ingest.Document{d}, Options{}); err == nil {
		t.Fatal("one report compared without error")
	}
}

func TestCompareHonoursCancellation(t *testing.T) {
	docs := loadDir(t, devEvent)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Compare(ctx, docs, Options{}); err == nil {
		t.Fatal("cancelled comparison returned no error")
	}
}

func TestMain(m *testing.M) {
	if _, err := os.Stat(devEvent); err != nil {
		fmt.Fprintf(os.Stderr, "framing tests need the shared evaluation set at %s: %v\n", devEvent, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func TestSameInputSameOutput(t *testing.T) {
	for _, dir := range []string{devEvent, "../../shared/eval/dev/refinery-strike-france/reports", "../testdata/events/middle-east-jenin-camp-operation-2023/reports"} {
		docs := loadDir(t, dir)
		var first []byte
		for i := 0; i < 6; i++ {
			c, err := Compare(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := json.Marshal(c)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = got
			} else if !bytes.Equal(got, first) {
				t.Fatalf("%s: run %d gives other output than run 0", dir, i)
			}
		}
	}
}

func TestSegmentMatchesCompare(t *testing.T) {
	docs := loadDir(t, devEvent)
	c, err := Compare(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, d := range docs {
		got := Segment(d)
		want := c.Reports[i].Sentences
		if len(got) != len(want) {
			t.Fatalf("%s: %d sentences, Compare has %d", d.Name, len(got), len(want))
		}
		for k := range got {
			if got[k] != want[k] {
				t.Errorf("%s sentence %d: %+v, Compare has %+v", d.Name, k, got[k], want[k])
			}
		}
	}
}
