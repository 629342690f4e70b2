package ingest

import (
	"bytes"
	"strings"
)

// renderMarkdown appends the text of a Markdown document to b: block markup
// (headings, quotes, list markers, rules, fences, link definitions) and
// inline markup (emphasis, code, links, images, HTML tags, escapes) are
// removed; the words keep their original offsets. A heading always ends
// its paragraph, so it becomes a sentence of its own.
func renderMarkdown(b *builder, raw []byte, start int) {
	inFence := false
	pos := start
	for pos < len(raw) {
		end := bytes.IndexByte(raw[pos:], '\n')
		next := len(raw)
		if end < 0 {
			end = len(raw)
		} else {
			end += pos
			next = end + 1
		}
		lineEnd := end
		if lineEnd > pos && raw[lineEnd-1] == '\r' {
			lineEnd--
		}
		line := raw[pos:lineEnd]
		trimmed := bytes.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		switch {
		case bytes.HasPrefix(trimmed, []byte("```")) || bytes.HasPrefix(trimmed, []byte("~~~")):
			inFence = !inFence
		case inFence:
			b.copyText(pos, lineEnd)
		case isRule(trimmed) || isSetextUnderline(trimmed) || isLinkDefinition(trimmed):
			// Markup only: nothing to read.
		default:
			from := pos + indent
			heading := false
			// Block prefixes: quotes, headings, list markers.
			for {
				rest := raw[from:lineEnd]
				switch {
				case bytes.HasPrefix(rest, []byte(">")):
					from++
					for from < lineEnd && (raw[from] == ' ' || raw[from] == '\t') {
						from++
					}
					continue
				case len(rest) > 0 && rest[0] == '#':
					n := 0
					for n < len(rest) && rest[n] == '#' {
						n++
					}
					if n <= 6 && (n == len(rest) || rest[n] == ' ' || rest[n] == '\t') {
						heading = true
						from += n
						for from < lineEnd && (raw[from] == ' ' || raw[from] == '\t') {
							from++
						}
						// Closing hashes of an ATX heading.
						for lineEnd > from && (raw[lineEnd-1] == '#' || raw[lineEnd-1] == ' ') {
							lineEnd--
						}
					}
				default:
					if n := listMarker(rest); n > 0 {
						from += n
					}
				}
				break
			}
			inline(b, raw, from, lineEnd)
			if heading {
				b.emit("\n", lineEnd)
			}
		}
		if end < len(raw) {
			b.emit("\n", end)
		}
		pos = next
	}
}

// inline appends raw[from:to] with inline Markdown markup removed.
func inline(b *builder, raw []byte, from, to int) {
	i := from
	for i < to {
		c := raw[i]
		switch {
		case c == '\\' && i+1 < to && strings.IndexByte("\\`*_{}[]()#+-.!<>~|\"'", raw[i+1]) >= 0:
			b.copyText(i+1, i+2)
			i += 2
		case c == '*' || c == '`' || c == '~' && i+1 < to && raw[i+1] == '~':
			i++
			for i < to && raw[i] == c {
				i++
			}
		case c == '_' && isEmphasisUnderscore(raw, i, from, to):
			i++
		case c == '!' && i+1 < to && raw[i+1] == '[':
			if textEnd, linkEnd, ok := linkAt(raw, i+1, to); ok {
				inline(b, raw, i+2, textEnd)
				i = linkEnd
			} else {
				b.copyText(i, i+1)
				i++
			}
		case c == '[':
			if textEnd, linkEnd, ok := linkAt(raw, i, to); ok {
				inline(b, raw, i+1, textEnd)
				i = linkEnd
			} else {
				b.copyText(i, i+1)
				i++
			}
		case c == '<':
			if n := htmlTagLen(raw[i:to]); n > 0 {
				tag := raw[i : i+n]
				if bytes.HasPrefix(tag, []byte("<http")) || bytes.HasPrefix(tag, []byte("<mailto:")) {
					b.copyText(i+1, i+n-1)
				}
				i += n
			} else {
				b.copyText(i, i+1)
				i++
			}
		default:
			j := i + 1
			for j < to && strings.IndexByte("\\*`~_![<", raw[j]) < 0 {
				j++
			}
			b.copyText(i, j)
			i = j
		}
	}
}

// linkAt recognises [text](target) or [text][ref] starting at raw[open]=='['.
// It returns the end of the text part and the end of the whole link.
func linkAt(raw []byte, open, to int) (textEnd, linkEnd int, ok bool) {
	depth := 0
	for i := open; i < to; i++ {
		switch raw[i] {
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				if i+1 < to && (raw[i+1] == '(' || raw[i+1] == '[') {
					closer := byte(')')
					if raw[i+1] == '[' {
						closer = ']'
					}
					if k := bytes.IndexByte(raw[i+2:to], closer); k >= 0 {
						return i, i + 2 + k + 1, true
					}
				}
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}

func isEmphasisUnderscore(raw []byte, i, from, to int) bool {
	prevWord := i > from && isWordByte(raw[i-1])
	nextWord := i+1 < to && isWordByte(raw[i+1])
	return !(prevWord && nextWord)
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// htmlTagLen returns the length of an HTML tag or autolink at the start of
// s, or 0.
func htmlTagLen(s []byte) int {
	if len(s) < 3 {
		return 0
	}
	c := s[1]
	if !(c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return 0
	}
	k := bytes.IndexByte(s, '>')
	if k < 0 || bytes.IndexByte(s[1:k], '<') >= 0 {
		return 0
	}
	return k + 1
}

func isRule(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < 3 {
		return false
	}
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for _, x := range t {
		switch x {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

func isSetextUnderline(line []byte) bool {
	t := bytes.TrimSpace(line)
	if len(t) < 2 {
		return false
	}
	for _, x := range t {
		if x != '=' {
			return false
		}
	}
	return true
}

func isLinkDefinition(line []byte) bool {
	if len(line) < 4 || line[0] != '[' {
		return false
	}
	k := bytes.Index(line, []byte("]:"))
	return k > 1
}

// listMarker returns the length of a list marker ("- ", "* ", "+ ", "1. ",
// "2) ") at the start of s, or 0.
func listMarker(s []byte) int {
	if len(s) >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && (s[1] == ' ' || s[1] == '\t') {
		return 2
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && s[n+1] == ' ' {
		return n + 2
	}
	return 0
}

// firstHeading returns the text of the first ATX heading, or "".
func firstHeading(raw []byte) string {
	for _, line := range bytes.Split(raw, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 {
			continue
		}
		if t[0] == '#' {
			b := newBuilder(t)
			h := bytes.TrimLeft(t, "#")
			h = bytes.Trim(h, " \t#")
			b.raw = h
			inline(b, h, 0, len(h))
			return strings.Join(strings.Fields(b.text.String()), " ")
		}
		return ""
	}
	return ""
}
