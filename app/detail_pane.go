package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/storage"
)

// detailPane shows the selected row in full: each report's sentences one
// above the other, with the word-level changes against the reference
// report, the analyst's notes on the row, then the row's differences with
// their kind and explanation. With actions set, each sentence offers a
// note and alignment corrections, and each difference a note.
type detailPane struct {
	box    *fyne.Container
	scroll *container.Scroll
	row    int
	acts   *detailActions
	// onAddToLexicon, when set, is offered on each difference of the row
	// ("Add to lexicon…").
	onAddToLexicon func(framing.Difference)
}

// detailActions are what the pane offers on the row, run by the
// workbench.
type detailActions struct {
	noteRow      func(row int)
	noteSentence func(col, sentence int)
	noteSpans    func(row int, d framing.Difference)
	unlink       func(col, sentence int)
	link         func(col, sentence int)
	editNote     func(n storage.Note)
	deleteNote   func(n storage.Note)
	// rowNotes lists the notes on a row.
	rowNotes func(row int) []storage.Note
	guard    func(what string, f func())
}

func newDetailPane() *detailPane {
	d := &detailPane{box: container.NewVBox(), row: -1}
	d.scroll = container.NewVScroll(d.box)
	d.clear()
	return d
}

// clear shows the hint for an empty selection.
func (d *detailPane) clear() {
	d.row = -1
	d.box.RemoveAll()
	d.addText([]widget.RichTextSegment{
		muted("Select a row to read its sentences one above the other, with the words each outlet changed against the reference report and the differences explained."),
	})
	d.box.Refresh()
}

// show fills the pane with row of m, compared with the report in column
// ref. Showing the same row again (its notes changed) keeps the scroll
// position.
func (d *detailPane) show(m *caseModel, row, ref int) {
	if m == nil || row < 0 || row >= m.rows() {
		d.clear()
		return
	}
	same := row == d.row
	d.row = row
	d.box.RemoveAll()
	for _, b := range detailBlocks(m, row, ref) {
		if b.role == blockDiffHeading && d.acts != nil {
			d.addNotes(row)
		}
		d.addText(b.segs)
		if d.acts != nil {
			if o := d.blockActions(m, row, b); o != nil {
				d.box.Add(o)
			}
		}
	}
	if d.onAddToLexicon != nil {
		addLexiconButtons(d.box, m, row, d.onAddToLexicon)
	}
	d.box.Refresh()
	if !same {
		d.scroll.ScrollToTop()
	}
}

// addText adds a paragraph of wrapped rich text.
func (d *detailPane) addText(segs []widget.RichTextSegment) {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	d.box.Add(rt)
}

// button is a small action button of the pane.
func (d *detailPane) button(label string, icon fyne.Resource, f func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, func() { d.acts.guard(strings.TrimSuffix(label, "…"), f) })
	b.Importance = widget.LowImportance
	return b
}

// blockActions returns the buttons offered under block b, or nil.
func (d *detailPane) blockActions(m *caseModel, row int, b detailBlock) fyne.CanvasObject {
	a := d.acts
	switch b.role {
	case blockSummary:
		return container.NewHBox(d.button(addRowNoteLabel, theme.DocumentCreateIcon(), func() { a.noteRow(row) }))
	case blockReport:
		cell := m.cmp.Rows[row].Cells[b.report]
		if len(cell) == 0 {
			return nil
		}
		others := 0
		for rep := range m.reports() {
			if rep != b.report && m.reported(row, rep) {
				others++
			}
		}
		lines := container.NewVBox()
		for i, s := range cell {
			col, s := b.report, s
			line := container.NewHBox()
			if len(cell) > 1 {
				line.Add(widget.NewLabel(fmt.Sprintf("Sentence %d:", i+1)))
			}
			line.Add(d.button(addSentenceNoteLabel, theme.DocumentCreateIcon(), func() { a.noteSentence(col, s) }))
			unlink := d.button(unlinkLabel, theme.ContentCutIcon(), func() { a.unlink(col, s) })
			if others == 0 && len(cell) == 1 {
				unlink.Disable() // alone in its row already
			}
			line.Add(unlink)
			link := d.button(linkLabel, theme.ContentAddIcon(), func() { a.link(col, s) })
			if m.reports() < 2 {
				link.Disable()
			}
			line.Add(link)
			lines.Add(line)
		}
		return lines
	case blockDiff:
		for _, sp := range b.diff.Spans {
			if sp.Text != "" && sp.End > sp.Start {
				diff := *b.diff
				return container.NewHBox(d.button(addTermNoteLabel, theme.DocumentCreateIcon(), func() { a.noteSpans(row, diff) }))
			}
		}
	}
	return nil
}

