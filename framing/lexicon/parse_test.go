package lexicon

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// defectLine returns the line of the fixture marked "# defect".
func defectLine(t *testing.T, data []byte) int {
	t.Helper()
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, "# defect") {
			return i + 1
		}
	}
	t.Fatal("fixture has no line marked # defect")
	return 0
}

// TestParseMalformed checks, for one fixture per defect, that Parse reports
// exactly one problem, on the marked line, naming the entry and field, and
// that the correct entry of the file survives.
func TestParseMalformed(t *testing.T) {
	tests := []struct {
		file  string
		entry string // "" for a problem of the whole file
		field string
		want  string // substring of the problem
		kept  []string
	}{
		{"unknown-category", "bad", "category", `unknown category "place-names"`, []string{"good"}},
		{"missing-term", "bad", "terms[2].term", "missing", []string{"good"}},
		{"bad-regexp", "bad", "terms[2].match[1]", "missing closing )", []string{"good"}},
		{"duplicate-id", "good", "id", "duplicate", []string{"good"}},
		{"missing-sources", "bad", "sources", "missing", []string{"good"}},
		{"empty-sources", "bad", "sources", "empty", []string{"good"}},
		{"unknown-field", "bad", "exeptions", `did you mean "exceptions"`, []string{"good"}},
		{"one-term", "bad", "terms", "at least two competing terms", []string{"good"}},
		{"bad-url", "bad", "sources[1].url", "not an absolute http or https URL", []string{"good"}},
		{"unknown-connotation", "bad", "terms[1].connotation", `unknown connotation "friendly"`, []string{"good"}},
		{"word-boundary", "bad", "terms[1].match[1]", `\b is not allowed`, []string{"good"}},
		{"empty-match", "bad", "terms[1].match[1]", "matches empty text", []string{"good"}},
		{"attribution-no-neutral", "bad", "terms", "at least one neutral verb", []string{"good"}},
		{"neutral-in-contested", "bad", "terms[1].neutral", "only entries of kind attribution", []string{"good"}},
		{"inconsistent-category", "good", "category", `the en entry of the same id`, []string{"good"}},
		{"bad-lang", "bad", "lang", "not a language tag", []string{"good"}},
		{"missing-used-by", "bad", "terms[2].used_by", "missing", []string{"good"}},
		{"unknown-kind", "bad", "kind", `unknown kind "hedge"`, []string{"good"}},
		{"bad-context", "bad", "context[2]", "missing closing )", []string{"good"}},
		{"bad-exception", "bad", "exceptions[1]", "is not allowed", []string{"good"}},
		{"terms-not-list", "bad", "terms", "must be a list", []string{"good"}},
		{"bad-stem", "bad", "terms[1].stem", "true or false", []string{"good"}},
		{"duplicate-term", "bad", "terms[2].term", "already the term", []string{"good"}},
		{"duplicate-key", "bad", "note", "given twice", []string{"good"}},
		{"alias", "bad", "terms[1].used_by", "aliases are not supported", []string{"good"}},
		{"missing-id", "#2", "id", "missing", []string{"good"}},
		{"schema-version", "", "schema_version", "must be 1", []string{"good"}},
		{"syntax", "", "", "YAML syntax", nil},
		{"two-documents", "", "", "one YAML document", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file+".yaml")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			l, errs := Parse(path, data)
			if len(errs) != 1 {
				t.Fatalf("got %d problems, want 1: %v", len(errs), errs)
			}
			var pe *Error
			if !errors.As(errs[0], &pe) {
				t.Fatalf("problem %v is not an *Error", errs[0])
			}
			if want := defectLine(t, data); pe.Line != want {
				t.Errorf("line = %d, want %d (%v)", pe.Line, want, pe)
			}
			if pe.Entry != tt.entry || pe.Field != tt.field || pe.File != path {
				t.Errorf("got file %q entry %q field %q, want %q %q %q", pe.File, pe.Entry, pe.Field, path, tt.entry, tt.field)
			}
			if !strings.Contains(pe.Problem, tt.want) {
				t.Errorf("problem %q does not say %q", pe.Problem, tt.want)
			}
			msg := pe.Error()
			prefix := path + ":"
			if !strings.HasPrefix(msg, prefix) || (tt.field != "" && !strings.Contains(msg, "field "+tt.field+": ")) {
				t.Errorf("message %q does not read FILE:LINE: entry ID field FIELD: problem", msg)
			}
			var ids []string
			for _, e := range l.Entries {
				ids = append(ids, e.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tt.kept, ",") {
				t.Errorf("kept entries %v, want %v", ids, tt.kept)
			}
		})
	}
}

func TestParseEmpty(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "   \n"} {
		l, errs := Parse("empty.yaml", []byte(data))
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "empty") {
			t.Errorf("Parse(%q) = %v, want one 'empty' problem", data, errs)
		}
		if l == nil || len(l.Entries) != 0 {
			t.Errorf("Parse(%q) should return an empty lexicon", data)
		}
	}
}

