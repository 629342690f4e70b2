package app

import (
	"bytes"
	"context"
	"database/sql"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/export"
	"framelens/framing/ingest"
	"framelens/storage"
)

// sampleName is the name of the bundled sample case.
const sampleName = "Wang Yi and Lavrov in Beijing, 13 July 2025"

// act runs f as the UI goroutine runs what goroutines hand it: one at a
// time, so that a comparison or a library call finishing meanwhile waits
// for f to end (on the test driver the test itself plays the UI
// goroutine).
func act(f func()) {
	uiMu.Lock()
	defer uiMu.Unlock()
	f()
}

// startWithLibrary opens a window on the library at path, as the program
// does at start (args are report files to open), and waits until its
// first case is compared.
func startWithLibrary(t *testing.T, path string, args ...string) *workbench {
	t.Helper()
	wb := newTestWorkbench(t)
	act(func() { wb.startLibrary(path, args) })
	wb.wait()
	t.Cleanup(func() { closeWindow(wb) })
	return wb
}

// closeWindow does what closing the window does: the pending writes end
// and the library is closed.
func closeWindow(wb *workbench) {
	wb.wait()
	wb.closing.Store(true)
	wb.runner.stop()
	wb.closeLibrary()
}

// storedNotes returns the notes the library holds for the open case.
func storedNotes(t *testing.T, wb *workbench) []storage.Note {
	t.Helper()
	notes, err := wb.lib.Notes(wb.cas.id.Load(), storage.NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return notes
}

// outlets lists the outlets of the case in column order.
func outlets(c *Case) string {
	var names []string
	for _, e := range c.Reports {
		names = append(names, e.Outlet)
	}
	return strings.Join(names, ", ")
}

// tapOverlayButton taps the button labelled label in the topmost dialog.
func tapOverlayButton(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open to press %q in", label)
	}
	b := findButton(top, label)
	if b == nil {
		t.Fatalf("the dialog has no %q button: %q", label, objectsText(top))
	}
	act(func() { test.Tap(b) })
}

// writeNote fills the open note editor with text and tags and saves it.
func writeNote(t *testing.T, wb *workbench, text string, tags ...string) {
	t.Helper()
	top := wb.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no note editor opened")
	}
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Entry:
			if x.MultiLine {
				x.SetText(text)
			}
		case *widget.CheckGroup:
			x.SetSelected(tags)
		}
	}
	tapOverlayButton(t, wb.win, "Save")
	wb.wait()
}

func TestFirstStartKeepsTheSampleCaseAndTheNextStartReopensIt(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	wb := startWithLibrary(t, path)
	if wb.lib == nil || wb.model == nil {
		t.Fatalf("the window did not open the library and compare the sample (status %q)", wb.ui.status.Text)
	}
	if wb.cas.Name != sampleName {
		t.Fatalf("the first start opened %q, want the sample case", wb.cas.Name)
	}
	cases, err := wb.lib.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || cases[0].Name != sampleName {
		t.Fatalf("the library holds %v, want the sample case alone", cases)
	}
	data, err := wb.lib.LoadCase(cases[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(data.Reports) != 4 {
		t.Fatalf("the stored sample has %d reports, want 4", len(data.Reports))
	}
	for i, r := range data.Reports {
		e := wb.cas.Reports[i]
		if r.Outlet != e.Outlet || !bytes.Equal(r.Content, e.Doc.Raw) || r.Published != e.Date || r.Reference != (e == wb.cas.Reference) {
			t.Errorf("stored report %d is %q %q ref=%v, want %q %q ref=%v with the original bytes", i, r.Outlet, r.Published, r.Reference, e.Outlet, e.Date, e == wb.cas.Reference)
		}
	}

	// The analyst renames the case in the Reports tab and moves a report:
	// both are saved without a save button.
	var name *widget.Entry
	showReportsTab(wb)
	for _, o := range test.LaidOutObjects(wb.ui.reports.scroll) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == "Case name" {
			name = e
		}
	}
	if name == nil {
		t.Fatal("the Reports tab has no case name field")
	}
	act(func() {
		name.SetText("Lavrov in Beijing")
		wb.moveReport(wb.cas.Reports[0], 1)
	})
	wb.wait()
	want := outlets(wb.cas)
	closeWindow(wb)

	again := startWithLibrary(t, path)
	if again.cas.Name != "Lavrov in Beijing" || again.cas.id.Load() != cases[0].ID {
		t.Errorf("the second start opened %q (id %d), want the renamed case %d", again.cas.Name, again.cas.id.Load(), cases[0].ID)
	}
	if got := outlets(again.cas); got != want {
		t.Errorf("the second start shows the reports %s, want %s", got, want)
	}
	if again.model == nil {
		t.Error("the reopened case was not compared")
	}
	if cases, _ := again.lib.Cases(); len(cases) != 1 {
		t.Errorf("the second start left %d cases in the library, want the one", len(cases))
	}
}

func TestReportFilesGivenAtStartBecomeANewCase(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "wire.txt")
	b := filepath.Join(dir, "daily.txt")
	if err := os.WriteFile(a, []byte("Ministers met in Oslo on Friday. They discussed fishing rights."), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("The ministers met in Oslo on Friday. Fishing rights were on the table."), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "library.db")
	wb := startWithLibrary(t, path, a, b)
	if len(wb.cas.Reports) != 2 || wb.model == nil {
		t.Fatalf("the files given at start were not opened and compared: %d reports", len(wb.cas.Reports))
	}
	pasted := "Fishing ministers met in Oslo."
	act(func() { wb.pasteReport("Oslo Post", "2025-01-02", "", pasted) })
	wb.wait()
	data, err := wb.lib.LoadCase(wb.cas.id.Load())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range data.Reports {
		got = append(got, r.FileName+"|"+r.Outlet)
	}
	if want := []string{"wire.txt|wire", "daily.txt|daily", "|Oslo Post"}; !slices.Equal(got, want) {
		t.Errorf("stored reports %q, want %q", got, want)
	}
	if string(data.Reports[2].Content) != pasted || data.Reports[2].Published != "2025-01-02" {
		t.Errorf("the pasted report is stored as %q of %q", data.Reports[2].Content, data.Reports[2].Published)
	}
}

