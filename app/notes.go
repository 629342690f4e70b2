package app

// The analyst's notes: on a row, on a sentence of one report, or on a span
// of words. The library keeps them; the window shows them in the detail
// pane, in the Notes tab and as a mark beside the rows they are on.

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/storage"
	"framelens/storage/anchor"
)

// noteTarget is what a new note is about: a byte range of one report.
type noteTarget struct {
	kind       storage.NoteKind
	entry      *ReportEntry
	start, end int
	// about describes the target in the note editor.
	about string
}

// noteKindLabel names a kind of note for the analyst.
func noteKindLabel(k storage.NoteKind) string {
	switch k {
	case storage.NoteRow:
		return "Row note"
	case storage.NoteSentence:
		return "Sentence note"
	case storage.NoteTerm:
		return "Note on words"
	}
	return "Note"
}

// oneLine folds the white space of s, line breaks included.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// rowNoteTarget anchors a note on row to one sentence of it: the reference
// report's when it reported the fact, else the first report's that did.
// The note follows whichever row holds that sentence.
func (wb *workbench) rowNoteTarget(row int) (noteTarget, bool) {
	m := wb.model
	if m == nil || row < 0 || row >= m.rows() {
		return noteTarget{}, false
	}
	cols := []int{m.column(wb.cas.reference())}
	for c := range m.reports() {
		cols = append(cols, c)
	}
	for _, c := range cols {
		if c < 0 || !m.reported(row, c) {
			continue
		}
		e, s, _ := wb.sentence(c, m.cmp.Rows[row].Cells[c][0])
		return noteTarget{kind: storage.NoteRow, entry: e, start: s.Start, end: s.End,
			about: fmt.Sprintf("Row %d (kept with the sentence of %s: “%s”)", row+1, e.label(), firstRunes(s.Text, 80))}, true
	}
	return noteTarget{}, false
}

// sentenceNoteTarget is sentence s of column col.
func (wb *workbench) sentenceNoteTarget(col, s int) (noteTarget, bool) {
	e, sent, ok := wb.sentence(col, s)
	if !ok {
		return noteTarget{}, false
	}
	return noteTarget{kind: storage.NoteSentence, entry: e, start: sent.Start, end: sent.End,
		about: fmt.Sprintf("A sentence of %s: “%s”", e.label(), firstRunes(sent.Text, 100))}, true
}

// spanNoteTargets are the words each report has at difference d.
func (wb *workbench) spanNoteTargets(d framing.Difference) []noteTarget {
	m := wb.model
	var out []noteTarget
	for _, sp := range d.Spans {
		if sp.Text == "" || sp.End <= sp.Start || sp.Report < 0 || sp.Report >= m.reports() {
			continue
		}
		e := m.entries[sp.Report]
		out = append(out, noteTarget{kind: storage.NoteTerm, entry: e, start: sp.Start, end: sp.End,
			about: fmt.Sprintf("“%s” (%s)", firstRunes(sp.Text, 60), e.label())})
	}
	return out
}

// addRowNote asks for a note on row.
func (wb *workbench) addRowNote(row int) {
	if t, ok := wb.rowNoteTarget(row); ok && wb.needLibrary("Notes") {
		wb.showNoteEditor("Note on row "+fmt.Sprint(row+1), []noteTarget{t}, nil)
	}
}

// addSentenceNote asks for a note on sentence s of column col.
func (wb *workbench) addSentenceNote(col, s int) {
	if t, ok := wb.sentenceNoteTarget(col, s); ok && wb.needLibrary("Notes") {
		wb.showNoteEditor("Note on a sentence", []noteTarget{t}, nil)
	}
}

// addSpanNote asks for a note on the words of one report at difference d.
func (wb *workbench) addSpanNote(_ int, d framing.Difference) {
	if ts := wb.spanNoteTargets(d); len(ts) > 0 && wb.needLibrary("Notes") {
		wb.showNoteEditor("Note on words", ts, nil)
	}
}

