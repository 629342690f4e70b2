package app

// Alignment corrections: the analyst takes a sentence out of its row or
// links it with a sentence of another report. The library keeps them as
// byte ranges of the reports' original bytes; each comparison of the case
// turns them into sentence indices and hands them to the engine.

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/export"
	"framelens/framing/ingest"
	"framelens/storage"
	"framelens/storage/anchor"
)

// fixSentence is a sentence of a correction: a byte range of a document's
// original bytes.
type fixSentence struct {
	doc        *ingest.Document
	start, end int
}

// fixLink joins two sentences of different reports.
type fixLink struct{ a, b fixSentence }

// alignFix is what a comparison needs to apply the analyst's corrections.
// It is built on the UI goroutine and read only after.
type alignFix struct {
	links   []fixLink
	unlinks []fixSentence
}

// alignFix collects the corrections of the case that can be applied, or
// returns nil when there is none.
func (wb *workbench) alignFix() *alignFix {
	c := wb.cas
	if len(c.corrections) == 0 {
		return nil
	}
	f := &alignFix{}
	at := func(p storage.Placement) (fixSentence, bool) {
		e := c.entryByID(p.ReportID)
		if !p.Found || e == nil {
			return fixSentence{}, false
		}
		return fixSentence{doc: e.Doc, start: p.Start, end: p.End}, true
	}
	for _, rc := range c.corrections {
		if !rc.Resolved {
			continue
		}
		a, okA := at(rc.A)
		switch rc.Correction.Kind {
		case storage.Unlink:
			if okA {
				f.unlinks = append(f.unlinks, a)
			}
		case storage.Link:
			if b, okB := at(rc.B); okA && okB {
				f.links = append(f.links, fixLink{a, b})
			}
		}
	}
	if len(f.links) == 0 && len(f.unlinks) == 0 {
		return nil
	}
	return f
}

// compare runs compare over docs with the corrections turned into the
// engine's Links and Unlinks, in one comparison: the sentences the
// corrections name are found with framing.Segment, which splits a document
// exactly as the comparison does. A nil fix compares as it is.
func (f *alignFix) compare(ctx context.Context, compare compareFunc, docs []*ingest.Document, opts framing.Options) (*framing.Comparison, error) {
	if f == nil {
		return compare(ctx, docs, opts)
	}
	sents := make(map[*ingest.Document][]framing.Sentence, len(docs))
	sentencesOf := func(d *ingest.Document) []framing.Sentence {
		s, ok := sents[d]
		if !ok {
			s = framing.Segment(d)
			sents[d] = s
		}
		return s
	}
	index := make(map[*ingest.Document]int, len(docs))
	for i, d := range docs {
		index[d] = i
	}
	ref := func(s fixSentence) (framing.SentenceRef, bool) {
		rep, ok := index[s.doc]
		if !ok {
			return framing.SentenceRef{}, false
		}
		i := sentenceAt(sentencesOf(s.doc), s.start, s.end)
		return framing.SentenceRef{Report: rep, Sentence: i}, i >= 0
	}
	opts.Links, opts.Unlinks = nil, nil
	for _, l := range f.links {
		a, okA := ref(l.a)
		b, okB := ref(l.b)
		if okA && okB {
			opts.Links = append(opts.Links, framing.Link{A: a, B: b})
		}
	}
	for _, u := range f.unlinks {
		if r, ok := ref(u); ok {
			opts.Unlinks = append(opts.Unlinks, r)
		}
	}
	return compare(ctx, docs, opts)
}

// sentenceAt returns the index of the sentence of sents (in reading order)
// that overlaps the byte range [start, end) most, or -1 when none does.
func sentenceAt(sents []framing.Sentence, start, end int) int {
	if end <= start {
		end = start + 1
	}
	best, most := -1, 0
	for i := sort.Search(len(sents), func(i int) bool { return sents[i].End > start }); i < len(sents) && sents[i].Start < end; i++ {
		if o := min(end, sents[i].End) - max(start, sents[i].Start); o > most {
			best, most = i, o
		}
	}
	return best
}

// rowOfRange returns the row of m holding the sentence of column col that
// the byte range [start, end) falls in, or -1.
func rowOfRange(m *caseModel, col, start, end int) int {
	if m == nil || col < 0 || col >= m.reports() {
		return -1
	}
	s := sentenceAt(m.cmp.Reports[col].Sentences, start, end)
	if s < 0 {
		return export.RowOf(m.cmp, col, start)
	}
	return export.RowOf(m.cmp, col, m.cmp.Reports[col].Sentences[s].Start)
}

