package app

import (
	"strings"
	"testing"
	"unsafe"
)

// TestModelPiecesShareTheSentenceText checks that the pieces the model
// keeps give each sentence's text and point into it rather than copy it.
func TestModelPiecesShareTheSentenceText(t *testing.T) {
	m := compareEntries(t, docs(t,
		"Officials said 12 people were killed in Kyiv. The so-called referendum was held on Sunday.",
		"Officials claimed 15 people were killed in Kiev. The referendum was held on Sunday.",
	))
	for r, rep := range m.cmp.Reports {
		for s, sent := range rep.Sentences {
			var b strings.Builder
			lo := uintptr(unsafe.Pointer(unsafe.StringData(sent.Text)))
			for _, p := range m.pieces[r][s] {
				b.WriteString(p.Text)
				if p.Text == "" {
					continue
				}
				at := uintptr(unsafe.Pointer(unsafe.StringData(p.Text)))
				if at < lo || at+uintptr(len(p.Text)) > lo+uintptr(len(sent.Text)) {
					t.Errorf("report %d sentence %d: piece %q is a copy", r, s, p.Text)
				}
			}
			if b.String() != sent.Text {
				t.Errorf("report %d sentence %d: pieces give %q, want %q", r, s, b.String(), sent.Text)
			}
		}
	}
}
