package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/ingest"
)

var errEngine = errors.New("the engine is out of order")

func TestSampleCaseOpensWithOutletsRowsAndTitle(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m := wb.model

	if got, want := wb.win.Title(), "Framelens - Wang Yi and Lavrov in Beijing, 13 July 2025"; got != want {
		t.Errorf("window title = %q, want %q", got, want)
	}
	var outlets []string
	for _, e := range m.entries {
		outlets = append(outlets, e.Outlet)
	}
	if got, want := strings.Join(outlets, ", "), "Kyiv Ledger, Moscow State Wire, Beijing State News, Global Wire"; got != want {
		t.Errorf("columns = %s, want %s", got, want)
	}
	if m.rows() < 12 {
		t.Errorf("the sample has %d rows; its four reports of 11-14 sentences should align into at least 12 facts", m.rows())
	}
	// The reference of case.json is the wire service.
	if got := wb.ui.view.refCol; got != column(t, m, "Global Wire") {
		t.Errorf("reference column = %d, want Global Wire's", got)
	}
	// Every sentence of every report appears in exactly one row.
	for rep := range m.reports() {
		seen := map[int]int{}
		for _, r := range m.cmp.Rows {
			for _, s := range r.Cells[rep] {
				seen[s]++
			}
		}
		for s := range m.cmp.Reports[rep].Sentences {
			if seen[s] != 1 {
				t.Errorf("%s sentence %d is in %d rows, want 1", m.entries[rep].Outlet, s, seen[s])
			}
		}
	}
}

func TestSampleCaseHighlightsContestedTermsStrongly(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view
	moscow := column(t, m, "Moscow State Wire")
	kyiv := column(t, m, "Kyiv Ledger")

	row := rowWith(t, m, moscow, "exchanged views on the Ukrainian crisis")
	if !m.framing[row] {
		t.Fatalf("row %d (“Ukrainian crisis”) is not marked as a framing difference", row+1)
	}
	w := builtRow(t, v, row)
	assertHighlighted(t, w, moscow, "Ukrainian crisis", colorLexicon)
	assertHighlighted(t, w, kyiv, "war against Ukraine", colorLexicon)

	// Each piece the engine marks is drawn as its kind says: framing
	// differences bold in their kind's colour, neutral ones faint, the rest
	// plain. (Spaces and punctuation may join the word before them.)
	for rep := range m.reports() {
		var want, got []styledRun
		for _, p := range m.cellPieces(row, rep) {
			style := "plain"
			switch {
			case p.Diff >= 0 && p.Framing && p.Counterpart:
				style = string(kindColor(p.Kind))
			case p.Diff >= 0 && p.Framing:
				style = "bold " + string(kindColor(p.Kind))
			case p.Diff >= 0:
				style = string(colorRewording)
			}
			want = append(want, styledRun{style, p.Text})
		}
		for _, s := range textSegments(w.cells[rep]) {
			style := "plain"
			switch {
			case s.Style.TextStyle.Bold:
				style = "bold " + string(s.Style.ColorName)
			case s.Style.ColorName != theme.ColorNameForeground:
				style = string(s.Style.ColorName)
			}
			got = append(got, styledRun{style, s.Text})
		}
		if g, w := wordStyles(got), wordStyles(want); g != w {
			t.Errorf("%s, row %d drawn as\n%s\nwant\n%s", m.entries[rep].Outlet, row+1, g, w)
		}
	}

	// A left-out fact shows as not reported in the outlets that left it out.
	wire := column(t, m, "Global Wire")
	only := rowWith(t, m, wire, "Neither ministry gave details")
	w = builtRow(t, v, only)
	for rep := range m.reports() {
		got := w.cells[rep].String()
		if rep == wire {
			if !strings.Contains(got, "Neither ministry") {
				t.Errorf("Global Wire's cell of its own fact reads %q", got)
			}
		} else if got != notReported {
			t.Errorf("%s's cell of a fact only Global Wire reported reads %q, want %q", m.entries[rep].Outlet, got, notReported)
		}
	}
}

