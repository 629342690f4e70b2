package ingest

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
)

func TestTextFilesInOtherCharsets(t *testing.T) {
	tests := []struct {
		file    string
		charset string
		guessed bool
		word    string // its bytes in the file must be the word in charset
	}{
		{"russian-koi8r.txt", "koi8-r", true, "Стамбуле"},
		{"russian-1251-crlf.txt", "windows-1251", true, "«Разони»"},
		{"ukrainian-1251.txt", "windows-1251", true, "український"},
		{"chinese-gb18030.txt", "gb18030", true, "“拉佐尼”号"},
		{"ukrainian-utf16le.txt", "utf-16le", false, "Суховантаж"},
		{"chinese-utf16be.txt", "utf-16be", false, "伊斯坦布尔"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := "testdata/text/" + tt.file
			want, err := os.ReadFile(strings.TrimSuffix(path, ".txt") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			d, err := ReadFile(path)
			if err != nil {
				t.Fatalf("ReadFile: %v", err)
			}
			if d.Text != string(want) {
				t.Errorf("Text = %q, want %q", d.Text, want)
			}
			if d.Charset != tt.charset || d.CharsetGuessed != tt.guessed {
				t.Errorf("Charset = %q (guessed %v), want %q (guessed %v)", d.Charset, d.CharsetGuessed, tt.charset, tt.guessed)
			}
			if tt.guessed {
				if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], path) || !strings.Contains(strings.ToLower(d.Warnings[0]), tt.charset) {
					t.Errorf("Warnings = %q, want one naming the file and %s", d.Warnings, tt.charset)
				}
			} else if len(d.Warnings) != 0 {
				t.Errorf("Warnings = %q, want none for a file with a byte-order mark", d.Warnings)
			}
			if d.Title != firstLine(string(want)) {
				t.Errorf("Title = %q", d.Title)
			}
			enc, _ := htmlindex.Get(tt.charset)
			wantRaw, err := enc.NewEncoder().Bytes([]byte(tt.word))
			if err != nil {
				t.Fatal(err)
			}
			i := strings.Index(d.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in text", tt.word)
			}
			if got := rawOf(d, i, i+len(tt.word)); got != string(wantRaw) {
				t.Errorf("file bytes of %q = % x, want % x", tt.word, got, wantRaw)
			}
			// Every rune starts at the start of its character in the file.
			for j := range d.Text {
				if d.RawOffset(j) < 0 || d.RawEnd(j+1) > len(d.Raw) || d.RawEnd(j+1) <= d.RawOffset(j) {
					t.Fatalf("text byte %d maps to [%d,%d)", j, d.RawOffset(j), d.RawEnd(j+1))
				}
			}
		})
	}
}

func TestUndetectableTextIsRepairedNotGuessed(t *testing.T) {
	// A Latin-1 file: not UTF-8, and not Cyrillic or Chinese either.
	raw := []byte("Les n\xe9gociations \xe0 Istanbul se sont achev\xe9es sans accord.\n")
	d, err := Parse("latin", raw, FormatText)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if d.Charset != "utf-8" || d.CharsetGuessed {
		t.Errorf("Charset = %q (guessed %v), want utf-8 repaired", d.Charset, d.CharsetGuessed)
	}
	if !strings.Contains(d.Text, "n\uFFFDgociations") || len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0], "latin: 3 invalid UTF-8") {
		t.Errorf("Text = %q, Warnings = %q", d.Text, d.Warnings)
	}
}

