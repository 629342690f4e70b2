package htmlx

import (
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"
)

// article wraps paragraphs in a page with a headline, navigation and
// boxes around them.
func article(head, body string) []byte {
	return []byte(`<!doctype html><html><head>` + head + `</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<h1>Talks end without a deal</h1>
<article><div class="body">` + body + `</div></article>
<footer><a href="/about">About us</a></footer></body></html>`)
}

const lead = `<p>The envoys left Istanbul on Friday after six hours of talks without agreeing a ceasefire, officials said.</p>`

// pageSlice returns the page bytes behind a piece of extracted text.
func pageSlice(page []byte, t Text, piece string) string {
	i := strings.Index(t.S, piece)
	if i < 0 {
		return ""
	}
	return string(page[t.Start[i]:t.End[i+len(piece)-1]])
}

func TestExtractLeavesOutBoxesInsideTheArticle(t *testing.T) {
	tests := []struct {
		name, box string
	}{
		{"newsletter sign-up", `<div class="newsletter-signup"><h3>Sign up to our morning email</h3><p>Get the day's stories first every morning.</p></div>`},
		{"related links", `<aside><p>Read more: Grain prices fall after the deal was announced</p></aside>`},
		{"share bar", `<div class="share_tools"><p>Share this story with your friends and family now</p></div>`},
		{"advertising", `<div id="ad-slot-2"><p>Advertisement: the best deals on holidays in Turkey</p></div>`},
		{"photo and caption", `<figure><img src="a.jpg"><figcaption>Envoys arrive at the palace in Istanbul on Friday morning.</figcaption></figure>`},
		{"embedded video", `<iframe src="https://video.example/embed/1"></iframe><video src="b.mp4">Your browser cannot play this video clip at all</video>`},
		{"script and style", `<script>document.write("Breaking: scripted text that must not appear")</script><style>p{color:red}</style>`},
		{"hidden text", `<p hidden>Hidden text the reader never sees on the page.</p><p aria-hidden="true">Also hidden from every reader of this page.</p>`},
		{"byline repeated in the body", `<div class="article-byline">By Jane Doe, 22 July 2022</div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := article("", lead+tt.box+`<p>A second paragraph follows the box with more details of the talks in Istanbul.</p>`)
			p, err := Extract(page, nil)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			var got []string
			for _, para := range p.Paragraphs {
				got = append(got, para.S)
			}
			want := []string{
				"The envoys left Istanbul on Friday after six hours of talks without agreeing a ceasefire, officials said.",
				"A second paragraph follows the box with more details of the talks in Istanbul.",
			}
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("Paragraphs = %q, want %q", got, want)
			}
		})
	}
}

func TestExtractMapsTextToPageBytes(t *testing.T) {
	page := article("", `<p>Kyiv&rsquo;s envoy said the talks &amp; the visit were <em>over</em>&#8230;</p><p>  Second&nbsp;paragraph with   extra
	whitespace,  in the source of the page.  </p>`)
	p, err := Extract(page, nil)
	if err != nil {
		t.Fatalf("Extract: %v", err)
	}
	if len(p.Paragraphs) != 2 {
		t.Fatalf("Paragraphs = %q", p.Paragraphs)
	}
	first, second := p.Paragraphs[0], p.Paragraphs[1]
	if first.S != "Kyiv’s envoy said the talks & the visit were over…" {
		t.Errorf("first paragraph = %q", first.S)
	}
	for _, c := range []struct {
		text  Text
		piece string
		raw   string
	}{
		{first, "Kyiv’s", "Kyiv&rsquo;s"},
		{first, "talks & the", "talks &amp; the"},
		{first, "over…", "over</em>&#8230;"},
		{second, "with extra whitespace,", "with   extra\n\twhitespace,"},
		{p.Title, "Talks end without a deal", "Talks end without a deal"},
	} {
		if got := pageSlice(page, c.text, c.piece); got != c.raw {
			t.Errorf("page bytes of %q = %q, want %q", c.piece, got, c.raw)
		}
	}
	for _, para := range p.Paragraphs {
		if len(para.Start) != len(para.S) || len(para.End) != len(para.S) {
			t.Fatalf("map lengths %d, %d for %d bytes", len(para.Start), len(para.End), len(para.S))
		}
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		page string
		want error
	}{
		{"plain text", "Talks end without a deal.\n\nThe envoys left Istanbul.", ErrNotHTML},
		{"links only", `<html><body><ul><li><a href="/a">Talks end without a deal in Istanbul on Friday</a></li><li><a href="/b">Grain prices fall after the deal is announced</a></li></ul></body></html>`, ErrNoArticle},
		{"script only", `<html><body><div id="app"></div><script>render("The envoys left Istanbul after six hours of talks without a deal.")</script></body></html>`, ErrNoArticle},
		{"too many elements", "<html><body>" + strings.Repeat("<i></i>", MaxElements+1) + "</body></html>", ErrTooComplex},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract([]byte(tt.page), nil)
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestMetadata(t *testing.T) {
	base, _ := url.Parse("https://news.example/world/2022/07/22/talks.html")
	tests := []struct {
		name string
		head string
		want Meta
	}{
		{"open graph and meta tags",
			`<title>Talks end | The Outlet</title><meta property="og:title" content="Talks end without a deal"><meta property="og:site_name" content="The Outlet">
<meta name="author" content="By Jane Doe"><meta property="article:published_time" content="2022-07-22T17:05:00+03:00"><meta property="og:locale" content="ru_RU"><link rel="canonical" href="/world/talks">`,
			Meta{Title: "Talks end without a deal", Outlet: "The Outlet", Author: "Jane Doe", Language: "ru-RU", Canonical: "https://news.example/world/talks",
				Published: time.Date(2022, 7, 22, 14, 5, 0, 0, time.UTC)}},
		{"json-ld outranks meta tags",
			`<meta property="og:site_name" content="Outlet Online"><meta name="author" content="Newsdesk">
<script type="application/ld+json">[{"@type":"WebSite","name":"Site"},{"@context":"https://schema.org","@type":["ReportageNewsArticle"],"headline":"Talks end without a deal",
"author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"Ivan Petrov"}],"publisher":{"name":"The Outlet"},"datePublished":"2022-07-22",
"inLanguage":"en-GB","mainEntityOfPage":{"@id":"https://news.example/talks"}}]</script>`,
			Meta{Title: "Talks end without a deal", Outlet: "The Outlet", Author: "Jane Doe, Ivan Petrov", Language: "en-GB", Canonical: "https://news.example/talks",
				Published: time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC)}},
		{"json-ld in a graph, author as text",
			`<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"Org"},{"@type":"NewsArticle","headline":"Talks end without a deal","author":"Jane Doe","datePublished":"2022-07-22T17:05:00Z"}]}</script>`,
			Meta{Title: "Talks end without a deal", Author: "Jane Doe", Canonical: "", Published: time.Date(2022, 7, 22, 17, 5, 0, 0, time.UTC)}},
		{"other date tags, author page link ignored",
			`<meta name="pubdate" content="20220722"><meta property="article:author" content="https://news.example/jane"><meta http-equiv="content-language" content="uk">`,
			Meta{Title: "Talks end without a deal", Language: "uk", Published: time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC)}},
		{"broken json-ld and dates are skipped",
			`<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta name="date" content="next Tuesday"><meta name="dc.date" content="2022/07/22">`,
			Meta{Title: "Talks end without a deal", Published: time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Extract(article(tt.head, lead), base)
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			got := p.Meta
			got.Description = ""
			if !got.Published.Equal(tt.want.Published) {
				t.Errorf("Published = %v, want %v", got.Published, tt.want.Published)
			}
			got.Published, tt.want.Published = time.Time{}, time.Time{}
			if got != tt.want {
				t.Errorf("Meta = %+v\nwant   %+v", got, tt.want)
			}
		})
	}
}

func TestReference(t *testing.T) {
	tests := []struct {
		in      string
		decoded string
		size    int
	}{
		{"&amp; more", "&", 5},
		{"&amp more", "&", 4},
		{"&#8217;s", "’", 7},
		{"&#x2014;", "—", 8},
		{"&rdquo;", "”", 7},
		{"&notin;", "∉", 7},
		{"&notit;", "¬", 4},
		{"&semi;;", ";", 6},
		{"&#59;;", ";", 5},
		{"&#x35 5", "5", 5},
		{"&#0;", "\uFFFD", 4},
		{"& x", "", 0},
		{"&nosuchthing;", "", 0},
		{"&", "", 0},
	}
	for _, tt := range tests {
		decoded, size := reference([]byte(tt.in))
		if decoded != tt.decoded || size != tt.size {
			t.Errorf("reference(%q) = %q, %d; want %q, %d", tt.in, decoded, size, tt.decoded, tt.size)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2022-07-22T17:05:00Z", time.Date(2022, 7, 22, 17, 5, 0, 0, time.UTC), true},
		{"2022-07-22T17:05:00.000+0300", time.Date(2022, 7, 22, 14, 5, 0, 0, time.UTC), true},
		{"2022-07-22 08:30:00", time.Date(2022, 7, 22, 8, 30, 0, 0, time.UTC), true},
		{" 2022-07-22 ", time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC), true},
		{"Fri, 22 Jul 2022 17:05:00 +0000", time.Date(2022, 7, 22, 17, 5, 0, 0, time.UTC), true},
		{"July 22, 2022", time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC), true},
		{"22 July 2022", time.Date(2022, 7, 22, 0, 0, 0, 0, time.UTC), true},
		{"yesterday", time.Time{}, false},
		{"", time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := parseDate(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestLooseMatch(t *testing.T) {
	src := scan([]byte("<p>Talks   end\n without <b>a</b> deal</p><p>Other text</p>"))
	m := newMatcher(src)
	tests := []struct {
		in string
		ok bool
	}{
		{"Talks end without a deal", true},
		{"end without", true},
		{"Talks end with a deal", false},
	}
	for _, tt := range tests {
		m.cursor = 0
		start, end, ok := m.loose(tt.in, 0)
		if ok != tt.ok {
			t.Errorf("loose(%q) ok = %v", tt.in, ok)
			continue
		}
		if ok && (len(start) != len(tt.in) || len(end) != len(tt.in)) {
			t.Errorf("loose(%q): map of %d, %d bytes", tt.in, len(start), len(end))
		}
	}
}
