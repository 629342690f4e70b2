package app

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"

	"framelens/framing/ingest"
)

func TestCaseFolderWithAMissingReportLoadsTheOthers(t *testing.T) {
	fsys := fstest.MapFS{
		"case.json": {Data: []byte(`{"name": "Summit", "reference": 1, "reports": [
			{"file": "a.txt", "outlet": "Alpha Daily", "date": "2024-01-02"},
			{"file": "b.md", "outlet": "Beta Wire", "url": "https://example.org/b"},
			{"file": "gone.txt", "outlet": "Gamma"}]}`)},
		"a.txt": {Data: []byte("Leaders met in Vienna. They agreed on a truce.")},
		"b.md":  {Data: []byte("# Vienna summit\n\nLeaders *met* in Vienna.")},
	}
	c, problems := loadCaseFS(fsys, "folder")
	if c.Name != "Summit" || len(c.Reports) != 2 {
		t.Fatalf("case %q with %d reports, want Summit with 2", c.Name, len(c.Reports))
	}
	if len(problems) != 1 || !strings.Contains(describeProblem(problems[0]), "gone.txt") {
		t.Errorf("problems = %v, want one naming gone.txt", problems)
	}
	if b := c.Reports[1]; b.Outlet != "Beta Wire" || b.URL != "https://example.org/b" || b.Doc.Format != ingest.FormatMarkdown || b.Doc.Title != "Vienna summit" {
		t.Errorf("second report = %+v (title %q)", b, b.Doc.Title)
	}
	if c.reference() != c.Reports[1] {
		t.Errorf("the reference of case.json (index 1) was not kept")
	}
}

func TestCaseFolderWithBrokenCaseJSONStillOpensItsReports(t *testing.T) {
	fsys := fstest.MapFS{
		"case.json": {Data: []byte(`{"name": `)},
		"a.txt":     {Data: []byte("Leaders met in Vienna.")},
		"b.txt":     {Data: []byte("The leaders met in Vienna on Monday.")},
		"notes.pdf": {Data: []byte("%PDF-1.4")},
	}
	c, problems := loadCaseFS(fsys, "summit")
	if len(c.Reports) != 2 || c.Name != "summit" {
		t.Fatalf("%d reports in %q, want the 2 text files in summit", len(c.Reports), c.Name)
	}
	if len(problems) != 1 || !strings.Contains(describeProblem(problems[0]), "case.json") {
		t.Errorf("problems = %v, want one naming case.json", problems)
	}
}

func TestALibraryRecordReadsBackAsTheSameReport(t *testing.T) {
	md, err := ingest.Parse("daily", []byte("# Talks in Vienna\n\nThe *leaders* met in Vienna on Monday."), ingest.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	md.Path = "/tmp/reports/daily.md"
	pasted, err := ingest.Paste("Danube Times", "Leaders met in “Vienna”.")
	if err != nil {
		t.Fatal(err)
	}
	entries := append(docs(t, "Leaders met in Vienna."), &ReportEntry{Doc: md, Outlet: "Daily"}, &ReportEntry{Doc: pasted, Outlet: "Danube Times"})
	entries[0].Date, entries[0].URL = "2024-05-06", "https://example.org/x"
	for i, o := range entries {
		rec := reportRecord(o, i == 1)
		if rec.Reference != (i == 1) {
			t.Errorf("report %d: reference mark %v", i, rec.Reference)
		}
		e, err := entryFromRecord(rec)
		if err != nil {
			t.Fatalf("report %d (%s): %v", i, rec.FileName, err)
		}
		if e.Outlet != o.Outlet || e.Date != o.Date || e.URL != o.URL {
			t.Errorf("report %d read back as %q %q %q, want %q %q %q", i, e.Outlet, e.Date, e.URL, o.Outlet, o.Date, o.URL)
		}
		if e.Doc.Format != o.Doc.Format || e.Doc.Text != o.Doc.Text || e.Doc.Title != o.Doc.Title || string(e.Doc.Raw) != string(o.Doc.Raw) {
			t.Errorf("report %d read back as %v %q (title %q), want %v %q (title %q)", i, e.Doc.Format, e.Doc.Text, e.Doc.Title, o.Doc.Format, o.Doc.Text, o.Doc.Title)
		}
	}
}

func TestDroppedFilesAndFoldersAreAdded(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "more")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for path, text := range map[string]string{
		filepath.Join(dir, "one.txt"):   "Ministers met in Oslo on Friday.",
		filepath.Join(sub, "two.txt"):   "The ministers met in Oslo.",
		filepath.Join(sub, "three.md"):  "# Oslo\n\nMinisters met in Oslo on Friday evening.",
		filepath.Join(sub, "image.png"): "\x89PNG",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	wb := newTestWorkbench(t)
	wb.dropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "one.txt")), storage.NewFileURI(sub)})
	wb.wait()
	if n := len(wb.cas.Reports); n != 3 {
		t.Fatalf("%d reports after dropping a file and a folder, want 3 (the folder's two reports)", n)
	}
	if wb.model == nil || wb.model.reports() != 3 {
		t.Error("the dropped reports were not compared")
	}
}

func TestEditingAnOutletRenamesItsColumn(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	e := wb.cas.Reports[0]
	e.Outlet = "Kyiv Ledger (print)"
	wb.reportEdited(e)
	if outlet, _, _ := wb.ui.view.header.cells[0].texts(); outlet != "Kyiv Ledger (print)" {
		t.Errorf("the column header reads %q after renaming the outlet", outlet)
	}
	wb.renameCase("Beijing talks")
	if wb.win.Title() != "Framelens - Beijing talks" {
		t.Errorf("window title = %q after renaming the case", wb.win.Title())
	}
}

func TestADroppedLinkIsFetchedWithItsOutlet(t *testing.T) {
	page := `<!doctype html><html lang="nb"><head><title>Talks in Oslo</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Kari Nordmann">
<meta property="article:published_time" content="2024-03-01T10:00:00Z">
</head><body><article><h1>Talks in Oslo</h1>
<p>Ministers met in Oslo on Friday to discuss the ceasefire.</p>
<p>They agreed to meet again next month.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/oslo" {
			http.Redirect(w, r, "/news/oslo", http.StatusFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write([]byte(page))
	}))
	defer srv.Close()

	wb := newTestWorkbench(t)
	u, err := storage.ParseURI(srv.URL + "/oslo")
	if err != nil {
		t.Fatal(err)
	}
	wb.dropped([]fyne.URI{u})
	wb.wait()
	if len(wb.cas.Reports) != 1 {
		t.Fatalf("%d reports after dropping a link; dialog: %q", len(wb.cas.Reports), overlayText(wb.win))
	}
	e := wb.cas.Reports[0]
	if e.Outlet != "Harbour Gazette" || e.Date != "2024-03-01" || e.URL != srv.URL+"/news/oslo" {
		t.Errorf("the fetched report is %q, %q, %q; want the page's outlet, date and the address it was fetched from", e.Outlet, e.Date, e.URL)
	}
	if e.Title != "Talks in Oslo" || e.Author != "Kari Nordmann" || e.Language != "nb" {
		t.Errorf("the fetched report has title %q, author %q, language %q; want the page's", e.Title, e.Author, e.Language)
	}
}
