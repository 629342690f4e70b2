package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzHTML reads arbitrary bytes as a saved web page: no panic, a
// *Problem or a document whose every text byte maps to a non-empty range
// of the page, the page itself untouched.
func FuzzHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		orig := bytes.Clone(page)
		for _, cs := range []string{"", "koi8-r"} {
			d, err := ParseWith("fuzz", page, FormatHTML, ParseOptions{Charset: cs, URL: "https://news.example/a/b.html"})
			if !bytes.Equal(page, orig) {
				t.Fatal("the page was changed")
			}
			if err != nil {
				var p *Problem
				if !errors.As(err, &p) {
					t.Fatalf("error %v is not a Problem", err)
				}
				continue
			}
			checkDocumentMap(t, d)
		}
	})
}

// checkDocumentMap checks the invariants of every document: valid UTF-8
// text, every byte mapped to a non-empty range of Raw.
func checkDocumentMap(t *testing.T, d *Document) {
	t.Helper()
	if !utf8.ValidString(d.Text) {
		t.Fatalf("text is not UTF-8: %q", d.Text)
	}
	for i := range len(d.Text) {
		s, e := d.RawOffset(i), d.RawEnd(i+1)
		if s < 0 || e > len(d.Raw) || e <= s {
			t.Fatalf("text byte %d (%q) maps to [%d,%d) of %d", i, d.Text[i], s, e, len(d.Raw))
		}
	}
}
