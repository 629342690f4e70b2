package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Span is a sentence's byte range in the text, End exclusive, trimmed of
// surrounding white space.
type Span struct{ Start, End int }

// Split returns the sentences of text in order. Every non-space byte of text
// lies in exactly one span; spans don't overlap; only white space lies
// between and around them.
func Split(text string) []Span {
	s := splitter{text: text, lead: -1}
	s.lines = splitLines(text, make([]line, 0, 1+strings.Count(text, "\n")))
	s.spans = make([]Span, 0, 8+len(text)/80)
	s.run()
	return s.spans
}

// splitter holds the state of one Split call.
type splitter struct {
	text  string
	lines []line
	spans []Span
	hard  []int // positions where a line break ends the sentence, in the current block

	start int  // where the current sentence starts (possibly white space)
	lead  rune // the first character of the current sentence, or -1 when not yet known
	depth int  // parentheses open in the current sentence
}

// first returns the first character of the current sentence.
func (s *splitter) first() rune {
	if s.lead < 0 {
		p := skipSpace(s.text, s.start, len(s.text))
		s.lead, _ = utf8.DecodeRuneInString(s.text[p:])
	}
	return s.lead
}

// cut ends the current sentence at p.
func (s *splitter) cut(p int) {
	if p <= s.start {
		return
	}
	a, b := trim(s.text, s.start, p)
	if a < b {
		s.spans = append(s.spans, Span{a, b})
	}
	s.start = p
	s.lead = -1
	s.depth = 0
}

// run splits the text block by block; blocks are runs of non-blank lines.
func (s *splitter) run() {
	first := true // the next non-blank line is the headline
	for i := 0; i < len(s.lines); {
		if s.lines[i].blank() {
			i++
			continue
		}
		j := i
		for j < len(s.lines) && !s.lines[j].blank() {
			j++
		}
		s.block(s.lines[i:j], first)
		first = false
		i = j
	}
	s.cut(len(s.text))
}

// block splits one run of non-blank lines.
func (s *splitter) block(ls []line, headline bool) {
	bs, be := ls[0].start, ls[len(ls)-1].end
	s.cut(bs)
	s.start, s.lead = bs, -1
	s.hard = s.hard[:0]
	if len(ls) > 1 {
		width := 0
		for k, l := range ls {
			if (k == 0 && headline) || s.isLabel(l) {
				continue
			}
			width = max(width, l.runes)
		}
		for k := 0; k+1 < len(ls); k++ {
			head, w := headline && k == 0, width
			if head && s.wrappedHeadline(ls) {
				head, w = false, max(width, ls[0].runes)
			}
			if s.lineEnds(ls[k], ls[k+1], head, w) {
				s.hard = append(s.hard, ls[k].end)
			}
		}
	}
	s.scan(bs, be)
	s.cut(be)
}

