package htmlx

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// dropped elements are left out of the article text with everything in
// them: code, media and their captions, embedded documents, form
// controls, and boxes beside the story ("read more" asides, navigation).
var dropped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Svg: true,
	atom.Math: true, atom.Canvas: true, atom.Video: true, atom.Audio: true,
	atom.Picture: true, atom.Img: true, atom.Figure: true, atom.Figcaption: true,
	atom.Button: true, atom.Input: true, atom.Select: true, atom.Textarea: true,
	atom.Nav: true, atom.Aside: true, atom.Head: true, atom.Title: true,
	atom.Meta: true, atom.Link: true, atom.Dialog: true,
}

// boilerplate are the words in class and id names of boxes that sit
// inside articles without being part of them: sign-up forms, share bars,
// advertising, links to other stories, reader comments.
var boilerplate = map[string]bool{
	"newsletter": true, "newsletters": true, "signup": true, "subscribe": true,
	"subscription": true, "promo": true, "advert": true, "advertisement": true,
	"ad": true, "ads": true, "adslot": true, "sponsor": true, "sponsored": true,
	"share": true, "sharing": true, "social": true, "related": true,
	"recommended": true, "recommendations": true, "outbrain": true,
	"taboola": true, "comments": true, "paywall": true, "cookie": true,
	"consent": true, "donate": true, "contribute": true,
}

// bylines are the words in class and id names of the short lines that
// give a story's author and date, which the metadata holds already.
var bylines = map[string]bool{
	"byline": true, "author": true, "authors": true, "date": true,
	"pubdate": true, "timestamp": true, "published": true, "posted": true,
}

// maxByline is the longest text, in bytes, of a byline or date line.
const maxByline = 200

// isBoilerplate reports whether n's class or id names it as boilerplate
// (one of the words, alone or joined by - or _: "newsletter-signup",
// "ad_slot"), or as a byline or date line with a short text.
func isBoilerplate(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, name := range strings.Fields(strings.ToLower(a.Val)) {
			for _, part := range strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' }) {
				if boilerplate[part] || bylines[part] && textLen(n, maxByline+1) <= maxByline {
					return true
				}
			}
		}
	}
	return false
}

// textLen is the length of the text in n, counted up to limit.
func textLen(n *html.Node, limit int) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && total < limit; c = c.NextSibling {
			if c.Type == html.TextNode {
				total += len(strings.TrimSpace(c.Data))
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return total
}

// blocks are the elements that stand as paragraphs of their own.
var blocks = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Blockquote: true, atom.Center: true,
	atom.Dd: true, atom.Details: true, atom.Dir: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true,
	atom.H6: true, atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Caption: true,
	atom.Tbody: true, atom.Thead: true, atom.Tfoot: true, atom.Tr: true, atom.Ul: true,
	atom.Legend: true, atom.Body: true, atom.Html: true,
}

// renderer turns the extracted article into paragraphs of text, collapsing
// whitespace as a browser does, with the page offsets of every byte.
type renderer struct {
	m     *matcher
	root  *html.Node // the article; never dropped as boilerplate
	paras []Text
	cur   Text
	buf   []byte // the bytes of cur

	// pending is the separator owed before the next character: a space
	// for collapsed whitespace, a line break for <br>, a tab between table
	// cells. pendStart and pendEnd are the page bytes it stands for.
	pending            string
	pendStart, pendEnd int32

	pre   int // depth of <pre>
	links int // depth of <a>
	// letters counts letters and digits outside links, ideographs twice.
	letters int
}

func (r *renderer) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		start, end := r.m.locate(n.Data)
		r.text(n.Data, start, end)
		return
	case html.ElementNode:
		if dropped[n.DataAtom] || hidden(n) || n != r.root && isBoilerplate(n) {
			return
		}
		switch n.DataAtom {
		case atom.Br:
			a, b := r.lastRange()
			r.owe("\n", a, b)
			return
		case atom.Td, atom.Th:
			a, b := r.lastRange()
			r.owe("\t", a, b)
		}
	case html.DocumentNode:
	default:
		return
	}
	block := n.Type == html.ElementNode && blocks[n.DataAtom]
	if block {
		r.flush()
	}
	switch n.DataAtom {
	case atom.Pre:
		r.pre++
		defer func() { r.pre-- }()
	case atom.A:
		r.links++
		defer func() { r.links-- }()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
	if block {
		r.flush()
	}
}

// hidden reports whether the page marks n as not shown.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		}
	}
	return false
}

func isHTMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// text appends the text of one text node with its page ranges.
func (r *renderer) text(s string, start, end []int32) {
	for i := 0; i < len(s); {
		c := s[i]
		if isHTMLSpace(c) {
			if r.pre > 0 && c == '\n' {
				r.owe("\n", start[i], end[i])
			} else if r.pending == "" {
				r.owe(" ", start[i], end[i])
			}
			i++
			continue
		}
		ru, size := rune(c), 1
		if c >= utf8.RuneSelf {
			ru, size = utf8.DecodeRuneInString(s[i:])
		}
		if len(r.buf) == 0 && unicode.IsSpace(ru) {
			// Paragraphs do not start with no-break or ideographic
			// spaces (an indent, or a paragraph of &nbsp; alone).
			i += size
			continue
		}
		r.count(ru)
		r.pay()
		r.buf = append(r.buf, s[i:i+size]...)
		r.cur.Start = append(r.cur.Start, start[i:i+size]...)
		r.cur.End = append(r.cur.End, end[i:i+size]...)
		i += size
	}
}

func (r *renderer) count(ru rune) {
	if r.links > 0 {
		return
	}
	switch {
	case unicode.Is(unicode.Han, ru):
		r.letters += 2
	case unicode.IsLetter(ru) || unicode.IsDigit(ru):
		r.letters++
	}
}

// owe records a separator to write before the next character. A line
// break outranks a tab, and a tab a space.
func (r *renderer) owe(sep string, start, end int32) {
	if rank(sep) > rank(r.pending) {
		r.pending, r.pendStart, r.pendEnd = sep, start, end
	}
}

func rank(sep string) int {
	switch sep {
	case "\n":
		return 3
	case "\t":
		return 2
	case " ":
		return 1
	}
	return 0
}

// pay writes the separator owed, if the paragraph has begun.
func (r *renderer) pay() {
	if r.pending != "" && len(r.buf) > 0 {
		r.buf = append(r.buf, r.pending...)
		for range len(r.pending) {
			r.cur.Start = append(r.cur.Start, r.pendStart)
			r.cur.End = append(r.cur.End, r.pendEnd)
		}
	}
	r.pending = ""
}

// lastRange is the page range of the last byte written, or of the place
// the matcher has reached.
func (r *renderer) lastRange() (int32, int32) {
	if n := len(r.cur.Start); n > 0 {
		return r.cur.Start[n-1], r.cur.End[n-1]
	}
	return r.m.anchor()
}

// flush ends the current paragraph.
func (r *renderer) flush() {
	// Nor do they end with them.
	for len(r.buf) > 0 {
		ru, size := utf8.DecodeLastRune(r.buf)
		if !unicode.IsSpace(ru) {
			break
		}
		r.buf = r.buf[:len(r.buf)-size]
		r.cur.Start = r.cur.Start[:len(r.buf)]
		r.cur.End = r.cur.End[:len(r.buf)]
	}
	if len(r.buf) > 0 {
		r.cur.S = string(r.buf)
		r.paras = append(r.paras, r.cur)
	}
	r.cur, r.buf = Text{}, r.buf[:0]
	r.pending = ""
}
