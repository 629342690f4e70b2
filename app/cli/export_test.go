package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// compareJSON runs the comparison and decodes the stable contract.
func compareJSON(t *testing.T, paths []string) (string, struct {
	Rows        []json.RawMessage
	Differences []struct{ Framing bool }
}) {
	t.Helper()
	code, out, errs := run(append([]string{"--format", "json"}, paths...)...)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got struct {
		Rows        []json.RawMessage
		Differences []struct{ Framing bool }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	return out, got
}

func TestCompareExportsFiles(t *testing.T) {
	paths := reports(t)
	contract, cmp := compareJSON(t, paths)
	framingDiffs := 0
	for _, d := range cmp.Differences {
		if d.Framing {
			framingDiffs++
		}
	}
	tests := []struct {
		format string
		flags  []string
		check  func(t *testing.T, data []byte)
	}{
		{"html", nil, func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte("<!DOCTYPE html>")) || !bytes.Contains(data, []byte("<h1>Balloon case</h1>")) {
				t.Error("not an HTML report with the case title")
			}
			if n := bytes.Count(data, []byte(`<tbody id="row-`)); n != len(cmp.Rows) {
				t.Errorf("%d rows, want %d", n, len(cmp.Rows))
			}
		}},
		{"html", []string{"--framing-only"}, func(t *testing.T, data []byte) {
			if n := bytes.Count(data, []byte(`<tbody id="row-`)); n == 0 || n != bytes.Count(data, []byte(`class="row framing"`)) || n >= len(cmp.Rows) {
				t.Errorf("%d rows shown, %d framing, of %d", n, bytes.Count(data, []byte(`class="row framing"`)), len(cmp.Rows))
			}
		}},
		{"md", nil, func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte("# Balloon case\n")) {
				t.Errorf("Markdown starts %q", data[:min(40, len(data))])
			}
			if n := bytes.Count(data, []byte("\n### Row ")); n != len(cmp.Rows) {
				t.Errorf("%d row blocks, want %d", n, len(cmp.Rows))
			}
		}},
		{"csv", []string{"--framing-only"}, func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte("\xef\xbb\xbfrow,difference,kind,framing,")) {
				t.Fatalf("not the differences CSV: %q", data[:min(60, len(data))])
			}
			recs, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			seen := map[string]bool{}
			for _, rec := range recs[1:] {
				if rec[3] != "true" {
					t.Errorf("--framing-only wrote a %s difference that does not frame", rec[2])
				}
				seen[rec[1]] = true
			}
			if len(seen) != framingDiffs {
				t.Errorf("%d framing differences written, want %d", len(seen), framingDiffs)
			}
		}},
		{"json", nil, func(t *testing.T, data []byte) {
			if !bytes.HasPrefix(data, []byte(strings.TrimSuffix(contract, "\n}\n"))) {
				t.Error("the JSON file does not start with the contract printed to standard output")
			}
			var doc struct {
				Case  struct{ Name string }
				Notes []json.RawMessage
			}
			if err := json.Unmarshal(data, &doc); err != nil || doc.Case.Name != "Balloon case" || doc.Notes == nil {
				t.Errorf("case %+v, notes %v, err %v", doc.Case, doc.Notes, err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.format+strings.Join(tt.flags, ""), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "export."+tt.format)
			args := append([]string{"--format", tt.format, "--title", "Balloon case", "--out", out}, tt.flags...)
			code, stdout, errs := run(append(args, paths...)...)
			if code != ExitOK || stdout != "" {
				t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errs)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, data)
		})
	}
}

func TestCompareExportIsReproducible(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1741766400")
	paths := reports(t)
	for _, format := range []string{"html", "md", "csv"} {
		_, a, _ := run(append([]string{"--format", format}, paths...)...)
		_, b, _ := run(append([]string{"--format", format}, paths...)...)
		if a != b || a == "" {
			t.Errorf("--format %s: two runs differ (or are empty)", format)
		}
		if format != "csv" && !strings.Contains(a, "Generated 2025-03-12 08:00 UTC") {
			t.Errorf("--format %s does not show the time of SOURCE_DATE_EPOCH", format)
		}
	}
}
