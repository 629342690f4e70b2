package storage

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

func TestExportImportRoundTrip(t *testing.T) {
	l := openTemp(t)
	tc := richCase(t, l, "Border closure «FR» 🛂")
	if err := l.SetCaseDescription(tc.Case.ID, "Quotes \"here\", Latin-1 report, detached note"); err != nil {
		t.Fatal(err)
	}
	var file bytes.Buffer
	if err := l.ExportCase(tc.Case.ID, &file); err != nil {
		t.Fatal(err)
	}
	var head struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}
	if err := json.Unmarshal(file.Bytes(), &head); err != nil || head.Format != CaseFileFormat || head.Version != CaseFileVersion {
		t.Fatalf("case file starts %+v (%v), want format %q version %d", head, err, CaseFileFormat, CaseFileVersion)
	}
	orig := shapeOf(t, l, tc.Case.ID)
	if orig.Reports[2].Author != "Zoé Lefèvre, Marc Dupré" {
		t.Fatalf("the exported case's third report has author %q; the test needs one", orig.Reports[2].Author)
	}

	for _, target := range []struct {
		name string
		lib  *Library
	}{
		{"same library", l},
		{"another library", openTemp(t)},
	} {
		t.Run(target.name, func(t *testing.T) {
			id, err := target.lib.ImportCase(bytes.NewReader(file.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if target.lib == l && id == tc.Case.ID {
				t.Fatal("import reused the id of the exported case")
			}
			imported := shapeOf(t, target.lib, id)
			if !reflect.DeepEqual(orig, imported) {
				t.Errorf("imported case differs:\norig %+v\nimported %+v", orig, imported)
			}
			c, err := target.lib.Case(id)
			if err != nil || !c.Created.Equal(tc.Case.Created) {
				t.Errorf("imported case %+v (%v), want it created %v", c, err, tc.Case.Created)
			}
			tags, err := target.lib.Tags()
			if err != nil || !strings.Contains(strings.Join(tags, "|"), "|Casualty figures|") {
				t.Errorf("the analyst's tags did not come with the case: %q (%v)", tags, err)
			}
		})
	}
}

func TestImportErrors(t *testing.T) {
	l := openTemp(t)
	tc := richCase(t, l, "Border")
	var good bytes.Buffer
	if err := l.ExportCase(tc.Case.ID, &good); err != nil {
		t.Fatal(err)
	}
	// edit changes one field of the exported document.
	edit := func(change func(doc map[string]any)) string {
		var doc map[string]any
		if err := json.Unmarshal(good.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		change(doc)
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	item := func(doc map[string]any, list string, i int) map[string]any {
		return doc[list].([]any)[i].(map[string]any)
	}
	tests := []struct {
		name string
		file string
		want []string
	}{
		{"not JSON", "Border crossing closed after clashes", []string{"not a Framelens case file", "Export case"}},
		{"empty", "", []string{"not a Framelens case file"}},
		{"other JSON", `{"reports": []}`, []string{`"format" is ""`}},
		{"newer version", edit(func(d map[string]any) { d["version"] = 99 }), []string{"version 99", "newer Framelens"}},
		{"zero version", edit(func(d map[string]any) { d["version"] = 0 }), []string{`invalid "version"`}},
		{"empty case name", edit(func(d map[string]any) { d["case"].(map[string]any)["name"] = " " }), []string{"case.name", "name is empty"}},
		{"tampered content", edit(func(d map[string]any) { item(d, "reports", 1)["content"] = "dGFtcGVyZWQ=" }),
			[]string{"reports[1]", `"tabloid.txt"`, "sha256"}},
		{"empty content", edit(func(d map[string]any) { item(d, "reports", 0)["content"] = "" }), []string{"reports[0]", "empty"}},
		{"two references", edit(func(d map[string]any) { item(d, "reports", 1)["reference"] = true }), []string{"2 reports are marked as reference"}},
		{"note on a missing report", edit(func(d map[string]any) { item(d, "notes", 2)["report"] = 9 }), []string{"notes[2]", "report 9"}},
		{"note kind", edit(func(d map[string]any) { item(d, "notes", 0)["kind"] = "chapter" }), []string{"notes[0]", `"chapter"`}},
		{"empty note quote", edit(func(d map[string]any) { item(d, "notes", 1)["anchor"].(map[string]any)["exact"] = "" }),
			[]string{"notes[1]", "quote is empty"}},
		{"link without second sentence", edit(func(d map[string]any) { delete(item(d, "corrections", 0), "b") }), []string{"corrections[0]", "link"}},
		{"correction on a missing report", edit(func(d map[string]any) { item(d, "corrections", 1)["a"].(map[string]any)["report"] = -1 }),
			[]string{"corrections[1]", "report -1"}},
		{"correction kind", edit(func(d map[string]any) { item(d, "corrections", 1)["kind"] = "merge" }), []string{"corrections[1]", `"merge"`}},
	}
	before, err := l.Cases()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := l.ImportCase(strings.NewReader(tt.file))
			if err == nil {
				t.Fatal("ImportCase accepted the file")
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q does not mention %q", err, want)
				}
			}
		})
	}
	after, err := l.Cases()
	if err != nil || !reflect.DeepEqual(before, after) {
		t.Errorf("refused imports changed the cases: %d before, %d after (%v)", len(before), len(after), err)
	}
}

