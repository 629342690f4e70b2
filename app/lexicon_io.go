package app

// The analyst's own lexicon: the entries kept in the library (or in memory
// when there is no library), their YAML form, and the import and export of
// lexicon files in the schema of assets/lexicon/SCHEMA.md.

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
	"gopkg.in/yaml.v3"

	"framelens/framing/lexicon"
	"framelens/storage"
)

// ownLexiconName names the analyst's entries in problem messages.
const ownLexiconName = "your lexicon"

// entryKey names an entry: its referent id and language. Entries with the
// same key replace one another (lexicon.Merge).
type entryKey struct{ id, lang string }

// String writes the key as the analyst reads it: "kyiv (en)".
func (k entryKey) String() string { return k.id + " (" + k.lang + ")" }

// analystEntry is one of the analyst's entries as stored. It is never
// changed once made: a change replaces it.
type analystEntry struct {
	Lang, ID string
	// Text is the entry in YAML: one mapping of the lexicon schema.
	Text string
	// Enabled entries are used in comparisons.
	Enabled bool
	// Entry is Text parsed; nil when Text has problems.
	Entry *lexicon.Entry
	// Problems lists what is wrong with Text, each naming its field.
	Problems []error
}

func (e *analystEntry) key() entryKey { return entryKey{e.ID, e.Lang} }

// newAnalystEntry parses text, the stored form of the entry (id, lang).
func newAnalystEntry(lang, id, text string, enabled bool) *analystEntry {
	e := &analystEntry{Lang: lang, ID: id, Text: text, Enabled: enabled}
	e.Entry, e.Problems = parseEntryText(text)
	if e.Entry != nil && (e.Entry.ID != id || e.Entry.Lang != lang) {
		e.Problems = append(e.Problems, &lexicon.Error{File: ownLexiconName, Entry: id, Field: "id",
			Problem: fmt.Sprintf("the text names %s but the entry is kept as %s; open it in the editor and save it again",
				entryKey{e.Entry.ID, e.Entry.Lang}, entryKey{id, lang})})
		e.Entry = nil
	}
	return e
}

// analystLexicon holds the analyst's own entries. They add to the bundled
// lexicon, and an entry with the id and language of a bundled one replaces
// it. They are kept in the library when the window has one, else in
// memory until the window closes. The methods are safe for concurrent
// use; those that may read or write the library run off the UI goroutine.
type analystLexicon struct {
	// library returns the library that keeps the entries, or nil. It is
	// called off the UI goroutine until it returns a library, which then
	// keeps the entries for good; the window sets its library before it
	// opens a case, so before the first comparison.
	library func() *storage.Library

	mu      sync.Mutex
	loaded  bool
	from    *storage.Library // the library the entries were read from
	entries []*analystEntry  // by language, then id

	// work counts the goroutines that read and write the entries.
	work lexTasks
	// browser is the open lexicon window, or nil; editor the entry
	// editor shown last, or nil once closed (UI goroutine only).
	browser *lexiconBrowser
	editor  *entryEditor
}

func newAnalystLexicon() *analystLexicon {
	a := &analystLexicon{}
	a.work.idle.L = &a.work.mu
	return a
}

// lexTasks counts work under way so that it can be waited for. Unlike a
// sync.WaitGroup it may gain work while someone waits.
type lexTasks struct {
	mu   sync.Mutex
	idle sync.Cond // on mu
	n    int
}

func (t *lexTasks) add() {
	t.mu.Lock()
	t.n++
	t.mu.Unlock()
}

func (t *lexTasks) done() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.n--
	if t.n == 0 {
		t.idle.Broadcast()
	}
}

// wait blocks until no work is under way.
func (t *lexTasks) wait() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for t.n > 0 {
		t.idle.Wait()
	}
}

func (a *analystLexicon) lib() *storage.Library {
	if a.library == nil {
		return nil
	}
	return a.library()
}

