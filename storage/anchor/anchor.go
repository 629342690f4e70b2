// Package anchor ties a note to a piece of a report's text so that the note
// can find its place again after the text has changed.
//
// An anchor is described the way the W3C Web Annotation model describes a
// text target: a TextQuoteSelector (the exact text with a little context on
// either side) together with a TextPositionSelector (byte offsets). Locating
// an anchor in a new version of the text tries, in order:
//
//  1. the exact text at its recorded position, or the occurrence of the exact
//     text whose surroundings best match the recorded prefix and suffix (the
//     recorded position breaks ties, then the nearest occurrence wins);
//  2. an approximate match of the exact text with at most one edit in five
//     bytes (and never more than 128 edits), the fewest edits winning, then
//     matching surroundings, then nearness.
//
// A quote shorter than ContextLength bytes is ambiguous on its own, so it is
// only placed where at least a few bytes of its context still agree. When
// nothing qualifies, the anchor is detached: the caller keeps the note and
// shows it as such.
//
// The package works on bytes: offsets are byte offsets into the original
// bytes of a report, which need not be valid UTF-8.
package anchor

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// ContextLength is how many bytes of text before and after the exact text a
// selector records, a little less where a character would be cut in two.
const ContextLength = 32

// minContext is how many bytes of recorded context must agree before a short
// quote is placed.
const minContext = 8

// maxFuzzyErrors bounds the number of edits an approximate match may have,
// which also bounds the cost of the search on long texts.
const maxFuzzyErrors = 128

