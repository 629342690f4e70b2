package app

import (
	"context"
	"fmt"
	"log"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"framelens/framing"
	"framelens/framing/ingest"
	"framelens/storage"
)

// workbench is the window's state and the actions on it. Everything here
// runs on the UI goroutine unless it says otherwise.
type workbench struct {
	app fyne.App
	win fyne.Window
	// ctx ends when the window closes; reading and fetching reports stop
	// with it.
	ctx    context.Context
	cancel context.CancelFunc
	// lib is the local library the case is saved in; nil when the app runs
	// without one (the library could not be opened, or in tests).
	lib *storage.Library
	// jobs runs the library calls, in order, off the UI goroutine.
	jobs *jobQueue
	// closing is set once the window closes: work finishing later no
	// longer updates it.
	closing atomic.Bool
	// saveErrShown is set while a dialog says a change was not saved.
	saveErrShown bool
	// failing is set from a failed library call to the next one that
	// succeeds.
	failing atomic.Bool
	// tags are the tags offered for notes.
	tags []string
	// deleted is the note deleted last, which Undo restores; nil when
	// there is nothing to undo.
	deleted *storage.Note
	// noteRows maps each row of the comparison to the notes on it.
	noteRows map[int][]storage.Note
	// keep, when set, is the sentence whose row the next comparison
	// selects (the one the analyst just corrected).
	keep *fixSentence

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

	// loads tracks the goroutines reading reports.
	loads sync.WaitGroup
	// afterCompare, when set, is called once after each comparison is
	// shown or fails, or the case has too few reports to compare
	// (measurements use it).
	afterCompare func()
}

// newWorkbench builds the window's content on win.
func newWorkbench(a fyne.App, win fyne.Window, lib *storage.Library, compare compareFunc) *workbench {
	wb := &workbench{app: a, win: win, lib: lib, jobs: newJobQueue(), runner: newRunner(compare), cas: &Case{},
		tags: storage.DefaultTags()}
	wb.ctx, wb.cancel = context.WithCancel(context.Background())
	wb.opener = &opener{win: win, guard: wb.guard}
	wb.ui = buildUI(wb)
	wb.installCommands()
	// Ctrl+Z restores a deleted note, unless a text field has the focus:
	// there it undoes typing. (As a menu shortcut it would win over the
	// text field.) The help lists it as undoKeys.
	win.Canvas().AddShortcut(&fyne.ShortcutUndo{}, func(fyne.Shortcut) { wb.guard("undoing", wb.undo) })
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

// caseChanged refreshes what shows the case; compare re-runs the
// comparison (the reports or their order changed).
func (wb *workbench) caseChanged(compare bool) {
	wb.updateTitle()
	wb.ui.reports.setCase(wb.cas)
	if compare {
		wb.recompare()
	}
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
		wb.notifyCompared()
		return
	}
	if wb.comparing {
		wb.setStatus(fmt.Sprintf("Comparing %d reports…", len(wb.cas.Reports)))
	} else {
		wb.comparing = true
		wb.beginWork(fmt.Sprintf("Comparing %d reports…", len(wb.cas.Reports)))
	}
	entries := append([]*ReportEntry(nil), wb.cas.Reports...)
	wb.runner.startWith(wb.cas.docs(), entries, wb.alignFix(), func(p float64) {
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
	wb.annotationsChanged()
	if m == nil {
		return
	}
	if wb.findQuery != "" {
		wb.runFind(wb.findQuery)
	}
	// Stay on the sentence the analyst just corrected; else open on the
	// first framing difference, so that the detail pane shows at once what
	// the comparison is about.
	if row := wb.keptRow(m); row >= 0 {
		wb.jumpTo(row)
	} else if row, _ := m.step(-1, 1, func(r int) bool { return m.framing[r] }); row >= 0 {
		wb.ui.view.selectRow(row)
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
	wb.setStatus(fmt.Sprintf("%d facts, %d framed differently, %d left out by some outlet.", m.rows(), framingRows, omitted))
}

// compareDefault is the engine's comparison.
func compareDefault(ctx context.Context, docs []*ingest.Document, opts framing.Options) (*framing.Comparison, error) {
	return framing.Compare(ctx, docs, opts)
}
