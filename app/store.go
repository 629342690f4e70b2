package app

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"framelens/framing/ingest"
)

// Store keeps the analyst's case from one run to the next. The window works
// without one (nothing is kept after it closes); the local library
// implements it and is passed in Options. The window calls a Store off the
// UI goroutine only.
type Store interface {
	// LastCase returns the case that was open when the window last
	// closed, or nil when there is none.
	LastCase(ctx context.Context) (*CaseSnapshot, error)
	// SaveCase records the case as it now stands.
	SaveCase(ctx context.Context, c *CaseSnapshot) error
}

// CaseSnapshot is a case as plain data: what a Store keeps.
type CaseSnapshot struct {
	Name string
	// Reference is the index in Reports of the reference report, or -1.
	Reference int
	Reports   []ReportSnapshot
}

// ReportSnapshot is one report of a CaseSnapshot: its original bytes and
// the analyst's record of it.
type ReportSnapshot struct {
	Name   string
	Path   string
	Format ingest.Format
	// Charset and FetchedFrom let the bytes be read again exactly as they
	// were (see ingest.ParseWith).
	Charset     string
	FetchedFrom string
	Raw         []byte
	Outlet      string
	Date        string
	URL         string
}

// snapshot copies c into plain data. The bytes of the documents are
// shared, not copied: they are never changed.
func snapshot(c *Case) *CaseSnapshot {
	s := &CaseSnapshot{Name: c.Name, Reference: slices.Index(c.Reports, c.Reference)}
	for _, e := range c.Reports {
		r := ReportSnapshot{
			Name: e.Doc.Name, Path: e.Doc.Path, Format: e.Doc.Format, Charset: e.Doc.Charset, Raw: e.Doc.Raw,
			Outlet: e.Outlet, Date: e.Date, URL: e.URL,
		}
		if e.Doc.Fetched != nil {
			r.FetchedFrom = e.Doc.Fetched.FinalURL
		}
		s.Reports = append(s.Reports, r)
	}
	return s
}

// restore parses the reports of s back into a Case. Reports that no longer
// parse are left out with an error each.
func restore(s *CaseSnapshot) (*Case, error) {
	c := &Case{Name: s.Name}
	var errs []error
	for i, r := range s.Reports {
		doc, err := ingest.ParseWith(r.Name, r.Raw, r.Format, ingest.ParseOptions{Charset: r.Charset, URL: r.FetchedFrom})
		if err != nil {
			errs = append(errs, fmt.Errorf("restoring report %q: %w", r.Name, err))
			continue
		}
		doc.Path = r.Path
		e := &ReportEntry{Doc: doc, Outlet: r.Outlet, Date: r.Date, URL: r.URL}
		c.add(e)
		if i == s.Reference {
			c.Reference = e
		}
	}
	return c, errors.Join(errs...)
}