// addNotes lists the analyst's notes on row, each with Edit and Delete.
func (d *detailPane) addNotes(row int) {
	notes := d.acts.rowNotes(row)
	if len(notes) == 0 {
		return
	}
	d.addText([]widget.RichTextSegment{heading("Notes on this row")})
	for _, n := range notes {
		segs := []widget.RichTextSegment{strong(noteKindLabel(n.Kind) + ": ")}
		if n.Kind != storage.NoteRow && n.Anchor.Exact != "" {
			segs = append(segs, muted("“"+firstRunes(oneLine(n.Anchor.Exact), 90)+"” "))
		}
		segs = append(segs, plain(n.Text))
		if len(n.Tags) > 0 {
			segs = append(segs, styled("  ["+strings.Join(n.Tags, ", ")+"]", theme.ColorNamePrimary, fyne.TextStyle{}))
		}
		d.addText(segs)
		d.box.Add(container.NewHBox(
			d.button("Edit…", theme.DocumentCreateIcon(), func() { d.acts.editNote(n) }),
			d.button("Delete", theme.DeleteIcon(), func() { d.acts.deleteNote(n) }),
		))
	}
}

// text is the pane's text, one line per paragraph.
func (d *detailPane) text() string {
	var b strings.Builder
	var walk func(objs []fyne.CanvasObject)
	walk = func(objs []fyne.CanvasObject) {
		for _, o := range objs {
			switch x := o.(type) {
			case *widget.RichText:
				b.WriteString(x.String() + "\n")
			case *fyne.Container:
				walk(x.Objects)
			}
		}
	}
	walk(d.box.Objects)
	return b.String()
}

// Labels of the pane's actions.
const (
	addRowNoteLabel      = "Add note on this row…"
	addSentenceNoteLabel = "Add note…"
	addTermNoteLabel     = "Add note on these words…"
	unlinkLabel          = "Unlink from row"
	linkLabel            = "Link with…"
)

// blockRole says what a paragraph of the pane shows.
type blockRole int

const (
	blockOther blockRole = iota
	blockSummary
	blockReport
	blockDiffHeading
	blockDiff
)

// detailBlock is one paragraph of the pane and what it shows.
type detailBlock struct {
	segs []widget.RichTextSegment
	role blockRole
	// report is the column of a blockReport.
	report int
	// diff is the difference of a blockDiff.
	diff *framing.Difference
}

// detailBlocks builds the pane's content for row.
func detailBlocks(m *caseModel, row, ref int) []detailBlock {
	base := ref
	if base < 0 || base >= m.reports() || !m.reported(row, base) {
		base = -1
		for rep := range m.reports() {
			if m.reported(row, rep) {
				base = rep
				break
			}
		}
	}
	blocks := []detailBlock{{segs: []widget.RichTextSegment{heading(rowSummary(m, row))}, role: blockSummary}}
	if base >= 0 && base != ref && ref >= 0 && ref < m.reports() {
		blocks = append(blocks, detailBlock{segs: []widget.RichTextSegment{muted(fmt.Sprintf("The reference, %s, did not report this fact; the others are compared with %s.",
			m.entries[ref].label(), m.entries[base].label()))}})
	}
	for rep := range m.reports() {
		name := m.entries[rep].label()
		switch {
		case rep == ref:
			name += " (reference)"
		case rep == base:
			name += " (compared with the others)"
		}
		line := []widget.RichTextSegment{strong(name + ":  ")}
		switch {
		case !m.reported(row, rep):
			line = append(line, missingSegments()...)
		case rep == base:
			line = append(line, pieceSegments(m.cellPieces(row, rep), "")...)
		default:
			line = append(line, diffSegments(framing.WordDiff(m.cellText[row][base], m.cellText[row][rep]))...)
		}
		blocks = append(blocks, detailBlock{segs: line, role: blockReport, report: rep})
	}
	if base >= 0 {
		blocks = append(blocks, detailBlock{segs: []widget.RichTextSegment{legendText("Green words are the outlet's own; struck-through words are those of " + m.entries[base].label() + " that it does not use.")}})
	}
	blocks = append(blocks, detailBlock{segs: []widget.RichTextSegment{heading("Differences in this row")}, role: blockDiffHeading})
	diffs := m.cmp.RowDifferences(row)
	if len(diffs) == 0 {
		blocks = append(blocks, detailBlock{segs: []widget.RichTextSegment{muted("None: the outlets that reported this fact worded it the same way.")}})
	}
	// Framing differences first: they are what the analyst looks for.
	for _, framingFirst := range []bool{true, false} {
		for i := range diffs {
			if d := &diffs[i]; d.Framing == framingFirst {
				blocks = append(blocks, detailBlock{segs: differenceSegments(m, *d), role: blockDiff, diff: d})
			}
		}
	}
	return blocks
}

