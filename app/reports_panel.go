package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportsPanel lets the analyst name the case and, for each report, edit
// its outlet, date, URL, title, author and language, move it left or
// right, make it the reference column, replace its text with a newer
// version or remove it.
type reportsPanel struct {
	box    *fyne.Container
	scroll *container.Scroll

	// The actions, run by the workbench.
	onCaseName  func(name string)
	onEdited    func(e *ReportEntry)
	onMove      func(e *ReportEntry, delta int)
	onReference func(e *ReportEntry)
	onRemove    func(e *ReportEntry)
	onReplace   func(e *ReportEntry)
	guard       func(what string, f func())

	// shown is set while the panel's tab is selected. While it is not,
	// setCase only records the case, and the cards (an editor for every
	// field of every report) are built when the tab is next selected.
	shown   bool
	pending *Case
}

func newReportsPanel() *reportsPanel {
	p := &reportsPanel{box: container.NewVBox(), guard: func(_ string, f func()) { f() }}
	p.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, theme.Padding()*3), p.box))
	return p
}

// setCase lists the reports of c, now if the panel is shown, else when it
// is next shown.
func (p *reportsPanel) setCase(c *Case) {
	if !p.shown {
		if p.pending == nil && len(p.box.Objects) > 0 {
			p.box.RemoveAll()
		}
		p.pending = c
		return
	}
	p.pending = nil
	p.build(c)
}

// setShown tells the panel whether its tab is selected.
func (p *reportsPanel) setShown(shown bool) {
	p.shown = shown
	if c := p.pending; shown && c != nil {
		p.pending = nil
		p.build(c)
	}
}

// build lists the reports of c.
func (p *reportsPanel) build(c *Case) {
	p.box.RemoveAll()
	name := widget.NewEntry()
	name.SetText(c.Name)
	name.SetPlaceHolder("Case name")
	name.OnChanged = func(s string) {
		p.guard("renaming the case", func() {
			if p.onCaseName != nil {
				p.onCaseName(s)
			}
		})
	}
	p.box.Add(widget.NewForm(widget.NewFormItem("Case", name)))
	if len(c.Reports) == 0 {
		p.box.Add(wrapped("No report yet. Use File > Add report file, Open folder, Paste as new report, or drop files on the window."))
	}
	ref := c.reference()
	for i, e := range c.Reports {
		p.box.Add(p.card(i, len(c.Reports), e, e == ref))
	}
	p.box.Refresh()
}

// card is the editor of one report.
func (p *reportsPanel) card(i, n int, e *ReportEntry, isRef bool) fyne.CanvasObject {
	heading := func() string {
		h := fmt.Sprintf("%d. %s", i+1, e.label())
		if isRef {
			h += " (reference)"
		}
		return h
	}
	title := widget.NewLabelWithStyle(heading(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	source := e.Doc.Path
	switch {
	case e.Doc.Fetched != nil:
		source = sourceURL(e.Doc)
	case source == "":
		source = "pasted text"
	}
	from := widget.NewRichText(styled("From "+source, theme.ColorNamePlaceHolder, fyne.TextStyle{}))
	from.Wrapping = fyne.TextWrapWord

	field := func(label, value, hint string, set func(string)) *widget.FormItem {
		en := widget.NewEntry()
		en.SetText(value)
		en.SetPlaceHolder(hint)
		en.OnChanged = func(s string) {
			p.guard("editing "+label, func() {
				set(s)
				if p.onEdited != nil {
					p.onEdited(e)
				}
			})
		}
		return widget.NewFormItem(label, en)
	}
	form := widget.NewForm(
		field("Outlet", e.Outlet, "outlet name", func(s string) {
			e.Outlet = s
			title.SetText(heading())
		}),
		field("Date", e.Date, "YYYY-MM-DD", func(s string) { e.Date = s }),
		field("URL", e.URL, "https://…", func(s string) { e.URL = s }),
		field("Title", e.Title, "headline", func(s string) { e.Title = s }),
		field("Author", e.Author, "byline, names separated by commas", func(s string) { e.Author = s }),
		field("Language", e.Language, "language tag, e.g. en, fr, zh-CN", func(s string) { e.Language = s }),
	)

	action := func(label string, icon fyne.Resource, what string, f func()) *widget.Button {
		return widget.NewButtonWithIcon(label, icon, func() { p.guard(what, f) })
	}
	left := action("", theme.NavigateBackIcon(), "moving a report", func() { p.onMove(e, -1) })
	right := action("", theme.NavigateNextIcon(), "moving a report", func() { p.onMove(e, 1) })
	left.Importance, right.Importance = widget.LowImportance, widget.LowImportance
	if i == 0 {
		left.Disable()
	}
	if i == n-1 {
		right.Disable()
	}
	ref := action("Reference", theme.ConfirmIcon(), "choosing the reference", func() { p.onReference(e) })
	if isRef {
		ref.Disable()
	}
	replace := action(replaceTextLabel, theme.DocumentIcon(), "replacing a report's text", func() { p.onReplace(e) })
	remove := action("", theme.DeleteIcon(), "removing a report", func() { p.onRemove(e) })
	remove.Importance = widget.LowImportance
	buttons := container.NewHBox(left, right, ref, replace, layout.NewSpacer(), remove)
	return container.NewVBox(widget.NewSeparator(), title, from, form, buttons)
}