// TestSampleCaseShowsCounterpartsWithoutBold checks that what an outlet
// says in the place of another's framing word is drawn in the kind's
// colour but not bold, so that the framing words themselves stand out.
func TestSampleCaseShowsCounterpartsWithoutBold(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view
	kyiv := column(t, m, "Kyiv Ledger")
	moscow := column(t, m, "Moscow State Wire")
	row := rowWith(t, m, kyiv, "victory over Japanese aggression")
	w := builtRow(t, v, row)
	assertHighlighted(t, w, kyiv, "aggression", colorSubstitution)
	var plain, bold strings.Builder
	for _, s := range textSegments(w.cells[moscow]) {
		if s.Style.ColorName != colorSubstitution {
			continue
		}
		if s.Style.TextStyle.Bold {
			bold.WriteString(s.Text + "|")
		} else {
			plain.WriteString(s.Text + "|")
		}
	}
	if !strings.Contains(plain.String(), "importance of defending") {
		t.Errorf("Moscow State Wire's words in the place of \"aggression\" are not drawn plain in the substitution colour: plain %q, bold %q (cell %q)", plain.String(), bold.String(), w.cells[moscow].String())
	}
	if bold.Len() > 0 {
		t.Errorf("Moscow State Wire's counterpart drawn bold: %q", bold.String())
	}
	// The detail pane says so in words.
	wb.jumpTo(row)
	if text := wb.ui.detail.text(); !strings.Contains(text, "(Moscow State Wire, in its place)") {
		t.Errorf("the detail pane does not say what Moscow State Wire has in the place of \"aggression\":\n%s", text)
	}
}

// assertHighlighted checks that the cell of column col in w shows text in
// bold in colour.
func assertHighlighted(t *testing.T, w *rowWidget, col int, text string, colour fyne.ThemeColorName) {
	t.Helper()
	var styled strings.Builder
	for _, s := range textSegments(w.cells[col]) {
		if s.Style.TextStyle.Bold && s.Style.ColorName == colour {
			styled.WriteString(s.Text + "|")
		}
	}
	if !strings.Contains(styled.String(), text) {
		t.Errorf("column %d: %q is not highlighted in %s; highlighted: %q (cell: %q)", col, text, colour, styled.String(), w.cells[col].String())
	}
}

func TestNextAndPreviousFramingDifferenceMoveTheSelection(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view
	var framingRows []int
	for row := range m.rows() {
		if m.framing[row] {
			framingRows = append(framingRows, row)
		}
	}
	if len(framingRows) < 3 {
		t.Fatalf("the sample has %d framing rows, want at least 3", len(framingRows))
	}
	if v.selected != framingRows[0] {
		t.Errorf("after opening, row %d is selected, want the first framing difference, row %d", v.selected+1, framingRows[0]+1)
	}

	wb.nextFraming(1)
	if v.selected != framingRows[1] {
		t.Errorf("next framing difference selected row %d, want %d", v.selected+1, framingRows[1]+1)
	}
	if wb.ui.detail.row != framingRows[1] {
		t.Errorf("the detail pane shows row %d, want the selected row %d", wb.ui.detail.row+1, framingRows[1]+1)
	}
	// The menu item, which carries the keyboard shortcut, does the same.
	item := wb.command("Next framing difference").item
	if got := shortcutLabel(item.Shortcut.(*desktop.CustomShortcut)); got != "Ctrl+Down" {
		t.Errorf("next framing difference has the shortcut %s, want Ctrl+Down", got)
	}
	item.Action()
	if v.selected != framingRows[2] {
		t.Errorf("Ctrl+Down selected row %d, want %d", v.selected+1, framingRows[2]+1)
	}
	wb.nextFraming(-1)
	if v.selected != framingRows[1] {
		t.Errorf("previous framing difference selected row %d, want %d", v.selected+1, framingRows[1]+1)
	}
	// Past the first one, the search continues from the end.
	v.selectRow(framingRows[0])
	wb.nextFraming(-1)
	if last := framingRows[len(framingRows)-1]; v.selected != last {
		t.Errorf("previous from the first framing row selected row %d, want the last, %d", v.selected+1, last+1)
	}
}

