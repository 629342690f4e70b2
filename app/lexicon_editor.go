package app

// The editor of the analyst's lexicon entries: a form with every field of
// the schema, checked with lexicon.Parse before it is saved, and "Add to
// lexicon…" on the differences of the detail pane, which opens it filled
// in from the difference.

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/lexicon"
)

// noConnotation is the connotation choice for none.
const noConnotation = "(none)"

// formField is one field of the form: its label, its widget and the label
// that shows its problems.
type formField struct {
	name    string
	obj     fyne.CanvasObject
	problem *widget.Label
}

func newFormField(name string, obj fyne.CanvasObject) *formField {
	p := widget.NewLabel("")
	p.Importance = widget.DangerImportance
	p.Wrapping = fyne.TextWrapWord
	p.Hide()
	return &formField{name: name, obj: obj, problem: p}
}

// formGrid lays rows out in two columns: names, then widgets with their
// problems under them.
func formGrid(rows ...*formField) *fyne.Container {
	g := container.New(newTwoColumnLayout())
	for _, r := range rows {
		g.Add(widget.NewLabel(r.name))
		g.Add(container.NewVBox(r.obj, r.problem))
	}
	return g
}

func (r *formField) addProblem(text string) {
	if r.problem.Text != "" {
		text = r.problem.Text + "\n" + text
	}
	r.problem.SetText(text)
	r.problem.Show()
}

func (r *formField) clearProblem() {
	r.problem.SetText("")
	r.problem.Hide()
}

func lexTextArea(items []string, placeholder string) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.SetText(strings.Join(items, "\n"))
	e.SetPlaceHolder(placeholder)
	e.SetMinRowsVisible(2)
	e.Wrapping = fyne.TextWrapOff
	return e
}

func lexTextField(text, placeholder string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.SetPlaceHolder(placeholder)
	return e
}

// termForm edits one term.
type termForm struct {
	box         *fyne.Container
	title       *widget.Label
	term        *widget.Entry
	match       *widget.Entry
	usedBy      *widget.Entry
	connotation *widget.Select
	neutral     *widget.Check
	stem        *widget.Check
	note        *widget.Entry
	rows        map[string]*formField
}

// sourceForm edits one source.
type sourceForm struct {
	box   *fyne.Container
	head  *widget.Label
	title *widget.Entry
	url   *widget.Entry
	rows  map[string]*formField
}

// entryEditor is the form that edits one of the analyst's entries, or
// makes a new one.
type entryEditor struct {
	wb   *workbench
	win  fyne.Window
	dlg  *dialog.CustomDialog
	orig *analystEntry // the entry edited; nil for a new one

	intro    *widget.Label
	problems *widget.Label
	status   *widget.Label

	id, lang, referent, note *widget.Entry
	domain                   *widget.SelectEntry
	category                 *widget.Select
	categoryHint             *widget.Label
	kind                     *widget.Select
	context, exceptions      *widget.Entry
	enabled                  *widget.Check
	terms                    []*termForm
	termsBox                 *fyne.Container
	sources                  []*sourceForm
	sourcesBox               *fyne.Container
	rows                     map[string]*formField
	scroll                   *container.Scroll

	save   *widget.Button
	cancel *widget.Button
}