// keptRow returns the row of m to select after a correction (the row the
// corrected sentence is now in), or -1. It is used once.
func (wb *workbench) keptRow(m *caseModel) int {
	k := wb.keep
	wb.keep = nil
	if k == nil {
		return -1
	}
	for col, e := range m.entries {
		if e.Doc == k.doc {
			return rowOfRange(m, col, k.start, k.end)
		}
	}
	return -1
}

// sentence returns the report of column col and its sentence s in the
// comparison shown.
func (wb *workbench) sentence(col, s int) (*ReportEntry, framing.Sentence, bool) {
	m := wb.model
	if m == nil || col < 0 || col >= m.reports() || s < 0 || s >= len(m.cmp.Reports[col].Sentences) {
		return nil, framing.Sentence{}, false
	}
	return m.entries[col], m.cmp.Reports[col].Sentences[s], true
}

// needLibrary says, when there is no library, that what needs one cannot
// be kept, and reports whether there is one.
func (wb *workbench) needLibrary(what string) bool {
	if wb.lib != nil {
		return true
	}
	showError(wb.win, fmt.Errorf("%s are kept in the library, and no library is open in this window (see the bottom bar). "+
		"Start Framelens with a library it can read and write, or with --library PATH to choose another file", what))
	return false
}

// unlinkSentence takes sentence s of column col out of its row, for this
// and every later comparison of the case.
func (wb *workbench) unlinkSentence(col, s int) {
	if !wb.needLibrary("Alignment corrections") {
		return
	}
	e, sent, ok := wb.sentence(col, s)
	if !ok {
		return
	}
	wb.addCorrection(storage.Unlink, e, sent, nil, framing.Sentence{})
	wb.setStatus("Taking the sentence of " + e.label() + " out of its row; the reports are compared again.")
}

// linkSentences puts sentence sb of column colB into the row of sentence sa
// of column colA, for this and every later comparison of the case.
func (wb *workbench) linkSentences(colA, sa, colB, sb int) {
	if !wb.needLibrary("Alignment corrections") {
		return
	}
	a, sentA, okA := wb.sentence(colA, sa)
	b, sentB, okB := wb.sentence(colB, sb)
	if !okA || !okB {
		return
	}
	if a == b {
		showError(wb.win, fmt.Errorf("both sentences are in %s; choose a sentence of another report to link with", a.label()))
		return
	}
	wb.addCorrection(storage.Link, a, sentA, b, sentB)
	wb.setStatus("Linking the sentences of " + a.label() + " and " + b.label() + "; the reports are compared again.")
}

// addCorrection stores a correction, then reads the corrections back and
// compares the case again with them.
func (wb *workbench) addCorrection(kind storage.CorrectionKind, a *ReportEntry, sa framing.Sentence, b *ReportEntry, sb framing.Sentence) {
	c := wb.cas
	wb.keep = &fixSentence{doc: a.Doc, start: sa.Start, end: sa.End}
	wb.save("", "saving the alignment correction", func(lib *storage.Library) error {
		fix := storage.Correction{Kind: kind, A: storage.SentenceRef{ReportID: a.id.Load(), Anchor: anchor.Selector{Start: sa.Start, End: sa.End}}}
		if b != nil {
			fix.B = storage.SentenceRef{ReportID: b.id.Load(), Anchor: anchor.Selector{Start: sb.Start, End: sb.End}}
		}
		if fix.A.ReportID == 0 || (b != nil && fix.B.ReportID == 0) {
			return fmt.Errorf("the report is not in the library yet; wait a moment and make the correction again")
		}
		if _, err := lib.AddCorrection(fix); err != nil {
			return err
		}
		return wb.readAnnotations(lib, c, true)
	})
}

// removeCorrection deletes a correction and compares the case again
// without it.
func (wb *workbench) removeCorrection(id int64) {
	if !wb.needLibrary("Alignment corrections") {
		return
	}
	c := wb.cas
	wb.save("", "removing the correction", func(lib *storage.Library) error {
		if err := lib.DeleteCorrection(id); err != nil {
			return err
		}
		return wb.readAnnotations(lib, c, true)
	})
	wb.setStatus("Correction removed; the reports are compared again.")
}

