package app

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"framelens/framing/lexicon"
)

// kyivDeYAML overrides nothing: a German entry of a bundled referent.
const kyivDeYAML = `id: kyiv
lang: de
domain: russia-ukraine
category: place-name
referent: die Hauptstadt der Ukraine
terms:
  - term: Kiew
    used_by: [western-media]
  - term: Kyjiw
    used_by: [ua-gov]
exceptions: ['chicken kiew']
note: Deutsche Medien schreiben zunehmend Kyjiw.
sources:
  - title: Duden, Kyjiw
    url: https://www.duden.de/rechtschreibung/Kyjiw
`

// regimeYAML is a loaded word with a term of every optional field.
const regimeYAML = `id: my-regime
lang: en
domain: general
category: loaded-language
kind: loaded
referent: a government called a regime
context: [government, minister]
terms:
  - term: regime
    match: ['regimes?', 'the (?:junta|regime) in \p{Lu}\w+']
    used_by: [tabloids]
    connotation: delegitimizing
    stem: true
    note: "colon: and 'quotes' survive"
sources:
  - title: House style notes
`

func TestEveryBundledEntryKeepsEveryFieldThroughItsYAML(t *testing.T) {
	l, err := lexicon.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range l.Entries {
		text, err := entryText(toYAML(e))
		if err != nil {
			t.Fatalf("%s (%s): %v", e.ID, e.Lang, err)
		}
		back, probs := parseEntryText(text)
		if len(probs) > 0 {
			t.Errorf("%s (%s) written as\n%s\ndoes not parse: %v", e.ID, e.Lang, text, probs)
			continue
		}
		if a, b := toYAML(e), toYAML(back); !reflect.DeepEqual(a, b) {
			t.Errorf("%s (%s) changed through its YAML: fields %v", e.ID, e.Lang, changedFields(a, b))
		}
	}

	// Written as one file, the whole lexicon reads back the same.
	var own []*analystEntry
	for _, e := range l.Entries {
		own = append(own, &analystEntry{Lang: e.Lang, ID: e.ID, Enabled: true, Entry: e})
	}
	path := filepath.Join(t.TempDir(), "all.yaml")
	if n, _, err := writeLexiconFile(path, own); err != nil || n != len(own) {
		t.Fatalf("wrote %d of %d entries: %v", n, len(own), err)
	}
	back, err := lexicon.Load(path)
	if err != nil {
		t.Fatalf("the written file does not load: %v", err)
	}
	if len(back.Entries) != len(l.Entries) {
		t.Fatalf("the written file holds %d entries, want %d", len(back.Entries), len(l.Entries))
	}
	for i, e := range l.Entries {
		if a, b := toYAML(e), toYAML(back.Entries[i]); !reflect.DeepEqual(a, b) {
			t.Errorf("%s (%s) changed through the file: fields %v", e.ID, e.Lang, changedFields(a, b))
		}
	}
	first, _ := os.ReadFile(path)
	if _, _, err := writeLexiconFile(path, own); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(first, again) {
		t.Error("writing the same entries twice gives different files")
	}
}

