package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAddReport(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	raw := []byte("Caf\xe9 \x00 bytes \r\n kept as they are.\xff")
	third, err := l.AddReport(tc.Case.ID, Report{FileName: "raw.bin", Outlet: "Raw", Reference: true, Content: raw})
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	if third.SHA256 != hex.EncodeToString(sum[:]) || third.Position != 2 || third.CaseID != tc.Case.ID {
		t.Errorf("AddReport returned %+v", third)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Reports) != 3 {
		t.Fatalf("%d reports, want 3", len(d.Reports))
	}
	if !reflect.DeepEqual(d.Reports[2], third) {
		t.Errorf("loaded %+v\nadded  %+v", d.Reports[2], third)
	}
	if !slices.Equal(d.Reports[2].Content, raw) {
		t.Errorf("content changed: %q", d.Reports[2].Content)
	}
	if !slices.Equal(d.Reports[0].Content, report(t, "wire.txt")) || d.Reports[0].URL != "https://wire.example/border" || d.Reports[0].Language != "en" {
		t.Errorf("first report loaded as %+v", d.Reports[0])
	}
	var refs []string
	for _, r := range d.Reports {
		if r.Reference {
			refs = append(refs, r.FileName)
		}
	}
	if !slices.Equal(refs, []string{"raw.bin"}) {
		t.Errorf("reference reports = %q, want only the last one added as reference", refs)
	}

	if _, err := l.AddReport(tc.Case.ID, Report{FileName: "empty.txt"}); err == nil || !strings.Contains(err.Error(), `"empty.txt"`) {
		t.Errorf("adding an empty report: %v, want an error naming the file", err)
	}
}