// loadLocked reads the entries from the library unless they are read
// already. Entries made in memory before the library was there are saved
// into it. Called with a.mu held, off the UI goroutine.
func (a *analystLexicon) loadLocked() error {
	if a.loaded && a.from != nil {
		return nil // bound to its library for good
	}
	lib := a.lib()
	if a.loaded && lib == nil {
		return nil
	}
	if lib == nil {
		a.loaded, a.from = true, nil
		return nil
	}
	stored, err := lib.LexiconEntries()
	if err != nil {
		return fmt.Errorf("reading your lexicon entries from the library: %w; the comparison needs them, so check that the library file is readable and try again", err)
	}
	have := map[entryKey]bool{}
	entries := make([]*analystEntry, 0, len(stored))
	for _, s := range stored {
		e := newAnalystEntry(s.Lang, s.ID, s.Text, s.Enabled)
		have[e.key()] = true
		entries = append(entries, e)
	}
	for _, e := range a.entries {
		if have[e.key()] {
			continue
		}
		if _, err := lib.SaveLexiconEntry(storage.LexiconEntry{Lang: e.Lang, ID: e.ID, Text: e.Text, Enabled: e.Enabled}); err != nil {
			return fmt.Errorf("keeping your lexicon entry %s in the library: %w", e.key(), err)
		}
		entries = append(entries, e)
	}
	sortEntries(entries)
	a.entries, a.loaded, a.from = entries, true, lib
	return nil
}

func sortEntries(es []*analystEntry) {
	sort.SliceStable(es, func(i, j int) bool {
		if es[i].Lang != es[j].Lang {
			return es[i].Lang < es[j].Lang
		}
		return es[i].ID < es[j].ID
	})
}

// list returns the analyst's entries, reading them first if need be.
func (a *analystLexicon) list() ([]*analystEntry, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.loadLocked(); err != nil {
		return nil, err
	}
	return append([]*analystEntry(nil), a.entries...), nil
}

// enabled returns the entries comparisons use: the enabled ones without
// problems. The result is a new lexicon the caller may merge.
func (a *analystLexicon) enabled() (*lexicon.Lexicon, error) {
	es, err := a.list()
	if err != nil {
		return nil, err
	}
	l := &lexicon.Lexicon{}
	for _, e := range es {
		if e.Enabled && e.Entry != nil {
			l.Entries = append(l.Entries, e.Entry)
		}
	}
	return l, nil
}

// save stores e, replacing the analyst's entry with e's key; when replaces
// names another key (the id or language was changed in the editor), that
// entry is deleted. Entries that share e's id must agree with it on
// domain, category and kind: the problems are returned as
// *lexicon.Error values, and nothing is saved.
func (a *analystLexicon) save(e *analystEntry, replaces *entryKey) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.loadLocked(); err != nil {
		return err
	}
	var others []*analystEntry
	exists := false
	for _, x := range a.entries {
		switch {
		case x.key() == e.key():
			exists = true
		case replaces == nil || x.key() != *replaces:
			others = append(others, x)
		}
	}
	if exists && (replaces == nil || *replaces != e.key()) {
		return errors.Join(&lexicon.Error{File: ownLexiconName, Entry: e.ID, Field: "id",
			Problem: fmt.Sprintf("you already have an entry %s; edit that one, or change the id or the language", e.key())})
	}
	if probs := disagreements(e, others); len(probs) > 0 {
		return errors.Join(probs...)
	}
	if lib := a.from; lib != nil {
		if _, err := lib.SaveLexiconEntry(storage.LexiconEntry{Lang: e.Lang, ID: e.ID, Text: e.Text, Enabled: e.Enabled}); err != nil {
			return fmt.Errorf("saving lexicon entry %s: %w", e.key(), err)
		}
		if replaces != nil && *replaces != e.key() {
			if err := lib.DeleteLexiconEntry(replaces.lang, replaces.id); err != nil && !errors.Is(err, storage.ErrNotFound) {
				return fmt.Errorf("entry %s was saved, but the old entry %s could not be removed: %w; delete it in the lexicon window", e.key(), *replaces, err)
			}
		}
	}
	a.entries = append(others, e)
	sortEntries(a.entries)
	return nil
}

// remove deletes the analyst's entry k.
func (a *analystLexicon) remove(k entryKey) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.loadLocked(); err != nil {
		return err
	}
	if lib := a.from; lib != nil {
		if err := lib.DeleteLexiconEntry(k.lang, k.id); err != nil && !errors.Is(err, storage.ErrNotFound) {
			return fmt.Errorf("deleting lexicon entry %s: %w", k, err)
		}
	}
	kept := a.entries[:0:0]
	for _, x := range a.entries {
		if x.key() != k {
			kept = append(kept, x)
		}
	}
	a.entries = kept
	return nil
}

