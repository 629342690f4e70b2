// Package htmlx finds the article in a saved or fetched web page: its
// headline, its paragraphs and what the page says about it (outlet,
// author, date, language, canonical address), leaving out navigation,
// advertising, related links, comments, scripts, styles and media.
//
// The article is found by the readability library
// (codeberg.org/readeck/go-readability), which returns a cleaned DOM. Every
// byte of the text taken from that DOM is mapped back to the bytes of the
// page it came from: the page is tokenized once with the raw position of
// every text token (a character reference such as &amp; maps to all of its
// bytes), and the text nodes of the article are found in that text in
// order. Nothing in the page is run and nothing it links to is fetched.
package htmlx

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
)

// Errors Extract returns, wrapped with details.
var (
	// ErrNotHTML means the bytes have no HTML markup at all.
	ErrNotHTML = errors.New("not an HTML page")
	// ErrNoArticle means the page has no article text: it is empty, or
	// holds only navigation, links or a form.
	ErrNoArticle = errors.New("no article text found")
	// ErrTooComplex means the page has more elements than MaxElements.
	ErrTooComplex = errors.New("page too complex")
	// ErrBroken means the page could not be read.
	ErrBroken = errors.New("page cannot be read")
)

// MaxElements is the most elements a page may have. News pages have a few
// thousand; a page beyond this is not an article.
const MaxElements = 200_000

// minLetters is how many letters and digits (ideographs count two) an
// article needs outside links.
const minLetters = 40

// Text is a run of text and, for every byte of it, the range of page bytes
// it stands for: Start[i] is the first byte, End[i] one past the last.
type Text struct {
	S          string
	Start, End []int32
}

// Page is what Extract finds in a web page.
type Page struct {
	// Title is the headline, mapped to the page's visible headline when it
	// has one that matches, else to its <title>, else to its first text.
	Title Text
	// Paragraphs are the article's paragraphs, headings, list items and
	// quotes in page order, whitespace collapsed. A <br> is a line break
	// inside a paragraph.
	Paragraphs []Text
	// Meta is what the page says about the article.
	Meta Meta
	// Complete is false when the page has no closing </body> or </html>
	// tag: it may have been cut short when saved.
	Complete bool
}

// Extract finds the article in page, which must be UTF-8 (invalid bytes
// are carried through for the caller to repair). pageURL, which may be
// nil, is the address the page came from; it resolves a relative
// canonical link.
func Extract(page []byte, pageURL *url.URL) (p *Page, err error) {
	src := scan(page)
	if !src.tags {
		return nil, fmt.Errorf("%w: no HTML tags found", ErrNotHTML)
	}
	if src.elements > MaxElements {
		return nil, fmt.Errorf("%w: %d elements, over the limit of %d", ErrTooComplex, src.elements, MaxElements)
	}
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBroken, err)
	}
	art, err := readArticle(doc, pageURL)
	if err != nil {
		return nil, err
	}
	lib := Meta{Title: art.Title(), Outlet: art.SiteName(), Author: art.Byline(), Language: art.Language(), Description: art.Excerpt()}
	if t, err := art.PublishedTime(); err == nil {
		lib.Published = t.UTC()
	}
	ld, _ := jsonLDArticle(src.jsonLD)
	p = &Page{Meta: metadata(src, ld, lib, pageURL), Complete: src.closed}

	r := &renderer{m: newMatcher(src), root: art.Node}
	if art.Node != nil {
		r.walk(art.Node)
		r.flush()
	}
	paras := r.paras
	for len(paras) > 0 && sameText(paras[0].S, p.Meta.Title) {
		paras = paras[1:]
	}
	if r.letters < minLetters || len(paras) == 0 {
		return nil, fmt.Errorf("%w: the page has no paragraphs of text (only navigation, links or nothing)", ErrNoArticle)
	}
	p.Paragraphs = paras
	p.Title = locateTitle(src, p.Meta.Title)
	return p, nil
}

// readArticle runs the readability library on doc. The library is not
// expected to fail on any page; if it does, the page is reported as
// unreadable rather than stopping the program.
func readArticle(doc *html.Node, pageURL *url.URL) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: the article finder failed on it (%v)", ErrBroken, r)
		}
	}()
	parser := readability.NewParser()
	// Class names tell boilerplate boxes left in the article (see
	// isBoilerplate).
	parser.KeepClasses = true
	art, err = parser.ParseAndMutate(doc, pageURL)
	if err != nil {
		return art, fmt.Errorf("%w: %v", ErrBroken, err)
	}
	return art, nil
}

// sameText reports whether a and b are the same text, ignoring case and
// whitespace.
func sameText(a, b string) bool {
	return b != "" && strings.EqualFold(collapse(a), collapse(b))
}

// locateTitle maps the headline to the page: the visible headline in the
// body, else the <title>, else anywhere; failing all, every byte maps to
// the start of the <title> text or of the page text.
func locateTitle(src *source, title string) Text {
	if title == "" {
		return Text{}
	}
	m := newMatcher(src)
	for _, from := range []int{src.bodyAt, 0} {
		if i := strings.Index(m.s[from:], title); i >= 0 {
			s, e := m.take(from+i, len(title))
			return Text{S: title, Start: s, End: e}
		}
		if s, e, ok := m.loose(title, from); ok {
			return Text{S: title, Start: s, End: e}
		}
	}
	if src.titleAt >= 0 && src.titleAt < len(src.start) {
		m.cursor = src.titleAt + 1
	}
	s, e := m.anchored(len(title))
	return Text{S: title, Start: s, End: e}
}
