package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"framelens/framing"
	"framelens/framing/lexicon"
)

func TestLexiconSearchAndFiltersNarrowTheList(t *testing.T) {
	wb := newTestWorkbench(t)
	saveOwn(t, wb, megabillYAML)
	b := wb.showLexicon()
	waitLexicon(wb)

	all := append(bundledIDs(t, func(*lexicon.Entry) bool { return true }), "megabill")
	slices.Sort(all)
	if got := shownIDs(b); !slices.Equal(got, all) {
		t.Fatalf("with no filter the window lists %d referents, want the %d bundled and yours", len(got), len(all))
	}
	if want := fmt.Sprintf("%d of %d referents", len(all), len(all)); b.count.Text != want {
		t.Errorf("count reads %q, want %q", b.count.Text, want)
	}

	// The search looks in ids, referents and terms, ignoring case.
	for _, c := range []struct {
		query string
		want  []string
	}{
		{"KYIV", []string{"kyiv"}},                                 // an id
		{"special military operation", []string{"war-in-ukraine"}}, // a term
		{"budget bill passed", []string{"megabill"}},               // your referent
		{"Big Beautiful", []string{"megabill"}},                    // your term
	} {
		b.search.SetText(c.query)
		got := shownIDs(b)
		for _, id := range c.want {
			if !slices.Contains(got, id) {
				t.Errorf("searching %q does not list %s: %v", c.query, id, got)
			}
		}
		if len(got) == 0 || len(got) >= len(all)/4 {
			t.Errorf("searching %q lists %d referents; it should narrow the list", c.query, len(got))
		}
	}
	b.search.SetText("")

	// Each filter keeps exactly the referents with an entry of that value.
	b.domain.SetSelected("china-taiwan")
	want := bundledIDs(t, func(e *lexicon.Entry) bool { return e.Domain == "china-taiwan" })
	slices.Sort(want)
	if got := shownIDs(b); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("domain china-taiwan lists %v, want %v", got, want)
	}
	b.domain.SetSelected(allDomains)

	b.kind.SetSelected(lexicon.KindAttribution)
	b.category.SetSelected("attribution-verb")
	want = bundledIDs(t, func(e *lexicon.Entry) bool {
		return e.Kind == lexicon.KindAttribution && e.Category == "attribution-verb"
	})
	slices.Sort(want)
	if got := shownIDs(b); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("kind attribution and category attribution-verb list %v, want %v", got, want)
	}

	// Filters and search combine.
	b.kind.SetSelected(allKinds)
	b.category.SetSelected("place-name")
	b.search.SetText("kiev")
	for _, id := range shownIDs(b) {
		if e := firstShown(b.find(id)); e.Category != "place-name" || !strings.Contains(b.find(id).text, "kiev") {
			t.Errorf("%s is listed for category place-name and search kiev", id)
		}
	}
	if !slices.Contains(shownIDs(b), "kyiv") {
		t.Errorf("category place-name and search kiev do not list kyiv: %v", shownIDs(b))
	}
	b.domain.SetSelected("us-politics")
	if got := shownIDs(b); len(got) != 0 {
		t.Errorf("no place name mentions kiev in domain us-politics, yet %v are listed", got)
	}
	if b.count.Text != fmt.Sprintf("0 of %d referents", len(all)) {
		t.Errorf("count reads %q with nothing listed", b.count.Text)
	}
}

func TestLexiconShowsWhereTermsOccurAndJumpsToTheRow(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	b := wb.showLexiconAt("war-in-ukraine")
	waitLexicon(wb)

	if b.selected != "war-in-ukraine" {
		t.Fatalf("the window opened on %q, want war-in-ukraine", b.selected)
	}
	text := objectsText(b.detail)
	for _, want := range []string{"“Ukraine crisis”", "used by cn-gov, cn-state-media", "Beijing State News ×", "Sources"} {
		if !strings.Contains(text, want) {
			t.Errorf("the referent's description lacks %q:\n%s", want, text)
		}
	}
	// Counts come from the comparison's terminology summary.
	m := wb.model
	beijing := column(t, m, "Beijing State News")
	rows := m.termRows("war-in-ukraine", beijing, "Ukraine crisis")
	if len(rows) == 0 {
		t.Fatal("the sample's Beijing report does not use “Ukraine crisis”")
	}
	buttons := buttonsStartingWith(b.detail, "row ")
	if len(buttons) == 0 {
		t.Fatal("no button jumps to a row")
	}
	var target int
	for _, btn := range buttons {
		n, err := strconv.Atoi(strings.TrimPrefix(btn.Text, "row "))
		if err != nil {
			t.Fatalf("button %q", btn.Text)
		}
		if n-1 != wb.ui.view.selected {
			target = n - 1
			test.Tap(btn)
			break
		}
	}
	if wb.ui.view.selected != target {
		t.Errorf("tapping “row %d” selected row %d", target+1, wb.ui.view.selected+1)
	}
	if !strings.Contains(wb.ui.status.Text, fmt.Sprintf("row %d", target+1)) {
		t.Errorf("the status line does not say where it jumped: %q", wb.ui.status.Text)
	}

	// Loaded words are not in the summary: the matcher finds them in the
	// sentences.
	b.selectID("distancing-markers")
	waitLexicon(wb)
	text = objectsText(b.detail)
	if !strings.Contains(text, "“so-called”") || !strings.Contains(text, "Beijing State News ×1") {
		t.Errorf("“so-called” in Beijing State News's report is not shown:\n%s", text)
	}
}

