// Package export writes a comparison, with the analyst's notes, in the
// forms it travels in once the analysis is done: a self-contained HTML
// report for a briefing or an editor's inbox, Markdown for pasting into
// documents, CSV files of differences and of notes for spreadsheets and
// coding studies, and JSON for other programs.
//
// Every writer takes a Case (the comparison, the outlets and the notes) and
// Options, and escapes all text that comes from reports or notes for the
// format it writes: report text can never become markup, script or a
// spreadsheet formula.
//
// The package reads a framing.Comparison only; it imports neither a GUI
// toolkit nor storage, so the window and the command line share it. Rows,
// outlets and differences are numbered from 1 in everything meant for
// people (HTML, Markdown, CSV), as the workbench numbers them; the JSON
// keeps the 0-based indices of the comparison contract.
package export

import (
	"fmt"
	"io"
	"strings"
	"time"

	"framelens/framing"
)

// Outlet describes the source of one report, as the analyst entered it.
type Outlet struct {
	// Name is the outlet's name, such as "Global Wire". Empty means the
	// report's name in the comparison.
	Name string
	// Title is the headline. Empty means the report's title.
	Title string
	// Date is the publication date as entered, preferably YYYY-MM-DD.
	Date string
	// URL is where the report was published. The HTML report makes it a
	// link only when it is an http or https address.
	URL string
}

// The kinds of note, as storage names them.
const (
	NoteRow      = "row"      // about a row of aligned sentences
	NoteSentence = "sentence" // about one sentence of one report
	NoteTerm     = "term"     // about a span of words in one report
)

// Note is one of the analyst's notes.
type Note struct {
	// Kind is NoteRow, NoteSentence or NoteTerm.
	Kind string
	// Report is the index of the report the note is anchored in, or -1 for
	// a note that lost its place (its report was removed or its text could
	// no longer be found).
	Report int
	// Row is the index of the row the note belongs to. A negative Row is
	// worked out from Report and Start with RowOf; a note with neither is
	// listed apart from the rows.
	Row int
	// Start and End are the byte offsets of the anchored text in the
	// report's original bytes, End exclusive.
	Start, End int
	// Quote is the anchored text.
	Quote string
	// Text is the note itself; it may span several lines.
	Text string
	// Tags are frame dimensions or the analyst's own tags.
	Tags             []string
	Created, Updated time.Time
}

// Case is everything an export shows.
type Case struct {
	// Name is the case title. Empty gives a title naming the number of
	// reports.
	Name string
	// Date is the date of the event or of the case, as entered.
	Date string
	// Outlets has one entry per report of the comparison, in report order.
	// Missing entries or empty fields fall back to the report's name and
	// title.
	Outlets []Outlet
	// Comparison is the comparison to export; it must not be nil.
	Comparison *framing.Comparison
	// Notes are the analyst's notes, in the order to show them.
	Notes []Note
}

// Options tune an export.
type Options struct {
	// FramingOnly keeps only the rows with at least one framing difference
	// (HTML and Markdown) or only the framing differences (differences
	// CSV). Notes are never left out: notes on rows not shown are listed
	// after the rows. The notes CSV and the JSON always hold everything.
	FramingOnly bool
	// Generated is the time the export is made, shown in the HTML and
	// Markdown reports and recorded in the JSON. The zero time leaves it
	// out, which makes the output depend on the case only.
	Generated time.Time
}

// Format names an export format.
type Format string

// The export formats.
const (
	FormatHTML           Format = "html"
	FormatMarkdown       Format = "md"
	FormatDifferencesCSV Format = "csv"
	FormatNotesCSV       Format = "notes-csv"
	FormatJSON           Format = "json"
)

// Formats lists every export format, in the order to offer them.
var Formats = []Format{FormatHTML, FormatMarkdown, FormatDifferencesCSV, FormatNotesCSV, FormatJSON}

// Ext is the usual file name extension of the format, with its dot.
func (f Format) Ext() string {
	switch f {
	case FormatHTML:
		return ".html"
	case FormatMarkdown:
		return ".md"
	case FormatDifferencesCSV, FormatNotesCSV:
		return ".csv"
	case FormatJSON:
		return ".json"
	}
	return ""
}

// Label is a short description of the format for menus and dialogs.
func (f Format) Label() string {
	switch f {
	case FormatHTML:
		return "HTML report"
	case FormatMarkdown:
		return "Markdown"
	case FormatDifferencesCSV:
		return "Differences (CSV)"
	case FormatNotesCSV:
		return "Notes (CSV)"
	case FormatJSON:
		return "JSON data"
	}
	return string(f)
}

