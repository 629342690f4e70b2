package app

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// rowsBody is the scrolled content of the aligned view: as tall as all
// shown rows, it holds widgets for the rows in sight only and reuses them
// as the view scrolls.
type rowsBody struct {
	widget.BaseWidget
	v *alignedView

	live    map[int]*rowWidget // index in shown -> its widget
	free    []*rowWidget
	objects []fyne.CanvasObject
	lastMin fyne.Size // MinSize last told to the scroller
}

func newRowsBody(v *alignedView) *rowsBody {
	b := &rowsBody{v: v, live: map[int]*rowWidget{}}
	b.ExtendBaseWidget(b)
	return b
}

// MinSize is the size of all shown rows.
func (b *rowsBody) MinSize() fyne.Size {
	v := b.v
	if len(v.tops) == 0 {
		return fyne.NewSize(v.contentWidth(), 0)
	}
	return fyne.NewSize(v.contentWidth(), v.tops[len(v.tops)-1])
}

// reset drops every row widget (the number of columns may change).
func (b *rowsBody) reset() {
	b.live = map[int]*rowWidget{}
	b.free = nil
	b.objects = nil
}

// rebindAll marks every built row for rebinding (content or geometry
// changed).
func (b *rowsBody) rebindAll() {
	for i, w := range b.live {
		delete(b.live, i)
		w.row = -1
		b.free = append(b.free, w)
	}
	b.update()
}

// refreshSelection redraws the selection on the rows in sight.
func (b *rowsBody) refreshSelection() {
	for _, w := range b.live {
		w.applyBackground()
	}
}

// update builds and places the widgets of the rows in sight, correcting
// estimated heights with the true ones of the rows it builds.
func (b *rowsBody) update() {
	v := b.v
	if v.model == nil || len(v.shown) == 0 {
		b.setObjects(nil)
		return
	}
	view := v.scroll.Size().Height
	if view <= 0 {
		return
	}
	off := v.scroll.Offset.Y
	width := v.contentWidth()
	for pass := 0; pass < 3; pass++ {
		first := v.rowAtY(off)
		last := v.rowAtY(off + view)
		for i, w := range b.live {
			if i < first || i > last {
				delete(b.live, i)
				b.free = append(b.free, w)
			}
		}
		corrected := false
		for i := first; i <= last; i++ {
			w, ok := b.live[i]
			if !ok {
				w = b.take()
				b.live[i] = w
			}
			if w.row != v.shown[i] || w.width != width {
				w.bind(v.shown[i], width, v.heights[i])
				w.laidOut = false
				if v.setHeight(i, w.trueHeight()) {
					corrected = true
				}
			}
		}
		if !corrected {
			break
		}
	}
	objs := b.objects[:0]
	for i, w := range b.live {
		w.Move(fyne.NewPos(0, v.tops[i]))
		size := fyne.NewSize(width, v.heights[i])
		if w.Size() != size {
			w.Resize(size)
		} else if !w.laidOut {
			w.layout(size)
		}
		w.laidOut = true
		objs = append(objs, w)
	}
	b.setObjects(objs)
}

func (b *rowsBody) setObjects(objs []fyne.CanvasObject) {
	b.objects = objs
	if size := b.MinSize(); size != b.lastMin {
		// The scroller sizes its content: tell it the size changed.
		b.lastMin = size
		b.v.scroll.Refresh()
	}
	canvas.Refresh(b)
}

// take returns a spare row widget or a new one.
func (b *rowsBody) take() *rowWidget {
	if n := len(b.free); n > 0 {
		w := b.free[n-1]
		b.free = b.free[:n-1]
		return w
	}
	return newRowWidget(b.v)
}

// CreateRenderer builds the body's renderer.
func (b *rowsBody) CreateRenderer() fyne.WidgetRenderer { return &rowsBodyRenderer{b: b} }

type rowsBodyRenderer struct{ b *rowsBody }

func (r *rowsBodyRenderer) Layout(fyne.Size)             { r.b.update() }
func (r *rowsBodyRenderer) MinSize() fyne.Size           { return r.b.MinSize() }
func (r *rowsBodyRenderer) Refresh()                     { r.b.update() }
func (r *rowsBodyRenderer) Objects() []fyne.CanvasObject { return r.b.objects }
func (r *rowsBodyRenderer) Destroy()                     {}

