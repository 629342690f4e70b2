package app

import (
	"context"
	"fmt"
	"io/fs"
	"log"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"framelens/assets"
	"framelens/framing"
	"framelens/framing/ingest"
)

// workbench is the window's state and the actions on it. Everything here
// runs on the UI goroutine unless it says otherwise.
type workbench struct {
	app    fyne.App
	win    fyne.Window
	store  Store
	runner *runner
	opener *opener
	cmds   []*command
	ui     *workbenchUI

	cas   *Case
	model *caseModel
	// busy counts loads and comparisons under way.
	busy int
	// comparing is set while a comparison of the case runs.
	comparing bool

	findQuery string
	findHits  []findHit
	findPos   int
	termKey   string
	termPos   int

	saveTimer *time.Timer
	// afterCompare, when set, is called once after each comparison is
	// shown or fails (measurements use it).
	afterCompare func()
}

// newWorkbench builds the window's content on win.
func newWorkbench(a fyne.App, win fyne.Window, store Store, compare compareFunc) *workbench {
	wb := &workbench{app: a, win: win, store: store, runner: newRunner(compare), cas: &Case{}}
	wb.opener = &opener{win: win, guard: wb.guard}
	wb.ui = buildUI(wb)
	wb.installCommands()
	win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) {
		wb.guard("dropping files", func() { wb.dropped(uris) })
	})
	wb.caseChanged(false)
	return wb
}

// guard runs f, recovering a panic: it is logged with its stack and shown
// in a dialog, and the window carries on.
func (wb *workbench) guard(what string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			logPanic(what, p)
			showError(wb.win, fmt.Errorf("%s failed on an internal error: %v. The case is unchanged; please report this with the log", what, p))
		}
	}()
	f()
}

// logPanic writes a recovered panic and its stack to the log.
func logPanic(what string, p any) {
	log.Printf("framelens: panic while %s: %v\n%s", what, p, debug.Stack())
}

// setStatus shows a message in the status bar.
func (wb *workbench) setStatus(msg string) {
	wb.ui.status.SetText(msg)
}

// beginWork shows the progress bar; endWork hides it when nothing is left.
func (wb *workbench) beginWork(msg string) {
	wb.busy++
	wb.ui.progress.SetValue(0)
	wb.ui.progress.Show()
	wb.setStatus(msg)
}

func (wb *workbench) endWork() {
	if wb.busy > 0 {
		wb.busy--
	}
	if wb.busy == 0 {
		wb.ui.progress.Hide()
	}
}

// ---- Loading ----

// openSample replaces the case with the bundled sample.
func (wb *workbench) openSample() {
	fsys, err := fs.Sub(assets.Sample, "sample")
	if err != nil {
		showError(wb.win, fmt.Errorf("opening the sample case: %w", err))
		return
	}
	c, problems := loadCaseFS(fsys, "Sample case")
	wb.openCase(c, problems)
}

// openCase replaces the case with c and reports problems met loading it.
func (wb *workbench) openCase(c *Case, problems []error) {
	wb.cas = c
	wb.caseChanged(true)
	showProblems(wb.win, len(c.Reports), problems, docWarnings(c.Reports))
}

