package app

// File > Export report…, Export case… and Import case….

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"framelens/framing/export"
	"framelens/storage"
)

// Labels of the export dialog.
const (
	framingOnlyLabel = "Framing rows only"
	chooseFileLabel  = "Choose file…"
)

// exportReport asks for a format, then for a file, and writes the
// comparison shown with the notes of the case.
func (wb *workbench) exportReport() {
	if wb.model == nil {
		showError(wb.win, errors.New("there is no comparison to export: open or add at least two reports of the same event, then export"))
		return
	}
	labels := make([]string, len(export.Formats))
	for i, f := range export.Formats {
		labels[i] = f.Label()
	}
	formats := widget.NewRadioGroup(labels, nil)
	formats.Required = true
	formats.SetSelected(labels[0])
	framingOnly := widget.NewCheck(framingOnlyLabel, nil)
	hint := wrapped("Framing rows only keeps the rows with a framing difference in the HTML and Markdown reports, " +
		"and only the framing differences in the differences CSV. Notes are always included.")
	content := widget.NewForm(
		widget.NewFormItem("Format", formats),
		widget.NewFormItem("", framingOnly),
		widget.NewFormItem("", hint),
	)
	d := dialog.NewCustomConfirm("Export report", chooseFileLabel, "Cancel", content, func(ok bool) {
		wb.guard("exporting", func() {
			if !ok {
				return
			}
			f := export.Formats[0]
			for i, l := range labels {
				if l == formats.Selected {
					f = export.Formats[i]
				}
			}
			wb.chooseSaveFile(safeFileName(wb.cas.Name)+f.Ext(), f.Ext(), func(path string) {
				wb.exportReportTo(path, f, framingOnly.Checked)
			})
		})
	}, wb.win)
	d.Resize(fyne.NewSize(560, 400))
	d.Show()
}

// chooseSaveFile asks where to save a file, suggesting name, and passes
// the path chosen to save.
func (wb *workbench) chooseSaveFile(name, ext string, save func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		wb.guard("choosing a file", func() {
			if err != nil {
				showError(wb.win, fmt.Errorf("choosing the file to write: %w; choose another folder", err))
				return
			}
			if w == nil {
				return // cancelled
			}
			// The dialog opened the file for writing; it is written
			// beside it and renamed over it instead, so that it is never
			// left half written.
			path := w.URI().Path()
			_ = w.Close()
			wb.opener.lastDir = filepath.Dir(path)
			save(path)
		})
	}, wb.win)
	d.SetFileName(name)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{ext}))
	if l := wb.opener.location(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
	d.Resize(fyne.NewSize(900, 620)) // after Show: a file dialog cannot be sized before
}

// exportReportTo writes the comparison shown in format f to path, off the
// UI goroutine.
func (wb *workbench) exportReportTo(path string, f export.Format, framingOnly bool) {
	if wb.model == nil {
		return
	}
	c := wb.exportData()
	wb.beginWork("Exporting the " + f.Label() + "…")
	wb.jobs.do("", func() {
		err := writeFileAtomic(path, func(w io.Writer) error {
			return export.Write(w, f, c, export.Options{FramingOnly: framingOnly, Generated: time.Now()})
		})
		wb.toUI(func() {
			wb.endWork()
			if err != nil {
				wb.setStatus("The export failed.")
				showError(wb.win, fmt.Errorf("exporting the %s to %s: %w", f.Label(), path, err))
				return
			}
			wb.setStatus("Exported the " + f.Label() + " to " + path + ".")
		})
	})
}

// exportData is what an export shows: the comparison, the outlets as
// entered and the notes of the case.
func (wb *workbench) exportData() export.Case {
	m := wb.model
	c := export.Case{Name: wb.cas.Name, Comparison: m.cmp}
	for _, e := range m.entries {
		c.Outlets = append(c.Outlets, export.Outlet{Name: e.Outlet, Title: e.Title, Date: e.Date, URL: e.URL})
	}
	for _, n := range wb.cas.notes {
		c.Notes = append(c.Notes, exportNote(n, wb.cas, m))
	}
	return c
}

// exportNote is note n as an export lists it: anchored in the report's
// column of m, its row left for the export to work out.
func exportNote(n storage.Note, c *Case, m *caseModel) export.Note {
	out := export.Note{Kind: string(n.Kind), Report: -1, Row: -1, Start: n.Anchor.Start, End: n.Anchor.End,
		Quote: n.Anchor.Exact, Text: n.Text, Tags: n.Tags, Created: n.Created, Updated: n.Updated}
	if e := c.entryByID(n.ReportID); e != nil && !n.Detached {
		out.Report = m.column(e)
	}
	return out
}

