package export

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// The CSV files are RFC 4180 (comma separated, fields quoted when needed,
// CRLF line ends) in UTF-8 with a byte-order mark, which spreadsheets need
// to read UTF-8. Every cell that a spreadsheet would take for a formula is
// neutralised with a leading single quote.

// bom is the UTF-8 byte-order mark.
const bom = "\uFEFF"

// DifferencesCSV writes the differences of the comparison, one line per
// pair of reports whose words differ (one line per span when it is found
// in one report only), so that two coders can each code every line and compare. The
// columns are: row, difference (both numbered from 1 as in the HTML
// report), kind, framing (true/false), referent, outlets, term_a_outlet,
// term_a, term_b_outlet, term_b, one sentence_<outlet> column per outlet
// with its sentences of the row (empty when not reported), and
// explanation. With Options.FramingOnly only framing differences are
// written.
func DifferencesCSV(w io.Writer, c Case, opts Options) error {
	v, err := newView(c, opts)
	if err != nil {
		return err
	}
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	header := []string{"row", "difference", "kind", "framing", "referent", "outlets", "term_a_outlet", "term_a", "term_b_outlet", "term_b"}
	for _, o := range v.outlets {
		header = append(header, "sentence_"+o.Name)
	}
	header = append(header, "explanation")
	if err := cw.write(header); err != nil {
		return err
	}
	for di, d := range v.cmp.Differences {
		if opts.FramingOnly && !d.Framing {
			continue
		}
		if d.Row < 0 || d.Row >= len(v.cmp.Rows) {
			continue
		}
		sides := v.sides(d)
		var outlets []string
		for _, s := range sides {
			outlets = append(outlets, s.Outlet)
		}
		var sentences []string
		for rep := range v.outlets {
			sentences = append(sentences, v.cellText(d.Row, rep))
		}
		line := func(a, b side) error {
			rec := []string{
				strconv.Itoa(d.Row + 1), strconv.Itoa(di + 1), string(d.Kind), strconv.FormatBool(d.Framing),
				d.Referent, strings.Join(outlets, "; "), a.Outlet, a.Text, b.Outlet, b.Text,
			}
			rec = append(rec, sentences...)
			rec = append(rec, oneLine(d.Explanation))
			return cw.write(rec)
		}
		pairs := 0
		for i := range sides {
			for j := i + 1; j < len(sides) && err == nil; j++ {
				if sides[i].report != sides[j].report && !strings.EqualFold(sides[i].Text, sides[j].Text) {
					err = line(sides[i], sides[j])
					pairs++
				}
			}
		}
		if pairs == 0 {
			// A difference found in one report only (a quotation, say).
			for i := 0; i < len(sides) && err == nil; i++ {
				err = line(sides[i], side{})
			}
			if len(sides) == 0 {
				err = line(side{}, side{})
			}
		}
		if err != nil {
			return err
		}
	}
	return cw.flush()
}

// NotesCSV writes the analyst's notes, one line each, with the columns
// case, row (from 1; empty when the note has no row), outlet, kind,
// anchored_text, tags (separated by "; "), note, created and updated
// (RFC 3339).
func NotesCSV(w io.Writer, c Case, opts Options) error {
	v, err := newView(c, opts)
	if err != nil {
		return err
	}
	cw, err := newCSV(w)
	if err != nil {
		return err
	}
	if err := cw.write([]string{"case", "row", "outlet", "kind", "anchored_text", "tags", "note", "created", "updated"}); err != nil {
		return err
	}
	name := v.title()
	for i, n := range v.c.Notes {
		row := ""
		if r := v.noteRow[i]; r >= 0 {
			row = strconv.Itoa(r + 1)
		}
		text := strings.TrimSpace(strings.ReplaceAll(n.Text, "\r\n", "\n"))
		rec := []string{name, row, v.noteOutlet(n), n.Kind, oneLine(n.Quote), strings.Join(cleanTags(n.Tags), "; "), text, csvTime(n.Created), csvTime(n.Updated)}
		if err := cw.write(rec); err != nil {
			return err
		}
	}
	return cw.flush()
}

// csvTime formats a time for a CSV cell, or "" for the zero time.
func csvTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// csvWriter writes neutralised records.
type csvWriter struct {
	w *csv.Writer
}

func newCSV(w io.Writer) (*csvWriter, error) {
	if _, err := io.WriteString(w, bom); err != nil {
		return nil, fmt.Errorf("export: writing CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &csvWriter{w: cw}, nil
}

func (c *csvWriter) write(rec []string) error {
	for i, cell := range rec {
		rec[i] = SafeCell(cell)
	}
	if err := c.w.Write(rec); err != nil {
		return fmt.Errorf("export: writing CSV: %w", err)
	}
	return nil
}

func (c *csvWriter) flush() error {
	c.w.Flush()
	if err := c.w.Error(); err != nil {
		return fmt.Errorf("export: writing CSV: %w", err)
	}
	return nil
}

// SafeCell neutralises a CSV cell that a spreadsheet would run as a
// formula: one starting with =, +, -, @, a tab or a carriage return (or
// the full-width =, +, - and @ some spreadsheets also accept) gets a
// single quote in front, which spreadsheets show as text.
func SafeCell(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	for _, p := range []string{"\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"} {
		if strings.HasPrefix(s, p) {
			return "'" + s
		}
	}
	return s
}
