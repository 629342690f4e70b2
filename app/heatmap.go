package app

import (
	"fmt"
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// coverage is what one report did with one row's fact.
type coverage uint8

const (
	coverSame    coverage = iota // reported, worded the same or neutrally
	coverFraming                 // reported, with a framing difference
	coverMissing                 // not reported
)

// heatMap is a compact overview of the whole case: one pixel row per fact
// (squeezed when there are more facts than pixels), one column per report,
// coloured by whether the report stated the fact the same way, with a
// framing difference, or not at all. Tapping it jumps to the row.
type heatMap struct {
	widget.BaseWidget
	model    *caseModel
	cover    [][]coverage // per row, per report
	selected int
	raster   *canvas.Raster
	label    *canvas.Text

	onJump  func(row int)
	onHover func(text string)
	guard   func(what string, f func())
}

var (
	_ fyne.Tappable     = (*heatMap)(nil)
	_ desktop.Hoverable = (*heatMap)(nil)
)

func newHeatMap() *heatMap {
	h := &heatMap{selected: -1, guard: func(_ string, f func()) { f() }}
	h.raster = canvas.NewRaster(h.draw)
	h.raster.ScaleMode = canvas.ImageScalePixels
	h.label = canvas.NewText("Coverage", color.Transparent)
	h.label.TextSize = theme.CaptionTextSize()
	h.label.TextStyle.Bold = true
	h.ExtendBaseWidget(h)
	return h
}

// setModel shows the coverage of a new comparison.
func (h *heatMap) setModel(m *caseModel) {
	h.model = m
	h.cover = nil
	h.selected = -1
	if m != nil {
		h.cover = make([][]coverage, m.rows())
		for row := range m.rows() {
			c := make([]coverage, m.reports())
			for rep := range c {
				switch {
				case !m.reported(row, rep):
					c[rep] = coverMissing
				case m.framing[row] && framedIn(m, row, rep):
					c[rep] = coverFraming
				}
			}
			h.cover[row] = c
		}
	}
	h.Refresh()
}

// framedIn reports whether report carries a span of a framing difference
// in row.
func framedIn(m *caseModel, row, report int) bool {
	for _, d := range m.cmp.RowDifferences(row) {
		if !d.Framing {
			continue
		}
		for _, sp := range d.Spans {
			if sp.Report == report {
				return true
			}
		}
	}
	return false
}

// setSelected marks row as the current one.
func (h *heatMap) setSelected(row int) {
	if row == h.selected {
		return
	}
	h.selected = row
	h.raster.Refresh()
}

// mapWidth is the width the map needs for n reports.
func mapWidth(n int) float32 {
	return float32(max(1, n)*cellWidthFor(n)) + 2
}

func cellWidthFor(n int) int {
	return max(5, min(16, 112/max(1, n)))
}

// labelHeight is the height of the caption above the map.
func (h *heatMap) labelHeight() float32 {
	return h.label.MinSize().Height + theme.Padding()
}

// draw paints the map at w x h pixels.
func (h *heatMap) draw(w, ht int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, ht))
	if h.model == nil || len(h.cover) == 0 || w <= 0 || ht <= 0 {
		return img
	}
	cols := h.model.reports()
	rows := len(h.cover)
	palette := [3]color.NRGBA{
		toNRGBA(themeColor(colorHeatSame)),
		toNRGBA(themeColor(colorHeatFraming)),
		toNRGBA(themeColor(colorHeatMissing)),
	}
	sel := toNRGBA(themeColor(theme.ColorNamePrimary))
	used := ht
	if H := h.raster.Size().Height; H > 0 {
		used = min(ht, max(1, int(h.usedHeight()*float32(ht)/H+0.5)))
	}
	for y := range used {
		row := y * rows / used
		top := y == 0 || (y-1)*rows/used != row
		for x := range w {
			col := x * cols / w
			leftEdge := x == 0 || (x-1)*cols/w != col
			c := palette[h.cover[row][col]]
			if (leftEdge && cols > 1 && w/cols >= 4) || (top && used/rows >= 4) {
				c = toNRGBA(themeColor(theme.ColorNameBackground))
			}
			if row == h.selected && (x < 2 || x >= w-2 || top || y == used-1 || (y+1)*rows/used != row) {
				c = sel
			}
			img.SetNRGBA(x, y, c)
		}
	}
	return img
}