// saveAll stores the entries of an import, one after the other. On an
// error the entries before it are kept and the error says how many.
func (a *analystLexicon) saveAll(es []*analystEntry) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if err := a.loadLocked(); err != nil {
		return err
	}
	for i, e := range es {
		if lib := a.from; lib != nil {
			if _, err := lib.SaveLexiconEntry(storage.LexiconEntry{Lang: e.Lang, ID: e.ID, Text: e.Text, Enabled: e.Enabled}); err != nil {
				return fmt.Errorf("importing lexicon entry %s: %w (%d of %d entries were imported before it; import the file again to finish)", e.key(), err, i, len(es))
			}
		}
		replaced := false
		for j, x := range a.entries {
			if x.key() == e.key() {
				a.entries[j], replaced = e, true
			}
		}
		if !replaced {
			a.entries = append(a.entries, e)
		}
	}
	sortEntries(a.entries)
	return nil
}

// disagreements checks that e agrees on domain, category and kind with
// the entries of others that share its id, as a lexicon file requires.
func disagreements(e *analystEntry, others []*analystEntry) []error {
	if e.Entry == nil {
		return nil
	}
	var probs []error
	for _, x := range others {
		if x.Entry == nil || x.ID != e.ID {
			continue
		}
		for _, f := range [][3]string{
			{"domain", e.Entry.Domain, x.Entry.Domain},
			{"category", e.Entry.Category, x.Entry.Category},
			{"kind", e.Entry.Kind, x.Entry.Kind},
		} {
			if f[1] != f[2] {
				probs = append(probs, &lexicon.Error{File: ownLexiconName, Entry: e.ID, Field: f[0],
					Problem: fmt.Sprintf("is %q but your %s entry of the same id has %q; entries of one id must agree, so use the same %s", f[1], x.Lang, f[2], f[0])})
			}
		}
		break
	}
	return probs
}

// background runs work off the UI goroutine, then done with its error on
// the UI goroutine. A panic in work becomes an error.
func (a *analystLexicon) background(wb *workbench, what string, work func() error, done func(error)) {
	a.work.add()
	go func() {
		defer a.work.done()
		err := func() (err error) {
			defer func() {
				if p := recover(); p != nil {
					logPanic(what, p)
					err = fmt.Errorf("%s stopped on an internal error: %v", what, p)
				}
			}()
			return work()
		}()
		onUI(func() { wb.guard(what, func() { done(err) }) })
	}()
}

// yamlEntry is an entry in the order and with the field names of the
// lexicon schema, for writing YAML.
type yamlEntry struct {
	ID         string       `yaml:"id"`
	Lang       string       `yaml:"lang"`
	Domain     string       `yaml:"domain"`
	Category   string       `yaml:"category"`
	Kind       string       `yaml:"kind,omitempty"`
	Referent   string       `yaml:"referent"`
	Context    []string     `yaml:"context,omitempty,flow"`
	Terms      []yamlTerm   `yaml:"terms"`
	Exceptions []string     `yaml:"exceptions,omitempty,flow"`
	Note       string       `yaml:"note,omitempty"`
	Sources    []yamlSource `yaml:"sources"`
}

type yamlTerm struct {
	Term        string   `yaml:"term"`
	Match       []string `yaml:"match,omitempty,flow"`
	UsedBy      []string `yaml:"used_by,omitempty,flow"`
	Connotation string   `yaml:"connotation,omitempty"`
	Neutral     bool     `yaml:"neutral,omitempty"`
	Stem        bool     `yaml:"stem,omitempty"`
	Note        string   `yaml:"note,omitempty"`
}

type yamlSource struct {
	Title string `yaml:"title"`
	URL   string `yaml:"url,omitempty"`
}

type yamlFile struct {
	SchemaVersion int         `yaml:"schema_version"`
	Entries       []yamlEntry `yaml:"entries"`
}

// toYAML copies e into its YAML form; the default kind is left out.
func toYAML(e *lexicon.Entry) yamlEntry {
	y := yamlEntry{
		ID: e.ID, Lang: e.Lang, Domain: e.Domain, Category: e.Category, Kind: e.Kind,
		Referent: e.Referent, Note: e.Note,
		Context:    append([]string(nil), e.Context...),
		Exceptions: append([]string(nil), e.Exceptions...),
		Terms:      []yamlTerm{},
		Sources:    []yamlSource{},
	}
	if y.Kind == lexicon.KindContested {
		y.Kind = ""
	}
	for _, t := range e.Terms {
		y.Terms = append(y.Terms, yamlTerm{
			Term: t.Term, Match: append([]string(nil), t.Match...), UsedBy: append([]string(nil), t.UsedBy...),
			Connotation: t.Connotation, Neutral: t.Neutral, Stem: t.Stem, Note: t.Note,
		})
	}
	for _, s := range e.Sources {
		y.Sources = append(y.Sources, yamlSource(s))
	}
	return y
}