func TestNextOmissionSkipsRowsEveryOutletReported(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view
	v.selectRow(-1)
	visited := map[int]bool{}
	for range m.rows() {
		wb.nextOmission(1)
		if len(m.missing[v.selected]) == 0 {
			t.Fatalf("next omission stopped on row %d, which every outlet reported", v.selected+1)
		}
		visited[v.selected] = true
	}
	for row := range m.rows() {
		if len(m.missing[row]) > 0 && !visited[row] {
			t.Errorf("next omission never reached row %d, left out by %v", row+1, m.missing[row])
		}
	}
}

func TestFilterHidesTheRightRows(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view

	for _, tc := range []struct {
		filter Filter
		keep   func(row int) bool
	}{
		{FilterFraming, func(row int) bool { return m.framing[row] }},
		{FilterOmissions, func(row int) bool { return len(m.missing[row]) > 0 }},
		{FilterAll, func(int) bool { return true }},
	} {
		wb.ui.filter.SetSelectedIndex(int(tc.filter)) // as the analyst does
		shown := map[int]bool{}
		for _, row := range v.shown {
			shown[row] = true
		}
		for row := range m.rows() {
			if shown[row] != tc.keep(row) {
				t.Errorf("%s: row %d shown = %v, want %v", tc.filter, row+1, shown[row], tc.keep(row))
			}
		}
		// The built rows are among the shown ones.
		v.body.update()
		for _, w := range v.body.live {
			if !shown[w.row] {
				t.Errorf("%s: hidden row %d is drawn", tc.filter, w.row+1)
			}
		}
	}
	if len(v.shown) != m.rows() {
		t.Errorf("all rows: %d shown of %d", len(v.shown), m.rows())
	}
}

func TestNavigatingToAHiddenRowShowsAllRows(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	wb.setFilter(FilterFraming)
	wb.nextOmission(1)
	row := wb.ui.view.selected
	if row < 0 || len(wb.model.missing[row]) == 0 {
		t.Fatalf("next omission selected row %d", row+1)
	}
	if !wb.ui.view.isShown(row) || wb.ui.filter.SelectedIndex() != int(FilterAll) {
		t.Errorf("the omission row %d is hidden by the filter %q", row+1, wb.ui.filter.Selected)
	}
}

func TestUnreadableFilesShowADialogAndTheOthersLoad(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good1 := write("wire.txt", []byte("Ministers met in Geneva on Monday. They discussed grain exports.\n"))
	good2 := write("daily.md", []byte("# Talks in Geneva\n\nThe ministers met in Geneva on Monday. They talked about grain.\n"))
	binary := write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"))
	empty := write("empty.txt", nil)
	missing := filepath.Join(dir, "gone.txt")

	wb := newTestWorkbench(t)
	wb.loadPaths([]string{good1, binary, good2, empty, missing}, true)
	wb.wait()

	text := overlayText(wb.win)
	if !strings.Contains(text, problemsDialogTitle) {
		t.Fatalf("no dialog about the unreadable files; overlay text: %q", text)
	}
	for _, want := range []string{binary, empty, missing, "binary", "empty"} {
		if !strings.Contains(text, want) {
			t.Errorf("the dialog does not mention %q: %q", want, text)
		}
	}
	if n := len(wb.cas.Reports); n != 2 {
		t.Fatalf("%d reports loaded, want the 2 readable ones", n)
	}
	if wb.model == nil || wb.model.reports() != 2 {
		t.Fatal("the readable reports were not compared")
	}
}