// showNoteEditor asks for the text and tags of a note: a new one about one
// of targets (the analyst chooses when there are several), or, with edit
// set, that note.
func (wb *workbench) showNoteEditor(title string, targets []noteTarget, edit *storage.Note) {
	text := widget.NewMultiLineEntry()
	text.SetPlaceHolder("What is notable here, and why")
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(4)
	text.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("type the note")
		}
		return nil
	}
	tags := slices.Clone(wb.tags)
	var selected []string
	if edit != nil {
		text.SetText(edit.Text)
		selected = slices.Clone(edit.Tags)
		for _, t := range edit.Tags {
			if !containsFold(tags, t) {
				tags = append(tags, t)
			}
		}
	}
	checks := widget.NewCheckGroup(tags, nil)
	checks.SetSelected(selected)
	tagScroll := container.NewVScroll(checks)
	tagScroll.SetMinSize(fyne.NewSize(360, 230))
	own := widget.NewEntry()
	own.SetPlaceHolder("a tag of your own")
	addOwn := func() {
		t := oneLine(own.Text)
		if t == "" {
			return
		}
		if !containsFold(checks.Options, t) {
			checks.Append(t)
		}
		for _, o := range checks.Options {
			if strings.EqualFold(o, t) && !slices.Contains(checks.Selected, o) {
				checks.SetSelected(append(slices.Clone(checks.Selected), o))
			}
		}
		own.SetText("")
	}
	own.OnSubmitted = func(string) { wb.guard("adding a tag", addOwn) }
	ownRow := container.NewBorder(nil, nil, nil, widget.NewButton("Add tag", func() { wb.guard("adding a tag", addOwn) }), own)

	var about fyne.CanvasObject
	choice := 0
	switch {
	case edit != nil:
		about = wrapped(noteKindLabel(edit.Kind) + ": “" + firstRunes(oneLine(edit.Anchor.Exact), 100) + "”")
	case len(targets) == 1:
		about = wrapped(targets[0].about)
	default:
		labels := make([]string, len(targets))
		for i, t := range targets {
			labels[i] = t.about
		}
		sel := widget.NewSelect(labels, nil)
		sel.SetSelectedIndex(0)
		sel.OnChanged = func(string) { choice = sel.SelectedIndex() }
		about = sel
	}
	items := []*widget.FormItem{
		widget.NewFormItem("About", about),
		widget.NewFormItem("Note", text),
		widget.NewFormItem("Tags", tagScroll),
		widget.NewFormItem("", ownRow),
	}
	d := dialog.NewForm(title, "Save", "Cancel", items, func(ok bool) {
		wb.guard("saving the note", func() {
			wb.win.Canvas().Unfocus() // Ctrl+Z is the window's again
			if !ok {
				return
			}
			addOwn() // a tag typed but not added yet counts
			if edit != nil {
				n := *edit
				n.Text, n.Tags = strings.TrimSpace(text.Text), slices.Clone(checks.Selected)
				wb.saveNote(n, noteTarget{})
				return
			}
			t := targets[max(0, choice)]
			wb.saveNote(storage.Note{Kind: t.kind, Text: strings.TrimSpace(text.Text), Tags: slices.Clone(checks.Selected),
				Anchor: anchor.Selector{Start: t.start, End: t.end}}, t)
		})
	}, wb.win)
	d.Resize(fyne.NewSize(640, 560))
	d.Show()
	wb.win.Canvas().Focus(text)
}

// editNote asks for new text and tags for n.
func (wb *workbench) editNote(n storage.Note) {
	if wb.needLibrary("Notes") {
		wb.showNoteEditor("Edit note", nil, &n)
	}
}

// noteDeletedStatus is the status after a note is deleted.
const noteDeletedStatus = "Note deleted. Undo (Ctrl+Z) brings it back."

// undoLabel is the label of the button that brings a deleted note back.
const undoLabel = "Undo"

// containsFold reports whether list holds s, ignoring case.
func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// saveNote stores n: a new note about t (n.ID 0), or changes to a note.
func (wb *workbench) saveNote(n storage.Note, t noteTarget) {
	c := wb.cas
	what := "saving the note"
	if n.ID == 0 {
		what = "saving the new note"
	}
	if wb.save("", what, func(lib *storage.Library) error {
		if n.ID == 0 {
			n.ReportID = t.entry.id.Load()
			if n.ReportID == 0 {
				return fmt.Errorf("%s is not in the library yet; wait a moment and add the note again", t.entry.label())
			}
		}
		if _, err := lib.SaveNote(n); err != nil {
			return err
		}
		return wb.readAnnotations(lib, c, false)
	}) {
		wb.clearUndo()
		wb.setStatus("Note saved.")
	}
}

