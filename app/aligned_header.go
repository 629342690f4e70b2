package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// headerStrip holds the column headers of the aligned view. It does not
// scroll vertically and follows the rows sideways.
type headerStrip struct {
	widget.BaseWidget
	v       *alignedView
	bg      *canvas.Rectangle
	rule    *canvas.Rectangle
	cells   []*columnHeader
	objects []fyne.CanvasObject
}

func newHeaderStrip(v *alignedView) *headerStrip {
	h := &headerStrip{v: v, bg: canvas.NewRectangle(color.Transparent), rule: canvas.NewRectangle(color.Transparent)}
	h.ExtendBaseWidget(h)
	return h
}

// reset rebuilds one header per report column.
func (h *headerStrip) reset() {
	h.cells = nil
	h.objects = []fyne.CanvasObject{h.bg, h.rule}
	for col := range h.v.columns() {
		c := newColumnHeader(h.v, col)
		h.cells = append(h.cells, c)
		h.objects = append(h.objects, c)
	}
}

// MinSize is one header's height.
func (h *headerStrip) MinSize() fyne.Size {
	return fyne.NewSize(0, columnHeaderHeight())
}

// CreateRenderer builds the strip's renderer.
func (h *headerStrip) CreateRenderer() fyne.WidgetRenderer { return &headerStripRenderer{h: h} }

type headerStripRenderer struct{ h *headerStrip }

// Layout places each header over its column, shifted by the sideways
// scroll and clipped to the strip: a header half out of sight is narrowed,
// one (nearly) out of sight hidden.
func (r *headerStripRenderer) Layout(size fyne.Size) {
	h, v := r.h, r.h.v
	h.bg.Resize(size)
	h.rule.Move(fyne.NewPos(0, size.Height-1))
	h.rule.Resize(fyne.NewSize(size.Width, 1))
	offX := v.scroll.Offset.X
	for col, c := range h.cells {
		x0 := v.columnX(col) - offX
		x1 := x0 + v.colWidth
		left, right := max(x0, 0), min(x1, size.Width)
		if right-left < 24 {
			c.Hide()
			continue
		}
		c.Show()
		c.Move(fyne.NewPos(left, 0))
		c.Resize(fyne.NewSize(right-left, size.Height))
	}
}

func (r *headerStripRenderer) MinSize() fyne.Size { return r.h.MinSize() }

func (r *headerStripRenderer) Refresh() {
	h := r.h
	h.bg.FillColor = themeColor(theme.ColorNameHeaderBackground)
	h.rule.FillColor = themeColor(theme.ColorNameSeparator)
	h.bg.Refresh()
	h.rule.Refresh()
	for _, c := range h.cells {
		c.Refresh()
	}
	r.Layout(h.Size())
}

func (r *headerStripRenderer) Objects() []fyne.CanvasObject { return r.h.objects }
func (r *headerStripRenderer) Destroy()                     {}

// columnHeaderHeight is the height of the header: outlet, title and a line
// of facts, each on one line.
func columnHeaderHeight() float32 {
	pad := theme.InnerPadding()
	return theme.TextSize()*1.3 + 2*theme.CaptionTextSize()*1.35 + pad + 4
}

// columnHeader names one report column: outlet, title, and sentence count,
// date and whether it is the reference. Tapping it offers the column's
// actions.
type columnHeader struct {
	widget.BaseWidget
	v      *alignedView
	col    int
	tint   *canvas.Rectangle
	outlet *canvas.Text
	title  *canvas.Text
	facts  *canvas.Text
}

var _ fyne.Tappable = (*columnHeader)(nil)

func newColumnHeader(v *alignedView, col int) *columnHeader {
	c := &columnHeader{v: v, col: col,
		tint:   canvas.NewRectangle(color.Transparent),
		outlet: canvas.NewText("", color.Transparent),
		title:  canvas.NewText("", color.Transparent),
		facts:  canvas.NewText("", color.Transparent),
	}
	c.outlet.TextStyle.Bold = true
	c.ExtendBaseWidget(c)
	return c
}

// Tapped offers the column's actions.
func (c *columnHeader) Tapped(e *fyne.PointEvent) {
	if c.v.onHeader != nil {
		c.v.guard("opening the column menu", func() { c.v.onHeader(c.col, e.AbsolutePosition) })
	}
}

// texts returns the header's three lines for the current model.
func (c *columnHeader) texts() (outlet, title, facts string) {
	m := c.v.model
	if m == nil || c.col >= len(m.entries) {
		return "", "", ""
	}
	e := m.entries[c.col]
	rep := m.cmp.Reports[c.col]
	facts = fmt.Sprintf("%d sentences", len(rep.Sentences))
	if e.Date != "" {
		facts += " · " + e.Date
	}
	if c.col == c.v.refCol {
		facts = "Reference · " + facts
	}
	title = e.Title
	if title == "" {
		title = e.Doc.Name
	}
	return e.label(), title, facts
}

// CreateRenderer builds the header's renderer.
func (c *columnHeader) CreateRenderer() fyne.WidgetRenderer { return &columnHeaderRenderer{c: c} }

type columnHeaderRenderer struct{ c *columnHeader }

func (r *columnHeaderRenderer) Layout(size fyne.Size) {
	c := r.c
	pad := theme.InnerPadding()
	w := size.Width - pad
	outlet, title, facts := c.texts()
	c.outlet.TextSize = theme.TextSize()
	c.title.TextSize = theme.CaptionTextSize()
	c.facts.TextSize = theme.CaptionTextSize()
	c.outlet.Text = fitText(outlet, w, c.outlet.TextSize, c.outlet.TextStyle)
	c.title.Text = fitText(title, w, c.title.TextSize, c.title.TextStyle)
	c.facts.Text = fitText(facts, w, c.facts.TextSize, c.facts.TextStyle)
	c.tint.Resize(size)
	y := pad / 2
	for _, t := range []*canvas.Text{c.outlet, c.title, c.facts} {
		h := t.MinSize().Height
		t.Move(fyne.NewPos(pad/2, y))
		t.Resize(fyne.NewSize(w, h))
		y += h
		t.Refresh()
	}
}

func (r *columnHeaderRenderer) MinSize() fyne.Size {
	return fyne.NewSize(24, columnHeaderHeight())
}

func (r *columnHeaderRenderer) Refresh() {
	c := r.c
	c.outlet.Color = themeColor(theme.ColorNameForeground)
	c.title.Color = themeColor(theme.ColorNameForeground)
	c.facts.Color = themeColor(theme.ColorNamePlaceHolder)
	c.tint.FillColor = color.Transparent
	if c.col == c.v.refCol {
		c.tint.FillColor = themeColor(colorRowHover)
		c.facts.Color = themeColor(theme.ColorNamePrimary)
	}
	c.tint.Refresh()
	r.Layout(c.Size())
}

func (r *columnHeaderRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.c.tint, r.c.outlet, r.c.title, r.c.facts}
}

func (r *columnHeaderRenderer) Destroy() {}
