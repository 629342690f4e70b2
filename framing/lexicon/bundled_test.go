package lexicon

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"framelens/assets"
)

func bundled(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestBundledParses(t *testing.T) {
	if _, errs := Parse("lexicon.yaml", assets.Lexicon); len(errs) > 0 {
		for _, e := range errs {
			t.Error(e)
		}
	}
}

func TestBundledContents(t *testing.T) {
	l := bundled(t)
	contested := map[string]bool{}
	langs := map[string]map[string]bool{}
	for _, e := range l.Entries {
		if e.Kind == KindContested {
			contested[e.ID] = true
		}
		if langs[e.ID] == nil {
			langs[e.ID] = map[string]bool{}
		}
		langs[e.ID][e.Lang] = true
		if e.Origin != BundledOrigin || e.Line <= 0 {
			t.Errorf("%s/%s: origin %q line %d", e.ID, e.Lang, e.Origin, e.Line)
		}
		if len(e.Sources) == 0 || e.Sources[0].Title == "" {
			t.Errorf("%s/%s has no source", e.ID, e.Lang)
		}
		if e.Note == "" {
			t.Errorf("%s/%s has no note", e.ID, e.Lang)
		}
		for _, term := range e.Terms {
			for _, u := range term.UsedBy {
				if !isNamed(labels, u) {
					t.Errorf("%s/%s term %q: used_by label %q is not documented in Labels()", e.ID, e.Lang, term.Term, u)
				}
			}
		}
	}
	ids := l.IDs()
	if !sort.StringsAreSorted(ids) || len(ids) != len(langs) {
		t.Errorf("IDs() = %d ids, sorted %v; want the %d distinct ids, sorted", len(ids), sort.StringsAreSorted(ids), len(langs))
	}
	if len(contested) < 60 {
		t.Errorf("bundled lexicon has %d contested referents, want at least 60", len(contested))
	}
	for id, want := range map[string][]string{
		"war-in-ukraine":     {"en", "ru", "uk", "zh-Hans"},
		"kyiv":               {"en", "ru", "uk"},
		"crimea-2014":        {"en", "ru", "uk", "zh-Hans"},
		"taiwan-unification": {"en", "zh-Hans"},
	} {
		for _, lang := range want {
			if !langs[id][lang] {
				t.Errorf("referent %s has no %s entry", id, lang)
			}
		}
	}
	for _, k := range []string{KindModifier, KindLoaded, KindAttribution} {
		found := false
		for _, e := range l.Entries {
			found = found || e.Kind == k
		}
		if !found {
			t.Errorf("no bundled entry of kind %s", k)
		}
	}
}

// TestBundledTermsFindThemselves checks every bundled term: its display
// form, written in a sentence, is found as that term of that entry. It
// catches patterns that do not match what they claim to name.
func TestBundledTermsFindThemselves(t *testing.T) {
	for _, e := range bundled(t).Entries {
		// A copy without context gate, compiled afresh.
		c := *e
		c.Context, c.pats = nil, nil
		m := (&Lexicon{Entries: []*Entry{&c}}).Matcher()
		for ti, term := range e.Terms {
			text := "« " + term.Term + " »"
			found := false
			for _, h := range m.Find(text) {
				found = found || h.Term == ti
			}
			if !found {
				t.Errorf("%s/%s (line %d): term %q is not found in %q: %s", e.ID, e.Lang, e.Line, term.Term, text, describe(text, m.Find(text)))
			}
		}
	}
}

// TestBundledOnReports runs the bundled lexicon over the sample case and
// checks the terms a reader would expect each outlet's report to use.
func TestBundledOnReports(t *testing.T) {
	reports := caseReports(t)
	m := bundled(t).Matcher(reports...)
	names := caseNames(t)
	want := map[string][]string{
		"moscow.txt":  {"kyiv:Kiev", "war-in-ukraine:special military operation", "ukrainian-government:Kyiv regime", "annexation-2022:new regions", "crimea-2014:reunification", "ukrainian-forces:Ukrainian militants", "zaporizhzhia:Zaporozhye", "enerhodar:Energodar", "bakhmut:Artemovsk", "emotive-verbs:slammed"},
		"wire.txt":    {"kyiv:Kyiv", "war-in-ukraine:full-scale invasion", "unverified-reports:could not be independently verified", "zaporizhzhia:Zaporizhzhia", "enerhodar:Enerhodar", "crimea-2014:annexation"},
		"beijing.txt": {"war-in-ukraine:Ukraine crisis", "war-in-ukraine:conflict in Ukraine", "kyiv:Kiev", "donbas:Donbass"},
		"kyiv.txt":    {"russian-forces:occupiers", "war-in-ukraine:war of aggression", "referendums-2022:so-called referendums", "maidan-2014:Revolution of Dignity", "child-deportation:deportation", "aggression-epithets:brutal"},
		"ria.txt":     {"kyiv:Киев", "war-in-ukraine:специальная военная операция", "crimea-2014:воссоединение", "ukraine-preposition:на Украине", "war-in-ukraine:украинский кризис", "reporting-verbs:заявил", "reporting-verbs:утверждает"},
	}
	for i, text := range reports {
		got := map[string]bool{}
		for _, h := range m.Find(text) {
			got[h.Entry.ID+":"+h.Entry.Terms[h.Term].Term] = true
		}
		for _, w := range want[names[i]] {
			if !got[w] {
				keys := make([]string, 0, len(got))
				for k := range got {
					keys = append(keys, k)
				}
				sort.Strings(keys)
				t.Errorf("%s: %s not found; found %s", names[i], w, strings.Join(keys, ", "))
			}
		}
	}
}

func caseNames(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "case", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no case fixtures: %v", err)
	}
	for i, f := range files {
		files[i] = filepath.Base(f)
	}
	return files
}

