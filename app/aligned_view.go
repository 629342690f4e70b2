package app

import (
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Geometry of the aligned view.
const (
	gutterWidth    = float32(46)  // row number and markers
	minColumnWidth = float32(176) // narrower columns scroll sideways instead
	columnGap      = float32(1)   // the rule between two columns
)

// emptyViewText is shown while there is nothing to compare.
const emptyViewText = "Open, drop or paste at least two reports of the same event to compare them."

// alignedView shows a comparison as one column per report and one row per
// aligned fact. All columns scroll together in one scroller, rows wrap
// their text and size to it, and only the rows in sight are built, so a
// case of many long reports scrolls as smoothly as a small one.
type alignedView struct {
	widget.BaseWidget

	model    *caseModel
	filter   Filter
	shown    []int     // the rows the filter keeps, in order
	index    []int     // row -> index in shown, or -1
	heights  []float32 // per shown row
	tops     []float32 // tops[i] is the y of shown row i; len(shown)+1 entries
	colWidth float32
	refCol   int // column of the reference report
	selected int // selected row, or -1
	query    string
	focused  bool
	// stepping is set while the arrow keys move the selection.
	stepping bool
	// pendingReveal is a row to scroll to once the view has a size, or -1.
	pendingReveal int
	// noted holds the rows that carry a note of the analyst.
	noted map[int]bool

	measurer *wrapMeasurer
	header   *headerStrip
	body     *rowsBody
	scroll   *container.Scroll
	empty    *widget.Label

	// onSelect is called when the selected row changes (-1: none).
	onSelect func(row int)
	// onHeader is called when a column header is tapped, with the
	// absolute position of the tap.
	onHeader func(col int, at fyne.Position)
	// onRowMenu is called when a row is tapped with the secondary button,
	// with the column under the pointer (-1: the gutter) and the absolute
	// position of the tap.
	onRowMenu func(row, col int, at fyne.Position)
	// guard runs event handlers so that a panic in one is recovered.
	guard func(what string, f func())
}

func newAlignedView() *alignedView {
	v := &alignedView{selected: -1, pendingReveal: -1, colWidth: minColumnWidth}
	v.guard = func(_ string, f func()) { f() }
	v.header = newHeaderStrip(v)
	v.body = newRowsBody(v)
	v.scroll = container.NewScroll(v.body)
	v.scroll.OnScrolled = func(fyne.Position) {
		v.body.update()
		v.header.Refresh()
	}
	v.empty = widget.NewLabel(emptyViewText)
	v.empty.Alignment = fyne.TextAlignCenter
	v.empty.Wrapping = fyne.TextWrapWord
	v.ExtendBaseWidget(v)
	return v
}

// setModel shows a new comparison. The filter is kept; the selection is
// cleared.
func (v *alignedView) setModel(m *caseModel, refCol int) {
	v.model = m
	v.refCol = refCol
	v.selected = -1
	v.pendingReveal = -1
	v.measurer = nil
	v.body.reset()
	v.header.reset()
	v.reshow()
	v.scroll.ScrollToTop()
}

// setFilter changes which rows are shown, keeping the selection if the
// filter still shows it.
func (v *alignedView) setFilter(f Filter) {
	if f == v.filter {
		return
	}
	v.filter = f
	v.reshow()
	if v.selected >= 0 && !v.isShown(v.selected) {
		v.selectRow(-1)
	} else if v.selected >= 0 {
		v.reveal(v.selected)
	}
}

// setQuery highlights the matches of q in every cell.
func (v *alignedView) setQuery(q string) {
	if q == v.query {
		return
	}
	v.query = q
	v.body.rebindAll()
}

// setReference marks column col as the reference.
func (v *alignedView) setReference(col int) {
	v.refCol = col
	v.header.Refresh()
}

// setNoted marks the rows that carry a note.
func (v *alignedView) setNoted(rows map[int]bool) {
	v.noted = rows
	for _, w := range v.body.live {
		w.applyColours()
	}
}

// columnAt returns the column at x in the body, or -1 for the gutter.
func (v *alignedView) columnAt(x float32) int {
	for col := range v.columns() {
		if x >= v.columnX(col) && x < v.columnX(col)+v.colWidth {
			return col
		}
	}
	return -1
}

// refreshHeaders redraws the column headers (outlet names edited).
func (v *alignedView) refreshHeaders() { v.header.Refresh() }

// reshow recomputes the shown rows and their heights, then redraws.
func (v *alignedView) reshow() {
	v.shown, v.index = nil, nil
	if v.model != nil {
		v.shown = v.model.shown(v.filter)
		v.index = make([]int, v.model.rows())
		for i := range v.index {
			v.index[i] = -1
		}
		for i, r := range v.shown {
			v.index[r] = i
		}
	}
	v.measureRows()
	v.body.rebindAll()
	v.Refresh()
}

// isShown reports whether the filter shows row.
func (v *alignedView) isShown(row int) bool {
	return row >= 0 && row < len(v.index) && v.index[row] >= 0
}

// columns is the number of report columns.
func (v *alignedView) columns() int {
	if v.model == nil {
		return 0
	}
	return v.model.reports()
}

// columnX is the x of column col in the body.
func (v *alignedView) columnX(col int) float32 {
	return gutterWidth + float32(col)*(v.colWidth+columnGap)
}

// contentWidth is the width of all columns.
func (v *alignedView) contentWidth() float32 {
	n := v.columns()
	if n == 0 {
		return 0
	}
	return v.columnX(n) - columnGap
}

// fitColumns sets the column width for a view width w: columns share the
// width, none narrower than minColumnWidth. It reports a change.
func (v *alignedView) fitColumns(w float32) bool {
	n := v.columns()
	cw := minColumnWidth
	if n > 0 {
		// Leave room for the vertical scroll bar.
		avail := w - gutterWidth - float32(n-1)*columnGap - theme.Padding()*2
		cw = max(minColumnWidth, avail/float32(n))
	}
	cw = float32(int(cw))
	if cw == v.colWidth {
		return false
	}
	v.colWidth = cw
	return true
}

// cellSegments is the rich text of report's cell in row.
func (v *alignedView) cellSegments(row, report int) []widget.RichTextSegment {
	if !v.model.reported(row, report) {
		return missingSegments()
	}
	return pieceSegments(v.model.cellPieces(row, report), v.query)
}

// measureRows estimates the height of every shown row at the current
// column width.
func (v *alignedView) measureRows() {
	n := len(v.shown)
	v.heights = make([]float32, n)
	v.tops = make([]float32, n+1)
	if n == 0 {
		return
	}
	if v.measurer == nil {
		v.measurer = newWrapMeasurer(v.Theme())
	}
	for i, row := range v.shown {
		h := float32(0)
		for rep := range v.columns() {
			h = max(h, v.measurer.height(v.cellSegments(row, rep), v.colWidth))
		}
		v.heights[i] = h
	}
	v.sumTops(0)
}

// sumTops recomputes tops from shown row i on.
func (v *alignedView) sumTops(i int) {
	for ; i < len(v.heights); i++ {
		v.tops[i+1] = v.tops[i] + v.heights[i] + columnGap
	}
}

// setHeight corrects the height of shown row i once the row is built and
// its true height known. It reports a change.
func (v *alignedView) setHeight(i int, h float32) bool {
	if i < 0 || i >= len(v.heights) {
		return false
	}
	d := h - v.heights[i]
	if d < 0.5 && d > -0.5 {
		return false
	}
	v.heights[i] = h
	v.sumTops(i)
	return true
}

// rowAtY returns the index in shown of the row at body y.
func (v *alignedView) rowAtY(y float32) int {
	i := sort.Search(len(v.shown), func(i int) bool { return v.tops[i+1] > y })
	return min(i, len(v.shown)-1)
}

// selectRow selects row (-1: none), scrolls it into sight and tells
// onSelect.
func (v *alignedView) selectRow(row int) {
	if row >= 0 && !v.isShown(row) {
		return
	}
	changed := row != v.selected
	v.selected = row
	v.body.refreshSelection()
	if row >= 0 {
		v.scrollTo(row, v.stepping)
	}
	if changed && v.onSelect != nil {
		v.onSelect(row)
	}
}

// reveal scrolls so that row is in sight: a row already fully in sight
// stays put; otherwise the row comes near the top of the view, with a
// little of the row before it showing.
func (v *alignedView) reveal(row int) { v.scrollTo(row, false) }

// scrollTo brings row into sight; minimal scrolls no further than needed,
// as when stepping through rows with the arrow keys.
func (v *alignedView) scrollTo(row int, minimal bool) {
	if !v.isShown(row) {
		return
	}
	i := v.index[row]
	top, bottom := v.tops[i], v.tops[i]+v.heights[i]
	view := v.scroll.Size().Height
	if view <= 0 {
		v.pendingReveal = row // once laid out
		return
	}
	v.pendingReveal = -1
	off := v.scroll.Offset
	switch {
	case top >= off.Y && bottom <= off.Y+view:
		return
	case minimal && top > off.Y && bottom-top <= view:
		off.Y = bottom - view
	default:
		off.Y = max(0, top-min(24, top))
	}
	off.Y = min(off.Y, max(0, v.tops[len(v.shown)]-view))
	v.scroll.ScrollToOffset(off)
	v.body.update()
	v.header.Refresh()
}

// moveSelection moves the selection by delta shown rows.
func (v *alignedView) moveSelection(delta int) {
	if len(v.shown) == 0 {
		return
	}
	i := 0
	if v.isShown(v.selected) {
		i = v.index[v.selected] + delta
	} else if delta < 0 {
		i = len(v.shown) - 1
	}
	i = max(0, min(len(v.shown)-1, i))
	v.stepping = true
	v.selectRow(v.shown[i])
	v.stepping = false
}

// visibleCount is about how many rows fit in the view.
func (v *alignedView) visibleCount() int {
	if len(v.shown) == 0 {
		return 1
	}
	avg := v.tops[len(v.shown)] / float32(len(v.shown))
	return max(1, int(v.scroll.Size().Height/avg))
}

// FocusGained is called when the view gets the keyboard focus.
func (v *alignedView) FocusGained() { v.focused = true; v.body.refreshSelection() }

// FocusLost is called when the view loses the keyboard focus.
func (v *alignedView) FocusLost() { v.focused = false; v.body.refreshSelection() }

// TypedRune ignores typed characters.
func (v *alignedView) TypedRune(rune) {}

// TypedKey moves the selection with the arrow, page and home/end keys.
func (v *alignedView) TypedKey(e *fyne.KeyEvent) {
	v.guard("moving the selection", func() {
		switch e.Name {
		case fyne.KeyDown:
			v.moveSelection(1)
		case fyne.KeyUp:
			v.moveSelection(-1)
		case fyne.KeyPageDown:
			v.moveSelection(v.visibleCount())
		case fyne.KeyPageUp:
			v.moveSelection(-v.visibleCount())
		case fyne.KeyHome:
			v.moveSelection(-len(v.shown))
		case fyne.KeyEnd:
			v.moveSelection(len(v.shown))
		}
	})
}

// focus gives the view the keyboard focus.
func (v *alignedView) focus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		c.Focus(v)
	}
}