func TestPasteAsNewReportAddsAColumn(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	before := wb.model.reports()

	wb.paste()
	top := wb.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("Paste as new report opened no dialog")
	}
	entries := map[string]*widget.Entry{}
	for _, o := range test.LaidOutObjects(top) {
		if e, ok := o.(*widget.Entry); ok {
			if e.MultiLine {
				entries["text"] = e
			} else {
				entries[strings.Fields(e.PlaceHolder)[0]] = e
			}
		}
	}
	if entries["Outlet"] == nil || entries["text"] == nil {
		t.Fatalf("the paste dialog lacks the outlet or the text box: %v", entries)
	}
	entries["Outlet"].SetText("Danube Times")
	entries["text"].SetText("Sergey Lavrov met Wang Yi in Beijing on Sunday. The ministers discussed the war in Ukraine.")
	add := findButton(top, pasteConfirm)
	if add == nil {
		t.Fatal("no Add report button")
	}
	act(func() { test.Tap(add) })
	wb.wait()

	if got := wb.model.reports(); got != before+1 {
		t.Fatalf("%d columns after pasting, want %d", got, before+1)
	}
	col := column(t, wb.model, "Danube Times")
	header := wb.ui.view.header.cells[col]
	if outlet, _, _ := header.texts(); outlet != "Danube Times" {
		t.Errorf("the new column's header names %q", outlet)
	}
	row := rowWith(t, wb.model, col, "Sergey Lavrov met Wang Yi")
	if len(wb.model.missing[row]) == wb.model.reports()-1 {
		t.Errorf("the pasted report's first sentence aligned with no other report")
	}
}

func TestPastingEmptyTextIsRefused(t *testing.T) {
	wb := newTestWorkbench(t)
	wb.pasteReport("Nobody", "", "", "   \n ")
	if len(wb.cas.Reports) != 0 {
		t.Errorf("an empty paste added a report")
	}
	if text := overlayText(wb.win); !strings.Contains(text, "empty") {
		t.Errorf("no dialog says the text is empty: %q", text)
	}
}

func TestAPanicInAHandlerIsShownNotFatal(t *testing.T) {
	wb := newTestWorkbench(t)
	wb.guard("testing the guard", func() { panic("deliberate") })
	text := strings.ToLower(overlayText(wb.win))
	if !strings.Contains(text, "testing the guard failed") || !strings.Contains(text, "deliberate") {
		t.Errorf("the dialog after a panic reads %q", text)
	}
}