// lexiconFlags lists the referents of the lexicon differences of the open
// comparison.
func lexiconFlags(wb *workbench) []string {
	var out []string
	if wb.model == nil {
		return nil
	}
	for _, d := range wb.model.cmp.Differences {
		if d.Kind == framing.KindLexicon {
			out = append(out, d.Referent)
		}
	}
	return out
}

func TestDisablingEnablingAndDeletingAnEntryChangeTheNextComparison(t *testing.T) {
	wb := newTestWorkbench(t)
	lib := lexLibrary(t, wb)
	saveOwn(t, wb, megabillYAML)
	wb.openCase(&Case{Reports: docs(t,
		"The Senate passed the megabill on Tuesday after a long night.",
		"The Senate passed the Big Beautiful Bill on Tuesday after a long night.")}, nil)
	waitLexicon(wb)
	if got := lexiconFlags(wb); !slices.Contains(got, "megabill") {
		t.Fatalf("your entry is not used in the comparison: flags %v", got)
	}
	b := wb.showLexiconAt("megabill")
	waitLexicon(wb)

	tap := func(label string) {
		t.Helper()
		btn := findButton(b.detail, label)
		if btn == nil {
			t.Fatalf("no %q button for your entry:\n%s", label, objectsText(b.detail))
		}
		test.Tap(btn)
		waitLexicon(wb)
	}
	tap("Disable")
	if got := lexiconFlags(wb); slices.Contains(got, "megabill") {
		t.Errorf("a disabled entry still flags the pair: %v", got)
	}
	if stored, err := lib.LexiconEntries(); err != nil || len(stored) != 1 || stored[0].Enabled {
		t.Errorf("the library does not record the entry as disabled: %+v %v", stored, err)
	}
	if !strings.Contains(objectsText(b.detail), "disabled: not used in comparisons") {
		t.Errorf("the window does not say the entry is disabled:\n%s", objectsText(b.detail))
	}
	tap("Enable")
	if got := lexiconFlags(wb); !slices.Contains(got, "megabill") {
		t.Errorf("an enabled entry does not flag the pair again: %v", got)
	}
	tap("Delete…")
	yes := findButton(b.win.Canvas().Overlays().Top(), "Yes")
	if yes == nil {
		t.Fatal("deleting asks for no confirmation")
	}
	test.Tap(yes)
	waitLexicon(wb)
	if got := lexiconFlags(wb); slices.Contains(got, "megabill") {
		t.Errorf("a deleted entry still flags the pair: %v", got)
	}
	if stored, err := lib.LexiconEntries(); err != nil || len(stored) != 0 {
		t.Errorf("the library still holds %+v (%v)", stored, err)
	}
	if b.find("megabill") != nil {
		t.Error("the window still lists the deleted referent")
	}
}

func TestACopiedBundledEntryReplacesTheBundledOne(t *testing.T) {
	wb := newTestWorkbench(t)
	openSampleCase(t, wb)
	b := wb.showLexiconAt("kyiv")
	waitLexicon(wb)
	copyBtn := findButton(b.detail, "Copy to my lexicon…")
	if copyBtn == nil {
		t.Fatalf("a bundled entry offers no copy:\n%s", objectsText(b.detail))
	}
	if findButton(b.detail, "Edit…") != nil || findButton(b.detail, "Delete…") != nil {
		t.Error("a bundled entry can be edited or deleted in place")
	}
	test.Tap(copyBtn)
	ed := wb.runner.analyst.editor
	if ed == nil || ed.id.Text != "kyiv" || len(ed.terms) < 2 {
		t.Fatal("the copy does not open the editor on the bundled entry")
	}
	var kyivTerm *termForm
	for _, f := range ed.terms {
		if f.term.Text == "Kyiv" {
			kyivTerm = f
		}
	}
	if kyivTerm == nil {
		t.Fatal("the copy lacks the term Kyiv")
	}
	kyivTerm.term.SetText("Kyiv (Ukrainian spelling)")
	kyivTerm.match.SetText("kyiv")
	test.Tap(ed.save)
	waitLexicon(wb)
	if ed.problems.Visible() {
		t.Fatalf("the copy was refused:\n%s", ed.problems.Text)
	}
	var terms []string
	for _, tu := range wb.model.cmp.Terms {
		if tu.Referent != "kyiv" {
			continue
		}
		for _, rt := range tu.Reports {
			for _, tc := range rt.Terms {
				terms = append(terms, tc.Term)
			}
		}
	}
	if !slices.Contains(terms, "Kyiv (Ukrainian spelling)") || slices.Contains(terms, "Kyiv") {
		t.Errorf("the comparison after the copy counts terms %v for kyiv, want your term in place of the bundled one", terms)
	}
	if !strings.Contains(objectsText(b.detail), "yours, replaces the bundled entry") {
		t.Errorf("the window does not say your entry replaces the bundled one:\n%s", objectsText(b.detail))
	}
}
