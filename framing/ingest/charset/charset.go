// Package charset finds the character set of a report and converts it to
// UTF-8 once, at import, keeping a map from every converted byte back to the
// original bytes.
//
// The character set comes, in order of trust, from a byte-order mark, from
// a declaration (an HTTP Content-Type header, an HTML <meta> tag) or, when
// nothing is declared and the bytes are not UTF-8, from Detect, which
// recognises Russian and other Cyrillic text in Windows-1251 or KOI8-R and
// Chinese text in GB18030.
package charset

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
)

// Canonical names of the character sets this package names itself. Other
// declared character sets are named as the WHATWG Encoding Standard names
// them (for example "iso-8859-2", "shift_jis").
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1251 = "windows-1251"
	KOI8R       = "koi8-r"
	GB18030     = "gb18030"
)

// BOM returns the character set named by a byte-order mark at the start of
// raw and the length of the mark, or "" and 0 when there is none.
func BOM(raw []byte) (name string, n int) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xEF, 0xBB, 0xBF}):
		return UTF8, 3
	case bytes.HasPrefix(raw, []byte{0xFF, 0xFE}):
		return UTF16LE, 2
	case bytes.HasPrefix(raw, []byte{0xFE, 0xFF}):
		return UTF16BE, 2
	}
	return "", 0
}

// Normalise returns the canonical name of a character set label
// ("cp1251" and "Windows-1251" are both "windows-1251"), or "" when the
// label names no character set this package can read.
func Normalise(label string) string {
	label = strings.Trim(strings.TrimSpace(label), `"'`)
	if label == "" {
		return ""
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return ""
	}
	name, err := htmlindex.Name(enc)
	if err != nil || name == "replacement" || name == "x-user-defined" {
		return ""
	}
	return name
}

// FromContentType returns the label of the charset parameter of a
// Content-Type value such as "text/html; charset=windows-1251", or "" when
// there is none. The label is returned as written; pass it to Normalise.
func FromContentType(contentType string) string {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		// Servers send malformed values; look for the parameter by hand.
		lower := strings.ToLower(contentType)
		i := strings.Index(lower, "charset=")
		if i < 0 {
			return ""
		}
		v := contentType[i+len("charset="):]
		if j := strings.IndexAny(v, "; \t"); j >= 0 {
			v = v[:j]
		}
		return strings.Trim(v, `"'`)
	}
	return params["charset"]
}

// FromMeta returns the label of the character set an HTML page declares in
// its head, with <meta charset="..."> or <meta http-equiv="Content-Type"
// content="...; charset=...">, or "" when it declares none. Only the head
// is read (at most the first 64 KB).
func FromMeta(page []byte) string {
	if len(page) > 64<<10 {
		page = page[:64<<10]
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if !hasAttr {
					continue
				}
				var httpEquiv, content, cs string
				for {
					k, v, more := z.TagAttr()
					switch string(k) {
					case "charset":
						cs = string(v)
					case "http-equiv":
						httpEquiv = strings.ToLower(string(v))
					case "content":
						content = string(v)
					}
					if !more {
						break
					}
				}
				if cs != "" {
					return strings.TrimSpace(cs)
				}
				if httpEquiv == "content-type" && content != "" {
					if l := FromContentType(content); l != "" {
						return l
					}
				}
			}
		}
	}
}

// Decoded is text converted to UTF-8 with, for every byte of it, the range
// of original bytes it came from.
type Decoded struct {
	// Text is the converted text, valid UTF-8.
	Text []byte
	// Start[i] is the offset in the original of the first byte of the
	// character Text[i] belongs to; End[i] is one past its last byte.
	Start, End []int32
	// Invalid counts characters that could not be converted; each became
	// U+FFFD.
	Invalid int
}

// Decode converts raw from the named character set to UTF-8. A byte-order
// mark for that character set at the start is skipped. Bytes that are not
// valid in the character set become U+FFFD and are counted in Invalid.
func Decode(raw []byte, name string) (*Decoded, error) {
	enc, err := htmlindex.Get(name)
	if err != nil {
		return nil, fmt.Errorf("unknown character set %q", name)
	}
	start := 0
	if bom, n := BOM(raw); bom != "" && bom == Normalise(name) {
		start = n
	}
	d := &Decoded{
		Text:  make([]byte, 0, len(raw)-start+len(raw)/2),
		Start: make([]int32, 0, len(raw)-start+len(raw)/2),
		End:   make([]int32, 0, len(raw)-start+len(raw)/2),
	}
	if cm, ok := enc.(*charmap.Charmap); ok {
		decodeCharmap(d, cm, raw, start)
		return d, nil
	}
	decodeStepwise(d, enc, raw, start)
	return d, nil
}

func (d *Decoded) add(out []byte, from, to int) {
	for _, c := range out {
		d.Text = append(d.Text, c)
		d.Start = append(d.Start, int32(from))
		d.End = append(d.End, int32(to))
	}
}

// decodeCharmap converts a single-byte character set, one byte per
// character.
func decodeCharmap(d *Decoded, cm *charmap.Charmap, raw []byte, start int) {
	var buf [utf8.UTFMax]byte
	for i := start; i < len(raw); i++ {
		r := cm.DecodeByte(raw[i])
		if r == utf8.RuneError {
			d.Invalid++
		}
		n := utf8.EncodeRune(buf[:], r)
		d.add(buf[:n], i, i+1)
	}
}

// decodeStepwise converts a multi-byte character set one character at a
// time, so that every output byte is tied to the bytes of its character:
// it offers the decoder one more byte until it consumes some.
func decodeStepwise(d *Decoded, enc encoding.Encoding, raw []byte, start int) {
	dec := enc.NewDecoder()
	var dst [64]byte
	const maxChar = 8
	for i := start; i < len(raw); {
		consumed := false
		for k := 1; k <= maxChar && i+k <= len(raw); k++ {
			atEOF := i+k == len(raw) || k == maxChar
			nDst, nSrc, _ := dec.Transform(dst[:], raw[i:i+k], atEOF)
			if nSrc == 0 {
				continue
			}
			out := dst[:nDst]
			d.Invalid += bytes.Count(out, []byte("\uFFFD"))
			d.add(out, i, i+nSrc)
			i += nSrc
			consumed = true
			break
		}
		if !consumed {
			d.Invalid++
			d.add([]byte("\uFFFD"), i, i+1)
			i++
			dec.Reset()
		}
	}
}
