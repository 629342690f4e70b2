package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// command is one action of the window, offered in a menu and, when it has
// a shortcut, on the keyboard. The keyboard shortcuts help lists the same
// commands, so menus, keys and help never disagree.
type command struct {
	menu     string
	label    string
	shortcut *desktop.CustomShortcut
	// keys, when set, is a key the window handles itself rather than
	// through the menu (so that a text field keeps it while it has the
	// focus); the keyboard shortcuts help lists it with the command.
	keys   string
	action func()
	// separatorBefore starts a new group in the menu.
	separatorBefore bool
	item            *fyne.MenuItem
}

func key(name fyne.KeyName, mod fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: name, Modifier: mod}
}

const (
	ctrl      = fyne.KeyModifierShortcutDefault
	ctrlShift = fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift
)

// undoKeys is the key that brings back a deleted note outside a text
// field; it is registered on the canvas in newWorkbench.
const undoKeys = "Ctrl+Z"

// commands lists the window's commands in menu order.
func (wb *workbench) commands() []*command {
	return []*command{
		{menu: "File", label: "Add report file…", shortcut: key(fyne.KeyO, ctrl), action: wb.addFile},
		{menu: "File", label: "Open folder of reports…", shortcut: key(fyne.KeyO, ctrlShift), action: wb.openFolder},
		{menu: "File", label: "Add report from web address…", shortcut: key(fyne.KeyL, ctrl), action: wb.addAddress},
		{menu: "File", label: "Paste as new report…", shortcut: key(fyne.KeyV, ctrlShift), action: wb.paste},
		{menu: "File", label: "New empty case", shortcut: key(fyne.KeyN, ctrl), action: wb.newCase, separatorBefore: true},
		{menu: "File", label: "Open the sample case", action: wb.openSample},
		{menu: "File", label: casesLabel, shortcut: key(fyne.KeyK, ctrl), action: wb.showCases},
		{menu: "File", label: "Import case…", action: wb.importCase, separatorBefore: true},
		{menu: "File", label: "Export case…", action: wb.exportCase},
		{menu: "File", label: "Export report…", shortcut: key(fyne.KeyE, ctrl), action: wb.exportReport},

		{menu: "Edit", label: "Undo delete note", keys: undoKeys, action: wb.undo},

		{menu: "View", label: "Find in all reports", shortcut: key(fyne.KeyF, ctrl), action: wb.focusFind},
		{menu: "View", label: "Find next", shortcut: key(fyne.KeyG, ctrl), action: func() { wb.findStep(1) }},
		{menu: "View", label: "Find previous", shortcut: key(fyne.KeyG, ctrlShift), action: func() { wb.findStep(-1) }},
		{menu: "View", label: "Show all rows", shortcut: key(fyne.Key1, ctrl), action: func() { wb.setFilter(FilterAll) }, separatorBefore: true},
		{menu: "View", label: "Show rows with framing differences", shortcut: key(fyne.Key2, ctrl), action: func() { wb.setFilter(FilterFraming) }},
		{menu: "View", label: "Show rows some outlet left out", shortcut: key(fyne.Key3, ctrl), action: func() { wb.setFilter(FilterOmissions) }},
		{menu: "View", label: "Lexicon…", shortcut: key(fyne.KeyL, ctrlShift), action: func() { wb.showLexicon() }, separatorBefore: true},

		{menu: "Go", label: "Next framing difference", shortcut: key(fyne.KeyDown, ctrl), action: func() { wb.nextFraming(1) }},
		{menu: "Go", label: "Previous framing difference", shortcut: key(fyne.KeyUp, ctrl), action: func() { wb.nextFraming(-1) }},
		{menu: "Go", label: "Next omission", shortcut: key(fyne.KeyDown, ctrlShift), action: func() { wb.nextOmission(1) }},
		{menu: "Go", label: "Previous omission", shortcut: key(fyne.KeyUp, ctrlShift), action: func() { wb.nextOmission(-1) }},

		{menu: "Help", label: "Keyboard shortcuts", shortcut: key(fyne.KeySlash, ctrl), action: func() { showShortcuts(wb.win, wb.cmds) }},
		{menu: "Help", label: "About Framelens", action: func() { showAbout(wb.win) }},
	}
}

// installCommands builds the main menu and registers the shortcuts on the
// canvas (for drivers without a main menu, and for tests). Every action
// runs guarded.
func (wb *workbench) installCommands() {
	wb.connectLexicon()
	wb.cmds = wb.commands()
	var menus []*fyne.Menu
	byName := map[string]*fyne.Menu{}
	for _, c := range wb.cmds {
		run := func() { wb.guard(strings.TrimSuffix(c.label, "…"), c.action) }
		c.item = fyne.NewMenuItem(c.label, run)
		if c.shortcut != nil {
			c.item.Shortcut = c.shortcut
			wb.win.Canvas().AddShortcut(c.shortcut, func(fyne.Shortcut) { run() })
		}
		m, ok := byName[c.menu]
		if !ok {
			m = fyne.NewMenu(c.menu)
			byName[c.menu] = m
			menus = append(menus, m)
		}
		if c.separatorBefore {
			m.Items = append(m.Items, fyne.NewMenuItemSeparator())
		}
		m.Items = append(m.Items, c.item)
	}
	wb.win.SetMainMenu(fyne.NewMainMenu(menus...))
}

// command returns the command labelled label, or nil.
func (wb *workbench) command(label string) *command {
	for _, c := range wb.cmds {
		if c.label == label {
			return c
		}
	}
	return nil
}

// shortcutLabel writes a shortcut as it is typed, e.g. "Ctrl+Shift+Down".
func shortcutLabel(s *desktop.CustomShortcut) string {
	var parts []string
	if s.Modifier&fyne.KeyModifierControl != 0 {
		parts = append(parts, "Ctrl")
	}
	if s.Modifier&fyne.KeyModifierSuper != 0 {
		parts = append(parts, "Cmd")
	}
	if s.Modifier&fyne.KeyModifierAlt != 0 {
		parts = append(parts, "Alt")
	}
	if s.Modifier&fyne.KeyModifierShift != 0 {
		parts = append(parts, "Shift")
	}
	name := string(s.KeyName)
	if s.KeyName == fyne.KeySlash {
		name = "/"
	}
	return strings.Join(append(parts, name), "+")
}
