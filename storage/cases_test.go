package storage

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"framelens/storage/anchor"
)

// caseShape is a loaded case with ids replaced by positions, so that a copy
// of a case (duplicated, or exported and imported) compares equal to it.
type caseShape struct {
	Name, Description string
	Reports           []Report
	Notes             []noteShape
	Corrections       []correctionShape
}

type noteShape struct {
	Kind     NoteKind
	Report   int // index, -1 for none
	Anchor   anchor.Selector
	Detached bool
	Text     string
	Tags     []string
	Created  time.Time
	Updated  time.Time
}

type correctionShape struct {
	Kind     CorrectionKind
	A, B     anchor.Selector
	AReport  int
	BReport  int
	Resolved bool
	APlace   Placement
	BPlace   Placement
	Created  time.Time
}

func shapeOf(t *testing.T, l *Library, id int64) caseShape {
	t.Helper()
	d, err := l.LoadCase(id)
	if err != nil {
		t.Fatalf("LoadCase(%d): %v", id, err)
	}
	index := map[int64]int{}
	s := caseShape{Name: d.Case.Name, Description: d.Case.Description}
	for i, r := range d.Reports {
		index[r.ID] = i
		r.ID, r.CaseID = 0, 0
		s.Reports = append(s.Reports, r)
	}
	reportIndex := func(id int64) int {
		if i, ok := index[id]; ok {
			return i
		}
		return -1
	}
	for _, n := range d.Notes {
		s.Notes = append(s.Notes, noteShape{Kind: n.Kind, Report: reportIndex(n.ReportID), Anchor: n.Anchor, Detached: n.Detached,
			Text: n.Text, Tags: n.Tags, Created: n.Created, Updated: n.Updated})
	}
	for _, rc := range d.Corrections {
		c := rc.Correction
		a, b := rc.A, rc.B
		a.ReportID, b.ReportID = 0, 0
		s.Corrections = append(s.Corrections, correctionShape{Kind: c.Kind, A: c.A.Anchor, B: c.B.Anchor,
			AReport: reportIndex(c.A.ReportID), BReport: reportIndex(c.B.ReportID), Resolved: rc.Resolved,
			APlace: a, BPlace: b, Created: c.Created})
	}
	return s
}

// richCase makes a case with notes of every kind, tags, a detached note and
// corrections.
func richCase(t *testing.T, l *Library, name string) testCase {
	t.Helper()
	tc := newTestCase(t, l, name)
	third, err := l.AddReport(tc.Case.ID, Report{FileName: "latin1.html", Outlet: "Agence", Author: "Zoé Lefèvre, Marc Dupré", Language: "fr",
		Format: "html", Charset: "windows-1252", SourceURL: "https://agence.example/frontiere?id=7",
		Content: []byte("Le ministre a d\xe9clar\xe9 lundi que la fronti\xe8re resterait ferm\xe9e.\n")})
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, "Police said 40 people were arrested after the march.",
		"Figures agree, wording does not.", "crime and punishment", "Casualty figures"))
	mustSave(t, l, sentenceNote(t, tc.Tabloid, NoteTerm, "thugs", "Loaded term 😠", "needs follow-up"))
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Protesters gathered outside parliament in the afternoon.", "Neutral."))
	mustSave(t, l, sentenceNote(t, third, NoteTerm, "fronti\xe8re", "Latin-1 quote", "legality"))
	mustSave(t, l, sentenceNote(t, third, NoteSentence, "Le ministre", "Sentence of the Latin-1 report"))
	if _, err := l.AddCorrection(Correction{Kind: Link,
		A: ref(t, tc.Wire, "Police said 40 people were arrested after the march."),
		B: ref(t, tc.Tabloid, "Cops said 40 thugs were arrested after the riot.")}); err != nil {
		t.Fatal(err)
	}
	if _, err := l.AddCorrection(Correction{Kind: Unlink,
		A: ref(t, tc.Wire, "Aid groups warned that thousands of families were stranded on both sides of the crossing.")}); err != nil {
		t.Fatal(err)
	}
	// Removing a report leaves its notes detached.
	fourth, err := l.AddReport(tc.Case.ID, Report{FileName: "gone.txt", Content: []byte("A report that will be removed. It has one note.")})
	if err != nil {
		t.Fatal(err)
	}
	mustSave(t, l, sentenceNote(t, fourth, NoteSentence, "It has one note.", "Its report is gone", "other"))
	if err := l.RemoveReport(fourth.ID); err != nil {
		t.Fatal(err)
	}
	return tc
}

