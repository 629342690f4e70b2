package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
)

// detailPane shows the selected row in full: each report's sentences one
// above the other, with the word-level changes against the reference
// report, then the row's differences with their kind and explanation.
type detailPane struct {
	box    *fyne.Container
	scroll *container.Scroll
	row    int
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
	d.setBlocks([][]widget.RichTextSegment{{
		muted("Select a row to read its sentences one above the other, with the words each outlet changed against the reference report and the differences explained."),
	}})
}

// show fills the pane with row of m, compared with the report in column
// ref.
func (d *detailPane) show(m *caseModel, row, ref int) {
	if m == nil || row < 0 || row >= m.rows() {
		d.clear()
		return
	}
	d.row = row
	d.setBlocks(detailBlocks(m, row, ref))
	d.scroll.ScrollToTop()
}

// setBlocks shows each block as a paragraph of wrapped rich text.
func (d *detailPane) setBlocks(blocks [][]widget.RichTextSegment) {
	d.box.RemoveAll()
	for _, b := range blocks {
		rt := widget.NewRichText(b...)
		rt.Wrapping = fyne.TextWrapWord
		d.box.Add(rt)
	}
	d.box.Refresh()
}

// text is the pane's text, one line per block.
func (d *detailPane) text() string {
	var b strings.Builder
	for _, o := range d.box.Objects {
		if rt, ok := o.(*widget.RichText); ok {
			b.WriteString(rt.String() + "\n")
		}
	}
	return b.String()
}

// detailBlocks builds the pane's content for row: one slice of inline
// segments per paragraph.
func detailBlocks(m *caseModel, row, ref int) [][]widget.RichTextSegment {
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
	blocks := [][]widget.RichTextSegment{{heading(rowSummary(m, row))}}
	if base >= 0 && base != ref && ref >= 0 && ref < m.reports() {
		blocks = append(blocks, []widget.RichTextSegment{muted(fmt.Sprintf("The reference, %s, did not report this fact; the others are compared with %s.",
			m.entries[ref].label(), m.entries[base].label()))})
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
		blocks = append(blocks, line)
	}
	if base >= 0 {
		blocks = append(blocks, []widget.RichTextSegment{legendText("Green words are the outlet's own; struck-through words are those of " + m.entries[base].label() + " that it does not use.")})
	}
	blocks = append(blocks, []widget.RichTextSegment{heading("Differences in this row")})
	diffs := m.cmp.RowDifferences(row)
	if len(diffs) == 0 {
		blocks = append(blocks, []widget.RichTextSegment{muted("None: the outlets that reported this fact worded it the same way.")})
	}
	// Framing differences first: they are what the analyst looks for.
	for _, framingFirst := range []bool{true, false} {
		for _, d := range diffs {
			if d.Framing == framingFirst {
				blocks = append(blocks, differenceSegments(m, d))
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
