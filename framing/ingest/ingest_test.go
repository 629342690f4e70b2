package ingest

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawOf returns the original bytes behind text[from:to].
func rawOf(d *Document, from, to int) string {
	return string(d.Raw[d.RawOffset(from):d.RawEnd(to)])
}

func TestParseKeepsOffsetsIntoOriginal(t *testing.T) {
	tests := []struct {
		name   string
		raw    string
		format Format
		text   string // expected analysis text
		word   string // a word whose raw bytes must map back exactly
		title  string
	}{
		{"plain LF", "Headline\n\nBody text here.\n", FormatText, "Headline\n\nBody text here.\n", "Body", "Headline"},
		{"BOM and CRLF", "\xef\xbb\xbfHeadline\r\n\r\nKyiv said so.\r\n", FormatText, "Headline\n\nKyiv said so.\n", "Kyiv", "Headline"},
		{"lone CR", "Title\rSecond line.", FormatText, "Title\nSecond line.", "Second", "Title"},
		{"leading blank line", "\nLead sentence here.\nPhoto: Someone", FormatText, "\nLead sentence here.\nPhoto: Someone", "Photo", "Lead sentence here."},
		{"cyrillic", "Киев заявил.\n", FormatText, "Киев заявил.\n", "заявил", "Киев заявил."},
		{"markdown heading and emphasis", "# The *big* talks\n\nWang met **Lavrov** in [Beijing](https://example.org).\n", FormatMarkdown,
			"The big talks\n\n\nWang met Lavrov in Beijing.\n", "Lavrov", "The big talks"},
		{"markdown list and quote", "Title\n\n> A quoted line.\n- an item\n", FormatMarkdown, "Title\n\nA quoted line.\nan item\n", "item", "Title"},
		{"markdown image and html", "T\n\n![Photo of talks](a.png) <b>Bold</b> words\n", FormatMarkdown, "T\n\nPhoto of talks Bold words\n", "Bold", "T"},
		{"markdown escapes and snake_case", "T\n\nA \\*literal\\* star and snake_case_name.\n", FormatMarkdown, "T\n\nA *literal* star and snake_case_name.\n", "snake_case_name", "T"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse("r", []byte(tt.raw), tt.format)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if d.Text != tt.text {
				t.Errorf("Text = %q, want %q", d.Text, tt.text)
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			i := strings.Index(d.Text, tt.word)
			if i < 0 {
				t.Fatalf("word %q not in text", tt.word)
			}
			if got := rawOf(d, i, i+len(tt.word)); got != tt.word {
				t.Errorf("raw bytes of %q = %q", tt.word, got)
			}
			if string(d.Raw) != tt.raw {
				t.Errorf("Raw was changed")
			}
		})
	}
}

func TestParseRepairsInvalidUTF8WithWarning(t *testing.T) {
	raw := []byte("Title\n\nBad \xff byte here.\n")
	d, err := Parse("broken", raw, FormatText)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if !strings.Contains(d.Text, "Bad \uFFFD byte") {
		t.Errorf("Text = %q, want the bad byte replaced", d.Text)
	}
	if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "broken") || !strings.Contains(d.Warnings[0], "UTF-8") {
		t.Errorf("Warnings = %q, want one naming the file and UTF-8", d.Warnings)
	}
	i := strings.Index(d.Text, "byte")
	if got := rawOf(d, i, i+4); got != "byte" {
		t.Errorf("offsets after the repair are off: %q", got)
	}
}

func TestReadFileRefusesUnusableInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	big := make([]byte, MaxSize+1)
	for i := range big {
		big[i] = 'a'
	}
	tests := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "nope.txt"), "no such file"},
		{"directory", dir, "is a directory"},
		{"binary", write("img.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")), "binary"},
		{"empty", write("empty.txt", nil), "is empty"},
		{"blank", write("blank.md", []byte("  \n\n\t\n")), "is empty"},
		{"too large", write("big.txt", big), "limit"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadFile(tt.path)
			if err == nil {
				t.Fatal("no error")
			}
			if !errors.Is(err, ErrProblem) {
				t.Errorf("error %v is not a Problem", err)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, tt.path+": ") || !strings.Contains(msg, tt.want) {
				t.Errorf("error %q should start with the path and say %q", msg, tt.want)
			}
		})
	}
}

func TestFormatFor(t *testing.T) {
	for path, want := range map[string]Format{"a.md": FormatMarkdown, "b.MARKDOWN": FormatMarkdown, "c.txt": FormatText, "d": FormatText} {
		if got := FormatFor(path); got != want {
			t.Errorf("FormatFor(%q) = %v, want %v", path, got, want)
		}
	}
}