// encodeYAML writes v as YAML indented by two spaces.
func encodeYAML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("writing the entry as YAML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return nil, fmt.Errorf("writing the entry as YAML: %w", err)
	}
	return b.Bytes(), nil
}

// entryText is the stored form of an entry: one YAML mapping.
func entryText(y yamlEntry) (string, error) {
	b, err := encodeYAML(y)
	return string(b), err
}

// parseEntryText checks the stored form of one entry with lexicon.Parse.
// Problems name the field; their lines count from the entry's first line.
func parseEntryText(text string) (*lexicon.Entry, []error) {
	var b strings.Builder
	b.WriteString("entries:\n")
	first := true
	for _, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case first && (trimmed == "" || strings.HasPrefix(trimmed, "#")):
			b.WriteString(line)
		case first:
			b.WriteString("- " + line)
			first = false
		default:
			b.WriteString("  " + line)
		}
		b.WriteString("\n")
	}
	if first {
		return nil, []error{&lexicon.Error{File: ownLexiconName, Problem: "the entry is empty; fill in its fields"}}
	}
	l, errs := lexicon.Parse(ownLexiconName, []byte(b.String()))
	for _, err := range errs {
		var le *lexicon.Error
		if errors.As(err, &le) && le.Line > 0 {
			le.Line--
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if len(l.Entries) != 1 {
		return nil, []error{&lexicon.Error{File: ownLexiconName, Problem: fmt.Sprintf("the text holds %d entries; keep one entry per text", len(l.Entries))}}
	}
	return l.Entries[0], nil
}

// draftFromText reads the stored form of an entry leniently, for the
// editor to show an entry that has problems.
func draftFromText(e *analystEntry) yamlEntry {
	if e.Entry != nil {
		return toYAML(e.Entry)
	}
	y := yamlEntry{ID: e.ID, Lang: e.Lang}
	_ = yaml.Unmarshal([]byte(e.Text), &y) // best effort: the editor shows the problems
	if y.ID == "" {
		y.ID = e.ID
	}
	if y.Lang == "" {
		y.Lang = e.Lang
	}
	return y
}

// writeLexiconFile writes the analyst's enabled entries without problems
// to path as a lexicon file, through a temporary file renamed into place.
// The same entries always give the same bytes. It returns the number of
// entries written and of those left out.
func writeLexiconFile(path string, es []*analystEntry) (written, left int, err error) {
	f := yamlFile{SchemaVersion: lexicon.SchemaVersion, Entries: []yamlEntry{}}
	for _, e := range es {
		if !e.Enabled || e.Entry == nil {
			left++
			continue
		}
		f.Entries = append(f.Entries, toYAML(e.Entry))
	}
	body, err := encodeYAML(f)
	if err != nil {
		return 0, 0, fmt.Errorf("export lexicon to %s: %w", path, err)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Framelens lexicon of contested terms: %s exported from the lexicon window.\n", plural(len(f.Entries), "entry", "entries"))
	b.WriteString("# The format is described in assets/lexicon/SCHEMA.md. Import it in the lexicon\n")
	b.WriteString("# window (View > Lexicon…), or use it with framelens compare --lexicon FILE.\n\n")
	// A blank line before each entry keeps the file easy to read.
	for _, line := range strings.SplitAfter(string(body), "\n") {
		if strings.HasPrefix(line, "  - ") {
			b.WriteString("\n")
		}
		b.WriteString(line)
	}
	if err := writeFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(b.Bytes())
		return err
	}); err != nil {
		return 0, 0, fmt.Errorf("export lexicon: %w", err)
	}
	return len(f.Entries), left, nil
}

// importChange is one entry of an import that replaces one of the
// analyst's entries, with the fields that differ.
type importChange struct {
	entry  *analystEntry
	fields []string
}

// importPlan is what importing a lexicon file would do to the analyst's
// entries.
type importPlan struct {
	path      string
	adds      []*analystEntry
	changes   []importChange
	unchanged int
}

