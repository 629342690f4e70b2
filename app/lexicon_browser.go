package app

// The lexicon window: every referent of the bundled lexicon and of the
// analyst's own, searchable and filtered by domain, category and kind; the
// selected referent's terms in each language with who uses them, its note
// and sources, and where its terms occur in the open case.

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	fynestorage "fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing"
	"framelens/framing/lexicon"
	"framelens/storage"
)

// Labels of the browser's filters meaning "no filter".
const (
	allDomains    = "All domains"
	allCategories = "All categories"
	allKinds      = "All kinds"
)

// maxRowButtons bounds the row buttons shown for one term in one report.
const maxRowButtons = 24

// connectLexicon makes comparisons use the analyst's lexicon entries
// (kept in the window's library, or in memory without one) and offers
// "Add to lexicon…" on the differences in the detail pane.
func (wb *workbench) connectLexicon() {
	wb.runner.analyst.library = func() *storage.Library { return wb.lib }
	wb.ui.detail.onAddToLexicon = func(d framing.Difference) {
		wb.guard("adding to the lexicon", func() { wb.addToLexicon(d) })
	}
}

// showLexicon opens the lexicon window, or brings it to the front.
func (wb *workbench) showLexicon() *lexiconBrowser { return wb.showLexiconAt("") }

// showLexiconAt opens the lexicon window on the referent id ("" keeps
// the selection).
func (wb *workbench) showLexiconAt(id string) *lexiconBrowser {
	a := wb.runner.analyst
	if b := a.browser; b != nil {
		if id != "" {
			b.selectID(id)
		}
		b.win.RequestFocus()
		return b
	}
	b := newLexiconBrowser(wb)
	a.browser = b
	b.win.SetOnClosed(func() {
		if a.browser == b {
			a.browser = nil
		}
	})
	b.win.Show()
	b.reload(id)
	return b
}

// lexiconChanged follows a change of the analyst's entries: the lexicon
// window lists them again (selecting id, if given) and the open case is
// compared again with them.
func (wb *workbench) lexiconChanged(id, msg string) {
	b := wb.runner.analyst.browser
	if b != nil {
		b.status.SetText(msg)
	}
	wb.setStatus(msg)
	wb.recompare()
	if b != nil {
		b.reload(id)
	}
}

// lexRow is one language of a referent: the bundled entry, the analyst's
// entry, or both (the analyst's then replaces the bundled one).
type lexRow struct {
	lang    string
	bundled *lexicon.Entry
	own     *analystEntry
}

// used is the entry comparisons use, or nil.
func (r *lexRow) used() *lexicon.Entry {
	if r.own != nil && r.own.Enabled && r.own.Entry != nil {
		return r.own.Entry
	}
	return r.bundled
}

// shown is the entry the window describes: the analyst's when it parses,
// even disabled, else the bundled one; nil when neither.
func (r *lexRow) shown() *lexicon.Entry {
	if r.own != nil && r.own.Entry != nil {
		return r.own.Entry
	}
	return r.bundled
}

// lexRef is one referent: an id and its entries by language.
type lexRef struct {
	id   string
	rows []*lexRow
	// text is what the search looks in, lower-cased: the id, the
	// referents and the terms.
	text string
}

// describe is the referent's description: that of its English entry,
// else of its first.
func (r *lexRef) describe() string {
	var first string
	for _, row := range r.rows {
		e := row.shown()
		if e == nil {
			continue
		}
		if row.lang == "en" {
			return e.Referent
		}
		if first == "" {
			first = e.Referent
		}
	}
	if first == "" {
		return r.id
	}
	return first
}

// badge sums up who made the referent's entries for the list.
func (r *lexRef) badge() string {
	own, bad, off := false, false, false
	for _, row := range r.rows {
		if row.own != nil {
			own = true
			bad = bad || row.own.Entry == nil
			off = off || !row.own.Enabled
		}
	}
	switch {
	case bad:
		return "yours, has problems"
	case off:
		return "yours, disabled"
	case own:
		return "yours"
	}
	return "bundled"
}

