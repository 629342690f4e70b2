package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/ingest"
)

// newTestWorkbench opens a window of 1280x800 on the headless test driver
// with the real engine behind it.
func newTestWorkbench(t testing.TB) *workbench {
	t.Helper()
	return newTestWorkbenchWith(t, compareDefault)
}

func newTestWorkbenchWith(t testing.TB, compare compareFunc) *workbench {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newTheme("light"))
	w := test.NewTempWindow(t, nil)
	wb := newWorkbench(a, w, nil, compare)
	w.Resize(fyne.NewSize(1280, 800))
	return wb
}

// openSampleCase opens the bundled sample and waits for its comparison.
func openSampleCase(t testing.TB, wb *workbench) {
	t.Helper()
	wb.openSample()
	wb.wait()
	if wb.model == nil {
		t.Fatal("the sample case was not compared")
	}
}

// overlayText is all text shown in the topmost overlay (a dialog or a
// pop-up), or "" when there is none.
func overlayText(w fyne.Window) string {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return ""
	}
	return objectsText(top)
}

// objectsText gathers the text of labels, rich texts and buttons under o.
func objectsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, obj := range test.LaidOutObjects(o) {
		switch x := obj.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *widget.RichText:
			b.WriteString(richText(x.Segments) + "\n")
		case *widget.Button:
			b.WriteString(x.Text + "\n")
		}
	}
	return b.String()
}

// findButton returns the button labelled text under o, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && b.Text == text {
			return b
		}
	}
	return nil
}

// builtRow returns the row widget showing row, scrolling it into sight.
func builtRow(t testing.TB, v *alignedView, row int) *rowWidget {
	t.Helper()
	v.reveal(row)
	v.body.update()
	for _, w := range v.body.live {
		if w.row == row {
			return w
		}
	}
	t.Fatalf("row %d is not built after scrolling to it", row)
	return nil
}

// textSegments returns the text segments of a rich text.
func textSegments(rt *widget.RichText) []*widget.TextSegment {
	var out []*widget.TextSegment
	for _, s := range rt.Segments {
		if ts, ok := s.(*widget.TextSegment); ok {
			out = append(out, ts)
		}
	}
	return out
}

// column returns the column of the report whose outlet is name.
func column(t testing.TB, m *caseModel, name string) int {
	t.Helper()
	for i, e := range m.entries {
		if e.Outlet == name {
			return i
		}
	}
	t.Fatalf("no report from %s", name)
	return -1
}

// rowWith returns the first row whose cell of report col contains s.
func rowWith(t testing.TB, m *caseModel, col int, s string) int {
	t.Helper()
	for row := range m.rows() {
		if strings.Contains(m.cellText[row][col], s) {
			return row
		}
	}
	t.Fatalf("no row of column %d contains %q", col, s)
	return -1
}

// showReportsTab selects the Reports tab, as the analyst does before
// using it: its cards are built only then.
func showReportsTab(wb *workbench) {
	act(func() { wb.ui.tabs.SelectIndex(1) })
}

// docs parses texts as plain-text reports named r1, r2...
func docs(t testing.TB, texts ...string) []*ReportEntry {
	t.Helper()
	var out []*ReportEntry
	for i, text := range texts {
		name := "r" + string(rune('1'+i))
		d, err := ingest.Parse(name, []byte(text), ingest.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		e := &ReportEntry{Doc: d, Outlet: name}
		e.fillFromDoc()
		out = append(out, e)
	}
	return out
}

// compareEntries runs the engine over entries and builds the model.
func compareEntries(t testing.TB, entries []*ReportEntry) *caseModel {
	t.Helper()
	c := &Case{Reports: entries}
	cmp, err := framing.Compare(context.Background(), c.docs(), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return newCaseModel(cmp, entries)
}

// richText is the text of segs, paragraphs and lists included, one line
// per block.
func richText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		if block, ok := s.(widget.RichTextBlock); ok {
			b.WriteString(richText(block.Segments()))
		} else {
			b.WriteString(s.Textual())
		}
		if !s.Inline() {
			b.WriteString("\n")
		}
	}
	return b.String()
}
