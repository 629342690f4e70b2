package app

// Loading reports: the sample case, case folders, files, dropped files
// and links, web addresses and pasted text.

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2"

	"framelens/assets"
	"framelens/framing/ingest"
	"framelens/storage"
)

// openSample replaces the case with the sample: the library's copy of it
// when there is one, else the bundled sample, which is then kept as a case.
func (wb *workbench) openSample() {
	wb.loadStored("Opening the sample case…", func(lib *storage.Library) (int64, error) {
		v, ok, err := lib.Setting(settingSampleCase)
		if err != nil || !ok {
			return 0, err
		}
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, nil
		}
		if _, err := lib.Case(id); err != nil {
			return 0, nil // deleted: open a fresh copy
		}
		return id, nil
	})
}

// openBundledSample replaces the case with the sample bundled with the
// program and keeps it in the library as a new case.
func (wb *workbench) openBundledSample() {
	fsys, err := fs.Sub(assets.Sample, "sample")
	if err != nil {
		showError(wb.win, fmt.Errorf("opening the sample case: %w", err))
		return
	}
	c, problems := loadCaseFS(fsys, "Sample case")
	wb.showCase(c, problems)
	if wb.lib != nil {
		wb.storeNewCase(c, settingSampleCase)
	}
}

// openCase replaces the case with c, a case not yet in the library, keeps
// it in the library as a new case and reports problems met loading it.
func (wb *workbench) openCase(c *Case, problems []error) {
	wb.showCase(c, problems)
	if wb.lib != nil && c.id.Load() == 0 {
		wb.storeNewCase(c, "")
	}
}

// showCase replaces the case with c and reports problems met loading it.
func (wb *workbench) showCase(c *Case, problems []error) {
	wb.cas = c
	wb.clearUndo()
	wb.annotationsChanged()
	wb.caseChanged(true)
	showProblems(wb.win, len(c.Reports), problems, docWarnings(c.Reports))
}

// openCaseDir opens the case in folder dir, reading it off the UI
// goroutine.
func (wb *workbench) openCaseDir(dir string) {
	wb.beginWork("Reading " + dir + "…")
	wb.loads.Add(1)
	go func() {
		defer wb.loads.Done()
		c, problems := loadCaseFS(os.DirFS(dir), filepath.Base(dir))
		for _, e := range c.Reports {
			e.Doc.Path = filepath.Join(dir, e.Doc.Path)
		}
		onUI(func() {
			wb.guard("opening a case", func() {
				wb.endWork()
				wb.openCase(c, problems)
			})
		})
	}()
}

// loadPaths reads the files (and the report files of folders) at paths off
// the UI goroutine, then adds them to the case, or makes them the case when
// replace is set. Files that cannot be read are listed in a dialog; the
// others still load.
func (wb *workbench) loadPaths(paths []string, replace bool) {
	if len(paths) == 0 {
		return
	}
	wb.beginWork(fmt.Sprintf("Reading %s…", plural(len(paths), "file", "files")))
	wb.loads.Add(1)
	go func() {
		defer wb.loads.Done()
		entries, problems := readPaths(wb.ctx, paths)
		onUI(func() {
			wb.guard("loading reports", func() {
				wb.endWork()
				if replace {
					name := "New case"
					if len(paths) > 0 {
						name = filepath.Base(filepath.Dir(paths[0]))
					}
					c := &Case{Name: name}
					c.add(entries...)
					wb.openCase(c, nil)
				} else {
					wb.cas.add(entries...)
					if len(entries) > 0 {
						wb.caseChanged(true)
						wb.storeAddedReports(wb.cas, entries)
					}
				}
				if len(entries) > 0 {
					wb.setStatus(fmt.Sprintf("Added %s.", plural(len(entries), "report", "reports")))
				}
				showProblems(wb.win, len(entries), problems, docWarnings(entries))
			})
		})
	}()
}