// summary is the plan in one line: "adds 2, changes 1 (3 unchanged)".
func (p *importPlan) summary() string {
	s := fmt.Sprintf("adds %d, changes %d", len(p.adds), len(p.changes))
	if p.unchanged > 0 {
		s += fmt.Sprintf(" (%d unchanged)", p.unchanged)
	}
	return s
}

// entries lists what applying the plan stores.
func (p *importPlan) entries() []*analystEntry {
	out := append([]*analystEntry(nil), p.adds...)
	for _, c := range p.changes {
		out = append(out, c.entry)
	}
	return out
}

// planImport reads the lexicon file at path and compares its entries with
// the analyst's current ones. A file with any problem is refused: the
// error is a *lexicon.LoadError listing each problem with its line and
// field. Entries that change keep their enabled flag; new ones are
// enabled.
func planImport(path string, current []*analystEntry) (*importPlan, error) {
	l, err := lexicon.Load(path)
	if err != nil {
		return nil, err
	}
	byKey := map[entryKey]*analystEntry{}
	for _, e := range current {
		byKey[e.key()] = e
	}
	p := &importPlan{path: path}
	after := map[entryKey]*analystEntry{}
	for k, e := range byKey {
		after[k] = e
	}
	for _, e := range l.Entries {
		y := toYAML(e)
		text, err := entryText(y)
		if err != nil {
			return nil, fmt.Errorf("import lexicon %s: entry %s: %w", path, entryKey{e.ID, e.Lang}, err)
		}
		k := entryKey{e.ID, e.Lang}
		cur, ok := byKey[k]
		switch {
		case !ok:
			ne := &analystEntry{Lang: e.Lang, ID: e.ID, Text: text, Enabled: true, Entry: e}
			p.adds = append(p.adds, ne)
			after[k] = ne
		case cur.Entry != nil && reflect.DeepEqual(toYAML(cur.Entry), y):
			p.unchanged++
		default:
			ne := &analystEntry{Lang: e.Lang, ID: e.ID, Text: text, Enabled: cur.Enabled, Entry: e}
			fields := []string{"the text had problems"}
			if cur.Entry != nil {
				fields = changedFields(toYAML(cur.Entry), y)
			}
			p.changes = append(p.changes, importChange{entry: ne, fields: fields})
			after[k] = ne
		}
	}
	// Entries of one id must agree, among the imported ones and the
	// analyst's others alike.
	var probs []error
	all := make([]*analystEntry, 0, len(after))
	for _, e := range after {
		all = append(all, e)
	}
	sortEntries(all)
	for _, e := range p.entries() {
		var others []*analystEntry
		for _, x := range all {
			if x.key() != e.key() {
				others = append(others, x)
			}
		}
		for _, pr := range disagreements(e, others) {
			var le *lexicon.Error
			if errors.As(pr, &le) {
				le.File, le.Line = path, e.Entry.Line
			}
			probs = append(probs, pr)
		}
	}
	if len(probs) > 0 {
		return nil, &lexicon.LoadError{Path: path, Problems: probs}
	}
	return p, nil
}

// changedFields names the fields in which a and b differ.
func changedFields(a, b yamlEntry) []string {
	va, vb := reflect.ValueOf(a), reflect.ValueOf(b)
	t := va.Type()
	var out []string
	for i := range t.NumField() {
		if !reflect.DeepEqual(va.Field(i).Interface(), vb.Field(i).Interface()) {
			out = append(out, strings.Split(t.Field(i).Tag.Get("yaml"), ",")[0])
		}
	}
	return out
}

// exportLexicon writes the analyst's entries to path (off the UI
// goroutine) and says what was written in a dialog over win.
func (wb *workbench) exportLexicon(win fyne.Window, path string) {
	a := wb.runner.analyst
	var written, left int
	a.background(wb, "exporting the lexicon", func() error {
		es, err := a.list()
		if err != nil {
			return err
		}
		usable := 0
		for _, e := range es {
			if e.Enabled && e.Entry != nil {
				usable++
			}
		}
		if usable == 0 {
			return errNothingToExport
		}
		written, left, err = writeLexiconFile(path, es)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, errNothingToExport):
			// The save dialog made the file empty: leave nothing behind.
			if fi, serr := os.Stat(path); serr == nil && fi.Size() == 0 {
				_ = os.Remove(path)
			}
			dialog.ShowInformation("Nothing to export", nothingToExport, win)
			return
		case err != nil:
			showError(win, err)
			return
		}
		msg := fmt.Sprintf("%s written to %s.", plural(written, "entry", "entries"), path)
		if left > 0 {
			msg += fmt.Sprintf(" %s left out: disabled entries and entries with problems are not exported.", plural(left, "entry was", "entries were"))
		}
		if b := a.browser; b != nil {
			b.status.SetText(msg)
		}
		wb.setStatus(msg)
		dialog.ShowInformation("Lexicon exported", msg, win)
	})
}

