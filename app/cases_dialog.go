package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/storage"
)

// casesLabel is the label of File > Cases….
const casesLabel = "Cases…"

// casesDialog lists the cases of the library, the most recently changed
// first, to open, rename, duplicate or delete one, or start a new one.
type casesDialog struct {
	wb       *workbench
	cases    []storage.Case
	selected int
	list     *widget.List
	info     *widget.Label
	buttons  []*widget.Button
	d        *dialog.CustomDialog
}

// showCases opens the list of cases.
func (wb *workbench) showCases() {
	if !wb.needLibrary("Cases") {
		return
	}
	cd := &casesDialog{wb: wb, selected: -1}
	cd.list = widget.NewList(
		func() int { return len(cd.cases) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(cd.itemText(i))
		})
	cd.list.OnSelected = func(i widget.ListItemID) {
		cd.selected = i
		cd.enable()
	}
	cd.info = widget.NewLabel("Reading the cases…")
	button := func(label string, icon fyne.Resource, f func(c storage.Case)) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, func() {
			wb.guard(strings.TrimSuffix(label, "…"), func() {
				if cd.selected >= 0 && cd.selected < len(cd.cases) {
					f(cd.cases[cd.selected])
				}
			})
		})
		cd.buttons = append(cd.buttons, b)
		return b
	}
	open := button("Open", theme.FolderOpenIcon(), cd.open)
	open.Importance = widget.HighImportance
	bar := container.NewHBox(
		open,
		button("Rename…", theme.DocumentCreateIcon(), cd.rename),
		button("Duplicate", theme.ContentCopyIcon(), cd.duplicate),
		button("Delete…", theme.DeleteIcon(), cd.delete),
	)
	newCase := widget.NewButtonWithIcon("New case", theme.ContentAddIcon(), func() {
		wb.guard("starting a new case", func() {
			cd.d.Hide()
			wb.newCase()
		})
	})
	content := container.NewBorder(cd.info, container.NewBorder(nil, nil, bar, newCase), nil, nil, cd.list)
	cd.d = dialog.NewCustom("Cases in the library", "Close", content, wb.win)
	cd.d.Resize(fyne.NewSize(720, 480))
	cd.enable()
	cd.d.Show()
	cd.reload()
}

// itemText is the line of case i: its name and when it last changed.
func (cd *casesDialog) itemText(i int) string {
	if i < 0 || i >= len(cd.cases) {
		return ""
	}
	c := cd.cases[i]
	text := c.Name + "  ·  changed " + c.Updated.Local().Format("2006-01-02 15:04")
	if c.ID == cd.wb.cas.id.Load() {
		text += "  ·  open now"
	}
	return text
}

// enable enables the buttons that act on a case when one is selected.
func (cd *casesDialog) enable() {
	for _, b := range cd.buttons {
		if cd.selected >= 0 && cd.selected < len(cd.cases) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// reload reads the cases again, off the UI goroutine.
func (cd *casesDialog) reload() {
	wb := cd.wb
	wb.save("", "reading the list of cases", func(lib *storage.Library) error {
		cases, err := lib.Cases()
		if err != nil {
			return err
		}
		wb.toUI(func() {
			cd.cases = cases
			cd.selected = -1
			cd.list.UnselectAll()
			cd.list.Refresh()
			cd.info.SetText(fmt.Sprintf("%s in %s", plural(len(cases), "case", "cases"), lib.Path()))
			for i, c := range cases {
				if c.ID == wb.cas.id.Load() {
					cd.list.Select(i)
				}
			}
			cd.enable()
		})
		return nil
	})
}

// open opens c in the window.
func (cd *casesDialog) open(c storage.Case) {
	cd.d.Hide()
	cd.wb.openStored(c.ID)
}

// rename asks for a new name for c.
func (cd *casesDialog) rename(c storage.Case) {
	wb := cd.wb
	name := widget.NewEntry()
	name.SetText(c.Name)
	name.Validator = func(s string) error {
		if strings.TrimSpace(s) == "" {
			return fmt.Errorf("type a name for the case")
		}
		return nil
	}
	dialog.ShowForm("Rename case", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
		wb.guard("renaming the case", func() {
			if !ok {
				return
			}
			newName := strings.TrimSpace(name.Text)
			wb.save("", "renaming the case "+strconv.Quote(c.Name), func(lib *storage.Library) error {
				if err := lib.RenameCase(c.ID, newName); err != nil {
					return err
				}
				wb.toUI(func() {
					if wb.cas.id.Load() == c.ID {
						wb.cas.Name = newName
						wb.updateTitle()
						wb.ui.reports.setCase(wb.cas)
					}
					cd.reload()
				})
				return nil
			})
		})
	}, wb.win)
}

// duplicate copies c, with its reports, notes and corrections.
func (cd *casesDialog) duplicate(c storage.Case) {
	wb := cd.wb
	wb.save("", "duplicating the case "+strconv.Quote(c.Name), func(lib *storage.Library) error {
		if _, err := lib.DuplicateCase(c.ID, c.Name+" (copy)"); err != nil {
			return err
		}
		wb.toUI(func() {
			wb.setStatus("Duplicated the case “" + c.Name + "”.")
			cd.reload()
		})
		return nil
	})
}

// delete deletes c once the analyst confirms. When c is the case open, the
// window opens the case changed last instead.
func (cd *casesDialog) delete(c storage.Case) {
	wb := cd.wb
	msg := widget.NewLabel(fmt.Sprintf("Delete the case “%s” with its reports, notes and alignment corrections?\n\n"+
		"This cannot be undone. To keep a copy, open the case and use File > Export case… first.", c.Name))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm("Delete case", "Delete", "Cancel", msg, func(ok bool) {
		wb.guard("deleting the case", func() {
			if !ok {
				return
			}
			wb.save("", "deleting the case "+strconv.Quote(c.Name), func(lib *storage.Library) error {
				if err := lib.DeleteCase(c.ID); err != nil {
					return err
				}
				wb.toUI(func() {
					wb.setStatus("Deleted the case “" + c.Name + "”.")
					if wb.cas.id.Load() == c.ID {
						wb.openLastCase()
					}
					cd.reload()
				})
				return nil
			})
		})
	}, wb.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}
