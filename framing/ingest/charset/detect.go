package charset

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// sampleSize is how much of a report Detect reads.
const sampleSize = 256 << 10

// Detect guesses the character set of bytes that declare none. It returns
// UTF8 when raw is valid UTF-8, or UTF-8 but for a few damaged bytes;
// GB18030 when the bytes read as Chinese text in GB18030 (or its subsets
// GBK and GB2312); Windows1251 or KOI8R when they read as Cyrillic text,
// picking the one whose letters are distributed like Russian and Ukrainian
// words; and "" when there is too little text to tell or the bytes fit
// none of them (a Latin-1 page, a binary file). A byte-order mark decides
// alone.
func Detect(raw []byte) string {
	if name, _ := BOM(raw); name != "" {
		return name
	}
	sample := raw
	if len(sample) > sampleSize {
		// A character cut at the end of the sample counts as one bad
		// byte, which the tests below tolerate.
		sample = sample[:sampleSize]
	}
	if utf8.Valid(sample) {
		return UTF8
	}
	multi, bad := utf8Share(sample)
	if multi > 0 && bad*8 <= multi {
		return UTF8
	}
	if looksGB18030(sample) {
		return GB18030
	}
	return cyrillic(sample)
}

// utf8Share counts the bytes in valid multi-byte UTF-8 sequences and the
// bytes that are not valid UTF-8.
func utf8Share(b []byte) (multi, bad int) {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
			i++
			continue
		}
		multi += size
		i += size
	}
	return multi, bad
}

// looksGB18030 reports whether b reads as Chinese text in GB18030: every
// non-ASCII byte part of a valid character, most characters among the
// common hanzi and punctuation of GB2312, and few of them next to an ASCII
// space (Chinese does not separate words; Cyrillic text read as GB18030
// is broken by a space every few characters).
func looksGB18030(b []byte) bool {
	chars, common, bad, spaced := 0, 0, 0, 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			i++
			continue
		}
		if c == 0x80 || c == 0xFF || i+1 >= len(b) {
			bad++
			i++
			continue
		}
		t := b[i+1]
		n := 0
		switch {
		case t >= 0x40 && t <= 0x7E || t >= 0x80 && t <= 0xFE:
			n = 2
			if t >= 0xA1 && (c >= 0xB0 && c <= 0xD7 || c >= 0xA1 && c <= 0xA9) {
				common++
			}
		case t >= 0x30 && t <= 0x39 && i+3 < len(b) && b[i+2] >= 0x81 && b[i+2] <= 0xFE && b[i+3] >= 0x30 && b[i+3] <= 0x39:
			n = 4
		default:
			bad++
			i++
			continue
		}
		chars++
		if i > 0 && b[i-1] == ' ' || i+n < len(b) && b[i+n] == ' ' {
			spaced++
		}
		i += n
	}
	return chars >= 4 && bad*50 <= chars && common*10 >= chars*7 && spaced*10 <= chars
}

// ruFreq is the frequency, in percent, of lower-case letters in Russian
// and Ukrainian prose.
var ruFreq = map[rune]float64{
	'о': 10.97, 'е': 8.45, 'а': 8.01, 'и': 7.35, 'н': 6.70, 'т': 6.26,
	'с': 5.47, 'р': 4.73, 'в': 4.54, 'л': 4.40, 'к': 3.49, 'м': 3.21,
	'д': 2.98, 'п': 2.81, 'у': 2.62, 'я': 2.01, 'ы': 1.90, 'ь': 1.74,
	'г': 1.70, 'з': 1.65, 'б': 1.59, 'ч': 1.44, 'й': 1.21, 'х': 0.97,
	'ж': 0.94, 'ш': 0.73, 'ю': 0.64, 'ц': 0.48, 'щ': 0.36, 'э': 0.32,
	'ф': 0.26, 'ъ': 0.04, 'ё': 0.04,
	'і': 4.0, 'ї': 0.6, 'є': 0.8, 'ґ': 0.1, 'ў': 1.0,
}

// cyrillic decides between Windows-1251 and KOI8-R by how Russian the
// letters read in each, or returns "" when neither reads as Cyrillic.
func cyrillic(b []byte) string {
	s1251, ok1251 := cyrillicScore(b, charmap.Windows1251)
	sKOI, okKOI := cyrillicScore(b, charmap.KOI8R)
	switch {
	case ok1251 && s1251 >= 2 && s1251 > sKOI+0.5:
		return Windows1251
	case okKOI && sKOI >= 2 && sKOI > s1251+0.5:
		return KOI8R
	}
	return ""
}

// cyrillicScore reads the non-ASCII bytes of b in cm and scores them: the
// mean frequency of the letters (capitals count half), less a penalty for
// each capital that follows a small letter inside a word, which real text
// rarely has and text in the wrong code page has all the time. ok is false
// when there are too few letters to judge, when most non-ASCII bytes are
// not Cyrillic letters, or when they sit inside Latin words (accented
// letters of a Latin-1 text).
func cyrillicScore(b []byte, cm *charmap.Charmap) (score float64, ok bool) {
	high, letters, latinNeighbours := 0, 0, 0
	prevLower := false
	for i, c := range b {
		if c < utf8.RuneSelf {
			prevLower = false
			continue
		}
		high++
		if i > 0 && isASCIILetter(b[i-1]) || i+1 < len(b) && isASCIILetter(b[i+1]) {
			latinNeighbours++
		}
		r := cm.DecodeByte(c)
		if !unicode.IsLetter(r) || !unicode.Is(unicode.Cyrillic, r) {
			prevLower = false
			continue
		}
		letters++
		f := ruFreq[unicode.ToLower(r)]
		switch {
		case unicode.IsUpper(r) && prevLower:
			score -= 4
		case unicode.IsUpper(r):
			score += f / 2
		default:
			score += f
		}
		prevLower = unicode.IsLower(r)
	}
	if high == 0 {
		return 0, false
	}
	ok = letters >= 6 && letters*4 >= high*3 && latinNeighbours*5 <= high
	return score / float64(high), ok
}

func isASCIILetter(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
