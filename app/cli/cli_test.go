package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const event = "../../../shared/eval/dev/balloon-shootdown-2023/reports"

func reports(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(event, "*.txt"))
	if err != nil || len(paths) < 2 {
		t.Fatalf("the shared evaluation set must sit beside the repository (%s): %v", event, err)
	}
	return paths
}

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Compare(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCompareJSONContract(t *testing.T) {
	paths := reports(t)
	code, out, errs := run(append([]string{"--format", "json"}, paths...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Reports []struct {
			Name, Path, Title string
			Sentences         []struct {
				Start, End *int
				Text       string
			}
		}
		Rows []struct {
			Cells [][]int
		}
		Differences []struct {
			Row     *int
			Kind    string
			Framing *bool
			Spans   []struct {
				Report, Start, End *int
				Text               string
			}
		}
		Terms []json.RawMessage
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if len(got.Reports) != len(paths) {
		t.Fatalf("%d reports, want %d", len(got.Reports), len(paths))
	}
	for i, r := range got.Reports {
		if r.Path != paths[i] || r.Name != strings.TrimSuffix(filepath.Base(paths[i]), ".txt") || r.Title == "" {
			t.Errorf("report %d: name %q path %q title %q", i, r.Name, r.Path, r.Title)
		}
		raw, _ := os.ReadFile(paths[i])
		for _, s := range r.Sentences {
			if s.Start == nil || s.End == nil {
				t.Fatal("sentence without offsets")
			}
			if strings.Join(strings.Fields(string(raw[*s.Start:*s.End])), " ") != s.Text {
				t.Errorf("%s: offsets %d-%d do not give %q", r.Name, *s.Start, *s.End, s.Text)
			}
		}
	}
	inRows := map[[2]int]int{}
	for _, row := range got.Rows {
		if len(row.Cells) != len(paths) {
			t.Fatalf("row with %d cells", len(row.Cells))
		}
		for rep, cell := range row.Cells {
			for _, i := range cell {
				inRows[[2]int{rep, i}]++
			}
		}
	}
	for rep, r := range got.Reports {
		for i := range r.Sentences {
			if inRows[[2]int{rep, i}] != 1 {
				t.Errorf("%s sentence %d is in %d rows", r.Name, i, inRows[[2]int{rep, i}])
			}
		}
	}
	framingSeen := false
	for _, d := range got.Differences {
		if d.Row == nil || d.Framing == nil || d.Kind == "" || len(d.Spans) == 0 {
			t.Fatalf("difference missing a field: %+v", d)
		}
		framingSeen = framingSeen || *d.Framing
	}
	if !framingSeen {
		t.Error("no framing difference found in an event full of them")
	}
	if got.Terms == nil {
		t.Error("terms is missing")
	}
}

func TestCompareSameInputSameBytes(t *testing.T) {
	paths := reports(t)
	for _, format := range []string{"json", "text"} {
		_, a, _ := run(append([]string{"--format", format}, paths...)...)
		_, b, _ := run(append([]string{"--format", format}, paths...)...)
		if a != b || a == "" {
			t.Errorf("--format %s: two runs differ (or are empty)", format)
		}
	}
}

func TestCompareTextShowsRowsDifferencesAndTerms(t *testing.T) {
	code, out, errs := run(reports(t)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"== Row 0", "not reported", "! ", "== Terminology"} {
		if !strings.Contains(out, want) {
			t.Errorf("text output lacks %q", want)
		}
	}
}

func TestCompareWritesOutFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "c.json")
	code, stdout, errs := run(append([]string{"--format", "json", "--out", out}, reports(t)...)...)
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errs)
	}
	data, err := os.ReadFile(out)
	if err != nil || !json.Valid(data) {
		t.Fatalf("--out file unreadable or not JSON: %v", err)
	}
}

func TestCompareBadInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Headline\n\nA sentence.\n"))
	good2 := write("good2.txt", []byte("Other headline\n\nAnother sentence.\n"))
	bin := write("photo.txt", []byte{0x89, 'P', 'N', 'G', 0, 0, 0, 1})
	empty := write("empty.txt", nil)
	big := write("big.txt", bytes.Repeat([]byte("word "), 20<<20/5+1))
	badLex := write("lex.yaml", []byte("schema_version: 1\nentries:\n  - id: x\n    bogus: 1\n"))
	tests := []struct {
		name  string
		args  []string
		wants []string
	}{
		{"missing file", []string{good, filepath.Join(dir, "none.txt")}, []string{"none.txt: no such file"}},
		{"directory", []string{good, dir}, []string{dir + ": is a directory"}},
		{"binary", []string{good, bin}, []string{"photo.txt: looks like a binary file"}},
		{"empty", []string{good, empty}, []string{"empty.txt: is empty"}},
		{"too large", []string{good, big}, []string{"big.txt: is 20.0 MB, over the 20.0 MB limit"}},
		{"one report", []string{good}, []string{"at least two report files"}},
		{"none", nil, []string{"at least two report files"}},
		{"several problems", []string{bin, empty, good}, []string{"photo.txt", "empty.txt"}},
		{"bad format", []string{"--format", "xml", good, good2}, []string{"--format \"xml\": use text or json"}},
		{"unknown flag", []string{"--colour", good, good2}, []string{"flag provided but not defined"}},
		{"bad lexicon", []string{"--lexicon", badLex, good, good2}, []string{"lex.yaml:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := run(tt.args...)
			if code != ExitUsage {
				t.Errorf("exit %d, want %d", code, ExitUsage)
			}
			if out != "" {
				t.Errorf("printed output despite the error: %q", out)
			}
			for _, w := range tt.wants {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr %q lacks %q", errs, w)
				}
			}
		})
	}
}

func TestCompareRepairsInvalidUTF8WithWarning(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "latin1.txt")
	b := filepath.Join(dir, "b.txt")
	os.WriteFile(a, []byte("Caf\xe9 talks\n\nThe minister met his counterpart.\n"), 0o644)
	os.WriteFile(b, []byte("Talks\n\nThe minister met his counterpart.\n"), 0o644)
	code, _, errs := run(a, b)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(errs, "latin1") || !strings.Contains(errs, "UTF-8") {
		t.Errorf("no warning naming the file: %q", errs)
	}
}
