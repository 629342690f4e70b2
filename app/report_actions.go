package app

// What the analyst does to the reports of the case: rename, move, choose
// the reference, remove.

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func (wb *workbench) renameCase(name string) {
	wb.cas.Name = name
	wb.updateTitle()
	wb.scheduleSave()
}

func (wb *workbench) reportEdited(*ReportEntry) {
	wb.ui.view.refreshHeaders()
	wb.scheduleSave()
}

func (wb *workbench) moveReport(e *ReportEntry, delta int) {
	if err := wb.cas.move(e, delta); err != nil {
		showError(wb.win, err)
		return
	}
	wb.caseChanged(true)
}

func (wb *workbench) setReference(e *ReportEntry) {
	wb.cas.Reference = e
	wb.caseChanged(false)
	if wb.model != nil {
		col := wb.model.column(e)
		wb.ui.view.setReference(col)
		if row := wb.ui.view.selected; row >= 0 {
			wb.ui.detail.show(wb.model, row, col)
		}
	}
	wb.setStatus(e.label() + " is now the reference report.")
}

func (wb *workbench) removeReport(e *ReportEntry) {
	wb.cas.remove(e)
	wb.caseChanged(true)
	wb.setStatus("Removed " + e.label() + ".")
}

// headerMenu offers the actions on the report of column col.
func (wb *workbench) headerMenu(col int, at fyne.Position) {
	if wb.model == nil || col >= len(wb.model.entries) {
		return
	}
	e := wb.model.entries[col]
	item := func(label string, f func()) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { wb.guard(label, f) })
	}
	menu := fyne.NewMenu("",
		item("Use as reference", func() { wb.setReference(e) }),
		item("Move left", func() { wb.moveReport(e, -1) }),
		item("Move right", func() { wb.moveReport(e, 1) }),
		item("Edit outlet, date and URL…", func() { wb.ui.tabs.SelectIndex(1) }),
		fyne.NewMenuItemSeparator(),
		item("Remove from the case", func() { wb.removeReport(e) }),
	)
	widget.ShowPopUpMenuAtPosition(menu, wb.win.Canvas(), at)
}
