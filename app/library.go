package app

// The local library: opening it at start, what to do when it cannot be
// opened, and writing to it off the UI goroutine.

import (
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"framelens/framing/lexicon"
	"framelens/storage"
)

// Labels of the choices offered when the library cannot be used.
const (
	setAsideLabel        = "Set it aside and start a fresh library"
	quitLabel            = "Quit"
	continueUnsavedLabel = "Continue without saving"
)

// libraryPath returns the library file to use: flagValue (--library) when
// given, else FRAMELENS_LIBRARY, else the default location.
func libraryPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("finding the library: %w", err)
	}
	return p, nil
}

// startLibrary opens the library at path off the UI goroutine, then opens
// the report files in args as a new case, else the case open last, else
// the sample case. A library that cannot be used is explained in a dialog.
// The case open last is read with the library, while the window is being
// made, and the bundled lexicon its comparison needs is parsed then too.
func (wb *workbench) startLibrary(path string, args []string) {
	wb.beginWork("Opening the library " + path + "…")
	wb.jobs.do("", func() {
		lib, err := storage.Open(path)
		var last *storedCase
		if err == nil && len(args) == 0 {
			go func() {
				_, _ = lexicon.Bundled() // a comparison reports the error, if any
			}()
			s := readStored(lib, lastCase)
			last = &s
		}
		wb.toUI(func() {
			wb.endWork()
			if err != nil {
				wb.libraryRefused(path, err, args)
				return
			}
			wb.useLibrary(lib, args, last)
		})
	})
}

// useLibrary makes lib the window's library and opens the first case:
// the files in args, else last (read by startLibrary; nil to read the
// case open last now).
func (wb *workbench) useLibrary(lib *storage.Library, args []string, last *storedCase) {
	wb.lib = lib
	wb.setLibraryState("", false)
	wb.loadTags()
	switch {
	case len(args) > 0:
		wb.loadPaths(args, true)
	case last != nil:
		wb.showStored(lib, *last)
	default:
		wb.openLastCase()
	}
}

// libraryRefused explains why the library at path cannot be used and
// offers what can be done.
func (wb *workbench) libraryRefused(path string, err error, args []string) {
	var fe *storage.FileError
	if errors.As(err, &fe) {
		path = fe.Path
	}
	wb.setStatus("The library " + path + " could not be used.")
	switch {
	case errors.Is(err, storage.ErrNotALibrary):
		reason := err.Error()
		if fe != nil {
			reason = fe.Reason
		}
		msg := fmt.Sprintf("The file %s is not a Framelens library: %s.\n\n"+
			"Framelens has not changed it. You can set it aside (it is renamed to %s.corrupt-DATE, nothing is "+
			"deleted) and start a fresh library in its place, or quit and move the file yourself, or start "+
			"Framelens with --library PATH to use another file.", path, reason, path)
		wb.askLibrary("The library cannot be read", msg, setAsideLabel, func() { wb.setAside(path, args) })
	case errors.Is(err, storage.ErrNewerLibrary):
		reason := err.Error()
		if fe != nil {
			reason = fe.Reason
		}
		msg := fmt.Sprintf("The library %s was written by a newer version of Framelens (%s).\n\n"+
			"Framelens has not changed it. You can continue without saving: nothing you do in this window "+
			"is kept after it closes. Or quit and open the library with the newer Framelens.", path, reason)
		wb.askLibrary("The library is from a newer Framelens", msg, continueUnsavedLabel, func() {
			wb.continueUnsaved("the library is from a newer Framelens", args)
		})
	default:
		what := "could not be opened"
		if errors.Is(err, storage.ErrBusy) {
			what = "is busy: another Framelens process kept it locked"
		}
		wb.continueUnsaved("the library "+what, args)
		showError(wb.win, fmt.Errorf("the library %s %s (%w).\n\nFramelens continues without saving: nothing "+
			"you do in this window is kept. Close the other Framelens windows that use this library and start "+
			"again, or start Framelens with --library PATH to use another file", path, what, err))
	}
}

// askLibrary shows msg with two choices: choice, which runs do, and Quit.
func (wb *workbench) askLibrary(title, msg, choice string, do func()) {
	text := widget.NewLabel(msg)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	act := widget.NewButton(choice, func() {
		wb.guard(choice, func() {
			d.Hide()
			do()
		})
	})
	act.Importance = widget.HighImportance
	quit := widget.NewButton(quitLabel, func() {
		wb.guard("quitting", func() {
			d.Hide()
			wb.app.Quit()
		})
	})
	d = dialog.NewCustomWithoutButtons(title, container.NewVScroll(text), wb.win)
	d.SetButtons([]fyne.CanvasObject{quit, act})
	d.Resize(fyne.NewSize(620, 320))
	d.Show()
}

