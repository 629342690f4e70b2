package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"

	"framelens/framing/ingest"
)

// manifestName is the file in a case folder that names the case and
// describes its reports.
const manifestName = "case.json"

// caseManifest is the content of a case.json file.
type caseManifest struct {
	Name string `json:"name"`
	// Note describes the case; it is shown nowhere yet but kept with it.
	Note string `json:"note,omitempty"`
	// Reference is the index in Reports of the reference report.
	Reference *int             `json:"reference,omitempty"`
	Reports   []manifestReport `json:"reports"`
}

// manifestReport describes one report file of a case folder.
type manifestReport struct {
	File   string `json:"file"`
	Outlet string `json:"outlet"`
	Date   string `json:"date,omitempty"`
	URL    string `json:"url,omitempty"`
}

// reportExtensions are the file name extensions read as reports when a
// folder is opened.
var reportExtensions = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".html": true, ".htm": true}

// isReportFile reports whether name has the extension of a report file.
func isReportFile(name string) bool {
	return reportExtensions[strings.ToLower(path.Ext(name))]
}

// loadCaseFS reads the case stored in fsys: the reports listed by its
// case.json, or, without one, every report file at its top level, named
// after defaultName. Reports that cannot be read are left out, each with an
// error that names the file; the others still load.
func loadCaseFS(fsys fs.FS, defaultName string) (*Case, []error) {
	var problems []error
	raw, err := fs.ReadFile(fsys, manifestName)
	switch {
	case err == nil:
		var m caseManifest
		if err := json.Unmarshal(raw, &m); err != nil {
			problems = append(problems, &ingest.Problem{Path: manifestName, Msg: fmt.Sprintf("is not valid case JSON (%v); the report files were read without it", err)})
			break
		}
		c, errs := loadManifest(fsys, m, defaultName)
		return c, append(problems, errs...)
	case !errors.Is(err, fs.ErrNotExist):
		problems = append(problems, &ingest.Problem{Path: manifestName, Msg: fmt.Sprintf("cannot be read (%v); the report files were read without it", err)})
	}
	names, err := reportFiles(fsys)
	if err != nil {
		return &Case{Name: defaultName}, append(problems, fmt.Errorf("listing the reports of %s: %w", defaultName, err))
	}
	c := &Case{Name: defaultName}
	for _, name := range names {
		doc, err := readReportFS(fsys, name)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		c.add(newEntry(doc))
	}
	return c, problems
}

func loadManifest(fsys fs.FS, m caseManifest, defaultName string) (*Case, []error) {
	c := &Case{Name: m.Name}
	if c.Name == "" {
		c.Name = defaultName
	}
	var problems []error
	for i, r := range m.Reports {
		doc, err := readReportFS(fsys, r.File)
		if err != nil {
			problems = append(problems, err)
			continue
		}
		e := &ReportEntry{Doc: doc, Outlet: r.Outlet, Date: r.Date, URL: r.URL}
		e.fillFromDoc()
		c.add(e)
		if m.Reference != nil && *m.Reference == i {
			c.Reference = e
		}
	}
	return c, problems
}

// reportFiles lists the report files at the top of fsys, sorted by name.
func reportFiles(fsys fs.FS) ([]string, error) {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return nil, fmt.Errorf("reading folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.Type().IsRegular() && isReportFile(e.Name()) {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// readReportFS reads and parses one report of fsys. Refused input is an
// *ingest.Problem naming the file.
func readReportFS(fsys fs.FS, name string) (*ingest.Document, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, &ingest.Problem{Path: name, Msg: "is listed in case.json but missing; check the file name"}
		}
		return nil, &ingest.Problem{Path: name, Msg: fmt.Sprintf("cannot be read: %v", err)}
	}
	if fi.Size() > ingest.MaxSize {
		return nil, &ingest.Problem{Path: name, Msg: fmt.Sprintf("is %d bytes, over the %d byte limit; give the article alone", fi.Size(), ingest.MaxSize)}
	}
	raw, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, &ingest.Problem{Path: name, Msg: fmt.Sprintf("cannot be read: %v", err)}
	}
	doc, err := ingest.Parse(strings.TrimSuffix(path.Base(name), path.Ext(name)), raw, ingest.FormatFor(name))
	if err != nil {
		var p *ingest.Problem
		if errors.As(err, &p) {
			p.Path = name
			return nil, p
		}
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	doc.Path = name
	return doc, nil
}
