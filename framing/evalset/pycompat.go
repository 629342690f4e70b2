package evalset

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The helpers in this file reproduce the Python behaviour the reference
// scorer relies on, so that both give the same numbers on the same input.

// asciiSpace is what Python's bytes.strip() removes.
const asciiSpace = " \t\n\r\v\f"

// pySlice returns b[lo:hi] with Python's slice semantics: negative bounds
// count from the end and bounds are clamped to the slice.
func pySlice(b []byte, lo, hi int) []byte {
	n := len(b)
	clamp := func(i int) int {
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		}
		return min(i, n)
	}
	lo, hi = clamp(lo), clamp(hi)
	if hi < lo {
		return nil
	}
	return b[lo:hi]
}

// pyFind is Python's bytes.find(sub, start): the index of the first sub at
// or after start, or -1.
func pyFind(hay, sub []byte, start int) int {
	if start < 0 {
		start = max(start+len(hay), 0)
	}
	if start > len(hay) {
		return -1
	}
	j := bytes.Index(hay[start:], sub)
	if j < 0 {
		return -1
	}
	return start + j
}

// pySpace reports whether Python's str.split() splits at r.
func pySpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

// pyFields is Python's str.split() without arguments.
func pyFields(s string) []string {
	return strings.FieldsFunc(s, pySpace)
}

// pyDecode is Python's bytes.decode("utf-8", "replace"): each maximal
// invalid subsequence becomes one U+FFFD.
func pyDecode(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	var sb strings.Builder
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError || size > 1 {
			sb.Write(b[i : i+size])
			i += size
			continue
		}
		sb.WriteRune(utf8.RuneError)
		i += invalidPrefix(b[i:])
	}
	return sb.String()
}

// invalidPrefix returns the length of the maximal subpart of an ill-formed
// UTF-8 sequence at the start of p: a lead byte followed by the
// continuation bytes that could still belong to it.
func invalidPrefix(p []byte) int {
	lead := p[0]
	var need int
	lo, hi := byte(0x80), byte(0xbf)
	switch {
	case lead >= 0xc2 && lead <= 0xdf:
		need = 1
	case lead == 0xe0:
		need, lo = 2, 0xa0
	case lead >= 0xe1 && lead <= 0xec, lead == 0xee, lead == 0xef:
		need = 2
	case lead == 0xed:
		need, hi = 2, 0x9f
	case lead == 0xf0:
		need, lo = 3, 0x90
	case lead >= 0xf1 && lead <= 0xf3:
		need = 3
	case lead == 0xf4:
		need, hi = 3, 0x8f
	default:
		return 1
	}
	if len(p) < 2 || p[1] < lo || p[1] > hi {
		return 1
	}
	n := 2
	for n <= need && n < len(p) && p[n] >= 0x80 && p[n] <= 0xbf {
		n++
	}
	return n
}

// stem is Python's os.path.splitext(os.path.basename(name))[0]: the file
// name without its directory and extension; leading dots are not an
// extension.
func stem(name string) string {
	base := name[strings.LastIndex(name, "/")+1:]
	dot := strings.LastIndex(base, ".")
	if dot > 0 && strings.Trim(base[:dot], ".") != "" {
		return base[:dot]
	}
	return base
}
