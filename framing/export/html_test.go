package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"framelens/framing"
	"framelens/framing/ingest"
)

// renderHTML writes c as HTML and parses it.
func renderHTML(t *testing.T, c Case, opts Options) ([]byte, *html.Node) {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, c, opts); err != nil {
		t.Fatal(err)
	}
	checkBalanced(t, b.Bytes())
	doc, err := html.Parse(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("the HTML report does not parse: %v", err)
	}
	return b.Bytes(), doc
}

// checkBalanced fails when the page has a tokenizer error or an element
// closed out of order or left open: a browser would have to guess.
func checkBalanced(t *testing.T, page []byte) {
	t.Helper()
	void := map[string]bool{"meta": true, "br": true, "link": true, "img": true, "input": true, "hr": true, "col": true}
	z := html.NewTokenizer(bytes.NewReader(page))
	var stack []string
	for {
		switch z.Next() {
		case html.ErrorToken:
			if err := z.Err(); !errors.Is(err, io.EOF) {
				t.Errorf("tokenizing the HTML report: %v", err)
			}
			if len(stack) > 0 {
				t.Errorf("elements left open at the end: %v", stack)
			}
			return
		case html.StartTagToken:
			name, _ := z.TagName()
			if !void[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Errorf("</%s> closes %v", name, stack)
				return
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// find returns the elements under n for which match is true.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	for _, c := range strings.Fields(attr(n, "class")) {
		if c == class {
			return true
		}
	}
	return false
}

func byClass(class string) func(*html.Node) bool {
	return func(n *html.Node) bool { return hasClass(n, class) }
}

// text is the text content of n, white space folded.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestHTMLHoldsEveryRowAndNote(t *testing.T) {
	c := loadCase(t)
	cmp := c.Comparison
	for _, framingOnly := range []bool{false, true} {
		t.Run(fmt.Sprintf("framing only %v", framingOnly), func(t *testing.T) {
			_, doc := renderHTML(t, c, Options{Generated: generated, FramingOnly: framingOnly})
			var want []int
			for ri := range cmp.Rows {
				if !framingOnly || cmp.RowFraming(ri) {
					want = append(want, ri)
				}
			}
			rows := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Tbody && hasClass(n, "row") })
			if len(rows) != len(want) {
				t.Fatalf("%d rows in the report, want %d", len(rows), len(want))
			}
			rowNode := map[int]*html.Node{}
			counterparts := 0
			for i, ri := range want {
				n := rows[i]
				if id := attr(n, "id"); id != fmt.Sprintf("row-%d", ri+1) {
					t.Errorf("row %d has id %q", ri+1, id)
				}
				rowNode[ri] = n
				cells := find(n, func(n *html.Node) bool {
					return n.DataAtom == atom.Td && n.Parent != nil && hasClass(n.Parent, "text") && !hasClass(n, "notes")
				})
				if len(cells) != len(cmp.Reports) {
					t.Fatalf("row %d has %d outlet cells, want %d", ri+1, len(cells), len(cmp.Reports))
				}
				for rep, cell := range cmp.Rows[ri].Cells {
					var sents []string
					for _, si := range cell {
						sents = append(sents, cmp.Reports[rep].Sentences[si].Text)
					}
					wantText := strings.Join(sents, " ")
					if len(cell) == 0 {
						wantText = "not reported"
					}
					if got := text(cells[rep]); got != wantText {
						t.Errorf("row %d, report %d shows %q, want %q", ri+1, rep, got, wantText)
					}
				}
				framed := len(find(n, func(n *html.Node) bool { return n.DataAtom == atom.Mark && hasClass(n, "fr") }))
				if cmp.RowFraming(ri) != (framed > 0) {
					t.Errorf("row %d: %d framing highlights, row framing %v", ri+1, framed, cmp.RowFraming(ri))
				}
				// What an outlet says in the place of another's framing
				// words is marked apart from the framing words.
				var wantCp []string
				for rep, cell := range cmp.Rows[ri].Cells {
					for _, si := range cell {
						for _, pc := range cmp.Pieces(rep, si) {
							if pc.Diff >= 0 && pc.Framing && pc.Counterpart {
								wantCp = append(wantCp, pc.Text)
							}
						}
					}
				}
				var gotCp []string
				for _, m := range find(n, func(n *html.Node) bool { return n.DataAtom == atom.Mark && hasClass(n, "cp") }) {
					gotCp = append(gotCp, text(m))
				}
				if strings.Join(gotCp, "|") != strings.Join(wantCp, "|") {
					t.Errorf("row %d: counterparts marked %q, want %q", ri+1, gotCp, wantCp)
				}
				counterparts += len(wantCp)
			}
			if counterparts == 0 {
				t.Errorf("the case shows no counterpart to check")
			}
			// Every note appears once, in its row or among the other notes.
			notes := find(doc, byClass("note"))
			if len(notes) != len(c.Notes) {
				t.Fatalf("%d notes in the report, want %d", len(notes), len(c.Notes))
			}
			for i, n := range c.Notes {
				row := n.Row
				if row < 0 && n.Report >= 0 {
					row = RowOf(cmp, n.Report, n.Start)
				}
				firstLine := strings.SplitN(n.Text, "\n", 2)[0]
				var holder *html.Node
				for _, node := range notes {
					if strings.Contains(text(node), firstLine) {
						holder = node
					}
				}
				if holder == nil {
					t.Errorf("note %d (%q) is not in the report", i, firstLine)
					continue
				}
				for _, tag := range n.Tags {
					if !strings.Contains(text(holder), tag) {
						t.Errorf("note %d lacks its tag %q", i, tag)
					}
				}
				inRow := -1
				for p := holder.Parent; p != nil; p = p.Parent {
					if p.DataAtom == atom.Tbody && hasClass(p, "row") {
						fmt.Sscanf(attr(p, "id"), "row-%d", &inRow)
						inRow--
					}
				}
				_, shown := rowNode[row]
				switch {
				case row >= 0 && shown && inRow != row:
					t.Errorf("note %d is beside row %d, want row %d", i, inRow+1, row+1)
				case (row < 0 || !shown) && inRow >= 0:
					t.Errorf("note %d of hidden or no row is beside row %d", i, inRow+1)
				}
			}
		})
	}
}

