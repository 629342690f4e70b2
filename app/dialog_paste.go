package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// pasteConfirm is the label of the paste dialog's confirm button.
const pasteConfirm = "Add report"

// pasteDialog asks for the text of a report copied from elsewhere and the
// name of its outlet.
type pasteDialog struct {
	outlet, date, url *widget.Entry
	text              *widget.Entry
	dlg               *dialog.CustomDialog
}

// showPasteDialog opens the dialog; add is called with what was entered
// when the analyst confirms.
func showPasteDialog(win fyne.Window, add func(outlet, date, url, text string)) *pasteDialog {
	p := &pasteDialog{outlet: widget.NewEntry(), date: widget.NewEntry(), url: widget.NewEntry(), text: widget.NewMultiLineEntry()}
	p.outlet.SetPlaceHolder("Outlet name, e.g. Global Wire")
	p.date.SetPlaceHolder("YYYY-MM-DD (optional)")
	p.url.SetPlaceHolder("https://… (optional)")
	p.text.SetPlaceHolder("Paste the report here: headline first, then the article.")
	p.text.Wrapping = fyne.TextWrapWord
	if clip := fyne.CurrentApp().Clipboard(); clip != nil {
		if s := clip.Content(); strings.TrimSpace(s) != "" && len(s) < 1<<20 {
			p.text.SetText(s)
		}
	}
	form := widget.NewForm(
		widget.NewFormItem("Outlet", p.outlet),
		widget.NewFormItem("Date", p.date),
		widget.NewFormItem("URL", p.url),
	)
	textScroll := container.NewStack(p.text)
	content := container.NewBorder(form, nil, nil, nil, textScroll)
	p.dlg = dialog.NewCustomWithoutButtons("Paste as new report", content, win)
	cancel := widget.NewButton("Cancel", func() { p.dlg.Hide() })
	confirm := widget.NewButton(pasteConfirm, func() {
		p.dlg.Hide()
		add(strings.TrimSpace(p.outlet.Text), strings.TrimSpace(p.date.Text), strings.TrimSpace(p.url.Text), p.text.Text)
	})
	confirm.Importance = widget.HighImportance
	p.dlg.SetButtons([]fyne.CanvasObject{cancel, confirm})
	p.dlg.Resize(fyne.NewSize(720, 520))
	p.dlg.Show()
	win.Canvas().Focus(p.outlet)
	return p
}