// showLinkDialog lets the analyst choose a sentence of another report to
// put into the row of sentence s of column col.
func (wb *workbench) showLinkDialog(col, s int) {
	m := wb.model
	e, sent, ok := wb.sentence(col, s)
	if !ok {
		return
	}
	var others []int
	var names []string
	for c := range m.reports() {
		if c != col {
			others = append(others, c)
			names = append(names, m.entries[c].label())
		}
	}
	if len(others) == 0 {
		return
	}
	chosenCol, chosen := -1, -1
	var sents []framing.Sentence
	list := widget.NewList(
		func() int { return len(sents) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := rowOfRange(m, chosenCol, sents[i].Start, sents[i].End)
			text := fmt.Sprintf("Row %d: %s", row+1, sents[i].Text)
			if row == rowOfRange(m, col, sent.Start, sent.End) {
				text += " (already in this row)"
			}
			o.(*widget.Label).SetText(text)
		})
	list.OnSelected = func(i widget.ListItemID) { chosen = i }
	reports := widget.NewSelect(names, func(string) {})
	reports.OnChanged = func(string) {
		chosenCol = others[reports.SelectedIndex()]
		sents = m.cmp.Reports[chosenCol].Sentences
		chosen = -1
		list.UnselectAll()
		list.Refresh()
		list.ScrollToTop()
	}
	reports.SetSelectedIndex(0)
	what := widget.NewLabel(fmt.Sprintf("Put a sentence of another report into the row of this sentence of %s:\n“%s”", e.label(), firstRunes(sent.Text, 160)))
	what.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(what, widget.NewForm(widget.NewFormItem("Report", reports)))
	d := dialog.NewCustomConfirm("Link with a sentence of another report", "Link", "Cancel",
		container.NewBorder(top, nil, nil, nil, list), func(ok bool) {
			wb.guard("linking sentences", func() {
				if !ok {
					return
				}
				if chosen < 0 {
					showError(wb.win, fmt.Errorf("no sentence was chosen; choose one in the list of %s, then press Link", m.entries[chosenCol].label()))
					return
				}
				wb.linkSentences(col, s, chosenCol, chosen)
			})
		}, wb.win)
	d.Resize(fyne.NewSize(760, 520))
	d.Show()
}

// correctionItem is a correction as the Alignment tab lists it.
type correctionItem struct {
	id   int64
	text string
	// row is the row the correction's first sentence is in now, or -1.
	row int
}

// correctionItems describes the corrections of the case.
func (wb *workbench) correctionItems() []correctionItem {
	c, m := wb.cas, wb.model
	label := func(p storage.Placement, ref storage.SentenceRef) string {
		quote := "“" + firstRunes(strings.Join(strings.Fields(ref.Anchor.Exact), " "), 70) + "”"
		if e := c.entryByID(ref.ReportID); e != nil {
			return quote + " (" + e.label() + ")"
		}
		return quote + " (a removed report)"
	}
	var out []correctionItem
	for _, rc := range c.corrections {
		it := correctionItem{id: rc.Correction.ID, row: -1}
		if rc.Correction.Kind == storage.Link {
			it.text = "Linked " + label(rc.A, rc.Correction.A) + " with " + label(rc.B, rc.Correction.B)
		} else {
			it.text = "Taken out of its row: " + label(rc.A, rc.Correction.A)
		}
		if !rc.Resolved {
			it.text += ". Not applied: the sentence is no longer in its report."
		}
		if e := c.entryByID(rc.A.ReportID); e != nil && rc.A.Found && m != nil {
			it.row = rowOfRange(m, m.column(e), rc.A.Start, rc.A.End)
		}
		out = append(out, it)
	}
	return out
}

// correctionsPanel lists the alignment corrections of the case, each with
// a way to go to its row and to remove it.
type correctionsPanel struct {
	box    *fyne.Container
	scroll *container.Scroll

	onJump   func(row int)
	onRemove func(id int64)
	guard    func(what string, f func())
}

func newCorrectionsPanel() *correctionsPanel {
	p := &correctionsPanel{box: container.NewVBox(), guard: func(_ string, f func()) { f() }}
	p.scroll = container.NewVScroll(p.box)
	p.set(nil)
	return p
}

// set lists items.
func (p *correctionsPanel) set(items []correctionItem) {
	p.box.RemoveAll()
	if len(items) == 0 {
		p.box.Add(wrapped("No alignment correction. When the rows put together sentences that state different facts, " +
			"or leave apart two that state the same, select the row and use Unlink or Link… in the detail pane below it."))
	}
	for _, it := range items {
		text := wrapped(it.text)
		goTo := widget.NewButton("Go to row", func() { p.guard("going to a row", func() { p.onJump(it.row) }) })
		if it.row < 0 {
			goTo.Disable()
		} else {
			goTo.SetText(fmt.Sprintf("Go to row %d", it.row+1))
		}
		remove := widget.NewButton("Remove", func() { p.guard("removing a correction", func() { p.onRemove(it.id) }) })
		goTo.Importance, remove.Importance = widget.LowImportance, widget.LowImportance
		p.box.Add(container.NewVBox(text, container.NewHBox(goTo, remove), widget.NewSeparator()))
	}
	p.box.Refresh()
}
