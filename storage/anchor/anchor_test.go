package anchor

import (
	"math/rand/v2"
	"strings"
	"testing"
)

const original = "The minister said on Monday that the border would stay closed. " +
	"Protesters gathered outside parliament. " +
	"Police said 40 people were arrested after the march. " +
	"The minister said on Monday that talks would resume."

// sel describes the first occurrence (or the n-th, counting from 1) of
// quote in text, failing the test if it is missing.
func sel(t *testing.T, text, quote string, n int) Selector {
	t.Helper()
	from := 0
	for i := 1; ; i++ {
		j := strings.Index(text[from:], quote)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times in the text", quote, n)
		}
		if i == n {
			s, err := Describe(text, from+j, from+j+len(quote))
			if err != nil {
				t.Fatalf("Describe: %v", err)
			}
			return s
		}
		from += j + 1
	}
}

func TestLocate(t *testing.T) {
	tests := []struct {
		name   string
		text   string // the text the selector is made from
		quote  string // the selected text
		nth    int    // which occurrence of quote is selected
		edited string // the new text
		method Method
		want   string // the text the selector should land on ("" when detached)
		// wantAfter, if set, is text that must immediately precede the
		// match in the edited text (to tell duplicate quotes apart).
		wantAfter string
	}{
		{
			name:   "unchanged text stays at its position",
			text:   original,
			quote:  "Protesters gathered outside parliament.",
			nth:    1,
			edited: original,
			method: Position,
			want:   "Protesters gathered outside parliament.",
		},
		{
			name:   "moved text is found by its quote",
			text:   original,
			quote:  "Police said 40 people were arrested after the march.",
			nth:    1,
			edited: "Police said 40 people were arrested after the march. " + strings.Replace(original, "Police said 40 people were arrested after the march. ", "", 1),
			method: Quote,
			want:   "Police said 40 people were arrested after the march.",
		},
		{
			name:      "edited prefix still places the quote",
			text:      original,
			quote:     "the border would stay closed",
			nth:       1,
			edited:    strings.Replace(original, "The minister said on Monday that the border", "On Tuesday the prime minister announced that the border", 1),
			method:    Quote,
			want:      "the border would stay closed",
			wantAfter: "announced that ",
		},
		{
			name:      "duplicate exact text is told apart by its context",
			text:      original,
			quote:     "The minister said on Monday that",
			nth:       2,
			edited:    "Breaking. " + original,
			method:    Quote,
			want:      "The minister said on Monday that",
			wantAfter: "after the march. ",
		},
		{
			name:      "duplicate short term is told apart by its context",
			text:      original,
			quote:     "said",
			nth:       2,
			edited:    "Update: " + original,
			method:    Quote,
			want:      "said",
			wantAfter: "Police ",
		},
		{
			name:   "edited sentence is found approximately",
			text:   original,
			quote:  "Police said 40 people were arrested after the march.",
			nth:    1,
			edited: strings.Replace(original, "Police said 40 people were arrested after the march.", "Police said 42 people had been arrested after the march.", 1),
			method: Fuzzy,
			want:   "Police said 42 people had been arrested after the march.",
		},
		{
			name:   "deleted text is detached",
			text:   original,
			quote:  "Police said 40 people were arrested after the march.",
			nth:    1,
			edited: strings.Replace(original, "Police said 40 people were arrested after the march. ", "", 1),
			method: NotFound,
		},
		{
			name:   "rewritten text is detached",
			text:   original,
			quote:  "Protesters gathered outside parliament.",
			nth:    1,
			edited: strings.Replace(original, "Protesters gathered outside parliament.", "A crowd formed near the assembly building.", 1),
			method: NotFound,
		},
		{
			name:   "short quote without its context is detached",
			text:   original,
			quote:  "march",
			nth:    1,
			edited: "A march took place. Nothing else happened on that day at all.",
			method: NotFound,
		},
		{
			name:   "text shortened before the selection",
			text:   original,
			quote:  "talks would resume",
			nth:    1,
			edited: original[len("The minister said on Monday that the border would stay closed. "):],
			method: Quote,
			want:   "talks would resume",
		},
		{
			name:   "multi-byte text is matched on character boundaries",
			text:   "Le ministre a déclaré lundi que la frontière resterait fermée. Fin.",
			quote:  "la frontière resterait fermée.",
			nth:    1,
			edited: "Préambule. Le ministre a déclaré lundi que la frontière restera fermée. Fin.",
			method: Fuzzy,
			want:   "la frontière restera fermée.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := sel(t, tt.text, tt.quote, tt.nth)
			m := Locate(tt.edited, s)
			if m.Method != tt.method {
				t.Fatalf("method = %v, want %v (match %d–%d)", m.Method, tt.method, m.Start, m.End)
			}
			if m.Found() != (tt.method != NotFound) {
				t.Fatalf("Found() = %v for method %v", m.Found(), m.Method)
			}
			if tt.method == NotFound {
				return
			}
			if got := tt.edited[m.Start:m.End]; got != tt.want {
				t.Errorf("matched %q, want %q", got, tt.want)
			}
			if tt.wantAfter != "" && !strings.HasSuffix(tt.edited[:m.Start], tt.wantAfter) {
				t.Errorf("match at %d is preceded by %q, want it after %q", m.Start, tt.edited[max(0, m.Start-20):m.Start], tt.wantAfter)
			}
		})
	}
}

