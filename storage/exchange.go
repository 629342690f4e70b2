package storage

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"time"
	"unicode/utf8"

	"framelens/storage/anchor"
)

// CaseFileFormat is the value of the "format" field of a case file written
// by ExportCase.
const CaseFileFormat = "framelens-case"

// CaseFileVersion is the version of the case file format ExportCase writes
// and the newest ImportCase reads. Version 2 added the format, charset,
// source_url and author of each report; in a version 1 file they are
// missing and read as empty (format from the file name, character set from
// the bytes, no author).
const CaseFileVersion = 2

// jsonText is text that may not be valid UTF-8 (report bytes and quotes
// from them). It is written as a JSON string when it is valid UTF-8 and as
// {"base64": "..."} otherwise, so that every byte survives.
type jsonText string

type base64Text struct {
	Base64 string `json:"base64"`
}

// MarshalJSON implements json.Marshaler.
func (t jsonText) MarshalJSON() ([]byte, error) {
	if utf8.ValidString(string(t)) {
		return json.Marshal(string(t))
	}
	return json.Marshal(base64Text{Base64: base64.StdEncoding.EncodeToString([]byte(t))})
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *jsonText) UnmarshalJSON(data []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("{")) {
		var b base64Text
		if err := json.Unmarshal(data, &b); err != nil {
			return err
		}
		raw, err := base64.StdEncoding.DecodeString(b.Base64)
		if err != nil {
			return fmt.Errorf("text in base64: %w", err)
		}
		*t = jsonText(raw)
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	*t = jsonText(s)
	return nil
}

// caseFile is the JSON document ExportCase writes. Reports are referred to
// by their index in Reports.
type caseFile struct {
	Format      string           `json:"format"`
	Version     int              `json:"version"`
	Exported    time.Time        `json:"exported"`
	Case        caseFileCase     `json:"case"`
	Reports     []caseFileReport `json:"reports"`
	Notes       []caseFileNote   `json:"notes"`
	Corrections []caseFileFix    `json:"corrections"`
}

type caseFileCase struct {
	Name        jsonText  `json:"name"`
	Description jsonText  `json:"description"`
	Created     time.Time `json:"created"`
	Updated     time.Time `json:"updated"`
}