func TestANoteShowsOnItsRowAndADeleteCanBeUndone(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	m := wb.model
	row := rowWith(t, m, column(t, m, "Moscow State Wire"), "exchanged views on the Ukrainian crisis")
	wb.jumpTo(row)
	if w := builtRow(t, wb.ui.view, row); w.noteMark.Visible() {
		t.Fatalf("row %d shows a note mark before any note", row+1)
	}

	// The detail pane offers a note on the row.
	add := findButton(wb.ui.detail.scroll, addRowNoteLabel)
	if add == nil {
		t.Fatalf("the detail pane offers no %q: %s", addRowNoteLabel, wb.ui.detail.text())
	}
	act(func() { test.Tap(add) })
	writeNote(t, wb, "Moscow avoids the word war.", "security and defence", "political")

	notes := storedNotes(t, wb)
	if len(notes) != 1 || notes[0].Text != "Moscow avoids the word war." || !slices.Equal(notes[0].Tags, []string{"political", "security and defence"}) && !slices.Equal(notes[0].Tags, []string{"security and defence", "political"}) {
		t.Fatalf("the library holds %+v, want the note with its two tags", notes)
	}
	if notes[0].Kind != storage.NoteRow {
		t.Errorf("the note is of kind %q, want a row note", notes[0].Kind)
	}
	if w := builtRow(t, wb.ui.view, row); !w.noteMark.Visible() {
		t.Errorf("row %d carries a note but shows no mark", row+1)
	}
	for other := range m.rows() {
		if other != row && builtRow(t, wb.ui.view, other).noteMark.Visible() {
			t.Errorf("row %d shows a note mark without a note", other+1)
		}
	}
	if text := wb.ui.detail.text(); !strings.Contains(text, "Moscow avoids the word war.") {
		t.Errorf("the detail pane of the row does not show its note:\n%s", text)
	}
	if text := objectsText(wb.ui.notes.content); !strings.Contains(text, "Moscow avoids the word war.") || !strings.Contains(text, "Row "+strconv.Itoa(row+1)) {
		t.Errorf("the Notes tab does not list the note on row %d: %q", row+1, text)
	}

	// Deleting it from the Notes tab removes it from the library and the
	// row; Undo puts it back as it was.
	del := findButton(wb.ui.notes.content, "Delete")
	if del == nil {
		t.Fatal("the note in the Notes tab has no Delete button")
	}
	act(func() { test.Tap(del) })
	wb.wait()
	if n := len(storedNotes(t, wb)); n != 0 {
		t.Fatalf("%d notes left after the delete", n)
	}
	if builtRow(t, wb.ui.view, row).noteMark.Visible() {
		t.Error("the deleted note's row still shows a mark")
	}
	if !wb.ui.undo.Visible() || wb.ui.status.Text != noteDeletedStatus {
		t.Errorf("after the delete the bottom bar reads %q and Undo is shown = %v", wb.ui.status.Text, wb.ui.undo.Visible())
	}
	act(func() { test.Tap(wb.ui.undo) })
	wb.wait()
	back := storedNotes(t, wb)
	if len(back) != 1 || back[0].ID != notes[0].ID || back[0].Text != notes[0].Text || !slices.Equal(back[0].Tags, notes[0].Tags) {
		t.Fatalf("after Undo the library holds %+v, want %+v", back, notes[0])
	}
	if !builtRow(t, wb.ui.view, row).noteMark.Visible() {
		t.Error("the restored note's row shows no mark")
	}
	if wb.ui.undo.Visible() {
		t.Error("Undo is still offered after undoing")
	}

	// Edit > Undo delete note does the same.
	act(func() { test.Tap(findButton(wb.ui.notes.content, "Delete")) })
	wb.wait()
	act(wb.command("Undo delete note").item.Action)
	wb.wait()
	if back := storedNotes(t, wb); len(back) != 1 || back[0].ID != notes[0].ID {
		t.Errorf("after Edit > Undo the library holds %+v", back)
	}
}