// openEntryEditor shows the editor over win, filled in with y. orig is
// the analyst's entry being edited, or nil for a new entry (which may
// copy a bundled one: saved with the same id and language, it replaces
// it).
func openEntryEditor(wb *workbench, win fyne.Window, y yamlEntry, orig *analystEntry) *entryEditor {
	e := &entryEditor{wb: wb, win: win, orig: orig, rows: map[string]*formField{}}
	e.intro = wrapped("")
	e.intro.Hide()
	e.problems = wrapped("")
	e.problems.Importance = widget.DangerImportance
	e.problems.Hide()
	e.status = widget.NewLabel("")

	e.id = lexTextField(y.ID, "a slug: kyiv, war-in-ukraine")
	e.lang = lexTextField(y.Lang, "en, ru, uk, zh-Hans…")
	e.domain = widget.NewSelectEntry(knownDomains())
	e.domain.SetText(y.Domain)
	e.domain.SetPlaceHolder("russia-ukraine, climate, general…")
	var cats []string
	for _, c := range lexicon.Categories() {
		cats = append(cats, c.Name)
	}
	e.categoryHint = widget.NewLabel("")
	e.categoryHint.SizeName = theme.SizeNameCaptionText
	e.categoryHint.Wrapping = fyne.TextWrapWord
	e.categoryHint.Hide()
	e.category = widget.NewSelect(cats, func(s string) {
		for _, c := range lexicon.Categories() {
			if c.Name == s {
				e.categoryHint.SetText(c.Description)
				e.categoryHint.Show()
			}
		}
	})
	e.category.PlaceHolder = "(choose a category)"
	if y.Category != "" {
		e.category.SetSelected(y.Category)
	}
	e.kind = widget.NewSelect([]string{lexicon.KindContested, lexicon.KindModifier, lexicon.KindLoaded, lexicon.KindAttribution}, nil)
	kind := y.Kind
	if kind == "" {
		kind = lexicon.KindContested
	}
	e.kind.SetSelected(kind)
	e.referent = lexTextField(y.Referent, "what all the terms point at, described neutrally")
	e.note = lexTextArea(nil, "why the choice of term matters (shown to whoever reads the case)")
	e.note.Wrapping = fyne.TextWrapWord
	e.note.SetText(y.Note)
	e.context = lexTextArea(y.Context, "one pattern per line; the entry is used only when one occurs in the case")
	e.exceptions = lexTextArea(y.Exceptions, "one pattern per line; hits inside these are not counted")
	e.enabled = widget.NewCheck("Use this entry in comparisons", nil)
	e.enabled.SetChecked(orig == nil || orig.Enabled)

	for _, f := range []*formField{
		newFormField("Id", e.id), newFormField("Language", e.lang), newFormField("Domain", e.domain),
		newFormField("Category", container.NewVBox(e.category, e.categoryHint)), newFormField("Kind", e.kind),
		newFormField("Referent", e.referent), newFormField("Note", e.note),
		newFormField("Context", e.context), newFormField("Exceptions", e.exceptions),
	} {
		e.rows[schemaField(f.name)] = f
	}
	e.rows["terms"] = newFormField("", widget.NewLabel(""))
	e.rows["sources"] = newFormField("", widget.NewLabel(""))

	e.termsBox = container.NewVBox()
	for _, t := range y.Terms {
		e.addTerm(t)
	}
	e.sourcesBox = container.NewVBox()
	for _, s := range y.Sources {
		e.addSource(s)
	}

	r := e.rows
	form := container.NewVBox(
		formGrid(r["id"], r["lang"], r["domain"], r["category"], r["kind"], r["referent"]),
		e.enabled,
		lexSection("Terms"),
		lexCaption("Contested referents need two terms or more, each with who uses it; modifiers and loaded words need one; attribution verbs a neutral and an evaluative one. Patterns are Go regular expressions, one per line, matched without regard to case on word boundaries."),
		r["terms"].problem,
		e.termsBox,
		container.NewHBox(widget.NewButtonWithIcon("Add a term", theme.ContentAddIcon(), func() {
			e.guard("adding a term", func() { e.addTerm(yamlTerm{}) })
		})),
		lexSection("Sources"),
		lexCaption("A style guide, official guidance, research, or the reports where you saw the usage. The web address is optional."),
		r["sources"].problem,
		e.sourcesBox,
		container.NewHBox(widget.NewButtonWithIcon("Add a source", theme.ContentAddIcon(), func() {
			e.guard("adding a source", func() { e.addSource(yamlSource{}) })
		})),
		lexSection("Note and patterns"),
		formGrid(r["note"], r["context"], r["exceptions"]),
	)
	e.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*3), form))

	e.save = widget.NewButtonWithIcon("Save", theme.DocumentSaveIcon(), func() { e.guard("saving a lexicon entry", e.trySave) })
	e.save.Importance = widget.HighImportance
	e.cancel = widget.NewButton("Cancel", func() { e.dlg.Hide() })
	buttons := container.NewBorder(nil, nil, nil, container.NewHBox(e.cancel, e.save), e.status)
	content := container.NewBorder(container.NewVBox(e.intro, e.problems), buttons, nil, nil, e.scroll)

	title := "New lexicon entry"
	if orig != nil {
		title = "Lexicon entry " + orig.key().String()
	}
	e.dlg = dialog.NewCustomWithoutButtons(title, content, win)
	a := wb.runner.analyst
	a.editor = e
	e.dlg.SetOnClosed(func() {
		if a.editor == e {
			a.editor = nil
		}
	})
	size := win.Canvas().Size()
	e.dlg.Resize(fyne.NewSize(max(560, min(900, size.Width-40)), max(420, min(760, size.Height-40))))
	e.dlg.Show()
	if orig != nil && len(orig.Problems) > 0 {
		e.showProblems(fmt.Sprintf("This entry has %s: comparisons leave it out until it is fixed and saved.",
			plural(len(orig.Problems), "problem", "problems")), orig.Problems)
	}
	return e
}

