package storage

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"framelens/storage/anchor"
)

func TestSaveNoteCreatesAndUpdates(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	quote := "Protesters gathered outside parliament in the afternoon."
	n := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, quote, "first thoughts", " Public   Opinion ", "Crowd size", "crowd SIZE", ""))
	s, e := span(t, tc.Wire.Content, quote)
	wantAnchor, err := anchor.Describe(string(tc.Wire.Content), s, e)
	if err != nil {
		t.Fatal(err)
	}
	if n.ID == 0 || n.CaseID != tc.Case.ID || n.ReportID != tc.Wire.ID || n.Anchor != wantAnchor || n.Detached {
		t.Errorf("saved note = %+v, want anchor %+v", n, wantAnchor)
	}
	if !slices.Equal(n.Tags, []string{"public opinion", "Crowd size"}) {
		t.Errorf("tags = %q, want the default tag spelled the default way and no repeats", n.Tags)
	}
	if !n.Created.Equal(n.Updated) || n.Created.IsZero() {
		t.Errorf("times of a new note: created %v updated %v", n.Created, n.Updated)
	}

	n.Text, n.Tags, n.Kind = "second thoughts", []string{"political"}, NoteRow
	u := mustSave(t, l, n)
	if u.Text != "second thoughts" || !slices.Equal(u.Tags, []string{"political"}) || u.Kind != NoteRow || u.Anchor != wantAnchor {
		t.Errorf("updated note = %+v", u)
	}
	if !u.Created.Equal(n.Created) || !u.Updated.After(n.Created) {
		t.Errorf("times after update: created %v updated %v, first created %v", u.Created, u.Updated, n.Created)
	}

	// New offsets move the note.
	u.Anchor.Start, u.Anchor.End = span(t, tc.Wire.Content, "Police said 40 people")
	moved := mustSave(t, l, u)
	if moved.Anchor.Exact != "Police said 40 people" {
		t.Errorf("moved note anchored on %q", moved.Anchor.Exact)
	}
	// And to another report of the case.
	moved.ReportID = tc.Tabloid.ID
	moved.Anchor.Start, moved.Anchor.End = span(t, tc.Tabloid.Content, "thugs")
	moved = mustSave(t, l, moved)
	if moved.ReportID != tc.Tabloid.ID || moved.Anchor.Exact != "thugs" {
		t.Errorf("note moved to the other report: %+v", moved)
	}
	notes, err := l.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(notes) != 1 || !reflect.DeepEqual(notes[0], moved) {
		t.Errorf("Notes = %+v (%v), want just %+v", notes, err, moved)
	}
}

func TestSaveNoteErrors(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	other := newTestCase(t, l, "Other")
	good := sentenceNote(t, tc.Wire, NoteSentence, "Police said", "x")
	saved := mustSave(t, l, good)
	tests := []struct {
		name     string
		note     Note
		want     string
		notFound bool
	}{
		{"unknown kind", func() Note { n := good; n.Kind = "paragraph"; return n }(), `"paragraph"`, false},
		{"no kind", func() Note { n := good; n.Kind = ""; return n }(), "kind", false},
		{"no report", func() Note { n := good; n.ReportID = 0; return n }(), "select text in a report", false},
		{"missing report", func() Note { n := good; n.ReportID = 999; return n }(), "report 999", true},
		{"report of another case", func() Note { n := good; n.CaseID = other.Case.ID; return n }(), "belongs to case", false},
		{"empty selection", func() Note { n := good; n.Anchor.End = n.Anchor.Start; return n }(), "empty", false},
		{"selection past the end", func() Note { n := good; n.Anchor.End = 1 << 20; return n }(), "outside the text", false},
		{"missing note", func() Note { n := saved; n.ID = 12345; return n }(), "note 12345", true},
		{"move to another case's report", func() Note {
			n := saved
			n.ReportID = other.Tabloid.ID
			return n
		}(), "belongs to case", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l.SaveNote(tt.note)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("SaveNote: %v, want an error mentioning %q", err, tt.want)
			}
			if errors.Is(err, ErrNotFound) != tt.notFound {
				t.Errorf("errors.Is(err, ErrNotFound) = %v, want %v", !tt.notFound, tt.notFound)
			}
		})
	}
	notes, err := l.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(notes) != 1 || !reflect.DeepEqual(notes[0], saved) {
		t.Errorf("refused saves changed the notes: %+v (%v)", notes, err)
	}
}