func TestTheRowMenuOffersNotesAndCorrections(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	m, v := wb.model, wb.ui.view
	moscow := column(t, m, "Moscow State Wire")
	row := rowWith(t, m, moscow, "exchanged views on the Ukrainian crisis")
	w := builtRow(t, v, row)
	act(func() { test.TapSecondaryAt(w, fyne.NewPos(v.columnX(moscow)+20, 10)) })
	menu := false
	if top := wb.win.Canvas().Overlays().Top(); top != nil {
		for _, o := range test.LaidOutObjects(top) {
			if _, ok := o.(*widget.PopUpMenu); ok {
				menu = true
			}
		}
	}
	if !menu {
		t.Fatal("tapping a row with the secondary button opened no menu")
	}
	if v.selected != row {
		t.Errorf("the row tapped is not selected: %d", v.selected+1)
	}
	var labels []string
	var unlink *fyne.MenuItem
	for _, it := range wb.rowMenuItems(row, moscow) {
		labels = append(labels, it.Label)
		if it.Label == "Unlink the sentence of Moscow State Wire from the row" {
			unlink = it
		}
	}
	for _, want := range []string{"Add note on row " + strconv.Itoa(row+1) + "…", "Add note on the sentence of Moscow State Wire…",
		"Link the sentence of Moscow State Wire with a sentence of another report…"} {
		if !slices.Contains(labels, want) {
			t.Errorf("the row menu lacks %q: %q", want, labels)
		}
	}
	if unlink == nil {
		t.Fatalf("the row menu offers no unlink: %q", labels)
	}
	s := m.cmp.Rows[row].Cells[moscow][0]
	act(unlink.Action)
	wb.wait()
	m = wb.model
	for _, r := range m.cmp.Rows {
		if slices.Contains(r.Cells[moscow], s) {
			for col, cell := range r.Cells {
				if col != moscow && len(cell) > 0 {
					t.Errorf("after Unlink the sentence still shares its row with column %d", col)
				}
			}
		}
	}
}

func TestTheFileDialogsOpen(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	open := func(what string, action func()) {
		t.Helper()
		act(action)
		top := wb.win.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("%s opened no dialog", what)
		}
		if text := overlayText(wb.win); strings.Contains(text, "internal error") {
			t.Fatalf("%s failed: %q", what, text)
		}
		wb.win.Canvas().Overlays().Remove(top)
	}
	for _, label := range []string{"Add report file…", "Open folder of reports…", "Import case…", "Export case…"} {
		open(label, wb.command(label).item.Action)
	}
	// Export report asks for the format first, then for the file.
	act(wb.command("Export report…").item.Action)
	if text := overlayText(wb.win); !strings.Contains(text, framingOnlyLabel) {
		t.Fatalf("Export report shows %q", text)
	}
	open("Choose file…", func() { test.Tap(findButton(wb.win.Canvas().Overlays().Top(), chooseFileLabel)) })
}

func TestNotesCanBeFilteredByTagAndSearched(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	m := wb.model
	kyiv := column(t, m, "Kyiv Ledger")
	row := rowWith(t, m, kyiv, "Lavrov claimed that Russia")
	for _, n := range []struct {
		s    int
		text string
		tags []string
	}{
		{m.cmp.Rows[row].Cells[kyiv][0], "Claimed casts doubt.", []string{"morality"}},
		{0, "Opening line names the meeting.", []string{"political", "my own tag"}},
		{1, "Neutral wording here.", nil},
	} {
		act(func() { wb.addSentenceNote(kyiv, n.s) })
		writeNote(t, wb, n.text, n.tags...)
	}
	if len(wb.cas.notes) != 3 {
		t.Fatalf("%d notes in the case, want 3", len(wb.cas.notes))
	}
	p := wb.ui.notes
	if !slices.Contains(p.tag.Options, "my own tag") || !slices.Contains(p.tag.Options, "morality") {
		t.Fatalf("the tag filter offers %q, want the tags in use", p.tag.Options)
	}
	shownTexts := func() string {
		placed, detached := p.shown()
		var out []string
		for _, it := range append(placed, detached...) {
			out = append(out, it.note.Text)
		}
		return strings.Join(out, " | ")
	}
	p.tag.SetSelected("morality")
	if got := shownTexts(); got != "Claimed casts doubt." {
		t.Errorf("filtered by morality the Notes tab lists %q", got)
	}
	if text := objectsText(p.content); strings.Contains(text, "Neutral wording") || !strings.Contains(text, "1 of 3 notes") {
		t.Errorf("filtered by morality the tab shows %q", text)
	}
	p.tag.SetSelected("my own tag")
	if got := shownTexts(); got != "Opening line names the meeting." {
		t.Errorf("filtered by an own tag the Notes tab lists %q", got)
	}
	p.tag.SetSelected(allTags)
	p.search.SetText("WORDING")
	if got := shownTexts(); got != "Neutral wording here." {
		t.Errorf("searching “WORDING” lists %q", got)
	}
	// Tapping a note goes to its row.
	p.search.SetText("casts doubt")
	var goTo *widget.Button
	for _, o := range test.LaidOutObjects(p.content) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Row ") {
			goTo = b
		}
	}
	if goTo == nil {
		t.Fatalf("the note has no button to go to its row: %q", objectsText(p.content))
	}
	wb.ui.view.selectRow(-1)
	act(func() { test.Tap(goTo) })
	if wb.ui.view.selected != row {
		t.Errorf("tapping the note selected row %d, want %d", wb.ui.view.selected+1, row+1)
	}
}