// readPaths reads every report at paths, which may be files, folders (for
// the report files at their top) or web addresses (fetched).
func readPaths(ctx context.Context, paths []string) ([]*ReportEntry, []error) {
	var entries []*ReportEntry
	var problems []error
	for _, p := range paths {
		files := []string{p}
		if fi, err := os.Stat(p); err == nil && fi.IsDir() {
			names, err := reportFiles(os.DirFS(p))
			if err != nil {
				problems = append(problems, fmt.Errorf("%s: %w", p, err))
				continue
			}
			if len(names) == 0 {
				problems = append(problems, &ingest.Problem{Path: p, Msg: "holds no .txt or .md report"})
			}
			files = files[:0]
			for _, n := range names {
				files = append(files, filepath.Join(p, n))
			}
		}
		for _, f := range files {
			doc, err := ingest.Open(ctx, f)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			entries = append(entries, newEntry(doc))
		}
	}
	return entries, problems
}

// docWarnings collects the repair warnings of the reports' documents.
func docWarnings(entries []*ReportEntry) []string {
	var out []string
	for _, e := range entries {
		out = append(out, e.Doc.Warnings...)
	}
	return out
}

// wait blocks until no report is being read, no library call is under way
// and no comparison runs. It is for tests and measurements, never called
// on the UI goroutine of a running window.
//
// One piece of work may start another (a case read from the library is
// then compared), so the waits repeat; the longest such chain has three
// links.
func (wb *workbench) wait() {
	for range 4 {
		wb.loads.Wait()
		wb.jobs.wait()
		wb.runner.wait()
	}
}

// dropped loads files dropped on the window.
func (wb *workbench) dropped(uris []fyne.URI) {
	var paths []string
	var problems []error
	for _, u := range uris {
		switch u.Scheme() {
		case "file":
			paths = append(paths, u.Path())
		case "http", "https":
			paths = append(paths, u.String()) // a link dragged from a browser
		default:
			problems = append(problems, &ingest.Problem{Path: u.String(), Msg: "is neither a file nor a web address; save the page and drop the file"})
		}
	}
	if len(problems) > 0 {
		showProblems(wb.win, len(paths), problems, nil)
	}
	wb.loadPaths(paths, false)
}

// addFile asks for one report file and adds it.
func (wb *workbench) addFile() {
	wb.opener.openFile(func(paths []string) {
		wb.loadPaths(paths, false)
		wb.setStatus("Adding the report. Press Ctrl+O to add another.")
	})
}

// openFolder asks for a folder of reports.
func (wb *workbench) openFolder() {
	wb.opener.openFolder(wb.openCaseDir, wb.loadPaths)
}

// addAddress asks for the web address of a report and fetches it.
func (wb *workbench) addAddress() {
	showAddressDialog(wb.win, func(address string) {
		wb.loadPaths([]string{address}, false)
	})
}

// paste opens the paste dialog.
func (wb *workbench) paste() {
	showPasteDialog(wb.win, wb.pasteReport)
}

// pasteReport adds a report from pasted text.
func (wb *workbench) pasteReport(outlet, date, url, text string) {
	name := outlet
	if name == "" {
		name = fmt.Sprintf("Pasted report %d", len(wb.cas.Reports)+1)
	}
	doc, err := ingest.Paste(name, text)
	if err != nil {
		showError(wb.win, fmt.Errorf("the pasted text was not added: %w", err))
		return
	}
	e := &ReportEntry{Doc: doc, Outlet: name, Date: date, URL: url}
	e.fillFromDoc()
	wb.cas.add(e)
	wb.caseChanged(true)
	wb.storeAddedReports(wb.cas, []*ReportEntry{e})
	wb.setStatus("Added " + name + ".")
	showProblems(wb.win, 1, nil, doc.Warnings)
}

// newCase empties the window and starts a new case in the library.
func (wb *workbench) newCase() {
	wb.openCase(&Case{Name: "New case"}, nil)
}
