package ingest

import (
	"errors"
	"fmt"
	"net/url"

	"framelens/framing/ingest/htmlx"
)

// renderHTML appends the article of a web page to b (headline, a blank
// line, then the paragraphs separated by blank lines) and fills the
// document's metadata. A page with no article, or that is not HTML, is a
// *Problem.
func renderHTML(b *builder, d *Document, page []byte, opts ParseOptions) error {
	var base *url.URL
	if opts.URL != "" {
		if u, err := url.Parse(opts.URL); err == nil {
			base = u
		}
	}
	p, err := htmlx.Extract(page, base)
	if err != nil {
		return htmlProblem(d.Name, err)
	}
	m := p.Meta
	d.Outlet, d.Author, d.Published, d.Language = m.Outlet, m.Author, m.Published, m.Language
	d.URL = m.Canonical
	if d.URL == "" && base != nil {
		d.URL = base.String()
	}
	if p.Title.S != "" {
		b.putMapped(p.Title.S, p.Title.Start, p.Title.End)
		b.repeatLast("\n\n")
		d.Title = normaliseString(p.Title.S, fileNormalisation)
	}
	for i, para := range p.Paragraphs {
		if i > 0 {
			b.repeatLast("\n\n")
		}
		b.putMapped(para.S, para.Start, para.End)
	}
	if !p.Complete {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: the page has no closing </html> tag and may have been cut short when saved; check the end of the article, or save the page again", d.Name))
	}
	return nil
}

// htmlProblem turns an extraction error into a message that says what to
// do.
func htmlProblem(name string, err error) *Problem {
	switch {
	case errors.Is(err, htmlx.ErrNotHTML):
		return &Problem{name, "is not a web page (it has no HTML markup); if it is plain text, save it as .txt and import that"}
	case errors.Is(err, htmlx.ErrNoArticle):
		return &Problem{name, "has no article text: only navigation and links, or a page that loads its text with scripts (which are never run); open the article itself in a browser, then save it, or copy its text and paste it"}
	case errors.Is(err, htmlx.ErrTooComplex):
		return &Problem{name, fmt.Sprintf("is too large a page to read as an article (%v); save the article page alone, or copy its text and paste it", err)}
	}
	return &Problem{name, fmt.Sprintf("cannot be read as a web page (%v); save the page again from the browser, or copy the article text and paste it", err)}
}