func TestDescribe(t *testing.T) {
	long := strings.Repeat("a", 40) + "TARGET" + strings.Repeat("b", 40)
	tests := []struct {
		name       string
		text       string
		start, end int
		wantErr    string
		want       Selector
	}{
		{
			name: "context is cut to ContextLength bytes",
			text: long, start: 40, end: 46,
			want: Selector{Exact: "TARGET", Prefix: strings.Repeat("a", 32), Suffix: strings.Repeat("b", 32), Start: 40, End: 46},
		},
		{
			name: "context stops at the ends of the text",
			text: "xTARGETy", start: 1, end: 7,
			want: Selector{Exact: "TARGET", Prefix: "x", Suffix: "y", Start: 1, End: 7},
		},
		{
			name: "context does not cut a character in two",
			// "€" has three bytes: 32 bytes either side of the X falls
			// inside a character, so each context keeps ten whole ones.
			text: strings.Repeat("€", 15) + "X" + strings.Repeat("€", 15), start: 45, end: 46,
			want: Selector{Exact: "X", Prefix: strings.Repeat("€", 10), Suffix: strings.Repeat("€", 10), Start: 45, End: 46},
		},
		{name: "empty selection", text: "abc", start: 1, end: 1, wantErr: "empty"},
		{name: "end past the text", text: "abc", start: 1, end: 9, wantErr: "outside the text"},
		{name: "negative start", text: "abc", start: -1, end: 2, wantErr: "outside the text"},
		{name: "reversed range", text: "abc", start: 2, end: 1, wantErr: "outside the text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Describe(tt.text, tt.start, tt.end)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one mentioning %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Describe: %v", err)
			}
			if got != tt.want {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

// levenshtein is the textbook edit distance over bytes.
func levenshtein(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestApproximateMatchesAgreesWithBruteForce checks the fast search against
// an exhaustive one on random texts over a small alphabet (where near
// matches are plentiful).
func TestApproximateMatchesAgreesWithBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	randText := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = "abc"[rng.IntN(3)]
		}
		return string(b)
	}
	for round := range 300 {
		text := randText(rng.IntN(40))
		pattern := randText(1 + rng.IntN(8))
		k := rng.IntN(4)
		// Brute force: for each end, the cheapest substring ending there.
		want := map[int]int{}
		for e := 0; e <= len(text); e++ {
			bestEdits := -1
			for s := 0; s <= e; s++ {
				if d := levenshtein(pattern, text[s:e]); bestEdits < 0 || d < bestEdits {
					bestEdits = d
				}
			}
			if bestEdits <= k && e > 0 {
				want[e] = bestEdits
			}
		}
		got := map[int]int{}
		approximateMatches(text, pattern, k, func(s, e, edits int) {
			got[e] = edits
			if d := levenshtein(pattern, text[s:e]); d != edits {
				t.Errorf("round %d: text %q pattern %q: span %d–%d reported with %d edits, has %d", round, text, pattern, s, e, edits, d)
			}
		})
		for e, d := range want {
			if got[e] != d {
				t.Errorf("round %d: text %q pattern %q k %d: end %d: got edits %d (reported %v), want %d", round, text, pattern, k, e, got[e], hasKey(got, e), d)
			}
		}
		for e := range got {
			if !hasKey(want, e) {
				t.Errorf("round %d: text %q pattern %q k %d: end %d reported but no substring ending there is within %d edits", round, text, pattern, k, e, k)
			}
		}
	}
}

func hasKey(m map[int]int, k int) bool {
	_, ok := m[k]
	return ok
}

func TestLocateLongQuoteInLongText(t *testing.T) {
	var b strings.Builder
	for i := range 2000 {
		b.WriteString("Sentence number ")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(" of a long report about the same event. ")
	}
	filler := b.String()
	quote := "This is the one paragraph the analyst wrote a note about, " + strings.Repeat("with many clauses and details, ", 30) + "and it ends here."
	text := filler + quote + filler
	s, err := Describe(text, len(filler), len(filler)+len(quote))
	if err != nil {
		t.Fatal(err)
	}
	edited := "New header. " + filler + strings.Replace(quote, "many clauses", "a great many clauses", 1) + filler
	m := Locate(edited, s)
	if m.Method != Fuzzy {
		t.Fatalf("method = %v, want fuzzy", m.Method)
	}
	if wantStart := len("New header. ") + len(filler); m.Start != wantStart || m.End != wantStart+len(quote)+len("a great ") {
		t.Errorf("match %d–%d, want %d–%d", m.Start, m.End, wantStart, wantStart+len(quote)+len("a great "))
	}
}

func BenchmarkLocateFuzzy(b *testing.B) {
	var sb strings.Builder
	for i := range 500 {
		sb.WriteString("Sentence ")
		sb.WriteString(strings.Repeat("y", i%11))
		sb.WriteString(" of the report. ")
	}
	text := sb.String()
	quote := "Police said 40 people were arrested after the march through the city centre."
	s, err := Describe(text+quote, len(text), len(text)+len(quote))
	if err != nil {
		b.Fatal(err)
	}
	edited := text + strings.Replace(quote, "40", "forty", 1)
	for b.Loop() {
		if m := Locate(edited, s); m.Method != Fuzzy {
			b.Fatalf("method = %v", m.Method)
		}
	}
}
