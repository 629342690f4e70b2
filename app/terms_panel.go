package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
)

// termsPanel lists, for each contested referent met in the case, the terms
// each outlet used for it and how often. Tapping a term jumps to the rows
// where that outlet used it, one after the other.
type termsPanel struct {
	box    *fyne.Container
	scroll *container.Scroll

	// onTerm is called with the term tapped.
	onTerm func(referent string, report int, term string)
	guard  func(what string, f func())
}

func newTermsPanel() *termsPanel {
	t := &termsPanel{box: container.NewVBox(), guard: func(_ string, f func()) { f() }}
	t.scroll = container.NewVScroll(t.box)
	t.setModel(nil)
	return t
}

// setModel lists the terminology of a new comparison.
func (t *termsPanel) setModel(m *caseModel) {
	t.box.RemoveAll()
	if m == nil {
		t.box.Add(wrapped("The terms each outlet uses for contested things (places, conflicts, groups) appear here once reports are compared."))
		return
	}
	usages := append([]framing.TermUsage(nil), m.cmp.Terms...)
	sort.SliceStable(usages, func(i, j int) bool {
		return distinctTerms(usages[i]) > distinctTerms(usages[j])
	})
	if len(usages) == 0 {
		t.box.Add(wrapped("No contested term of the lexicon occurs in these reports."))
	}
	for _, tu := range usages {
		t.box.Add(t.referentBlock(m, tu))
	}
	t.box.Refresh()
	t.scroll.ScrollToTop()
}

// referentBlock shows one referent: its description, then a line per
// outlet with a button per term.
func (t *termsPanel) referentBlock(m *caseModel, tu framing.TermUsage) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(describeReferent(tu), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	lines := container.NewVBox(title)
	if n := distinctTerms(tu); n > 1 {
		note := widget.NewLabel(fmt.Sprintf("%d different terms: the outlets name this differently.", n))
		note.Importance = widget.WarningImportance
		note.Wrapping = fyne.TextWrapWord
		note.SizeName = theme.SizeNameCaptionText
		lines.Add(note)
	}
	for _, rt := range tu.Reports {
		if len(rt.Terms) == 0 || rt.Report < 0 || rt.Report >= len(m.entries) {
			continue
		}
		outlet := widget.NewLabel(firstRunes(m.entries[rt.Report].label(), 28))
		outlet.Truncation = fyne.TextTruncateEllipsis
		buttons := container.New(layout.NewRowWrapLayout())
		for _, tc := range rt.Terms {
			report, term, referent := rt.Report, tc.Term, tu.Referent
			b := widget.NewButton(fmt.Sprintf("%s ×%d", tc.Term, tc.Count), func() {
				t.guard("jumping to a term", func() {
					if t.onTerm != nil {
						t.onTerm(referent, report, term)
					}
				})
			})
			if len(tc.Rows) == 0 {
				b.Disable()
			}
			buttons.Add(b)
		}
		lines.Add(outlet)
		lines.Add(buttons)
	}
	lines.Add(widget.NewSeparator())
	return lines
}

// distinctTerms counts the different terms used for a referent.
func distinctTerms(tu framing.TermUsage) int {
	seen := map[string]bool{}
	for _, rt := range tu.Reports {
		for _, tc := range rt.Terms {
			if tc.Count > 0 {
				seen[strings.ToLower(tc.Term)] = true
			}
		}
	}
	return len(seen)
}

// describeReferent names a referent for the panel.
func describeReferent(tu framing.TermUsage) string {
	d := tu.Description
	if d == "" {
		d = tu.Referent
	}
	if tu.Category != "" {
		d += " (" + strings.ReplaceAll(tu.Category, "-", " ") + ")"
	}
	return d
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}