// schemaField is the schema name of a form label.
func schemaField(name string) string {
	switch name {
	case "Language":
		return "lang"
	case "Used by":
		return "used_by"
	case "Web address":
		return "url"
	case "Match patterns":
		return "match"
	}
	return strings.ToLower(name)
}

func lexSection(text string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// guard runs f, turning a panic into a dialog over the editor's window.
func (e *entryEditor) guard(what string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			logPanic(what, p)
			showError(e.win, fmt.Errorf("%s failed on an internal error: %v. Your lexicon is unchanged; please report this with the log", what, p))
		}
	}()
	f()
}

// setIntro shows a line above the form saying where the entry comes
// from.
func (e *entryEditor) setIntro(text string) {
	e.intro.SetText(text)
	e.intro.Show()
}

// addTerm adds a term to the form.
func (e *entryEditor) addTerm(t yamlTerm) {
	f := &termForm{rows: map[string]*formField{}}
	f.term = lexTextField(t.Term, "the term as it should be displayed")
	f.match = lexTextArea(t.Match, "optional: patterns that find the term, one per line; empty finds the term itself")
	f.usedBy = lexTextField(strings.Join(t.UsedBy, ", "), "labels such as ru-state-media, ap-style, or an outlet's name as a slug")
	conns := []string{noConnotation}
	for _, c := range lexicon.Connotations() {
		conns = append(conns, c.Name)
	}
	f.connotation = widget.NewSelect(conns, nil)
	if t.Connotation == "" {
		f.connotation.SetSelected(noConnotation)
	} else {
		f.connotation.SetSelected(t.Connotation)
	}
	f.neutral = widget.NewCheck("neutral verb (attribution entries)", nil)
	f.neutral.SetChecked(t.Neutral)
	f.stem = widget.NewCheck("takes case endings (Russian, Ukrainian…)", nil)
	f.stem.SetChecked(t.Stem)
	f.note = lexTextField(t.Note, "optional remark on this term")
	rows := []*formField{
		newFormField("Term", f.term), newFormField("Match patterns", f.match), newFormField("Used by", f.usedBy),
		newFormField("Connotation", f.connotation), newFormField("Neutral", f.neutral), newFormField("Stem", f.stem),
		newFormField("Note", f.note),
	}
	for _, r := range rows {
		f.rows[schemaField(r.name)] = r
	}
	remove := widget.NewButtonWithIcon("Remove this term", theme.DeleteIcon(), func() {
		e.guard("removing a term", func() { e.removeTerm(f) })
	})
	remove.Importance = widget.LowImportance
	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	f.box = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, f.title, remove), formGrid(rows...))
	e.terms = append(e.terms, f)
	e.termsBox.Add(f.box)
	e.renumber()
}

