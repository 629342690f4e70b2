package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding/htmlindex"
)

// pageWant is the expected reading of a saved page, kept next to it as
// <name>.want.json.
type pageWant struct {
	Title          string   `json:"title"`
	Outlet         string   `json:"outlet"`
	Author         string   `json:"author"`
	Published      string   `json:"published"` // RFC 3339
	Language       string   `json:"language"`
	URL            string   `json:"url"`
	Charset        string   `json:"charset"`
	CharsetGuessed bool     `json:"charsetGuessed"`
	Normalised     string   `json:"normalised"`
	Warnings       []string `json:"warnings"` // each the start of one warning, after "<path>: "
	Paragraphs     []string `json:"paragraphs"`
}

func TestSavedPages(t *testing.T) {
	pages, err := filepath.Glob("testdata/pages/*.html")
	if err != nil || len(pages) < 8 {
		t.Fatalf("saved pages missing: %v %v", pages, err)
	}
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			var want pageWant
			data, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".want.json")
			if err != nil {
				t.Fatalf("expected reading: %v", err)
			}
			if err := json.Unmarshal(data, &want); err != nil {
				t.Fatalf("expected reading: %v", err)
			}
			d, err := ReadFile(page)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			raw, _ := os.ReadFile(page)
			if !bytes.Equal(d.Raw, raw) {
				t.Fatalf("Raw is not the page as saved")
			}
			wantText := want.Title + "\n\n" + strings.Join(want.Paragraphs, "\n\n")
			if d.Text != wantText {
				t.Errorf("Text:\n%s\nwant:\n%s", d.Text, wantText)
			}
			pub, err := time.Parse(time.RFC3339, want.Published)
			if err != nil {
				t.Fatalf("published in want: %v", err)
			}
			got := []string{d.Title, d.Outlet, d.Author, d.Language, d.URL, d.Charset, d.Normalised.String()}
			exp := []string{want.Title, want.Outlet, want.Author, want.Language, want.URL, want.Charset, want.Normalised}
			for i, field := range []string{"Title", "Outlet", "Author", "Language", "URL", "Charset", "Normalised"} {
				if got[i] != exp[i] {
					t.Errorf("%s = %q, want %q", field, got[i], exp[i])
				}
			}
			if !d.Published.Equal(pub) {
				t.Errorf("Published = %v, want %v", d.Published, pub)
			}
			if d.CharsetGuessed != want.CharsetGuessed {
				t.Errorf("CharsetGuessed = %v, want %v", d.CharsetGuessed, want.CharsetGuessed)
			}
			if d.Format != FormatHTML {
				t.Errorf("Format = %v, want html", d.Format)
			}
			checkWarnings(t, d.Warnings, page, want.Warnings)
			checkParagraphOffsets(t, d)
		})
	}
}

// checkWarnings checks that each warning names the file and starts as
// expected.
func checkWarnings(t *testing.T, got []string, path string, want []string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("Warnings = %q, want %d starting %q", got, len(want), want)
		return
	}
	for i := range want {
		if !strings.HasPrefix(got[i], path+": "+want[i]) {
			t.Errorf("warning %q should start %q", got[i], path+": "+want[i])
		}
	}
}

// checkParagraphOffsets checks that every paragraph of the text (and the
// headline) maps back to the bytes of the page that show it: the page
// bytes from its first to its last byte, read in the page's character set
// with tags stripped and entities decoded, are the paragraph. Offsets must
// also never go backwards inside a paragraph.
func checkParagraphOffsets(t *testing.T, d *Document) {
	t.Helper()
	at := 0
	for _, para := range strings.Split(d.Text, "\n\n") {
		start, end := at, at+len(para)
		at = end + 2
		if para == "" {
			t.Errorf("empty paragraph at %d", start)
			continue
		}
		rs, re := d.RawOffset(start), d.RawEnd(end)
		if rs < 0 || re > len(d.Raw) || rs >= re {
			t.Errorf("paragraph %.30q maps to [%d,%d) of %d bytes", para, rs, re, len(d.Raw))
			continue
		}
		for i := start + 1; i < end; i++ {
			if d.RawOffset(i) < d.RawOffset(i-1) {
				t.Errorf("paragraph %.30q: offsets go back at text byte %d", para, i)
				break
			}
		}
		if got := visibleText(t, d.Raw[rs:re], d.Charset); got != collapseSpace(para) {
			t.Errorf("paragraph maps to page bytes showing\n%q\nwant\n%q\n(raw %q)", got, collapseSpace(para), d.Raw[rs:re])
		}
	}
}

