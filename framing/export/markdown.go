package export

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"framelens/framing"
)

// Markdown writes the case as Markdown for pasting into documents: the
// outlets, the coverage per outlet, the terminology table, then one block
// per row with each outlet's sentence, the differences in **bold** followed
// by their kind, the list of differences and the notes as quotes. Report
// and note text is escaped so that it never turns into markup, links or
// raw HTML.
func Markdown(w io.Writer, c Case, opts Options) error {
	v, err := newView(c, opts)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	v.markdown(b)
	if err := b.Flush(); err != nil {
		return fmt.Errorf("export: writing Markdown: %w", err)
	}
	return nil
}

func (v *view) markdown(b *bufio.Writer) {
	st := v.stats()
	fmt.Fprintf(b, "# %s\n\n", mdText(v.title()))
	var meta []string
	if d := oneLine(v.c.Date); d != "" {
		meta = append(meta, mdText(d))
	}
	if g := generatedTime(v.opts.Generated); g != "" {
		meta = append(meta, "Generated "+mdText(g))
	}
	meta = append(meta, "Framelens framing comparison")
	fmt.Fprintf(b, "%s\n\n", strings.Join(meta, " · "))
	fmt.Fprintf(b, "**%s · %s · %d with framing differences · %d not reported by every outlet · %s**\n\n",
		plural(len(v.outlets), "outlet"), plural(st.Rows, "aligned row"), st.Framing, st.Omitted, plural(st.Notes, "note"))

	b.WriteString("## Outlets\n\n| # | Outlet | Headline | Published | Source |\n|--:|---|---|---|---|\n")
	for i, o := range v.outlets {
		link := mdCell(o.URL)
		if safeLink(o.URL) {
			link = "<" + mdURL(o.URL) + ">"
		}
		fmt.Fprintf(b, "| %d | %s | %s | %s | %s |\n", i+1, mdCell(o.Name), mdCell(o.Title), mdCell(o.Date), link)
	}

	b.WriteString("\n## Coverage\n\n| Outlet | Reported the same | With framing differences | Not reported |\n|---|--:|--:|--:|\n")
	for rep, o := range v.outlets {
		var n [3]int
		for ri := range v.cmp.Rows {
			n[v.coverageOf(ri, rep)]++
		}
		fmt.Fprintf(b, "| %s | %d | %d | %d |\n", mdCell(o.Name), n[coverSame], n[coverFraming], n[coverMissing])
	}

	b.WriteString("\n## Terminology\n\n")
	if len(v.cmp.Terms) == 0 {
		b.WriteString("No contested term of the lexicon occurs in these reports.\n")
	} else {
		b.WriteString("| Referent |")
		for _, o := range v.outlets {
			fmt.Fprintf(b, " %s |", mdCell(o.Name))
		}
		b.WriteString("\n|---|")
		for range v.outlets {
			b.WriteString("---|")
		}
		b.WriteByte('\n')
		for _, t := range v.htmlTerms() {
			name := t.Description
			if t.Category != "" {
				name += " (" + t.Category + ")"
			}
			fmt.Fprintf(b, "| %s |", mdCell(name))
			for _, cell := range t.Cells {
				var uses []string
				for _, tc := range cell {
					uses = append(uses, fmt.Sprintf("%s ×%d", mdCell(tc.Term), tc.Count))
				}
				if len(uses) == 0 {
					uses = []string{"—"}
				}
				fmt.Fprintf(b, " %s |", strings.Join(uses, ", "))
			}
			b.WriteByte('\n')
		}
	}

	b.WriteString("\n## Aligned rows\n\n")
	if v.opts.FramingOnly {
		fmt.Fprintf(b, "Only the rows with framing differences: %d of %d.\n\n", st.Framing, st.Rows)
	}
	b.WriteString("Framing differences are in **bold**, followed by their kind in brackets; what an outlet says in their place is in *italics*; neutral rewording is not marked.\n")
	for ri := range v.cmp.Rows {
		if v.shown(ri) {
			v.markdownRow(b, ri)
		}
	}

	var other []int
	for i, row := range v.noteRow {
		if row < 0 || !v.shown(row) {
			other = append(other, i)
		}
	}
	if len(other) > 0 {
		b.WriteString("\n## Other notes\n")
		for _, i := range other {
			where := "Not placed in a row: its text was not found in the reports compared"
			if row := v.noteRow[i]; row >= 0 {
				where = fmt.Sprintf("Row %d (not shown: no framing difference)", row+1)
			}
			b.WriteByte('\n')
			v.markdownNote(b, v.c.Notes[i], where)
		}
	}
}