func (e *entryEditor) removeTerm(f *termForm) {
	for i, x := range e.terms {
		if x == f {
			e.terms = append(e.terms[:i], e.terms[i+1:]...)
			break
		}
	}
	e.termsBox.Remove(f.box)
	e.renumber()
}

// renumber titles the terms and sources in order, as problems count
// them ("terms[2]" is Term 2).
func (e *entryEditor) renumber() {
	for i, f := range e.terms {
		f.title.SetText(fmt.Sprintf("Term %d", i+1))
	}
	for i, f := range e.sources {
		f.head.SetText(fmt.Sprintf("Source %d", i+1))
	}
}

// addSource adds a source to the form.
func (e *entryEditor) addSource(s yamlSource) {
	f := &sourceForm{rows: map[string]*formField{}}
	f.title = lexTextField(s.Title, "what documents the usage")
	f.url = lexTextField(s.URL, "optional: https://…")
	rows := []*formField{newFormField("Title", f.title), newFormField("Web address", f.url)}
	for _, r := range rows {
		f.rows[schemaField(r.name)] = r
	}
	remove := widget.NewButtonWithIcon("Remove this source", theme.DeleteIcon(), nil)
	remove.Importance = widget.LowImportance
	f.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	f.box = container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, f.head, remove), formGrid(rows...))
	remove.OnTapped = func() {
		e.guard("removing a source", func() {
			for i, x := range e.sources {
				if x == f {
					e.sources = append(e.sources[:i], e.sources[i+1:]...)
					break
				}
			}
			e.sourcesBox.Remove(f.box)
			e.renumber()
		})
	}
	e.sources = append(e.sources, f)
	e.sourcesBox.Add(f.box)
	e.renumber()
}

// patternLines splits a multi-line field into its non-empty lines.
func patternLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// splitLabels splits a list of labels written with commas or spaces.
func splitLabels(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || unicode.IsSpace(r) })
}

// collect reads the form into an entry.
func (e *entryEditor) collect() yamlEntry {
	y := yamlEntry{
		ID: strings.TrimSpace(e.id.Text), Lang: strings.TrimSpace(e.lang.Text),
		Domain: strings.TrimSpace(e.domain.Text), Category: e.category.Selected,
		Referent: strings.TrimSpace(e.referent.Text), Note: strings.TrimSpace(e.note.Text),
		Context: patternLines(e.context.Text), Exceptions: patternLines(e.exceptions.Text),
		Terms: []yamlTerm{}, Sources: []yamlSource{},
	}
	if k := e.kind.Selected; k != lexicon.KindContested {
		y.Kind = k
	}
	for _, f := range e.terms {
		t := yamlTerm{
			Term: strings.TrimSpace(f.term.Text), Match: patternLines(f.match.Text), UsedBy: splitLabels(f.usedBy.Text),
			Neutral: f.neutral.Checked, Stem: f.stem.Checked, Note: strings.TrimSpace(f.note.Text),
		}
		if c := f.connotation.Selected; c != noConnotation {
			t.Connotation = c
		}
		y.Terms = append(y.Terms, t)
	}
	for _, f := range e.sources {
		y.Sources = append(y.Sources, yamlSource{Title: strings.TrimSpace(f.title.Text), URL: strings.TrimSpace(f.url.Text)})
	}
	return y
}

