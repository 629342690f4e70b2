package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"framelens/framing/lexicon"
	"framelens/storage"
)

// waitLexicon waits until the lexicon's reads and writes, and the
// comparisons and searches they start, are done.
func waitLexicon(wb *workbench) {
	for range 4 {
		wb.runner.analyst.work.wait()
		wb.wait()
	}
}

// lexLibrary opens a new library in a temporary folder and gives it to
// the window.
func lexLibrary(t *testing.T, wb *workbench) *storage.Library {
	t.Helper()
	lib, err := storage.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = lib.Close() })
	wb.lib = lib
	return lib
}

// megabillYAML is an entry of the analyst's own: two names of one bill.
const megabillYAML = `id: megabill
lang: en
domain: us-politics
category: issue-naming
referent: the budget bill passed in July 2025
terms:
  - term: megabill
    used_by: [critics]
  - term: Big Beautiful Bill
    used_by: [us-gov]
sources:
  - title: Congressional coverage, July 2025
`

// saveOwn stores text as one of the analyst's entries.
func saveOwn(t *testing.T, wb *workbench, text string) *analystEntry {
	t.Helper()
	entry, probs := parseEntryText(text)
	if len(probs) > 0 {
		t.Fatalf("test entry does not parse: %v", probs)
	}
	e := &analystEntry{Lang: entry.Lang, ID: entry.ID, Text: text, Enabled: true, Entry: entry}
	if err := wb.runner.analyst.save(e, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

// ownKeys lists the analyst's entries as "id (lang)".
func ownKeys(t *testing.T, wb *workbench) []string {
	t.Helper()
	es, err := wb.runner.analyst.list()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.key().String())
	}
	return out
}

// shownIDs lists the referents the lexicon window lists.
func shownIDs(b *lexiconBrowser) []string {
	var out []string
	for _, r := range b.shown {
		out = append(out, r.id)
	}
	return out
}

// bundledIDs lists the ids of the bundled entries for which keep holds.
func bundledIDs(t *testing.T, keep func(e *lexicon.Entry) bool) []string {
	t.Helper()
	l, err := lexicon.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range l.Entries {
		if keep(e) && !seen[e.ID] {
			seen[e.ID] = true
			out = append(out, e.ID)
		}
	}
	return out
}

// tapRichLink taps the link labelled text in the rich texts under o; it
// reports false when there is none.
func tapRichLink(o fyne.CanvasObject, text string) bool {
	for _, obj := range test.LaidOutObjects(o) {
		rt, ok := obj.(*widget.RichText)
		if !ok {
			continue
		}
		for _, s := range rt.Segments {
			if h, ok := s.(*widget.HyperlinkSegment); ok && h.Text == text {
				h.OnTapped()
				return true
			}
		}
	}
	return false
}

// buttonsStartingWith returns the buttons under o whose label starts with
// prefix.
func buttonsStartingWith(o fyne.CanvasObject, prefix string) []*widget.Button {
	var out []*widget.Button
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && strings.HasPrefix(b.Text, prefix) {
			out = append(out, b)
		}
	}
	return out
}
