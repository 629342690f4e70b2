package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"framelens/framing"
	"framelens/framing/lexicon"
)

// fillMegabill fills a new entry in the editor, leaving who uses the
// second term empty.
func fillMegabill(ed *entryEditor) {
	ed.id.SetText("megabill")
	ed.lang.SetText("en")
	ed.domain.SetText("us-politics")
	ed.category.SetSelected("issue-naming")
	ed.referent.SetText("the budget bill passed in July 2025")
	ed.terms[0].term.SetText("megabill")
	ed.terms[0].usedBy.SetText("critics, tabloids")
	ed.terms[1].term.SetText("Big Beautiful Bill")
	ed.terms[1].connotation.SetSelected("legitimizing")
	ed.sources[0].title.SetText("Congressional coverage, July 2025")
	ed.sources[0].url.SetText("https://example.org/bill")
}

func TestEditorRefusesAnInvalidEntryNamingTheFieldAndSavesAValidOne(t *testing.T) {
	wb := newTestWorkbench(t)
	lib := lexLibrary(t, wb)
	b := wb.showLexicon()
	waitLexicon(wb)

	ed := b.newEntry()
	fillMegabill(ed)
	test.Tap(ed.save)
	waitLexicon(wb)

	if !strings.Contains(ed.problems.Text, "terms[2].used_by: missing") {
		t.Errorf("the problems do not name the second term's used_by field:\n%s", ed.problems.Text)
	}
	if p := ed.terms[1].rows["used_by"].problem; !p.Visible() || !strings.Contains(p.Text, "missing") {
		t.Errorf("no problem is shown under the second term's Used by field (%q)", p.Text)
	}
	if p := ed.terms[0].rows["used_by"].problem; p.Visible() {
		t.Errorf("the first term's Used by, which is filled in, shows a problem: %q", p.Text)
	}

	// Patterns are checked once the fields are complete.
	ed.terms[1].usedBy.SetText("us-gov")
	ed.terms[1].match.SetText("big beautiful (bill")
	test.Tap(ed.save)
	waitLexicon(wb)
	if !strings.Contains(ed.problems.Text, "terms[2].match[1]: bad pattern") {
		t.Errorf("the problems do not name the second term's first pattern:\n%s", ed.problems.Text)
	}
	if p := ed.terms[1].rows["match"].problem; !p.Visible() || !strings.Contains(p.Text, "pattern 1: bad pattern") {
		t.Errorf("no problem is shown under the second term's patterns (%q)", p.Text)
	}
	if p := ed.terms[1].rows["used_by"].problem; p.Visible() {
		t.Errorf("the problem fixed is still shown: %q", p.Text)
	}
	if stored, err := lib.LexiconEntries(); err != nil || len(stored) != 0 {
		t.Fatalf("an invalid entry reached the library: %v %v", stored, err)
	}
	if wb.runner.analyst.editor != ed {
		t.Fatal("the editor closed on an invalid entry")
	}

	ed.terms[1].usedBy.SetText("us-gov")
	ed.terms[1].match.SetText("big beautiful bill\nOBBBA")
	test.Tap(ed.save)
	waitLexicon(wb)

	if ed.problems.Visible() {
		t.Fatalf("a valid entry was refused:\n%s", ed.problems.Text)
	}
	if wb.runner.analyst.editor != nil {
		t.Error("the editor is still open after a valid entry was saved")
	}
	stored, err := lib.LexiconEntries()
	if err != nil || len(stored) != 1 || stored[0].ID != "megabill" || stored[0].Lang != "en" || !stored[0].Enabled {
		t.Fatalf("library holds %+v (%v), want the enabled entry megabill (en)", stored, err)
	}
	// What is stored is the entry in the lexicon schema, every field kept.
	e, probs := parseEntryText(stored[0].Text)
	if len(probs) > 0 {
		t.Fatalf("the stored text does not parse: %v\n%s", probs, stored[0].Text)
	}
	if e.Terms[1].Connotation != "legitimizing" || len(e.Terms[1].Match) != 2 || e.Sources[0].URL != "https://example.org/bill" ||
		strings.Join(e.Terms[0].UsedBy, ",") != "critics,tabloids" || e.Domain != "us-politics" {
		t.Errorf("the stored entry lost fields:\n%s", stored[0].Text)
	}
	if b.selected != "megabill" || firstShown(b.find("megabill")) == nil {
		t.Errorf("the lexicon window does not show the new entry (selected %q)", b.selected)
	}

	// Saving a new entry with the id and language of an existing one of
	// yours is refused on the id field.
	dup := b.newEntry()
	fillMegabill(dup)
	dup.terms[1].usedBy.SetText("us-gov")
	test.Tap(dup.save)
	waitLexicon(wb)
	if !strings.Contains(dup.problems.Text, "id: you already have an entry megabill (en)") {
		t.Errorf("a second megabill (en) was not refused on its id:\n%s", dup.problems.Text)
	}

	// Another window on the same library compares with the entry.
	wb2 := newTestWorkbench(t)
	wb2.lib = lib
	lex, err := wb2.runner.analyst.enabled()
	if err != nil || len(lex.Entries) != 1 || lex.Entries[0].ID != "megabill" {
		t.Errorf("a new window on the library does not read the entry: %v", err)
	}
}