// setAside moves the unreadable library file out of the way, with the
// analyst's consent, and starts a fresh library in its place.
func (wb *workbench) setAside(path string, args []string) {
	wb.beginWork("Setting the unreadable library aside…")
	wb.jobs.do("", func() {
		moved, err := storage.SetAside(path)
		var lib *storage.Library
		if err == nil {
			lib, err = storage.Open(path)
		}
		wb.toUI(func() {
			wb.endWork()
			if err != nil {
				wb.continueUnsaved("the library could not be started afresh", args)
				showError(wb.win, fmt.Errorf("starting a fresh library at %s: %w.\n\nFramelens continues without saving; "+
					"move the file away by hand, or start Framelens with --library PATH to use another file", path, err))
				return
			}
			wb.useLibrary(lib, args, nil)
			dialog.ShowInformation("A fresh library was started",
				"The unreadable file was kept, unchanged, as "+moved+". A fresh library was started at "+path+".", wb.win)
		})
	})
}

// continueUnsaved carries on without a library: the case opens, nothing
// is saved, and the status bar says so.
func (wb *workbench) continueUnsaved(why string, args []string) {
	wb.setLibraryState("Not saving: "+why+".", true)
	if len(args) > 0 {
		wb.loadPaths(args, true)
	} else {
		wb.openSample()
	}
}

// setLibraryState shows in the bottom bar whether changes are saved.
func (wb *workbench) setLibraryState(msg string, warn bool) {
	l := wb.ui.libState
	l.SetText(msg)
	if warn {
		l.Importance = widget.WarningImportance
	} else {
		l.Importance = widget.MediumImportance
	}
	if msg == "" {
		l.Hide()
	} else {
		l.Show()
	}
	l.Refresh()
}

// toUI runs f guarded on the UI goroutine, unless the window is closing.
// It is called from goroutines only.
func (wb *workbench) toUI(f func()) {
	if wb.closing.Load() {
		return
	}
	onUI(func() { wb.guard("updating the window", f) })
}

// save runs call against the library off the UI goroutine, after every
// call asked for before it. what names the work in the message shown if it
// fails ("saving the new note"); key, when not empty, lets a later call
// for the same thing replace this one while it waits. Without a library
// nothing happens and save reports false.
func (wb *workbench) save(key, what string, call func(lib *storage.Library) error) bool {
	lib := wb.lib
	if lib == nil {
		return false
	}
	wb.jobs.do(key, func() {
		if err := call(lib); err != nil {
			wb.failing.Store(true)
			wb.toUI(func() { wb.saveFailed(what, lib.Path(), err) })
		} else if wb.failing.CompareAndSwap(true, false) {
			wb.toUI(func() { wb.setLibraryState("", false) })
		}
	})
	return true
}

// saveFailed tells the analyst that work on the library failed, why, and
// what to do. While one such dialog is open, later failures go to the
// bottom bar only.
func (wb *workbench) saveFailed(what, path string, err error) {
	wb.setLibraryState("Failed: "+what+".", true)
	if wb.saveErrShown {
		return
	}
	var msg error
	switch {
	case errors.Is(err, storage.ErrBusy):
		msg = fmt.Errorf("framelens could not finish %s: the library %s is busy, another Framelens window has been "+
			"writing to it for several seconds. Close that window or wait a moment, then try again (%w)", what, path, err)
	case errors.Is(err, storage.ErrNotFound):
		msg = fmt.Errorf("framelens could not finish %s: %w. Open the case again from File > Cases…", what, err)
	default:
		msg = fmt.Errorf("framelens could not finish %s: %w. Check that the disk has room and that the library %s "+
			"and the files named can be written, then try again", what, err, path)
	}
	d := dialog.NewError(msg, wb.win)
	wb.saveErrShown = true
	d.SetOnClosed(func() { wb.saveErrShown = false })
	d.Show()
}

// loadTags reads the tags the library offers, off the UI goroutine.
func (wb *workbench) loadTags() {
	lib := wb.lib
	if lib == nil {
		return
	}
	wb.jobs.do("tags", func() {
		tags, err := lib.Tags()
		if err != nil {
			return // the default tags stay offered
		}
		wb.toUI(func() { wb.tags = tags })
	})
}

// closeLibrary waits for the library writes under way and closes it.
func (wb *workbench) closeLibrary() {
	wb.jobs.wait()
	if wb.lib == nil {
		return
	}
	if err := wb.lib.Close(); err != nil {
		fmt.Fprintf(os.Stderr, "framelens: %v\n", err)
	}
	wb.lib = nil
}
