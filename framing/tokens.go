package framing

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// token is one word, number or CJK character of a sentence.
type token struct {
	start, end int    // byte offsets in the document's analysis text
	lower      string // lower-cased, quotes and dashes folded
	key        string // comparison key: stem, number value or concept
	content    bool   // not a function word
	num        bool
	pct        bool // a figure followed by a per cent sign
	cap        bool // starts with an upper-case letter
	quoted     bool // inside a direct quotation of several words: a speaker's words, not the report's
	inQuote    bool // inside quotation marks at all
	modifier   bool // qualifies a craft named next ("fighter jet", "attack helicopter"): not its own sense
}

// tokenize splits text[from:to] into tokens. Words keep inner apostrophes,
// hyphens and dots (U.S., 3.5, Port-Jérôme); CJK characters are one token
// each.
func tokenize(text string, from, to int) []token {
	var out []token
	i := from
	for i < to {
		r, size := utf8.DecodeRuneInString(text[i:to])
		if isCJK(r) {
			out = append(out, makeToken(text, i, i+size))
			i += size
			continue
		}
		if !isWordRune(r) {
			i += size
			continue
		}
		j := i + size
		for j < to {
			r2, s2 := utf8.DecodeRuneInString(text[j:to])
			if isWordRune(r2) && !isCJK(r2) {
				j += s2
				continue
			}
			// Inner joiners: don't, U.S., 3.5, Port-Jérôme, 65,000.
			if isJoiner(r2) && j+s2 < to {
				r3, _ := utf8.DecodeRuneInString(text[j+s2 : to])
				if isWordRune(r3) && !isCJK(r3) {
					j += s2
					continue
				}
			}
			break
		}
		// Keep the final dot of an abbreviation such as U.S. or p.m.
		if j < to && text[j] == '.' && strings.Count(text[i:j], ".") > 0 && j-i <= 6 {
			j++
		}
		t := makeToken(text, i, j)
		if t.num && j < to && text[j] == '%' {
			t.pct = true
		}
		out = append(out, t)
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '‐', '‑', '.', ',':
		return true
	}
	return false
}

func isCJK(r rune) bool {
	if r < 0x1100 { // below Hangul Jamo: no CJK script
		return false
	}
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r)
}

func makeToken(text string, start, end int) token {
	raw := text[start:end]
	lower := foldWord(raw)
	t := token{start: start, end: end, lower: lower}
	r, _ := utf8.DecodeRuneInString(raw)
	t.cap = unicode.IsUpper(r)
	if v, ok := parseNumber(lower); ok {
		t.num = true
		t.content = true
		t.key = "#" + strconv.FormatFloat(v, 'f', -1, 64)
		return t
	}
	t.content = !stopwords[lower]
	t.key = stem(stripMarks(lower))
	return t
}

// stripMarks removes the diacritics of Latin letters ("González" and
// "Gonzalez", "Élisabeth" and "Elisabeth" are one word to compare); other
// scripts are left alone, since their marks can tell words apart.
func stripMarks(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(r)
	}
	out := norm.NFC.String(b.String())
	// Only fold words that are Latin once their marks are gone.
	for _, r := range out {
		if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
			return s
		}
	}
	return out
}

// craftWords name craft and weapons that a word before them qualifies:
// "fighter" in "fighter jet" is no fighter, "attack" in "attack drone" no
// attack.
var craftWords = wordSet(`jet jets plane planes aircraft helicopter helicopters drone drones bomber bombers
	pilot pilots ship ships vessel vessels boat boats submarine submarines missile missiles rocket rockets
	craft unit units squadron squadrons vehicle vehicles carrier carriers`)

// markModifiers flags the words that qualify a craft named right after them.
func markModifiers(toks []token) {
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].content && !toks[i].num && craftWords[toks[i+1].lower] && !craftWords[toks[i].lower] {
			toks[i].modifier = true
		}
	}
}

// foldWord lower-cases a word and folds typographic variants: curly
// apostrophes, dash variants, and a trailing possessive 's.
func foldWord(s string) string {
	if hasUpper(s) {
		s = strings.ToLower(s)
	}
	if strings.ContainsAny(s, "’‘‐‑") {
		s = typoFolder.Replace(s)
	}
	s = strings.TrimSuffix(s, "'s")
	s = strings.TrimSuffix(s, "'")
	return s
}

// hasUpper reports whether s may change when lower-cased: an ASCII capital
// or any non-ASCII letter.
func hasUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}

var typoFolder = strings.NewReplacer("’", "'", "‘", "'", "‐", "-", "‑", "-")

// parseNumber reads 12, 1,200, 3.5, 65,000 and number words up to twenty.
func parseNumber(s string) (float64, bool) {
	if v, ok := numberWords[s]; ok {
		return v, true
	}
	if s == "" || !(s[0] >= '0' && s[0] <= '9') {
		return 0, false
	}
	clean := strings.ReplaceAll(s, ",", "")
	scale := 1.0
	// A scale glued to the digits: "54million", "5bn".
	if end := strings.LastIndexAny(clean, "0123456789"); end >= 0 && end+1 < len(clean) {
		m, ok := scales[clean[end+1:]]
		if !ok {
			return 0, false
		}
		scale, clean = m, clean[:end+1]
	}
	v, err := strconv.ParseFloat(clean, 64)
	if err != nil {
		return 0, false
	}
	return v * scale, true
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
	"fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
	"nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"hundred": 100, "dozen": 12,
}

// stem is a light English suffix stripper: enough to match plural,
// possessive, tense and derived forms (attack/attacks/attacked/attacking,
// Ukraine/Ukrainian) without a dictionary. Words in other scripts keep a
// stem of their first letters, which matches most case endings.
func stem(w string) string {
	if w == "" {
		return w
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r > unicode.MaxLatin1 && !unicode.In(r, unicode.Latin) {
		return cutRunes(w, 5)
	}
	for _, suf := range []string{"ational", "ization", "isation", "fulness", "iveness", "ically", "ations", "ation", "ments", "ment", "ness", "ings", "ing", "ians", "ian", "ies", "ied", "ed", "es", "ly", "s"} {
		if strings.HasSuffix(w, suf) && utf8.RuneCountInString(w)-utf8.RuneCountInString(suf) >= 3 {
			w = strings.TrimSuffix(w, suf)
			break
		}
	}
	w = strings.TrimSuffix(w, "e")
	return cutRunes(w, 7)
}

func cutRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

// stopwords are function words: they never make two sentences alike and a
// difference made only of them is never framing.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but nor so yet of to in on at by for from with without
	into onto over under about above below after before during since until while as than then that this
	these those there here it its it's he she they we you i me him her them us our your their his my
	is are was were be been being am has have had having do does did doing will would shall should can
	could may might must not no also too very just only even still already again further more most
	such which who whom whose what when where why how all any both each few other some own same
	if because though although whether either neither up down out off per via upon
	mr mrs ms dr one's s t says say`) {
		m[w] = true
	}
	return m
}()
