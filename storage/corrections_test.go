package storage

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestCorrections(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	const (
		wireSentence    = "Police said 40 people were arrested after the march."
		tabloidSentence = "Cops said 40 thugs were arrested after the riot."
		aid             = "Aid groups warned that thousands of families were stranded on both sides of the crossing."
	)
	link, err := l.AddCorrection(Correction{Kind: Link, A: ref(t, tc.Wire, wireSentence), B: ref(t, tc.Tabloid, tabloidSentence)})
	if err != nil {
		t.Fatal(err)
	}
	if link.ID == 0 || link.CaseID != tc.Case.ID || link.A.Anchor.Exact != wireSentence || link.B.Anchor.Exact != tabloidSentence ||
		link.A.Anchor.Prefix == "" || link.Created.IsZero() {
		t.Errorf("AddCorrection returned %+v", link)
	}
	unlink, err := l.AddCorrection(Correction{Kind: Unlink, A: ref(t, tc.Wire, aid)})
	if err != nil {
		t.Fatal(err)
	}
	place := func(r Report, index int, quote string) Placement {
		s, e := span(t, r.Content, quote)
		return Placement{Found: true, Report: index, ReportID: r.ID, Start: s, End: e}
	}
	want := []ResolvedCorrection{
		{Correction: link, A: place(tc.Wire, 0, wireSentence), B: place(tc.Tabloid, 1, tabloidSentence), Resolved: true},
		{Correction: unlink, A: place(tc.Wire, 0, aid), Resolved: true},
	}
	got, err := l.Corrections(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Corrections = %+v\nwant %+v", got, want)
	}

	// Report indices follow the order of the reports.
	if err := l.MoveReport(tc.Tabloid.ID, 0); err != nil {
		t.Fatal(err)
	}
	got, err = l.Corrections(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].A.Report != 1 || got[0].B.Report != 0 || got[1].A.Report != 1 {
		t.Errorf("after moving the tabloid first: %+v", got)
	}

	if err := l.DeleteCorrection(link.ID); err != nil {
		t.Fatal(err)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Corrections) != 1 || d.Corrections[0].Correction.ID != unlink.ID {
		t.Errorf("corrections after delete: %+v", d.Corrections)
	}
	if err := l.DeleteCorrection(link.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
}

func TestAddCorrectionErrors(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	other := newTestCase(t, l, "Other")
	a := ref(t, tc.Wire, "Police said 40 people")
	b := ref(t, tc.Tabloid, "Cops said 40 thugs")
	empty := a
	empty.Anchor.End = empty.Anchor.Start
	tests := []struct {
		name string
		c    Correction
		want string
	}{
		{"unknown kind", Correction{Kind: "merge", A: a, B: b}, `"merge"`},
		{"link without second sentence", Correction{Kind: Link, A: a}, "another report"},
		{"link within one report", Correction{Kind: Link, A: a, B: ref(t, tc.Wire, "Aid groups")}, "same report"},
		{"unlink with two sentences", Correction{Kind: Unlink, A: a, B: b}, "one sentence"},
		{"sentences of two cases", Correction{Kind: Link, A: a, B: ref(t, other.Tabloid, "Cops said")}, "belongs to case"},
		{"missing report", Correction{Kind: Unlink, A: SentenceRef{ReportID: 777}}, "report 777"},
		{"no report", Correction{Kind: Unlink}, "names no report"},
		{"empty sentence", Correction{Kind: Unlink, A: empty}, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := l.AddCorrection(tt.c); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("AddCorrection: %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
	for _, c := range []testCase{tc, other} {
		got, err := l.Corrections(c.Case.ID)
		if err != nil || len(got) != 0 {
			t.Errorf("refused corrections were stored: %+v (%v)", got, err)
		}
	}
}