func TestANoteCanBeEditedAndOutlivesTheRemovalOfItsReport(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	m := wb.model
	kyiv := column(t, m, "Kyiv Ledger")
	act(func() { wb.addSentenceNote(kyiv, 0) })
	writeNote(t, wb, "First thought.", "economic")

	edit := findButton(wb.ui.notes.content, "Edit…")
	if edit == nil {
		t.Fatal("the note has no Edit button")
	}
	act(func() { test.Tap(edit) })
	writeNote(t, wb, "Second thought.", "morality")
	notes := storedNotes(t, wb)
	if len(notes) != 1 || notes[0].Text != "Second thought." || !slices.Equal(notes[0].Tags, []string{"morality"}) {
		t.Fatalf("after editing the library holds %+v", notes)
	}

	// The report goes; the note stays, listed apart with its quote.
	kyivEntry := wb.cas.Reports[kyiv]
	act(func() { wb.removeReport(kyivEntry) })
	wb.wait()
	notes = storedNotes(t, wb)
	if len(notes) != 1 || !notes[0].Detached {
		t.Fatalf("after removing its report the note is %+v, want it kept and detached", notes)
	}
	placed, detached := wb.ui.notes.shown()
	if len(placed) != 0 || len(detached) != 1 {
		t.Errorf("the Notes tab lists %d placed and %d detached notes, want the note apart", len(placed), len(detached))
	}
	text := objectsText(wb.ui.notes.content)
	for _, want := range []string{"Notes that lost their place", "Second thought.", oneLine(notes[0].Anchor.Exact)[:20]} {
		if !strings.Contains(text, want) {
			t.Errorf("the Notes tab does not show %q: %q", want, text)
		}
	}
	for row := range wb.model.rows() {
		if builtRow(t, wb.ui.view, row).noteMark.Visible() {
			t.Errorf("row %d shows the mark of a note that lost its place", row+1)
		}
	}
}

