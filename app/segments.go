package app

import (
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
)

// notReported is the text of a cell whose report left the fact out.
const notReported = "— not reported —"

// pieceSegments turns the pieces of a cell into rich-text segments:
// framing differences bold in the colour of their kind (what a report
// only says in their place in that colour, not bold), other differences
// in a faint colour, matches of the find query underlined.
func pieceSegments(pieces []framing.Piece, query string) []widget.RichTextSegment {
	segs := make([]widget.RichTextSegment, 0, len(pieces))
	for _, p := range pieces {
		style := widget.RichTextStyleInline
		style.ColorName = theme.ColorNameForeground
		if p.Diff >= 0 {
			if p.Framing {
				style.ColorName = kindColor(p.Kind)
				style.TextStyle.Bold = !p.Counterpart
			} else {
				style.ColorName = colorRewording
			}
		}
		for _, part := range splitMatches(p.Text, query) {
			s := style
			if part.match {
				s.ColorName = colorFindMatch
				s.TextStyle.Underline = true
				s.TextStyle.Bold = true
			}
			segs = append(segs, &widget.TextSegment{Style: s, Text: part.text})
		}
	}
	return tidySegments(segs)
}

// tidySegments keeps Fyne's wrapping, which may break a line between any
// two segments, from starting a line with a space, leaving closing
// punctuation alone at the start of a line or an opening quote alone at
// the end of one: spaces and closing punctuation at the start of a segment
// join the segment before it, an opening quote or bracket at the end of a
// segment joins the segment after it.
func tidySegments(segs []widget.RichTextSegment) []widget.RichTextSegment {
	out := segs[:0]
	carry := ""
	for _, seg := range segs {
		ts := seg.(*widget.TextSegment)
		ts.Text = carry + ts.Text
		carry = ""
		if n := len(out); n > 0 {
			prev := out[n-1].(*widget.TextSegment)
			lead := leadingJoin(ts.Text)
			prev.Text += ts.Text[:lead]
			ts.Text = ts.Text[lead:]
		}
		if cut := trailingOpener(ts.Text); cut < len(ts.Text) && cut > 0 {
			carry = ts.Text[cut:]
			ts.Text = ts.Text[:cut]
		}
		if ts.Text != "" {
			out = append(out, ts)
		}
	}
	if carry != "" && len(out) > 0 {
		last := out[len(out)-1].(*widget.TextSegment)
		last.Text += carry
	}
	return out
}

// trailingOpener is where a run of opening quotes and brackets that ends
// text, right after a space, begins; len(text) when there is none.
func trailingOpener(text string) int {
	i := len(text)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if !strings.ContainsRune("\"“‘«([{", r) {
			break
		}
		i -= size
	}
	if i == len(text) || (i > 0 && text[i-1] != ' ') {
		return len(text) // no opener, or a closing quote glued to a word
	}
	return i
}

// leadingJoin is the length of the run of spaces and closing punctuation
// that text starts with and that must not begin a line.
func leadingJoin(text string) int {
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !strings.ContainsRune(" .,;:!?)]}”’»…%", r) {
			break
		}
		i += size
	}
	return i
}

// missingSegments is the content of a cell whose report left the fact out.
func missingSegments() []widget.RichTextSegment {
	style := widget.RichTextStyleInline
	style.ColorName = colorMissingText
	style.TextStyle.Italic = true
	return []widget.RichTextSegment{&widget.TextSegment{Style: style, Text: notReported}}
}

// textPart is a run of text that does or does not match a query.
type textPart struct {
	text  string
	match bool
}

// splitMatches cuts text where query occurs, ignoring case. Letters whose
// lower case has another length in bytes (rare outside a few scripts) are
// matched byte for byte instead.
func splitMatches(text, query string) []textPart {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" {
		return []textPart{{text: text}}
	}
	lower := strings.ToLower(text)
	if len(lower) != len(text) {
		lower, q = text, strings.TrimSpace(query)
	}
	var parts []textPart
	for from := 0; from < len(text); {
		i := strings.Index(lower[from:], q)
		if i < 0 {
			parts = append(parts, textPart{text: text[from:]})
			break
		}
		if i > 0 {
			parts = append(parts, textPart{text: text[from : from+i]})
		}
		parts = append(parts, textPart{text: text[from+i : from+i+len(q)], match: true})
		from += i + len(q)
	}
	return parts
}

// wrapMeasurer estimates how tall wrapped rich text is at a given width
// without building it, so that the height of every row is known before any
// row is built. Word widths are cached; the estimate follows Fyne's
// word-wrapping (greedy, by spaces).
type wrapMeasurer struct {
	textSize   float32
	innerPad   float32
	lineHeight float32
	widths     [4]map[string]float32 // by style: plain, bold, italic, bold italic
}

func newWrapMeasurer(th fyne.Theme) *wrapMeasurer {
	size := th.Size(theme.SizeNameText)
	m := &wrapMeasurer{
		textSize:   size,
		innerPad:   th.Size(theme.SizeNameInnerPadding),
		lineHeight: fyne.MeasureText("z", size, fyne.TextStyle{}).Height,
	}
	for i := range m.widths {
		m.widths[i] = make(map[string]float32)
	}
	return m
}

func styleIndex(s fyne.TextStyle) int {
	i := 0
	if s.Bold {
		i |= 1
	}
	if s.Italic {
		i |= 2
	}
	return i
}

func (m *wrapMeasurer) width(word string, style fyne.TextStyle) float32 {
	cache := m.widths[styleIndex(style)]
	if w, ok := cache[word]; ok {
		return w
	}
	w := fyne.MeasureText(word, m.textSize, fyne.TextStyle{Bold: style.Bold, Italic: style.Italic}).Width
	cache[word] = w
	return w
}

// height is the height of a RichText holding segs when it is width wide.
func (m *wrapMeasurer) height(segs []widget.RichTextSegment, width float32) float32 {
	avail := width - 2*m.innerPad
	if avail < 1 {
		avail = 1
	}
	lines, x := 1, float32(0)
	for _, seg := range segs {
		ts, ok := seg.(*widget.TextSegment)
		if !ok {
			continue
		}
		style := ts.Style.TextStyle
		space := m.width(" ", style)
		text := ts.Text
		for len(text) > 0 {
			// Leading spaces stay on the current line.
			for len(text) > 0 && text[0] == ' ' {
				x += space
				text = text[1:]
			}
			if len(text) == 0 {
				break
			}
			end := strings.IndexByte(text, ' ')
			if end < 0 {
				end = len(text)
			}
			w := m.width(text[:end], style)
			switch {
			case x+w <= avail || x == 0 && w <= avail:
				x += w
			case w > avail:
				// A word wider than the line is broken across lines.
				if x > 0 {
					lines++
				}
				n := int(w / avail)
				lines += n
				x = w - float32(n)*avail
			default:
				lines++
				x = w
			}
			text = text[end:]
		}
	}
	return float32(lines)*m.lineHeight + 2*m.innerPad
}

// fitText shortens s with an ellipsis so that it fits width at size and
// style.
func fitText(s string, width, size float32, style fyne.TextStyle) string {
	if width <= 0 {
		return ""
	}
	if fyne.MeasureText(s, size, style).Width <= width {
		return s
	}
	runes := []rune(s)
	lo, hi := 0, len(runes)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ") + "…"
}

// firstRunes returns at most n runes of s.
func firstRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}
