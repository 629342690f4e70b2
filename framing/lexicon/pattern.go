package lexicon

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Pattern compilation.
//
// Every pattern is parsed with regexp/syntax, case-insensitively, and its
// tree rewritten so that a space or hyphen in it matches any run of one to
// three spaces, hyphens or dashes, and an apostrophe or double quote matches
// any of its straight or curly forms. Term and exception hits must start and
// end on word boundaries, checked in Go since the \b of Go's regexp knows
// ASCII only: a hit that begins (ends) with a letter, digit or mark must not
// be preceded (followed) by one. Languages written without spaces between
// words (Chinese, Japanese, Thai...) need no boundary.
//
// For speed, the tree also yields the literal strings of which every match
// must contain one (case-folded), and the longest match in runes. Find
// looks for the literals first and runs a regular expression only around
// the places where one of its literals occurs.

const (
	// maxExact bounds the size of the exact string sets of the literal
	// analysis.
	maxExact = 16
	// unbounded marks a pattern whose matches have no length bound.
	unbounded = -1
	// maxBoundedRunes is the longest bounded match length worth bounding.
	maxBoundedRunes = 4096
)

var (
	sepRanges = []rune{
		'\t', '\r', ' ', ' ', '-', '-', 0xA0, 0xA0, 0x2007, 0x200A,
		0x2010, 0x2015, 0x202F, 0x202F, 0x205F, 0x205F, 0x2212, 0x2212, 0x3000, 0x3000,
	}
	spaceRanges = []rune{'\t', '\r', ' ', ' ', 0xA0, 0xA0, 0x2007, 0x200A, 0x202F, 0x202F, 0x205F, 0x205F, 0x3000, 0x3000}
	dashRanges  = []rune{'-', '-', 0x2010, 0x2015, 0x2212, 0x2212}
	aposRanges  = []rune{'\'', '\'', '`', '`', 0xB4, 0xB4, 0x2BC, 0x2BC, 0x2018, 0x2019, 0x201B, 0x201B, 0x2032, 0x2032}
	quoteRanges = []rune{'"', '"', 0xAB, 0xAB, 0xBB, 0xBB, 0x201C, 0x201C, 0x201D, 0x201D, 0x201E, 0x201F, 0x2033, 0x2033}
)

func inRanges(r rune, ranges []rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// isWord reports whether r counts as part of a word for boundary checks:
// a letter, digit or mark, except letters of scripts written without spaces
// between words.
func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.IsMark(r) {
		return false
	}
	return !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai,
		unicode.Lao, unicode.Khmer, unicode.Myanmar)
}

// spaceless reports whether lang is written without spaces between words,
// so that hits need no word boundary.
func spaceless(lang string) bool {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	switch p {
	case "zh", "ja", "th", "lo", "km", "my", "bo":
		return true
	}
	return false
}

// isEnglish reports whether lang is English, whose literal terms also
// match their plurals.
func isEnglish(lang string) bool {
	p, _, _ := strings.Cut(strings.ToLower(lang), "-")
	return p == "en"
}

// pattern is one compiled pattern. Its regular expression is checked when
// the pattern is compiled but built for matching only when a text first
// needs it: most patterns of a lexicon never run on a given case, and their
// programs would take most of the lexicon's memory.
type pattern struct {
	// src is the rewritten expression.
	src  string
	once sync.Once
	re   *regexp.Regexp
	// bound says that hits must start and end on word boundaries.
	bound bool
	// lits lists sets of case-folded strings: every match contains a
	// string of each set. Empty when nothing is known: the pattern then
	// runs on every text.
	lits [][]string
	// maxRunes bounds the length of a match in runes, or is unbounded.
	maxRunes int
	// literal says the pattern is one word to find as it is (in any
	// case): an occurrence of its literal is a match, no expression needs
	// to run.
	literal bool
}

// patternKind says how a pattern is used.
type patternKind int

const (
	termPattern patternKind = iota
	exceptionPattern
	contextPattern
)

