package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"
)

// opener remembers the folder last used, so that reports can be added one
// after another from the same place.
type opener struct {
	win     fyne.Window
	lastDir string
	guard   func(what string, f func())
}

// location returns the last folder as a listable URI, or nil.
func (o *opener) location() fyne.ListableURI {
	if o.lastDir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(o.lastDir))
	if err != nil {
		return nil
	}
	return l
}

// openFile asks for one report file and passes its path to add.
func (o *opener) openFile(add func(paths []string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		o.guard("opening a file", func() {
			if err != nil {
				showError(o.win, fmt.Errorf("choosing a file: %w", err))
				return
			}
			if r == nil {
				return // cancelled
			}
			path := r.URI().Path()
			_ = r.Close() // the report is read again, off the UI goroutine
			o.lastDir = filepath.Dir(path)
			add([]string{path})
		})
	}, o.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".txt", ".text", ".md", ".markdown", ".html", ".htm"}))
	if l := o.location(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
	d.Resize(fyne.NewSize(900, 620)) // after Show: a file dialog cannot be sized before
}

// openFolder asks for a folder. A folder with a case.json opens as a case
// (openCase); otherwise the analyst ticks the files to load and chooses
// whether they replace the case or join it (load).
func (o *opener) openFolder(openCase func(dir string), load func(paths []string, replace bool)) {
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		o.guard("opening a folder", func() {
			if err != nil {
				showError(o.win, fmt.Errorf("choosing a folder: %w", err))
				return
			}
			if l == nil {
				return
			}
			dir := l.Path()
			o.lastDir = dir
			if _, err := os.Stat(filepath.Join(dir, manifestName)); err == nil {
				openCase(dir)
				return
			}
			o.chooseFiles(dir, load)
		})
	}, o.win)
	if l := o.location(); l != nil {
		d.SetLocation(l)
	}
	d.Show()
	d.Resize(fyne.NewSize(900, 620)) // after Show: a file dialog cannot be sized before
}

// chooseFiles lists the files of dir with a tick box each, report files
// ticked.
func (o *opener) chooseFiles(dir string, load func(paths []string, replace bool)) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		showError(o.win, fmt.Errorf("reading folder %s: %w", dir, err))
		return
	}
	var names, ticked []string
	for _, e := range entries {
		if !e.Type().IsRegular() {
			continue
		}
		names = append(names, e.Name())
		if isReportFile(e.Name()) {
			ticked = append(ticked, e.Name())
		}
	}
	sort.Strings(names)
	if len(names) == 0 {
		showError(o.win, fmt.Errorf("the folder %s holds no file; choose the folder with the report files", dir))
		return
	}
	checks := widget.NewCheckGroup(names, nil)
	checks.SetSelected(ticked)
	mode := widget.NewRadioGroup([]string{"Open as a new case", "Add to the current case"}, nil)
	mode.SetSelected("Open as a new case")
	mode.Required = true
	list := container.NewVScroll(checks)
	list.SetMinSize(fyne.NewSize(480, 280))
	content := container.NewBorder(widget.NewLabel("Reports in "+dir), mode, nil, nil, list)
	dialog.ShowCustomConfirm("Open reports", "Open", "Cancel", content, func(ok bool) {
		o.guard("opening reports", func() {
			if !ok || len(checks.Selected) == 0 {
				return
			}
			paths := make([]string, len(checks.Selected))
			for i, n := range checks.Selected {
				paths[i] = filepath.Join(dir, n)
			}
			sort.Strings(paths)
			load(paths, mode.Selected == "Open as a new case")
		})
	}, o.win)
}
