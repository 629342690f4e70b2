package app

// Replacing a report's text with a newer version of the article (a file or
// a web address): the library places the report's notes and corrections
// in the new text, the case is compared again, and the analyst learns how
// many notes found their place and how many lost it.

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"framelens/framing/ingest"
	"framelens/storage"
)

// replaceTextLabel names the action in the Reports tab and the column
// header menu.
const replaceTextLabel = "Replace report text…"

// showReplaceText asks for the file or web address of a newer version of
// the report e and replaces its text with it.
func (wb *workbench) showReplaceText(e *ReportEntry) {
	source := widget.NewEntry()
	source.SetPlaceHolder("/path/to/article.html or https://…")
	browse := widget.NewButton("Choose file…", func() {
		wb.opener.openFile(func(paths []string) {
			if len(paths) > 0 {
				source.SetText(paths[0])
			}
		})
	})
	hint := wrapped("The notes and alignment corrections of " + e.label() + " are placed in the new text. " +
		"A note whose words are no longer there is kept and listed as detached in the Notes tab. " +
		"The outlet, date, URL, author and language stay as they are, and so does the title if you changed it.")
	content := container.NewVBox(
		widget.NewForm(widget.NewFormItem("File or web address", container.NewBorder(nil, nil, nil, browse, source))),
		hint)
	d := dialog.NewCustomConfirm("Replace the text of "+e.label(), "Replace", "Cancel", content, func(ok bool) {
		wb.guard("replacing a report's text", func() {
			if !ok {
				return
			}
			if strings.TrimSpace(source.Text) == "" {
				showError(wb.win, fmt.Errorf("no file or web address was given for the new text of %s; "+
					"choose a file or type the article's address, then press Replace", e.label()))
				return
			}
			wb.replaceText(e, strings.TrimSpace(source.Text))
		})
	}, wb.win)
	d.Resize(fyne.NewSize(640, 260))
	d.Show()
}

// replaceText reads the report at source (a path or a web address) off the
// UI goroutine and makes it the text of e.
func (wb *workbench) replaceText(e *ReportEntry, source string) {
	c := wb.cas
	wb.beginWork("Reading the new text of " + e.label() + "…")
	wb.loads.Add(1)
	go func() {
		defer wb.loads.Done()
		doc, err := ingest.Open(wb.ctx, source)
		onUI(func() {
			wb.guard("replacing a report's text", func() {
				wb.endWork()
				if err != nil {
					showError(wb.win, fmt.Errorf("the text of %s was not replaced: %s", e.label(), describeProblem(err)))
					return
				}
				wb.useNewText(c, e, doc)
			})
		})
	}()
}

// useNewText replaces the text of e, a report of c, with doc: in the
// library first (which places the notes and corrections in it), then in
// the window, which compares the case again.
func (wb *workbench) useNewText(c *Case, e *ReportEntry, doc *ingest.Document) {
	if wb.cas != c || !slices.Contains(c.Reports, e) {
		wb.setStatus("The new text was not used: the report is no longer in the open case.")
		return
	}
	if bytes.Equal(doc.Raw, e.Doc.Raw) {
		wb.setStatus("The new text of " + e.label() + " is the same as the one kept; nothing changed.")
		return
	}
	warnings := doc.Warnings
	title := newTitle(e, doc)
	if wb.lib == nil {
		// Without a library there are no notes or corrections to place.
		e.Doc, e.Title = doc, title
		wb.caseChanged(true)
		wb.setStatus("Replaced the text of " + e.label() + ".")
		showProblems(wb.win, 1, nil, warnings)
		return
	}
	rec := reportRecord(&ReportEntry{Doc: doc, Title: title}, false)
	label := e.label()
	wb.save("", "replacing the text of "+label, func(lib *storage.Library) error {
		rec.ID = e.id.Load()
		if rec.ID == 0 {
			return errors.New("the report is not in the library yet; wait a moment and replace its text again")
		}
		res, err := lib.ReplaceReportFrom(rec)
		if err != nil {
			return err
		}
		wb.toUI(func() {
			if wb.cas != c {
				return
			}
			e.Doc, e.Title = doc, title
			wb.ui.reports.setCase(c)
			msg := replacedMessage(label, res)
			wb.setStatus(msg)
			dialog.ShowInformation("Report text replaced", msg, wb.win)
			showProblems(wb.win, 1, nil, warnings)
		})
		// The notes and corrections moved: read them, then compare.
		return wb.readAnnotations(lib, c, true)
	})
	wb.setStatus("Replacing the text of " + label + "…")
}

// newTitle is the title of e once its text is replaced with doc: the new
// text's headline, unless the analyst changed the title.
func newTitle(e *ReportEntry, doc *ingest.Document) string {
	if e.Title == "" || e.Title == e.Doc.Title {
		return doc.Title
	}
	return e.Title
}

// replacedMessage tells the analyst what became of the notes and
// corrections of a report whose text was replaced.
func replacedMessage(label string, res storage.Reanchored) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Replaced the text of %s. ", label)
	notes := res.Placed + len(res.Detached)
	switch {
	case notes == 0:
		b.WriteString("It had no notes.")
	case len(res.Detached) == 0:
		fmt.Fprintf(&b, "%s found %s place in the new text.", plural(res.Placed, "note", "notes"), pick(res.Placed == 1, "its", "their"))
	default:
		fmt.Fprintf(&b, "%s found %s place in the new text; %s lost %s place (the words are no longer there): "+
			"%s kept and listed as detached in the Notes tab.",
			plural(res.Placed, "note", "notes"), pick(res.Placed == 1, "its", "their"),
			plural(len(res.Detached), "note", "notes"), pick(len(res.Detached) == 1, "its", "their"),
			pick(len(res.Detached) == 1, "it is", "they are"))
	}
	if n := len(res.CorrectionsUnresolved); n > 0 {
		fmt.Fprintf(&b, " %s no longer %s: see the Alignment tab.",
			plural(n, "alignment correction", "alignment corrections"), pick(n == 1, "applies", "apply"))
	}
	return b.String()
}

// pick returns one when cond holds, else other.
func pick(cond bool, one, other string) string {
	if cond {
		return one
	}
	return other
}
