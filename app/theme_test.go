package app

import (
	"image/color"
	"math"
	"os"
	"regexp"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := color.NRGBAModel.Convert(c).(color.NRGBA).RGBA()
	lin := func(v uint32) float64 {
		x := float64(v>>8) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestHighlightColoursAreLegibleInBothThemes(t *testing.T) {
	text := []fyne.ThemeColorName{colorLexicon, colorModifier, colorNumber, colorAttribution, colorSubstitution,
		colorQuotation, colorRewording, colorMissingText, colorInserted, colorDeleted, colorFindMatch}
	for _, variant := range []string{"light", "dark"} {
		th := newTheme(variant)
		v := theme.VariantLight
		if variant == "dark" {
			v = theme.VariantDark
		}
		bg := th.Color(theme.ColorNameBackground, v)
		for _, name := range text {
			// WCAG AA asks 4.5:1 for body text; the muted "not reported"
			// label is allowed the 3:1 of secondary text.
			want := 4.5
			if name == colorMissingText {
				want = 3
			}
			if c := contrast(th.Color(name, v), bg); c < want {
				t.Errorf("%s theme: %s has a contrast of %.1f:1 on the background, want %.1f:1", variant, name, c, want)
			}
		}
		// The framing kinds must be told apart from each other and from
		// plain text.
		kinds := []fyne.ThemeColorName{colorLexicon, colorModifier, colorNumber, colorAttribution, colorSubstitution, colorQuotation}
		for i, a := range kinds {
			if th.Color(a, v) == th.Color(theme.ColorNameForeground, v) {
				t.Errorf("%s theme: %s is the text colour", variant, a)
			}
			for _, b := range kinds[i+1:] {
				if th.Color(a, v) == th.Color(b, v) {
					t.Errorf("%s theme: %s and %s share a colour", variant, a, b)
				}
			}
		}
	}
}

func TestThemeFlagForcesTheVariant(t *testing.T) {
	dark := newTheme("dark")
	light := newTheme("light")
	if dark.Color(theme.ColorNameBackground, theme.VariantLight) == light.Color(theme.ColorNameBackground, theme.VariantLight) {
		t.Error("--theme dark draws the light background")
	}
	system := newTheme("")
	if system.Color(colorLexicon, theme.VariantDark) != dark.Color(colorLexicon, theme.VariantDark) {
		t.Error("without --theme the system's dark variant is not followed")
	}
}

func TestAboutVersionIsTheVersionInFyneAppToml(t *testing.T) {
	raw, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^\s*Version\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version")
	}
	if string(m[1]) != Version {
		t.Errorf("Help > About says %s, FyneApp.toml %s", Version, m[1])
	}
	id := regexp.MustCompile(`(?m)^\s*ID\s*=\s*"([^"]+)"`).FindSubmatch(raw)
	if id == nil || string(id[1]) != AppID {
		t.Errorf("FyneApp.toml ID = %q, want %s", id, AppID)
	}
}