// Selector records where a piece of text is: Exact, Prefix and Suffix form a
// TextQuoteSelector and Start and End (byte offsets, End exclusive) a
// TextPositionSelector into the text the selector was made from.
type Selector struct {
	Exact  string `json:"exact"`
	Prefix string `json:"prefix"`
	Suffix string `json:"suffix"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
}

// Method says how Locate found a selector in a text.
type Method int

// The ways a selector can be found, from the most to the least certain.
const (
	// NotFound: the text no longer contains anything that matches; the
	// anchor is detached.
	NotFound Method = iota
	// Position: the exact text is still at the recorded offsets.
	Position
	// Quote: the exact text was found elsewhere, placed by its context.
	Quote
	// Fuzzy: text within the edit tolerance of the exact text was found.
	Fuzzy
)

// String returns the name of m as used in messages.
func (m Method) String() string {
	switch m {
	case NotFound:
		return "not found"
	case Position:
		return "position"
	case Quote:
		return "quote"
	case Fuzzy:
		return "fuzzy"
	}
	return fmt.Sprintf("method(%d)", int(m))
}

// Match is where Locate placed a selector. Start and End are byte offsets
// into the searched text; they are meaningful only when Found reports true.
type Match struct {
	Start  int
	End    int
	Method Method
	// Edits is the number of single-byte edits between the exact text and
	// the matched text (0 unless Method is Fuzzy).
	Edits int
}

// Found reports whether the selector was placed.
func (m Match) Found() bool { return m.Method != NotFound }

// Describe returns the selector for text[start:end]. The range must be
// non-empty and inside the text.
func Describe(text string, start, end int) (Selector, error) {
	if start < 0 || end > len(text) || start > end {
		return Selector{}, fmt.Errorf("selection %d–%d is outside the text, which has %d bytes: select text inside the report", start, end, len(text))
	}
	if start == end {
		return Selector{}, fmt.Errorf("selection at byte %d is empty: select at least one character", start)
	}
	ps := max(start-ContextLength, 0)
	for ps > 0 && ps < start && !utf8.RuneStart(text[ps]) {
		ps++
	}
	se := min(end+ContextLength, len(text))
	for se < len(text) && se > end && !utf8.RuneStart(text[se]) {
		se--
	}
	return Selector{
		Exact:  text[start:end],
		Prefix: text[ps:start],
		Suffix: text[end:se],
		Start:  start,
		End:    end,
	}, nil
}

// Locate finds sel in text. The result's Method is NotFound when the
// selector cannot be placed any more.
func Locate(text string, sel Selector) Match {
	if sel.Exact == "" {
		return Match{}
	}
	if m, ok := locateQuote(text, sel); ok {
		return m
	}
	if m, ok := locateFuzzy(text, sel); ok {
		return m
	}
	return Match{}
}

// requiredContext is how many bytes of context must agree for sel to be
// placed somewhere: none for quotes long enough to stand on their own.
func requiredContext(sel Selector) int {
	if len(sel.Exact) >= ContextLength {
		return 0
	}
	return min(minContext, len(sel.Prefix)+len(sel.Suffix))
}

// contextScore counts the bytes of recorded prefix and suffix that agree
// with the text around text[start:end].
func contextScore(text string, start, end int, sel Selector) int {
	return commonSuffix(text[:start], sel.Prefix) + commonPrefix(text[end:], sel.Suffix)
}

func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

func commonSuffix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i < n && a[len(a)-1-i] == b[len(b)-1-i] {
		i++
	}
	return i
}

func distance(a, b int) int {
	if a > b {
		return a - b
	}
	return b - a
}

// better reports whether a candidate with the given context score and
// distance from the recorded start beats the best one so far.
func better(score, dist, bestScore, bestDist int) bool {
	if score != bestScore {
		return score > bestScore
	}
	return dist < bestDist
}

// locateQuote places sel on an occurrence of its exact text.
func locateQuote(text string, sel Selector) (Match, bool) {
	need := requiredContext(sel)
	found := false
	var best Match
	bestScore, bestDist := -1, 0
	for from := 0; from <= len(text); {
		i := strings.Index(text[from:], sel.Exact)
		if i < 0 {
			break
		}
		s := from + i
		e := s + len(sel.Exact)
		score := contextScore(text, s, e, sel)
		dist := distance(s, sel.Start)
		if score >= need && (!found || better(score, dist, bestScore, bestDist)) {
			found = true
			best = Match{Start: s, End: e, Method: Quote}
			bestScore, bestDist = score, dist
		}
		from = s + 1
	}
	if found && best.Start == sel.Start && best.End == sel.End {
		best.Method = Position
	}
	return best, found
}

// locateFuzzy places sel on the closest approximate match of its exact text.
func locateFuzzy(text string, sel Selector) (Match, bool) {
	k := min(len(sel.Exact)/5, maxFuzzyErrors)
	if k == 0 {
		return Match{}, false
	}
	need := requiredContext(sel)
	found := false
	var best Match
	bestScore, bestDist := -1, 0
	approximateMatches(text, sel.Exact, k, func(s, e, edits int) {
		s, e = snapToRunes(text, s, e)
		if s == e {
			return
		}
		score := contextScore(text, s, e, sel)
		if score < need {
			return
		}
		dist := distance(s, sel.Start)
		if found {
			if edits > best.Edits {
				return
			}
			if edits == best.Edits && !better(score, dist, bestScore, bestDist) {
				return
			}
		}
		found = true
		best = Match{Start: s, End: e, Method: Fuzzy, Edits: edits}
		bestScore, bestDist = score, dist
	})
	return best, found
}

// snapToRunes widens text[s:e] so that it neither starts nor ends inside a
// UTF-8 encoded character.
func snapToRunes(text string, s, e int) (int, int) {
	for s > 0 && !utf8.RuneStart(text[s]) {
		s--
	}
	for e < len(text) && !utf8.RuneStart(text[e]) {
		e++
	}
	return s, e
}

// approximateMatches calls report for every end position in text at which a
// substring within k edits (Levenshtein distance over bytes) of pattern
// ends, with the start of the cheapest such substring and its edit count.
// It is Sellers' algorithm with Ukkonen's cut-off, so it runs in about
// O(k·len(text)) time.
func approximateMatches(text, pattern string, k int, report func(start, end, edits int)) {
	m := len(pattern)
	if m == 0 || k < 0 {
		return
	}
	cost := make([]int, m+1)  // previous column
	start := make([]int, m+1) // start of the alignment behind cost[i]
	for i := range cost {
		cost[i] = i
	}
	last := min(k, m) // last row whose cost is at most k
	for j := 0; j < len(text); j++ {
		c := text[j]
		// diag holds the previous column's value of row i-1; up the new
		// column's value of row i-1.
		diag, diagStart := cost[0], start[0]
		up, upStart := 0, j+1
		cost[0], start[0] = 0, j+1
		top := min(last+1, m)
		for i := 1; i <= top; i++ {
			left, leftStart := cost[i], start[i]
			if i > last {
				left = k + 1 // not computed in the previous column: too dear
			}
			best, bestStart := diag, diagStart
			if pattern[i-1] != c {
				best++
			}
			if left+1 < best {
				best, bestStart = left+1, leftStart
			}
			if up+1 < best {
				best, bestStart = up+1, upStart
			}
			diag, diagStart = cost[i], start[i]
			cost[i], start[i] = best, bestStart
			up, upStart = best, bestStart
		}
		last = top
		for last > 0 && cost[last] > k {
			last--
		}
		if last == m {
			report(start[m], j+1, cost[m])
		}
	}
}
