package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/assets"
	"framelens/storage"
)

// workbenchUI holds the widgets of the window.
type workbenchUI struct {
	view      *alignedView
	detail    *detailPane
	terms     *termsPanel
	heat      *heatMap
	reports   *reportsPanel
	notes     *notesPanel
	fixes     *correctionsPanel
	tabs      *container.AppTabs
	filter    *widget.Select
	find      *widget.Entry
	findCount *widget.Label
	status    *widget.Label
	progress  *widget.ProgressBar
	// undo brings back the note deleted last.
	undo *widget.Button
	// libState says when changes are not being saved.
	libState *widget.Label
}

// buildUI lays the window out: a tool bar; the coverage map, the aligned
// view over the detail pane, and the terms and reports tabs; a legend and
// status line at the bottom.
func buildUI(wb *workbench) *workbenchUI {
	ui := &workbenchUI{
		view:      newAlignedView(),
		detail:    newDetailPane(),
		terms:     newTermsPanel(),
		heat:      newHeatMap(),
		reports:   newReportsPanel(),
		notes:     newNotesPanel(),
		fixes:     newCorrectionsPanel(),
		findCount: widget.NewLabel(""),
		status:    widget.NewLabel(""),
		progress:  widget.NewProgressBar(),
		libState:  widget.NewLabel(""),
	}
	ui.undo = widget.NewButtonWithIcon(undoLabel, theme.ContentUndoIcon(), func() { wb.guard("undoing", wb.undo) })
	ui.undo.Importance = widget.HighImportance
	ui.undo.Hide()
	ui.libState.Hide()
	ui.notes.guard, ui.fixes.guard = wb.guard, wb.guard
	ui.notes.onJump, ui.fixes.onJump = wb.jumpTo, wb.jumpTo
	ui.notes.onEdit = wb.editNote
	ui.notes.onDelete = wb.deleteNote
	ui.fixes.onRemove = wb.removeCorrection
	ui.detail.acts = &detailActions{
		noteRow: wb.addRowNote, noteSentence: wb.addSentenceNote, noteSpans: wb.addSpanNote,
		unlink: wb.unlinkSentence, link: wb.showLinkDialog,
		editNote: wb.editNote, deleteNote: wb.deleteNote,
		rowNotes: func(row int) []storage.Note { return wb.noteRows[row] },
		guard:    wb.guard,
	}
	ui.view.onRowMenu = wb.rowMenu
	ui.view.guard, ui.heat.guard, ui.terms.guard, ui.reports.guard = wb.guard, wb.guard, wb.guard, wb.guard
	ui.view.onSelect = func(row int) { wb.rowSelected(row) }
	ui.view.onHeader = wb.headerMenu
	ui.heat.onJump = wb.jumpTo
	ui.heat.onHover = func(s string) {
		if s != "" {
			wb.setStatus(s)
		}
	}
	ui.terms.onTerm = wb.jumpToTerm
	ui.reports.onCaseName = wb.renameCase
	ui.reports.onEdited = wb.reportEdited
	ui.reports.onMove = wb.moveReport
	ui.reports.onReference = wb.setReference
	ui.reports.onRemove = wb.removeReport
	ui.reports.onReplace = wb.showReplaceText
	ui.progress.Hide()
	ui.status.Truncation = fyne.TextTruncateEllipsis

	ui.filter = widget.NewSelect([]string{FilterAll.String(), FilterFraming.String(), FilterOmissions.String()}, nil)
	ui.filter.SetSelectedIndex(int(FilterAll))
	ui.filter.OnChanged = func(string) {
		wb.guard("filtering rows", func() { wb.setFilter(Filter(ui.filter.SelectedIndex())) })
	}

	ui.find = widget.NewEntry()
	ui.find.SetPlaceHolder("Find in all reports (Ctrl+F)")
	ui.find.OnSubmitted = func(string) { wb.guard("finding", func() { wb.findStep(1) }) }
	ui.find.OnChanged = func(q string) { wb.guard("finding", func() { wb.runFind(q) }) }

	ui.tabs = container.NewAppTabs(
		container.NewTabItem("Terms", ui.terms.scroll),
		container.NewTabItem("Reports", ui.reports.scroll),
		container.NewTabItem("Notes", ui.notes.content),
		container.NewTabItem("Alignment", ui.fixes.scroll),
	)
	ui.tabs.OnSelected = func(t *container.TabItem) { ui.reports.setShown(t.Content == ui.reports.scroll) }

	center := container.NewVSplit(ui.view, ui.detail.scroll)
	center.Offset = 0.66
	main := container.NewHSplit(center, ui.tabs)
	main.Offset = 0.73
	heat := container.NewPadded(ui.heat)

	wb.win.SetContent(container.NewBorder(toolbar(wb, ui), bottomBar(ui), heat, nil, main))
	return ui
}

