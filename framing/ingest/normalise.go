package ingest

import (
	"strings"
	"unicode/utf8"
)

// Normalisation is a set of typographic changes made to the analysis text
// so that the same words compare equal however the source was typeset.
// Raw is never changed, and offsets still point into it.
type Normalisation uint8

// The normalisations, as a Document's Normalised reports them: each is set
// when the text had at least one such character.
const (
	// NormSpaces: no-break spaces (U+00A0, U+202F, U+2007) and the other
	// fixed-width spaces (U+2000 to U+200A, U+205F) became plain spaces.
	NormSpaces Normalisation = 1 << iota
	// NormInvisible: soft hyphens (U+00AD), zero-width spaces and joiners
	// (U+200B to U+200D, U+2060) and byte-order marks (U+FEFF) were
	// removed.
	NormInvisible
	// NormLineBreaks: line separators (U+2028) and next-line marks (U+0085)
	// became line breaks, paragraph separators (U+2029) blank lines.
	NormLineBreaks
	// NormQuotes: typographic quotation marks and apostrophes became ASCII
	// ' and " (pasted text only; files keep their quotation marks).
	NormQuotes
)

// String lists the changes in words, for display.
func (n Normalisation) String() string {
	var parts []string
	for _, c := range []struct {
		flag Normalisation
		name string
	}{
		{NormSpaces, "no-break spaces"},
		{NormInvisible, "invisible characters"},
		{NormLineBreaks, "line separators"},
		{NormQuotes, "typographic quotes"},
	} {
		if n&c.flag != 0 {
			parts = append(parts, c.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

// fileNormalisation is what every file format gets; pasted text also gets
// its quotation marks straightened.
const fileNormalisation = NormSpaces | NormInvisible | NormLineBreaks

// replacement returns what r becomes under set, and which normalisation
// that is; ok is false when r stays.
func replacement(r rune, set Normalisation) (repl string, flag Normalisation, ok bool) {
	switch r {
	case '\u00A0', '\u202F', '\u2007', '\u205F':
		flag, repl = NormSpaces, " "
	case '\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF':
		flag, repl = NormInvisible, ""
	case '\u2028', '\u0085':
		flag, repl = NormLineBreaks, "\n"
	case '\u2029':
		flag, repl = NormLineBreaks, "\n\n"
	case '‘', '’', '‚', '‛':
		flag, repl = NormQuotes, "'"
	case '“', '”', '„', '‟':
		flag, repl = NormQuotes, `"`
	default:
		if r >= '\u2000' && r <= '\u200A' {
			flag, repl = NormSpaces, " "
		} else {
			return "", 0, false
		}
	}
	if set&flag == 0 {
		return "", 0, false
	}
	return repl, flag, true
}

// mayNeedNormalising reports whether text has a byte that starts one of
// the characters replacement changes; most text has none.
func mayNeedNormalising(text string) bool {
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case 0xC2, 0xE2, 0xEF:
			return true
		}
	}
	return false
}

// normalise applies set to the builder's text, keeping its map: a
// replacement stands for the whole original character, and removed
// characters leave no trace in the text. It returns the changes made.
func (b *builder) normalise(set Normalisation) Normalisation {
	text := b.text.String()
	if set == 0 || !mayNeedNormalising(text) {
		return 0
	}
	var done Normalisation
	var out strings.Builder
	out.Grow(len(text))
	offs := make([]int32, 0, len(b.offs))
	ends := make([]int32, 0, len(b.offs))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		repl, flag, ok := replacement(r, set)
		if !ok {
			out.WriteString(text[i : i+size])
			for k := i; k < i+size; k++ {
				offs = append(offs, b.offs[k])
				ends = append(ends, b.end(k))
			}
			i += size
			continue
		}
		done |= flag
		out.WriteString(repl)
		for range len(repl) {
			offs = append(offs, b.offs[i])
			ends = append(ends, b.end(i+size-1))
		}
		i += size
	}
	if done == 0 {
		return 0
	}
	b.text.Reset()
	b.text.WriteString(out.String())
	b.offs, b.ends = offs, ends
	return done
}

// normaliseString applies set to s, for text kept outside the map (a
// title taken from a heading).
func normaliseString(s string, set Normalisation) string {
	if !mayNeedNormalising(s) {
		return s
	}
	var out strings.Builder
	for _, r := range s {
		if repl, _, ok := replacement(r, set); ok {
			out.WriteString(repl)
			continue
		}
		out.WriteRune(r)
	}
	return strings.Join(strings.Fields(out.String()), " ")
}
