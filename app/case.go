package app

import (
	"fmt"
	"slices"
	"strings"
	"sync/atomic"

	"framelens/framing/ingest"
	"framelens/storage"
)

// ReportEntry is one report of the open case: the parsed document and what
// the analyst records about it. Entries are changed on the UI goroutine
// only.
type ReportEntry struct {
	Doc    *ingest.Document
	Outlet string
	// Date is the publication date, preferably YYYY-MM-DD.
	Date string
	URL  string
	// Title, Author and Language start as the document gives them and
	// may be corrected by the analyst.
	Title    string
	Author   string
	Language string
	// id is the report's id in the library, 0 until it is stored. The
	// library's goroutine sets it; read it with Load.
	id atomic.Int64
}

// newEntry makes a report of doc, its details taken from what the
// document says about itself (see fillFromDoc).
func newEntry(doc *ingest.Document) *ReportEntry {
	e := &ReportEntry{Doc: doc}
	e.fillFromDoc()
	return e
}

// fillFromDoc fills the details of e left empty with what its document
// says about itself (a web page's metadata): the outlet (else the file
// name), the publication date as YYYY-MM-DD, the address (the page's
// canonical address, else the one it was fetched from), the title, the
// author and the language. Details already set are kept.
func (e *ReportEntry) fillFromDoc() {
	doc := e.Doc
	fill := func(field *string, values ...string) {
		for _, v := range values {
			if *field != "" {
				return
			}
			*field = strings.TrimSpace(v)
		}
	}
	fill(&e.Outlet, doc.Outlet, doc.Name)
	if !doc.Published.IsZero() {
		fill(&e.Date, doc.Published.Format("2006-01-02"))
	}
	fill(&e.URL, doc.URL, sourceURL(doc))
	fill(&e.Title, doc.Title)
	fill(&e.Author, doc.Author)
	fill(&e.Language, doc.Language)
}

// label is the name shown for the report: its outlet, else its file name.
func (e *ReportEntry) label() string {
	if e.Outlet != "" {
		return e.Outlet
	}
	return e.Doc.Name
}

// Case is the set of reports the analyst compares, in column order.
type Case struct {
	Name    string
	Reports []*ReportEntry
	// Reference is the report the others are read against in the detail
	// pane; nil means the first report.
	Reference *ReportEntry

	// id is the case's id in the library, 0 until it is stored. The
	// library's goroutine sets it; read it with Load.
	id atomic.Int64
	// notes are the analyst's notes on the case, as the library holds
	// them, in creation order.
	notes []storage.Note
	// corrections are the analyst's alignment corrections, placed in the
	// current texts of the reports.
	corrections []storage.ResolvedCorrection
}

// reference returns the reference report, or nil for an empty case.
func (c *Case) reference() *ReportEntry {
	if c.Reference != nil && slices.Contains(c.Reports, c.Reference) {
		return c.Reference
	}
	if len(c.Reports) > 0 {
		return c.Reports[0]
	}
	return nil
}

// add appends reports to the case.
func (c *Case) add(entries ...*ReportEntry) {
	c.Reports = append(c.Reports, entries...)
}

// remove takes e out of the case.
func (c *Case) remove(e *ReportEntry) {
	c.Reports = slices.DeleteFunc(c.Reports, func(x *ReportEntry) bool { return x == e })
	if c.Reference == e {
		c.Reference = nil
	}
}

// move shifts e by delta places (-1 left, +1 right) in column order.
func (c *Case) move(e *ReportEntry, delta int) error {
	i := slices.Index(c.Reports, e)
	if i < 0 {
		return fmt.Errorf("moving %s: not in the case", e.label())
	}
	j := i + delta
	if j < 0 || j >= len(c.Reports) {
		return nil
	}
	c.Reports[i], c.Reports[j] = c.Reports[j], c.Reports[i]
	return nil
}

// entryByID returns the report whose library id is id, or nil.
func (c *Case) entryByID(id int64) *ReportEntry {
	if id == 0 {
		return nil
	}
	for _, e := range c.Reports {
		if e.id.Load() == id {
			return e
		}
	}
	return nil
}

// docs lists the documents in column order.
func (c *Case) docs() []*ingest.Document {
	out := make([]*ingest.Document, len(c.Reports))
	for i, e := range c.Reports {
		out[i] = e.Doc
	}
	return out
}
