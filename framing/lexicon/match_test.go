package lexicon

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"framelens/assets"
)

// testLexicon loads testdata/match.yaml.
func testLexicon(t testing.TB) *Lexicon {
	t.Helper()
	l, err := Load(filepath.Join("testdata", "match.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// describe renders hits as "id:term=text" for comparison.
func describe(text string, hits []Match) string {
	var parts []string
	for _, h := range hits {
		parts = append(parts, fmt.Sprintf("%s:%s=%s", h.Entry.ID, h.Entry.Terms[h.Term].Term, text[h.Start:h.End]))
	}
	return strings.Join(parts, " | ")
}

func TestFind(t *testing.T) {
	l := testLexicon(t)
	// The case mentions Ukraine, so the war entry is active; it does not
	// mention the West Bank or Jerusalem, so the settlements entry is not.
	m := l.Matcher("A report from Ukraine.")
	tests := []struct {
		name, text, want string
	}{
		{"case", "KYIV, kyiv and Kyiv", "kyiv:Kyiv=KYIV | kyiv:Kyiv=kyiv | kyiv:Kyiv=Kyiv"},
		{"plural", "one migrant, two migrants", "migrants:migrant=migrant | migrants:migrant=migrants"},
		{"plural of multiword term", "asylum seekers and an asylum seeker", "migrants:asylum seeker=asylum seekers | migrants:asylum seeker=asylum seeker"},
		{"plural needs the term's ending", "refugees, refugee", "migrants:refugee=refugees | migrants:refugee=refugee"},
		{"possessive", "Kyiv's mayor and the migrants' camp", "kyiv:Kyiv=Kyiv | migrants:migrant=migrants"},
		{"curly possessive", "Kyiv’s mayor", "kyiv:Kyiv=Kyiv"},
		{"straight apostrophe in term", "Russia's war against Ukraine", "war-in-ukraine:Russia's war against Ukraine=Russia's war against Ukraine"},
		{"curly apostrophe in term", "Russia’s war against Ukraine", "war-in-ukraine:Russia's war against Ukraine=Russia’s war against Ukraine"},
		{"modifier apostrophe in term", "Russiaʼs war against Ukraine", "war-in-ukraine:Russia's war against Ukraine=Russiaʼs war against Ukraine"},
		{"hyphen", "a full-scale invasion", "war-in-ukraine:full-scale invasion=full-scale invasion"},
		{"space for hyphen", "a full scale invasion", "war-in-ukraine:full-scale invasion=full scale invasion"},
		{"en dash for hyphen", "a full–scale invasion", "war-in-ukraine:full-scale invasion=full–scale invasion"},
		{"non-breaking hyphen", "a full‑scale invasion", "war-in-ukraine:full-scale invasion=full‑scale invasion"},
		{"spaced dash", "a full - scale invasion", "war-in-ukraine:full-scale invasion=full - scale invasion"},
		{"hyphen for space", "asylum-seekers", "migrants:asylum seeker=asylum-seekers"},
		{"line break for space", "special\nmilitary operation", "war-in-ukraine:special military operation=special\nmilitary operation"},
		{"hyphen in pattern, space in text", "a so called operation", "distancing:so-called=so called"},
		{"no letter after", "Kievan Rus", ""},
		{"no letter before", "AntiKiev", ""},
		{"no digit after", "Kiev2 Kyiv", "kyiv:Kyiv=Kyiv"},
		{"no accented letter after", "Kievé", ""},
		{"punctuation is a boundary", "«Kiev», (Kyiv)", "kyiv:Kiev=Kiev | kyiv:Kyiv=Kyiv"},
		{"Cyrillic case ending", "в Киеве, над Киевом", "kyiv:Киев=Киеве | kyiv:Киев=Киевом"},
		{"Cyrillic stem too long", "Киевская область", ""},
		{"Cyrillic capitals", "КИЕВ", "kyiv:Киев=КИЕВ"},
		{"Ukrainian vowel change", "Київ і до Києва", "kyiv:Київ=Київ | kyiv:Київ=Києва"},
		{"Latin letter after Cyrillic", "Киевx", ""},
		{"CJK without spaces", "台湾地区领导人说台湾", "taiwan-name:台湾地区=台湾地区 | taiwan-name:台湾=台湾"},
		{"CJK traditional", "臺灣地區", "taiwan-name:台湾地区=臺灣地區"},
		{"exception", "chicken Kiev is served in Kiev", "kyiv:Kiev=Kiev"},
		{"exception with plural", "war crimes in the war", "war-in-ukraine:war=war"},
		{"exception of another entry does not apply", "claimed responsibility, she claimed", "reporting-verbs:claimed=claimed"},
		{"longest match wins", "the Kyiv regime said", "ukrainian-government:Kyiv regime=Kyiv regime | reporting-verbs:said=said"},
		{"shorter match alone", "the regime said", "regime-label:regime=regime | reporting-verbs:said=said"},
		{"inactive context", "new settlements", ""},
		{"order of hits", "Kiev said Kyiv claimed", "kyiv:Kiev=Kiev | reporting-verbs:said=said | kyiv:Kyiv=Kyiv | reporting-verbs:claimed=claimed"},
		{"nothing", "A quiet day.", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := describe(tt.text, m.Find(tt.text)); got != tt.want {
				t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestContextGating(t *testing.T) {
	l := testLexicon(t)
	text := "Israel approved new settlements."
	tests := []struct {
		name     string
		caseText []string
		want     string
	}{
		{"context in the same report", []string{"Settlements in the West Bank grew."}, "settlements:settlements=settlements"},
		{"context in another report of the case", []string{"Israel approved it.", "Homes in East Jerusalem."}, "settlements:settlements=settlements"},
		{"context with other spacing and case", []string{"the WEST-BANK"}, "settlements:settlements=settlements"},
		{"no context", []string{"Israel approved new settlements."}, ""},
		{"no case texts", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := l.Matcher(tt.caseText...)
			if got := describe(text, m.Find(text)); got != tt.want {
				t.Errorf("Find = %q, want %q", got, tt.want)
			}
			active := false
			for _, e := range m.Entries() {
				active = active || e.ID == "settlements"
			}
			if active != (tt.want != "") {
				t.Errorf("Entries() lists settlements: %v, want %v", active, tt.want != "")
			}
		})
	}
}

// TestFindOffsets checks byte offsets when runes before the hit are wide or
// change length under case folding, and with invalid UTF-8.
func TestFindOffsets(t *testing.T) {
	m := testLexicon(t).Matcher()
	tests := []struct {
		text string
		want []string
	}{
		{"Ära — Kyiv", []string{"Kyiv"}},
		{"\u212a\u212a Kyiv", []string{"Kyiv"}},      // Kelvin signs fold to one-byte K
		{"ſſ Kyiv ſ Kiev", []string{"Kyiv", "Kiev"}}, // long s folds to one-byte S
		{"Kyiv\xff\xfe Kiev", []string{"Kyiv", "Kiev"}},
		{"\xffKyiv", []string{"Kyiv"}},
		{"Ki\xffev", nil},
	}
	for _, tt := range tests {
		hits := m.Find(tt.text)
		var got []string
		for _, h := range hits {
			if h.Start < 0 || h.End > len(tt.text) || h.Start >= h.End {
				t.Fatalf("Find(%q): bad span %d-%d", tt.text, h.Start, h.End)
			}
			got = append(got, tt.text[h.Start:h.End])
		}
		if strings.Join(got, ",") != strings.Join(tt.want, ",") {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestShorterAlternative checks that a match whose preferred form runs into
// a word gives way to a shorter form that ends on a word boundary.
func TestShorterAlternative(t *testing.T) {
	l, errs := Parse("inline", []byte(`
entries:
  - id: war
    lang: en
    domain: test
    category: conflict-naming
    referent: a war
    terms:
      - {term: Russia, match: ['russia(?:''s war)?'], used_by: [a]}
      - {term: invasion, used_by: [b]}
    sources: [{title: t}]
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	text := "Russia's warm welcome"
	if got := describe(text, l.Matcher().Find(text)); got != "war:Russia=Russia" {
		t.Errorf("Find(%q) = %q", text, got)
	}
}

// TestEntriesBuiltInCode checks that entries not read from a file are
// compiled when the matcher is made, and that a bad pattern only removes
// its own entry.
func TestEntriesBuiltInCode(t *testing.T) {
	l := &Lexicon{Entries: []*Entry{
		{ID: "good", Lang: "en", Kind: KindContested, Terms: []Term{{Term: "Kiev"}, {Term: "Kyiv"}}},
		{ID: "bad", Lang: "en", Kind: KindContested, Terms: []Term{{Term: "x", Match: []string{"(unclosed"}}, {Term: "Kyiv"}}},
		nil,
	}}
	m := l.Matcher()
	if got := describe("Kiev, Kyiv", m.Find("Kiev, Kyiv")); got != "good:Kiev=Kiev | good:Kyiv=Kyiv" {
		t.Errorf("Find = %q", got)
	}
	if n := len(m.Entries()); n != 1 {
		t.Errorf("Entries() has %d entries, want 1", n)
	}
	var nilLex *Lexicon
	if hits := nilLex.Matcher().Find("Kyiv"); hits != nil {
		t.Errorf("nil lexicon found %v", hits)
	}
	var nilMatcher *Matcher
	if hits := nilMatcher.Find("Kyiv"); hits != nil || nilMatcher.Entries() != nil {
		t.Error("nil matcher should find nothing")
	}
}

// TestFindLongTerm checks that a hit far from the start of a long text is
// found with the right offsets (the search runs in windows).
func TestFindLongTerm(t *testing.T) {
	m := testLexicon(t).Matcher("Ukraine")
	pad := strings.Repeat("Lorem ipsum dolor sit amet. ", 400)
	text := pad + "Russia’s war against Ukraine. " + pad + "the Kyiv regime"
	hits := m.Find(text)
	got := describe(text, hits)
	want := "war-in-ukraine:Russia's war against Ukraine=Russia’s war against Ukraine | ukrainian-government:Kyiv regime=Kyiv regime"
	if got != want {
		t.Errorf("Find = %q, want %q", got, want)
	}
	if len(hits) == 2 && hits[0].Start != len(pad) {
		t.Errorf("first hit at %d, want %d", hits[0].Start, len(pad))
	}
}

func TestCompilePatternErrors(t *testing.T) {
	tests := []struct {
		pattern, want string
	}{
		{"", "empty pattern"},
		{"(a", "missing closing )"},
		{`\bkyiv`, `\b is not allowed`},
		{`kyiv\B`, `\B is not allowed`},
		{"^kyiv", "is not allowed"},
		{"kyiv$", "is not allowed"},
		{"x*", "matches empty text"},
		{"[z-a]", "invalid character class range"},
	}
	for _, tt := range tests {
		_, err := compilePattern(tt.pattern, "", "en", termPattern)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("compilePattern(%q) error %v, want %q", tt.pattern, err, tt.want)
		}
	}
}

func TestExactProperties(t *testing.T) {
	tests := []struct{ in, want string }{
		{`war`, `war`},
		{`войн\p{L}{0,3}`, `войн(?-i:\p{L}){0,3}`},
		{`a\pLb`, `a(?-i:\pL)b`},
		{`[\p{L}\d]x\P{N}`, `[\p{L}\d]x(?-i:\P{N})`},
		{`[[:alpha:]\p{L}]\p{Cyrillic}`, `[[:alpha:]\p{L}](?-i:\p{Cyrillic})`},
		{`\\p{L}`, `\\p{L}`},
		{`\Q\p{L}\E\p{L}`, `\Q\p{L}\E(?-i:\p{L})`},
		{`[]\p{L}]`, `[]\p{L}]`},
	}
	for _, tt := range tests {
		if got := exactProperties(tt.in); got != tt.want {
			t.Errorf("exactProperties(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzFind checks on arbitrary text that Find does not panic and returns
// sorted, non-overlapping hits on rune boundaries.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"Kyiv’s war", "в Киеве", "台湾地区", "chicken Kiev", "\xff\xfeKiev", "so-called full–scale invasion"} {
		f.Add(s)
	}
	m := testLexicon(f).Matcher("Ukraine West Bank")
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, h := range m.Find(text) {
			if h.Start < prev || h.End <= h.Start || h.End > len(text) {
				t.Fatalf("bad hit %d-%d after %d in %q", h.Start, h.End, prev, text)
			}
			if splitsRune(text, h.Start) || splitsRune(text, h.End) {
				t.Fatalf("hit %d-%d splits a rune in %q", h.Start, h.End, text)
			}
			prev = h.End
		}
	})
}

// splitsRune reports whether offset i lies inside the encoding of a valid
// multi-byte rune.
func splitsRune(text string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(text[j]) {
			r, size := utf8.DecodeRuneInString(text[j:])
			return !(r == utf8.RuneError && size == 1) && j+size > i
		}
	}
	return false
}

// FuzzParse checks that Parse does not panic on arbitrary input and that
// every problem names the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"entries: []", "entries:\n  - id: x\n", "schema_version: [1]", "entries: [{terms: [{term: {a: b}}]}]", "- a\n- b", "entries: &a [*a]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, errs := Parse("fuzz.yaml", data)
		if l == nil {
			t.Fatal("nil lexicon")
		}
		for _, e := range errs {
			if !strings.HasPrefix(e.Error(), "fuzz.yaml") {
				t.Fatalf("problem %q does not name the file", e)
			}
		}
		l.Matcher(string(data)).Find(string(data))
	})
}

// TestFindConcurrent runs one matcher from several goroutines at once, as
// the engine may: the patterns built on first use are built once and every
// goroutine finds the same hits.
func TestFindConcurrent(t *testing.T) {
	reports := caseReports(t)
	l, errs := Parse(BundledOrigin, assets.Lexicon)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	m := l.Matcher(reports...)
	results := make([][][]Match, 4)
	var wg sync.WaitGroup
	for g := range results {
		wg.Go(func() {
			for _, r := range reports {
				results[g] = append(results[g], m.Find(r))
			}
		})
	}
	wg.Wait()
	for g := 1; g < len(results); g++ {
		if !reflect.DeepEqual(results[g], results[0]) {
			t.Fatalf("goroutine %d found other hits than goroutine 0", g)
		}
	}
	if len(results[0]) == 0 || len(results[0][0]) == 0 {
		t.Fatal("no hits in the first report")
	}
}

func TestLiteralPatternsMatchLikeExpressions(t *testing.T) {
	for _, src := range []string{"said", "Kyiv", "regime"} {
		p, err := compilePattern(src, "", "en", termPattern)
		if err != nil {
			t.Fatal(err)
		}
		if !p.literal {
			t.Errorf("%q is not taken for a literal", src)
		}
	}
	p, err := compilePattern("(?:some )?critics", "", "en", termPattern)
	if err != nil {
		t.Fatal(err)
	}
	if p.literal {
		t.Error("an expression is taken for a literal")
	}
	// A literal found inside a longer word is no hit.
	l, errs := Parse("inline", []byte(`
entries:
  - id: said
    lang: en
    domain: test
    category: conflict-naming
    referent: saying
    terms:
      - {term: said, used_by: [a]}
      - {term: claimed, used_by: [b]}
    sources: [{title: t}]
`))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	text := "He said it was unsaid, SAID twice."
	if got := describe(text, l.Matcher().Find(text)); got != "said:said=said | said:said=SAID" {
		t.Errorf("Find(%q) = %q", text, got)
	}
}