// compilePattern compiles the pattern src of an entry in language lang.
// suffix, when not empty, is appended to the pattern (plural endings,
// stems).
func compilePattern(src, suffix, lang string, kind patternKind) (*pattern, error) {
	if strings.TrimSpace(src) == "" {
		return nil, errors.New("empty pattern")
	}
	tree, err := syntax.Parse(exactProperties(src), syntax.Perl|syntax.FoldCase)
	if err != nil {
		return nil, err
	}
	if op := forbiddenOp(tree); op != "" {
		return nil, fmt.Errorf("%s is not allowed: word boundaries are checked automatically and patterns match anywhere in a text", op)
	}
	if suffix != "" {
		sfx, err := syntax.Parse(exactProperties(suffix), syntax.Perl|syntax.FoldCase)
		if err != nil {
			return nil, err
		}
		tree = &syntax.Regexp{Op: syntax.OpConcat, Sub: []*syntax.Regexp{tree, sfx}}
	}
	tree = rewrite(tree)
	lits, n := indexSets(analyze(tree).all()), maxRunes(tree)
	expr := render(tree)
	re, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	if re.MatchString("") {
		return nil, errors.New("matches empty text")
	}
	literal := tree.Op == syntax.OpLiteral && tree.Flags&syntax.FoldCase != 0 && len(lits) == 1 && len(lits[0]) == 1 &&
		len(lits[0][0]) == len(string(tree.Rune)) && strings.EqualFold(lits[0][0], string(tree.Rune))
	return &pattern{src: expr, lits: lits, maxRunes: n, bound: kind != contextPattern && !spaceless(lang), literal: literal}, nil
}

// regexp returns the pattern's regular expression, building it on first
// use. It is safe for concurrent use.
func (p *pattern) regexp() *regexp.Regexp {
	p.once.Do(func() {
		if p.re == nil {
			// Cannot fail: compilePattern compiled the same expression.
			p.re = regexp.MustCompile(p.src)
		}
	})
	return p.re
}

// exactProperties wraps the Unicode property escapes (\pL, \p{L}, \P{...})
// that stand outside brackets in (?-i:...). Letter categories and scripts
// are closed under case already; parsing them case-insensitively would fold
// every rune of them, which is slow.
func exactProperties(src string) string {
	if !strings.Contains(src, `\p`) && !strings.Contains(src, `\P`) {
		return src
	}
	var b strings.Builder
	inClass := false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src):
			n := src[i+1]
			if n == 'Q' {
				end := strings.Index(src[i:], `\E`)
				if end < 0 {
					b.WriteString(src[i:])
					return b.String()
				}
				b.WriteString(src[i : i+end+2])
				i += end + 1
				continue
			}
			if !inClass && (n == 'p' || n == 'P') {
				j := i + 2
				if j < len(src) && src[j] == '{' {
					k := strings.IndexByte(src[j:], '}')
					if k < 0 {
						b.WriteString(src[i:])
						return b.String()
					}
					j += k + 1
				} else if j < len(src) {
					_, size := utf8.DecodeRuneInString(src[j:])
					j += size
				}
				b.WriteString("(?-i:" + src[i:j] + ")")
				i = j - 1
				continue
			}
			b.WriteString(src[i : i+2])
			i++
		case c == '[' && !inClass:
			inClass = true
			b.WriteByte(c)
			if i+1 < len(src) && src[i+1] == '^' {
				b.WriteByte('^')
				i++
			}
			if i+1 < len(src) && src[i+1] == ']' {
				b.WriteByte(']')
				i++
			}
		case c == '[' && inClass && i+1 < len(src) && src[i+1] == ':':
			end := strings.Index(src[i:], ":]")
			if end < 0 {
				b.WriteString(src[i:])
				return b.String()
			}
			b.WriteString(src[i : i+end+2])
			i += end + 1
		case c == ']' && inClass:
			inClass = false
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// sentinel is the first of the private runes that stand for large
// character classes while a tree is printed.
const sentinel = 0x10FF00

// render prints a rewritten tree as a regular expression. Large character
// classes are printed outside the case-folding scope: a class parsed
// case-insensitively is closed under folding already, and folding its
// thousands of runes again when the text is parsed back would be slow.
// render replaces those classes in the tree.
func render(tree *syntax.Regexp) string {
	if tree.Op == syntax.OpCharClass {
		return tree.String()
	}
	var classes []string
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		for i, s := range re.Sub {
			if s.Op == syntax.OpCharClass && classSize(s.Rune) > 256 && len(classes) < 0xFF {
				classes = append(classes, "(?-i:"+s.String()+")")
				re.Sub[i] = &syntax.Regexp{Op: syntax.OpLiteral, Rune: []rune{rune(sentinel + len(classes) - 1)}}
				continue
			}
			walk(s)
		}
	}
	walk(tree)
	out := tree.String()
	for i, c := range classes {
		out = strings.Replace(out, fmt.Sprintf(`\x{%x}`, sentinel+i), c, 1)
	}
	return out
}