// rowSummary is the pane's title line for row.
func rowSummary(m *caseModel, row int) string {
	parts := []string{fmt.Sprintf("Row %d of %d", row+1, m.rows())}
	if m.framing[row] {
		parts = append(parts, "framing differs")
	}
	if miss := m.missing[row]; len(miss) > 0 {
		names := make([]string, len(miss))
		for i, r := range miss {
			names[i] = m.entries[r].label()
		}
		parts = append(parts, "not reported by "+strings.Join(names, ", "))
	}
	return strings.Join(parts, " · ")
}

// differenceSegments describes difference d: kind, what each report says
// at that place, and why it matters.
func differenceSegments(m *caseModel, d framing.Difference) []widget.RichTextSegment {
	label := kindLabel(d.Kind)
	if d.Framing {
		label += " · framing"
	} else {
		label += " · neutral"
	}
	kind := styled(label, kindColor(d.Kind), fyne.TextStyle{Bold: d.Framing})
	parts := []widget.RichTextSegment{kind, plain(": ")}
	for i, sp := range d.Spans {
		if i > 0 {
			parts = append(parts, plain("; "))
		}
		said := "nothing here"
		if sp.Text != "" {
			said = "“" + sp.Text + "”"
		}
		outlet := fmt.Sprintf("report %d", sp.Report+1)
		if sp.Report >= 0 && sp.Report < len(m.entries) {
			outlet = m.entries[sp.Report].label()
		}
		if sp.Counterpart {
			// Words that only stand in the place of the framing words.
			parts = append(parts, plain(said), plain(" ("+outlet+", in its place)"))
			continue
		}
		parts = append(parts, strong(said), plain(" ("+outlet+")"))
	}
	if d.Explanation != "" {
		parts = append(parts, muted(" — "+d.Explanation))
	}
	return parts
}

// diffSegments renders a word diff: equal words plain, inserted words in
// the inserted colour, deleted words struck through. The texts of the
// steps carry their own spaces.
func diffSegments(ops []framing.WordOp) []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for i, op := range ops {
		if i > 0 && op.Op != ops[i-1].Op && !endsInSpace(ops[i-1].Text) && !strings.HasPrefix(op.Text, " ") {
			segs = append(segs, plain(" "))
		}
		switch op.Op {
		case 1:
			segs = append(segs, styled(op.Text, colorInserted, fyne.TextStyle{Bold: true}))
		case -1:
			segs = append(segs, styled(op.Text, colorDeleted, fyne.TextStyle{Strikethrough: true}))
		default:
			segs = append(segs, plain(op.Text))
		}
	}
	return segs
}

func styled(text string, colour fyne.ThemeColorName, style fyne.TextStyle) *widget.TextSegment {
	s := widget.RichTextStyleInline
	s.ColorName = colour
	s.TextStyle = style
	return &widget.TextSegment{Style: s, Text: text}
}

func plain(text string) *widget.TextSegment {
	return styled(text, theme.ColorNameForeground, fyne.TextStyle{})
}

func strong(text string) *widget.TextSegment {
	return styled(text, theme.ColorNameForeground, fyne.TextStyle{Bold: true})
}

func muted(text string) *widget.TextSegment {
	return styled(text, theme.ColorNamePlaceHolder, fyne.TextStyle{})
}

func legendText(text string) *widget.TextSegment {
	return styled(text, theme.ColorNamePlaceHolder, fyne.TextStyle{Italic: true})
}

func heading(text string) *widget.TextSegment {
	s := widget.RichTextStyleSubHeading
	s.Inline = true
	return &widget.TextSegment{Style: s, Text: text}
}

func endsInSpace(s string) bool {
	return strings.HasSuffix(s, " ") || strings.HasSuffix(s, "\n")
}
