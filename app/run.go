package app

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

// Version is the version of Framelens, shown in Help > About. FyneApp.toml
// carries the same number.
const Version = "0.1.0"

// AppID is the application's unique identifier.
const AppID = "io.framelens.app"

// Options configure RunWith.
type Options struct {
	// Store keeps the case from one run to the next; nil keeps nothing, and the
	// window opens the sample case on every start.
	Store Store
}

// Run opens the Framelens window and returns when it is closed. args are
// the command-line arguments after the program name: report files or
// folders to open (else the last case, else the bundled sample case), and
// --theme light|dark to choose the theme instead of following the system.
func Run(args []string) error {
	return RunWith(args, Options{})
}

// RunWith is Run with options, such as the store that keeps cases.
func RunWith(args []string, opts Options) error {
	started := time.Now()
	fl := flag.NewFlagSet("framelens", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	themeName := fl.String("theme", "", "light or dark; empty follows the system")
	measure := fl.String("measure", "", "")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("framelens: %w (usage: framelens [--theme light|dark] [report files or folders])", err)
	}
	if *themeName != "" && *themeName != "light" && *themeName != "dark" {
		return fmt.Errorf("framelens: --theme is %q; use light or dark", *themeName)
	}
	if *measure != "" && *measure != "startup" && *measure != "large" {
		return fmt.Errorf("framelens: --measure is %q; use startup or large", *measure)
	}
	var measureErr error
	if os.Getenv("GOGC") == "" {
		// The window keeps little between comparisons; a tighter heap
		// target keeps its memory small at a small cost in collections.
		debug.SetGCPercent(50)
	}

	a := fyneapp.NewWithID(AppID)
	a.SetIcon(appIcon())
	a.Settings().SetTheme(newTheme(*themeName))
	w := a.NewWindow("Framelens")
	w.SetIcon(appIcon())
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	wb := newWorkbench(a, w, opts.Store, compareDefault)

	switch {
	case *measure != "":
		startMeasure(wb, *measure, started, func(err error) { measureErr = err })
	case fl.NArg() > 0:
		wb.loadPaths(fl.Args(), true)
	case opts.Store != nil:
		wb.openLastCase()
	default:
		wb.openSample()
	}
	w.ShowAndRun()
	wb.cancel()
	wb.runner.stop()
	return measureErr
}

// openLastCase opens the case the store kept, or the sample case when there
// is none. The store is read off the UI goroutine.
func (wb *workbench) openLastCase() {
	wb.beginWork("Opening the last case…")
	wb.loads.Add(1)
	go func() {
		defer wb.loads.Done()
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		snap, err := wb.store.LastCase(ctx)
		var c *Case
		var rerr error
		if err == nil && snap != nil {
			c, rerr = restore(snap)
		}
		onUI(func() {
			wb.guard("opening the last case", func() {
				wb.endWork()
				switch {
				case err != nil:
					wb.openSample()
					showError(wb.win, fmt.Errorf("the last case could not be read, so the sample case is open: %w", err))
				case c == nil:
					wb.openSample()
				default:
					var problems []error
					if rerr != nil {
						problems = []error{rerr}
					}
					wb.openCase(c, problems)
				}
			})
		})
	}()
}

// errMeasure marks a failed measurement.
var errMeasure = errors.New("measurement failed")

// reportMeasure prints a measurement line on standard output.
func reportMeasure(format string, args ...any) {
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}