type caseFileReport struct {
	FileName  jsonText `json:"file_name"`
	Outlet    jsonText `json:"outlet"`
	Title     jsonText `json:"title"`
	Author    jsonText `json:"author"`
	Published jsonText `json:"published"`
	URL       jsonText `json:"url"`
	Language  jsonText `json:"language"`
	Reference bool     `json:"reference"`
	// Format, Charset and SourceURL say how Content is read; they and
	// Author came with version 2.
	Format    jsonText `json:"format"`
	Charset   jsonText `json:"charset"`
	SourceURL jsonText `json:"source_url"`
	SHA256    string   `json:"sha256"`
	// Content is the original bytes, in base64.
	Content []byte    `json:"content"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

type caseFileSelector struct {
	Exact  jsonText `json:"exact"`
	Prefix jsonText `json:"prefix"`
	Suffix jsonText `json:"suffix"`
	Start  int      `json:"start"`
	End    int      `json:"end"`
}

type caseFileNote struct {
	Kind NoteKind `json:"kind"`
	// Report is an index into the reports, or null when the note's report
	// was removed.
	Report   *int             `json:"report"`
	Anchor   caseFileSelector `json:"anchor"`
	Detached bool             `json:"detached"`
	Text     jsonText         `json:"text"`
	Tags     []string         `json:"tags"`
	Created  time.Time        `json:"created"`
	Updated  time.Time        `json:"updated"`
}

type caseFileSentence struct {
	Report int              `json:"report"`
	Anchor caseFileSelector `json:"anchor"`
}

type caseFileFix struct {
	Kind    CorrectionKind    `json:"kind"`
	A       caseFileSentence  `json:"a"`
	B       *caseFileSentence `json:"b,omitempty"`
	Created time.Time         `json:"created"`
}

func toFileSelector(s anchor.Selector) caseFileSelector {
	return caseFileSelector{Exact: jsonText(s.Exact), Prefix: jsonText(s.Prefix), Suffix: jsonText(s.Suffix), Start: s.Start, End: s.End}
}

func (s caseFileSelector) selector() anchor.Selector {
	return anchor.Selector{Exact: string(s.Exact), Prefix: string(s.Prefix), Suffix: string(s.Suffix), Start: s.Start, End: s.End}
}

// ExportCase writes a case with its reports (original bytes), notes and
// corrections to w as one JSON document that ImportCase reads back.
func (l *Library) ExportCase(id int64, w io.Writer) error {
	var doc *caseFile
	err := l.read("export case", func(tx *sql.Tx) error {
		var err error
		doc, err = exportDocument(context.Background(), tx, id)
		return err
	})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export case %d: write the case file: %w", id, err)
	}
	return nil
}

// exportDocument reads a case into a case file document.
func exportDocument(ctx context.Context, tx *sql.Tx, id int64) (*caseFile, error) {
	c, err := getCase(ctx, tx, id)
	if err != nil {
		return nil, fmt.Errorf("export case: %w", err)
	}
	reports, err := caseReports(ctx, tx, id, true)
	if err != nil {
		return nil, err
	}
	notes, err := caseNotes(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	fixes, err := caseCorrections(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	doc := &caseFile{
		Format:   CaseFileFormat,
		Version:  CaseFileVersion,
		Exported: time.Now().UTC(),
		Case: caseFileCase{Name: jsonText(c.Name), Description: jsonText(c.Description),
			Created: c.Created, Updated: c.Updated},
		Reports:     []caseFileReport{},
		Notes:       []caseFileNote{},
		Corrections: []caseFileFix{},
	}
	index := map[int64]int{}
	for i, r := range reports {
		index[r.ID] = i
		doc.Reports = append(doc.Reports, caseFileReport{
			FileName: jsonText(r.FileName), Outlet: jsonText(r.Outlet), Title: jsonText(r.Title),
			Author: jsonText(r.Author), Published: jsonText(r.Published), URL: jsonText(r.URL), Language: jsonText(r.Language),
			Reference: r.Reference, Format: jsonText(r.Format), Charset: jsonText(r.Charset), SourceURL: jsonText(r.SourceURL),
			SHA256: r.SHA256, Content: r.Content, Created: r.Created, Updated: r.Updated,
		})
	}
	for _, n := range notes {
		fn := caseFileNote{Kind: n.Kind, Anchor: toFileSelector(n.Anchor), Detached: n.Detached,
			Text: jsonText(n.Text), Tags: n.Tags, Created: n.Created, Updated: n.Updated}
		if i, ok := index[n.ReportID]; ok {
			fn.Report = &i
		}
		if fn.Tags == nil {
			fn.Tags = []string{}
		}
		doc.Notes = append(doc.Notes, fn)
	}
	for _, c := range fixes {
		f := caseFileFix{Kind: c.Kind, A: caseFileSentence{Report: index[c.A.ReportID], Anchor: toFileSelector(c.A.Anchor)},
			Created: c.Created}
		if c.Kind == Link {
			f.B = &caseFileSentence{Report: index[c.B.ReportID], Anchor: toFileSelector(c.B.Anchor)}
		}
		doc.Corrections = append(doc.Corrections, f)
	}
	return doc, nil
}

// ImportCase reads a case file written by ExportCase and adds it to the
// library as a new case, returning the new case's id. Nothing is added if
// the file is invalid.
func (l *Library) ImportCase(r io.Reader) (int64, error) {
	var doc caseFile
	dec := json.NewDecoder(r)
	if err := dec.Decode(&doc); err != nil {
		return 0, fmt.Errorf("import case: the file is not a Framelens case file (%v); choose a file made with Export case", err)
	}
	if err := doc.validate(); err != nil {
		return 0, fmt.Errorf("import case: %w", err)
	}
	var id int64
	err := l.write("import case", func(tx *sql.Tx) error {
		var err error
		id, err = insertDocument(context.Background(), tx, &doc)
		return err
	})
	return id, err
}

// validate checks a case file read from disk, naming the field at fault.
func (doc *caseFile) validate() error {
	if doc.Format != CaseFileFormat {
		return fmt.Errorf("the file is not a Framelens case file (its \"format\" is %q, expected %q); choose a file made with Export case",
			doc.Format, CaseFileFormat)
	}
	if doc.Version > CaseFileVersion {
		return fmt.Errorf("the case file is version %d, written by a newer Framelens; this one reads up to version %d: update Framelens",
			doc.Version, CaseFileVersion)
	}
	if doc.Version < 1 {
		return fmt.Errorf("the case file has an invalid \"version\" %d; the file is damaged", doc.Version)
	}
	if _, err := caseName(string(doc.Case.Name)); err != nil {
		return fmt.Errorf("field case.name: %w", err)
	}
	refs := 0
	for i, r := range doc.Reports {
		label := fmt.Sprintf("reports[%d] (%s)", i, reportLabel(Report{FileName: string(r.FileName), Outlet: string(r.Outlet)}))
		if len(r.Content) == 0 {
			return fmt.Errorf("%s: the content is empty; the file is damaged", label)
		}
		if hashContent(r.Content) != r.SHA256 {
			return fmt.Errorf("%s: the content does not match its sha256 hash; the file is damaged or was edited by hand", label)
		}
		if r.Reference {
			refs++
		}
	}
	if refs > 1 {
		return fmt.Errorf("%d reports are marked as reference, at most one may be; the file is damaged", refs)
	}
	for i, n := range doc.Notes {
		if !n.Kind.valid() {
			return fmt.Errorf("notes[%d]: kind %q is not one of %q, %q, %q", i, n.Kind, NoteRow, NoteSentence, NoteTerm)
		}
		if n.Report != nil && (*n.Report < 0 || *n.Report >= len(doc.Reports)) {
			return fmt.Errorf("notes[%d]: report %d does not exist, the file has %d reports; the file is damaged", i, *n.Report, len(doc.Reports))
		}
		if n.Anchor.Exact == "" {
			return fmt.Errorf("notes[%d]: the anchor quote is empty; the file is damaged", i)
		}
	}
	for i, c := range doc.Corrections {
		sides := []*caseFileSentence{&c.A}
		switch {
		case c.Kind == Link && c.B != nil:
			sides = append(sides, c.B)
		case c.Kind == Unlink && c.B == nil:
		case c.Kind == Link || c.Kind == Unlink:
			return fmt.Errorf("corrections[%d]: a %s has the wrong number of sentences; the file is damaged", i, c.Kind)
		default:
			return fmt.Errorf("corrections[%d]: kind %q is not %q or %q", i, c.Kind, Link, Unlink)
		}
		for _, s := range sides {
			if s.Report < 0 || s.Report >= len(doc.Reports) {
				return fmt.Errorf("corrections[%d]: report %d does not exist, the file has %d reports; the file is damaged", i, s.Report, len(doc.Reports))
			}
			if s.Anchor.Exact == "" {
				return fmt.Errorf("corrections[%d]: the anchor quote is empty; the file is damaged", i)
			}
		}
	}
	return nil
}

// insertDocument adds a validated case file as a new case with new ids and
// returns its id. Anchors are placed in the report texts again, so that a
// hand-edited file cannot point outside them.
func insertDocument(ctx context.Context, tx *sql.Tx, doc *caseFile) (int64, error) {
	name, err := caseName(string(doc.Case.Name))
	if err != nil {
		return 0, err
	}
	c, err := insertCase(ctx, tx, name, string(doc.Case.Description), doc.Case.Created.UnixMicro(), doc.Case.Updated.UnixMicro())
	if err != nil {
		return 0, err
	}
	ids := make([]int64, len(doc.Reports))
	texts := make([]string, len(doc.Reports))
	for i, fr := range doc.Reports {
		r := Report{CaseID: c.ID, Position: i, FileName: string(fr.FileName), Outlet: string(fr.Outlet), Title: string(fr.Title),
			Author: string(fr.Author), Published: string(fr.Published), URL: string(fr.URL), Language: string(fr.Language), Reference: fr.Reference,
			Format: string(fr.Format), Charset: string(fr.Charset), SourceURL: string(fr.SourceURL),
			Content: fr.Content, Created: fr.Created, Updated: fr.Updated}
		if ids[i], err = insertReport(ctx, tx, r); err != nil {
			return 0, err
		}
		texts[i] = string(fr.Content)
	}
	for _, fn := range doc.Notes {
		n := Note{CaseID: c.ID, Kind: fn.Kind, Anchor: fn.Anchor.selector(), Detached: fn.Detached || fn.Report == nil,
			Text: string(fn.Text), Tags: normalizeTags(fn.Tags), Created: fn.Created, Updated: fn.Updated}
		if fn.Report != nil {
			n.ReportID = ids[*fn.Report]
			if !n.Detached {
				sel, ok := place(texts[*fn.Report], n.Anchor)
				n.Anchor, n.Detached = sel, !ok
			}
		}
		if _, err := insertNote(ctx, tx, n, false); err != nil {
			return 0, err
		}
	}
	for _, ff := range doc.Corrections {
		fix := Correction{CaseID: c.ID, Kind: ff.Kind, Created: ff.Created}
		side := func(s caseFileSentence) SentenceRef {
			sel, _ := place(texts[s.Report], s.Anchor.selector())
			return SentenceRef{ReportID: ids[s.Report], Anchor: sel}
		}
		fix.A = side(ff.A)
		if ff.B != nil {
			fix.B = side(*ff.B)
		}
		if _, err := insertCorrection(ctx, tx, fix); err != nil {
			return 0, err
		}
	}
	return c.ID, nil
}