func TestDeclaredCharsetOverridesGuess(t *testing.T) {
	// KOI8-R text that an analyst says is KOI8-U (a close relative): the
	// declaration wins and nothing is guessed.
	raw, _ := os.ReadFile("testdata/text/russian-koi8r.txt")
	d, err := ParseWith("r", raw, FormatText, ParseOptions{Charset: "koi8-u"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if d.Charset != "koi8-u" || d.CharsetGuessed || len(d.Warnings) != 0 {
		t.Errorf("Charset = %q, guessed %v, warnings %q", d.Charset, d.CharsetGuessed, d.Warnings)
	}
	d, err = ParseWith("r", raw, FormatText, ParseOptions{Charset: "no-such-set"})
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if d.Charset != "koi8-r" || len(d.Warnings) != 2 || !strings.Contains(d.Warnings[0], `"no-such-set" is unknown`) {
		t.Errorf("unknown declaration: Charset = %q, warnings %q", d.Charset, d.Warnings)
	}
}

func TestPaste(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  string // analysis text
		norm  Normalisation
		word  string // a piece of the analysis text
		raw   string // the pasted text behind it
		title string
	}{
		{"smart quotes and apostrophes", "Kyiv’s envoy said: “We will not sign.”", `Kyiv's envoy said: "We will not sign."`, NormQuotes,
			`"We will not sign."`, "“We will not sign.”", `Kyiv's envoy said: "We will not sign."`},
		{"no-break spaces", "26,000\u00a0tonnes on 22\u202fJuly", "26,000 tonnes on 22 July", NormSpaces, "26,000 tonnes", "26,000\u00a0tonnes", "26,000 tonnes on 22 July"},
		{"soft hyphens and zero-width characters", "nego\u00adtia\u00adtions in Istan\u200bbul\ufeff", "negotiations in Istanbul", NormInvisible, "negotiations", "nego\u00adtia\u00adtions", "negotiations in Istanbul"},
		{"line and paragraph separators", "Title\u2028Line two.\u2029Next paragraph.", "Title\nLine two.\n\nNext paragraph.", NormLineBreaks, "Next", "Next", "Title"},
		{"windows line ends", "Title\r\n\r\nBody “quoted”.\r\n", "Title\n\nBody \"quoted\".\n", NormQuotes, "\"quoted\"", "“quoted”", "Title"},
		{"plain text is kept", "Plain text, nothing odd.", "Plain text, nothing odd.", 0, "odd", "odd", "Plain text, nothing odd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Paste("", tt.text)
			if err != nil {
				t.Fatalf("Paste: %v", err)
			}
			if d.Text != tt.want {
				t.Errorf("Text = %q, want %q", d.Text, tt.want)
			}
			if string(d.Raw) != tt.text {
				t.Errorf("Raw = %q, want the text as pasted", d.Raw)
			}
			if d.Normalised != tt.norm {
				t.Errorf("Normalised = %v, want %v", d.Normalised, tt.norm)
			}
			if d.Title != tt.title {
				t.Errorf("Title = %q, want %q", d.Title, tt.title)
			}
			if d.Name != PastedName || d.Format != FormatPaste || d.Path != "" {
				t.Errorf("Name %q, Format %q, Path %q", d.Name, d.Format, d.Path)
			}
			i := strings.Index(d.Text, tt.word)
			if i < 0 {
				t.Fatalf("%q not in text", tt.word)
			}
			if got := rawOf(d, i, i+len(tt.word)); got != tt.raw {
				t.Errorf("pasted text behind %q = %q, want %q", tt.word, got, tt.raw)
			}
		})
	}
	for _, blank := range []string{"", " \n\t", "\u200b\u00ad"} {
		_, err := Paste("clip", blank)
		if err == nil || !strings.HasPrefix(err.Error(), "clip: is empty") {
			t.Errorf("Paste(%q): err = %v, want one saying it is empty", blank, err)
		}
	}
}

func TestFilesAreNormalisedButKeepTheirQuotes(t *testing.T) {
	raw := "Title\n\n“Nego\u00adtiations” in Istan\u200bbul lasted 6\u00a0hours.\n"
	for _, format := range []Format{FormatText, FormatMarkdown} {
		d, err := Parse("f", []byte(raw), format)
		if err != nil {
			t.Fatalf("Parse: %v", err)
		}
		want := "Title\n\n“Negotiations” in Istanbul lasted 6 hours.\n"
		if format == FormatMarkdown {
			want = "Title\n\n“Negotiations” in Istanbul lasted 6 hours.\n"
		}
		if d.Text != want {
			t.Errorf("%s: Text = %q, want %q", format, d.Text, want)
		}
		if d.Normalised != NormSpaces|NormInvisible {
			t.Errorf("%s: Normalised = %v", format, d.Normalised)
		}
		for _, w := range []struct{ text, raw string }{
			{"“Negotiations”", "“Nego\u00adtiations”"},
			{"Istanbul", "Istan\u200bbul"},
			{"6 hours", "6\u00a0hours"},
		} {
			i := strings.Index(d.Text, w.text)
			if got := rawOf(d, i, i+len(w.text)); got != w.raw {
				t.Errorf("%s: file bytes of %q = %q, want %q", format, w.text, got, w.raw)
			}
		}
		if !utf8.ValidString(d.Text) {
			t.Errorf("%s: text is not UTF-8", format)
		}
	}
}

func TestNormalisationString(t *testing.T) {
	for n, want := range map[Normalisation]string{
		0:                          "none",
		NormQuotes:                 "typographic quotes",
		NormSpaces | NormInvisible: "no-break spaces, invisible characters",
	} {
		if got := n.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", n, got, want)
		}
	}
}