// trySave checks the form with lexicon.Parse and saves the entry when it
// has no problem; otherwise it shows each problem beside its field.
func (e *entryEditor) trySave() {
	e.clearProblems()
	y := e.collect()
	text, err := entryText(y)
	if err != nil {
		showError(e.win, err)
		return
	}
	entry, probs := parseEntryText(text)
	if len(probs) > 0 {
		e.showProblems(notSaved(len(probs)), probs)
		return
	}
	ne := &analystEntry{Lang: entry.Lang, ID: entry.ID, Text: text, Enabled: e.enabled.Checked, Entry: entry}
	var replaces *entryKey
	if e.orig != nil {
		k := e.orig.key()
		replaces = &k
	}
	e.save.Disable()
	e.status.SetText("Saving…")
	a := e.wb.runner.analyst
	a.background(e.wb, "saving a lexicon entry", func() error {
		return a.save(ne, replaces)
	}, func(err error) {
		e.save.Enable()
		e.status.SetText("")
		if err != nil {
			if probs := fieldProblems(err); probs != nil {
				e.showProblems(notSaved(len(probs)), probs)
				return
			}
			showError(e.win, err)
			return
		}
		e.dlg.Hide()
		msg := fmt.Sprintf("Lexicon entry %s saved; the case is compared again with it.", ne.key())
		if !ne.Enabled {
			msg = fmt.Sprintf("Lexicon entry %s saved, disabled: comparisons do not use it.", ne.key())
		}
		e.wb.lexiconChanged(ne.ID, msg)
	})
}

// notSaved heads the problems that stopped a save.
func notSaved(n int) string {
	it := "them"
	if n == 1 {
		it = "it"
	}
	return fmt.Sprintf("Not saved: %s. Fix %s and save again.", plural(n, "problem", "problems"), it)
}

// fieldProblems returns the problems err holds when they all name a
// field of an entry (*lexicon.Error), else nil.
func fieldProblems(err error) []error {
	var list []error
	if u, ok := err.(interface{ Unwrap() []error }); ok {
		list = u.Unwrap()
	} else {
		list = []error{err}
	}
	for _, p := range list {
		var le *lexicon.Error
		if !errors.As(p, &le) {
			return nil
		}
	}
	return list
}

// entryProblemText words a problem of an entry for the editor: its field, then
// what is wrong.
func entryProblemText(err error) string {
	var le *lexicon.Error
	if !errors.As(err, &le) {
		return err.Error()
	}
	if le.Field == "" {
		return le.Problem
	}
	return le.Field + ": " + le.Problem
}

