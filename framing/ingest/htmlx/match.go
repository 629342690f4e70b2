package htmlx

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// looseWindow bounds how far past the cursor a whitespace-insensitive
// search looks, and charWindow how far a single character is looked for.
const (
	looseWindow = 64 << 10
	charWindow  = 256
)

// matcher finds the text of the extracted article in the page text. The
// extraction keeps the page's order, so each piece is looked for after the
// previous one (the cursor); pieces moved by the extraction are looked for
// from the top.
type matcher struct {
	src    *source
	s      string
	cursor int
}

func newMatcher(src *source) *matcher {
	return &matcher{src: src, s: string(src.text)}
}

// locate returns, for every byte of t, the range of page bytes it came
// from. Text found in the page maps exactly; text the extraction changed
// maps character by character where it can, and otherwise to the place
// in the page where the previous text ended.
func (m *matcher) locate(t string) (start, end []int32) {
	if t == "" {
		return nil, nil
	}
	if strings.TrimSpace(t) == "" {
		if strings.HasPrefix(m.s[m.cursor:], t) {
			return m.take(m.cursor, len(t))
		}
		return m.anchored(len(t))
	}
	if i := strings.Index(m.s[m.cursor:], t); i >= 0 {
		return m.take(m.cursor+i, len(t))
	}
	if i := strings.Index(m.s, t); i >= 0 {
		return m.take(i, len(t))
	}
	if start, end, ok := m.loose(t, m.cursor); ok {
		return start, end
	}
	return m.charByChar(t)
}

// take maps n bytes of page text from i and moves the cursor past them.
func (m *matcher) take(i, n int) (start, end []int32) {
	m.cursor = i + n
	return m.src.start[i : i+n], m.src.end[i : i+n]
}

// anchor is the page range standing for text that is not in the page: the
// character before the cursor.
func (m *matcher) anchor() (int32, int32) {
	switch {
	case m.cursor > 0:
		return m.src.start[m.cursor-1], m.src.end[m.cursor-1]
	case len(m.src.start) > 0:
		return m.src.start[0], m.src.end[0]
	}
	// A page with no text at all: its first byte.
	return 0, 1
}

func (m *matcher) anchored(n int) (start, end []int32) {
	a, b := m.anchor()
	start, end = make([]int32, n), make([]int32, n)
	for i := range start {
		start[i], end[i] = a, b
	}
	return start, end
}

// loose finds t in the page text from position from, letting any run of
// whitespace in t match any run (possibly empty) in the page. Words map to
// their bytes, and each run of whitespace to the first whitespace byte
// after the word before it.
func (m *matcher) loose(t string, from int) (start, end []int32, ok bool) {
	words := strings.Fields(t)
	if len(words) == 0 {
		return nil, nil, false
	}
	limit := min(len(m.s), from+looseWindow)
	for p := from; p < limit; {
		i := strings.Index(m.s[p:limit], words[0])
		if i < 0 {
			return nil, nil, false
		}
		at := p + i
		pos := make([]int, len(words)) // page text index of each word
		pos[0] = at
		k := at + len(words[0])
		matched := true
		for w := 1; w < len(words); w++ {
			for k < len(m.s) {
				r, size := utf8.DecodeRuneInString(m.s[k:])
				if !unicode.IsSpace(r) {
					break
				}
				k += size
			}
			if !strings.HasPrefix(m.s[k:], words[w]) {
				matched = false
				break
			}
			pos[w] = k
			k += len(words[w])
		}
		if !matched {
			p = at + 1
			continue
		}
		start, end = make([]int32, 0, len(t)), make([]int32, 0, len(t))
		w := 0
		for j := 0; j < len(t); {
			r, size := utf8.DecodeRuneInString(t[j:])
			if unicode.IsSpace(r) {
				// Whitespace stands for the byte after the previous word
				// (or before the first).
				q := pos[0]
				if w > 0 {
					q = pos[w-1] + len(words[w-1])
				}
				q = min(q, len(m.s)-1)
				for range size {
					start = append(start, m.src.start[q])
					end = append(end, m.src.end[q])
				}
				j += size
				continue
			}
			// A word of t: copy the map of its match.
			n := len(words[w])
			start = append(start, m.src.start[pos[w]:pos[w]+n]...)
			end = append(end, m.src.end[pos[w]:pos[w]+n]...)
			j += n
			w++
		}
		m.cursor = k
		return start, end, true
	}
	return nil, nil, false
}

// charByChar maps each character of t to its next occurrence close after
// the cursor, or to the anchor when there is none.
func (m *matcher) charByChar(t string) (start, end []int32) {
	start, end = make([]int32, 0, len(t)), make([]int32, 0, len(t))
	for j := 0; j < len(t); {
		r, size := utf8.DecodeRuneInString(t[j:])
		limit := min(len(m.s), m.cursor+charWindow)
		if !unicode.IsSpace(r) {
			if i := strings.Index(m.s[m.cursor:limit], t[j:j+size]); i >= 0 {
				s, e := m.take(m.cursor+i, size)
				start = append(start, s...)
				end = append(end, e...)
				j += size
				continue
			}
		}
		a, b := m.anchor()
		for range size {
			start = append(start, a)
			end = append(end, b)
		}
		j += size
	}
	return start, end
}
