package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"framelens/framing"
)

// Colour names of the Framelens theme, beyond Fyne's own.
const (
	colorLexicon      fyne.ThemeColorName = "framelens-lexicon"
	colorModifier     fyne.ThemeColorName = "framelens-modifier"
	colorNumber       fyne.ThemeColorName = "framelens-number"
	colorAttribution  fyne.ThemeColorName = "framelens-attribution"
	colorSubstitution fyne.ThemeColorName = "framelens-substitution"
	colorQuotation    fyne.ThemeColorName = "framelens-quotation"
	colorRewording    fyne.ThemeColorName = "framelens-rewording"
	colorMissingText  fyne.ThemeColorName = "framelens-missing-text"
	colorMissingFill  fyne.ThemeColorName = "framelens-missing-fill"
	colorFramingMark  fyne.ThemeColorName = "framelens-framing-mark"
	colorRowSelected  fyne.ThemeColorName = "framelens-row-selected"
	colorRowHover     fyne.ThemeColorName = "framelens-row-hover"
	colorHeatSame     fyne.ThemeColorName = "framelens-heat-same"
	colorHeatFraming  fyne.ThemeColorName = "framelens-heat-framing"
	colorHeatMissing  fyne.ThemeColorName = "framelens-heat-missing"
	colorInserted     fyne.ThemeColorName = "framelens-inserted"
	colorDeleted      fyne.ThemeColorName = "framelens-deleted"
	colorFindMatch    fyne.ThemeColorName = "framelens-find-match"
	colorNoteMark     fyne.ThemeColorName = "framelens-note-mark"
)

// palette holds a colour for the light and the dark variant.
type palette struct{ light, dark color.NRGBA }

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

func rgba(hex uint32, a uint8) color.NRGBA {
	c := rgb(hex)
	c.A = a
	return c
}

// colours are chosen for contrast on Fyne's light (white) and dark (near
// black) backgrounds: the highlight hues keep their meaning in both
// variants, darker on light and lighter on dark.
var colours = map[fyne.ThemeColorName]palette{
	colorLexicon:      {rgb(0xb8500a), rgb(0xffa35c)},
	colorModifier:     {rgb(0xb0206c), rgb(0xff7ac0)},
	colorNumber:       {rgb(0x1f5fbf), rgb(0x7fb2ff)},
	colorAttribution:  {rgb(0x0b7a6c), rgb(0x4fd6c2)},
	colorSubstitution: {rgb(0x6a3fb5), rgb(0xc4a6ff)},
	colorQuotation:    {rgb(0x7a6400), rgb(0xe3cc5a)},
	colorRewording:    {rgb(0x3e5877), rgb(0xb8c9de)},
	colorMissingText:  {rgb(0x80868f), rgb(0x8a919b)},
	colorMissingFill:  {rgba(0x8a96a8, 0x1c), rgba(0xa0acc0, 0x14)},
	colorFramingMark:  {rgb(0xd9651b), rgb(0xff9a4d)},
	colorRowSelected:  {rgba(0x2f6fde, 0x2e), rgba(0x5b93ff, 0x40)},
	colorRowHover:     {rgba(0x2f6fde, 0x12), rgba(0x5b93ff, 0x1a)},
	colorHeatSame:     {rgb(0xc9d3e1), rgb(0x4d5a6e)},
	colorHeatFraming:  {rgb(0xe2721f), rgb(0xff9a4d)},
	colorHeatMissing:  {rgb(0xf4f5f7), rgb(0x1c1f24)},
	colorInserted:     {rgb(0x17803d), rgb(0x6ee59a)},
	colorDeleted:      {rgb(0xb3261e), rgb(0xff8a80)},
	colorFindMatch:    {rgb(0x1f5fbf), rgb(0x8fc0ff)},
	colorNoteMark:     {rgb(0xb88a00), rgb(0xf2cf4a)},
}

// framelensTheme is Fyne's default theme with the Framelens colours added.
// A non-empty forced variant overrides the system's light or dark choice.
type framelensTheme struct {
	base   fyne.Theme
	forced *fyne.ThemeVariant
}

var _ fyne.Theme = (*framelensTheme)(nil)

// newTheme returns the Framelens theme; variant "light" or "dark" forces
// that variant, anything else follows the system.
func newTheme(variant string) *framelensTheme {
	t := &framelensTheme{base: theme.DefaultTheme()}
	switch variant {
	case "light":
		v := theme.VariantLight
		t.forced = &v
	case "dark":
		v := theme.VariantDark
		t.forced = &v
	}
	return t
}

// Color returns the named colour for the variant.
func (t *framelensTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.forced != nil {
		v = *t.forced
	}
	if p, ok := colours[name]; ok {
		if v == theme.VariantDark {
			return p.dark
		}
		return p.light
	}
	return t.base.Color(name, v)
}

// Font returns the default theme's font.
func (t *framelensTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the default theme's icon.
func (t *framelensTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns the default theme's size.
func (t *framelensTheme) Size(n fyne.ThemeSizeName) float32 { return t.base.Size(n) }

// kindColor is the colour of a difference of kind k.
func kindColor(k framing.Kind) fyne.ThemeColorName {
	switch k {
	case framing.KindLexicon:
		return colorLexicon
	case framing.KindModifier:
		return colorModifier
	case framing.KindNumber:
		return colorNumber
	case framing.KindAttribution:
		return colorAttribution
	case framing.KindSubstitution:
		return colorSubstitution
	case framing.KindQuotation:
		return colorQuotation
	}
	return colorRewording
}

// kindLabel names a kind of difference for the analyst.
func kindLabel(k framing.Kind) string {
	switch k {
	case framing.KindLexicon:
		return "Contested term"
	case framing.KindModifier:
		return "Loaded modifier"
	case framing.KindNumber:
		return "Number"
	case framing.KindAttribution:
		return "Attribution verb"
	case framing.KindSubstitution:
		return "Word swap"
	case framing.KindQuotation:
		return "Quotation"
	case framing.KindRewording:
		return "Rewording"
	}
	return string(k)
}

// legendKinds are the kinds shown in the colour legend, strongest first.
var legendKinds = []framing.Kind{
	framing.KindLexicon, framing.KindModifier, framing.KindNumber, framing.KindAttribution,
	framing.KindSubstitution, framing.KindQuotation, framing.KindRewording,
}

// themeColor resolves a colour name with the current app theme.
func themeColor(name fyne.ThemeColorName) color.Color {
	app := fyne.CurrentApp()
	return app.Settings().Theme().Color(name, app.Settings().ThemeVariant())
}