func TestFindGoesToEachMatchAcrossReports(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m, v := wb.model, wb.ui.view
	wb.ui.find.SetText("kiev")
	hits := m.find("kiev")
	if len(hits) == 0 {
		t.Fatal("“Kiev” is not found in the sample")
	}
	wb.ui.find.OnSubmitted(wb.ui.find.Text)
	first := v.selected
	if !strings.Contains(strings.ToLower(strings.Join(m.cellText[first], " ")), "kiev") {
		t.Errorf("find selected row %d, which does not contain “kiev”", first+1)
	}
	w := builtRow(t, v, first)
	found := false
	for _, cell := range w.cells {
		for _, s := range textSegments(cell) {
			if strings.EqualFold(strings.TrimSpace(s.Text), "kiev") && s.Style.ColorName == colorFindMatch {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the match is not marked in row %d", first+1)
	}
	wb.ui.find.SetText("zzz-nothing")
	wb.findStep(1)
	if wb.ui.findCount.Text != "no match" {
		t.Errorf("a query without match reads %q", wb.ui.findCount.Text)
	}
}

func TestTappingATermJumpsToItsRowsInTurn(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	labels := map[string]int{}
	for _, o := range test.LaidOutObjects(wb.ui.terms.box) {
		if b, ok := o.(*widget.Button); ok {
			labels[b.Text]++
		}
	}
	// A term used in two rows or more, on a button of its own.
	var label string
	var rows []int
	for _, tu := range wb.model.cmp.Terms {
		for _, rt := range tu.Reports {
			for _, tc := range rt.Terms {
				l := fmt.Sprintf("%s ×%d", tc.Term, tc.Count)
				if len(tc.Rows) >= 2 && labels[l] == 1 && label == "" {
					label, rows = l, tc.Rows
				}
			}
		}
	}
	if label == "" {
		t.Fatalf("the sample's terminology has no term used in two rows: %q", objectsText(wb.ui.terms.box))
	}
	b := findButton(wb.ui.terms.box, label)
	test.Tap(b)
	if wb.ui.view.selected != rows[0] {
		t.Errorf("tapping %q selected row %d, want %d", label, wb.ui.view.selected+1, rows[0]+1)
	}
	test.Tap(b)
	if wb.ui.view.selected != rows[1] {
		t.Errorf("tapping %q again selected row %d, want its next row %d", label, wb.ui.view.selected+1, rows[1]+1)
	}
}

func TestTappingTheCoverageMapJumpsToTheRow(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	h := wb.ui.heat
	if h.Size().Height <= 0 {
		t.Fatal("the coverage map has no size")
	}
	m := wb.model
	target := m.rows() - 2
	used := h.usedHeight()
	y := h.labelHeight() + (float32(target)+0.5)*used/float32(m.rows())
	test.TapAt(h, fyne.NewPos(h.Size().Width/2, y))
	if wb.ui.view.selected != target {
		t.Errorf("tapping the map at row %d selected row %d", target+1, wb.ui.view.selected+1)
	}
	if h.cover[target][0] == coverMissing != !m.reported(target, 0) {
		t.Errorf("the map's cell of row %d, report 1 disagrees with the comparison", target+1)
	}
}

func TestReorderAndRemoveReportsRecompare(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	first := wb.cas.Reports[0]
	act(func() { wb.moveReport(first, 1) })
	wb.wait()
	if wb.model.entries[1] != first {
		t.Errorf("after moving right, %s is in column %d", first.Outlet, wb.model.column(first))
	}
	if wb.model.cmp.Reports[1].Name != first.Doc.Name {
		t.Errorf("the comparison's second report is %s, want %s", wb.model.cmp.Reports[1].Name, first.Doc.Name)
	}
	act(func() { wb.removeReport(first) })
	wb.wait()
	if wb.model.reports() != 3 || wb.model.column(first) != -1 {
		t.Errorf("after removing %s the comparison has %d reports", first.Outlet, wb.model.reports())
	}
	wb.setReference(wb.cas.Reports[2])
	if wb.ui.view.refCol != 2 {
		t.Errorf("reference column = %d, want 2", wb.ui.view.refCol)
	}
}

func TestDetailPaneShowsWordChangesAgainstTheReference(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	m := wb.model
	kyiv := column(t, m, "Kyiv Ledger")
	row := rowWith(t, m, kyiv, "Lavrov claimed that Russia")
	// The row where Kyiv Ledger has Lavrov "claim" is one the wire did
	// not report on its own; Moscow State Wire, which says "said", is
	// made the reference.
	moscow := m.entries[column(t, m, "Moscow State Wire")]
	act(func() { wb.setReference(moscow) })
	wb.jumpTo(row)
	text := wb.ui.detail.text()
	for _, want := range []string{"Moscow State Wire (reference)", "Kyiv Ledger", "Attribution verb · framing", "“claimed”"} {
		if !strings.Contains(text, want) {
			t.Errorf("the detail pane lacks %q:\n%s", want, text)
		}
	}
	inserted := false
	for _, o := range wb.ui.detail.box.Objects {
		rt, ok := o.(*widget.RichText)
		if !ok {
			continue // the buttons under a report's line
		}
		for _, ts := range textSegments(rt) {
			if ts.Style.ColorName == colorInserted && strings.Contains(ts.Text, "claimed") {
				inserted = true
			}
		}
	}
	if !inserted {
		t.Errorf("“claimed”, Kyiv Ledger's own word, is not marked as inserted against the reference")
	}
}

func TestOnlyTheRowsInSightAreBuiltAndSizedToTheirText(t *testing.T) {
	wb := newTestWorkbench(t)
	c := largeCase(6, 120)
	wb.openCase(c, nil)
	wb.wait()
	v := wb.ui.view
	if wb.model == nil || wb.model.rows() < 100 {
		t.Fatalf("the large case has too few rows")
	}
	v.reveal(wb.model.rows() / 2)
	v.body.update()
	if n := len(v.body.live); n == 0 || n > 30 {
		t.Errorf("%d row widgets built for a view of about 400 pixels over %d rows", n, wb.model.rows())
	}
	for _, w := range v.body.live {
		for col, cell := range w.cells {
			if need := cell.MinSize().Height; w.Size().Height+0.5 < need {
				t.Errorf("row %d, column %d: row is %.0f high, its text needs %.0f", w.row+1, col, w.Size().Height, need)
			}
		}
	}
}

func TestComparisonErrorIsShown(t *testing.T) {
	wb := newTestWorkbenchWith(t, func(context.Context, []*ingest.Document, framing.Options) (*framing.Comparison, error) {
		return nil, errEngine
	})
	wb.openSample()
	wb.wait()
	if !strings.Contains(overlayText(wb.win), errEngine.Error()) {
		t.Errorf("a failed comparison showed no dialog: %q", overlayText(wb.win))
	}
}

// styledRun is a run of text and a name for how it is drawn.
type styledRun struct{ style, text string }

// wordStyles lists each word of runs with its style, one per line.
func wordStyles(runs []styledRun) string {
	var b strings.Builder
	for _, r := range runs {
		for _, w := range strings.FieldsFunc(r.text, func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) }) {
			b.WriteString(w + " [" + r.style + "]\n")
		}
	}
	return b.String()
}