// Write writes c in format f. It is the one entry point for File > Export
// and the command line.
func Write(w io.Writer, f Format, c Case, opts Options) error {
	switch f {
	case FormatHTML:
		return HTML(w, c, opts)
	case FormatMarkdown:
		return Markdown(w, c, opts)
	case FormatDifferencesCSV:
		return DifferencesCSV(w, c, opts)
	case FormatNotesCSV:
		return NotesCSV(w, c, opts)
	case FormatJSON:
		return JSON(w, c, opts)
	}
	return fmt.Errorf("export: unknown format %q", f)
}

// RowOf returns the row holding the sentence of report that contains the
// byte offset start, or -1 when the report or the offset is not in the
// comparison. An offset between two sentences belongs to the one before
// it, an offset before the first sentence to the first.
func RowOf(c *framing.Comparison, report, start int) int {
	if c == nil || report < 0 || report >= len(c.Reports) || start < 0 {
		return -1
	}
	sents := c.Reports[report].Sentences
	sentence := -1
	for i, s := range sents {
		if s.Start > start {
			break
		}
		sentence = i
	}
	if sentence < 0 {
		if len(sents) == 0 {
			return -1
		}
		sentence = 0
	}
	for ri, row := range c.Rows {
		if report >= len(row.Cells) {
			continue
		}
		for _, i := range row.Cells[report] {
			if i == sentence {
				return ri
			}
		}
	}
	return -1
}

// errNoComparison is returned by every writer for a case without one.
var errNoComparison = fmt.Errorf("export: the case has no comparison")

// view is what every writer needs from a case, worked out once.
type view struct {
	c       Case
	cmp     *framing.Comparison
	opts    Options
	outlets []Outlet // one per report, with fallbacks filled in
	// noteRow is the row of each note of c.Notes, or -1.
	noteRow []int
	// rowNotes lists, per row, the indices of its notes.
	rowNotes [][]int
}

func newView(c Case, opts Options) (*view, error) {
	if c.Comparison == nil {
		return nil, errNoComparison
	}
	v := &view{c: c, cmp: c.Comparison, opts: opts}
	for i, r := range v.cmp.Reports {
		var o Outlet
		if i < len(c.Outlets) {
			o = c.Outlets[i]
		}
		o.Name = oneLine(o.Name)
		if o.Name == "" {
			o.Name = oneLine(r.Name)
		}
		if o.Name == "" {
			o.Name = fmt.Sprintf("Report %d", i+1)
		}
		o.Title = oneLine(o.Title)
		if o.Title == "" {
			o.Title = oneLine(r.Title)
		}
		o.Date = oneLine(o.Date)
		o.URL = strings.TrimSpace(o.URL)
		v.outlets = append(v.outlets, o)
	}
	v.rowNotes = make([][]int, len(v.cmp.Rows))
	for i, n := range c.Notes {
		row := n.Row
		if row < 0 && n.Report >= 0 {
			row = RowOf(v.cmp, n.Report, n.Start)
		}
		if row >= len(v.cmp.Rows) {
			row = -1
		}
		v.noteRow = append(v.noteRow, row)
		if row >= 0 {
			v.rowNotes[row] = append(v.rowNotes[row], i)
		}
	}
	return v, nil
}

// title is the case title, or one made up from the number of reports.
func (v *view) title() string {
	if t := oneLine(v.c.Name); t != "" {
		return t
	}
	return fmt.Sprintf("Comparison of %d reports", len(v.cmp.Reports))
}

// outletName is the name of report i, or a placeholder when i is not a
// report of the comparison.
func (v *view) outletName(i int) string {
	if i >= 0 && i < len(v.outlets) {
		return v.outlets[i].Name
	}
	return "unknown report"
}

// shown reports whether a row is part of the export.
func (v *view) shown(row int) bool {
	return !v.opts.FramingOnly || v.cmp.RowFraming(row)
}

// cellText is the text report gives in row: its sentences joined by a
// space, or "" when it left the row's fact out.
func (v *view) cellText(row, report int) string {
	cells := v.cmp.Rows[row].Cells
	if report >= len(cells) {
		return ""
	}
	var parts []string
	for _, i := range cells[report] {
		if i >= 0 && i < len(v.cmp.Reports[report].Sentences) {
			parts = append(parts, v.cmp.Reports[report].Sentences[i].Text)
		}
	}
	return strings.Join(parts, " ")
}