// visibleText reads a slice of a page as a browser shows it: converted
// from its character set, tags and scripts removed, entities decoded, the
// invisible characters ingest removes removed, whitespace collapsed.
func visibleText(t *testing.T, raw []byte, cs string) string {
	t.Helper()
	enc, err := htmlindex.Get(cs)
	if err != nil {
		t.Fatalf("charset %q: %v", cs, err)
	}
	utf, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		t.Fatalf("decoding %q as %s: %v", raw, cs, err)
	}
	var b strings.Builder
	z := html.NewTokenizer(bytes.NewReader(utf))
	skip := false
	for {
		switch z.Next() {
		case html.ErrorToken:
			return collapseSpace(invisible.Replace(b.String()))
		case html.TextToken:
			if !skip {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			skip = string(name) == "script" || string(name) == "style"
		case html.EndTagToken:
			skip = false
		}
	}
}

var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "", "\u00a0", " ")

func collapseSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

func TestHTMLOffsets(t *testing.T) {
	tests := []struct {
		name string
		page string
		text string // expected analysis text
		word string // a piece of text whose page bytes must be raw
		raw  string
	}{
		{
			"entity at the end of a paragraph maps to the whole entity",
			`<html><body><h1>Talks end</h1><article><p>He called it &ldquo;a day of relief for the world&rdquo;</p><p>Second paragraph of the article with enough words in it to count as text.</p></article></body></html>`,
			"Talks end\n\nHe called it “a day of relief for the world”\n\nSecond paragraph of the article with enough words in it to count as text.",
			"world”", "world&rdquo;",
		},
		{
			"numeric references and CRLF inside a paragraph",
			"<html><body><h1>Talks end</h1><article><p>Kyiv&#8217;s envoy said\r\nthe talks &#x2014; six hours long &#8212; had ended without a deal on the ceasefire or on prisoners.</p></article></body></html>",
			"Talks end\n\nKyiv’s envoy said the talks — six hours long — had ended without a deal on the ceasefire or on prisoners.",
			"Kyiv’s envoy said the", "Kyiv&#8217;s envoy said\r\nthe",
		},
		{
			"line break inside a paragraph, inline markup and a paragraph of no-break spaces",
			`<html><body><h1>Talks end</h1><article><p>The <b>first</b> line of a poem<br>and its <a href="/x">second</a> line, quoted in full by the envoy.</p><p>&nbsp;</p><p>A last paragraph long enough to be counted as article text here.</p></article></body></html>`,
			"Talks end\n\nThe first line of a poem\nand its second line, quoted in full by the envoy.\n\nA last paragraph long enough to be counted as article text here.",
			"its second line", `its <a href="/x">second</a> line`,
		},
		{
			"headline split over lines maps to the visible headline",
			"<html><head><title>Talks end | Outlet</title><meta property=\"og:title\" content=\"Talks end without a deal\"></head><body><h1>Talks end\n   without a deal</h1><article><p>The envoys left Istanbul after six hours of talks without agreeing a ceasefire.</p></article></body></html>",
			"Talks end without a deal\n\nThe envoys left Istanbul after six hours of talks without agreeing a ceasefire.",
			"Talks end without a deal", "Talks end\n   without a deal",
		},
		{
			"soft hyphens and zero-width spaces are dropped from the text but kept in the page",
			"<html><body><h1>Talks end</h1><article><p>The nego&shy;tiations in Istan\u200bbul ended on Friday without any agreement on a ceasefire or on prisoners.</p></article></body></html>",
			"Talks end\n\nThe negotiations in Istanbul ended on Friday without any agreement on a ceasefire or on prisoners.",
			"negotiations in Istanbul", "nego&shy;tiations in Istan\u200bbul",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("page", []byte(tt.page), FormatHTML)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.Text != tt.text {
				t.Fatalf("Text = %q, want %q", d.Text, tt.text)
			}
			i := strings.Index(d.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in text", tt.word)
			}
			if got := rawOf(d, i, i+len(tt.word)); got != tt.raw {
				t.Errorf("page bytes of %q = %q, want %q", tt.word, got, tt.raw)
			}
		})
	}
}

