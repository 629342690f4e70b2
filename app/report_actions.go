package app

// What the analyst does to the reports of the case: rename, move, choose
// the reference, replace the text (replace_text.go), remove.

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

func (wb *workbench) renameCase(name string) {
	wb.cas.Name = name
	wb.updateTitle()
	wb.storeCaseName(wb.cas)
}

func (wb *workbench) reportEdited(e *ReportEntry) {
	wb.ui.view.refreshHeaders()
	wb.storeReportMeta(e)
}

func (wb *workbench) moveReport(e *ReportEntry, delta int) {
	if err := wb.cas.move(e, delta); err != nil {
		showError(wb.win, err)
		return
	}
	wb.caseChanged(true)
	wb.storeReportMove(wb.cas, e)
}

func (wb *workbench) setReference(e *ReportEntry) {
	wb.cas.Reference = e
	wb.caseChanged(false)
	wb.storeReference(e)
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
	wb.storeRemoval(wb.cas, e)
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
		item("Edit report details…", func() { wb.ui.tabs.SelectIndex(1) }),
		item(replaceTextLabel, func() { wb.showReplaceText(e) }),
		fyne.NewMenuItemSeparator(),
		item("Remove from the case", func() { wb.removeReport(e) }),
	)
	widget.ShowPopUpMenuAtPosition(menu, wb.win.Canvas(), at)
}

// rowMenu offers the actions on row and, when col is a column that
// reported the fact, on its sentences.
func (wb *workbench) rowMenu(row, col int, at fyne.Position) {
	if items := wb.rowMenuItems(row, col); len(items) > 0 {
		widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), wb.win.Canvas(), at)
	}
}

// rowMenuItems are the items of the menu of row, opened over column col.
func (wb *workbench) rowMenuItems(row, col int) []*fyne.MenuItem {
	m := wb.model
	if m == nil || row < 0 || row >= m.rows() {
		return nil
	}
	item := func(label string, f func()) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { wb.guard(strings.TrimSuffix(label, "…"), f) })
	}
	items := []*fyne.MenuItem{item(fmt.Sprintf("Add note on row %d…", row+1), func() { wb.addRowNote(row) })}
	if col >= 0 && col < m.reports() && m.reported(row, col) {
		cell := m.cmp.Rows[row].Cells[col]
		name := m.entries[col].label()
		items = append(items, fyne.NewMenuItemSeparator())
		for i, s := range cell {
			which := "the sentence of " + name
			if len(cell) > 1 {
				which = fmt.Sprintf("sentence %d of %s", i+1, name)
			}
			items = append(items,
				item("Add note on "+which+"…", func() { wb.addSentenceNote(col, s) }),
				item("Unlink "+which+" from the row", func() { wb.unlinkSentence(col, s) }),
				item("Link "+which+" with a sentence of another report…", func() { wb.showLinkDialog(col, s) }),
			)
		}
	}
	return items
}
