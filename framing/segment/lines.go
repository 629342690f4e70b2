package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of hard-wrapped text, in characters per line.
const (
	minWrap = 40  // narrower blocks are short standalone lines
	maxWrap = 110 // wider blocks hold one paragraph per line
	slack   = 2   // tolerance when checking that a word did not fit
)

// line is one line of the text without its surrounding white space.
type line struct {
	start, end int // byte range; start == end for a blank line
	runes      int // characters in the line
}

func (l line) blank() bool { return l.start == l.end }

// splitLines appends the lines of text to ls.
func splitLines(text string, ls []line) []line {
	for p := 0; ; {
		n := strings.IndexByte(text[p:], '\n')
		e := len(text)
		if n >= 0 {
			e = p + n
		}
		a, b := trim(text, p, e)
		ls = append(ls, line{start: a, end: b, runes: utf8.RuneCountInString(text[a:b])})
		if n < 0 {
			return ls
		}
		p = e + 1
	}
}

// lineEnds reports whether the break between line l and the next line n of
// the same block ends a sentence whatever the punctuation says. width is
// the length of the block's longest line; headline is set for the first
// line of the text.
func (s *splitter) lineEnds(l, n line, headline bool, width int) bool {
	lt, nt := s.text[l.start:l.end], s.text[n.start:n.end]
	if isParenLine(lt) || isParenLine(nt) || s.isLabel(n) {
		return true
	}
	if isListItem(nt) && !endsWithJoiningWord(lt) {
		// A number that only looks like a list number ends a sentence
		// wrapped onto its line ("... on February\n24. President ...").
		r, _ := utf8.DecodeLastRuneInString(lt)
		if isListItem(lt) || endsTerminal(lt) || r == ':' ||
			width < minWrap || width > maxWrap || !s.wrapped(l, n, width) {
			return true
		}
	}
	first, _ := utf8.DecodeRuneInString(nt)
	if unicode.IsLower(first) || runsOn(lt) {
		return false
	}
	if headline || s.isLabel(l) {
		return true
	}
	if endsTerminal(lt) {
		// In hard-wrapped text the punctuation decides.
		return width < minWrap || width > maxWrap
	}
	if width < minWrap || width > maxWrap {
		return true
	}
	return !s.wrapped(l, n, width)
}

// wrapped reports whether the break after line l looks forced by the
// width of hard-wrapped text: the first word of the next line n would not
// have fitted on l. A line that stops short ends on purpose.
func (s *splitter) wrapped(l, n line, width int) bool {
	return l.runes+1+firstWordRunes(s.text[n.start:n.end]) > width-slack
}

// wrappedHeadline reports whether the first block of the text, ls, is a
// headline wrapped over two to four lines: it ends without terminal
// punctuation and its first line break is forced by the width.
func (s *splitter) wrappedHeadline(ls []line) bool {
	if len(ls) < 2 || len(ls) > 4 {
		return false
	}
	last := ls[len(ls)-1]
	if endsTerminal(s.text[last.start:last.end]) {
		return false
	}
	width := 0
	for _, l := range ls {
		width = max(width, l.runes)
	}
	return width >= minWrap && width <= maxWrap && s.wrapped(ls[0], ls[1], width)
}

// isLabel reports whether l is a credit or caption line such as
// "Photo: ..." or "Source: ...".
func (s *splitter) isLabel(l line) bool {
	t := s.text[l.start:l.end]
	for _, p := range labels {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// isParenLine reports whether t is one parenthetical from its first to its
// last character.
func isParenLine(t string) bool {
	if t == "" || (t[0] != '(' && !strings.HasPrefix(t, "（")) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if last != ')' && last != '）' {
		return false
	}
	depth := 0
	for i, r := range t {
		switch r {
		case '(', '（':
			depth++
		case ')', '）':
			depth--
			if depth == 0 {
				return i+utf8.RuneLen(r) == len(t)
			}
		}
	}
	return false
}

// isListItem reports whether t starts with a list number ("1.", "2)") or a
// bullet followed by a space.
func isListItem(t string) bool {
	d := 0
	for d < len(t) && d < 4 && isDigit(rune(t[d])) {
		d++
	}
	if d > 0 && d <= 3 {
		return len(t) > d+1 && (t[d] == '.' || t[d] == ')') && t[d+1] == ' '
	}
	r, size := utf8.DecodeRuneInString(t)
	switch r {
	case '•', '◦', '▪', '‣', '*', '·':
		return len(t) > size && t[size] == ' '
	}
	return false
}

// runsOn reports whether a line that ends like t must continue on the next
// line: it ends in a comma, a dash, an opening bracket or quote, or a word
// such as "the".
func runsOn(t string) bool {
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case ',', ';', ':', '-', '–', '—', '(', '[', '/', '&', '“', '‘', '«', '„', '，', '、':
		return true
	}
	return endsWithJoiningWord(t)
}

// endsWithJoiningWord reports whether the last word of t is one after which
// a sentence cannot end.
func endsWithJoiningWord(t string) bool {
	e := len(t)
	b := e
	for b > 0 {
		r, size := utf8.DecodeLastRuneInString(t[:b])
		if !unicode.IsLower(r) {
			break
		}
		b -= size
	}
	if b == e {
		return false
	}
	if b > 0 {
		if r, _ := utf8.DecodeLastRuneInString(t[:b]); !isSpace(r) {
			return false
		}
	}
	return joiningWords[t[b:e]]
}

// endsTerminal reports whether t ends in terminal punctuation, possibly
// followed by closing quotes and brackets.
func endsTerminal(t string) bool {
	for t != "" {
		r, size := utf8.DecodeLastRuneInString(t)
		if isTerminal(r) {
			return true
		}
		if !isCloser(r) {
			return false
		}
		t = t[:len(t)-size]
	}
	return false
}

// firstWordRunes returns the number of characters before the first white
// space in t.
func firstWordRunes(t string) int {
	n := 0
	for _, r := range t {
		if isSpace(r) {
			break
		}
		n++
	}
	return n
}