// openCaseDir opens the case in folder dir, reading it off the UI
// goroutine.
func (wb *workbench) openCaseDir(dir string) {
	wb.beginWork("Reading " + dir + "…")
	go func() {
		c, problems := loadCaseFS(os.DirFS(dir), filepath.Base(dir))
		for _, e := range c.Reports {
			e.Doc.Path = filepath.Join(dir, e.Doc.Path)
		}
		fyne.Do(func() {
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
	go func() {
		entries, problems := readPaths(paths)
		fyne.Do(func() {
			wb.guard("loading reports", func() {
				wb.endWork()
				if replace {
					name := "New case"
					if len(paths) > 0 {
						name = filepath.Base(filepath.Dir(paths[0]))
					}
					wb.cas = &Case{Name: name}
				}
				wb.cas.add(entries...)
				if len(entries) > 0 || replace {
					wb.caseChanged(true)
				}
				if len(entries) > 0 {
					wb.setStatus(fmt.Sprintf("Added %s.", plural(len(entries), "report", "reports")))
				}
				showProblems(wb.win, len(entries), problems, docWarnings(entries))
			})
		})
	}()
}

// readPaths reads every report at paths; a folder stands for the report
// files at its top.
func readPaths(paths []string) ([]*ReportEntry, []error) {
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
			doc, err := ingest.ReadFile(f)
			if err != nil {
				problems = append(problems, err)
				continue
			}
			entries = append(entries, &ReportEntry{Doc: doc, Outlet: doc.Name})
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

// dropped loads files dropped on the window.
func (wb *workbench) dropped(uris []fyne.URI) {
	var paths []string
	var problems []error
	for _, u := range uris {
		if u.Scheme() != "file" {
			problems = append(problems, &ingest.Problem{Path: u.String(), Msg: "is not a local file; save the page as text and drop the file"})
			continue
		}
		paths = append(paths, u.Path())
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
	doc, err := ingest.Parse(name, []byte(text), ingest.FormatText)
	if err != nil {
		showError(wb.win, fmt.Errorf("the pasted text was not added: %w", err))
		return
	}
	wb.cas.add(&ReportEntry{Doc: doc, Outlet: name, Date: date, URL: url})
	wb.caseChanged(true)
	wb.setStatus("Added " + name + ".")
	showProblems(wb.win, 1, nil, doc.Warnings)
}

// newCase empties the window.
func (wb *workbench) newCase() {
	wb.cas = &Case{Name: "New case"}
	wb.caseChanged(true)
}

// ---- The case changed ----

// caseChanged refreshes what shows the case; compare re-runs the
// comparison (the reports or their order changed).
func (wb *workbench) caseChanged(compare bool) {
	wb.updateTitle()
	wb.ui.reports.setCase(wb.cas)
	if compare {
		wb.recompare()
	}
	wb.scheduleSave()
}

func (wb *workbench) updateTitle() {
	name := wb.cas.Name
	if name == "" {
		name = "untitled case"
	}
	wb.win.SetTitle("Framelens - " + name)
}

// recompare starts comparing the case's reports. A comparison already
// running is cancelled and its result dropped.
func (wb *workbench) recompare() {
	if len(wb.cas.Reports) < 2 {
		if wb.comparing {
			wb.runner.stop()
			wb.comparing = false
			wb.endWork()
		}
		wb.showModel(nil)
		if len(wb.cas.Reports) == 1 {
			wb.setStatus("One report loaded: add another report of the same event to compare them.")
		}
		return
	}
	if wb.comparing {
		wb.setStatus(fmt.Sprintf("Comparing %d reports…", len(wb.cas.Reports)))
	} else {
		wb.comparing = true
		wb.beginWork(fmt.Sprintf("Comparing %d reports…", len(wb.cas.Reports)))
	}
	entries := append([]*ReportEntry(nil), wb.cas.Reports...)
	wb.runner.start(wb.cas.docs(), entries, func(p float64) {
		wb.ui.progress.SetValue(p)
	}, func(m *caseModel, err error) {
		wb.guard("showing the comparison", func() {
			wb.comparing = false
			wb.endWork()
			defer wb.notifyCompared()
			if err != nil {
				wb.setStatus("The comparison failed.")
				showError(wb.win, err)
				return
			}
			wb.showModel(m)
		})
	})
}

func (wb *workbench) notifyCompared() {
	if f := wb.afterCompare; f != nil {
		f()
	}
}

// showModel shows a comparison (nil: none) in every view.
func (wb *workbench) showModel(m *caseModel) {
	wb.model = m
	wb.findHits, wb.termKey = nil, ""
	ref := -1
	if m != nil {
		ref = m.column(wb.cas.reference())
	}
	wb.ui.view.setModel(m, ref)
	wb.ui.heat.setModel(m)
	wb.ui.terms.setModel(m)
	wb.ui.detail.clear()
	wb.ui.heat.Refresh()
	if m == nil {
		return
	}
	if wb.findQuery != "" {
		wb.runFind(wb.findQuery)
	}
	framingRows, omitted := 0, 0
	for row := range m.rows() {
		if m.framing[row] {
			framingRows++
		}
		if len(m.missing[row]) > 0 {
			omitted++
		}
	}
	wb.setStatus(fmt.Sprintf("%d facts in %d reports: %d with framing differences, %d left out by some outlet. Ctrl+Down goes to the next framing difference.",
		m.rows(), m.reports(), framingRows, omitted))
}

// scheduleSave saves the case to the store a moment after the last change.
func (wb *workbench) scheduleSave() {
	if wb.store == nil {
		return
	}
	if wb.saveTimer != nil {
		wb.saveTimer.Stop()
	}
	snap := snapshot(wb.cas)
	store := wb.store
	wb.saveTimer = time.AfterFunc(time.Second, func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := store.SaveCase(ctx, snap); err != nil {
			fyne.Do(func() { wb.setStatus(fmt.Sprintf("The case could not be saved: %v", err)) })
		}
	})
}

// ---- Report actions ----

func (wb *workbench) renameCase(name string) {
	wb.cas.Name = name
	wb.updateTitle()
	wb.scheduleSave()
}

func (wb *workbench) reportEdited(*ReportEntry) {
	wb.ui.view.refreshHeaders()
	wb.scheduleSave()
}

func (wb *workbench) moveReport(e *ReportEntry, delta int) {
	if err := wb.cas.move(e, delta); err != nil {
		showError(wb.win, err)
		return
	}
	wb.caseChanged(true)
}

func (wb *workbench) setReference(e *ReportEntry) {
	wb.cas.Reference = e
	wb.caseChanged(false)
	if wb.model != nil {
		col := wb.model.column(e)
		wb.ui.view.setReference(col)
		if row := wb.ui.view.selected; row >= 0 {
			wb.ui.detail.show(wb.model, row, col)
		}
	}
	wb.setStatus(e.label() + " is now the reference report.")
}

func (wb *workbench) removeReport(e *ReportEntry) {
	wb.cas.remove(e)
	wb.caseChanged(true)
	wb.setStatus("Removed " + e.label() + ".")
}

// headerMenu offers the actions on the report of column col.
func (wb *workbench) headerMenu(col int, at fyne.Position) {
	if wb.model == nil || col >= len(wb.model.entries) {
		return
	}
	e := wb.model.entries[col]
	item := func(label string, f func()) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { wb.guard(label, f) })
	}
	menu := fyne.NewMenu("",
		item("Use as reference", func() { wb.setReference(e) }),
		item("Move left", func() { wb.moveReport(e, -1) }),
		item("Move right", func() { wb.moveReport(e, 1) }),
		item("Edit outlet, date and URL…", func() { wb.ui.tabs.SelectIndex(1) }),
		fyne.NewMenuItemSeparator(),
		item("Remove from the case", func() { wb.removeReport(e) }),
	)
	widget.ShowPopUpMenuAtPosition(menu, wb.win.Canvas(), at)
}

// ---- Selection and navigation ----

// rowSelected follows a new selection in the detail pane and the map.
func (wb *workbench) rowSelected(row int) {
	wb.ui.heat.setSelected(row)
	if wb.model == nil || row < 0 {
		wb.ui.detail.clear()
		return
	}
	wb.ui.detail.show(wb.model, row, wb.model.column(wb.cas.reference()))
}

// jumpTo selects row, showing all rows if the filter hides it.
func (wb *workbench) jumpTo(row int) {
	if wb.model == nil || row < 0 || row >= wb.model.rows() {
		return
	}
	if !wb.ui.view.isShown(row) {
		wb.setFilter(FilterAll)
	}
	wb.ui.view.selectRow(row)
}

// nextFraming moves to the next (dir 1) or previous (dir -1) row with a
// framing difference.
func (wb *workbench) nextFraming(dir int) {
	wb.step(dir, "framing difference", func(row int) bool { return wb.model.framing[row] })
}

// nextOmission moves to the next or previous row some report left out.
func (wb *workbench) nextOmission(dir int) {
	wb.step(dir, "omission", func(row int) bool { return len(wb.model.missing[row]) > 0 })
}

func (wb *workbench) step(dir int, what string, want func(int) bool) {
	if wb.model == nil {
		return
	}
	row, wrapped := wb.model.step(wb.ui.view.selected, dir, want)
	if row < 0 {
		wb.setStatus("No " + what + " in this case.")
		return
	}
	wb.jumpTo(row)
	msg := fmt.Sprintf("Row %d: %s.", row+1, what)
	if wrapped {
		msg += " (Continued from the other end.)"
	}
	wb.setStatus(msg)
}

// setFilter changes the rows shown.
func (wb *workbench) setFilter(f Filter) {
	wb.ui.view.setFilter(f)
	if wb.ui.filter.SelectedIndex() != int(f) {
		wb.ui.filter.SetSelectedIndex(int(f))
	}
	if wb.model != nil {
		wb.setStatus(fmt.Sprintf("%s: %d of %d rows.", f, len(wb.ui.view.shown), wb.model.rows()))
	}
}

// focusFind puts the cursor in the find box.
func (wb *workbench) focusFind() {
	wb.win.Canvas().Focus(wb.ui.find)
}

// runFind searches all reports for q and highlights the matches.
func (wb *workbench) runFind(q string) {
	wb.findQuery = strings.TrimSpace(q)
	wb.ui.view.setQuery(wb.findQuery)
	wb.findHits, wb.findPos = nil, -1
	if wb.model == nil || wb.findQuery == "" {
		wb.ui.findCount.SetText("")
		return
	}
	wb.findHits = wb.model.find(wb.findQuery)
	if len(wb.findHits) == 0 {
		wb.ui.findCount.SetText("no match")
		return
	}
	wb.ui.findCount.SetText(fmt.Sprintf("%d matches", len(wb.findHits)))
}

// findStep goes to the next (1) or previous (-1) match of the find query.
func (wb *workbench) findStep(dir int) {
	q := strings.TrimSpace(wb.ui.find.Text)
	if q != wb.findQuery || wb.findHits == nil {
		wb.runFind(q)
	}
	n := len(wb.findHits)
	if n == 0 {
		if q == "" {
			wb.focusFind()
		}
		return
	}
	// Start from the selected row when the analyst moved elsewhere.
	if sel := wb.ui.view.selected; wb.findPos < 0 || wb.findHits[wb.findPos].row != sel {
		i := sort.Search(n, func(i int) bool { return wb.findHits[i].row >= max(sel, 0) })
		if dir > 0 {
			if sel >= 0 && i < n && wb.findHits[i].row == sel {
				i++
			}
			wb.findPos = i % n
		} else {
			wb.findPos = (i - 1 + n) % n
		}
	} else {
		wb.findPos = (wb.findPos + dir + n) % n
	}
	hit := wb.findHits[wb.findPos]
	wb.jumpTo(hit.row)
	wb.ui.findCount.SetText(fmt.Sprintf("%d of %d", wb.findPos+1, n))
	wb.setStatus(fmt.Sprintf("“%s” in %s, row %d.", wb.findQuery, wb.model.entries[hit.report].label(), hit.row+1))
}

// jumpToTerm goes to the rows where report used term, one per tap.
func (wb *workbench) jumpToTerm(referent string, report int, term string) {
	if wb.model == nil {
		return
	}
	rows := wb.model.termRows(referent, report, term)
	if len(rows) == 0 {
		return
	}
	k := fmt.Sprintf("%s\x00%d\x00%s", referent, report, term)
	if k != wb.termKey {
		wb.termKey, wb.termPos = k, 0
	} else {
		wb.termPos = (wb.termPos + 1) % len(rows)
	}
	wb.jumpTo(rows[wb.termPos])
	wb.setStatus(fmt.Sprintf("“%s” in %s: row %d (%d of %d). Tap again for the next.",
		term, wb.model.entries[report].label(), rows[wb.termPos]+1, wb.termPos+1, len(rows)))
}

// compareDefault is the engine's comparison.
func compareDefault(ctx context.Context, docs []*ingest.Document, opts framing.Options) (*framing.Comparison, error) {
	return framing.Compare(ctx, docs, opts)
}
