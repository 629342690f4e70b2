package app

// Keeping the open case in the library: every change the analyst makes is
// written as it is made, off the UI goroutine, and cases are read back
// from it.

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"framelens/framing/ingest"
	"framelens/storage"
)

// settingSampleCase holds the id of the library's copy of the bundled
// sample case, so that File > Open the sample case opens it again.
const settingSampleCase = "sample_case_id"

// untitledCase names a case the analyst gave no name.
const untitledCase = "Untitled case"

// reportRecord is the library's record of e: its original bytes and what
// the analyst entered about it.
func reportRecord(e *ReportEntry, reference bool) storage.Report {
	return storage.Report{
		ID:        e.id.Load(),
		FileName:  recordFileName(e.Doc),
		Outlet:    e.Outlet,
		Title:     e.Title,
		Author:    e.Author,
		Published: e.Date,
		URL:       e.URL,
		Language:  e.Language,
		Reference: reference,
		Content:   e.Doc.Raw,
		Format:    string(e.Doc.Format),
		Charset:   e.Doc.Charset,
		SourceURL: sourceURL(e.Doc),
	}
}

// sourceURL is the address doc was fetched from (after redirects), or ""
// when it was not fetched.
func sourceURL(doc *ingest.Document) string {
	if doc.Fetched == nil {
		return ""
	}
	if doc.Fetched.FinalURL != "" {
		return doc.Fetched.FinalURL
	}
	return doc.Fetched.URL
}

// recordFileName is the file name kept for doc. Its extension says how
// the bytes are read back; pasted text has none.
func recordFileName(doc *ingest.Document) string {
	switch {
	case doc.Format == ingest.FormatPaste:
		return ""
	case doc.Path != "" && !strings.Contains(doc.Path, "://"):
		if ingest.FormatFor(doc.Path) == doc.Format {
			return filepath.Base(doc.Path)
		}
	}
	ext := ".txt"
	switch doc.Format {
	case ingest.FormatHTML:
		ext = ".html"
	case ingest.FormatMarkdown:
		ext = ".md"
	}
	return doc.Name + ext
}

// entryFromRecord reads a report kept in the library back into a report
// of the case, the way it was read when it was added: in its format, its
// character set and with the address it was fetched from. (Reports kept
// before the library recorded these are read by their file name, with the
// character set found from the bytes.)
func entryFromRecord(r storage.Report) (*ReportEntry, error) {
	label := r.FileName
	if label == "" {
		label = "the pasted report " + strconv.Quote(r.Outlet)
	}
	format, name := ingest.FormatPaste, r.Outlet
	if r.FileName != "" {
		format = ingest.FormatFor(r.FileName)
		name = strings.TrimSuffix(r.FileName, filepath.Ext(r.FileName))
	}
	if r.Format != "" {
		format = ingest.Format(r.Format)
		if !knownFormat(format) {
			return nil, &ingest.Problem{Path: label, Msg: fmt.Sprintf("is kept in the library in the format %q, which this Framelens does not read; "+
				"open the library with the Framelens that added it, or remove the report and add it again", r.Format)}
		}
	}
	if name == "" {
		name = ingest.PastedName
	}
	opts := ingest.ParseOptions{Charset: r.Charset, URL: r.SourceURL}
	if opts.URL == "" && format == ingest.FormatHTML {
		opts.URL = r.URL
	}
	doc, err := ingest.ParseWith(name, r.Content, format, opts)
	if err != nil {
		return nil, &ingest.Problem{Path: label, Msg: fmt.Sprintf("is kept in the library but can no longer be read (%v); remove it from the case and add the report again", err)}
	}
	doc.Path = r.FileName
	e := &ReportEntry{Doc: doc, Outlet: r.Outlet, Date: r.Published, URL: r.URL,
		Title: r.Title, Author: r.Author, Language: r.Language}
	e.id.Store(r.ID)
	return e, nil
}

// knownFormat reports whether f is a format ingest reads.
func knownFormat(f ingest.Format) bool {
	switch f {
	case ingest.FormatText, ingest.FormatMarkdown, ingest.FormatHTML, ingest.FormatPaste:
		return true
	}
	return false
}

