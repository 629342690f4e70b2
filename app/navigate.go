package app

// Moving through the rows: selection, next and previous framing
// difference or omission, the filter, find, and the terms panel's jumps.

import (
	"fmt"
	"sort"
	"strings"
)

// rowSelected follows a new selection in the detail pane and the map.
func (wb *workbench) rowSelected(row int) {
	wb.ui.heat.setSelected(row)
	if wb.model == nil || row < 0 {
		wb.ui.detail.clear()
		return
	}
	wb.ui.detail.show(wb.model, row, wb.model.column(wb.cas.reference()))
}

// jumpTo selects row, showing all rows if the filter hides it.
func (wb *workbench) jumpTo(row int) {
	if wb.model == nil || row < 0 || row >= wb.model.rows() {
		return
	}
	if !wb.ui.view.isShown(row) {
		wb.setFilter(FilterAll)
	}
	wb.ui.view.selectRow(row)
}

// nextFraming moves to the next (dir 1) or previous (dir -1) row with a
// framing difference.
func (wb *workbench) nextFraming(dir int) {
	wb.step(dir, "framing difference", func(row int) bool { return wb.model.framing[row] })
}

// nextOmission moves to the next or previous row some report left out.
func (wb *workbench) nextOmission(dir int) {
	wb.step(dir, "omission", func(row int) bool { return len(wb.model.missing[row]) > 0 })
}

func (wb *workbench) step(dir int, what string, want func(int) bool) {
	if wb.model == nil {
		return
	}
	row, wrapped := wb.model.step(wb.ui.view.selected, dir, want)
	if row < 0 {
		wb.setStatus("No " + what + " in this case.")
		return
	}
	wb.jumpTo(row)
	msg := fmt.Sprintf("Row %d: %s.", row+1, what)
	if wrapped {
		msg += " (Continued from the other end.)"
	}
	wb.setStatus(msg)
}

// setFilter changes the rows shown.
func (wb *workbench) setFilter(f Filter) {
	wb.ui.view.setFilter(f)
	if wb.ui.filter.SelectedIndex() != int(f) {
		wb.ui.filter.SetSelectedIndex(int(f))
	}
	if wb.model != nil {
		wb.setStatus(fmt.Sprintf("%s: %d of %d rows.", f, len(wb.ui.view.shown), wb.model.rows()))
	}
}

// focusFind puts the cursor in the find box.
func (wb *workbench) focusFind() {
	wb.win.Canvas().Focus(wb.ui.find)
}

// runFind searches all reports for q and highlights the matches.
func (wb *workbench) runFind(q string) {
	wb.findQuery = strings.TrimSpace(q)
	wb.ui.view.setQuery(wb.findQuery)
	wb.findHits, wb.findPos = nil, -1
	if wb.model == nil || wb.findQuery == "" {
		wb.ui.findCount.SetText("")
		return
	}
	wb.findHits = wb.model.find(wb.findQuery)
	if len(wb.findHits) == 0 {
		wb.ui.findCount.SetText("no match")
		return
	}
	wb.ui.findCount.SetText(fmt.Sprintf("%d matches", len(wb.findHits)))
}

// findStep goes to the next (1) or previous (-1) match of the find query.
func (wb *workbench) findStep(dir int) {
	q := strings.TrimSpace(wb.ui.find.Text)
	if q != wb.findQuery || wb.findHits == nil {
		wb.runFind(q)
	}
	n := len(wb.findHits)
	if n == 0 {
		if q == "" {
			wb.focusFind()
		}
		return
	}
	// Start from the selected row when the analyst moved elsewhere.
	if sel := wb.ui.view.selected; wb.findPos < 0 || wb.findHits[wb.findPos].row != sel {
		i := sort.Search(n, func(i int) bool { return wb.findHits[i].row >= max(sel, 0) })
		if dir > 0 {
			if sel >= 0 && i < n && wb.findHits[i].row == sel {
				i++
			}
			wb.findPos = i % n
		} else {
			wb.findPos = (i - 1 + n) % n
		}
	} else {
		wb.findPos = (wb.findPos + dir + n) % n
	}
	hit := wb.findHits[wb.findPos]
	wb.jumpTo(hit.row)
	wb.ui.findCount.SetText(fmt.Sprintf("%d of %d", wb.findPos+1, n))
	wb.setStatus(fmt.Sprintf("“%s” in %s, row %d.", wb.findQuery, wb.model.entries[hit.report].label(), hit.row+1))
}

// jumpToTerm goes to the rows where report used term, one per tap.
func (wb *workbench) jumpToTerm(referent string, report int, term string) {
	if wb.model == nil {
		return
	}
	rows := wb.model.termRows(referent, report, term)
	if len(rows) == 0 {
		return
	}
	k := fmt.Sprintf("%s\x00%d\x00%s", referent, report, term)
	if k != wb.termKey {
		wb.termKey, wb.termPos = k, 0
	} else {
		wb.termPos = (wb.termPos + 1) % len(rows)
	}
	wb.jumpTo(rows[wb.termPos])
	wb.setStatus(fmt.Sprintf("“%s” in %s: row %d (%d of %d). Tap again for the next.",
		term, wb.model.entries[report].label(), rows[wb.termPos]+1, wb.termPos+1, len(rows)))
}