func TestExportThenImportAddsThenChangesNothing(t *testing.T) {
	src := newTestWorkbench(t)
	for _, y := range []string{megabillYAML, kyivDeYAML, regimeYAML} {
		saveOwn(t, src, y)
	}
	off := saveOwn(t, src, strings.ReplaceAll(strings.ReplaceAll(megabillYAML, "id: megabill", "id: bill-off"), "megabill", "bigbill"))
	off.Enabled = false
	k := off.key()
	if err := src.runner.analyst.save(off, &k); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "team-lexicon.yaml")
	src.exportLexicon(src.win, path)
	waitLexicon(src)
	if text := overlayText(src.win); !strings.Contains(text, "3 entries written to "+path) || !strings.Contains(text, "1 entry was left out") {
		t.Errorf("the export says %q, want 3 entries written and the disabled one left out", text)
	}
	// The file is a lexicon file the command line reads too.
	l, err := lexicon.Load(path)
	if err != nil {
		t.Fatalf("the exported file is not a valid lexicon: %v", err)
	}
	if len(l.Entries) != 3 {
		t.Errorf("the exported file holds %d entries, want 3", len(l.Entries))
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*.tmp")); len(leftovers) > 0 {
		t.Errorf("the export left temporary files: %v", leftovers)
	}

	dst := newTestWorkbench(t)
	lib := lexLibrary(t, dst)
	dst.importLexicon(dst.win, path)
	waitLexicon(dst)
	text := overlayText(dst.win)
	if !strings.Contains(text, "team-lexicon.yaml: adds 3, changes 0.") {
		t.Fatalf("the first import shows %q, want adds 3, changes 0", text)
	}
	for _, want := range []string{"megabill (en)", "kyiv (de)", "my-regime (en)"} {
		if !strings.Contains(text, want) {
			t.Errorf("the import does not list %s:\n%s", want, text)
		}
	}
	if got := ownKeys(t, dst); len(got) != 0 {
		t.Fatalf("entries were stored before the import was confirmed: %v", got)
	}
	imp := findButton(dst.win.Canvas().Overlays().Top(), "Import")
	if imp == nil {
		t.Fatal("the import dialog has no Import button")
	}
	test.Tap(imp)
	waitLexicon(dst)
	if got := strings.Join(ownKeys(t, dst), ", "); got != "kyiv (de), megabill (en), my-regime (en)" {
		t.Errorf("after the import your entries are %s", got)
	}
	if stored, err := lib.LexiconEntries(); err != nil || len(stored) != 3 {
		t.Errorf("the library holds %d imported entries (%v), want 3", len(stored), err)
	}
	if top := dst.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("a dialog is still open after the import: %q", objectsText(top))
	}

	dst.importLexicon(dst.win, path)
	waitLexicon(dst)
	text = overlayText(dst.win)
	if !strings.Contains(text, "team-lexicon.yaml: adds 0, changes 0 (3 unchanged).") {
		t.Errorf("the second import shows %q, want adds 0, changes 0", text)
	}
	if findButton(dst.win.Canvas().Overlays().Top(), "Import") != nil {
		t.Error("an import with nothing to do still offers to import")
	}
	dst.win.Canvas().Overlays().Top().Hide()

	// A change made by a colleague shows as a change, field by field.
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(data), "the budget bill passed in July 2025", "the 2025 budget reconciliation bill", 1)
	if err := os.WriteFile(path, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	dst.importLexicon(dst.win, path)
	waitLexicon(dst)
	if text := overlayText(dst.win); !strings.Contains(text, "adds 0, changes 1 (2 unchanged)") || !strings.Contains(text, "megabill (en) — referent") {
		t.Errorf("a changed referent shows as %q", text)
	}
}

func TestABadImportFileListsEveryProblemAndChangesNothing(t *testing.T) {
	wb := newTestWorkbench(t)
	saveOwn(t, wb, megabillYAML)
	dir := t.TempDir()
	path := filepath.Join(dir, "bad.yaml")
	bad := `schema_version: 1
entries:
  - id: kharkiv-mine
    lang: en
    domain: russia-ukraine
    category: city
    referent: the second city of Ukraine
    terms:
      - term: Kharkov
        used_by: [ru-state-media]
      - term: Kharkiv
        used_by: [ua-gov]
    sources:
      - title: AP
  - id: odesa-mine
    lang: en
    domain: russia-ukraine
    category: place-name
    referent: the port city
    exeptions: [odessa steps]
    terms:
      - term: Odessa
        used_by: [ru-state-media]
      - term: Odesa
        used_by: [ua-gov]
    sources:
      - title: AP
  - id: good-one
    lang: en
    domain: general
    category: issue-naming
    referent: a good entry that must not be imported alone
    terms:
      - term: alpha
        used_by: [a]
      - term: beta
        used_by: [b]
    sources:
      - title: Somewhere
`
	if err := os.WriteFile(path, []byte(bad), 0o600); err != nil {
		t.Fatal(err)
	}
	wb.importLexicon(wb.win, path)
	waitLexicon(wb)
	text := overlayText(wb.win)
	for _, want := range []string{
		importRefusedTitle,
		"has 2 problems. Nothing was changed",
		path + ":6: entry kharkiv-mine field category: unknown category \"city\"",
		path + ":20: entry odesa-mine field exeptions: unknown field (did you mean \"exceptions\"?)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, text)
		}
	}
	if findButton(wb.win.Canvas().Overlays().Top(), "Import") != nil {
		t.Error("a refused file can still be imported")
	}
	if got := strings.Join(ownKeys(t, wb), ", "); got != "megabill (en)" {
		t.Errorf("after a refused import your entries are %s, want only megabill (en)", got)
	}
}

