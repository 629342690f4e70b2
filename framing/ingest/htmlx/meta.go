package htmlx

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/net/html"
)

// Meta is what a page says about its article.
type Meta struct {
	// Title is the headline.
	Title string
	// Outlet is the name of the site or publisher.
	Outlet string
	// Author is the byline: one name or several joined by commas.
	Author string
	// Language is the language tag of the page ("en", "ru", "zh-CN").
	Language string
	// Canonical is the page's own absolute address, when it gives one.
	Canonical string
	// Description is the summary the page gives of itself.
	Description string
	// Published is the publication time, zero when the page gives none
	// that can be read. A date without a zone is taken as UTC.
	Published time.Time
}

// ldArticle is the part of a schema.org article in JSON-LD read here.
type ldArticle struct {
	Headline, Description, DatePublished, InLanguage, URL string
	Author, Publisher, MainEntity                         any
}

var ldArticleType = regexp.MustCompile(`(?i)^(Article|NewsArticle|AnalysisNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|LiveBlogPosting|BlogPosting|Report|SatiricalArticle|SocialMediaPosting)$`)

// jsonLDArticle returns the first schema.org article described in the
// page's JSON-LD blocks, looking into arrays and @graph lists.
func jsonLDArticle(blocks []string) (ldArticle, bool) {
	for _, b := range blocks {
		var v any
		if err := json.Unmarshal([]byte(strings.TrimSpace(stripCDATA(b))), &v); err != nil {
			continue
		}
		if a, ok := findArticle(v, 0); ok {
			return a, true
		}
	}
	return ldArticle{}, false
}

func stripCDATA(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "//<![CDATA[")
	s = strings.TrimPrefix(s, "<![CDATA[")
	s = strings.TrimSuffix(s, "//]]>")
	return strings.TrimSuffix(s, "]]>")
}

func findArticle(v any, depth int) (ldArticle, bool) {
	if depth > 4 {
		return ldArticle{}, false
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			if a, ok := findArticle(e, depth+1); ok {
				return a, true
			}
		}
	case map[string]any:
		if isArticleType(x["@type"]) {
			return ldArticle{
				Headline:      str(x["headline"]),
				Description:   str(x["description"]),
				DatePublished: str(x["datePublished"]),
				InLanguage:    str(x["inLanguage"]),
				URL:           str(x["url"]),
				Author:        x["author"],
				Publisher:     x["publisher"],
				MainEntity:    x["mainEntityOfPage"],
			}, true
		}
		if g, ok := x["@graph"]; ok {
			return findArticle(g, depth+1)
		}
	}
	return ldArticle{}, false
}

func isArticleType(t any) bool {
	switch x := t.(type) {
	case string:
		return ldArticleType.MatchString(x)
	case []any:
		for _, e := range x {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

func str(v any) string {
	if s, ok := v.(string); ok {
		return strings.TrimSpace(s)
	}
	return ""
}

// names returns the names in a schema.org person or organisation value:
// a string, an object with a name, or a list of those.
func names(v any) []string {
	switch x := v.(type) {
	case string:
		if s := strings.TrimSpace(x); s != "" {
			return []string{s}
		}
	case map[string]any:
		return names(x["name"])
	case []any:
		var out []string
		for _, e := range x {
			out = append(out, names(e)...)
		}
		return out
	}
	return nil
}

// id returns the address in a schema.org mainEntityOfPage value.
func id(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case map[string]any:
		if s := str(x["@id"]); s != "" {
			return s
		}
		return str(x["url"])
	}
	return ""
}

// meta returns the content of the first <meta> with one of the keys.
func (s *source) meta(keys ...string) string {
	if all := s.metaAll(keys...); len(all) > 0 {
		return all[0]
	}
	return ""
}

// metaAll returns the contents of the <meta> tags with the keys, in the
// order of the keys.
func (s *source) metaAll(keys ...string) []string {
	var out []string
	for _, k := range keys {
		for _, m := range s.metas {
			if m.key == k {
				out = append(out, m.content)
			}
		}
	}
	return out
}

// metadata gathers what the page says about itself: JSON-LD first, then
// Open Graph and other <meta> tags, then the readability library's own
// reading (title, byline, site name, language), then the markup.
func metadata(s *source, ld ldArticle, lib Meta, pageURL *url.URL) Meta {
	m := Meta{
		Title:       first(lib.Title, ld.Headline, s.meta("og:title", "twitter:title"), s.titleText, s.h1),
		Outlet:      first(names1(ld.Publisher), s.meta("og:site_name", "application-name"), lib.Outlet),
		Author:      first(strings.Join(names(ld.Author), ", "), nonURL(s.meta("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")), lib.Author),
		Language:    first(ld.InLanguage, s.lang, s.meta("content-language", "dc.language", "language"), locale(s.meta("og:locale")), lib.Language),
		Description: first(ld.Description, s.meta("og:description", "description", "twitter:description"), lib.Description),
	}
	m.Author = strings.TrimSpace(byPrefix.ReplaceAllString(m.Author, ""))
	for _, c := range []string{s.canonical, s.meta("og:url"), ld.URL, id(ld.MainEntity)} {
		if u := absolute(c, pageURL); u != "" {
			m.Canonical = u
			break
		}
	}
	dates := []string{ld.DatePublished}
	dates = append(dates, s.timeAttrs...)
	dates = append(dates, s.metaAll("article:published_time", "datepublished", "og:published_time",
		"pubdate", "publishdate", "publish-date", "date", "dc.date", "dc.date.issued",
		"dcterms.created", "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published")...)
	for _, d := range dates {
		if t, ok := parseDate(d); ok {
			m.Published = t
			break
		}
	}
	if m.Published.IsZero() {
		m.Published = lib.Published
	}
	return m
}

var byPrefix = regexp.MustCompile(`(?i)^\s*(by|from)\s+`)

func names1(v any) string {
	if n := names(v); len(n) > 0 {
		return n[0]
	}
	return ""
}

// first returns the first of vs that is not blank, with its whitespace
// collapsed and character references decoded.
func first(vs ...string) string {
	for _, v := range vs {
		if v = collapse(html.UnescapeString(v)); v != "" {
			return v
		}
	}
	return ""
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// nonURL drops values that are links to an author page rather than names.
func nonURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// locale turns an Open Graph locale ("ru_RU") into a language tag.
func locale(s string) string { return strings.ReplaceAll(strings.TrimSpace(s), "_", "-") }

// absolute resolves ref against base and returns it if it is an http or
// https address.
func absolute(ref string, base *url.URL) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.000Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02 15:04:05",
	"2006/01/02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"January 2, 2006",
	"2 January 2006",
}

// parseDate reads a publication date in the forms news sites use. A date
// or time without a zone is taken as UTC.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}