// CreateRenderer builds the view's renderer.
func (v *alignedView) CreateRenderer() fyne.WidgetRenderer {
	return &alignedViewRenderer{v: v}
}

type alignedViewRenderer struct {
	v *alignedView
}

func (r *alignedViewRenderer) Layout(size fyne.Size) {
	v := r.v
	if v.fitColumns(size.Width) {
		v.measureRows()
		v.body.rebindAll()
	}
	hh := v.header.MinSize().Height
	v.header.Move(fyne.NewPos(0, 0))
	v.header.Resize(fyne.NewSize(size.Width, hh))
	v.scroll.Move(fyne.NewPos(0, hh))
	v.scroll.Resize(fyne.NewSize(size.Width, size.Height-hh))
	v.empty.Move(fyne.NewPos(0, 0))
	v.empty.Resize(size)
	v.body.update()
	if v.pendingReveal >= 0 && v.scroll.Size().Height > 0 {
		v.reveal(v.pendingReveal)
	}
}

func (r *alignedViewRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gutterWidth+minColumnWidth, r.v.header.MinSize().Height+80)
}

func (r *alignedViewRenderer) Refresh() {
	v := r.v
	switch {
	case v.model == nil:
		v.empty.SetText(emptyViewText)
		v.empty.Show()
		v.header.Hide()
		v.scroll.Hide()
	case len(v.shown) == 0:
		v.empty.SetText("No row matches the filter “" + v.filter.String() + "”.")
		v.empty.Show()
		v.header.Show()
		v.scroll.Hide()
	default:
		v.empty.Hide()
		v.header.Show()
		v.scroll.Show()
	}
	v.body.Refresh()
	v.scroll.Refresh()
	v.header.Refresh()
	r.Layout(v.Size())
	canvas.Refresh(v)
}

func (r *alignedViewRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.v.scroll, r.v.header, r.v.empty}
}

func (r *alignedViewRenderer) Destroy() {}