// forbiddenOp names an operator patterns may not use, or returns "".
func forbiddenOp(re *syntax.Regexp) string {
	switch re.Op {
	case syntax.OpWordBoundary:
		return `\b`
	case syntax.OpNoWordBoundary:
		return `\B`
	case syntax.OpBeginLine, syntax.OpBeginText:
		return "^ or \\A"
	case syntax.OpEndLine, syntax.OpEndText:
		return "$ or \\z"
	}
	for _, s := range re.Sub {
		if op := forbiddenOp(s); op != "" {
			return op
		}
	}
	return ""
}

func classNode(ranges []rune) *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpCharClass, Rune: append([]rune(nil), ranges...)}
}

func sepNode() *syntax.Regexp {
	return &syntax.Regexp{Op: syntax.OpRepeat, Min: 1, Max: 3, Sub: []*syntax.Regexp{classNode(sepRanges)}}
}

// rewrite makes spaces, hyphens, dashes, apostrophes and quotes match all
// their variants.
func rewrite(re *syntax.Regexp) *syntax.Regexp {
	switch re.Op {
	case syntax.OpLiteral:
		var parts []*syntax.Regexp
		var lit []rune
		flush := func() {
			if len(lit) > 0 {
				parts = append(parts, &syntax.Regexp{Op: syntax.OpLiteral, Rune: lit, Flags: re.Flags})
				lit = nil
			}
		}
		for i := 0; i < len(re.Rune); i++ {
			r := re.Rune[i]
			switch {
			case inRanges(r, sepRanges) || r == '\n':
				flush()
				for i+1 < len(re.Rune) && (inRanges(re.Rune[i+1], sepRanges) || re.Rune[i+1] == '\n') {
					i++
				}
				parts = append(parts, sepNode())
			case inRanges(r, aposRanges):
				flush()
				parts = append(parts, classNode(aposRanges))
			case inRanges(r, quoteRanges):
				flush()
				parts = append(parts, classNode(quoteRanges))
			default:
				lit = append(lit, r)
			}
		}
		flush()
		if len(parts) == 1 {
			return parts[0]
		}
		return &syntax.Regexp{Op: syntax.OpConcat, Sub: parts}
	case syntax.OpCharClass:
		if classSize(re.Rune) <= 256 {
			var add []rune
			for _, v := range variants {
				if inRanges(v.r, re.Rune) {
					add = append(add, v.ranges...)
				}
			}
			if len(add) > 0 {
				re.Rune = mergeRanges(append(append([]rune(nil), re.Rune...), add...))
			}
		}
		return re
	}
	for i, s := range re.Sub {
		re.Sub[i] = rewrite(s)
	}
	return re
}

// variants lists, for the characters a small character class may contain,
// the ranges of their variants added to it.
var variants = []struct {
	r      rune
	ranges []rune
}{{' ', spaceRanges}, {'-', dashRanges}, {'\'', aposRanges}, {'"', quoteRanges}}

func classSize(ranges []rune) int {
	n := 0
	for i := 0; i+1 < len(ranges); i += 2 {
		n += int(ranges[i+1]-ranges[i]) + 1
	}
	return n
}