func TestNoteTextRoundTrip(t *testing.T) {
	var long strings.Builder
	for long.Len() < 1<<20 {
		long.WriteString("Une très longue note, 非常に長い — ")
	}
	tests := []struct{ name, text string }{
		{"quotes", `He said "it's 'fine'" and left.` + "`backticks`"},
		{"SQL", "Robert'); DROP TABLE notes; -- \n SELECT * FROM cases WHERE name = '' OR 1=1;"},
		{"emoji", "Crowd 😡👮‍♀️🇫🇷 and a flag of 🏳️‍🌈, skin tone 👍🏽"},
		{"right to left", "\u200fשלום עולם\u200f — مرحبا بالعالم (mixed ltr)"},
		{"control characters", "tab\there\r\nCRLF\x00NUL\x1b[31mescape"},
		{"empty", ""},
		{"one megabyte", long.String()},
	}
	dir := t.TempDir()
	path := dir + "/library.db"
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tc := newTestCase(t, l, "Border")
	ids := map[string]int64{}
	for _, tt := range tests {
		n := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Police said", tt.text, tt.name))
		if n.Text != tt.text {
			t.Errorf("%s: SaveNote returned different text", tt.name)
		}
		ids[tt.name] = n.ID
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	d, err := l.LoadCase(tc.Case.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, n := range d.Notes {
				if n.ID == ids[tt.name] {
					if n.Text != tt.text {
						t.Errorf("text of %d bytes came back as %d bytes, different", len(tt.text), len(n.Text))
					}
					if !slices.Equal(n.Tags, []string{tt.name}) {
						t.Errorf("tags = %q", n.Tags)
					}
					return
				}
			}
			t.Errorf("note %d is missing", ids[tt.name])
		})
	}
}