func caseReports(t testing.TB) []string {
	t.Helper()
	var out []string
	for _, name := range caseNames(t) {
		data, err := os.ReadFile(filepath.Join("testdata", "case", name))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(data))
	}
	return out
}

// benchCase returns 20 reports of about 25 sentences: the five fixture
// reports, four times over with the sentences in rotated order.
func benchCase(b *testing.B) []string {
	base := caseReports(b)
	var out []string
	for k := 0; len(out) < 20; k++ {
		for _, r := range base {
			s := strings.SplitAfter(r, ". ")
			n := k % len(s)
			out = append(out, strings.Join(append(s[n:], s[:n]...), ""))
		}
	}
	return out[:20]
}

// BenchmarkFind scans a 20-report case with the bundled lexicon; one
// iteration is the whole case (target: well under 20 ms).
func BenchmarkFind(b *testing.B) {
	reports := benchCase(b)
	m := bundled(b).Matcher(reports...)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, r := range reports {
			m.Find(r)
		}
	}
}

// BenchmarkMatcher makes the matcher of a 20-report case (context gating)
// from an already compiled lexicon.
func BenchmarkMatcher(b *testing.B) {
	reports := benchCase(b)
	l := bundled(b)
	l.Matcher()
	b.ResetTimer()
	for b.Loop() {
		l.Matcher(reports...)
	}
}

// BenchmarkBundled parses and compiles the bundled lexicon, the start-up
// cost of the program.
func BenchmarkBundled(b *testing.B) {
	for b.Loop() {
		l, errs := Parse(BundledOrigin, assets.Lexicon)
		if len(errs) > 0 {
			b.Fatal(errs)
		}
		l.Matcher()
	}
}

// TestSchemaDocumented checks that assets/lexicon/SCHEMA.md names every
// category, kind, connotation and label the code accepts, and every field.
func TestSchemaDocumented(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "assets", "lexicon", "SCHEMA.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	var want []string
	for _, list := range [][]Named{Categories(), Connotations(), Labels()} {
		for _, n := range list {
			want = append(want, n.Name)
		}
	}
	want = append(want, kinds...)
	want = append(want, entryFields...)
	want = append(want, termFields...)
	want = append(want, topFields...)
	for _, w := range want {
		if !strings.Contains(doc, "`"+w+"`") {
			t.Errorf("SCHEMA.md does not document %q", w)
		}
	}
}

// TestBundledFalseFriends checks that the bundled exceptions and context
// gates keep common false friends out of the results.
func TestBundledFalseFriends(t *testing.T) {
	l := bundled(t)
	tests := []struct {
		caseText, text, notEntry, wantEntry string
	}{
		{"Ukraine", "He ordered chicken Kiev.", "kyiv", ""},
		{"Ukraine", "Kievan Rus was a medieval state.", "kyiv", "kyivan-rus"},
		{"Ukraine", "Investigators documented war crimes.", "war-in-ukraine", ""},
		{"Ukraine", "The war goes on.", "", "war-in-ukraine"},
		{"", "The war goes on.", "war-in-ukraine", ""},
		{"Russia", "The sanctions regime was tightened.", "regime-label", ""},
		{"Syria", "The regime said so.", "", "regime-label"},
		{"Workers and trade union members walked out over pay.", "A missile strike hit the depot.", "strike-action", ""},
		{"Workers and trade union members walked out over pay.", "The strike entered its third day.", "", "strike-action"},
		{"", "A storm hit the Gulf Coast.", "persian-gulf", ""},
		{"", "He moved to Odessa, Texas.", "odesa", ""},
		{"", "Odessa and Odesa", "", "odesa"},
		{"Taiwan", "Xi spoke of reunification.", "", "taiwan-unification"},
		{"Germany", "Xi spoke of reunification.", "taiwan-unification", ""},
	}
	for _, tt := range tests {
		m := l.Matcher(tt.caseText, tt.text)
		found := map[string]bool{}
		for _, h := range m.Find(tt.text) {
			found[h.Entry.ID] = true
		}
		if tt.notEntry != "" && found[tt.notEntry] {
			t.Errorf("case %q: %q should not hit %s", tt.caseText, tt.text, tt.notEntry)
		}
		if tt.wantEntry != "" && !found[tt.wantEntry] {
			t.Errorf("case %q: %q should hit %s", tt.caseText, tt.text, tt.wantEntry)
		}
	}
}
