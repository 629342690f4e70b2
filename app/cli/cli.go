// Package cli is the headless command line of Framelens: `framelens
// compare` and friends. It reads files, runs the engine and prints; it
// imports no GUI toolkit, so it runs on machines without a display.
package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"framelens/framing"
	"framelens/framing/export"
	"framelens/framing/ingest"
	"framelens/framing/lexicon"
)

// Exit statuses.
const (
	ExitOK    = 0
	ExitError = 1 // the comparison failed for a reason other than its input
	ExitUsage = 2 // bad arguments or unusable input
)

// Usage is the command-line help.
const Usage = `Usage:
  framelens                         open the workbench window
  framelens compare [flags] FILE... compare two or more reports of one event

Flags of compare:
  --format FORMAT      output format (default text):
                         text  a summary for the terminal
                         json  the stable JSON contract; with --out the file
                               also holds "case" and "notes" fields
                         html  a self-contained HTML report that opens offline and prints
                         md    Markdown for pasting into documents
                         csv   the differences, one line per pair of outlets (UTF-8 CSV)
  --framing-only       html, md and csv: keep only the rows (csv: the differences)
                       with framing differences
  --title TEXT         html, md, csv and json --out: the title of the case
                       (default: "Comparison of N reports")
  --lexicon FILE       add a lexicon of contested terms (YAML, see assets/lexicon/SCHEMA.md)
  --out FILE           write the output to FILE instead of standard output

html and md reports show when they were made: now, or the time in
SOURCE_DATE_EPOCH (seconds since 1970) when it is set.

Reports are plain text (.txt), Markdown (.md), saved web pages (.html) or
http(s) URLs, at most 20 MB each; encodings are detected and converted.
Exit status: 0 done, 1 failed, 2 bad arguments or unusable input.
`

// Compare runs `framelens compare` with args (after the subcommand) and
// returns the exit status.
func Compare(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	lexFile := fs.String("lexicon", "", "")
	outFile := fs.String("out", "", "")
	framingOnly := fs.Bool("framing-only", false, "")
	title := fs.String("title", "", "")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "framelens compare: %v\n\n%s", err, Usage)
		return ExitUsage
	}
	switch *format {
	case "text", "json", "html", "md", "csv":
	default:
		fmt.Fprintf(stderr, "framelens compare: --format %q: use text or json to read the comparison, or html, md or csv to export it\n", *format)
		return ExitUsage
	}
	files := fs.Args()
	bad := false
	lex, code := loadLexicon(*lexFile, stderr)
	switch code {
	case ExitError:
		return code
	case ExitUsage:
		bad = true // the reports are still checked, so every problem is told at once
	}
	var docs []*ingest.Document
	for _, f := range files {
		d, err := ingest.Open(context.Background(), f)
		if err != nil {
			fmt.Fprintf(stderr, "framelens: %v\n", err)
			bad = true
			continue
		}
		for _, w := range d.Warnings {
			fmt.Fprintf(stderr, "framelens: warning: %s\n", w)
		}
		docs = append(docs, d)
	}
	if len(files) < 2 {
		fmt.Fprintf(stderr, "framelens compare: give at least two report files to compare (got %d)\n", len(files))
		bad = true
	}
	if bad {
		return ExitUsage
	}
	c, err := framing.Compare(context.Background(), docs, framing.Options{Lexicon: lex})
	if err != nil {
		if errors.Is(err, framing.ErrTooFew) {
			fmt.Fprintf(stderr, "framelens compare: %v\n", err)
			return ExitUsage
		}
		fmt.Fprintf(stderr, "framelens compare: %v\n", err)
		return ExitError
	}
	w := stdout
	var out *os.File
	if *outFile != "" {
		out, err = os.CreateTemp(dirOf(*outFile), ".framelens-*")
		if err != nil {
			fmt.Fprintf(stderr, "framelens compare: --out %s: %v\n", *outFile, err)
			return ExitUsage
		}
		defer os.Remove(out.Name())
		w = out
	}
	opts := export.Options{FramingOnly: *framingOnly, Generated: generatedAt()}
	switch *format {
	case "json":
		if out != nil {
			err = export.JSON(w, caseOf(c, *title), export.Options{})
		} else {
			err = WriteJSON(w, c)
		}
	case "html":
		err = export.HTML(w, caseOf(c, *title), opts)
	case "md":
		err = export.Markdown(w, caseOf(c, *title), opts)
	case "csv":
		err = export.DifferencesCSV(w, caseOf(c, *title), opts)
	default:
		err = WriteText(w, c)
	}
	if err == nil && out != nil {
		// A temporary file renamed into place: a failed write never leaves
		// half a report behind. It is readable like any file the user saves.
		if err = out.Close(); err == nil {
			if err = os.Chmod(out.Name(), 0o644); err == nil {
				err = os.Rename(out.Name(), *outFile)
			}
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "framelens compare: writing output: %v\n", err)
		return ExitError
	}
	return ExitOK
}

// caseOf is the case the command line exports: the reports compared,
// named after their files, with no notes.
func caseOf(c *framing.Comparison, title string) export.Case {
	ec := export.Case{Name: title, Comparison: c}
	for _, r := range c.Reports {
		ec.Outlets = append(ec.Outlets, export.Outlet{Name: r.Name, Title: r.Title})
	}
	return ec
}

// generatedAt is the time shown as the export time: now, or the time
// given in SOURCE_DATE_EPOCH (seconds since 1970) so that builds of a
// report can be reproduced byte for byte.
func generatedAt() time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if secs, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(secs, 0).UTC()
		}
	}
	return time.Now()
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
}

// loadLexicon returns the bundled lexicon merged with the user's file, if
// any, and ExitOK; on a problem it prints it and returns ExitError (the
// bundled lexicon is broken) or ExitUsage (the user's file is refused).
func loadLexicon(userFile string, stderr io.Writer) (*lexicon.Lexicon, int) {
	lex, err := lexicon.Bundled()
	if err != nil {
		fmt.Fprintf(stderr, "framelens: bundled lexicon: %v\n", err)
		return nil, ExitError
	}
	if userFile == "" {
		return lex, ExitOK
	}
	user, err := lexicon.Load(userFile)
	if err != nil {
		fmt.Fprintf(stderr, "framelens: %v\n", err)
		return lex, ExitUsage
	}
	return lexicon.Merge(lex, user), ExitOK
}

// WriteJSON writes the comparison in the stable JSON contract.
func WriteJSON(w io.Writer, c *framing.Comparison) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(c); err != nil {
		return fmt.Errorf("encoding JSON: %w", err)
	}
	return nil
}