func TestHTMLDeclaredCharsets(t *testing.T) {
	body := "<h1>Talks end</h1><article><p>Переговоры в Стамбуле завершились без договорённости о прекращении огня.</p></article>"
	tests := []struct {
		name    string
		meta    string
		header  string // a declared charset, as from an HTTP header
		encode  string
		charset string
	}{
		{"meta charset", `<meta charset="windows-1251">`, "", "windows-1251", "windows-1251"},
		{"meta http-equiv", `<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`, "", "koi8-r", "koi8-r"},
		{"header outranks meta", `<meta charset="windows-1251">`, "koi8-r", "koi8-r", "koi8-r"},
		{"meta claiming UTF-16 is read as UTF-8", `<meta charset="utf-16">`, "", "utf-8", "utf-8"},
	}
	// A page saved again as UTF-8 that still declares its old character
	// set is read as UTF-8, with a warning.
	page := []byte(`<html><head><meta charset="windows-1251"></head><body>` + body + `</body></html>`)
	d, err := Parse("resaved", page, FormatHTML)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if d.Charset != "utf-8" || !d.CharsetGuessed || !strings.Contains(d.Text, "Переговоры в Стамбуле") ||
		len(d.Warnings) != 1 || !strings.HasPrefix(d.Warnings[0], "resaved: the page declares windows-1251 but its text is UTF-8") {
		t.Errorf("Charset %q (guessed %v), warnings %q, text %q", d.Charset, d.CharsetGuessed, d.Warnings, d.Text)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			enc, err := htmlindex.Get(tt.encode)
			if err != nil {
				t.Fatal(err)
			}
			page, err := enc.NewEncoder().Bytes([]byte("<html><head>" + tt.meta + "</head><body>" + body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			d, err := ParseWith("page", page, FormatHTML, ParseOptions{Charset: tt.header})
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.Charset != tt.charset || d.CharsetGuessed {
				t.Errorf("Charset = %q (guessed %v), want %q declared", d.Charset, d.CharsetGuessed, tt.charset)
			}
			if !strings.Contains(d.Text, "Переговоры в Стамбуле") {
				t.Errorf("Text = %q", d.Text)
			}
			i := strings.Index(d.Text, "Стамбуле")
			want, _ := enc.NewEncoder().Bytes([]byte("Стамбуле"))
			if got := rawOf(d, i, i+len("Стамбуле")); got != string(want) {
				t.Errorf("page bytes of a word = % x, want % x", got, want)
			}
		})
	}
}

func TestReadFileRefusesUnusablePages(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, want string
	}{
		{"section front", "testdata/pages/bad/section-front.html", "has no article text"},
		{"page built by scripts", "testdata/pages/bad/app-shell.html", "loads its text with scripts"},
		{"plain text named .html", "testdata/pages/bad/not-html.html", "is not a web page"},
		{"image named .html", write("photo.html", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")), "binary"},
		{"empty page", write("empty.html", nil), "is empty"},
		{"blank page", write("blank.htm", []byte("\n  \n")), "is empty"},
		{"markup only", write("shell.html", []byte("<html><head></head><body></body></html>")), "has no article text"},
		{"too large", write("big.html", bytes.Repeat([]byte("<p>Grain.</p>"), MaxSize/13+1)), "over the 20.0 MB limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(tt.path)
			if err == nil {
				t.Fatal("no error")
			}
			var p *Problem
			if !errors.As(err, &p) {
				t.Fatalf("error %v is not a Problem", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.path+": ") || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q should start with the path and say %q", msg, tt.want)
			}
		})
	}
}