// mergeRanges sorts and merges rune ranges.
func mergeRanges(r []rune) []rune {
	type rg struct{ lo, hi rune }
	rs := make([]rg, 0, len(r)/2)
	for i := 0; i+1 < len(r); i += 2 {
		rs = append(rs, rg{r[i], r[i+1]})
	}
	for i := 1; i < len(rs); i++ {
		for j := i; j > 0 && rs[j].lo < rs[j-1].lo; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	out := make([]rune, 0, len(r))
	for _, x := range rs {
		n := len(out)
		if n > 0 && x.lo <= out[n-1]+1 {
			if x.hi > out[n-1] {
				out[n-1] = x.hi
			}
			continue
		}
		out = append(out, x.lo, x.hi)
	}
	return out
}

// maxRunes bounds the length in runes of a match of re, or returns
// unbounded.
func maxRunes(re *syntax.Regexp) int {
	n := maxRunesRec(re)
	if n > maxBoundedRunes {
		return unbounded
	}
	return n
}

func maxRunesRec(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunesRec(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return unbounded
	case syntax.OpRepeat:
		if re.Max < 0 {
			return unbounded
		}
		n := maxRunesRec(re.Sub[0])
		if n == unbounded || n*re.Max > maxBoundedRunes {
			return unbounded
		}
		return n * re.Max
	case syntax.OpConcat:
		sum := 0
		for _, s := range re.Sub {
			n := maxRunesRec(s)
			if n == unbounded {
				return unbounded
			}
			sum += n
			if sum > maxBoundedRunes {
				return unbounded
			}
		}
		return sum
	case syntax.OpAlternate:
		m := 0
		for _, s := range re.Sub {
			n := maxRunesRec(s)
			if n == unbounded {
				return unbounded
			}
			m = max(m, n)
		}
		return m
	}
	return 0
}

// litInfo is the literal analysis of a tree: exact is the set of all
// strings it can match when that set is small (exactOK); req lists sets of
// strings such that every match contains a string of each set (an AND of
// ORs; empty: nothing known). Strings are case-folded.
type litInfo struct {
	exact   []string
	exactOK bool
	req     [][]string
}

// maxReq bounds the number of required sets kept per pattern.
const maxReq = 4

// all returns the required sets, with the exact set among them when it
// can be indexed.
func (li litInfo) all() [][]string {
	if li.exactOK {
		if u := usable(li.exact); u != nil {
			return addReq(li.req, u)
		}
	}
	return li.req
}

// best returns the most selective required set, or nil.
func (li litInfo) best() []string {
	var b []string
	for _, set := range li.all() {
		b = better(b, set)
	}
	return b
}

// addReq adds set to the required sets, keeping the most selective ones.
func addReq(req [][]string, set []string) [][]string {
	if set == nil {
		return req
	}
	for _, r := range req {
		if slices.Equal(r, set) {
			return req
		}
	}
	req = append(append([][]string(nil), req...), set)
	if len(req) > maxReq {
		sort.SliceStable(req, func(i, j int) bool {
			mi, mj := minLen(req[i]), minLen(req[j])
			return mi > mj || mi == mj && len(req[i]) < len(req[j])
		})
		req = req[:maxReq]
	}
	return req
}

// indexSets chooses the required sets worth looking for in texts: the most
// selective one, and up to two more whose strings are all at least four
// bytes long (shorter ones, such as "in" or "of", occur everywhere).
func indexSets(req [][]string) [][]string {
	if len(req) == 0 {
		return nil
	}
	sorted := append([][]string(nil), req...)
	sort.SliceStable(sorted, func(i, j int) bool {
		mi, mj := minLen(sorted[i]), minLen(sorted[j])
		return mi > mj || mi == mj && len(sorted[i]) < len(sorted[j])
	})
	out := sorted[:1]
	for _, set := range sorted[1:] {
		if len(out) < 3 && minLen(set) >= 4 {
			out = append(out, set)
		}
	}
	return out
}

// usable returns set if every string is long enough to index, else nil.
func usable(set []string) []string {
	if len(set) == 0 {
		return nil
	}
	for _, s := range set {
		if len(s) < 2 {
			return nil
		}
	}
	return set
}

// better returns the more selective of two required sets: the one whose
// shortest string is longer, then the smaller one.
func better(a, b []string) []string {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		if ma > mb {
			return a
		}
		return b
	}
	if len(b) < len(a) {
		return b
	}
	return a
}

func minLen(set []string) int {
	m := -1
	for _, s := range set {
		if m < 0 || len(s) < m {
			m = len(s)
		}
	}
	return m
}