// toolbar holds the loading actions, the filter, the navigation buttons and
// the find box.
func toolbar(wb *workbench, ui *workbenchUI) fyne.CanvasObject {
	run := func(label string) func() {
		return func() {
			if c := wb.command(label); c != nil {
				wb.guard(label, c.action)
			}
		}
	}
	files := widget.NewToolbar(
		widget.NewToolbarAction(theme.FileIcon(), run("Add report file…")),
		widget.NewToolbarAction(theme.FolderOpenIcon(), run("Open folder of reports…")),
		widget.NewToolbarAction(theme.ContentPasteIcon(), run("Paste as new report…")),
	)
	nav := func(label string, prev, next string) fyne.CanvasObject {
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), run(prev))
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), run(next))
		up.Importance, down.Importance = widget.LowImportance, widget.LowImportance
		return container.NewHBox(widget.NewLabel(label), up, down)
	}
	filter := container.NewGridWrap(fyne.NewSize(290, ui.filter.MinSize().Height), ui.filter)
	left := container.NewHBox(
		files,
		widget.NewSeparator(),
		filter,
		widget.NewSeparator(),
		nav("Framing", "Previous framing difference", "Next framing difference"),
		nav("Omission", "Previous omission", "Next omission"),
		widget.NewSeparator(),
	)
	return container.NewBorder(nil, widget.NewSeparator(), left, ui.findCount, ui.find)
}

// bottomBar holds the colour legend, the status line and the progress bar.
func bottomBar(ui *workbenchUI) fyne.CanvasObject {
	legend := container.NewHBox()
	for _, k := range legendKinds {
		legend.Add(newLegendItem(kindLabel(k), kindColor(k), k != legendKinds[len(legendKinds)-1]))
	}
	legend.Add(newLegendItem(counterpartLegend, colorRewording, false))
	legend.Add(newLegendItem(notReported, colorMissingText, false))
	progress := container.New(whileShown{width: 160}, ui.progress)
	right := container.NewHBox(ui.undo, ui.libState, progress)
	return container.NewVBox(
		widget.NewSeparator(),
		container.NewBorder(nil, nil, legend, right, ui.status),
	)
}

// whileShown lays its objects out at a fixed width while one of them is
// shown and takes no room at all while they are hidden: the progress bar
// leaves its place to the status line when no work is running.
type whileShown struct{ width float32 }

// MinSize is the fixed width by the tallest shown object, or nothing.
func (l whileShown) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for _, o := range objects {
		if o.Visible() {
			size = fyne.NewSize(l.width, max(size.Height, o.MinSize().Height))
		}
	}
	return size
}

// Layout gives every object the whole room.
func (l whileShown) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// counterpartLegend explains the coloured words that are not bold: what
// an outlet says in the place of another's framing words.
const counterpartLegend = "not bold: said in its place"

// legendItem is a word of the colour legend, drawn in the colour it
// explains (bold for the framing kinds).
type legendItem struct {
	widget.BaseWidget
	text   *canvas.Text
	colour fyne.ThemeColorName
}

func newLegendItem(label string, colour fyne.ThemeColorName, bold bool) *legendItem {
	l := &legendItem{text: canvas.NewText(label, color.Transparent), colour: colour}
	l.text.TextStyle.Bold = bold
	l.text.TextSize = theme.CaptionTextSize()
	l.ExtendBaseWidget(l)
	return l
}

// CreateRenderer builds the legend item's renderer.
func (l *legendItem) CreateRenderer() fyne.WidgetRenderer {
	l.text.Color = themeColor(l.colour)
	r := &legendRenderer{l: l}
	return r
}

type legendRenderer struct{ l *legendItem }

func (r *legendRenderer) Layout(size fyne.Size) {
	r.l.text.Move(fyne.NewPos(theme.Padding(), (size.Height-r.l.text.MinSize().Height)/2))
	r.l.text.Resize(r.l.text.MinSize())
}
func (r *legendRenderer) MinSize() fyne.Size {
	return r.l.text.MinSize().AddWidthHeight(2*theme.Padding(), 2*theme.Padding())
}
func (r *legendRenderer) Refresh() {
	r.l.text.Color = themeColor(r.l.colour)
	r.l.text.Refresh()
}
func (r *legendRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.l.text} }
func (r *legendRenderer) Destroy()                     {}

// appIcon is the application icon.
func appIcon() fyne.Resource {
	return fyne.NewStaticResource("icon.png", assets.Icon)
}
