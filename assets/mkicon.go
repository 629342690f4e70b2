//go:build ignore

// mkicon draws the Framelens application icon, icon.png: four report
// columns of text lines, with coloured bars where the reports word the same
// fact differently and a gap where one report leaves a fact out.
//
// Run it from the assets directory with `go run mkicon.go`.
package main

import (
	"image"
	"image/color"
	"image/png"
	"log"
	"os"
)

const size = 256

var (
	background = color.RGBA{0x24, 0x33, 0x52, 0xff}
	column     = color.RGBA{0xf4, 0xf6, 0xfa, 0xff}
	line       = color.RGBA{0xb8, 0xc2, 0xd3, 0xff}
	term       = color.RGBA{0xe8, 0x6a, 0x1f, 0xff}
	modifier   = color.RGBA{0xc2, 0x2f, 0x7a, 0xff}
	attrib     = color.RGBA{0x1b, 0x9a, 0x8a, 0xff}
)

func main() {
	img := image.NewRGBA(image.Rect(0, 0, size, size))
	roundRect(img, 8, 8, size-8, size-8, 44, background)

	const (
		cols   = 4
		left   = 28
		top    = 44
		bottom = 212
		gap    = 10
	)
	width := (size - 2*left - (cols-1)*gap) / cols
	for c := 0; c < cols; c++ {
		x0 := left + c*(width+gap)
		roundRect(img, x0, top, x0+width, bottom, 8, column)
		for r := 0; r < 8; r++ {
			y := top + 14 + r*19
			if c == 2 && (r == 3 || r == 4) {
				continue // a fact this report left out
			}
			ink := line
			switch {
			case r == 1:
				ink = term
			case r == 5 && c%2 == 1:
				ink = modifier
			case r == 6 && c != 1:
				ink = attrib
			}
			end := x0 + width - 7
			if (r+c)%3 == 2 {
				end -= 9
			}
			roundRect(img, x0+7, y, end, y+9, 4, ink)
		}
	}

	f, err := os.Create("icon.png")
	if err != nil {
		log.Fatalf("create icon.png: %v", err)
	}
	if err := png.Encode(f, img); err != nil {
		log.Fatalf("encode icon.png: %v", err)
	}
	if err := f.Close(); err != nil {
		log.Fatalf("close icon.png: %v", err)
	}
}

// roundRect fills the rectangle [x0,x1)x[y0,y1) with corners of radius r,
// blending the edge pixels for a smooth outline.
func roundRect(img *image.RGBA, x0, y0, x1, y1, r int, c color.RGBA) {
	for y := y0; y < y1; y++ {
		for x := x0; x < x1; x++ {
			cover := coverage(x, y, x0, y0, x1, y1, r)
			if cover <= 0 {
				continue
			}
			img.SetRGBA(x, y, blend(img.RGBAAt(x, y), c, cover))
		}
	}
}

// coverage estimates how much of pixel (x, y) lies inside the rounded
// rectangle, sampling it 4x4.
func coverage(x, y, x0, y0, x1, y1, r int) float64 {
	in := 0
	for sy := 0; sy < 4; sy++ {
		for sx := 0; sx < 4; sx++ {
			px := float64(x) + (float64(sx)+0.5)/4
			py := float64(y) + (float64(sy)+0.5)/4
			if inside(px, py, float64(x0), float64(y0), float64(x1), float64(y1), float64(r)) {
				in++
			}
		}
	}
	return float64(in) / 16
}

func inside(px, py, x0, y0, x1, y1, r float64) bool {
	cx := clamp(px, x0+r, x1-r)
	cy := clamp(py, y0+r, y1-r)
	dx, dy := px-cx, py-cy
	return px >= x0 && px < x1 && py >= y0 && py < y1 && dx*dx+dy*dy <= r*r
}

func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}

func blend(dst, src color.RGBA, a float64) color.RGBA {
	mix := func(d, s uint8) uint8 { return uint8(float64(d)*(1-a) + float64(s)*a + 0.5) }
	alpha := float64(dst.A)/255*(1-a) + a
	return color.RGBA{mix(dst.R, src.R), mix(dst.G, src.G), mix(dst.B, src.B), uint8(alpha*255 + 0.5)}
}