func TestAnImportThatDisagreesWithYourEntriesIsRefused(t *testing.T) {
	wb := newTestWorkbench(t)
	saveOwn(t, wb, megabillYAML)
	path := filepath.Join(t.TempDir(), "other.yaml")
	other := "entries:\n  - " + strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(megabillYAML), "\n", "\n    "), "lang: en", "lang: de")
	other = strings.Replace(other, "domain: us-politics", "domain: economy", 1)
	if err := os.WriteFile(path, []byte(other), 0o600); err != nil {
		t.Fatal(err)
	}
	wb.importLexicon(wb.win, path)
	waitLexicon(wb)
	if text := overlayText(wb.win); !strings.Contains(text, "entry megabill field domain: is \"economy\" but your en entry of the same id has \"us-politics\"") {
		t.Errorf("an entry disagreeing with yours on its domain was not refused:\n%s", text)
	}
	if got := len(ownKeys(t, wb)); got != 1 {
		t.Errorf("%d entries after a refused import, want 1", got)
	}
}

func TestExportReplacesTheFileAndExplainsWhatItCannotWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lexicon.yaml")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	e := newAnalystEntry("en", "megabill", megabillYAML, true)
	if _, _, err := writeLexiconFile(filepath.Join(dir, "missing", "x.yaml"), []*analystEntry{e}); err == nil ||
		!strings.Contains(err.Error(), "choose a folder you can write to") {
		t.Errorf("writing into a missing folder gave %v", err)
	}
	if n, _, err := writeLexiconFile(path, []*analystEntry{e}); err != nil || n != 1 {
		t.Fatalf("wrote %d entries: %v", n, err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "id: megabill") {
		t.Errorf("the file was not replaced: %q %v", data, err)
	}

	// With no entry of your own there is nothing to export, and the empty
	// file the save dialog made is removed.
	wb := newTestWorkbench(t)
	empty := filepath.Join(dir, "empty.yaml")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	wb.exportLexicon(wb.win, empty)
	waitLexicon(wb)
	if text := overlayText(wb.win); !strings.Contains(text, "Nothing to export") {
		t.Errorf("exporting no entries says %q", text)
	}
	if _, err := os.Stat(empty); !os.IsNotExist(err) {
		t.Errorf("an export of nothing left %s behind (%v)", empty, err)
	}
}

func TestAStoredEntryMayBeJSONAndItsProblemsNameTheField(t *testing.T) {
	json := `{
  "id": "megabill", "lang": "en", "domain": "us-politics", "category": "issue-naming",
  "referent": "the budget bill",
  "terms": [{"term": "megabill", "used_by": ["critics"]},
            {"term": "Big Beautiful Bill", "used_by": ["us-gov"]}],
  "sources": [{"title": "Coverage"}]
}`
	e := newAnalystEntry("en", "megabill", json, true)
	if len(e.Problems) > 0 || e.Entry == nil || len(e.Entry.Terms) != 2 {
		t.Fatalf("an entry stored as JSON does not parse: %v", e.Problems)
	}
	bad := newAnalystEntry("en", "megabill", strings.Replace(megabillYAML, "category: issue-naming", "category: bills", 1), true)
	if bad.Entry != nil || len(bad.Problems) != 1 || entryProblemText(bad.Problems[0]) != `category: unknown category "bills" (known: `+categoryNames()+`)` {
		t.Errorf("a stored entry with a bad category gives %v", bad.Problems)
	}
	var le *lexicon.Error
	if !errors.As(bad.Problems[0], &le) || le.Line != 4 {
		t.Errorf("the problem is not on line 4 of the entry: %v", bad.Problems)
	}
	moved := newAnalystEntry("en", "other-id", megabillYAML, true)
	if moved.Entry != nil || len(moved.Problems) != 1 || !strings.Contains(moved.Problems[0].Error(), "names megabill (en) but the entry is kept as other-id (en)") {
		t.Errorf("a text naming another entry than its key gives %v", moved.Problems)
	}
}

// categoryNames lists the categories as the lexicon's messages do.
func categoryNames() string {
	var names []string
	for _, c := range lexicon.Categories() {
		names = append(names, c.Name)
	}
	return strings.Join(names, ", ")
}