func toNRGBA(c color.Color) color.NRGBA {
	return color.NRGBAModel.Convert(c).(color.NRGBA)
}

// rowAt returns the row drawn at y (widget coordinates), or -1.
func (h *heatMap) rowAt(y float32) int {
	if h.model == nil || len(h.cover) == 0 {
		return -1
	}
	y -= h.labelHeight()
	if y < 0 {
		return -1
	}
	used := h.usedHeight()
	if y >= used {
		return -1
	}
	return min(len(h.cover)-1, int(y/used*float32(len(h.cover))))
}

// usedHeight is the height of the drawn map: rows get at most 8 units each,
// so a short case stays compact, and share the height when there are many.
func (h *heatMap) usedHeight() float32 {
	ht := h.raster.Size().Height
	rows := float32(len(h.cover))
	if rows == 0 {
		return 0
	}
	return min(ht, rows*min(8, ht/rows))
}

// Tapped jumps to the row under the pointer.
func (h *heatMap) Tapped(e *fyne.PointEvent) {
	h.guard("jumping from the coverage map", func() {
		if row := h.rowAt(e.Position.Y); row >= 0 && h.onJump != nil {
			h.onJump(row)
		}
	})
}

// MouseIn is part of desktop.Hoverable.
func (h *heatMap) MouseIn(e *desktop.MouseEvent) { h.MouseMoved(e) }

// MouseMoved describes the row under the pointer.
func (h *heatMap) MouseMoved(e *desktop.MouseEvent) {
	if h.onHover == nil {
		return
	}
	row := h.rowAt(e.Position.Y)
	if row < 0 {
		h.onHover("")
		return
	}
	h.onHover(rowSummary(h.model, row) + fmt.Sprintf(" · %d of %d outlets", h.model.reports()-len(h.model.missing[row]), h.model.reports()))
}

// MouseOut clears the description.
func (h *heatMap) MouseOut() {
	if h.onHover != nil {
		h.onHover("")
	}
}

// MinSize is the width of the map for the current case.
func (h *heatMap) MinSize() fyne.Size {
	n := 4
	if h.model != nil {
		n = h.model.reports()
	}
	return fyne.NewSize(max(mapWidth(n), h.label.MinSize().Width), 120)
}

// CreateRenderer builds the map's renderer.
func (h *heatMap) CreateRenderer() fyne.WidgetRenderer { return &heatMapRenderer{h: h} }

type heatMapRenderer struct{ h *heatMap }

func (r *heatMapRenderer) Layout(size fyne.Size) {
	h := r.h
	lh := h.labelHeight()
	h.label.Move(fyne.NewPos(0, 0))
	h.label.Resize(fyne.NewSize(size.Width, lh))
	n := 4
	if h.model != nil {
		n = h.model.reports()
	}
	w := min(size.Width, mapWidth(n))
	h.raster.Move(fyne.NewPos((size.Width-w)/2, lh))
	h.raster.Resize(fyne.NewSize(w, size.Height-lh))
}

func (r *heatMapRenderer) MinSize() fyne.Size { return r.h.MinSize() }

func (r *heatMapRenderer) Refresh() {
	r.h.label.Color = themeColor(theme.ColorNamePlaceHolder)
	r.h.label.Refresh()
	r.Layout(r.h.Size())
	r.h.raster.Refresh()
}

func (r *heatMapRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.h.label, r.h.raster}
}

func (r *heatMapRenderer) Destroy() {}