// scan finds the sentence ends inside the block [bs, be).
func (s *splitter) scan(bs, be int) {
	text := s.text
	h := 0
	for i := bs; i < be; {
		if h < len(s.hard) && i >= s.hard[h] {
			s.cut(s.hard[h])
			h++
			continue
		}
		c := text[i]
		if c < utf8.RuneSelf {
			switch c {
			case '.', '!', '?':
				j, end := s.terminal(i, bs, be)
				if end {
					s.cut(j)
				}
				i = j
				continue
			case '(':
				s.depth++
			case ')':
				if s.closeParen() && s.parenEnds(i+1, be) {
					s.cut(i + 1)
				}
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isTerminal(r):
			j, end := s.terminal(i, bs, be)
			if end {
				s.cut(j)
			}
			i = j
			continue
		case r == '（':
			s.depth++
		case r == '）':
			if s.closeParen() && s.parenEnds(i+size, be) {
				s.cut(i + size)
			}
		}
		i += size
	}
}

// closeParen records a closing parenthesis and reports whether it closes a
// parenthetical that the current sentence starts with.
func (s *splitter) closeParen() bool {
	if s.depth == 0 {
		return false
	}
	s.depth--
	if s.depth > 0 {
		return false
	}
	r := s.first()
	return r == '(' || r == '（'
}

// startsWithQuote reports whether the current sentence opens with a
// quotation mark.
func (s *splitter) startsWithQuote() bool {
	switch s.first() {
	case '"', '\'', '“', '‘', '«', '‹', '„', '「', '『':
		return true
	}
	return false
}

// isAttribution reports whether the text at k is the attribution of a
// quotation: a few capitalised words (a name, a title, a pronoun) and a
// reporting verb that ends the sentence or is followed by a short phrase, as
// in "President Volodymyr Zelensky said." or "He wrote on Telegram, ...".
// "Zelensky said the city would recover" is a sentence of its own.
func isAttribution(text string, k, be int) bool {
	names := 0
	for w := 0; w < 7 && k < be; w++ {
		e := wordEnd(text, k, be)
		word := strings.TrimRight(text[k:e], ".,;:!?")
		if reportingVerbs[word] {
			if names == 0 {
				return false
			}
			if len(word) < e-k {
				return true // "said." or "said,"
			}
			k = skipSpace(text, e, be)
			if k >= be {
				return true
			}
			return afterReporting[strings.TrimRight(text[k:wordEnd(text, k, be)], ".,;:")]
		}
		r, _ := utf8.DecodeRuneInString(word)
		if !isCapital(r) {
			return false
		}
		names++
		k = skipSpace(text, e, be)
	}
	return false
}

// wordEnd returns the end of the run of non-space characters at k.
func wordEnd(text string, k, be int) int {
	for k < be {
		r, size := utf8.DecodeRuneInString(text[k:])
		if isSpace(r) {
			break
		}
		k += size
	}
	return k
}

// parenEnds reports whether a sentence that is a whole parenthetical ends at
// p: white space and then the start of a new sentence follow.
func (s *splitter) parenEnds(p, be int) bool {
	if p >= be {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s.text[p:])
	if !isSpace(r) {
		return false
	}
	k := skipSpace(s.text, p, be)
	if k >= be {
		return true
	}
	r, _ = utf8.DecodeRuneInString(s.text[k:])
	return canStart(r)
}

// terminal looks at the terminal punctuation at i. It returns the end of the
// punctuation with its closing quotes and brackets, and whether the sentence
// ends there.
func (s *splitter) terminal(i, bs, be int) (int, bool) {
	text := s.text
	j := i
	periods, ellipsis, strong, cjk := 0, false, false, false
	for j < be {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isTerminal(r) {
			break
		}
		switch r {
		case '.':
			periods++
		case '…':
			ellipsis = true
		case '!', '?', '‼', '⁇', '⁈', '⁉':
			strong = true
		default:
			cjk = true
		}
		j += size
	}
	if periods > 1 {
		ellipsis = true
	}
	closed := false // a closing parenthesis ended a parenthetical sentence
	quoted := false // a closing quotation mark followed the punctuation
	for j < be {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !isCloser(r) {
			break
		}
		switch r {
		case ')', '）':
			if s.closeParen() {
				closed = true
			}
		case ']', '}', '》', '〉', '】', '〕':
		default:
			quoted = true
		}
		j += size
	}
	if j >= be {
		return j, true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if cjk {
		return j, !unicode.IsLower(next) && !isComma(next)
	}
	if !isSpace(next) {
		return j, false
	}
	k := skipSpace(text, j, be)
	if k >= be {
		return j, true
	}
	next, _ = utf8.DecodeRuneInString(text[k:])
	if !canStart(next) {
		return j, false
	}
	if closed {
		return j, true
	}
	if quoted && s.startsWithQuote() && isAttribution(text, k, be) {
		// “Who is taking whom hostage?” President X said.
		return j, false
	}
	if ellipsis {
		if i > bs {
			if p, _ := utf8.DecodeLastRuneInString(text[bs:i]); p == '(' || p == '[' {
				return j, false
			}
		}
		return j, startsCapital(text, k, be)
	}
	if strong {
		return j, true
	}
	return j, s.periodEnds(i, bs, k, be)
}

// periodEnds decides whether the single period at i, followed by white space
// and then text at k, ends the sentence.
func (s *splitter) periodEnds(i, bs, k, be int) bool {
	text := s.text
	ws := i
	for ws > bs {
		r, size := utf8.DecodeLastRuneInString(text[bs:ws])
		if isSpace(r) {
			break
		}
		ws -= size
	}
	if sa := skipSpace(text, s.start, i); i-sa < 64 && atLineStart(text, sa, bs) && isDateline(text[sa:i]) {
		return false
	}
	word := text[ws:i]
	for word != "" {
		r, size := utf8.DecodeRuneInString(word)
		if !isOpener(r) {
			break
		}
		word = word[size:]
	}
	next, _ := utf8.DecodeRuneInString(text[k:])
	switch classify(word) {
	case neverEnds:
		return false
	case endsBeforeOpener:
		return nextIsOpener(text, k, be) || isDotted(word) && word == strings.ToUpper(word) && nameThenComma(text, k, be)
	case endsBeforeCapital:
		return isCapital(next)
	case numberSign:
		if isDigit(next) || next == '#' {
			return false
		}
	}
	if isListNumber(word) && atLineStart(text, ws, bs) && skipSpace(text, s.start, ws) == ws {
		return false // "1. First item" at the start of a line
	}
	return true
}

// classify returns the kind of word (the text before a period, without the
// period).
func classify(word string) abbrevKind {
	if word == "" {
		return plainWord
	}
	if k, ok := abbreviations[word]; ok {
		return k
	}
	if n := utf8.RuneCountInString(word); n == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		if unicode.IsLetter(r) {
			return endsBeforeOpener // an initial
		}
		return plainWord
	}
	if isDotted(word) {
		return endsBeforeOpener
	}
	if h := strings.LastIndexAny(word, "-–"); h >= 0 {
		// then-U.S., ex-Gen.
		_, size := utf8.DecodeRuneInString(word[h:])
		return classify(word[h+size:])
	}
	return plainWord
}

// isDotted reports whether word is made of parts of one or two letters
// joined by periods, as in "U.S" or "a.m" (the final period is not part of
// word).
func isDotted(word string) bool {
	parts, letters := 1, 0
	for _, r := range word {
		switch {
		case r == '.':
			if letters == 0 {
				return false
			}
			parts++
			letters = 0
		case unicode.IsLetter(r):
			letters++
			if letters > 2 {
				return false
			}
		default:
			return false
		}
	}
	return parts >= 2 && letters > 0
}

// isListNumber reports whether word is a list number such as "1" or "12".
func isListNumber(word string) bool {
	if word == "" || len(word) > 3 {
		return false
	}
	for i := 0; i < len(word); i++ {
		if !isDigit(rune(word[i])) {
			return false
		}
	}
	return true
}

// atLineStart reports whether only spaces and tabs lie between the start of
// its line (or bs) and p.
func atLineStart(text string, p, bs int) bool {
	for p > bs {
		c := text[p-1]
		if c == '\n' {
			return true
		}
		if c != ' ' && c != '\t' && c != '\r' {
			return false
		}
		p--
	}
	return true
}

// nextIsOpener reports whether the word at k is a common sentence opener
// (and not an initial such as the "A." of "A. Smith").
func nextIsOpener(text string, k, be int) bool {
	e := k
	for e < be {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		e += size
	}
	if e == k {
		return false
	}
	if e < be && text[e] == '.' && utf8.RuneCountInString(text[k:e]) == 1 {
		return false
	}
	return openers[text[k:e]]
}

// nameThenComma reports whether the text at k is one capitalised word
// followed straight by a comma: a name opening a sentence ("...in the U.S.
// Krausz, 61, is ..."), which "U.S." does not run into as a modifier
// ("U.S. officials", "U.S. Secretary of State"). Only capital dotted
// abbreviations (U.S., U.N.) are followed this way.
func nameThenComma(text string, k, be int) bool {
	r, _ := utf8.DecodeRuneInString(text[k:])
	if !isCapital(r) {
		return false
	}
	e, lower := k, false
	for e < be {
		r, size := utf8.DecodeRuneInString(text[e:])
		if !unicode.IsLetter(r) {
			break
		}
		lower = lower || unicode.IsLower(r)
		e += size
	}
	// A name has lower-case letters; "ET," after "p.m." is a time zone.
	return lower && e < be && text[e] == ','
}

// startsCapital reports whether the text at k starts with a capital letter,
// possibly after opening quotes or brackets.
func startsCapital(text string, k, be int) bool {
	for k < be {
		r, size := utf8.DecodeRuneInString(text[k:])
		if !isOpener(r) || r == '-' || r == '–' || r == '—' {
			return isCapital(r)
		}
		k += size
	}
	return false
}

// isDateline reports whether s, the start of a sentence up to a period, is
// a dateline such as "MOSCOW, July 13", "KYIV" or "MOSCOW, July 13. /TASS/".
func isDateline(s string) bool {
	const (
		place = iota
		month
		day
		year
		agency
		done
	)
	state, placeLetters := place, 0
	for s != "" {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			break
		}
		n := strings.IndexAny(s, " \t\r\n")
		if n < 0 {
			n = len(s)
		}
		tok := s[:n]
		s = s[n:]
	again:
		switch state {
		case place:
			core := strings.TrimSuffix(tok, ",")
			if l := upperWordLetters(core); l > 0 {
				placeLetters += l
				if len(core) < len(tok) {
					state = month
				}
				continue
			}
			if placeLetters < 2 {
				return false
			}
			state = month
			goto again
		case month:
			if months[strings.TrimRight(tok, ".,")] {
				state = day
				continue
			}
			state = agency
			goto again
		case day:
			core := strings.TrimRight(tok, ".,")
			if len(core) >= 1 && len(core) <= 2 && isListNumber(core) {
				state = year
				continue
			}
			return false
		case year:
			core := strings.TrimRight(tok, ".,")
			if len(core) == 4 && isListNumber(core[:3]) && isDigit(rune(core[3])) {
				state = agency
				continue
			}
			state = agency
			goto again
		case agency:
			core := strings.TrimRight(tok, ".")
			if len(core) >= 3 && ((core[0] == '/' && core[len(core)-1] == '/') ||
				(core[0] == '(' && core[len(core)-1] == ')')) {
				state = done
				continue
			}
			return false
		default:
			return false
		}
	}
	return placeLetters >= 2
}