func (v *view) markdownRow(b *bufio.Writer, ri int) {
	fmt.Fprintf(b, "\n### Row %d", ri+1)
	var tags []string
	if v.cmp.RowFraming(ri) {
		tags = append(tags, "framing differences")
	}
	if missing := len(v.cmp.RowMissing(ri)); missing > 0 {
		tags = append(tags, fmt.Sprintf("not reported by %d of %d", missing, len(v.outlets)))
	}
	if len(tags) > 0 {
		b.WriteString(" · " + strings.Join(tags, " · "))
	}
	b.WriteString("\n\n")
	for rep, o := range v.outlets {
		fmt.Fprintf(b, "- **%s:** ", mdText(o.Name))
		if !v.reported(ri, rep) {
			b.WriteString("*not reported*\n")
			continue
		}
		for k, si := range v.cmp.Rows[ri].Cells[rep] {
			if k > 0 {
				b.WriteByte(' ')
			}
			for _, pc := range v.cmp.Pieces(rep, si) {
				b.WriteString(mdPiece(pc))
			}
		}
		b.WriteByte('\n')
	}
	var diffs []framing.Difference
	for _, d := range v.cmp.RowDifferences(ri) {
		if shownDifference(d) {
			diffs = append(diffs, d)
		}
	}
	if len(diffs) > 0 {
		b.WriteString("\nDifferences:\n\n")
		for _, d := range diffs {
			label := "**" + mdText(kindName(d.Kind)) + "**"
			var sides []string
			for _, s := range v.groupedSides(d) {
				t := "nothing"
				if s.Text != "" {
					t = "“" + mdText(s.Text) + "”"
				}
				sides = append(sides, mdText(s.Outlet)+" "+t)
			}
			fmt.Fprintf(b, "- %s: %s", label, strings.Join(sides, " / "))
			if e := oneLine(d.Explanation); e != "" {
				fmt.Fprintf(b, " — %s", mdText(e))
			}
			b.WriteByte('\n')
		}
	}
	for _, ni := range v.rowNotes[ri] {
		b.WriteByte('\n')
		v.markdownNote(b, v.c.Notes[ni], "")
	}
}

// mdPiece writes one run of a sentence: framing differences in bold with
// their kind after them, the rest as plain text.
func mdPiece(pc framing.Piece) string {
	text := mdEscape(pc.Text)
	if pc.Diff < 0 || !pc.Framing || strings.TrimSpace(pc.Text) == "" {
		return text
	}
	lead, core, trail := splitSpace(text)
	kind := strings.ToLower(kindName(pc.Kind))
	if pc.Counterpart {
		// What this outlet says in the place of another's framing words.
		return lead + "*" + core + "* \\[" + mdText(kind) + ", in its place\\]" + trail
	}
	return lead + "**" + core + "** \\[" + mdText(kind) + "\\]" + trail
}

// splitSpace cuts the spaces at either end off s: Markdown ignores
// emphasis that starts or ends with a space.
func splitSpace(s string) (lead, core, trail string) {
	core = strings.TrimLeft(s, " ")
	lead = s[:len(s)-len(core)]
	trimmed := strings.TrimRight(core, " ")
	trail = core[len(trimmed):]
	return lead, trimmed, trail
}

// markdownNote writes a note as a quote block.
func (v *view) markdownNote(b *bufio.Writer, n Note, where string) {
	head := []string{"**" + mdText(noteKindLabel(n.Kind)) + "**"}
	if o := v.noteOutlet(n); o != "" {
		head = append(head, mdText(o))
	}
	if tags := cleanTags(n.Tags); len(tags) > 0 {
		for i := range tags {
			tags[i] = mdText(tags[i])
		}
		head = append(head, "tags: "+strings.Join(tags, ", "))
	}
	if t := noteTime(n.Created); t != "" {
		head = append(head, t)
	}
	if u := noteTime(n.Updated); u != "" && u != noteTime(n.Created) {
		head = append(head, "edited "+u)
	}
	fmt.Fprintf(b, "> %s\n", strings.Join(head, " · "))
	if where != "" {
		fmt.Fprintf(b, ">\n> *%s*\n", mdText(where))
	}
	if q := oneLine(n.Quote); q != "" {
		fmt.Fprintf(b, ">\n> *“%s”*\n", mdText(q))
	}
	text := strings.TrimSpace(strings.ReplaceAll(n.Text, "\r\n", "\n"))
	if text != "" {
		b.WriteString(">\n")
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				b.WriteString(">\n")
				continue
			}
			fmt.Fprintf(b, "> %s\n", mdLineStart(mdText(line)))
		}
	}
}

// mdSpecial are the characters escaped in Markdown text: those that start
// emphasis, code, links, raw HTML, entities, tables or strikethrough.
const mdSpecial = "\\`*_[]<>&|~"

// mdText escapes s so that Markdown shows it as written on one line: runs
// of white space, line breaks included, become one space.
func mdText(s string) string {
	return mdEscape(oneLine(s))
}

// mdEscape puts a backslash before every character of s that could start
// markup.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && strings.ContainsRune(mdSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mdCell is mdText for a table cell (the pipe is already escaped).
func mdCell(s string) string {
	if s = mdText(s); s == "" {
		return " "
	}
	return s
}

// mdURL writes a checked http(s) URL inside an autolink; the characters an
// autolink cannot hold are percent-encoded.
func mdURL(u string) string {
	r := strings.NewReplacer("<", "%3C", ">", "%3E", " ", "%20", "|", "%7C", "\\", "%5C")
	return r.Replace(u)
}

// mdLineStart escapes what would make a line of a note start a heading,
// list, quote, rule or numbered item.
func mdLineStart(line string) string {
	if line == "" {
		return line
	}
	switch line[0] {
	case '-', '+', '=', '>', '#':
		return "\\" + line
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') {
		return line[:i] + "\\" + line[i:]
	}
	return line
}