func dedupe(set []string) []string {
	out := set[:0:0]
	seen := map[string]bool{}
	for _, s := range set {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return dedupe(out)
}

func analyze(re *syntax.Regexp) litInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return litInfo{exact: []string{""}, exactOK: true}
	case syntax.OpLiteral:
		var b strings.Builder
		for _, r := range re.Rune {
			b.WriteRune(foldRune(r))
		}
		return litInfo{exact: []string{b.String()}, exactOK: true}
	case syntax.OpCharClass:
		if classSize(re.Rune) > 8 {
			return litInfo{}
		}
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				set = append(set, string(foldRune(r)))
			}
		}
		set = dedupe(set)
		if len(set) > 4 {
			return litInfo{}
		}
		return litInfo{exact: set, exactOK: true}
	case syntax.OpCapture:
		return analyze(re.Sub[0])
	case syntax.OpQuest:
		s := analyze(re.Sub[0])
		if s.exactOK && len(s.exact) < maxExact {
			return litInfo{exact: dedupe(append(append([]string(nil), s.exact...), "")), exactOK: true}
		}
		return litInfo{}
	case syntax.OpPlus:
		return litInfo{req: analyze(re.Sub[0]).all()}
	case syntax.OpRepeat:
		s := analyze(re.Sub[0])
		switch {
		case re.Min == 1 && re.Max == 1:
			return s
		case re.Min == 0 && re.Max == 1:
			return analyze(&syntax.Regexp{Op: syntax.OpQuest, Sub: re.Sub})
		case re.Min >= 1:
			return litInfo{req: s.all()}
		}
		return litInfo{}
	case syntax.OpConcat:
		cur, allExact := []string{""}, true
		var req [][]string
		for _, sub := range re.Sub {
			si := analyze(sub)
			if si.exactOK && len(cur)*len(si.exact) <= maxExact {
				cur = cross(cur, si.exact)
				continue
			}
			allExact = false
			req = addReq(req, usable(cur))
			for _, set := range si.all() {
				req = addReq(req, set)
			}
			cur = []string{""}
			if si.exactOK {
				cur = si.exact
			}
		}
		if allExact {
			return litInfo{exact: cur, exactOK: true, req: req}
		}
		return litInfo{req: addReq(req, usable(cur))}
	case syntax.OpAlternate:
		var exact, union []string
		exactOK, unionOK := true, true
		for _, sub := range re.Sub {
			si := analyze(sub)
			if si.exactOK && exactOK && len(exact)+len(si.exact) <= maxExact {
				exact = append(exact, si.exact...)
			} else {
				exactOK = false
			}
			if b := si.best(); b != nil && unionOK {
				union = append(union, b...)
			} else {
				unionOK = false
			}
		}
		li := litInfo{}
		if exactOK {
			li.exact, li.exactOK = dedupe(exact), true
		}
		if unionOK {
			li.req = [][]string{dedupe(union)}
		}
		return li
	}
	return litInfo{}
}

// foldRune maps r to the smallest rune of its simple case-folding orbit, the
// same equivalence the case-insensitive regular expressions use.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	}
	if r < rune(len(foldTable)) {
		return foldTable[r]
	}
	return foldOrbit(r)
}

// foldTable caches foldRune for the two-byte UTF-8 range (Latin, Greek,
// Cyrillic, Armenian, Hebrew, Arabic...).
var foldTable = func() (t [0x800]rune) {
	for r := range t {
		t[r] = foldOrbit(rune(r))
	}
	return t
}()

// foldOrbit returns the smallest rune of r's simple case-folding orbit.
func foldOrbit(r rune) rune {
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		m = min(m, f)
	}
	return m
}

// foldText case-folds s rune by rune; an invalid byte becomes a zero byte.
// When folding changes byte offsets, offs maps each byte offset of the
// result (and its end) to the offset in s; otherwise offs is nil.
func foldText(s string) (string, []int) {
	b := make([]byte, 0, len(s))
	var offs []int
	for i, r := range s {
		n := len(b)
		size := utf8.RuneLen(r)
		if r == utf8.RuneError {
			_, size = utf8.DecodeRuneInString(s[i:])
		}
		if size == 1 && r == utf8.RuneError {
			b = append(b, 0)
		} else {
			b = utf8.AppendRune(b, foldRune(r))
		}
		if offs == nil && len(b)-n != size {
			offs = make([]int, n, len(s)+8)
			for k := range offs {
				offs[k] = k
			}
		}
		for k := n; offs != nil && k < len(b); k++ {
			offs = append(offs, i)
		}
	}
	if offs != nil {
		offs = append(offs, len(s))
	}
	return string(b), offs
}