// nothingToExport says why there is nothing to export.
const nothingToExport = "You have no enabled entries of your own yet: add one with New entry… or with Add to lexicon… on a difference, then export."

// errNothingToExport means the analyst has no entry to export.
var errNothingToExport = errors.New("no lexicon entries to export")

// Titles of the import dialogs.
const (
	importRefusedTitle = "Lexicon file refused"
	importPlanTitle    = "Import lexicon entries"
)

// importLexicon reads the lexicon file at path (off the UI goroutine) and
// shows what importing it would add and change; the entries are stored
// once the analyst confirms. A file with problems is refused with every
// problem listed, and nothing is changed.
func (wb *workbench) importLexicon(win fyne.Window, path string) {
	a := wb.runner.analyst
	var plan *importPlan
	a.background(wb, "reading a lexicon file", func() error {
		cur, err := a.list()
		if err != nil {
			return err
		}
		plan, err = planImport(path, cur)
		return err
	}, func(err error) {
		var le *lexicon.LoadError
		switch {
		case errors.As(err, &le):
			showImportProblems(win, le)
		case err != nil:
			showError(win, err)
		default:
			wb.showImportPlan(win, plan)
		}
	})
}

// showImportProblems lists every problem of a refused lexicon file.
func showImportProblems(win fyne.Window, le *lexicon.LoadError) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s was not imported: it has %s. Nothing was changed. Fix the file and import it again.\n",
		le.Path, plural(len(le.Problems), "problem", "problems"))
	for _, p := range le.Problems {
		b.WriteString("\n• " + p.Error())
	}
	showScrollingText(win, importRefusedTitle, "Close", b.String(), nil)
}

// showImportPlan shows what an import adds and changes and applies it
// once confirmed.
func (wb *workbench) showImportPlan(win fyne.Window, p *importPlan) {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s.", filepath.Base(p.path), p.summary())
	if len(p.adds) > 0 {
		b.WriteString("\n\nAdds:")
		for _, e := range p.adds {
			fmt.Fprintf(&b, "\n• %s — %s", e.key(), e.Entry.Referent)
		}
	}
	if len(p.changes) > 0 {
		b.WriteString("\n\nChanges (your entry is replaced):")
		for _, c := range p.changes {
			fmt.Fprintf(&b, "\n• %s — %s", c.entry.key(), strings.Join(c.fields, ", "))
		}
	}
	if len(p.adds)+len(p.changes) == 0 {
		b.WriteString("\n\nYour lexicon already holds every entry of this file: there is nothing to import.")
		showScrollingText(win, importPlanTitle, "Close", b.String(), nil)
		return
	}
	showScrollingText(win, importPlanTitle, "Cancel", b.String(), func() { wb.applyImport(win, p) })
}

// applyImport stores the entries of an import plan.
func (wb *workbench) applyImport(win fyne.Window, p *importPlan) {
	a := wb.runner.analyst
	a.background(wb, "importing lexicon entries", func() error {
		return a.saveAll(p.entries())
	}, func(err error) {
		if err != nil {
			showError(win, err)
			wb.lexiconChanged("", "The import stopped on an error; see the message.")
			return
		}
		wb.lexiconChanged("", fmt.Sprintf("Imported %s: %s. The case is compared again.", filepath.Base(p.path), p.summary()))
	})
}

// showScrollingText shows text in a dialog over win. With confirm set the
// dialog has an Import button that calls it.
func showScrollingText(win fyne.Window, title, dismiss, text string, confirm func()) {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(620, 260))
	if confirm == nil {
		dialog.NewCustom(title, dismiss, scroll, win).Show()
		return
	}
	d := dialog.NewCustomConfirm(title, "Import", dismiss, scroll, func(ok bool) {
		if ok {
			confirm()
		}
	}, win)
	d.Show()
}