// caseFromData builds the case the library holds. Reports that can no
// longer be read are left out, each with an error naming it.
func caseFromData(d *storage.CaseData) (*Case, []error) {
	c := &Case{Name: d.Case.Name}
	c.id.Store(d.Case.ID)
	var problems []error
	for _, r := range d.Reports {
		e, err := entryFromRecord(r)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		c.add(e)
		if r.Reference {
			c.Reference = e
		}
	}
	c.notes = d.Notes
	c.corrections = d.Corrections
	return c, problems
}

// caseName is the name a case is stored under.
func storedName(name string) string {
	if strings.TrimSpace(name) == "" {
		return untitledCase
	}
	return name
}

// storeNewCase records c with its reports as a new case of the library and
// makes it the case to reopen at start. settingKey, when not empty, is a
// setting that records the new case's id too.
func (wb *workbench) storeNewCase(c *Case, settingKey string) {
	name := storedName(c.Name)
	entries := slices.Clone(c.Reports)
	records := make([]storage.Report, len(entries))
	for i, e := range entries {
		records[i] = reportRecord(e, e == c.Reference)
	}
	wb.save("", "saving the case "+strconv.Quote(name), func(lib *storage.Library) error {
		sc, err := lib.CreateCase(name, "")
		if err != nil {
			return err
		}
		c.id.Store(sc.ID)
		if err := addRecords(lib, sc.ID, entries, records); err != nil {
			return err
		}
		id := strconv.FormatInt(sc.ID, 10)
		if settingKey != "" {
			if err := lib.SetSetting(settingKey, id); err != nil {
				return err
			}
		}
		return lib.SetSetting(storage.SettingLastCase, id)
	})
}

// addRecords adds reports to case caseID and gives each entry its id.
func addRecords(lib *storage.Library, caseID int64, entries []*ReportEntry, records []storage.Report) error {
	for i, rec := range records {
		r, err := lib.AddReport(caseID, rec)
		if err != nil {
			return fmt.Errorf("report %s: %w", entries[i].label(), err)
		}
		entries[i].id.Store(r.ID)
	}
	return nil
}

// storeAddedReports adds entries, just appended to c, to its record.
func (wb *workbench) storeAddedReports(c *Case, entries []*ReportEntry) {
	if len(entries) == 0 {
		return
	}
	entries = slices.Clone(entries)
	records := make([]storage.Report, len(entries))
	for i, e := range entries {
		records[i] = reportRecord(e, false)
	}
	wb.save("", "saving "+plural(len(entries), "new report", "new reports"), func(lib *storage.Library) error {
		id := c.id.Load()
		if id == 0 {
			return nil // the case itself could not be saved; that was reported
		}
		return addRecords(lib, id, entries, records)
	})
}

// storeCaseName saves the name of c as typed.
func (wb *workbench) storeCaseName(c *Case) {
	name := strings.TrimSpace(c.Name)
	if name == "" {
		wb.setStatus("A case needs a name: type one in the Case field to save it.")
		return
	}
	wb.save(fmt.Sprintf("name %p", c), "saving the case name", func(lib *storage.Library) error {
		if id := c.id.Load(); id != 0 {
			return lib.RenameCase(id, name)
		}
		return nil
	})
}

// storeReportMeta saves the outlet, date, URL, title, author and language
// of e as entered.
func (wb *workbench) storeReportMeta(e *ReportEntry) {
	rec := reportRecord(e, false)
	wb.save(fmt.Sprintf("meta %p", e), "saving the details of "+e.label(), func(lib *storage.Library) error {
		rec.ID = e.id.Load()
		if rec.ID == 0 {
			return nil
		}
		return lib.UpdateReportMeta(rec)
	})
}

// storeReportMove saves the new place of e in the case.
func (wb *workbench) storeReportMove(c *Case, e *ReportEntry) {
	pos := slices.Index(c.Reports, e)
	if pos < 0 {
		return
	}
	wb.save("", "saving the new order of the reports", func(lib *storage.Library) error {
		if id := e.id.Load(); id != 0 {
			return lib.MoveReport(id, pos)
		}
		return nil
	})
}