func TestMoveReport(t *testing.T) {
	tests := []struct {
		name    string
		move    string
		to      int
		want    []string
		wantErr string
	}{
		{"first to last", "a", 2, []string{"b", "c", "a"}, ""},
		{"last to first", "c", 0, []string{"c", "a", "b"}, ""},
		{"middle stays", "b", 1, []string{"a", "b", "c"}, ""},
		{"middle to first", "b", 0, []string{"b", "a", "c"}, ""},
		{"past the end", "a", 3, nil, "positions 0 to 2"},
		{"negative", "a", -1, nil, "positions 0 to 2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := openTemp(t)
			c, err := l.CreateCase("c", "")
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]int64{}
			for _, name := range []string{"a", "b", "c"} {
				r, err := l.AddReport(c.ID, Report{FileName: name, Content: []byte("text of " + name)})
				if err != nil {
					t.Fatal(err)
				}
				ids[name] = r.ID
			}
			err = l.MoveReport(ids[tt.move], tt.to)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), `"`+tt.move+`"`) {
					t.Fatalf("MoveReport: %v, want an error naming the report and mentioning %q", err, tt.wantErr)
				}
				tt.want = []string{"a", "b", "c"}
			} else if err != nil {
				t.Fatal(err)
			}
			d, err := l.LoadCase(c.ID)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, r := range d.Reports {
				got = append(got, r.FileName)
				if r.Position != i {
					t.Errorf("report %s has position %d at index %d", r.FileName, r.Position, i)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("order = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSetReference(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	refs := func() []bool {
		d, err := l.LoadCase(tc.Case.ID)
		if err != nil {
			t.Fatal(err)
		}
		return []bool{d.Reports[0].Reference, d.Reports[1].Reference}
	}
	if got := refs(); !slices.Equal(got, []bool{true, false}) {
		t.Fatalf("reference marks = %v at start", got)
	}
	if err := l.SetReference(tc.Tabloid.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := refs(); !slices.Equal(got, []bool{false, true}) {
		t.Errorf("after marking the second report: %v", got)
	}
	if err := l.SetReference(tc.Tabloid.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := refs(); !slices.Equal(got, []bool{false, false}) {
		t.Errorf("after unmarking: %v", got)
	}
	if err := l.SetReference(9999, true); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetReference on a missing report: %v", err)
	}
}

func TestUpdateReportMeta(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	r := tc.Tabloid
	r.Outlet, r.Title, r.Published, r.URL, r.Language, r.FileName = "Daily Shout", "Border chaos", "2024-03-06", "https://shout.example/1", "en-GB", "shout.html"
	r.Author = "Sam Quill, Jo Bloggs"
	// Fields that UpdateReportMeta must not touch.
	r.Content, r.Reference, r.Position = []byte("ignored"), true, 7
	if err := l.UpdateReportMeta(r); err != nil {
		t.Fatal(err)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := d.Reports[1]
	if got.Outlet != "Daily Shout" || got.Title != "Border chaos" || got.Published != "2024-03-06" || got.URL != "https://shout.example/1" ||
		got.Language != "en-GB" || got.FileName != "shout.html" || got.Author != "Sam Quill, Jo Bloggs" {
		t.Errorf("metadata not saved: %+v", got)
	}
	if !slices.Equal(got.Content, tc.Tabloid.Content) || got.Reference || got.Position != 1 || got.SHA256 != tc.Tabloid.SHA256 {
		t.Errorf("UpdateReportMeta changed text, reference or position: %+v", got)
	}
	if !got.Updated.After(tc.Tabloid.Updated) || !got.Created.Equal(tc.Tabloid.Created) {
		t.Errorf("times: created %v updated %v, before created %v updated %v", got.Created, got.Updated, tc.Tabloid.Created, tc.Tabloid.Updated)
	}
}

func TestRemoveReportKeepsNotes(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	third, err := l.AddReport(tc.Case.ID, Report{FileName: "third.txt", Content: []byte("A third report.")})
	if err != nil {
		t.Fatal(err)
	}
	onTabloid := mustSave(t, l, sentenceNote(t, tc.Tabloid, NoteTerm, "thugs", "loaded", "crime and punishment"))
	onWire := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Protesters gathered outside parliament in the afternoon.", "neutral"))
	if _, err := l.AddCorrection(Correction{Kind: Link, A: ref(t, tc.Wire, "Police said 40 people were arrested after the march."),
		B: ref(t, tc.Tabloid, "Cops said 40 thugs were arrested after the riot.")}); err != nil {
		t.Fatal(err)
	}
	keptFix, err := l.AddCorrection(Correction{Kind: Unlink, A: ref(t, tc.Wire, "Protesters gathered outside parliament in the afternoon.")})
	if err != nil {
		t.Fatal(err)
	}

	if err := l.RemoveReport(tc.Tabloid.ID); err != nil {
		t.Fatal(err)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Reports) != 2 || d.Reports[0].ID != tc.Wire.ID || d.Reports[1].ID != third.ID || d.Reports[1].Position != 1 {
		t.Errorf("reports after removal: %+v", d.Reports)
	}
	if len(d.Notes) != 2 {
		t.Fatalf("%d notes after removing a report, want both kept", len(d.Notes))
	}
	detached, err := l.DetachedNotes(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := onTabloid
	want.ReportID, want.Detached = 0, true
	if len(detached) != 1 || !reflect.DeepEqual(detached[0], want) {
		t.Errorf("detached notes = %+v\nwant [%+v]", detached, want)
	}
	if d.Notes[1].ID != onWire.ID || d.Notes[1].Detached {
		t.Errorf("the note on the kept report changed: %+v", d.Notes[1])
	}
	if len(d.Corrections) != 1 || d.Corrections[0].Correction.ID != keptFix.ID {
		t.Errorf("corrections after removal: %+v, want only the one on the kept report", d.Corrections)
	}
	if err := l.RemoveReport(tc.Tabloid.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("removing it again: %v, want ErrNotFound", err)
	}
}

func TestReplaceReportTextReanchors(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	const (
		police     = "Police said 40 people were arrested after the march."
		police42   = "Police said 42 people had been arrested after the march."
		minister   = "The interior minister said on Monday that the northern border crossing would stay closed until further notice."
		protesters = "Protesters gathered outside parliament in the afternoon."
		talks      = "talks with the neighbouring government"
	)
	rowNote := mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, police, "edited and moved", "crime and punishment"))
	sentence := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, minister, "moved"))
	deleted := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, protesters, "deleted in the update"))
	term := mustSave(t, l, sentenceNote(t, tc.Wire, NoteTerm, talks, "term"))
	other := mustSave(t, l, sentenceNote(t, tc.Tabloid, NoteTerm, "thugs", "other report"))
	link, err := l.AddCorrection(Correction{Kind: Link, A: ref(t, tc.Wire, police), B: ref(t, tc.Tabloid, "Cops said 40 thugs were arrested after the riot.")})
	if err != nil {
		t.Fatal(err)
	}
	unlink, err := l.AddCorrection(Correction{Kind: Unlink, A: ref(t, tc.Wire, protesters)})
	if err != nil {
		t.Fatal(err)
	}

	updated := report(t, "wire-updated.txt")
	res, err := l.ReplaceReportText(tc.Wire.ID, updated)
	if err != nil {
		t.Fatal(err)
	}
	want := Reanchored{Placed: 3, Detached: []int64{deleted.ID}, CorrectionsPlaced: 1, CorrectionsUnresolved: []int64{unlink.ID}}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("ReplaceReportText = %+v, want %+v", res, want)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(d.Reports[0].Content, updated) || d.Reports[0].SHA256 != hashContent(updated) {
		t.Error("the new text or its hash was not saved")
	}
	byID := map[int64]Note{}
	for _, n := range d.Notes {
		byID[n.ID] = n
	}
	for _, c := range []struct {
		note Note
		text string // where the note must now be; "" when detached
	}{
		{rowNote, police42},
		{sentence, minister},
		{term, talks},
		{deleted, ""},
	} {
		n := byID[c.note.ID]
		if c.text == "" {
			if !n.Detached || n.Anchor != c.note.Anchor {
				t.Errorf("note %q: detached %v, anchor %+v; want detached with its old anchor", c.note.Text, n.Detached, n.Anchor)
			}
			continue
		}
		if n.Detached {
			t.Errorf("note %q is detached", c.note.Text)
			continue
		}
		if got := string(updated[n.Anchor.Start:n.Anchor.End]); got != c.text || n.Anchor.Exact != c.text {
			t.Errorf("note %q now at %q (quote %q), want %q", c.note.Text, got, n.Anchor.Exact, c.text)
		}
		if !n.Updated.Equal(c.note.Updated) || n.Text != c.note.Text || !slices.Equal(n.Tags, c.note.Tags) {
			t.Errorf("note %q: re-anchoring changed more than its place: %+v", c.note.Text, n)
		}
	}
	if !reflect.DeepEqual(byID[other.ID], other) {
		t.Errorf("a note on another report changed: %+v", byID[other.ID])
	}
	detached, err := l.DetachedNotes(tc.Case.ID)
	if err != nil || len(detached) != 1 || detached[0].ID != deleted.ID {
		t.Errorf("DetachedNotes = %+v (%v), want the note on the deleted sentence", detached, err)
	}
	fixes := map[int64]ResolvedCorrection{}
	for _, rc := range d.Corrections {
		fixes[rc.Correction.ID] = rc
	}
	if rc := fixes[link.ID]; !rc.Resolved || rc.A.Report != 0 || string(updated[rc.A.Start:rc.A.End]) != police42 || rc.B.Report != 1 {
		t.Errorf("link after update: %+v", rc)
	}
	if rc := fixes[unlink.ID]; rc.Resolved || rc.A.Found || rc.A.Report != -1 {
		t.Errorf("unlink of a deleted sentence: %+v, want unresolved", rc)
	}

	// Re-importing the original text brings the detached note back.
	res, err = l.ReplaceReportText(tc.Wire.ID, report(t, "wire.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Placed != 4 || len(res.Detached) != 0 || res.CorrectionsPlaced != 2 || len(res.CorrectionsUnresolved) != 0 {
		t.Errorf("back to the original text: %+v, want everything placed", res)
	}
	back, err := l.Notes(tc.Case.ID, NoteFilter{ReportID: tc.Wire.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range back {
		if n.ID == deleted.ID && (n.Detached || n.Anchor != deleted.Anchor) {
			t.Errorf("note on the restored sentence: %+v, want it back at %+v", n, deleted.Anchor)
		}
	}

	// An empty text is refused and changes nothing.
	before := shapeOf(t, l, tc.Case.ID)
	if _, err := l.ReplaceReportText(tc.Wire.ID, nil); err == nil || !strings.Contains(err.Error(), `"wire.txt"`) {
		t.Errorf("replacing with an empty text: %v, want an error naming the report", err)
	}
	if after := shapeOf(t, l, tc.Case.ID); !reflect.DeepEqual(before, after) {
		t.Error("a refused replacement changed the case")
	}
}

func TestReportKeepsHowItIsReadBack(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	page := []byte("<html><body><p>\xcf\xee\xf0\xf2\xfb \xee\xf2\xea\xf0\xfb\xeb\xe8\xf1\xfc.</p></body></html>")
	added, err := l.AddReport(tc.Case.ID, Report{FileName: "ports.html", Outlet: "Novosti", URL: "https://novosti.example/canonical",
		Format: "html", Charset: "windows-1251", SourceURL: "https://novosti.example/ports?id=12", Content: page})
	if err != nil {
		t.Fatal(err)
	}
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := d.Reports[2]
	if got.ID != added.ID || got.Format != "html" || got.Charset != "windows-1251" || got.SourceURL != "https://novosti.example/ports?id=12" {
		t.Fatalf("the library gives back format %q, charset %q, source %q", got.Format, got.Charset, got.SourceURL)
	}

	// Editing the details leaves them; replacing the text from a new
	// source takes the new source's.
	got.Outlet = "Novosti (edited)"
	got.Format, got.Charset, got.SourceURL = "text", "", ""
	if err := l.UpdateReportMeta(got); err != nil {
		t.Fatal(err)
	}
	d, _ = l.LoadCase(tc.Case.ID)
	if r := d.Reports[2]; r.Outlet != "Novosti (edited)" || r.Format != "html" || r.Charset != "windows-1251" {
		t.Errorf("UpdateReportMeta gives outlet %q, format %q, charset %q; want the outlet changed, the rest kept", r.Outlet, r.Format, r.Charset)
	}
	newer := []byte("<html><body><p>Ports reopened.</p></body></html>")
	if _, err := l.ReplaceReportFrom(Report{ID: added.ID, FileName: "ports-v2.html", Title: "Ports", Format: "html",
		Charset: "utf-8", SourceURL: "https://novosti.example/ports?id=12&v=2", Content: newer}); err != nil {
		t.Fatal(err)
	}
	d, _ = l.LoadCase(tc.Case.ID)
	r := d.Reports[2]
	if !slices.Equal(r.Content, newer) || r.FileName != "ports-v2.html" || r.Title != "Ports" || r.Charset != "utf-8" ||
		r.SourceURL != "https://novosti.example/ports?id=12&v=2" {
		t.Errorf("ReplaceReportFrom stored %+v", r)
	}
	if r.Outlet != "Novosti (edited)" || r.URL != "https://novosti.example/canonical" || r.Position != 2 {
		t.Errorf("ReplaceReportFrom changed what the analyst entered: outlet %q, URL %q, position %d", r.Outlet, r.URL, r.Position)
	}
	// ReplaceReportText keeps the source.
	if _, err := l.ReplaceReportText(added.ID, page); err != nil {
		t.Fatal(err)
	}
	d, _ = l.LoadCase(tc.Case.ID)
	if r := d.Reports[2]; r.Charset != "utf-8" || r.FileName != "ports-v2.html" {
		t.Errorf("ReplaceReportText changed the source: charset %q, file %q", r.Charset, r.FileName)
	}
}
