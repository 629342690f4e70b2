package charset

import (
	"bytes"
	"testing"
	"unicode/utf8"
)

// FuzzDetectCharset checks Detect and Decode on arbitrary bytes: no
// panic; valid UTF-8 is always detected as UTF-8; whatever is detected
// decodes; and every decoding is valid UTF-8 with each byte mapped to a
// non-empty range of the input, in order.
func FuzzDetectCharset(f *testing.F) {
	f.Add([]byte("plain ASCII text"))
	f.Fuzz(func(t *testing.T, raw []byte) {
		orig := bytes.Clone(raw)
		name := Detect(raw)
		if utf8.Valid(raw) && name != UTF8 {
			t.Fatalf("valid UTF-8 detected as %q", name)
		}
		names := []string{Windows1251, KOI8R, GB18030, UTF16LE, UTF16BE, "shift_jis", "iso-2022-jp"}
		if name != "" && name != UTF8 {
			names = append(names, name)
		}
		for _, n := range names {
			d, err := Decode(raw, n)
			if err != nil {
				t.Fatalf("Decode(%s): %v", n, err)
			}
			checkMap(t, raw, d)
		}
		if !bytes.Equal(raw, orig) {
			t.Fatal("input changed")
		}
	})
}