func TestKeyboardShortcutsHelpListsEveryKey(t *testing.T) {
	wb := newTestWorkbench(t)
	wb.command("Keyboard shortcuts").item.Action()
	text := overlayText(wb.win)
	if !strings.Contains(text, "Ctrl+Z\n") || !strings.Contains(text, "Undo delete note (outside a text field)") {
		t.Errorf("the keyboard shortcuts help does not list Ctrl+Z for Undo delete note: %q", text)
	}
	for _, c := range wb.cmds {
		if c.shortcut != nil && !strings.Contains(text, shortcutLabel(c.shortcut)+"\n") {
			t.Errorf("the keyboard shortcuts help does not list %s (%s)", shortcutLabel(c.shortcut), c.label)
		}
	}
}

// TestStatusLineHasTheRoomOfTheIdleProgressBar checks that at the smallest
// supported window size the status line is read whole once work is done:
// the progress bar takes room only while it runs.
func TestStatusLineHasTheRoomOfTheIdleProgressBar(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	status := wb.ui.status
	fits := func() bool {
		// Lay the window out again, as the driver does when sizes change.
		act(func() { wb.win.Content().Refresh() })
		need := fyne.MeasureText(status.Text, theme.TextSize(), status.TextStyle).Width + 2*theme.InnerPadding()
		return status.Size().Width >= need
	}
	if !fits() {
		t.Errorf("the status line %q is cut at 1280 pixels: %.0f wide", status.Text, status.Size().Width)
	}
	act(func() { wb.beginWork("Comparing") })
	fits()
	if w := wb.ui.progress.Size().Width; w < 100 {
		t.Errorf("the progress bar is %.0f pixels wide while work runs", w)
	}
	act(func() { wb.endWork() })
	if !fits() {
		t.Errorf("the status line %q is cut at 1280 pixels after work: %.0f wide", status.Text, status.Size().Width)
	}
}