func TestHTMLCoverageAndTerms(t *testing.T) {
	c := loadCase(t)
	cmp := c.Comparison
	_, doc := renderHTML(t, c, Options{})
	rects := find(doc, func(n *html.Node) bool { return n.Data == "rect" })
	if len(rects) != len(cmp.Rows)*len(cmp.Reports) {
		t.Fatalf("heat map has %d cells, want %d rows x %d reports", len(rects), len(cmp.Rows), len(cmp.Reports))
	}
	count := map[string]int{}
	for _, r := range rects {
		count[attr(r, "class")]++
	}
	missing, framingRows := 0, 0
	for ri := range cmp.Rows {
		missing += len(cmp.RowMissing(ri))
		if cmp.RowFraming(ri) {
			framingRows++
		}
	}
	if count["missing"] != missing {
		t.Errorf("%d cells marked not reported, want %d", count["missing"], missing)
	}
	if count["framing"] < framingRows || count["framing"] > framingRows*len(cmp.Reports) {
		t.Errorf("%d cells marked framing for %d framing rows", count["framing"], framingRows)
	}
	terms := find(doc, func(n *html.Node) bool {
		return n.DataAtom == atom.Tr && n.Parent != nil && n.Parent.DataAtom == atom.Tbody && n.Parent.Parent != nil && hasClass(n.Parent.Parent, "terms")
	})
	if len(terms) != len(cmp.Terms) {
		t.Fatalf("terminology table has %d rows, want %d", len(terms), len(cmp.Terms))
	}
	for i, tu := range cmp.Terms {
		cells := find(terms[i], func(n *html.Node) bool { return n.DataAtom == atom.Td })
		for _, rt := range tu.Reports {
			for _, tc := range rt.Terms {
				if want := fmt.Sprintf("%s ×%d", tc.Term, tc.Count); !strings.Contains(text(cells[rt.Report]), want) {
					t.Errorf("terminology %s, report %d: %q lacks %q", tu.Referent, rt.Report, text(cells[rt.Report]), want)
				}
			}
		}
	}
	for _, o := range c.Outlets {
		links := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.A && attr(n, "href") == o.URL })
		if o.URL != "" && len(links) != 1 {
			t.Errorf("outlet %s: %d links to %s, want 1", o.Name, len(links), o.URL)
		}
	}
}

// hostile is text that would run script or load something if it were
// written into the page unescaped.
var hostile = []string{
	`<script>alert("report")</script>`,
	`</textarea><img src=x onerror=alert(1)>`,
	`&lt;b&gt; &amp; &#60;script&#62;`,
	`<a href="javascript:alert(1)">click</a>`,
	`"><svg onload=alert(1)>`,
	`</title></style><iframe src="https://evil.example/"></iframe>`,
}