// rowWidget draws one aligned row: the row number and markers in the
// gutter, then one cell per report.
type rowWidget struct {
	widget.BaseWidget
	v       *alignedView
	row     int
	width   float32
	hovered bool
	laidOut bool

	bg     *canvas.Rectangle
	rule   *canvas.Rectangle
	number *canvas.Text
	marker *canvas.Rectangle
	// noteMark shows that the row carries a note.
	noteMark *canvas.Rectangle
	cells    []*widget.RichText
	fills    []*canvas.Rectangle
	columns  []*canvas.Rectangle
	objects  []fyne.CanvasObject
}

var (
	_ fyne.Tappable          = (*rowWidget)(nil)
	_ fyne.SecondaryTappable = (*rowWidget)(nil)
	_ desktop.Hoverable      = (*rowWidget)(nil)
)

func newRowWidget(v *alignedView) *rowWidget {
	w := &rowWidget{v: v, row: -1}
	w.bg = canvas.NewRectangle(color.Transparent)
	w.rule = canvas.NewRectangle(color.Transparent)
	w.number = canvas.NewText("", color.Transparent)
	w.number.TextSize = theme.CaptionTextSize()
	w.number.Alignment = fyne.TextAlignTrailing
	w.marker = canvas.NewRectangle(color.Transparent)
	w.marker.CornerRadius = 2
	w.noteMark = canvas.NewRectangle(color.Transparent)
	w.noteMark.CornerRadius = 2
	w.noteMark.Hide()
	w.objects = []fyne.CanvasObject{w.bg, w.rule, w.number, w.marker, w.noteMark}
	n := v.columns()
	for range n {
		fill := canvas.NewRectangle(color.Transparent)
		cell := widget.NewRichText()
		cell.Wrapping = fyne.TextWrapWord
		col := canvas.NewRectangle(color.Transparent)
		w.fills = append(w.fills, fill)
		w.cells = append(w.cells, cell)
		w.columns = append(w.columns, col)
		w.objects = append(w.objects, fill, col, cell)
	}
	w.ExtendBaseWidget(w)
	return w
}

// bind shows row in the widget, laid out for a total width and the
// row's estimated height.
func (w *rowWidget) bind(row int, width, height float32) {
	w.row, w.width = row, width
	v := w.v
	w.number.Text = strconv.Itoa(row + 1)
	size := fyne.NewSize(v.colWidth, height)
	for rep, cell := range w.cells {
		cell.Segments = v.cellSegments(row, rep)
		if cell.Size() != size {
			cell.Resize(size) // wraps the new text anew
		} else {
			cell.Refresh()
		}
	}
	w.applyColours()
}

// trueHeight is the height the row's tallest cell needs.
func (w *rowWidget) trueHeight() float32 {
	h := float32(0)
	for _, cell := range w.cells {
		h = max(h, cell.MinSize().Height)
	}
	return h
}

// applyColours sets every colour from the current theme.
func (w *rowWidget) applyColours() {
	v := w.v
	if w.row < 0 || v.model == nil {
		return
	}
	w.number.Color = themeColor(theme.ColorNamePlaceHolder)
	w.rule.FillColor = themeColor(theme.ColorNameSeparator)
	switch {
	case v.model.framing[w.row]:
		w.marker.FillColor = themeColor(colorFramingMark)
	case len(v.model.missing[w.row]) > 0:
		w.marker.FillColor = themeColor(colorMissingText)
	default:
		w.marker.FillColor = color.Transparent
	}
	if v.noted[w.row] {
		w.noteMark.FillColor = themeColor(colorNoteMark)
		w.noteMark.Show()
	} else {
		w.noteMark.Hide()
	}
	for rep, fill := range w.fills {
		fill.FillColor = color.Transparent
		if !v.model.reported(w.row, rep) {
			fill.FillColor = themeColor(colorMissingFill)
		}
		w.columns[rep].FillColor = themeColor(theme.ColorNameSeparator)
	}
	w.applyBackground()
	w.number.Refresh()
	w.rule.Refresh()
	w.marker.Refresh()
	w.noteMark.Refresh()
	for i := range w.fills {
		w.fills[i].Refresh()
		w.columns[i].Refresh()
	}
}