// TestParseKeepsGoodEntries checks that every bad entry of a file is
// reported and dropped while the good ones are kept, with their lines.
func TestParseKeepsGoodEntries(t *testing.T) {
	path := filepath.Join("testdata", "several-problems.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, errs := Parse(path, data)
	var got []string
	for _, e := range errs {
		var pe *Error
		if !errors.As(e, &pe) {
			t.Fatalf("%v is not an *Error", e)
		}
		got = append(got, pe.Entry+" "+pe.Field)
	}
	want := []string{"kharkiv sources", "kharkiv category", "luhansk terms[1].match[1]"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("problems %q, want %q", got, want)
	}
	var ids []string
	for _, e := range l.Entries {
		ids = append(ids, e.ID)
		if e.Origin != path || e.Line <= 0 {
			t.Errorf("entry %s: origin %q line %d", e.ID, e.Origin, e.Line)
		}
	}
	if strings.Join(ids, ",") != "kyiv,odesa" {
		t.Errorf("kept %v, want kyiv, odesa", ids)
	}
	m := l.Matcher()
	if hits := m.Find("Odessa and Kiev"); len(hits) != 2 {
		t.Errorf("the kept entries should still match: %v", hits)
	}
}

func TestParseFields(t *testing.T) {
	path := filepath.Join("testdata", "match.yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l, errs := Parse(path, data)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var war, verbs, ru *Entry
	for _, e := range l.Entries {
		switch {
		case e.ID == "war-in-ukraine":
			war = e
		case e.ID == "reporting-verbs":
			verbs = e
		case e.ID == "kyiv" && e.Lang == "ru":
			ru = e
		}
	}
	if war == nil || verbs == nil || ru == nil {
		t.Fatal("fixture entries missing")
	}
	if war.Kind != KindContested || war.Category != "conflict-naming" || war.Domain != "russia-ukraine" {
		t.Errorf("war entry: kind %q category %q domain %q", war.Kind, war.Category, war.Domain)
	}
	if len(war.Context) != 2 || len(war.Exceptions) != 2 || len(war.Terms) != 4 || war.Terms[0].Match[0] != "special military operations?" {
		t.Errorf("war entry lists: %+v", war)
	}
	if war.Terms[1].UsedBy[0] != "ua-gov" || war.Sources[0].Title != "UN resolution ES-11/1" {
		t.Errorf("war entry terms or sources: %+v %+v", war.Terms[1], war.Sources)
	}
	if verbs.Kind != KindAttribution || !verbs.Terms[0].Neutral || verbs.Terms[1].Neutral {
		t.Errorf("attribution entry: %+v", verbs)
	}
	if !ru.Terms[0].Stem || ru.Lang != "ru" {
		t.Errorf("ru entry: %+v", ru)
	}
	if war.Line != 32 {
		t.Errorf("war entry line = %d, want 32", war.Line)
	}
}

func TestLoad(t *testing.T) {
	l, err := Load(filepath.Join("testdata", "match.yaml"))
	if err != nil {
		t.Fatalf("Load(match.yaml): %v", err)
	}
	if len(l.Entries) == 0 {
		t.Fatal("no entries loaded")
	}

	path := filepath.Join("testdata", "several-problems.yaml")
	_, err = Load(path)
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Load(%s) error %v, want *LoadError", path, err)
	}
	if len(le.Problems) != 3 {
		t.Errorf("got %d problems, want 3", len(le.Problems))
	}
	msg := err.Error()
	for _, want := range []string{"3 problems", path + ":", "field category", "field sources", "field terms[1].match[1]"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q does not mention %q", msg, want)
		}
	}

	if _, err := Load(filepath.Join("testdata", "no-such-file.yaml")); err == nil || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error %v, want one wrapping os.ErrNotExist", err)
	}
	if _, err := Load("testdata"); err == nil {
		t.Error("a directory must be refused")
	}
}

func TestMerge(t *testing.T) {
	base, errs := Parse("base", []byte(`
entries:
  - {id: kyiv, lang: en, domain: d, category: place-name, referent: capital, terms: [{term: Kiev, used_by: [a]}, {term: Kyiv, used_by: [b]}], sources: [{title: s}]}
  - {id: kyiv, lang: ru, domain: d, category: place-name, referent: capital, terms: [{term: Киев, used_by: [a]}, {term: Київ, used_by: [b]}], sources: [{title: s}]}
  - {id: odesa, lang: en, domain: d, category: place-name, referent: port, terms: [{term: Odessa, used_by: [a]}, {term: Odesa, used_by: [b]}], sources: [{title: s}]}
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	user, errs := Parse("user", []byte(`
entries:
  - {id: kyiv, lang: en, domain: d, category: place-name, referent: capital city, terms: [{term: Kyiv, used_by: [b]}, {term: Kyjiw, used_by: [c]}], sources: [{title: s}]}
  - {id: lviv, lang: en, domain: d, category: place-name, referent: city, terms: [{term: Lvov, used_by: [a]}, {term: Lviv, used_by: [b]}], sources: [{title: s}]}
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m := Merge(base, nil, user)
	var got []string
	for _, e := range m.Entries {
		got = append(got, e.ID+"/"+e.Lang+"/"+e.Origin)
	}
	want := "kyiv/en/user kyiv/ru/base odesa/en/base lviv/en/user"
	if strings.Join(got, " ") != want {
		t.Errorf("Merge = %v, want %v", got, want)
	}
	hits := m.Matcher().Find("Kiev, Kyjiw, Lviv")
	var terms []string
	for _, h := range hits {
		terms = append(terms, h.Entry.Terms[h.Term].Term)
	}
	if strings.Join(terms, ",") != "Kyjiw,Lviv" {
		t.Errorf("merged matcher found %v, want the replaced entry's terms only", terms)
	}
	if len(base.Entries) != 3 || base.Entries[0].Origin != "base" {
		t.Error("Merge must not modify its inputs")
	}
	if got := Merge(); len(got.Entries) != 0 {
		t.Error("Merge() should be empty")
	}
}