func TestAddToLexiconFromADifferenceFlagsThePairNextTime(t *testing.T) {
	wb := newTestWorkbench(t)
	entries := docs(t,
		"The Senate passed the megabill on Tuesday after a long night. Ten senators voted against it.",
		"The Senate passed the Big Beautiful Bill on Tuesday after a long night. Ten senators voted against it.")
	wb.openCase(&Case{Name: "bill", Reports: entries}, nil)
	wb.wait()
	if wb.model == nil {
		t.Fatal("the two reports were not compared")
	}
	var found *framing.Difference
	for i, d := range wb.model.cmp.Differences {
		if d.Kind == framing.KindLexicon {
			t.Fatalf("before any entry of yours, the engine already names the pair: %+v", d)
		}
		if strings.Contains(d.Spans[0].Text, "megabill") {
			found = &wb.model.cmp.Differences[i]
		}
	}
	if found == nil {
		t.Fatalf("the engine found no difference at “megabill”: %+v", wb.model.cmp.Differences)
	}

	wb.jumpTo(found.Row)
	if !tapRichLink(wb.ui.detail.box, addToLexiconLabel) {
		t.Fatalf("the detail pane offers no %q on the difference:\n%s", addToLexiconLabel, wb.ui.detail.text())
	}
	ed := wb.runner.analyst.editor
	if ed == nil {
		t.Fatal("Add to lexicon opened no editor")
	}
	var terms []string
	for _, f := range ed.terms {
		terms = append(terms, f.term.Text+" by "+f.usedBy.Text)
	}
	if len(terms) != 2 || !strings.HasPrefix(terms[0], "megabill by r1") || !strings.Contains(terms[1], "by r2") {
		t.Fatalf("the editor is filled in with terms %q, want megabill used by r1 and r2's words", terms)
	}
	if !strings.Contains(ed.referent.Text, "megabill") || ed.id.Text == "" || ed.lang.Text != "en" {
		t.Errorf("referent %q, id %q, lang %q not filled in from the difference", ed.referent.Text, ed.id.Text, ed.lang.Text)
	}
	test.Tap(ed.save)
	waitLexicon(wb)
	if ed.problems.Visible() {
		t.Fatalf("the entry made from the difference was refused:\n%s", ed.problems.Text)
	}

	id := ed.id.Text
	var lex *framing.Difference
	for i, d := range wb.model.cmp.Differences {
		if d.Kind == framing.KindLexicon && d.Referent == id {
			lex = &wb.model.cmp.Differences[i]
		}
	}
	if lex == nil {
		t.Fatalf("the comparison after saving does not flag the pair as a lexicon term: %+v", wb.model.cmp.Differences)
	}
	if !lex.Framing || lex.Row != found.Row {
		t.Errorf("the lexicon difference is %+v, want a framing difference in row %d", *lex, found.Row)
	}

	// The engine itself, given the bundled lexicon and the entry, flags
	// the pair: the entry is a valid lexicon entry, not a window trick.
	own, err := wb.runner.analyst.enabled()
	if err != nil {
		t.Fatal(err)
	}
	bundled, err := lexicon.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	cmp, err := framing.Compare(context.Background(), (&Case{Reports: entries}).docs(), framing.Options{Lexicon: lexicon.Merge(bundled, own)})
	if err != nil {
		t.Fatal(err)
	}
	flagged := false
	for _, d := range cmp.Differences {
		flagged = flagged || (d.Kind == framing.KindLexicon && d.Referent == id)
	}
	if !flagged {
		t.Errorf("framing.Compare with the saved entry does not flag the pair: %+v", cmp.Differences)
	}

	// A lexicon difference now links to its referent in the lexicon.
	wb.jumpTo(lex.Row)
	if !tapRichLink(wb.ui.detail.box, showInLexiconLabel) {
		t.Fatalf("the lexicon difference does not offer %q", showInLexiconLabel)
	}
	waitLexicon(wb)
	if b := wb.runner.analyst.browser; b == nil || b.selected != id {
		t.Errorf("Show in lexicon did not open the lexicon window on %s", id)
	}
}