func TestCaseLifecycle(t *testing.T) {
	l := openTemp(t)
	first, err := l.CreateCase("  Border closure ", "Northern crossing")
	if err != nil {
		t.Fatal(err)
	}
	if first.Name != "Border closure" || first.Description != "Northern crossing" || first.ID == 0 || !first.Created.Equal(first.Updated) {
		t.Errorf("CreateCase returned %+v", first)
	}
	second, err := l.CreateCase("Election night", "")
	if err != nil {
		t.Fatal(err)
	}
	names := func() []string {
		cases, err := l.Cases()
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, c := range cases {
			out = append(out, c.Name)
		}
		return out
	}
	if got := names(); !reflect.DeepEqual(got, []string{"Election night", "Border closure"}) {
		t.Errorf("Cases = %q, want the newest first", got)
	}
	if err := l.RenameCase(first.ID, "Border closure (March)"); err != nil {
		t.Fatal(err)
	}
	if err := l.SetCaseDescription(first.ID, "Updated description"); err != nil {
		t.Fatal(err)
	}
	if got := names(); !reflect.DeepEqual(got, []string{"Border closure (March)", "Election night"}) {
		t.Errorf("Cases = %q, want the renamed case first", got)
	}
	c, err := l.Case(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "Border closure (March)" || c.Description != "Updated description" || !c.Created.Equal(first.Created) || !c.Updated.After(first.Updated) {
		t.Errorf("Case after rename = %+v, created before %v", c, first.Created)
	}
	if err := l.DeleteCase(second.ID); err != nil {
		t.Fatal(err)
	}
	if got := names(); !reflect.DeepEqual(got, []string{"Border closure (March)"}) {
		t.Errorf("Cases after delete = %q", got)
	}
	for name, err := range map[string]error{
		"Case":         func() error { _, err := l.Case(second.ID); return err }(),
		"LoadCase":     func() error { _, err := l.LoadCase(second.ID); return err }(),
		"RenameCase":   l.RenameCase(second.ID, "x"),
		"DeleteCase":   l.DeleteCase(second.ID),
		"Notes":        func() error { _, err := l.Notes(second.ID, NoteFilter{}); return err }(),
		"AddReport":    func() error { _, err := l.AddReport(second.ID, Report{Content: []byte("x")}); return err }(),
		"Duplicate":    func() error { _, err := l.DuplicateCase(second.ID, "copy"); return err }(),
		"ExportCase":   l.ExportCase(second.ID, &strings.Builder{}),
		"Corrections":  func() error { _, err := l.Corrections(second.ID); return err }(),
		"Description":  l.SetCaseDescription(second.ID, "x"),
		"DetachedNote": func() error { _, err := l.DetachedNotes(second.ID); return err }(),
	} {
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s on a deleted case: %v, want ErrNotFound", name, err)
		}
	}
}

func TestCaseNameValidation(t *testing.T) {
	l := openTemp(t)
	existing, err := l.CreateCase("Existing", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"", "   ", "\t\n"} {
		calls := map[string]error{
			"CreateCase":    func() error { _, err := l.CreateCase(name, ""); return err }(),
			"RenameCase":    l.RenameCase(existing.ID, name),
			"DuplicateCase": func() error { _, err := l.DuplicateCase(existing.ID, name); return err }(),
		}
		for call, err := range calls {
			if err == nil || !strings.Contains(err.Error(), "name is empty") {
				t.Errorf("%s(%q) = %v, want an error saying the name is empty", call, name, err)
			}
		}
	}
	cases, err := l.Cases()
	if err != nil || len(cases) != 1 || cases[0].Name != "Existing" {
		t.Errorf("cases after refused calls: %+v (%v)", cases, err)
	}
}

func TestDuplicateCase(t *testing.T) {
	l := openTemp(t)
	tc := richCase(t, l, "Original")
	dup, err := l.DuplicateCase(tc.Case.ID, "Copy")
	if err != nil {
		t.Fatal(err)
	}
	if dup.ID == tc.Case.ID || dup.Name != "Copy" {
		t.Fatalf("DuplicateCase returned %+v", dup)
	}
	orig, copied := shapeOf(t, l, tc.Case.ID), shapeOf(t, l, dup.ID)
	if copied.Name != "Copy" {
		t.Errorf("copy is called %q", copied.Name)
	}
	copied.Name = orig.Name
	if !reflect.DeepEqual(orig, copied) {
		t.Errorf("the copy differs from the original:\norig %+v\ncopy %+v", orig, copied)
	}
	if len(orig.Notes) != 6 || len(orig.Corrections) != 2 {
		t.Fatalf("original has %d notes and %d corrections, want 6 and 2", len(orig.Notes), len(orig.Corrections))
	}

	// The copy is independent of the original.
	d, err := l.LoadCase(dup.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := d.Notes[0]
	n.Text = "changed in the copy"
	mustSave(t, l, n)
	if err := l.RemoveReport(d.Reports[0].ID); err != nil {
		t.Fatal(err)
	}
	if again := shapeOf(t, l, tc.Case.ID); !reflect.DeepEqual(orig, again) {
		t.Errorf("changing the copy changed the original")
	}
}

func TestDeleteCaseRemovesContents(t *testing.T) {
	l := openTemp(t)
	keep := richCase(t, l, "Keep")
	gone := richCase(t, l, "Gone")
	before := shapeOf(t, l, keep.Case.ID)
	if err := l.DeleteCase(gone.Case.ID); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, q := range []string{
		"SELECT count(*) FROM reports WHERE case_id = ?",
		"SELECT count(*) FROM notes WHERE case_id = ?",
		"SELECT count(*) FROM corrections WHERE case_id = ?",
	} {
		var n int
		if err := l.db.QueryRowContext(ctx, q, gone.Case.ID).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 0 {
			t.Errorf("%s: %d rows left", q, n)
		}
	}
	var orphans int
	if err := l.db.QueryRowContext(ctx, "SELECT count(*) FROM note_tags WHERE note_id NOT IN (SELECT id FROM notes)").Scan(&orphans); err != nil {
		t.Fatal(err)
	}
	if orphans != 0 {
		t.Errorf("%d note tags left without their note", orphans)
	}
	if after := shapeOf(t, l, keep.Case.ID); !reflect.DeepEqual(before, after) {
		t.Errorf("deleting one case changed another")
	}
	integrity(t, l.Path())
}