// storeReference saves e as the reference report.
func (wb *workbench) storeReference(e *ReportEntry) {
	wb.save("", "saving "+e.label()+" as the reference", func(lib *storage.Library) error {
		if id := e.id.Load(); id != 0 {
			return lib.SetReference(id, true)
		}
		return nil
	})
}

// storeRemoval removes e from the record of c. Its notes stay, detached;
// its corrections go with it.
func (wb *workbench) storeRemoval(c *Case, e *ReportEntry) {
	if wb.save("", "removing "+e.label()+" from the library", func(lib *storage.Library) error {
		if id := e.id.Load(); id != 0 {
			return lib.RemoveReport(id)
		}
		return nil
	}) {
		wb.reloadAnnotations(c, false)
	}
}

// reloadAnnotations reads the notes and corrections of c again, after the
// library changed them, and shows them; recompare compares the case again
// (the corrections changed).
func (wb *workbench) reloadAnnotations(c *Case, recompare bool) {
	wb.save("", "reading the notes of the case", func(lib *storage.Library) error {
		return wb.readAnnotations(lib, c, recompare)
	})
}

// openLastCase opens the case open when the window last closed, else the
// case changed last, else the sample case (which is then kept as a case).
func (wb *workbench) openLastCase() {
	wb.loadStored("Opening the last case…", lastCase)
}

// lastCase picks the case open when the window last closed, else the case
// changed last; 0 when the library holds no case.
func lastCase(lib *storage.Library) (int64, error) {
	if v, ok, err := lib.Setting(storage.SettingLastCase); err != nil {
		return 0, err
	} else if ok {
		if id, err := strconv.ParseInt(v, 10, 64); err == nil {
			if _, err := lib.Case(id); err == nil {
				return id, nil
			}
		}
	}
	cases, err := lib.Cases()
	if err != nil || len(cases) == 0 {
		return 0, err
	}
	return cases[0].ID, nil
}

// openStored opens case id of the library.
func (wb *workbench) openStored(id int64) {
	wb.loadStored("Opening the case…", func(*storage.Library) (int64, error) { return id, nil })
}

// loadStored reads, off the UI goroutine, the case that pick chooses and
// opens it, recording it as the case to reopen at start. When pick finds
// none (id 0) the bundled sample opens instead and is kept as a case.
func (wb *workbench) loadStored(status string, pick func(lib *storage.Library) (int64, error)) {
	if wb.lib == nil {
		wb.openBundledSample()
		return
	}
	wb.beginWork(status)
	wb.save("", "opening the case", func(lib *storage.Library) error {
		s := readStored(lib, pick)
		wb.toUI(func() {
			wb.endWork()
			wb.showStored(lib, s)
		})
		return nil
	})
}

// storedCase is a case read from the library with its reports parsed,
// ready to show.
type storedCase struct {
	c        *Case // nil when there is no case to open
	problems []error
	err      error
}

// readStored reads the case that pick chooses, with its reports, and
// records it as the case to reopen at start. It runs off the UI goroutine.
func readStored(lib *storage.Library, pick func(lib *storage.Library) (int64, error)) storedCase {
	id, err := pick(lib)
	var data *storage.CaseData
	if err == nil && id != 0 {
		data, err = lib.LoadCase(id)
	}
	if err == nil && id != 0 {
		err = lib.SetSetting(storage.SettingLastCase, strconv.FormatInt(id, 10))
	}
	if err != nil || data == nil {
		return storedCase{err: err}
	}
	c, problems := caseFromData(data)
	return storedCase{c: c, problems: problems}
}

// showStored opens a case readStored read from lib; without one the
// bundled sample opens and is kept as a case.
func (wb *workbench) showStored(lib *storage.Library, s storedCase) {
	switch {
	case s.err != nil:
		wb.setStatus("The case could not be read from the library.")
		showError(wb.win, fmt.Errorf("reading the case from the library %s: %w. Try again, or choose another case in File > Cases…", lib.Path(), s.err))
	case s.c == nil:
		wb.openBundledSample()
	default:
		wb.showCase(s.c, s.problems)
	}
}
