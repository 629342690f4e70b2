package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"framelens/framing/ingest"
)

// problemsDialogTitle is the title of the dialog listing unreadable files.
const problemsDialogTitle = "Some reports could not be loaded"

// showProblems tells the analyst which files could not be loaded and why,
// and which were loaded with repairs. Nothing is shown when both lists are
// empty.
func showProblems(win fyne.Window, loaded int, problems []error, warnings []string) {
	if len(problems) == 0 && len(warnings) == 0 {
		return
	}
	var b strings.Builder
	title := problemsDialogTitle
	if len(problems) == 0 {
		title = "Reports loaded with repairs"
	}
	for _, err := range problems {
		b.WriteString("• " + describeProblem(err) + "\n")
	}
	if len(problems) > 0 {
		fmt.Fprintf(&b, "\n%s loaded.", plural(loaded, "other report was", "other reports were"))
	}
	if len(warnings) > 0 {
		if len(problems) > 0 {
			b.WriteString("\n\n")
		}
		for _, w := range warnings {
			b.WriteString("• " + w + "\n")
		}
	}
	msg := widget.NewLabel(strings.TrimSpace(b.String()))
	msg.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(msg)
	scroll.SetMinSize(fyne.NewSize(520, 160))
	d := dialog.NewCustom(title, "OK", scroll, win)
	d.Show()
}

// describeProblem words a load error for the dialog: the file and what is
// wrong with it.
func describeProblem(err error) string {
	var p *ingest.Problem
	if errors.As(err, &p) {
		return p.Path + ": " + p.Msg
	}
	return err.Error()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// showAbout shows the version and the licence.
func showAbout(win fyne.Window) {
	text := widget.NewRichTextFromMarkdown(fmt.Sprintf(`## Framelens %s

A workbench for comparing how different outlets report the same news event:
which facts each outlet reported, which it left out, and which it framed
differently.

Released under the MIT licence. Copyright © 2025 the Framelens authors.

Built with Fyne.`, Version))
	text.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(appIcon())
	content := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(72, 72), icon), nil, text)
	d := dialog.NewCustom("About Framelens", "Close", content, win)
	d.Resize(fyne.NewSize(520, 300))
	d.Show()
}

// showShortcuts lists every keyboard shortcut of the window.
func showShortcuts(win fyne.Window, cmds []*command) {
	grid := container.New(newTwoColumnLayout())
	for _, k := range shortcutList(cmds) {
		grid.Add(widget.NewLabelWithStyle(k.keys, fyne.TextAlignLeading, fyne.TextStyle{Monospace: true}))
		grid.Add(widget.NewLabel(k.what))
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}

// shortcutItem is one line of the keyboard shortcuts help.
type shortcutItem struct{ keys, what string }

// shortcutList lists every key of the window in menu order: the menu
// shortcuts, the keys the window handles itself, and the row keys of the
// aligned view.
func shortcutList(cmds []*command) []shortcutItem {
	var out []shortcutItem
	for _, c := range cmds {
		switch {
		case c.shortcut != nil:
			out = append(out, shortcutItem{shortcutLabel(c.shortcut), c.label})
		case c.keys != "":
			out = append(out, shortcutItem{c.keys, c.label + " (outside a text field)"})
		}
	}
	return append(out, shortcutItem{"Up / Down, Page Up / Down", "Previous / next row (in the aligned view)"})
}

// showError shows err in a dialog.
func showError(win fyne.Window, err error) {
	dialog.ShowError(err, win)
}

// twoColumnLayout lays objects out in pairs: a key column as wide as its
// widest key, and a text column.
type twoColumnLayout struct{}

func newTwoColumnLayout() fyne.Layout { return twoColumnLayout{} }

func (twoColumnLayout) widths(objs []fyne.CanvasObject) (float32, float32) {
	var k, t float32
	for i, o := range objs {
		if i%2 == 0 {
			k = max(k, o.MinSize().Width)
		} else {
			t = max(t, o.MinSize().Width)
		}
	}
	return k, t
}

func (l twoColumnLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	k, _ := l.widths(objs)
	y := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h := max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(k, h))
		objs[i+1].Move(fyne.NewPos(k+theme.Padding(), y))
		objs[i+1].Resize(fyne.NewSize(size.Width-k-theme.Padding(), h))
		y += h
	}
}

func (l twoColumnLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	k, t := l.widths(objs)
	h := float32(0)
	for i := 0; i+1 < len(objs); i += 2 {
		h += max(objs[i].MinSize().Height, objs[i+1].MinSize().Height)
	}
	return fyne.NewSize(k+theme.Padding()+t, h)
}

// showAddressDialog asks for the web address of a report; add is called
// with it when the analyst confirms.
func showAddressDialog(win fyne.Window, add func(address string)) {
	entry := widget.NewEntry()
	entry.SetPlaceHolder("https://…")
	entry.Validator = func(s string) error {
		s = strings.ToLower(strings.TrimSpace(s))
		if !strings.HasPrefix(s, "http://") && !strings.HasPrefix(s, "https://") {
			return errors.New("give an address starting with http:// or https://")
		}
		return nil
	}
	hint := widget.NewLabel("The page is fetched once and kept with the case, so it can be read again offline.")
	hint.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Add report from web address", "Fetch", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Address", entry), widget.NewFormItem("", hint)},
		func(ok bool) {
			if ok {
				add(strings.TrimSpace(entry.Text))
			}
		}, win)
	d.Resize(fyne.NewSize(620, 220))
	d.Show()
	win.Canvas().Focus(entry)
}
