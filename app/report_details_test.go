package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// savedPage is a saved web page whose JSON-LD gives its outlet, date,
// canonical address, headline, authors and language.
var savedPage = filepath.Join("..", "framing", "ingest", "testdata", "pages", "jsonld.html")

// The details the saved page gives for itself.
const (
	pageOutlet   = "Kestrel Post"
	pageDate     = "2022-08-03"
	pageURL      = "https://kestrelpost.example/news/europe/2022/08/03/razoni-inspection-istanbul"
	pageTitle    = "Grain ship cleared after inspection in Istanbul"
	pageAuthor   = "Aylin Demir, Jonas Berg"
	pageLanguage = "en-GB"
)

// detailFields returns the fields of the Reports tab card of report i,
// by label ("Outlet", "Date", "URL", "Title", "Author", "Language").
func detailFields(t *testing.T, wb *workbench, i int) map[string]*widget.Entry {
	t.Helper()
	var forms []*widget.Form
	showReportsTab(wb)
	for _, o := range test.LaidOutObjects(wb.ui.reports.scroll) {
		if f, ok := o.(*widget.Form); ok && len(f.Items) > 1 {
			forms = append(forms, f)
		}
	}
	if i >= len(forms) {
		t.Fatalf("the Reports tab has %d report cards, want at least %d", len(forms), i+1)
	}
	fields := map[string]*widget.Entry{}
	for _, it := range forms[i].Items {
		if en, ok := it.Widget.(*widget.Entry); ok {
			fields[it.Text] = en
		}
	}
	return fields
}

// fieldText is the text of en, or a note that the field is missing.
func fieldText(en *widget.Entry) string {
	if en == nil {
		return "(no such field)"
	}
	return en.Text
}

func TestASavedPageFillsTheReportDetails(t *testing.T) {
	wb := newTestWorkbench(t)
	act(func() { wb.loadPaths([]string{linkCase(t, t.TempDir())[0], savedPage}, false) })
	wb.wait()
	if len(wb.cas.Reports) != 2 || wb.model == nil || len(wb.ui.view.header.cells) != 2 {
		t.Fatalf("%d reports compared after adding a file and the saved page; dialog: %q", len(wb.cas.Reports), overlayText(wb.win))
	}
	e := wb.cas.Reports[1]
	want := map[string]string{"Outlet": pageOutlet, "Date": pageDate, "URL": pageURL,
		"Title": pageTitle, "Author": pageAuthor, "Language": pageLanguage}
	got := map[string]string{"Outlet": e.Outlet, "Date": e.Date, "URL": e.URL,
		"Title": e.Title, "Author": e.Author, "Language": e.Language}
	fields := detailFields(t, wb, 1)
	for label, w := range want {
		if got[label] != w {
			t.Errorf("the report's %s is %q, want %q from the page", label, got[label], w)
		}
		if got := fieldText(fields[label]); got != w {
			t.Errorf("the Reports tab's %s field shows %q, want %q", label, got, w)
		}
	}
	if _, title, _ := wb.ui.view.header.cells[1].texts(); title != pageTitle {
		t.Errorf("the column header shows the title %q, want %q", title, pageTitle)
	}
}

func TestPastedDetailsAreKeptAndTheRestFilledIn(t *testing.T) {
	wb := newTestWorkbench(t)
	act(func() {
		wb.pasteReport("Oslo Post", "2025-01-02", "https://oslo.example/a", "Talks in Oslo\n\nMinisters met in Oslo on Friday.")
	})
	wb.wait()
	e := wb.cas.Reports[0]
	if e.Outlet != "Oslo Post" || e.Date != "2025-01-02" || e.URL != "https://oslo.example/a" || e.Title != "Talks in Oslo" {
		t.Errorf("the pasted report has outlet %q, date %q, URL %q, title %q; want what was typed and the first line as title",
			e.Outlet, e.Date, e.URL, e.Title)
	}
}

