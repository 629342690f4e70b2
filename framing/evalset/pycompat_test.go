package evalset

import (
	"reflect"
	"testing"
)

// The expected values below are what Python 3 returns for the same input.

func TestPyDecode(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"abc", "abc"},
		{"a\xe2\x82b", "a\ufffdb"},               // truncated sequence: one replacement
		{"\xff\xfe", "\ufffd\ufffd"},             // two invalid bytes
		{"\xed\xa0\x80x", "\ufffd\ufffd\ufffdx"}, // surrogate: byte by byte
		{"\xf0\x9f\x98", "\ufffd"},               // truncated four-byte sequence
		{"\xe2\x82\xac", "€"},
		{"\xc3", "\ufffd"},
		{"\xf4\x90\x80\x80", "\ufffd\ufffd\ufffd\ufffd"}, // above U+10FFFF
	}
	for _, tt := range tests {
		if got := pyDecode([]byte(tt.in)); got != tt.want {
			t.Errorf("pyDecode(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"a/b/intl-wire.txt", "intl-wire"},
		{"intl-wire", "intl-wire"},
		{".hidden", ".hidden"},
		{"..a", "..a"},
		{"a.b.txt", "a.b"},
		{"dir.x/file", "file"},
		{"x/", ""},
		{"a..", "a."},
	}
	for _, tt := range tests {
		if got := stem(tt.in); got != tt.want {
			t.Errorf("stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPyFields(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"a\x1cb\u00a0c\u2003d\u200be", []string{"a", "b", "c", "d\u200be"}},
		{"  two  words\n", []string{"two", "words"}},
		{"", nil},
	}
	for _, tt := range tests {
		if got := pyFields(tt.in); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
			t.Errorf("pyFields(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPySliceAndFind(t *testing.T) {
	b := []byte("hello")
	slices := []struct {
		lo, hi int
		want   string
	}{
		{-3, -1, "ll"},
		{2, 99, "llo"},
		{4, 2, ""},
		{-1, 4, ""},
		{-99, 2, "he"},
	}
	for _, tt := range slices {
		if got := string(pySlice(b, tt.lo, tt.hi)); got != tt.want {
			t.Errorf("pySlice(%d, %d) = %q, want %q", tt.lo, tt.hi, got, tt.want)
		}
	}
	finds := []struct {
		sub   string
		start int
		want  int
	}{
		{"", 3, 3},
		{"", 4, -1},
		{"c", 0, 2},
		{"a", 1, -1},
	}
	for _, tt := range finds {
		if got := pyFind([]byte("abc"), []byte(tt.sub), tt.start); got != tt.want {
			t.Errorf("pyFind(%q, %d) = %d, want %d", tt.sub, tt.start, got, tt.want)
		}
	}
}
