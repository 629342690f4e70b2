package export

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"testing"

	"framelens/framing"
)

func TestRowOf(t *testing.T) {
	c := loadCase(t)
	cmp := c.Comparison
	rowOfSentence := map[[2]int]int{}
	for ri, row := range cmp.Rows {
		for rep, cell := range row.Cells {
			for _, si := range cell {
				rowOfSentence[[2]int{rep, si}] = ri
			}
		}
	}
	type probe struct {
		name           string
		report, offset int
		want           int
	}
	var tests []probe
	for rep, r := range cmp.Reports {
		for si, s := range r.Sentences {
			want := rowOfSentence[[2]int{rep, si}]
			tests = append(tests,
				probe{"sentence start", rep, s.Start, want},
				probe{"inside the sentence", rep, (s.Start + s.End) / 2, want},
				probe{"last byte", rep, s.End - 1, want},
			)
			if si+1 < len(r.Sentences) && s.End < r.Sentences[si+1].Start {
				tests = append(tests, probe{"space after the sentence", rep, s.End, want})
			}
		}
		if first := r.Sentences[0]; first.Start > 0 {
			tests = append(tests, probe{"before the first sentence", rep, 0, rowOfSentence[[2]int{rep, 0}]})
		}
	}
	tests = append(tests,
		probe{"negative offset", 0, -1, -1},
		probe{"no such report", len(cmp.Reports), 0, -1},
		probe{"detached note", -1, 10, -1},
	)
	for _, tt := range tests {
		if got := RowOf(cmp, tt.report, tt.offset); got != tt.want {
			t.Errorf("%s: RowOf(report %d, offset %d) = %d, want %d", tt.name, tt.report, tt.offset, got, tt.want)
		}
	}
	if got := RowOf(nil, 0, 0); got != -1 {
		t.Errorf("RowOf(nil) = %d, want -1", got)
	}
}

func TestJSONKeepsTheContract(t *testing.T) {
	c := loadCase(t)
	var contract bytes.Buffer
	enc := json.NewEncoder(&contract)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c.Comparison); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := JSON(&b, c, Options{Generated: generated}); err != nil {
		t.Fatal(err)
	}
	// The contract's bytes open the export unchanged, up to its closing
	// brace; the export goes on with its own fields.
	head := bytes.TrimSuffix(contract.Bytes(), []byte("\n}\n"))
	if !bytes.HasPrefix(b.Bytes(), head) {
		t.Fatal("the JSON export does not start with the comparison contract, byte for byte")
	}
	var got struct {
		Case struct {
			Name, Date, Generated string
			Outlets               []Outlet
		}
		Notes []struct {
			Kind             string
			Report, Row      int
			Start, End       int
			Quote, Text      string
			Tags             []string
			Created, Updated string
		}
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatalf("the export is not JSON: %v", err)
	}
	if got.Case.Name != c.Name || got.Case.Date != c.Date || got.Case.Generated != "2025-03-12T08:00:00Z" {
		t.Errorf("case %+v", got.Case)
	}
	for i, o := range c.Outlets {
		g := got.Case.Outlets[i]
		if g.Name != o.Name || g.URL != o.URL || g.Title != c.Comparison.Reports[i].Title {
			t.Errorf("outlet %d: %+v", i, g)
		}
	}
	if len(got.Notes) != len(c.Notes) {
		t.Fatalf("%d notes, want %d", len(got.Notes), len(c.Notes))
	}
	for i, n := range c.Notes {
		g := got.Notes[i]
		wantRow := RowOf(c.Comparison, n.Report, n.Start)
		if g.Kind != n.Kind || g.Report != n.Report || g.Row != wantRow || g.Start != n.Start || g.End != n.End ||
			g.Quote != n.Quote || g.Text != n.Text || g.Created != n.Created.Format("2006-01-02T15:04:05Z07:00") {
			t.Errorf("note %d: %+v", i, g)
		}
		if !reflect.DeepEqual(g.Tags, append([]string{}, n.Tags...)) {
			t.Errorf("note %d: tags %q, want %q", i, g.Tags, n.Tags)
		}
	}
}

func TestNotesFollowTheirRows(t *testing.T) {
	c := loadCase(t)
	tests := []struct {
		name string
		note Note
		want int
	}{
		{"explicit row", Note{Report: 0, Row: 2, Start: 0}, 2},
		{"row from offsets", Note{Report: 1, Row: -1, Start: c.Notes[1].Start}, RowOf(c.Comparison, 1, c.Notes[1].Start)},
		{"detached", Note{Report: -1, Row: -1}, -1},
		{"row past the end", Note{Report: 0, Row: len(c.Comparison.Rows)}, -1},
	}
	for _, tt := range tests {
		c.Notes = []Note{tt.note}
		v, err := newView(c, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if v.noteRow[0] != tt.want {
			t.Errorf("%s: row %d, want %d", tt.name, v.noteRow[0], tt.want)
		}
	}
}

func TestWriteRefusesBadInput(t *testing.T) {
	for _, f := range Formats {
		if err := Write(&bytes.Buffer{}, f, Case{}, Options{}); !errors.Is(err, errNoComparison) {
			t.Errorf("%s without a comparison: %v", f, err)
		}
		if f.Ext() == "" || f.Label() == string(f) {
			t.Errorf("%s has no extension or label", f)
		}
	}
	c := Case{Comparison: &framing.Comparison{}}
	if err := Write(&bytes.Buffer{}, Format("pdf"), c, Options{}); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// failingWriter fails every write, like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteReportsWriteErrors(t *testing.T) {
	c := loadCase(t)
	for _, f := range Formats {
		if err := Write(failingWriter{}, f, c, Options{}); err == nil {
			t.Errorf("%s: a failed write was not reported", f)
		}
	}
}