// applyBackground shows whether the row is selected or under the pointer.
func (w *rowWidget) applyBackground() {
	switch {
	case w.row >= 0 && w.row == w.v.selected:
		w.bg.FillColor = themeColor(colorRowSelected)
		if w.v.focused {
			w.bg.StrokeColor = themeColor(theme.ColorNameFocus)
			w.bg.StrokeWidth = 1
		} else {
			w.bg.StrokeWidth = 0
		}
	case w.hovered:
		w.bg.FillColor = themeColor(colorRowHover)
		w.bg.StrokeWidth = 0
	default:
		w.bg.FillColor = color.Transparent
		w.bg.StrokeWidth = 0
	}
	w.bg.Refresh()
}

// layout places the parts for size.
func (w *rowWidget) layout(size fyne.Size) {
	v := w.v
	w.bg.Move(fyne.NewPos(0, 0))
	w.bg.Resize(size)
	w.rule.Move(fyne.NewPos(0, size.Height))
	w.rule.Resize(fyne.NewSize(size.Width, columnGap))
	pad := theme.InnerPadding()
	w.number.Move(fyne.NewPos(0, pad))
	w.number.Resize(fyne.NewSize(gutterWidth-12, w.number.MinSize().Height))
	w.marker.Move(fyne.NewPos(gutterWidth-7, 3))
	w.marker.Resize(fyne.NewSize(4, max(0, size.Height-6)))
	numberH := w.number.MinSize().Height
	w.noteMark.Move(fyne.NewPos(gutterWidth-22, pad+numberH+3))
	w.noteMark.Resize(fyne.NewSize(10, 8))
	for rep, cell := range w.cells {
		x := v.columnX(rep)
		w.columns[rep].Move(fyne.NewPos(x-columnGap, 0))
		w.columns[rep].Resize(fyne.NewSize(columnGap, size.Height))
		w.fills[rep].Move(fyne.NewPos(x, 0))
		w.fills[rep].Resize(fyne.NewSize(v.colWidth, size.Height))
		cell.Move(fyne.NewPos(x, 0))
		cell.Resize(fyne.NewSize(v.colWidth, size.Height))
	}
}

// Tapped selects the row and gives the view the keyboard focus.
func (w *rowWidget) Tapped(*fyne.PointEvent) {
	w.v.guard("selecting a row", func() {
		w.v.focus()
		w.v.selectRow(w.row)
	})
}

// TappedSecondary offers the actions on the row and on the sentence
// under the pointer.
func (w *rowWidget) TappedSecondary(e *fyne.PointEvent) {
	w.v.guard("opening the row menu", func() {
		w.v.selectRow(w.row)
		if w.v.onRowMenu != nil {
			w.v.onRowMenu(w.row, w.v.columnAt(e.Position.X), e.AbsolutePosition)
		}
	})
}

// MouseIn shows the row as under the pointer.
func (w *rowWidget) MouseIn(*desktop.MouseEvent) { w.hovered = true; w.applyBackground() }

// MouseMoved does nothing: the row stays under the pointer.
func (w *rowWidget) MouseMoved(*desktop.MouseEvent) {}

// MouseOut shows the row as no longer under the pointer.
func (w *rowWidget) MouseOut() { w.hovered = false; w.applyBackground() }

// CreateRenderer builds the row's renderer.
func (w *rowWidget) CreateRenderer() fyne.WidgetRenderer { return &rowRenderer{w: w} }

type rowRenderer struct{ w *rowWidget }

func (r *rowRenderer) Layout(size fyne.Size) { r.w.layout(size) }
func (r *rowRenderer) MinSize() fyne.Size    { return fyne.NewSize(r.w.width, 0) }
func (r *rowRenderer) Refresh() {
	r.w.applyColours()
	for _, c := range r.w.cells {
		c.Refresh()
	}
}
func (r *rowRenderer) Objects() []fyne.CanvasObject { return r.w.objects }
func (r *rowRenderer) Destroy()                     {}