// buildRefs groups the bundled and the analyst's entries by referent.
func buildRefs(bundled []*lexicon.Entry, own []*analystEntry) []*lexRef {
	byID := map[string]*lexRef{}
	row := func(id, lang string) *lexRow {
		ref := byID[id]
		if ref == nil {
			ref = &lexRef{id: id}
			byID[id] = ref
		}
		for _, r := range ref.rows {
			if r.lang == lang {
				return r
			}
		}
		r := &lexRow{lang: lang}
		ref.rows = append(ref.rows, r)
		return r
	}
	for _, e := range bundled {
		row(e.ID, e.Lang).bundled = e
	}
	for _, e := range own {
		row(e.ID, e.Lang).own = e
	}
	refs := make([]*lexRef, 0, len(byID))
	for _, ref := range byID {
		sort.Slice(ref.rows, func(i, j int) bool { return ref.rows[i].lang < ref.rows[j].lang })
		var b strings.Builder
		b.WriteString(ref.id)
		for _, row := range ref.rows {
			for _, e := range []*lexicon.Entry{row.bundled, ownEntry(row.own)} {
				if e == nil {
					continue
				}
				b.WriteString("\n" + e.Referent)
				for _, t := range e.Terms {
					b.WriteString("\n" + t.Term)
				}
			}
		}
		ref.text = strings.ToLower(b.String())
		refs = append(refs, ref)
	}
	sort.Slice(refs, func(i, j int) bool { return refs[i].id < refs[j].id })
	return refs
}

func ownEntry(e *analystEntry) *lexicon.Entry {
	if e == nil {
		return nil
	}
	return e.Entry
}

// lexFilter is what the browser's search box and filters ask for; empty
// fields ask for nothing.
type lexFilter struct {
	query, domain, category, kind string
}

// keeps reports whether ref passes the filter: the query occurs in its id,
// referents or terms, and one of its entries has the domain, category and
// kind asked for.
func (f lexFilter) keeps(ref *lexRef) bool {
	if q := strings.ToLower(strings.TrimSpace(f.query)); q != "" && !strings.Contains(ref.text, q) {
		return false
	}
	if f.domain == "" && f.category == "" && f.kind == "" {
		return true
	}
	for _, row := range ref.rows {
		for _, e := range []*lexicon.Entry{row.bundled, ownEntry(row.own)} {
			if e != nil && (f.domain == "" || e.Domain == f.domain) &&
				(f.category == "" || e.Category == f.category) && (f.kind == "" || e.Kind == f.kind) {
				return true
			}
		}
	}
	return false
}

// lexiconBrowser is the lexicon window.
type lexiconBrowser struct {
	wb  *workbench
	lex *analystLexicon
	win fyne.Window

	search   *widget.Entry
	domain   *widget.Select
	category *widget.Select
	kind     *widget.Select
	list     *widget.List
	count    *widget.Label
	status   *widget.Label
	detail   *fyne.Container
	scroll   *container.Scroll

	refs     []*lexRef
	shown    []*lexRef
	selected string
	// occGen numbers the searches for occurrences: only the latest is
	// shown.
	occGen int
}

