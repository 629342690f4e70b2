package export

import (
	"context"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

var (
	shotOut   = flag.String("screenshot", "", "also keep the screenshot of the HTML report at this path")
	reportOut = flag.String("report", "", "also keep the HTML report of the test case at this path, to look at it")
)

// chromium finds the browser the screenshot test drives.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium is not installed: the HTML report is checked in a real browser. Run `make test` (it installs the Debian package chromium) or `apt-get install chromium`")
	return ""
}

// screenshot renders page in headless Chromium at 1280 x 2000 pixels.
func screenshot(t *testing.T, page []byte) image.Image {
	t.Helper()
	browser := chromium(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "report.html")
	if err := os.WriteFile(file, page, 0o644); err != nil {
		t.Fatal(err)
	}
	shot := filepath.Join(dir, "out.png")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser, "--headless", "--no-sandbox", "--disable-gpu",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
		"--hide-scrollbars", "--force-color-profile=srgb", "--user-data-dir="+filepath.Join(dir, "profile"),
		"--screenshot="+shot, "--window-size=1280,2000", "file://"+file)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("chromium failed: %v\n%s", err, out)
	}
	data, err := os.ReadFile(shot)
	if err != nil {
		t.Fatalf("chromium wrote no screenshot: %v\n%s", err, out)
	}
	if *shotOut != "" {
		if err := os.WriteFile(*shotOut, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := os.Open(shot)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("the screenshot is not a PNG: %v", err)
	}
	return img
}

// near reports whether c is within a few levels of the colour hex.
func near(c color.Color, hex uint32) bool {
	r, g, b, _ := c.RGBA()
	want := [3]int{int(hex>>16) & 0xff, int(hex>>8) & 0xff, int(hex) & 0xff}
	got := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
	for i := range got {
		if d := got[i] - want[i]; d < -6 || d > 6 {
			return false
		}
	}
	return true
}

func TestHTMLRendersInBrowser(t *testing.T) {
	c := loadCase(t)
	page, _ := renderHTML(t, c, Options{Generated: generated})
	if *reportOut != "" {
		if err := os.WriteFile(*reportOut, page, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	img := screenshot(t, page)
	bounds := img.Bounds()
	if bounds.Dx() != 1280 || bounds.Dy() != 2000 {
		t.Fatalf("screenshot is %v, want 1280 x 2000", bounds.Size())
	}
	colours := map[color.RGBA]bool{}
	inked := 0
	// Colours the report must show once rendered: the framing cells of the
	// heat map and the highlight of lexicon terms.
	landmarks := []struct {
		name string
		hex  uint32
		seen int
	}{
		{"heat map framing cell", 0xe2721f, 0},
		{"heat map same cell", 0xc9d3e1, 0},
		{"lexicon highlight", 0xfbe9dc, 0},
	}
	for y := bounds.Min.Y; y < bounds.Max.Y; y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			px := img.At(x, y)
			r, g, b, _ := px.RGBA()
			colours[color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 0xff}] = true
			if r>>8 < 0xf0 || g>>8 < 0xf0 || b>>8 < 0xf0 {
				inked++
			}
			for i := range landmarks {
				if near(px, landmarks[i].hex) {
					landmarks[i].seen++
				}
			}
		}
	}
	total := bounds.Dx() * bounds.Dy()
	if inked < total/50 {
		t.Errorf("the rendered report is nearly blank: %d of %d pixels are not white", inked, total)
	}
	if len(colours) < 64 {
		t.Errorf("the rendered report has only %d distinct colours", len(colours))
	}
	for _, l := range landmarks {
		if l.seen < 40 {
			t.Errorf("the %s (#%06x) is not visible: %d pixels", l.name, l.hex, l.seen)
		}
	}
}
