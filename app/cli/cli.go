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
	"strings"

	"framelens/framing"
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
  --format text|json   output format (default text)
  --lexicon FILE       add a lexicon of contested terms (YAML, see assets/lexicon/SCHEMA.md)
  --out FILE           write the output to FILE instead of standard output

Reports are plain text (.txt) or Markdown (.md), UTF-8, at most 20 MB each.
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
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "framelens compare: %v\n\n%s", err, Usage)
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "framelens compare: --format %q: use text or json\n", *format)
		return ExitUsage
	}
	files := fs.Args()
	bad := false
	lex, err := lexicon.Bundled()
	if err != nil {
		fmt.Fprintf(stderr, "framelens: bundled lexicon: %v\n", err)
		return ExitError
	}
	if *lexFile != "" {
		user, err := lexicon.Load(*lexFile)
		if err != nil {
			fmt.Fprintf(stderr, "framelens: %v\n", err)
			bad = true
		} else {
			lex = lexicon.Merge(lex, user)
		}
	}
	var docs []*ingest.Document
	for _, f := range files {
		d, err := ingest.ReadFile(f)
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
	switch *format {
	case "json":
		err = WriteJSON(w, c)
	default:
		err = WriteText(w, c)
	}
	if err == nil && out != nil {
		if err = out.Close(); err == nil {
			err = os.Rename(out.Name(), *outFile)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "framelens compare: writing output: %v\n", err)
		return ExitError
	}
	return ExitOK
}

func dirOf(path string) string {
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[:i+1]
	}
	return "."
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