func newLexiconBrowser(wb *workbench) *lexiconBrowser {
	b := &lexiconBrowser{wb: wb, lex: wb.runner.analyst, win: wb.app.NewWindow("Framelens - Lexicon")}
	b.win.SetIcon(appIcon())
	b.search = widget.NewEntry()
	b.search.SetPlaceHolder("Search ids, referents and terms (Ctrl+F)")
	b.search.OnChanged = func(string) { b.guard("searching the lexicon", b.applyFilter) }
	b.domain = widget.NewSelect([]string{allDomains}, nil)
	b.domain.SetSelected(allDomains)
	cats := []string{allCategories}
	for _, c := range lexicon.Categories() {
		cats = append(cats, c.Name)
	}
	b.category = widget.NewSelect(cats, nil)
	b.category.SetSelected(allCategories)
	b.kind = widget.NewSelect([]string{allKinds, lexicon.KindContested, lexicon.KindModifier, lexicon.KindLoaded, lexicon.KindAttribution}, nil)
	b.kind.SetSelected(allKinds)
	b.count = widget.NewLabel("")
	b.status = widget.NewLabel("Reading your lexicon…")
	b.status.Truncation = fyne.TextTruncateEllipsis

	b.list = widget.NewList(func() int { return len(b.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			sub := widget.NewLabel("")
			sub.SizeName = theme.SizeNameCaptionText
			sub.Truncation = fyne.TextTruncateEllipsis
			return container.New(layout.NewCustomPaddedVBoxLayout(0), title, sub)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < 0 || i >= len(b.shown) {
				return
			}
			ref := b.shown[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(ref.describe())
			langs := make([]string, len(ref.rows))
			for k, r := range ref.rows {
				langs[k] = r.lang
			}
			box.Objects[1].(*widget.Label).SetText(ref.id + " · " + strings.Join(langs, ", ") + " · " + ref.badge())
		})
	b.list.OnSelected = func(i widget.ListItemID) {
		b.guard("showing a referent", func() {
			if i >= 0 && i < len(b.shown) {
				b.selected = b.shown[i].id
				b.showSelected()
			}
		})
	}

	b.detail = container.NewVBox()
	b.scroll = container.NewVScroll(b.detail)
	for _, sel := range []*widget.Select{b.domain, b.category, b.kind} {
		sel.OnChanged = func(string) { b.guard("filtering the lexicon", b.applyFilter) }
	}

	filters := container.NewGridWithColumns(3, b.domain, b.category, b.kind)
	left := container.NewBorder(container.NewVBox(b.search, filters), b.count, nil, nil, b.list)
	split := container.NewHSplit(left, b.scroll)
	split.Offset = 0.42
	actions := container.NewHBox(
		widget.NewButtonWithIcon("New entry…", theme.ContentAddIcon(), func() { b.guard("making a lexicon entry", func() { b.newEntry() }) }),
		widget.NewButtonWithIcon("Import…", theme.DownloadIcon(), func() { b.guard("importing a lexicon", b.importFile) }),
		widget.NewButtonWithIcon("Export…", theme.UploadIcon(), func() { b.guard("exporting the lexicon", b.exportFile) }),
	)
	top := container.NewBorder(nil, widget.NewSeparator(), actions, nil)
	bottom := container.NewVBox(widget.NewSeparator(), b.status)
	b.win.SetContent(container.NewBorder(top, bottom, nil, nil, split))
	b.win.Canvas().AddShortcut(key(fyne.KeyF, ctrl), func(fyne.Shortcut) { b.win.Canvas().Focus(b.search) })
	b.win.Canvas().AddShortcut(key(fyne.KeyN, ctrl), func(fyne.Shortcut) { b.guard("making a lexicon entry", func() { b.newEntry() }) })
	b.win.Resize(fyne.NewSize(1140, 760))
	b.showSelected()
	return b
}

// guard runs f, turning a panic into a dialog on the lexicon window.
func (b *lexiconBrowser) guard(what string, f func()) {
	defer func() {
		if p := recover(); p != nil {
			logPanic(what, p)
			showError(b.win, fmt.Errorf("%s failed on an internal error: %v. Your lexicon is unchanged; please report this with the log", what, p))
		}
	}()
	f()
}

// reload reads the analyst's entries (off the UI goroutine) and lists
// every referent again, selecting id when it is not empty.
func (b *lexiconBrowser) reload(id string) {
	var own []*analystEntry
	b.lex.background(b.wb, "reading your lexicon", func() error {
		var err error
		own, err = b.lex.list()
		return err
	}, func(err error) {
		bundled, berr := lexicon.Bundled()
		switch {
		case berr != nil:
			b.status.SetText("The bundled lexicon could not be read: " + berr.Error())
		case err != nil:
			b.status.SetText(err.Error())
		case b.status.Text == "Reading your lexicon…":
			b.status.SetText(ownSummary(own, b.wb.lib != nil))
		}
		var entries []*lexicon.Entry
		if bundled != nil {
			entries = bundled.Entries
		}
		b.setEntries(entries, own, id)
	})
}

// ownSummary says how many entries the analyst has and where they are
// kept.
func ownSummary(own []*analystEntry, inLibrary bool) string {
	where := "in memory until the window closes (no library is open)"
	if inLibrary {
		where = "in your library"
	}
	return fmt.Sprintf("%s of your own, kept %s. Bundled entries are read-only: copy one to change it.",
		plural(len(own), "entry", "entries"), where)
}

// setEntries lists the referents of the entries.
func (b *lexiconBrowser) setEntries(bundled []*lexicon.Entry, own []*analystEntry, id string) {
	b.refs = buildRefs(bundled, own)
	domains := map[string]bool{}
	for _, ref := range b.refs {
		for _, row := range ref.rows {
			if e := row.shown(); e != nil {
				domains[e.Domain] = true
			}
		}
	}
	opts := []string{allDomains}
	for d := range domains {
		opts = append(opts, d)
	}
	sort.Strings(opts[1:])
	b.domain.Options = opts
	if !slices.Contains(opts, b.domain.Selected) {
		b.domain.SetSelected(allDomains)
	}
	b.domain.Refresh()
	if id != "" {
		b.selected = id
		if !b.filter().keeps(b.find(id)) {
			b.clearFilters()
		}
	}
	b.applyFilter()
}

// find returns the referent id, or nil.
func (b *lexiconBrowser) find(id string) *lexRef {
	for _, ref := range b.refs {
		if ref.id == id {
			return ref
		}
	}
	return nil
}

func (b *lexiconBrowser) clearFilters() {
	b.search.SetText("")
	b.domain.SetSelected(allDomains)
	b.category.SetSelected(allCategories)
	b.kind.SetSelected(allKinds)
}

// filter reads the search box and the filters.
func (b *lexiconBrowser) filter() lexFilter {
	f := lexFilter{query: b.search.Text}
	if s := b.domain.Selected; s != allDomains {
		f.domain = s
	}
	if s := b.category.Selected; s != allCategories {
		f.category = s
	}
	if s := b.kind.Selected; s != allKinds {
		f.kind = s
	}
	return f
}

// applyFilter lists the referents that pass the search and the filters,
// keeping the selection when it is still listed.
func (b *lexiconBrowser) applyFilter() {
	if b.find(b.selected) == nil {
		b.selected = ""
	}
	f := b.filter()
	b.shown = b.shown[:0:0]
	sel := -1
	for _, ref := range b.refs {
		if ref == nil || !f.keeps(ref) {
			continue
		}
		if ref.id == b.selected {
			sel = len(b.shown)
		}
		b.shown = append(b.shown, ref)
	}
	b.count.SetText(fmt.Sprintf("%d of %d referents", len(b.shown), len(b.refs)))
	b.list.UnselectAll()
	b.list.Refresh()
	if sel >= 0 {
		b.list.ScrollTo(sel)
		b.list.Select(sel) // shows the referent, last: it may start a search
		return
	}
	b.showSelected()
}

// selectID selects the referent id, clearing the filters if they hide it.
func (b *lexiconBrowser) selectID(id string) {
	ref := b.find(id)
	if ref == nil {
		b.status.SetText(fmt.Sprintf("No referent %q in the lexicon.", id))
		return
	}
	b.selected = id
	if !b.filter().keeps(ref) {
		b.clearFilters()
	}
	b.applyFilter()
}

// modelChanged follows a new comparison of the open case.
func (b *lexiconBrowser) modelChanged() { b.showSelected() }

// showSelected describes the selected referent, then looks for its terms
// in the open case off the UI goroutine.
func (b *lexiconBrowser) showSelected() {
	ref := b.find(b.selected)
	b.occGen++
	if ref == nil {
		b.detail.RemoveAll()
		b.detail.Add(wrapped("Select a referent to read its terms in each language, who uses them, why the choice matters and where they occur in the open case."))
		b.detail.Refresh()
		return
	}
	b.render(ref, nil, "Looking for these terms in the open case…")
	m := b.wb.model
	if m == nil {
		b.render(ref, nil, "No comparison is open: compare two or more reports to see where these terms occur.")
		return
	}
	var used []*lexicon.Entry
	for _, row := range ref.rows {
		if e := row.used(); e != nil {
			used = append(used, e)
		}
	}
	gen := b.occGen
	var occ map[occKey][]reportHits
	b.lex.background(b.wb, "finding terms in the case", func() error {
		occ = termOccurrences(m, ref.id, used)
		return nil
	}, func(err error) {
		if gen != b.occGen || b.wb.model != m {
			return // outdated
		}
		if err != nil {
			b.render(ref, nil, err.Error())
			return
		}
		b.render(ref, occ, "")
	})
}

// occKey names one term of one entry of a referent.
type occKey struct {
	lang string
	term int
}

// reportHits is how often a term occurs in one report, and in which rows.
type reportHits struct {
	report, count int
	rows          []int
}

// termOccurrences finds where the terms of a referent's entries occur in
// the compared reports. Contested referents are read from the
// comparison's terminology summary; the others (modifiers, loaded words,
// attribution verbs), which the summary leaves out, are found with the
// lexicon's matcher in the sentences of each report.
func termOccurrences(m *caseModel, id string, entries []*lexicon.Entry) map[occKey][]reportHits {
	out := map[occKey][]reportHits{}
	if m == nil || len(entries) == 0 {
		return out
	}
	if entries[0].Kind == lexicon.KindContested {
		for _, tu := range m.cmp.Terms {
			if tu.Referent != id {
				continue
			}
			for _, rt := range tu.Reports {
				for _, tc := range rt.Terms {
					if k, ok := termIndex(entries, tc.Term); ok && tc.Count > 0 {
						out[k] = append(out[k], reportHits{report: rt.Report, count: tc.Count, rows: tc.Rows})
					}
				}
			}
		}
		return out
	}
	texts := make([]string, len(m.entries))
	for i, e := range m.entries {
		texts[i] = e.Doc.Text
	}
	mt := (&lexicon.Lexicon{Entries: entries}).Matcher(texts...)
	rowOf := sentenceRows(m.cmp)
	for r, rep := range m.cmp.Reports {
		hits := map[occKey]*reportHits{}
		for s, sent := range rep.Sentences {
			for _, h := range mt.Find(sent.Text) {
				k := occKey{h.Entry.Lang, h.Term}
				rh := hits[k]
				if rh == nil {
					rh = &reportHits{report: r}
					hits[k] = rh
				}
				rh.count++
				if row := rowOf[r][s]; row >= 0 && !slices.Contains(rh.rows, row) {
					rh.rows = append(rh.rows, row)
				}
			}
		}
		for k, rh := range hits {
			sort.Ints(rh.rows)
			out[k] = append(out[k], *rh)
		}
	}
	return out
}

// termIndex finds the term displayed as name among the entries.
func termIndex(entries []*lexicon.Entry, name string) (occKey, bool) {
	for _, e := range entries {
		for i, t := range e.Terms {
			if t.Term == name {
				return occKey{e.Lang, i}, true
			}
		}
	}
	return occKey{}, false
}

// sentenceRows maps each sentence of each report to its row (-1: none).
func sentenceRows(c *framing.Comparison) [][]int {
	out := make([][]int, len(c.Reports))
	for r, rep := range c.Reports {
		out[r] = make([]int, len(rep.Sentences))
		for s := range out[r] {
			out[r][s] = -1
		}
	}
	for row, rw := range c.Rows {
		for r, cell := range rw.Cells {
			for _, s := range cell {
				if r < len(out) && s >= 0 && s < len(out[r]) {
					out[r][s] = row
				}
			}
		}
	}
	return out
}

// lexLanguageNames names the languages of the bundled lexicon.
var lexLanguageNames = map[string]string{
	"en": "English", "ru": "Russian", "uk": "Ukrainian", "zh-Hans": "Chinese (simplified)",
	"zh-Hant": "Chinese (traditional)", "de": "German", "fr": "French", "es": "Spanish",
	"ar": "Arabic", "he": "Hebrew", "ja": "Japanese", "ko": "Korean",
}

func lexLanguageName(tag string) string {
	if n, ok := lexLanguageNames[tag]; ok {
		return n + " (" + tag + ")"
	}
	return tag
}

// render shows ref; occ says where its terms occur in the open case (nil:
// not known), and note, when not empty, says why not.
func (b *lexiconBrowser) render(ref *lexRef, occ map[occKey][]reportHits, note string) {
	d := b.detail
	d.RemoveAll()
	title := widget.NewLabelWithStyle(ref.describe(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	d.Add(title)
	if e := firstShown(ref); e != nil {
		d.Add(lexCaption(fmt.Sprintf("id %s · domain %s · category %s · kind %s", ref.id, e.Domain, e.Category, e.Kind)))
	}
	if note != "" {
		d.Add(lexCaption(note))
	}
	for _, row := range ref.rows {
		d.Add(widget.NewSeparator())
		b.renderRow(d, row, occ)
	}
	d.Refresh()
}

func firstShown(ref *lexRef) *lexicon.Entry {
	for _, row := range ref.rows {
		if e := row.shown(); e != nil {
			return e
		}
	}
	return nil
}

func lexCaption(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.SizeName = theme.SizeNameCaptionText
	return l
}

// renderRow shows one language of a referent with the actions on it.
func (b *lexiconBrowser) renderRow(d *fyne.Container, row *lexRow, occ map[occKey][]reportHits) {
	origin := "bundled, read-only"
	switch {
	case row.own != nil && row.bundled != nil:
		origin = "yours, replaces the bundled entry"
	case row.own != nil:
		origin = "yours"
	}
	if row.own != nil && !row.own.Enabled {
		origin += ", disabled: not used in comparisons"
	}
	head := widget.NewLabelWithStyle(lexLanguageName(row.lang)+" — "+origin, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	head.Wrapping = fyne.TextWrapWord
	d.Add(head)
	d.Add(b.rowActions(row))
	if row.own != nil && len(row.own.Problems) > 0 {
		var msgs []string
		for _, p := range row.own.Problems {
			msgs = append(msgs, "• "+entryProblemText(p))
		}
		l := wrapped("This entry is not used until its problems are fixed:\n" + strings.Join(msgs, "\n"))
		l.Importance = widget.DangerImportance
		d.Add(l)
	}
	e := row.shown()
	if e == nil {
		return
	}
	inUse := row.used() == e
	for i, t := range e.Terms {
		d.Add(b.termBlock(e, i, t, occ, inUse))
	}
	if len(e.Context) > 0 {
		d.Add(lexCaption("Used only when the case mentions: " + strings.Join(e.Context, ", ")))
	}
	if len(e.Exceptions) > 0 {
		d.Add(lexCaption("Not counted inside: " + strings.Join(e.Exceptions, ", ")))
	}
	if e.Note != "" {
		d.Add(wrapped(e.Note))
	}
	if len(e.Sources) > 0 {
		d.Add(widget.NewLabelWithStyle("Sources", fyne.TextAlignLeading, fyne.TextStyle{Italic: true}))
		for _, s := range e.Sources {
			d.Add(lexSourceLink(s))
		}
	}
}

// lexSourceLink shows a source as a link when it has a web address.
func lexSourceLink(s lexicon.Source) fyne.CanvasObject {
	if u, err := url.Parse(s.URL); s.URL != "" && err == nil {
		h := widget.NewHyperlink(s.Title, u)
		h.Wrapping = fyne.TextWrapWord
		return h
	}
	return wrapped(s.Title)
}

// rowActions are the buttons of one language of a referent: the
// analyst's entries can be edited, disabled and deleted; bundled ones
// copied into the analyst's lexicon.
func (b *lexiconBrowser) rowActions(row *lexRow) fyne.CanvasObject {
	box := container.NewHBox()
	if row.own == nil {
		bundled := row.bundled
		box.Add(widget.NewButtonWithIcon("Copy to my lexicon…", theme.ContentCopyIcon(), func() {
			b.guard("copying a lexicon entry", func() {
				ed := openEntryEditor(b.wb, b.win, toYAML(bundled), nil)
				ed.setIntro("A copy of the bundled entry. Saved with the same id and language, it replaces the bundled entry in your comparisons; with another id or language it is added.")
			})
		}))
		return box
	}
	own := row.own
	box.Add(widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() {
		b.guard("editing a lexicon entry", func() { openEntryEditor(b.wb, b.win, draftFromText(own), own) })
	}))
	toggle := "Disable"
	if !own.Enabled {
		toggle = "Enable"
	}
	box.Add(widget.NewButton(toggle, func() {
		b.guard(strings.ToLower(toggle)+" a lexicon entry", func() { b.setEnabled(own, !own.Enabled) })
	}))
	box.Add(widget.NewButtonWithIcon("Delete…", theme.DeleteIcon(), func() { b.guard("deleting a lexicon entry", func() { b.confirmDelete(own) }) }))
	return box
}

// termBlock shows one term: who uses it, its connotation and patterns,
// and where it occurs in the open case, with a button per row.
func (b *lexiconBrowser) termBlock(e *lexicon.Entry, i int, t lexicon.Term, occ map[occKey][]reportHits, inUse bool) fyne.CanvasObject {
	box := container.NewVBox()
	var facts []string
	if len(t.UsedBy) > 0 {
		facts = append(facts, "used by "+strings.Join(t.UsedBy, ", "))
	}
	if t.Connotation != "" {
		facts = append(facts, t.Connotation)
	}
	if t.Neutral {
		facts = append(facts, "neutral verb")
	}
	line := "“" + t.Term + "”"
	if len(facts) > 0 {
		line += " — " + strings.Join(facts, " · ")
	}
	l := widget.NewLabelWithStyle(line, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	box.Add(l)
	var extra []string
	if len(t.Match) > 0 {
		extra = append(extra, "found by: "+strings.Join(t.Match, "  |  "))
	}
	if t.Stem {
		extra = append(extra, "takes case endings")
	}
	if len(extra) > 0 {
		box.Add(lexCaption(strings.Join(extra, " · ")))
	}
	if t.Note != "" {
		box.Add(lexCaption(t.Note))
	}
	if occ == nil || !inUse {
		return box
	}
	hits := occ[occKey{e.Lang, i}]
	if len(hits) == 0 {
		box.Add(lexCaption("Not in the open case."))
		return box
	}
	m := b.wb.model
	for _, h := range hits {
		outlet := fmt.Sprintf("report %d", h.report+1)
		if m != nil && h.report >= 0 && h.report < len(m.entries) {
			outlet = m.entries[h.report].label()
		}
		rows := container.New(layout.NewRowWrapLayout())
		rows.Add(widget.NewLabel(fmt.Sprintf("%s ×%d", firstRunes(outlet, 32), h.count)))
		for k, row := range h.rows {
			if k == maxRowButtons {
				rows.Add(widget.NewLabel(fmt.Sprintf("and %d more rows", len(h.rows)-k)))
				break
			}
			term, report := t.Term, h.report
			btn := widget.NewButton(fmt.Sprintf("row %d", row+1), func() {
				b.guard("jumping to a row", func() { b.jump(row, report, term) })
			})
			btn.Importance = widget.LowImportance
			rows.Add(btn)
		}
		box.Add(rows)
	}
	return box
}

// jump shows row in the main window.
func (b *lexiconBrowser) jump(row, report int, term string) {
	wb := b.wb
	if wb.model == nil || row < 0 || row >= wb.model.rows() {
		b.status.SetText("That row is no longer in the comparison: the case changed.")
		return
	}
	wb.jumpTo(row)
	outlet := ""
	if report >= 0 && report < len(wb.model.entries) {
		outlet = " in " + wb.model.entries[report].label()
	}
	wb.setStatus(fmt.Sprintf("“%s”%s: row %d.", term, outlet, row+1))
	wb.win.RequestFocus()
}

// setEnabled enables or disables one of the analyst's entries.
func (b *lexiconBrowser) setEnabled(own *analystEntry, on bool) {
	ne := *own
	ne.Enabled = on
	k := own.key()
	b.lex.background(b.wb, "saving a lexicon entry", func() error {
		return b.lex.save(&ne, &k)
	}, func(err error) {
		if err != nil {
			showError(b.win, err)
			return
		}
		state := "disabled: comparisons no longer use it"
		if on {
			state = "enabled: comparisons use it again"
		}
		b.wb.lexiconChanged(own.ID, fmt.Sprintf("Lexicon entry %s %s.", k, state))
	})
}

// confirmDelete deletes one of the analyst's entries once confirmed.
func (b *lexiconBrowser) confirmDelete(own *analystEntry) {
	k := own.key()
	msg := fmt.Sprintf("Delete your lexicon entry %s? This cannot be undone; export your lexicon first to keep a copy.", k)
	dialog.ShowConfirm("Delete lexicon entry", msg, func(ok bool) {
		if !ok {
			return
		}
		b.guard("deleting a lexicon entry", func() {
			b.lex.background(b.wb, "deleting a lexicon entry", func() error {
				return b.lex.remove(k)
			}, func(err error) {
				if err != nil {
					showError(b.win, err)
					return
				}
				b.wb.lexiconChanged(own.ID, fmt.Sprintf("Lexicon entry %s deleted.", k))
			})
		})
	}, b.win)
}

// newEntry opens the editor on an empty entry.
func (b *lexiconBrowser) newEntry() *entryEditor {
	y := yamlEntry{Lang: "en", Domain: "general", Category: "issue-naming",
		Terms:   []yamlTerm{{}, {}},
		Sources: []yamlSource{{}},
	}
	return openEntryEditor(b.wb, b.win, y, nil)
}

// importFile asks for a lexicon file to import.
func (b *lexiconBrowser) importFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		b.guard("importing a lexicon", func() {
			if err != nil {
				showError(b.win, fmt.Errorf("choosing a lexicon file: %w", err))
				return
			}
			if r == nil {
				return
			}
			path := r.URI().Path()
			_ = r.Close() // the file is read again off the UI goroutine
			b.wb.importLexicon(b.win, path)
		})
	}, b.win)
	d.SetFilter(fynestorage.NewExtensionFileFilter([]string{".yaml", ".yml", ".json"}))
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// exportFile asks where to write the analyst's entries.
func (b *lexiconBrowser) exportFile() {
	usable := 0
	for _, ref := range b.refs {
		for _, row := range ref.rows {
			if row.own != nil && row.own.Enabled && row.own.Entry != nil {
				usable++
			}
		}
	}
	if usable == 0 {
		dialog.ShowInformation("Nothing to export", nothingToExport, b.win)
		return
	}
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		b.guard("exporting the lexicon", func() {
			if err != nil {
				showError(b.win, fmt.Errorf("choosing where to export: %w", err))
				return
			}
			if w == nil {
				return
			}
			path := w.URI().Path()
			_ = w.Close() // the file is written through a temporary file
			b.wb.exportLexicon(b.win, path)
		})
	}, b.win)
	d.SetFileName("my-lexicon.yaml")
	d.Resize(fyne.NewSize(900, 620))
	d.Show()
}

// compared follows a comparison shown in the window: the lexicon window
// looks for the selected referent's terms in it. UI goroutine only.
func (a *analystLexicon) compared() {
	if a.browser != nil {
		a.browser.modelChanged()
	}
}
