package export

import (
	"bytes"
	"testing"
)

func TestGoldenFiles(t *testing.T) {
	c := loadCase(t)
	tests := []struct {
		golden string
		format Format
		opts   Options
	}{
		{"case.md", FormatMarkdown, Options{Generated: generated}},
		{"case-framing-only.md", FormatMarkdown, Options{Generated: generated, FramingOnly: true}},
		{"differences.csv", FormatDifferencesCSV, Options{Generated: generated}},
		{"differences-framing-only.csv", FormatDifferencesCSV, Options{FramingOnly: true}},
		{"notes.csv", FormatNotesCSV, Options{Generated: generated}},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			var b bytes.Buffer
			if err := Write(&b, tt.format, c, tt.opts); err != nil {
				t.Fatal(err)
			}
			golden(t, tt.golden, b.Bytes())
		})
	}
}
