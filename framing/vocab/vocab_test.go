package vocab

import (
	"strings"
	"testing"
)

func TestBundledIsValid(t *testing.T) {
	v, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Concepts) < 100 || len(v.Fields) < 50 || len(v.Loaded) < 300 || len(v.Reporting) < 100 || len(v.Quantities) < 10 {
		t.Errorf("the bundled vocabulary is too small: %d concepts, %d fields, %d loaded words, %d reporting verbs, %d quantities",
			len(v.Concepts), len(v.Fields), len(v.Loaded), len(v.Reporting), len(v.Quantities))
	}
	// A few entries the engine relies on.
	if v.Loaded["so-called"] == "" || !v.Reporting["claimed"] || v.Reporting["said"] {
		t.Error("so-called, claimed or said is missing or misfiled")
	}
	if q := v.Quantities["dozens"]; q[0] != 24 || q[1] != 99 {
		t.Errorf("dozens = %v, want 24-99", q)
	}
}

func TestParseReportsProblemsByLine(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string // substrings of the errors, in line order
	}{
		{"unknown record", "# comment\nsynonym: a b\n", []string{"test:2: unknown record \"synonym\""}},
		{"no colon", "concept plant station\n", []string{"test:1: expected a record"}},
		{"upper case", "concept: Plant station\n", []string{"test:1: concept: \"Plant\" is not a lower-case word"}},
		{"twice in one group", "concept: plant plant\n", []string{"test:1: concept: \"plant\" is listed twice"}},
		{"two groups", "concept: plant station\nconcept: plant factory\n", []string{"test:2: concept: \"plant\" is already in the concept group of line 1"}},
		{"field shape", "field: force | neutral: attack\n", []string{"test:1: field: expected"}},
		{"neutral and loaded", "field: force | neutral: raid attack | loaded: raid\n", []string{"test:1: field force: \"raid\" is both neutral and loaded"}},
		{"loaded category", "loaded: | evil\n", []string{"test:1: loaded: expected"}},
		{"two categories", "loaded: emotive | evil\nloaded: label | evil\n", []string{"test:2: loaded label: \"evil\" is already in category emotive"}},
		{"reporting kind", "reporting: sly | claimed\n", []string{"test:1: reporting: expected"}},
		{"reporting both", "reporting: neutral | said\nreporting: loaded | said\n", []string{"test:2: reporting loaded: \"said\" is both neutral and loaded"}},
		{"reversed range", "quantity: dozens 99-24\n", []string{"test:1: quantity dozens: the range 99-24 is reversed"}},
		{"bad range", "quantity: dozens many\n", []string{"test:1: quantity dozens: \"many\" is not a range"}},
		{"concept and loaded", "concept: regime government\nloaded: label | regime\n", []string{"test:1: concept: \"regime\" is also a loaded word"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, errs := Parse("test", []byte(tc.data))
			if len(errs) != len(tc.want) {
				t.Fatalf("got %d errors %v, want %d", len(errs), errs, len(tc.want))
			}
			for i, w := range tc.want {
				if !strings.Contains(errs[i].Error(), w) {
					t.Errorf("error %d = %q, want it to contain %q", i, errs[i], w)
				}
			}
		})
	}
}

func TestParseReadsRecords(t *testing.T) {
	v, errs := Parse("test", []byte(`# a comment
concept: plant station
field: use of force | neutral: attack strike | loaded: raid assault
loaded: doubt | so-called alleged
reporting: neutral | said says
reporting: loaded | claimed
quantity: dozens 24-99 | a-few 3-9
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if len(v.Concepts) != 1 || strings.Join(v.Concepts[0], " ") != "plant station" {
		t.Errorf("concepts = %v", v.Concepts)
	}
	if len(v.Fields) != 1 || v.Fields[0].Name != "use of force" || len(v.Fields[0].Neutral) != 2 || len(v.Fields[0].Loaded) != 2 {
		t.Errorf("fields = %+v", v.Fields)
	}
	if v.Loaded["alleged"] != "doubt" || !v.Reporting["claimed"] || v.Reporting["says"] {
		t.Errorf("loaded = %v, reporting = %v", v.Loaded, v.Reporting)
	}
	if v.Quantities["a-few"] != [2]float64{3, 9} {
		t.Errorf("quantities = %v", v.Quantities)
	}
}
