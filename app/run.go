package app

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

// Version is the version of Framelens, shown in Help > About. FyneApp.toml
// carries the same number.
const Version = "0.1.0"

// AppID is the application's unique identifier.
const AppID = "io.framelens.app"

// Run opens the Framelens window and returns when it is closed. args are
// the command-line arguments after the program name: report files or
// folders to open as a new case (else the last case, else the bundled
// sample case), --library PATH to choose the library file (else
// FRAMELENS_LIBRARY, else the default location) and --theme light|dark to
// choose the theme instead of following the system.
func Run(args []string) error {
	started := time.Now()
	fl := flag.NewFlagSet("framelens", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	themeName := fl.String("theme", "", "light or dark; empty follows the system")
	libFlag := fl.String("library", "", "the library file")
	measure := fl.String("measure", "", "")
	if err := fl.Parse(args); err != nil {
		return fmt.Errorf("framelens: %w (usage: framelens [--library PATH] [--theme light|dark] [report files or folders])", err)
	}
	if *themeName != "" && *themeName != "light" && *themeName != "dark" {
		return fmt.Errorf("framelens: --theme is %q; use light or dark", *themeName)
	}
	if *measure != "" && *measure != "startup" && *measure != "large" {
		return fmt.Errorf("framelens: --measure is %q; use startup or large", *measure)
	}
	libPath := ""
	if *measure == "" {
		var err error
		if libPath, err = libraryPath(*libFlag); err != nil {
			return fmt.Errorf("framelens: %w", err)
		}
	}
	var measureErr error
	tuneGC()

	a := fyneapp.NewWithID(AppID)
	a.SetIcon(appIcon())
	a.Settings().SetTheme(newTheme(*themeName))
	w := a.NewWindow("Framelens")
	w.SetIcon(appIcon())
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	wb := newWorkbench(a, w, nil, compareDefault)
	w.SetOnClosed(func() { wb.closing.Store(true) })

	if *measure != "" {
		// Measurements run without a library, so that they time the
		// window alone, unless --library names one for startup: it then
		// opens as it does without --measure.
		lib := ""
		if *measure == "startup" {
			lib = *libFlag
		}
		startMeasure(wb, *measure, lib, fl.Args(), started, func(err error) { measureErr = err })
	} else {
		wb.startLibrary(libPath, fl.Args())
	}
	w.ShowAndRun()
	wb.closing.Store(true)
	wb.cancel()
	wb.runner.stop()
	wb.closeLibrary()
	return measureErr
}

// errMeasure marks a failed measurement.
var errMeasure = errors.New("measurement failed")

// reportMeasure prints a measurement line on standard output.
func reportMeasure(format string, args ...any) {
	fmt.Fprintf(os.Stdout, format+"\n", args...)
}