var fieldPathRE = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+)(?:\[(\d+)\])?)?$`)

// rowFor returns the form row a field path such as "terms[2].match[1]"
// names, and a prefix naming the item within it ("pattern 1: ").
func (e *entryEditor) rowFor(field string) (*formField, string) {
	m := fieldPathRE.FindStringSubmatch(field)
	if m == nil {
		return nil, ""
	}
	top, idx, sub, subIdx := m[1], m[2], m[3], m[4]
	prefix := ""
	if idx != "" && (top == "context" || top == "exceptions") {
		prefix = "pattern " + idx + ": "
	}
	if subIdx != "" {
		prefix = "item " + subIdx + ": "
		if sub == "match" {
			prefix = "pattern " + subIdx + ": "
		}
	}
	i, _ := strconv.Atoi(idx)
	switch {
	case top == "terms" && i >= 1 && i <= len(e.terms):
		f := e.terms[i-1]
		if r, ok := f.rows[sub]; ok {
			return r, prefix
		}
		return f.rows["term"], prefix
	case top == "sources" && i >= 1 && i <= len(e.sources):
		f := e.sources[i-1]
		if r, ok := f.rows[sub]; ok {
			return r, prefix
		}
		return f.rows["title"], prefix
	}
	return e.rows[top], prefix
}

// showProblems lists the problems under headline above the form and
// shows each beside the field it names.
func (e *entryEditor) showProblems(headline string, probs []error) {
	var first fyne.CanvasObject
	var b strings.Builder
	b.WriteString(headline)
	for _, p := range probs {
		b.WriteString("\n• " + entryProblemText(p))
		var le *lexicon.Error
		if errors.As(p, &le) {
			if r, prefix := e.rowFor(le.Field); r != nil {
				r.addProblem(prefix + le.Problem)
				if first == nil {
					first = r.obj
				}
			}
		}
	}
	e.problems.SetText(b.String())
	e.problems.Show()
	if first != nil {
		e.scrollTo(first)
	}
}

// scrollTo scrolls the form so that o is in sight.
func (e *entryEditor) scrollTo(o fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	e.scroll.Content.Refresh()
	y := d.AbsolutePositionForObject(o).Y - d.AbsolutePositionForObject(e.scroll.Content).Y
	e.scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-3*theme.TextSize())))
}

// clearProblems hides the problems of the last check.
func (e *entryEditor) clearProblems() {
	e.problems.SetText("")
	e.problems.Hide()
	for _, r := range e.rows {
		r.clearProblem()
	}
	for _, f := range e.terms {
		for _, r := range f.rows {
			r.clearProblem()
		}
	}
	for _, f := range e.sources {
		for _, r := range f.rows {
			r.clearProblem()
		}
	}
}

// knownDomains lists the domains of the bundled lexicon.
func knownDomains() []string {
	l, err := lexicon.Bundled()
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, e := range l.Entries {
		if !seen[e.Domain] {
			seen[e.Domain] = true
			out = append(out, e.Domain)
		}
	}
	return out
}

// addToLexicon offers difference d for the analyst's lexicon: a
// difference about a known referent opens it in the lexicon window; any
// other opens the editor filled in from the texts of its spans.
func (wb *workbench) addToLexicon(d framing.Difference) {
	if d.Kind == framing.KindLexicon && d.Referent != "" {
		wb.showLexiconAt(d.Referent)
		return
	}
	if wb.model == nil {
		return
	}
	y := lexiconDraft(wb.model, d)
	ed := openEntryEditor(wb, wb.win, y, nil)
	ed.setIntro(fmt.Sprintf("Made from the difference in row %d. Check the referent, who uses each term and the source, then save: the case is compared again at once, and from then on this pair is flagged as a contested term.", d.Row+1))
}

// lexiconDraft fills an entry in from difference d of m: one term per
// distinct text of its spans, used by the outlets that wrote it, and the
// reports themselves as sources.
func lexiconDraft(m *caseModel, d framing.Difference) yamlEntry {
	type termUse struct {
		text    string
		reports []int
	}
	var uses []*termUse
	var reports []int
	for _, sp := range d.Spans {
		text := strings.TrimFunc(sp.Text, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) })
		if text == "" {
			continue
		}
		if !slices.Contains(reports, sp.Report) {
			reports = append(reports, sp.Report)
		}
		var u *termUse
		for _, x := range uses {
			if strings.EqualFold(x.text, text) {
				u = x
			}
		}
		if u == nil {
			u = &termUse{text: text}
			uses = append(uses, u)
		}
		if !slices.Contains(u.reports, sp.Report) {
			u.reports = append(u.reports, sp.Report)
		}
	}
	label := func(r int) string {
		if r >= 0 && r < len(m.entries) {
			return m.entries[r].label()
		}
		return fmt.Sprintf("report %d", r+1)
	}
	y := yamlEntry{Domain: "general", Category: "issue-naming", Terms: []yamlTerm{}, Sources: []yamlSource{}}
	var names []string
	for _, u := range uses {
		t := yamlTerm{Term: u.text}
		for _, r := range u.reports {
			slug := lexSlug(label(r))
			if slug == "" {
				slug = fmt.Sprintf("report-%d", r+1)
			}
			if !slices.Contains(t.UsedBy, slug) {
				t.UsedBy = append(t.UsedBy, slug)
			}
		}
		y.Terms = append(y.Terms, t)
		names = append(names, "“"+u.text+"”")
	}
	switch d.Kind {
	case framing.KindModifier:
		y.Category = "hedge"
	case framing.KindAttribution:
		y.Category = "attribution-verb"
	case framing.KindQuotation:
		y.Category = "loaded-language"
	}
	switch len(uses) {
	case 0:
		y.Referent = ""
	case 1:
		y.Kind = lexicon.KindLoaded
		if d.Kind == framing.KindModifier {
			y.Kind = lexicon.KindModifier
		} else {
			y.Category = "loaded-language"
		}
		y.Referent = "the word " + names[0]
	case 2:
		y.Referent = "what one report calls " + names[0] + " and another " + names[1]
	default:
		y.Referent = "what the reports call " + strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
	}
	var parts []string
	for _, u := range uses {
		parts = append(parts, u.text)
	}
	y.ID = lexSlug(strings.Join(parts, " "))
	if len(y.ID) > 40 {
		y.ID = strings.TrimRight(y.ID[:40], "-")
		if i := strings.LastIndexByte(y.ID, '-'); i > 20 {
			y.ID = y.ID[:i]
		}
	}
	if y.ID == "" {
		y.ID = "my-term"
	}
	y.Lang = draftLang(m, reports, parts)
	if d.Explanation != "" {
		y.Note = strings.ToUpper(d.Explanation[:1]) + d.Explanation[1:] + "."
	}
	for _, r := range reports {
		s := yamlSource{Title: label(r)}
		if r >= 0 && r < len(m.entries) {
			e := m.entries[r]
			if t := strings.TrimSpace(e.Title); t != "" {
				s.Title += ": " + firstRunes(t, 100)
			}
			if e.Date != "" {
				s.Title += " (" + e.Date + ")"
			}
			if u, err := url.Parse(e.URL); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
				s.URL = e.URL
			}
		}
		y.Sources = append(y.Sources, s)
	}
	return y
}

// draftLang guesses the language of a draft: the language of a report (as
// its page gives it or the analyst corrected it), else the script of the
// terms.
func draftLang(m *caseModel, reports []int, terms []string) string {
	for _, r := range reports {
		if r < 0 || r >= len(m.entries) {
			continue
		}
		tag := strings.ToLower(strings.SplitN(strings.ReplaceAll(m.entries[r].Language, "_", "-"), "-", 2)[0])
		if len(tag) == 2 || len(tag) == 3 {
			if tag == "zh" {
				return "zh-Hans"
			}
			return tag
		}
	}
	for _, t := range terms {
		for _, r := range t {
			switch {
			case unicode.Is(unicode.Han, r):
				return "zh-Hans"
			case unicode.Is(unicode.Cyrillic, r):
				return "ru"
			}
		}
	}
	return "en"
}

// lexSlug makes a slug of s: lower-case ASCII letters and digits joined
// by hyphens; "" when s has none.
func lexSlug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	return b.String()
}

// addLexiconButtons ends each difference of row listed in box with a
// link: "Show in lexicon…" for a known referent, "Add to lexicon…" for the
// others. A difference is found in box by its text.
func addLexiconButtons(box *fyne.Container, m *caseModel, row int, add func(framing.Difference)) {
	done := map[*widget.RichText]bool{}
	for _, d := range m.cmp.RowDifferences(row) {
		hasText := false
		for _, sp := range d.Spans {
			hasText = hasText || strings.TrimSpace(sp.Text) != ""
		}
		if !hasText {
			continue
		}
		want := widget.NewRichText(differenceSegments(m, d)...).String()
		for _, o := range box.Objects {
			rt, ok := o.(*widget.RichText)
			if !ok || done[rt] || rt.String() != want {
				continue
			}
			done[rt] = true
			label := addToLexiconLabel
			if d.Kind == framing.KindLexicon && d.Referent != "" {
				label = showInLexiconLabel
			}
			diff := d
			rt.Segments = append(rt.Segments, plain("   "),
				&widget.HyperlinkSegment{Text: label, OnTapped: func() { add(diff) }})
			rt.Refresh()
			break
		}
	}
}

// Labels of the links that end each difference in the detail pane.
const (
	addToLexiconLabel  = "Add to lexicon…"
	showInLexiconLabel = "Show in lexicon…"
)