// deleteNote deletes n; Undo (in the bottom bar or Edit > Undo) brings it
// back.
func (wb *workbench) deleteNote(n storage.Note) {
	if !wb.needLibrary("Notes") {
		return
	}
	c := wb.cas
	wb.save("", "deleting the note", func(lib *storage.Library) error {
		old, err := lib.DeleteNote(n.ID)
		if err != nil {
			return err
		}
		wb.toUI(func() {
			if wb.cas == c {
				wb.deleted = &old
				wb.setStatus(noteDeletedStatus)
				wb.ui.undo.Show()
			}
		})
		return wb.readAnnotations(lib, c, false)
	})
}

// undo restores the note deleted last.
func (wb *workbench) undo() {
	n := wb.deleted
	if n == nil {
		wb.setStatus("Nothing to undo.")
		return
	}
	wb.clearUndo()
	c := wb.cas
	if wb.save("", "restoring the deleted note", func(lib *storage.Library) error {
		if _, err := lib.RestoreNote(*n); err != nil {
			return err
		}
		return wb.readAnnotations(lib, c, false)
	}) {
		wb.setStatus("Note restored.")
	}
}

// clearUndo forgets the deleted note.
func (wb *workbench) clearUndo() {
	wb.deleted = nil
	wb.ui.undo.Hide()
}

// readAnnotations reads the notes, corrections and tags of c from lib
// and shows them; with recompare set, the case is compared again (its
// corrections changed). It runs on the library's goroutine.
func (wb *workbench) readAnnotations(lib *storage.Library, c *Case, recompare bool) error {
	id := c.id.Load()
	if id == 0 {
		return nil
	}
	notes, err := lib.Notes(id, storage.NoteFilter{})
	if err != nil {
		return err
	}
	corrections, err := lib.Corrections(id)
	if err != nil {
		return err
	}
	tags, err := lib.Tags()
	if err != nil {
		return err
	}
	wb.toUI(func() {
		wb.tags = tags
		if wb.cas != c {
			return
		}
		c.notes, c.corrections = notes, corrections
		wb.annotationsChanged()
		if recompare {
			wb.recompare()
		}
	})
	return nil
}

// noteRow returns the row of the comparison shown that note n is on, or -1
// for a note that lost its place.
func (wb *workbench) noteRow(n storage.Note) int {
	m := wb.model
	if m == nil || n.Detached {
		return -1
	}
	e := wb.cas.entryByID(n.ReportID)
	if e == nil {
		return -1
	}
	return rowOfRange(m, m.column(e), n.Anchor.Start, n.Anchor.End)
}

// annotationsChanged shows the notes and corrections of the case anew:
// the row marks, the Notes and Alignment tabs and the detail pane.
func (wb *workbench) annotationsChanged() {
	wb.noteRows = map[int][]storage.Note{}
	noted := map[int]bool{}
	var items []noteItem
	for _, n := range wb.cas.notes {
		row := wb.noteRow(n)
		if row >= 0 {
			wb.noteRows[row] = append(wb.noteRows[row], n)
			noted[row] = true
		}
		items = append(items, wb.noteItem(n, row))
	}
	wb.ui.view.setNoted(noted)
	wb.ui.notes.setNotes(items, wb.lib != nil)
	wb.ui.fixes.set(wb.correctionItems())
	if m, row := wb.model, wb.ui.detail.row; m != nil && row >= 0 {
		wb.ui.detail.show(m, row, m.column(wb.cas.reference()))
	}
}

// noteItem describes note n, on row (-1: none), for the Notes tab.
func (wb *workbench) noteItem(n storage.Note, row int) noteItem {
	it := noteItem{note: n, row: row}
	outlet := "a removed report"
	if e := wb.cas.entryByID(n.ReportID); e != nil {
		outlet = e.label()
	}
	switch {
	case n.Detached || n.ReportID == 0:
		it.where = "Was in " + firstRunes(outlet, 24)
	case row >= 0:
		it.where = fmt.Sprintf("Row %d · %s", row+1, firstRunes(outlet, 24))
	default:
		it.where = noteKindLabel(n.Kind) + " · " + firstRunes(outlet, 24)
	}
	if n.Kind != storage.NoteRow {
		it.quote = firstRunes(oneLine(n.Anchor.Exact), 140)
	}
	return it
}
