package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// BenchmarkAlignedView builds the aligned view of a case of 20 reports of
// 300 sentences, lays it out in a 1280x800 window and scrolls to its
// middle: what the analyst waits for when such a case opens.
func BenchmarkAlignedView(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme("light"))
	c := largeCase(largeReports, largeSentences)
	m := compareEntries(b, c.Reports)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))

	b.ResetTimer()
	for b.Loop() {
		v := newAlignedView()
		w.SetContent(v)
		v.setModel(m, 0)
		v.Resize(fyne.NewSize(1280, 800))
		v.reveal(m.rows() / 2)
		v.body.update()
		if len(v.body.live) == 0 {
			b.Fatal("no row built")
		}
	}
	b.ReportMetric(float64(m.rows()), "rows")
}

// BenchmarkAlignedViewScroll moves the view of the same case down by a
// screen at a time, rebuilding the rows that come into sight.
func BenchmarkAlignedViewScroll(b *testing.B) {
	a := test.NewTempApp(b)
	a.Settings().SetTheme(newTheme("light"))
	c := largeCase(largeReports, largeSentences)
	m := compareEntries(b, c.Reports)
	w := test.NewTempWindow(b, nil)
	w.Resize(fyne.NewSize(1280, 800))
	v := newAlignedView()
	w.SetContent(v)
	v.setModel(m, 0)
	v.Resize(fyne.NewSize(1280, 800))
	total := v.tops[len(v.tops)-1]
	step := v.scroll.Size().Height

	b.ResetTimer()
	off := float32(0)
	for b.Loop() {
		off += step
		if off > total-step {
			off = 0
		}
		v.scroll.ScrollToOffset(fyne.NewPos(0, off))
		v.body.update()
	}
}