func TestImportingAFileThatIsNotACaseFileIsExplained(t *testing.T) {
	dir := t.TempDir()
	wb := startWithLibrary(t, filepath.Join(dir, "library.db"))
	bad := filepath.Join(dir, "notes.json")
	if err := os.WriteFile(bad, []byte(`{"hello": "world"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	act(func() { wb.importCaseFrom(bad) })
	wb.wait()
	text := overlayText(wb.win)
	if !strings.Contains(text, bad) || !strings.Contains(text, "Export case") {
		t.Errorf("importing a file that is not a case file shows %q", text)
	}
	if cases, _ := wb.lib.Cases(); len(cases) != 1 {
		t.Errorf("the library holds %d cases after the failed import, want 1", len(cases))
	}
	if wb.cas.Name != sampleName {
		t.Errorf("the open case changed to %q", wb.cas.Name)
	}
}

func TestACorruptLibraryIsLeftUntouchedUntilTheAnalystSetsItAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	junk := []byte("These are the analyst's shopping notes, not a database.\n")
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	wb := startWithLibrary(t, path)
	text := overlayText(wb.win)
	for _, want := range []string{path, "not a Framelens library", "has not changed it", setAsideLabel, quitLabel} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q: %q", want, text)
		}
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, junk) {
		t.Fatalf("the unreadable file was changed: %q, %v", got, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("files appeared next to the unreadable library: %v", entries)
	}
	if wb.lib != nil {
		t.Error("the window uses the unreadable library")
	}

	// With the analyst's consent the file is set aside, unchanged, and a
	// fresh library starts with the sample case.
	tapOverlayButton(t, wb.win, setAsideLabel)
	wb.wait()
	if wb.lib == nil || wb.cas.id.Load() == 0 {
		t.Fatalf("no fresh library was started: %q", wb.ui.status.Text)
	}
	aside, _ := filepath.Glob(path + ".corrupt-*")
	if len(aside) != 1 {
		t.Fatalf("set aside as %v, want one file", aside)
	}
	if got, _ := os.ReadFile(aside[0]); !bytes.Equal(got, junk) {
		t.Errorf("the file set aside holds %q, want the original bytes", got)
	}
	if text := overlayText(wb.win); !strings.Contains(text, aside[0]) {
		t.Errorf("the window does not say where the file went: %q", text)
	}
}

func TestANewerLibraryIsNotChangedAndTheWindowSaysItDoesNotSave(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := lib.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 9999"); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	wb := startWithLibrary(t, path)
	text := overlayText(wb.win)
	for _, want := range []string{path, "newer version of Framelens", continueUnsavedLabel, quitLabel} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not say %q: %q", want, text)
		}
	}
	tapOverlayButton(t, wb.win, continueUnsavedLabel)
	wb.wait()
	if wb.model == nil {
		t.Error("the window did not carry on with the sample case")
	}
	if !wb.ui.libState.Visible() || !strings.Contains(wb.ui.libState.Text, "Not saving") {
		t.Errorf("the bottom bar does not say that nothing is saved: %q", wb.ui.libState.Text)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the newer library was modified")
	}
}

func TestABusyLibraryIsExplainedInADialog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	wb := startWithLibrary(t, path)
	// Another process holds the write lock for longer than the library
	// waits.
	db, err := sql.Open("sqlite", path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	act(func() { wb.renameCase("Renamed while busy") })
	wb.wait()
	if _, err := conn.ExecContext(context.Background(), "ROLLBACK"); err != nil {
		t.Fatal(err)
	}
	text := overlayText(wb.win)
	for _, want := range []string{"busy", path, "try again"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog about the busy library does not say %q: %q", want, text)
		}
	}
	if !strings.Contains(wb.ui.libState.Text, "saving the case name") {
		t.Errorf("the bottom bar reads %q", wb.ui.libState.Text)
	}
	// Once the other process is done, the next change is saved.
	act(func() { wb.renameCase("Renamed after") })
	wb.wait()
	if c, err := wb.lib.Case(wb.cas.id.Load()); err != nil || c.Name != "Renamed after" {
		t.Errorf("after the lock was released the case is stored as %q (%v)", c.Name, err)
	}
}

// linkCase writes three reports in which two sentences state the same fact
// in words the engine cannot match.
func linkCase(t *testing.T, dir string) []string {
	t.Helper()
	texts := map[string]string{
		"wire.txt":  "Ministers met in Geneva on Monday to discuss grain exports. Protesters gathered outside the hall.",
		"daily.txt": "The ministers met in Geneva on Monday to discuss grain exports. Crowds rallied by the venue.",
		"post.txt":  "Ministers met in Geneva on Monday about grain exports.",
	}
	var paths []string
	for _, name := range []string{"wire.txt", "daily.txt", "post.txt"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(texts[name]), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// sameRow reports whether sentence a of column ca and sentence b of column
// cb are in one row.
func sameRow(m *caseModel, ca, a, cb, b int) bool {
	for _, r := range m.cmp.Rows {
		if slices.Contains(r.Cells[ca], a) && slices.Contains(r.Cells[cb], b) {
			return true
		}
	}
	return false
}

func TestALinkCorrectionChangesTheRowsAndSurvivesReopening(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	wb := startWithLibrary(t, path, linkCase(t, dir)...)
	m := wb.model
	wire, daily := column(t, m, "wire"), column(t, m, "daily")
	if sameRow(m, wire, 1, daily, 1) {
		t.Fatal("the engine already aligns the protest sentences; the test needs a pair it leaves apart")
	}

	// From the detail pane of the wire's protest row: Link with…, choose
	// the daily's sentence.
	act(func() { wb.jumpTo(rowWith(t, m, wire, "Protesters gathered")) })
	var link *widget.Button
	for _, o := range test.LaidOutObjects(wb.ui.detail.scroll) {
		if b, ok := o.(*widget.Button); ok && b.Text == linkLabel && !b.Disabled() && link == nil {
			link = b // the first report line with a sentence: the wire's
		}
	}
	if link == nil {
		t.Fatalf("the detail pane offers no %q", linkLabel)
	}
	act(func() { test.Tap(link) })
	top := wb.win.Canvas().Overlays().Top()
	var reports *widget.Select
	var list *widget.List
	for _, o := range test.LaidOutObjects(top) {
		switch x := o.(type) {
		case *widget.Select:
			reports = x
		case *widget.List:
			list = x
		}
	}
	if reports == nil || list == nil {
		t.Fatalf("the link dialog lacks the report choice or the sentence list: %q", objectsText(top))
	}
	reports.SetSelected("daily")
	list.Select(1)
	tapOverlayButton(t, wb.win, "Link")
	wb.wait()

	m = wb.model
	if !sameRow(m, wire, 1, daily, 1) {
		t.Fatalf("after the link the protest sentences are still apart: %v", m.cmp.Rows)
	}
	if row := wb.ui.view.selected; !slices.Contains(m.cmp.Rows[row].Cells[wire], 1) {
		t.Errorf("after the link row %d is selected, not the corrected sentence's", row+1)
	}
	if text := objectsText(wb.ui.fixes.scroll); !strings.Contains(text, "Protesters gathered") || !strings.Contains(text, "Crowds rallied") {
		t.Errorf("the Alignment tab does not list the link: %q", text)
	}
	closeWindow(wb)

	again := startWithLibrary(t, path)
	m = again.model
	if m == nil || len(again.cas.corrections) != 1 {
		t.Fatalf("reopened with %d corrections", len(again.cas.corrections))
	}
	if !sameRow(m, column(t, m, "wire"), 1, column(t, m, "daily"), 1) {
		t.Fatalf("after reopening the link is lost: %v", m.cmp.Rows)
	}

	// Removing the correction in the Alignment tab brings the engine's
	// rows back.
	remove := findButton(again.ui.fixes.scroll, "Remove")
	if remove == nil {
		t.Fatal("the correction has no Remove button")
	}
	act(func() { test.Tap(remove) })
	again.wait()
	if len(again.cas.corrections) != 0 || sameRow(again.model, column(t, again.model, "wire"), 1, column(t, again.model, "daily"), 1) {
		t.Error("removing the correction left the sentences linked")
	}
}

func TestUnlinkTakesASentenceOutOfItsRow(t *testing.T) {
	dir := t.TempDir()
	wb := startWithLibrary(t, filepath.Join(dir, "library.db"), linkCase(t, dir)...)
	m := wb.model
	wire, post := column(t, m, "wire"), column(t, m, "post")
	if !sameRow(m, wire, 0, post, 0) {
		t.Fatal("the engine does not align the meeting sentences; the test needs a pair it aligns")
	}
	act(func() { wb.unlinkSentence(post, 0) })
	wb.wait()
	m = wb.model
	for _, r := range m.cmp.Rows {
		if slices.Contains(r.Cells[post], 0) {
			for col, cell := range r.Cells {
				if col != post && len(cell) > 0 {
					t.Errorf("the unlinked sentence still shares its row with column %d", col)
				}
			}
		}
	}
}

func TestExportReportWritesTheRowsAndTheNotes(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	m := wb.model
	kyiv := column(t, m, "Kyiv Ledger")
	row := rowWith(t, m, kyiv, "Lavrov claimed that Russia")
	act(func() { wb.addSentenceNote(kyiv, m.cmp.Rows[row].Cells[kyiv][0]) })
	writeNote(t, wb, "Kyiv doubts the claim.", "morality")

	dir := t.TempDir()
	md := filepath.Join(dir, "case.md")
	notesCSV := filepath.Join(dir, "notes.csv")
	act(func() {
		wb.exportReportTo(md, export.FormatMarkdown, false)
		wb.exportReportTo(notesCSV, export.FormatNotesCSV, false)
	})
	wb.wait()
	out, err := os.ReadFile(md)
	if err != nil {
		t.Fatalf("the export wrote no file: %v (status %q)", err, wb.ui.status.Text)
	}
	for _, want := range []string{sampleName, "Kyiv Ledger", "Moscow State Wire", "Lavrov claimed that Russia", "Neither ministry gave details", "Kyiv doubts the claim."} {
		if !strings.Contains(string(out), want) {
			t.Errorf("the Markdown export lacks %q", want)
		}
	}
	csv, err := os.ReadFile(notesCSV)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(csv), "Kyiv doubts the claim.") || !strings.Contains(string(csv), "morality") {
		t.Errorf("the notes CSV lacks the note: %s", csv)
	}
	// The note is placed on its row (numbered from 1 in the CSV).
	if !strings.Contains(string(csv), ","+strconv.Itoa(row+1)+",") {
		t.Errorf("the notes CSV does not put the note on row %d: %s", row+1, csv)
	}

	// Framing rows only leaves out a row without framing.
	framed := filepath.Join(dir, "framed.md")
	act(func() { wb.exportReportTo(framed, export.FormatMarkdown, true) })
	wb.wait()
	out, _ = os.ReadFile(framed)
	plainRow := rowWith(t, m, column(t, m, "Global Wire"), "Neither ministry gave details")
	if m.framing[plainRow] {
		t.Fatal("the test needs a row without framing")
	}
	if strings.Contains(string(out), "Neither ministry gave details") {
		t.Error("the framing-only export holds a row without framing")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 3 {
		t.Errorf("the export left other files behind: %v", entries)
	}
}

func TestExportReportToAFolderThatCannotBeWrittenIsExplained(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	path := filepath.Join(t.TempDir(), "missing", "case.html")
	act(func() { wb.exportReportTo(path, export.FormatHTML, false) })
	wb.wait()
	text := overlayText(wb.win)
	if !strings.Contains(text, path) || !strings.Contains(text, "choose a folder you can write to") {
		t.Errorf("the failed export shows %q", text)
	}
}

func TestAnExportedCaseImportsIntoAnotherLibraryWithItsNotes(t *testing.T) {
	dir := t.TempDir()
	wb := startWithLibrary(t, filepath.Join(dir, "one.db"))
	m := wb.model
	moscow := column(t, m, "Moscow State Wire")
	row := rowWith(t, m, moscow, "exchanged views on the Ukrainian crisis")
	act(func() { wb.addRowNote(row) })
	writeNote(t, wb, "Crisis, not war.", "political")
	act(func() { wb.addSentenceNote(moscow, 0) })
	writeNote(t, wb, "The headline sentence.", "my own tag")
	file := filepath.Join(dir, "case.json")
	act(func() { wb.exportCaseTo(file) })
	wb.wait()

	other := startWithLibrary(t, filepath.Join(dir, "two.db"))
	act(func() { other.importCaseFrom(file) })
	other.wait()
	if other.cas.Name != sampleName {
		t.Errorf("imported %q", other.cas.Name)
	}
	if cases, _ := other.lib.Cases(); len(cases) != 2 {
		t.Errorf("the second library holds %d cases, want its sample and the imported case", len(cases))
	}
	if got, want := outlets(other.cas), outlets(wb.cas); got != want {
		t.Errorf("imported reports %s, want %s", got, want)
	}
	for i, e := range other.cas.Reports {
		if !bytes.Equal(e.Doc.Raw, wb.cas.Reports[i].Doc.Raw) {
			t.Errorf("report %d came back with other bytes", i)
		}
	}
	describe := func(w *workbench) string {
		var out []string
		for _, n := range w.cas.notes {
			out = append(out, string(n.Kind)+"|"+n.Text+"|"+strings.Join(n.Tags, ",")+"|"+n.Anchor.Exact+"|"+strconv.Itoa(w.noteRow(n)))
		}
		return strings.Join(out, "\n")
	}
	if got, want := describe(other), describe(wb); got != want || len(other.cas.notes) != 2 {
		t.Errorf("imported notes:\n%s\nwant:\n%s", got, want)
	}
	if !builtRow(t, other.ui.view, row).noteMark.Visible() {
		t.Errorf("the imported row note shows no mark on row %d", row+1)
	}
}

func TestTheCaseListDuplicatesAndDeletesAfterConfirmation(t *testing.T) {
	wb := startWithLibrary(t, filepath.Join(t.TempDir(), "library.db"))
	act(func() { wb.showCases() })
	wb.wait()
	if text := overlayText(wb.win); !strings.Contains(text, "1 case in") {
		t.Fatalf("the case list reads %q", text)
	}
	tapOverlayButton(t, wb.win, "Duplicate")
	wb.wait()
	cases, err := wb.lib.Cases()
	if err != nil || len(cases) != 2 {
		t.Fatalf("after Duplicate the library holds %d cases (%v)", len(cases), err)
	}
	var list *widget.List
	for _, o := range test.LaidOutObjects(wb.win.Canvas().Overlays().Top()) {
		if l, ok := o.(*widget.List); ok {
			list = l
		}
	}
	if list == nil {
		t.Fatal("the case list has no list")
	}
	// Select the copy and delete it: a confirmation comes first.
	for i, c := range cases {
		if c.Name == sampleName+" (copy)" {
			list.Select(i)
		}
	}
	tapOverlayButton(t, wb.win, "Delete…")
	if text := overlayText(wb.win); !strings.Contains(text, "cannot be undone") {
		t.Fatalf("no confirmation before deleting: %q", text)
	}
	if cases, _ := wb.lib.Cases(); len(cases) != 2 {
		t.Fatal("the case was deleted before the confirmation")
	}
	tapOverlayButton(t, wb.win, "Delete")
	wb.wait()
	cases, _ = wb.lib.Cases()
	if len(cases) != 1 || cases[0].Name != sampleName {
		t.Errorf("after deleting the copy the library holds %v", cases)
	}
	if wb.cas.Name != sampleName || wb.model == nil {
		t.Errorf("the open case changed to %q", wb.cas.Name)
	}
}

func TestACaseWithCorrectionsIsComparedOnceWhenOpened(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	wb := startWithLibrary(t, path, linkCase(t, dir)...)
	wire, daily := column(t, wb.model, "wire"), column(t, wb.model, "daily")
	act(func() { wb.linkSentences(wire, 1, daily, 1) })
	wb.wait()
	if !sameRow(wb.model, wire, 1, daily, 1) {
		t.Fatal("the link was not applied")
	}
	closeWindow(wb)

	// Reopened in a new window, the case is compared once, with the link.
	var mu sync.Mutex
	var calls []framing.Options
	counting := func(ctx context.Context, docs []*ingest.Document, opts framing.Options) (*framing.Comparison, error) {
		mu.Lock()
		calls = append(calls, opts)
		mu.Unlock()
		return framing.Compare(ctx, docs, opts)
	}
	again := newTestWorkbenchWith(t, counting)
	act(func() { again.startLibrary(path, nil) })
	again.wait()
	t.Cleanup(func() { closeWindow(again) })
	mu.Lock()
	defer mu.Unlock()
	if len(calls) != 1 {
		t.Fatalf("opening a case with one correction compared it %d times, want once", len(calls))
	}
	if len(calls[0].Links) != 1 {
		t.Fatalf("the comparison got %d links, want the stored one", len(calls[0].Links))
	}
	m := again.model
	if m == nil || !sameRow(m, column(t, m, "wire"), 1, column(t, m, "daily"), 1) {
		t.Fatal("after reopening the link is not applied")
	}
}

func TestAFetchedPageReadsTheSameWhenTheCaseIsReopened(t *testing.T) {
	// The page declares its character set only in the HTTP header, in a
	// set the bytes alone do not reveal.
	body, err := charmap.ISO8859_7.NewEncoder().String("<html><head><title>Συνάντηση στην Αθήνα</title></head><body><article>" +
		"<p>Οι υπουργοί συναντήθηκαν στην Αθήνα τη Δευτέρα για τις εξαγωγές σιτηρών.</p>" +
		"<p>Διαδηλωτές συγκεντρώθηκαν έξω από την αίθουσα.</p></article></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/athens" {
			http.Redirect(w, r, "/news/athens", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-7")
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	wb := startWithLibrary(t, path, append(linkCase(t, dir)[:1], srv.URL+"/athens")...)
	if len(wb.cas.Reports) != 2 {
		t.Fatalf("%d reports after opening a file and a link; dialog: %q", len(wb.cas.Reports), overlayText(wb.win))
	}
	fetched := wb.cas.Reports[1]
	if !strings.Contains(fetched.Doc.Text, "Αθήνα") {
		t.Fatalf("the fetched page reads %q", fetched.Doc.Text)
	}
	closeWindow(wb)

	lib, err := storage.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := lib.LoadCase(wb.cas.id.Load())
	lib.Close()
	if err != nil {
		t.Fatal(err)
	}
	if r := d.Reports[1]; r.Format != "html" || r.Charset != "iso-8859-7" || r.SourceURL != srv.URL+"/news/athens" {
		t.Errorf("the library keeps the page as format %q, charset %q, fetched from %q", r.Format, r.Charset, r.SourceURL)
	}

	again := startWithLibrary(t, path)
	if len(again.cas.Reports) != 2 {
		t.Fatalf("reopened with %d reports", len(again.cas.Reports))
	}
	if got := again.cas.Reports[1].Doc; got.Text != fetched.Doc.Text || got.Title != fetched.Doc.Title || got.Charset != "iso-8859-7" {
		t.Errorf("reopened, the page reads %q (title %q, %s), want %q (title %q)", got.Text, got.Title, got.Charset, fetched.Doc.Text, fetched.Doc.Title)
	}
}

func TestReplacingAReportTextPlacesItsNotesAgain(t *testing.T) {
	dir := t.TempDir()
	wb := startWithLibrary(t, filepath.Join(dir, "library.db"), linkCase(t, dir)...)
	m := wb.model
	wire := column(t, m, "wire")
	act(func() { wb.addSentenceNote(wire, 0) })
	writeNote(t, wb, "The meeting, as the wire puts it.")
	act(func() { wb.addSentenceNote(wire, 1) })
	writeNote(t, wb, "Only the wire mentions protesters.")

	// A newer version of the wire's article: the protest sentence is gone,
	// the meeting sentence moved.
	newer := filepath.Join(dir, "wire-v2.txt")
	text := "Talks will resume on Friday. Ministers met in Geneva on Monday to discuss grain exports."
	if err := os.WriteFile(newer, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	showReportsTab(wb)
	replace := findButton(wb.ui.reports.scroll, replaceTextLabel)
	if replace == nil {
		t.Fatalf("the Reports tab offers no %q", replaceTextLabel)
	}
	act(func() { test.Tap(replace) }) // the first card: the wire's
	top := wb.win.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(objectsText(top), "wire") {
		t.Fatalf("no dialog to replace the wire's text: %q", overlayText(wb.win))
	}
	for _, o := range test.LaidOutObjects(top) {
		if en, ok := o.(*widget.Entry); ok {
			en.SetText(newer)
		}
	}
	tapOverlayButton(t, wb.win, "Replace")
	wb.wait()

	e := wb.cas.Reports[wire]
	if string(e.Doc.Raw) != text || e.Outlet != "wire" {
		t.Fatalf("the wire now reads %q (outlet %q)", e.Doc.Raw, e.Outlet)
	}
	m = wb.model
	if rowWith(t, m, column(t, m, "wire"), "Talks will resume") < 0 {
		t.Error("the case was not compared again with the new text")
	}
	msg := overlayText(wb.win)
	for _, want := range []string{"1 note found its place", "1 note lost its place", "detached"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the message after replacing does not say %q: %q", want, msg)
		}
	}
	d, err := wb.lib.LoadCase(wb.cas.id.Load())
	if err != nil {
		t.Fatal(err)
	}
	if string(d.Reports[wire].Content) != text || d.Reports[wire].FileName != "wire-v2.txt" || d.Reports[wire].Outlet != "wire" {
		t.Errorf("the library keeps %q as %q from %q", d.Reports[wire].Content, d.Reports[wire].FileName, d.Reports[wire].Outlet)
	}
	// The title, never edited, follows the new text.
	if e.Title != text || d.Reports[wire].Title != text {
		t.Errorf("after replacing, the wire's title is %q, the library keeps %q; want the new text's %q", e.Title, d.Reports[wire].Title, text)
	}
	var placed, detached int
	for _, n := range d.Notes {
		switch {
		case n.Detached && strings.Contains(n.Text, "protesters"):
			detached++
		case !n.Detached && n.Anchor.Exact == "Ministers met in Geneva on Monday to discuss grain exports.":
			placed++
		}
	}
	if placed != 1 || detached != 1 {
		t.Errorf("after replacing, %d note placed on the moved sentence and %d detached, want 1 and 1: %+v", placed, detached, d.Notes)
	}
	// The note that moved shows on the row of the moved sentence; the other
	// is listed apart in the Notes tab.
	if row := rowWith(t, m, wire, "Ministers met in Geneva"); len(wb.noteRows[row]) != 1 {
		t.Errorf("row %d of the moved sentence has %d notes, want 1", row+1, len(wb.noteRows[row]))
	}
	if text := objectsText(wb.ui.notes.content); !strings.Contains(text, "Notes that lost their place") {
		t.Errorf("the Notes tab does not list the detached note apart: %q", text)
	}
}