// hostileCase is a comparison of reports, outlets and notes made of
// hostile text.
func hostileCase(t *testing.T) Case {
	t.Helper()
	texts := []string{
		"Headline <b onmouseover=alert(1)>bold</b>\n\nThe minister said " + hostile[0] + " at the talks.\n\nA second sentence with " + hostile[1] + " inside.\n\nOfficials said " + hostile[3] + " was posted.\n",
		"Other <script>headline</script>\n\nThe minister claimed " + hostile[0] + " at the talks.\n\nEntities " + hostile[2] + " stay text.\n\nA quote " + hostile[4] + " ends " + hostile[5] + ".\n",
	}
	var docs []*ingest.Document
	for i, s := range texts {
		d, err := ingest.Parse(fmt.Sprintf("report-%d", i), []byte(s), ingest.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, d)
	}
	cmp, err := framing.Compare(context.Background(), docs, framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	return Case{
		Name:       `</title><script>alert("case")</script>`,
		Date:       hostile[4],
		Comparison: cmp,
		Outlets: []Outlet{
			{Name: `<img src=x onerror=alert(1)>`, Title: hostile[5], URL: "javascript:alert(document.cookie)"},
			{Name: `=HYPERLINK("http://evil.example","x")`, URL: `https://example.org/a"onmouseover="alert(1)`},
		},
		Notes: []Note{
			{Kind: NoteRow, Report: 0, Row: -1, Start: 30, End: 40, Quote: hostile[0], Text: hostile[1] + "\n" + hostile[3], Tags: []string{hostile[4], "@SUM(A1)"}, Created: at, Updated: at},
			{Kind: `"><script>x</script>`, Report: -1, Row: -1, Quote: hostile[2], Text: "+cmd|' /C calc'!A0", Created: at, Updated: at},
		},
	}
}

func TestHTMLEscapesHostileText(t *testing.T) {
	c := hostileCase(t)
	page, doc := renderHTML(t, c, Options{Generated: generated})
	forbidden := map[atom.Atom]bool{atom.Script: true, atom.Img: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
		atom.Link: true, atom.Textarea: true, atom.Video: true, atom.Audio: true, atom.Source: true, atom.Form: true, atom.Base: true}
	for _, n := range find(doc, func(*html.Node) bool { return true }) {
		if forbidden[n.DataAtom] {
			t.Errorf("the report holds a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			key := strings.ToLower(a.Key)
			val := strings.ToLower(strings.Join(strings.Fields(a.Val), ""))
			if strings.HasPrefix(key, "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
			if key == "src" || key == "srcset" || key == "xlink:href" {
				t.Errorf("<%s> loads %s=%q", n.Data, a.Key, a.Val)
			}
			if strings.Contains(val, "javascript:") || strings.Contains(val, "data:text") {
				t.Errorf("<%s %s=%q> holds a script URL", n.Data, a.Key, a.Val)
			}
			if key == "href" && !strings.HasPrefix(val, "#") && !strings.HasPrefix(val, "https://") && !strings.HasPrefix(val, "http://") {
				t.Errorf("<%s> links to %q", n.Data, a.Val)
			}
		}
	}
	// The page's one style sheet is its own: no import, no url().
	for _, s := range find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Style }) {
		css := strings.ToLower(text(s))
		if strings.Contains(css, "@import") || strings.Contains(css, "url(") {
			t.Errorf("the style sheet loads something")
		}
	}
	body := text(find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })[0])
	for _, r := range c.Comparison.Reports {
		for _, s := range r.Sentences {
			if !strings.Contains(body, s.Text) {
				t.Errorf("the sentence %q is not shown as text", s.Text)
			}
		}
	}
	for _, want := range []string{c.Outlets[0].Name, c.Outlets[1].Name, "javascript:alert(document.cookie)", hostile[1], hostile[3], "@SUM(A1)", hostile[4], "+cmd|' /C calc'!A0"} {
		if !strings.Contains(body, want) {
			t.Errorf("%q is not shown as text", want)
		}
	}
	title := find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Title && n.Parent.DataAtom == atom.Head })
	if len(title) != 1 || !strings.Contains(text(title[0]), c.Name) {
		t.Errorf("the page title does not show the case name as text")
	}
	if bytes.Contains(bytes.ToLower(page), []byte("<script")) {
		t.Errorf("the page source holds <script")
	}
}

func TestSafeLink(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://example.org/a?b=c", true},
		{"HTTP://EXAMPLE.ORG/", true},
		{"javascript:alert(1)", false},
		{"JavaScript:alert(1)", false},
		{" javascript:alert(1)", false},
		{"data:text/html,<script>alert(1)</script>", false},
		{"vbscript:msgbox", false},
		{"//evil.example/x", false},
		{"https:/no-host", false},
		{"https://example.org/a b", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := safeLink(tt.url); got != tt.want {
			t.Errorf("safeLink(%q) = %v, want %v", tt.url, got, tt.want)
		}
	}
}