// reported reports whether report has a sentence in row.
func (v *view) reported(row, report int) bool {
	cells := v.cmp.Rows[row].Cells
	return report < len(cells) && len(cells[report]) > 0
}

// coverage is what one report did with one row's fact.
type coverage int

const (
	coverSame    coverage = iota // reported, worded the same or neutrally
	coverFraming                 // reported, with a framing difference
	coverMissing                 // not reported
)

// coverageOf says how report covered row: the report carries a span of a
// framing difference of the row, or it does not, or it left the row out.
func (v *view) coverageOf(row, report int) coverage {
	if !v.reported(row, report) {
		return coverMissing
	}
	for _, d := range v.cmp.RowDifferences(row) {
		if !d.Framing {
			continue
		}
		for _, sp := range d.Spans {
			if sp.Report == report {
				return coverFraming
			}
		}
	}
	return coverSame
}

// stats are the headline numbers of a case.
type stats struct {
	Rows, Framing, Omitted, Notes int
}

func (v *view) stats() stats {
	s := stats{Rows: len(v.cmp.Rows), Notes: len(v.c.Notes)}
	for ri := range v.cmp.Rows {
		if v.cmp.RowFraming(ri) {
			s.Framing++
		}
		if len(v.cmp.RowMissing(ri)) > 0 {
			s.Omitted++
		}
	}
	return s
}

// kindInfo describes a kind of difference for legends.
type kindInfo struct {
	Kind framing.Kind
	Name string
	Desc string
}

// kinds are the kinds of difference in the order legends show them.
var kinds = []kindInfo{
	{framing.KindLexicon, "Lexicon term", "a contested referent named with different terms"},
	{framing.KindModifier, "Modifier", "a loaded word such as “so-called” in one report only"},
	{framing.KindNumber, "Number", "a different figure for the same quantity"},
	{framing.KindAttribution, "Attribution", "a different verb of saying (said / claimed)"},
	{framing.KindSubstitution, "Substitution", "other words swapped"},
	{framing.KindQuotation, "Quotation", "a direct quotation in one report only"},
	{framing.KindRewording, "Rewording", "wording that differs without framing, shown faint (spelling, number format, neutral synonyms)"},
}

// knownKind reports whether k is one of the kinds the engine reports.
func knownKind(k framing.Kind) bool {
	for _, ki := range kinds {
		if ki.Kind == k {
			return true
		}
	}
	return false
}

// shownDifference reports whether a difference is listed under its row
// and marked strongly in the text: framing differences are, the others
// (rewording, neutral substitutions) are only shown faintly, as in the
// workbench.
func shownDifference(d framing.Difference) bool {
	return d.Framing
}

// side is one report's words in a difference.
type side struct {
	Outlet string
	Text   string // "" when the report has nothing there
	report int
}

// groupedSides is sides with the outlets that use the same words merged
// into one side, in order of first appearance.
func (v *view) groupedSides(d framing.Difference) []side {
	var out []side
	at := map[string]int{}
	for _, s := range v.sides(d) {
		key := strings.ToLower(s.Text)
		if i, ok := at[key]; ok {
			out[i].Outlet += ", " + s.Outlet
			continue
		}
		at[key] = len(out)
		out = append(out, s)
	}
	return out
}

func (v *view) sides(d framing.Difference) []side {
	out := make([]side, 0, len(d.Spans))
	for _, sp := range d.Spans {
		out = append(out, side{Outlet: v.outletName(sp.Report), Text: oneLine(sp.Text), report: sp.Report})
	}
	return out
}

// noteKindLabel names a kind of note for people.
func noteKindLabel(kind string) string {
	switch kind {
	case NoteRow:
		return "Row note"
	case NoteSentence:
		return "Sentence note"
	case NoteTerm:
		return "Term note"
	}
	if kind == "" {
		return "Note"
	}
	return "Note (" + oneLine(kind) + ")"
}

// noteOutlet is the outlet a note is anchored in, or "".
func (v *view) noteOutlet(n Note) string {
	if n.Report >= 0 && n.Report < len(v.outlets) {
		return v.outlets[n.Report].Name
	}
	return ""
}

// oneLine folds runs of white space, line breaks included, into one space.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// cleanTags trims the tags and drops empty ones.
func cleanTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		if t = oneLine(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// noteTime formats a note's time for people, or "" for the zero time.
func noteTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04")
}

// generatedTime formats the time of an export for people.
func generatedTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02 15:04 MST")
}

// plural writes n and a noun, with an s unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