func TestEditedTitleAuthorAndLanguageAreKeptInTheLibrary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	wb := startWithLibrary(t, path, linkCase(t, dir)[0], savedPage)
	if len(wb.cas.Reports) != 2 || wb.model == nil {
		t.Fatalf("%d reports compared after opening a file and a saved page; dialog: %q", len(wb.cas.Reports), overlayText(wb.win))
	}
	const (
		title    = "Razoni cleared off Istanbul"
		author   = "A. Demir"
		language = "en"
	)
	fields := detailFields(t, wb, 1)
	for label, text := range map[string]string{"Title": title, "Author": author, "Language": language} {
		en := fields[label]
		if en == nil {
			t.Fatalf("the Reports tab card of the saved page has no %s field: %v", label, fields)
		}
		act(func() { en.SetText(text) })
	}
	wb.wait()
	if _, got, _ := wb.ui.view.header.cells[1].texts(); got != title {
		t.Errorf("the column header shows the title %q after editing it, want %q", got, title)
	}
	d, err := wb.lib.LoadCase(wb.cas.id.Load())
	if err != nil {
		t.Fatal(err)
	}
	if r := d.Reports[1]; r.Title != title || r.Author != author || r.Language != language || r.Outlet != pageOutlet {
		t.Errorf("the library keeps title %q, author %q, language %q, outlet %q; want the edited %q, %q, %q and %q",
			r.Title, r.Author, r.Language, r.Outlet, title, author, language, pageOutlet)
	}
	closeWindow(wb)

	again := startWithLibrary(t, path)
	if len(again.cas.Reports) != 2 {
		t.Fatalf("reopened with %d reports", len(again.cas.Reports))
	}
	e := again.cas.Reports[1]
	if e.Title != title || e.Author != author || e.Language != language || e.Date != pageDate || e.URL != pageURL {
		t.Errorf("reopened, the page has title %q, author %q, language %q, date %q, URL %q; want %q, %q, %q, %q, %q",
			e.Title, e.Author, e.Language, e.Date, e.URL, title, author, language, pageDate, pageURL)
	}
	reopened := detailFields(t, again, 1)
	for label, text := range map[string]string{"Title": title, "Author": author, "Language": language} {
		if got := fieldText(reopened[label]); got != text {
			t.Errorf("reopened, the Reports tab's %s field shows %q, want %q", label, got, text)
		}
	}
	if _, got, _ := again.ui.view.header.cells[1].texts(); got != title {
		t.Errorf("reopened, the column header shows the title %q, want %q", got, title)
	}

	// A newer version of the article keeps the title the analyst wrote.
	newer := filepath.Join("..", "framing", "ingest", "testdata", "pages", "agency.html")
	act(func() { again.replaceText(e, newer) })
	again.wait()
	d, err = again.lib.LoadCase(again.cas.id.Load())
	if err != nil {
		t.Fatal(err)
	}
	if e.Doc.Outlet != "Northwire" || e.Title != title || d.Reports[1].Title != title {
		t.Errorf("after replacing the text with %s (outlet %q), the title is %q, the library keeps %q; want the edited %q",
			newer, e.Doc.Outlet, e.Title, d.Reports[1].Title, title)
	}
}

func TestReportsTabIsBuiltWhenShown(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	cards := func() int {
		n := 0
		for _, o := range test.LaidOutObjects(wb.ui.reports.scroll) {
			if f, ok := o.(*widget.Form); ok && len(f.Items) > 1 {
				n++
			}
		}
		return n
	}
	if n := len(wb.ui.reports.box.Objects); n != 0 {
		t.Errorf("the Reports tab, not shown, holds %d objects", n)
	}
	showReportsTab(wb)
	if n := cards(); n != len(wb.cas.Reports) {
		t.Fatalf("the Reports tab shows %d report cards, want %d", n, len(wb.cas.Reports))
	}
	// A change while the tab is shown shows at once; one while it is not
	// shows when it is next shown.
	act(func() { wb.removeReport(wb.cas.Reports[0]) })
	wb.wait()
	if n := cards(); n != len(wb.cas.Reports) {
		t.Errorf("after removing a report the Reports tab shows %d cards, want %d", n, len(wb.cas.Reports))
	}
	act(func() { wb.ui.tabs.SelectIndex(0) })
	act(func() { wb.removeReport(wb.cas.Reports[0]) })
	wb.wait()
	if n := len(wb.ui.reports.box.Objects); n != 0 {
		t.Errorf("the Reports tab, not shown, still holds %d objects", n)
	}
	showReportsTab(wb)
	if n := cards(); n != len(wb.cas.Reports) {
		t.Errorf("the Reports tab shows %d cards once selected again, want %d", n, len(wb.cas.Reports))
	}
}
