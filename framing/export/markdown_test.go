package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// markdownPage renders Markdown as a Markdown viewer would (GitHub
// flavour, raw HTML allowed) and parses the result.
func markdownPage(t *testing.T, md []byte) *xhtml.Node {
	t.Helper()
	conv := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(html.WithUnsafe()))
	var out bytes.Buffer
	if err := conv.Convert(md, &out); err != nil {
		t.Fatalf("rendering the Markdown: %v", err)
	}
	doc, err := xhtml.Parse(&out)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestMarkdownShowsHostileTextAsText(t *testing.T) {
	c := hostileCase(t)
	var b bytes.Buffer
	if err := Markdown(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := markdownPage(t, b.Bytes())
	for _, n := range find(doc, func(*xhtml.Node) bool { return true }) {
		switch n.DataAtom {
		case atom.Script, atom.Img, atom.Iframe, atom.Svg, atom.Textarea, atom.B:
			t.Errorf("the Markdown turns into a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || strings.Contains(strings.ToLower(a.Val), "javascript:") {
				t.Errorf("the Markdown turns into <%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	// The kinds written after the differences are not part of the text.
	body := text(doc)
	for _, k := range kinds {
		body = strings.ReplaceAll(body, " ["+strings.ToLower(k.Name)+"]", "")
	}
	for _, r := range c.Comparison.Reports {
		for _, s := range r.Sentences {
			if !strings.Contains(body, s.Text) {
				t.Errorf("the sentence %q is not shown as written", s.Text)
			}
		}
	}
	for _, want := range []string{c.Name, c.Outlets[0].Name, "javascript:alert(document.cookie)", hostile[1], hostile[3], "+cmd|' /C calc'!A0"} {
		if !strings.Contains(body, want) {
			t.Errorf("%q is not shown as written", want)
		}
	}
}

func TestMarkdownMarksFramingDifferences(t *testing.T) {
	c := loadCase(t)
	cmp := c.Comparison
	var b bytes.Buffer
	if err := Markdown(&b, c, Options{}); err != nil {
		t.Fatal(err)
	}
	doc := markdownPage(t, b.Bytes())
	var strong []string
	for _, n := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Strong }) {
		strong = append(strong, text(n))
	}
	var em []string
	for _, n := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Em }) {
		em = append(em, text(n))
	}
	in := func(runs []string, s string) bool {
		for _, b := range runs {
			if strings.Contains(b, s) {
				return true
			}
		}
		return false
	}
	// Every word of every framing span is in bold, and every word that
	// only stands in the place of framing words in italics (or in bold,
	// where another difference is about it); a span that overlaps a
	// narrower one of another difference is cut into several runs.
	counterparts := 0
	for _, d := range cmp.Differences {
		if !d.Framing {
			continue
		}
		for _, sp := range d.Spans {
			for _, w := range strings.Fields(sp.Text) {
				w = strings.Trim(w, ",.;:!?\"'()")
				switch {
				case w == "":
				case sp.Counterpart && !in(em, w) && !in(strong, w):
					t.Errorf("row %d: %q, in the place of the %s, is neither in italics nor in bold", d.Row+1, w, d.Kind)
				case !sp.Counterpart && !in(strong, w):
					t.Errorf("row %d: %q of the %s %q is not in bold", d.Row+1, w, d.Kind, sp.Text)
				}
			}
			if sp.Counterpart {
				counterparts++
			}
		}
	}
	if counterparts == 0 {
		t.Errorf("the case has no counterpart to check")
	}
	quotes := find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.Blockquote })
	if len(quotes) != len(c.Notes) {
		t.Fatalf("%d quotes, want one per note (%d)", len(quotes), len(c.Notes))
	}
	for i, n := range c.Notes {
		if got := text(quotes[i]); !strings.Contains(got, strings.Join(strings.Fields(n.Text), " ")) {
			t.Errorf("note %d: quote %q lacks the note text", i, got)
		}
	}
	headings := 0
	for _, h := range find(doc, func(n *xhtml.Node) bool { return n.DataAtom == atom.H3 }) {
		if strings.HasPrefix(text(h), "Row ") {
			headings++
		}
	}
	if headings != len(cmp.Rows) {
		t.Errorf("%d row headings, want %d", headings, len(cmp.Rows))
	}
}

func TestMarkdownEscape(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"plain words", "plain words"},
		{"a *b* _c_", `a \*b\* \_c\_`},
		{"<script>x</script>", `\<script\>x\</script\>`},
		{"[link](javascript:x)", `\[link\](javascript:x)`},
		{"a | b", `a \| b`},
		{"&amp;", `\&amp;`},
		{"`code`", "\\`code\\`"},
		{"two\nlines", "two lines"},
	}
	for _, tt := range tests {
		if got := mdText(tt.in); got != tt.want {
			t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	starts := []struct {
		in, want string
	}{
		{"- item", `\- item`},
		{"# heading", `\# heading`},
		{"12. item", `12\. item`},
		{"3) item", `3\) item`},
		{"2025 was", "2025 was"},
		{"text", "text"},
	}
	for _, tt := range starts {
		if got := mdLineStart(tt.in); got != tt.want {
			t.Errorf("mdLineStart(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