// exportCase asks for a file and writes the case, with its reports, notes
// and corrections, as a case file another library can import.
func (wb *workbench) exportCase() {
	if !wb.needLibrary("Cases") {
		return
	}
	if wb.cas.id.Load() == 0 {
		showError(wb.win, errors.New("the case is not in the library yet; wait a moment, then export it again"))
		return
	}
	wb.chooseSaveFile(safeFileName(wb.cas.Name)+".json", ".json", wb.exportCaseTo)
}

// exportCaseTo writes the case file to path, off the UI goroutine.
func (wb *workbench) exportCaseTo(path string) {
	c := wb.cas
	wb.save("", "exporting the case to "+path, func(lib *storage.Library) error {
		id := c.id.Load()
		err := errors.New("the case is not in the library yet; wait a moment, then export it again")
		if id != 0 {
			err = writeFileAtomic(path, func(w io.Writer) error { return lib.ExportCase(id, w) })
		}
		wb.toUI(func() {
			if err != nil {
				wb.setStatus("The case was not exported.")
				showError(wb.win, fmt.Errorf("exporting the case to %s: %w", path, err))
				return
			}
			wb.setStatus("Exported the case to " + path + "; File > Import case… reads it back.")
		})
		return nil
	})
}

// importCase asks for a case file and adds its case to the library.
func (wb *workbench) importCase() {
	if !wb.needLibrary("Cases") {
		return
	}
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		wb.guard("importing a case", func() {
			if err != nil {
				showError(wb.win, fmt.Errorf("choosing the case file: %w; choose another file", err))
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			_ = r.Close() // read again off the UI goroutine
			wb.opener.lastDir = filepath.Dir(path)
			wb.importCaseFrom(path)
		})
	}, wb.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".json"}))
	if l := wb.opener.location(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
	d.Resize(fyne.NewSize(900, 620)) // after Show: a file dialog cannot be sized before
}

// importCaseFrom adds the case in the case file at path to the library
// and opens it, off the UI goroutine.
func (wb *workbench) importCaseFrom(path string) {
	wb.beginWork("Importing " + path + "…")
	wb.save("", "importing the case file "+path, func(lib *storage.Library) error {
		data, err := importCaseFile(lib, path)
		wb.toUI(func() {
			wb.endWork()
			if err != nil {
				wb.setStatus("The case was not imported.")
				showError(wb.win, fmt.Errorf("importing the case file %s: %w", path, err))
				return
			}
			c, problems := caseFromData(data)
			wb.showCase(c, problems)
			wb.setStatus("Imported the case “" + c.Name + "” from " + path + ".")
		})
		return nil
	})
}

// importCaseFile adds the case in the case file at path to lib, makes it
// the case to reopen at start and returns it.
func importCaseFile(lib *storage.Library, path string) (*storage.CaseData, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w; choose another file", err)
	}
	defer f.Close()
	id, err := lib.ImportCase(bufio.NewReader(f))
	if err != nil {
		return nil, err
	}
	data, err := lib.LoadCase(id)
	if err != nil {
		return nil, err
	}
	if err := lib.SetSetting(storage.SettingLastCase, strconv.FormatInt(id, 10)); err != nil {
		return nil, err
	}
	return data, nil
}

// writeFileAtomic writes a file at path with write: into a temporary file
// in the same folder, renamed over path once complete, so that path never
// holds a partial file.
func writeFileAtomic(path string, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("creating a file in %s: %w; choose a folder you can write to", dir, err)
	}
	defer func() {
		if err != nil {
			_ = tmp.Close()
			_ = os.Remove(tmp.Name())
			// The save dialog created path empty; leave nothing behind.
			if fi, statErr := os.Stat(path); statErr == nil && fi.Size() == 0 {
				_ = os.Remove(path)
			}
		}
	}()
	bw := bufio.NewWriter(tmp)
	if err := write(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing %s: %w; check that the disk has room", path, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w; check that the disk has room", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w; check that the disk has room", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("replacing %s: %w; choose a folder you can write to", path, err)
	}
	return nil
}

// safeFileName makes a file name of a case name.
func safeFileName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" || strings.Trim(name, ".") == "" {
		return "case"
	}
	return name
}