// upperWordLetters returns the number of letters in tok when tok is a word
// in capitals (letters, hyphens, apostrophes and periods, no lower case),
// and 0 otherwise.
func upperWordLetters(tok string) int {
	n := 0
	for _, r := range tok {
		switch {
		case unicode.IsUpper(r):
			n++
		case r == '-' || r == '\'' || r == '’' || r == '.':
		default:
			return 0
		}
	}
	return n
}

// isTerminal reports whether r can end a sentence.
func isTerminal(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '‼', '⁇', '⁈', '⁉', '。', '！', '？', '｡':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or a bracket.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '’', '”', '“', '»', '›', ')', ']', '}', '」', '』', '）', '》', '〉', '】', '〕', '＂':
		return true
	}
	return false
}

// isOpener reports whether r opens a quotation or a bracket, or is a dash
// that may stand before a word.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '„', '(', '[', '{', '「', '『', '（', '《', '〈', '【', '¿', '¡', '—', '–', '-':
		return true
	}
	return false
}

// isComma reports whether r is a comma or an enumeration comma.
func isComma(r rune) bool {
	return r == ',' || r == '，' || r == '、'
}

// canStart reports whether r can be the first character of a new sentence:
// anything but a lower-case letter or punctuation that continues a sentence.
func canStart(r rune) bool {
	switch r {
	case ',', ';', ':', '-', '–', '—', ')', ']', '}', '%', '.', '，', '、', '；', '：':
		return false
	}
	return !unicode.IsLower(r)
}

// isCapital reports whether r is an upper- or title-case letter.
func isCapital(r rune) bool {
	return unicode.IsUpper(r) || unicode.IsTitle(r)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isSpace reports whether r is white space.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\r', '\v', '\f':
			return true
		}
		return false
	}
	return unicode.IsSpace(r)
}

// skipSpace returns the first position at or after p (and before e) that is
// not white space, or e.
func skipSpace(text string, p, e int) int {
	for p < e {
		c := text[p]
		if c < utf8.RuneSelf {
			if !isSpace(rune(c)) {
				return p
			}
			p++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[p:])
		if !isSpace(r) {
			return p
		}
		p += size
	}
	return e
}

// trim returns [a, b) without the white space at either end.
func trim(text string, a, b int) (int, int) {
	a = skipSpace(text, a, b)
	for b > a {
		c := text[b-1]
		if c < utf8.RuneSelf {
			if !isSpace(rune(c)) {
				break
			}
			b--
			continue
		}
		r, size := utf8.DecodeLastRuneInString(text[a:b])
		if !isSpace(r) {
			break
		}
		b -= size
	}
	return a, b
}