func TestNotesFilter(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, "Police said 40 people", "Police figures agree", "crime and punishment", "Casualty figures"))
	mustSave(t, l, sentenceNote(t, tc.Tabloid, NoteTerm, "thugs", "Dehumanising ÉCONOMIE term", "crime and punishment"))
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Aid groups warned", "Humanitarian angle", "quality of life"))
	gone := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Protesters gathered outside parliament", "Will lose its sentence", "casualty figures"))
	if _, err := l.ReplaceReportText(tc.Wire.ID, []byte(strings.Replace(string(tc.Wire.Content),
		"Protesters gathered outside parliament in the afternoon.", "", 1))); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		filter NoteFilter
		want   []string
	}{
		{"everything", NoteFilter{}, []string{"Police figures agree", "Dehumanising ÉCONOMIE term", "Humanitarian angle", "Will lose its sentence"}},
		{"text ignores case", NoteFilter{Text: "POLICE"}, []string{"Police figures agree"}},
		{"text ignores case beyond ASCII", NoteFilter{Text: "économie"}, []string{"Dehumanising ÉCONOMIE term"}},
		{"text matches the quote", NoteFilter{Text: "THUGS"}, []string{"Dehumanising ÉCONOMIE term"}},
		{"no match", NoteFilter{Text: "nowhere"}, nil},
		{"one tag", NoteFilter{Tags: []string{"crime and punishment"}}, []string{"Police figures agree", "Dehumanising ÉCONOMIE term"}},
		{"all tags must match", NoteFilter{Tags: []string{"Crime and Punishment", "CASUALTY FIGURES"}}, []string{"Police figures agree"}},
		{"tag and text", NoteFilter{Tags: []string{"casualty figures"}, Text: "lose"}, []string{"Will lose its sentence"}},
		{"kind", NoteFilter{Kind: NoteTerm}, []string{"Dehumanising ÉCONOMIE term"}},
		{"report", NoteFilter{ReportID: tc.Wire.ID}, []string{"Police figures agree", "Humanitarian angle", "Will lose its sentence"}},
		{"detached only", NoteFilter{DetachedOnly: true}, []string{"Will lose its sentence"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			notes, err := l.Notes(tc.Case.ID, tt.filter)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range notes {
				got = append(got, n.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	detached, err := l.DetachedNotes(tc.Case.ID)
	if err != nil || len(detached) != 1 || detached[0].ID != gone.ID {
		t.Errorf("DetachedNotes = %+v (%v)", detached, err)
	}
}

func TestDeleteRestoreNote(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	keep := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Aid groups warned", "stays"))
	n := mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, "Police said 40 people were arrested after the march.", "undo me", "political", "Casualty figures"))
	n.Text = "edited once"
	n = mustSave(t, l, n) // Created and Updated now differ

	deleted, err := l.DeleteNote(n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(deleted, n) {
		t.Errorf("DeleteNote returned %+v\nwant %+v", deleted, n)
	}
	notes, err := l.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(notes) != 1 || notes[0].ID != keep.ID {
		t.Fatalf("notes after delete: %+v (%v)", notes, err)
	}
	if _, err := l.DeleteNote(n.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	restored, err := l.RestoreNote(deleted)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(restored, n) {
		t.Errorf("RestoreNote gave %+v\nwant %+v", restored, n)
	}
	notes, err = l.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(notes) != 2 || !reflect.DeepEqual(notes[1], n) {
		t.Errorf("notes after restore: %+v (%v)", notes, err)
	}
	if _, err := l.RestoreNote(deleted); err == nil || !strings.Contains(err.Error(), "exists already") {
		t.Errorf("restoring twice: %v, want an error", err)
	}

	// Restored after its sentence moved: placed in the current text.
	deleted, err = l.DeleteNote(n.ID)
	if err != nil {
		t.Fatal(err)
	}
	moved := "Breaking. " + string(tc.Wire.Content)
	if _, err := l.ReplaceReportText(tc.Wire.ID, []byte(moved)); err != nil {
		t.Fatal(err)
	}
	restored, err = l.RestoreNote(deleted)
	if err != nil {
		t.Fatal(err)
	}
	if restored.Detached || moved[restored.Anchor.Start:restored.Anchor.End] != n.Anchor.Exact ||
		restored.Anchor.Start != n.Anchor.Start+len("Breaking. ") {
		t.Errorf("restored into a changed text: %+v", restored)
	}
	if !restored.Created.Equal(n.Created) || !restored.Updated.Equal(n.Updated) || !slices.Equal(restored.Tags, n.Tags) || restored.ID != n.ID {
		t.Errorf("restore changed id, times or tags: %+v", restored)
	}

	// Restored after its report was removed: detached.
	deleted, err = l.DeleteNote(n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.RemoveReport(tc.Wire.ID); err != nil {
		t.Fatal(err)
	}
	restored, err = l.RestoreNote(deleted)
	if err != nil {
		t.Fatal(err)
	}
	if !restored.Detached || restored.ReportID != 0 || restored.Anchor != deleted.Anchor {
		t.Errorf("restored after its report was removed: %+v", restored)
	}

	// Not restored after its case was deleted.
	deleted, err = l.DeleteNote(n.ID)
	if err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteCase(tc.Case.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RestoreNote(deleted); !errors.Is(err, ErrNotFound) {
		t.Errorf("restoring into a deleted case: %v, want ErrNotFound", err)
	}
	if _, err := l.RestoreNote(Note{Kind: NoteRow}); err == nil || !strings.Contains(err.Error(), "DeleteNote") {
		t.Errorf("restoring a note without id: %v", err)
	}
}

func TestTags(t *testing.T) {
	l := openTemp(t)
	tags, err := l.Tags()
	if err != nil {
		t.Fatal(err)
	}
	if len(DefaultTags()) != 15 || !slices.Equal(tags, DefaultTags()) {
		t.Fatalf("tags of a new library = %q, want the 15 frame dimensions", tags)
	}
	if DefaultTags()[0] != "economic" || DefaultTags()[14] != "other" || !slices.Contains(DefaultTags(), "external regulation and reputation") {
		t.Errorf("DefaultTags = %q", DefaultTags())
	}
	tc := newTestCase(t, l, "Border")
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, "Police said", "x", "Casualty figures", "ECONOMIC", " needs   follow-up "))
	mustSave(t, l, sentenceNote(t, tc.Wire, NoteRow, "Police said", "y", "casualty FIGURES"))
	for _, add := range []string{"anonymous sources", "Needs follow-up", "Other"} {
		if err := l.AddTag(add); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.AddTag("   "); err == nil {
		t.Error("AddTag accepted an empty tag")
	}
	tags, err = l.Tags()
	if err != nil {
		t.Fatal(err)
	}
	want := append(DefaultTags(), "anonymous sources", "Casualty figures", "needs follow-up")
	if !slices.Equal(tags, want) {
		t.Errorf("Tags = %q\nwant %q", tags, want)
	}
	// DefaultTags returns a copy.
	d := DefaultTags()
	d[0] = "changed"
	if DefaultTags()[0] != "economic" {
		t.Error("changing the result of DefaultTags changed the defaults")
	}
}