// TestImportPlacesEditedAnchors checks that a hand-edited file with offsets
// that no longer fit its text still imports, with the notes placed by their
// quotes.
func TestImportPlacesEditedAnchors(t *testing.T) {
	l := openTemp(t)
	tc := newTestCase(t, l, "Border")
	n := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Aid groups warned", "x"))
	var file bytes.Buffer
	if err := l.ExportCase(tc.Case.ID, &file); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(file.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	a := doc["notes"].([]any)[0].(map[string]any)["anchor"].(map[string]any)
	a["start"], a["end"] = 100000, 100010
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	id, err := l.ImportCase(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	d, err := l.LoadCase(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Notes) != 1 || d.Notes[0].Detached || d.Notes[0].Anchor != n.Anchor {
		t.Errorf("imported note %+v, want it at %+v", d.Notes, n.Anchor)
	}
}

func TestJSONTextKeepsEveryByte(t *testing.T) {
	for _, s := range []string{"plain", "émoji 😀", "latin-1 \xe9t\xe9", "\xff\xfe\x00", ""} {
		b, err := json.Marshal(jsonText(s))
		if err != nil {
			t.Fatal(err)
		}
		var back jsonText
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q: %v", b, err)
		}
		if string(back) != s {
			t.Errorf("%q came back as %q (via %s)", s, back, b)
		}
	}
}

func TestImportReadsVersion1CaseFiles(t *testing.T) {
	l := openTemp(t)
	tc := richCase(t, l, "Border")
	var file bytes.Buffer
	if err := l.ExportCase(tc.Case.ID, &file); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(file.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	// A version 1 file has no format, charset, source_url or author.
	doc["version"] = 1
	sources := 0
	for _, r := range doc["reports"].([]any) {
		r := r.(map[string]any)
		if r["charset"] != "" {
			sources++
		}
		delete(r, "format")
		delete(r, "charset")
		delete(r, "source_url")
		delete(r, "author")
	}
	if sources == 0 {
		t.Fatal("the exported case has no report with a character set; the test needs one")
	}
	old, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	id, err := l.ImportCase(bytes.NewReader(old))
	if err != nil {
		t.Fatalf("a version 1 case file is refused: %v", err)
	}
	orig, imported := shapeOf(t, l, tc.Case.ID), shapeOf(t, l, id)
	if len(imported.Reports) != len(orig.Reports) || len(imported.Notes) != len(orig.Notes) || len(imported.Corrections) != len(orig.Corrections) {
		t.Fatalf("imported %d reports, %d notes, %d corrections; want %d, %d, %d", len(imported.Reports), len(imported.Notes),
			len(imported.Corrections), len(orig.Reports), len(orig.Notes), len(orig.Corrections))
	}
	for i, r := range imported.Reports {
		if r.Format != "" || r.Charset != "" || r.SourceURL != "" || r.Author != "" || !bytes.Equal(r.Content, orig.Reports[i].Content) {
			t.Errorf("report %d of a version 1 file: format %q, charset %q, source %q, author %q", i, r.Format, r.Charset, r.SourceURL, r.Author)
		}
	}
}
