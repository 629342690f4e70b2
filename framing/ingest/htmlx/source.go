package htmlx

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// source is the visible text of a page as the tokenizer sees it, in page
// order, with the page bytes of each text byte, plus what the page says
// about itself (metadata tags, JSON-LD, language, canonical link).
type source struct {
	text       []byte
	start, end []int32

	// bodyAt is the index in text where the body starts.
	bodyAt int
	// titleText is the text of <title>; titleAt its index in text, or -1.
	titleText string
	titleAt   int
	// h1 is the text of the first <h1>.
	h1 string

	elements int  // start tags seen
	tags     bool // any markup at all
	closed   bool // a closing </body> or </html> was seen

	lang      string
	canonical string
	metas     []metaTag
	jsonLD    []string
	timeAttrs []string // datetime of <time itemprop="datePublished">
}

// metaTag is one <meta> with a key (its name, property, itemprop or
// http-equiv, lower-cased) and its content.
type metaTag struct {
	key, content string
}

// skipped are the elements whose content is never read: code, styles,
// embedded documents and form fields. The tokenizer reads each as one run
// of raw text up to its end tag.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "iframe": true,
	"noembed": true, "noframes": true, "xmp": true, "textarea": true,
	"plaintext": true,
}

// headOnly are the elements that do not start the body of a page that
// has no <body> tag.
var headOnly = map[string]bool{
	"html": true, "head": true, "title": true, "meta": true, "link": true,
	"base": true, "script": true, "style": true, "noscript": true,
}

// scan tokenizes page and collects its text with offsets and its metadata.
// Tokens cover the page without gaps, so the running sum of their raw
// lengths is the page offset of each token.
func scan(page []byte) *source {
	s := &source{titleAt: -1, bodyAt: -1}
	z := html.NewTokenizer(bytes.NewReader(page))
	pos := 0
	skip := ""
	inTitle := false
	h1At := -1 // index in text of the first <h1> while it is open
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		n := len(z.Raw())
		switch tt {
		case html.TextToken:
			switch {
			case skip == "ld+json":
				s.jsonLD = append(s.jsonLD, string(z.Text()))
			case skip != "":
			default:
				at := len(s.text)
				s.addText(page[pos:pos+n], pos, z.Text())
				if inTitle && s.titleAt < 0 {
					s.titleAt = at
					s.titleText = string(s.text[at:])
				}
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			s.tags = true
			s.elements++
			name, hasAttr := z.TagName()
			tag := string(name)
			var attrs map[string]string
			if hasAttr {
				attrs = map[string]string{}
				for {
					k, v, more := z.TagAttr()
					if _, seen := attrs[string(k)]; !seen {
						attrs[string(k)] = string(v)
					}
					if !more {
						break
					}
				}
			}
			s.startTag(tag, attrs)
			switch {
			case tag == "script" && strings.EqualFold(strings.TrimSpace(attrs["type"]), "application/ld+json"):
				skip = "ld+json"
			case skipped[tag]:
				skip = tag
			case tag == "title":
				inTitle = true
			case tag == "h1" && s.h1 == "" && h1At < 0:
				h1At = len(s.text)
			}
		case html.EndTagToken:
			s.tags = true
			name, _ := z.TagName()
			tag := string(name)
			switch {
			case skip == "ld+json" && tag == "script", tag == skip:
				skip = ""
			case tag == "title":
				inTitle = false
			case tag == "h1" && h1At >= 0:
				s.h1 = collapse(string(s.text[h1At:]))
				h1At = -1
			case tag == "body" || tag == "html":
				s.closed = true
			}
		case html.CommentToken, html.DoctypeToken:
			s.tags = true
		}
		pos += n
	}
	if s.bodyAt < 0 {
		s.bodyAt = 0
	}
	return s
}

// startTag records what a start tag says about the page.
func (s *source) startTag(tag string, attrs map[string]string) {
	if s.bodyAt < 0 && (tag == "body" || !headOnly[tag]) {
		s.bodyAt = len(s.text)
	}
	switch tag {
	case "html":
		if s.lang == "" {
			s.lang = strings.TrimSpace(attrs["lang"])
		}
		if s.lang == "" {
			s.lang = strings.TrimSpace(attrs["xml:lang"])
		}
	case "meta":
		content := strings.TrimSpace(attrs["content"])
		if content == "" {
			return
		}
		for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
			if key := strings.ToLower(strings.TrimSpace(attrs[k])); key != "" {
				s.metas = append(s.metas, metaTag{key, content})
			}
		}
	case "link":
		for _, rel := range strings.Fields(strings.ToLower(attrs["rel"])) {
			if rel == "canonical" && s.canonical == "" {
				s.canonical = strings.TrimSpace(attrs["href"])
			}
		}
	case "time":
		if strings.EqualFold(attrs["itemprop"], "datePublished") && attrs["datetime"] != "" {
			s.timeAttrs = append(s.timeAttrs, attrs["datetime"])
		}
	}
}

// addText appends the text of one text token, raw being its bytes in the
// page at offset base and want the text the tokenizer made of them.
// Character references map to all of their bytes (&amp; to five bytes) and
// a CR LF pair becomes one line break. If the decoding here ever differs
// from the tokenizer's, the tokenizer's text is kept and mapped to the
// whole token.
func (s *source) addText(raw []byte, base int, want []byte) {
	at := len(s.text)
	emit := func(b []byte, from, to int) {
		for _, c := range b {
			s.text = append(s.text, c)
			s.start = append(s.start, int32(base+from))
			s.end = append(s.end, int32(base+to))
		}
	}
	for i := 0; i < len(raw); {
		switch c := raw[i]; c {
		case '\r':
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
				continue
			}
			emit([]byte{'\n'}, i, i+1)
			i++
		case '&':
			decoded, size := reference(raw[i:])
			if size == 0 {
				emit([]byte{'&'}, i, i+1)
				i++
				continue
			}
			emit([]byte(decoded), i, i+size)
			i += size
		default:
			emit(raw[i:i+1], i, i+1)
			i++
		}
	}
	if !bytes.Equal(s.text[at:], want) {
		s.text, s.start, s.end = s.text[:at], s.start[:at], s.end[:at]
		emit(want, 0, len(raw))
	}
}

// maxReference bounds the bytes read for one character reference; the
// longest named reference is 33 bytes.
const maxReference = 40

// reference decodes the character reference at the start of b (which
// begins with '&') and returns its text and length in b, or size 0 when b
// does not start with a reference.
func reference(b []byte) (decoded string, size int) {
	end := 1
	for end < len(b) && end < maxReference && b[end] != '&' {
		end++
	}
	seg := string(b[:end])
	u := html.UnescapeString(seg)
	if u == seg {
		return "", 0
	}
	// The unescaper copies what follows the reference unchanged: the
	// longest common tail of seg and u whose head still decodes to the
	// head of u is that part. (The head test settles cases like
	// "&semi;;", where the decoded character equals the raw one after it.)
	tail := 0
	for tail < len(u) && tail < len(seg)-1 && u[len(u)-1-tail] == seg[len(seg)-1-tail] {
		tail++
	}
	for ; tail > 0; tail-- {
		if html.UnescapeString(seg[:len(seg)-tail]) == u[:len(u)-tail] {
			break
		}
	}
	return u[:len(u)-tail], len(seg) - tail
}
