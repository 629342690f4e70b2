package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
)

func TestSafeCell(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"plain", "plain"},
		{"=1+1", "'=1+1"},
		{`=HYPERLINK("http://evil.example","x")`, `'=HYPERLINK("http://evil.example","x")`},
		{"+cmd", "'+cmd"},
		{"-2+3", "'-2+3"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"\r=1", "'\r=1"},
		{"＝1+1", "'＝1+1"},
		{"a=1", "a=1"},
		{"'quoted", "'quoted"},
		{"12", "12"},
	}
	for _, tt := range tests {
		if got := SafeCell(tt.in); got != tt.want {
			t.Errorf("SafeCell(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// readCSV checks the byte-order mark and CRLF line ends and parses the
// records.
func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatal("the CSV does not start with a UTF-8 byte-order mark")
	}
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Error("the CSV lines do not end with CRLF")
	}
	r := csv.NewReader(bytes.NewReader(data[3:]))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("the CSV does not parse: %v", err)
	}
	return recs
}

func TestDifferencesCSVCoversEveryDifference(t *testing.T) {
	c := loadCase(t)
	cmp := c.Comparison
	for _, framingOnly := range []bool{false, true} {
		var b bytes.Buffer
		if err := DifferencesCSV(&b, c, Options{FramingOnly: framingOnly}); err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, b.Bytes())
		header := recs[0]
		col := map[string]int{}
		for i, h := range header {
			col[h] = i
		}
		if len(header) != 11+len(cmp.Reports) {
			t.Fatalf("%d columns, want %d: %v", len(header), 11+len(cmp.Reports), header)
		}
		seen := map[int]bool{}
		for _, rec := range recs[1:] {
			di, err := strconv.Atoi(rec[col["difference"]])
			if err != nil || di < 1 || di > len(cmp.Differences) {
				t.Fatalf("bad difference number %q", rec[col["difference"]])
			}
			d := cmp.Differences[di-1]
			seen[di-1] = true
			if rec[col["row"]] != strconv.Itoa(d.Row+1) || rec[col["kind"]] != string(d.Kind) || rec[col["framing"]] != strconv.FormatBool(d.Framing) {
				t.Errorf("difference %d: row %s kind %s framing %s, want %d %s %v", di, rec[col["row"]], rec[col["kind"]], rec[col["framing"]], d.Row+1, d.Kind, d.Framing)
			}
			if rec[col["term_a"]] == rec[col["term_b"]] && rec[col["term_b_outlet"]] != "" {
				t.Errorf("difference %d: a line pairs two outlets with the same words %q", di, rec[col["term_a"]])
			}
			for rep, o := range c.Outlets {
				var sents []string
				for _, si := range cmp.Rows[d.Row].Cells[rep] {
					sents = append(sents, cmp.Reports[rep].Sentences[si].Text)
				}
				if got := rec[col["sentence_"+o.Name]]; got != strings.Join(sents, " ") {
					t.Errorf("difference %d, %s: sentence %q", di, o.Name, got)
				}
			}
		}
		for i, d := range cmp.Differences {
			if want := !framingOnly || d.Framing; seen[i] != want {
				t.Errorf("framing only %v: difference %d (%s, framing %v) written %v", framingOnly, i+1, d.Kind, d.Framing, seen[i])
			}
		}
	}
}

func TestCSVNeutralisesFormulas(t *testing.T) {
	c := hostileCase(t)
	for _, f := range []Format{FormatDifferencesCSV, FormatNotesCSV} {
		var b bytes.Buffer
		if err := Write(&b, f, c, Options{}); err != nil {
			t.Fatal(err)
		}
		recs := readCSV(t, b.Bytes())
		found := false
		for _, rec := range recs {
			if len(rec) != len(recs[0]) {
				t.Errorf("%s: a line has %d fields, the header %d", f, len(rec), len(recs[0]))
			}
			for _, cell := range rec {
				if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
					t.Errorf("%s: cell %q would run as a formula", f, cell)
				}
				if strings.HasPrefix(cell, "'=HYPERLINK") || strings.HasPrefix(cell, "'+cmd") || strings.HasPrefix(cell, "'@SUM") {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("%s: the hostile cells are missing", f)
		}
	}
}

func TestNotesCSV(t *testing.T) {
	c := loadCase(t)
	var b bytes.Buffer
	if err := NotesCSV(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	recs := readCSV(t, b.Bytes())
	if len(recs) != len(c.Notes)+1 {
		t.Fatalf("%d lines, want a header and %d notes", len(recs), len(c.Notes))
	}
	for i, n := range c.Notes {
		rec := recs[i+1]
		row := ""
		if n.Report >= 0 {
			row = strconv.Itoa(RowOf(c.Comparison, n.Report, n.Start) + 1)
		}
		outlet := ""
		if n.Report >= 0 {
			outlet = c.Outlets[n.Report].Name
		}
		want := []string{c.Name, row, outlet, n.Kind, n.Quote, strings.Join(n.Tags, "; "), SafeCell(n.Text), n.Created.Format("2006-01-02T15:04:05Z07:00"), n.Updated.Format("2006-01-02T15:04:05Z07:00")}
		for j := range want {
			if rec[j] != want[j] {
				t.Errorf("note %d, column %s: %q, want %q", i, recs[0][j], rec[j], want[j])
			}
		}
	}
}
