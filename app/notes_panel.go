package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/storage"
)

// allTags is the tag filter's choice that keeps every note.
const allTags = "All tags"

// noteItem is a note as the Notes tab lists it.
type noteItem struct {
	note storage.Note
	// row is the row the note is on, or -1.
	row int
	// where says where the note is ("Row 5 · Kyiv Ledger").
	where string
	// quote is the text the note is anchored to, for notes on a sentence
	// or on words.
	quote string
}

// notesPanel lists the notes of the case: a search box and a tag filter,
// the notes in place (tap one to go to its row), then the notes that lost
// their place. Each can be edited or deleted.
type notesPanel struct {
	content *fyne.Container
	search  *widget.Entry
	tag     *widget.Select
	count   *widget.Label
	list    *fyne.Container
	scroll  *container.Scroll

	items   []noteItem
	enabled bool

	onJump   func(row int)
	onEdit   func(n storage.Note)
	onDelete func(n storage.Note)
	guard    func(what string, f func())
}

func newNotesPanel() *notesPanel {
	p := &notesPanel{list: container.NewVBox(), guard: func(_ string, f func()) { f() }}
	p.search = widget.NewEntry()
	p.search.SetPlaceHolder("Search the notes")
	p.search.OnChanged = func(string) { p.guard("searching the notes", p.render) }
	p.tag = widget.NewSelect([]string{allTags}, nil)
	p.tag.SetSelected(allTags)
	p.tag.OnChanged = func(string) { p.guard("filtering the notes", p.render) }
	p.count = widget.NewLabel("")
	p.count.SizeName = theme.SizeNameCaptionText
	p.scroll = container.NewVScroll(p.list)
	top := container.NewVBox(p.search, p.tag, p.count)
	p.content = container.NewBorder(top, nil, nil, nil, p.scroll)
	p.render()
	return p
}

// setNotes lists items; enabled says whether notes can be kept (a library
// is open).
func (p *notesPanel) setNotes(items []noteItem, enabled bool) {
	p.items, p.enabled = items, enabled
	used := map[string]string{}
	for _, it := range items {
		for _, t := range it.note.Tags {
			used[strings.ToLower(t)] = t
		}
	}
	tags := make([]string, 0, len(used))
	for _, t := range used {
		tags = append(tags, t)
	}
	sort.Slice(tags, func(i, j int) bool { return strings.ToLower(tags[i]) < strings.ToLower(tags[j]) })
	keep := p.tag.Selected
	p.tag.OnChanged = nil
	p.tag.SetOptions(append([]string{allTags}, tags...))
	if keep == "" || !containsFold(p.tag.Options, keep) {
		keep = allTags
	}
	p.tag.SetSelected(keep)
	p.tag.OnChanged = func(string) { p.guard("filtering the notes", p.render) }
	p.render()
}

// matches reports whether it passes the search and the tag filter.
func (p *notesPanel) matches(it noteItem) bool {
	if tag := p.tag.Selected; tag != "" && tag != allTags && !containsFold(it.note.Tags, tag) {
		return false
	}
	q := strings.ToLower(strings.TrimSpace(p.search.Text))
	if q == "" {
		return true
	}
	for _, s := range append([]string{it.note.Text, it.note.Anchor.Exact, it.where}, it.note.Tags...) {
		if strings.Contains(strings.ToLower(s), q) {
			return true
		}
	}
	return false
}

// shown returns the notes the filters keep: those in place, then those
// that lost their place.
func (p *notesPanel) shown() (placed, detached []noteItem) {
	for _, it := range p.items {
		if !p.matches(it) {
			continue
		}
		if it.note.Detached || it.note.ReportID == 0 {
			detached = append(detached, it)
		} else {
			placed = append(placed, it)
		}
	}
	sort.SliceStable(placed, func(i, j int) bool {
		ri, rj := placed[i].row, placed[j].row
		if ri < 0 {
			ri = 1 << 30
		}
		if rj < 0 {
			rj = 1 << 30
		}
		return ri < rj
	})
	return placed, detached
}

// render lists the notes the filters keep.
func (p *notesPanel) render() {
	p.list.RemoveAll()
	placed, detached := p.shown()
	switch {
	case !p.enabled:
		p.list.Add(wrapped("Notes are kept in the library, and no library is open in this window (see the bottom bar)."))
	case len(p.items) == 0:
		p.list.Add(wrapped("No note yet. Select a row, then use Add note… in the detail pane: on the row, on a sentence of one report, or on the words of a difference."))
	case len(placed)+len(detached) == 0:
		p.list.Add(wrapped("No note matches the search and the tag."))
	}
	p.count.SetText("")
	if len(p.items) > 0 {
		p.count.SetText(fmt.Sprintf("%d of %s", len(placed)+len(detached), plural(len(p.items), "note", "notes")))
	}
	for _, it := range placed {
		p.list.Add(p.card(it))
	}
	if len(detached) > 0 {
		head := widget.NewLabelWithStyle("Notes that lost their place", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		p.list.Add(head)
		p.list.Add(wrapped("Their report was removed, or its text changed so that the words noted are no longer in it. The quote is what the note was about."))
		for _, it := range detached {
			p.list.Add(p.card(it))
		}
	}
	p.list.Refresh()
}

// card shows one note.
func (p *notesPanel) card(it noteItem) fyne.CanvasObject {
	n := it.note
	where := widget.NewButtonWithIcon(it.where, theme.NavigateNextIcon(), func() {
		p.guard("going to a note", func() { p.onJump(it.row) })
	})
	where.Alignment = widget.ButtonAlignLeading
	where.IconPlacement = widget.ButtonIconTrailingText
	where.Importance = widget.LowImportance
	if it.row < 0 {
		where.Disable()
	}
	box := container.NewVBox(widget.NewSeparator(), where)
	if it.quote != "" {
		q := widget.NewRichText(muted("“" + it.quote + "”"))
		q.Wrapping = fyne.TextWrapWord
		box.Add(q)
	}
	box.Add(wrapped(n.Text))
	if len(n.Tags) > 0 {
		tags := widget.NewRichText(styled(strings.Join(n.Tags, " · "), theme.ColorNamePrimary, fyne.TextStyle{}))
		tags.Wrapping = fyne.TextWrapWord
		box.Add(tags)
	}
	edit := widget.NewButtonWithIcon("Edit…", theme.DocumentCreateIcon(), func() { p.guard("editing a note", func() { p.onEdit(n) }) })
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), func() { p.guard("deleting a note", func() { p.onDelete(n) }) })
	edit.Importance, del.Importance = widget.LowImportance, widget.LowImportance
	box.Add(container.NewHBox(edit, del))
	return box
}
