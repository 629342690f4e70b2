package ingest

import (
	"fmt"
	"unicode/utf8"

	"framelens/framing/ingest/charset"
)

// decoded is the text of a report as UTF-8 (not yet repaired: invalid
// UTF-8 is replaced by the builder) with the way back to the report's
// bytes.
type decoded struct {
	src []byte
	// base is the offset in the report of src[0] when src is the report
	// itself (UTF-8, less a byte-order mark); start and end are nil then.
	base int
	// start[i] and end[i] are the bytes of the report's character behind
	// src[i], when the report was converted.
	start, end []int32
}

// describe names a character set for people.
func describe(name string) string {
	switch name {
	case charset.Windows1251:
		return "Windows-1251, Cyrillic"
	case charset.KOI8R:
		return "KOI8-R, Cyrillic"
	case charset.GB18030:
		return "GB18030, Chinese"
	}
	return name
}

// decodeReport finds the character set of raw, refuses binary data and
// converts the text to UTF-8. It sets d.Charset and d.CharsetGuessed and
// adds a warning when the character set was guessed or is unusable.
func decodeReport(d *Document, raw []byte, opts ParseOptions) (*decoded, error) {
	name, bomLen := charset.BOM(raw)
	fromBOM := name != ""
	if !fromBOM && opts.Charset != "" {
		if name = charset.Normalise(opts.Charset); name == "" {
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s: the declared character set %q is unknown; it was ignored", d.Name, opts.Charset))
		}
	}
	utf16 := name == charset.UTF16LE || name == charset.UTF16BE
	if !utf16 && isBinary(raw) {
		return nil, &Problem{d.Name, "looks like a binary file, not text; give a .txt, .md or saved web page"}
	}
	if name == "" && d.Format == FormatHTML {
		if label := charset.FromMeta(raw); label != "" {
			switch name = charset.Normalise(label); {
			case name == "":
				d.Warnings = append(d.Warnings, fmt.Sprintf("%s: the page declares the unknown character set %q; it was ignored", d.Name, label))
			case name == charset.UTF16LE || name == charset.UTF16BE:
				// A page that declares UTF-16 in its own bytes cannot be
				// UTF-16; browsers read it as UTF-8.
				name = charset.UTF8
			case name != charset.UTF8 && utf8.Valid(raw) && hasNonASCII(raw):
				// Pages re-encoded to UTF-8 (by an editor, or a browser
				// saving them) often keep their old declaration; text in
				// another character set is practically never valid UTF-8.
				d.Warnings = append(d.Warnings, fmt.Sprintf("%s: the page declares %s but its text is UTF-8; read as UTF-8", d.Name, name))
				name, d.CharsetGuessed = charset.UTF8, true
			}
		}
	}
	if d.Format == FormatPaste && name == "" {
		name = charset.UTF8
	}
	if name == charset.UTF8 && !fromBOM && !utf8.Valid(raw) {
		if guess := charset.Detect(raw); guess != "" && guess != charset.UTF8 {
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s: declared as UTF-8 but is not; read as %s by its letters. If the text looks garbled, choose the right character set", d.Name, describe(guess)))
			name, d.CharsetGuessed = guess, true
		}
	}
	if name == "" {
		switch guess := charset.Detect(raw); guess {
		case "", charset.UTF8:
			name = charset.UTF8
		default:
			d.Warnings = append(d.Warnings, fmt.Sprintf("%s: no character set declared and the text is not UTF-8; read as %s by its letters. If the text looks garbled, choose the right character set or save the file as UTF-8", d.Name, describe(guess)))
			name, d.CharsetGuessed = guess, true
		}
	}
	d.Charset = name
	if name == charset.UTF8 {
		return &decoded{src: raw[bomLen:], base: bomLen}, nil
	}
	conv, err := charset.Decode(raw, name)
	if err != nil {
		return nil, &Problem{d.Name, fmt.Sprintf("cannot be read as %s (%v); choose another character set or save the file as UTF-8", name, err)}
	}
	if utf16 && isBinary(conv.Text) {
		return nil, &Problem{d.Name, "looks like a binary file, not text; give a .txt, .md or saved web page"}
	}
	if conv.Invalid > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: %d character(s) are not valid %s and were replaced with U+FFFD; check the character set or save the file as UTF-8", d.Name, conv.Invalid, name))
	}
	return &decoded{src: conv.Text, start: conv.Start, end: conv.End}, nil
}

// mapToRaw turns the builder's offsets into src into offsets into the
// report's original bytes.
func (dec *decoded) mapToRaw(b *builder) {
	if dec.start == nil {
		if dec.base == 0 {
			return
		}
		base := int32(dec.base)
		for i := range b.offs {
			b.offs[i] += base
		}
		for i := range b.ends {
			b.ends[i] += base
		}
		return
	}
	ends := make([]int32, len(b.offs))
	for i, o := range b.offs {
		ends[i] = dec.end[b.end(i)-1]
		b.offs[i] = dec.start[o]
	}
	b.ends = ends
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return true
		}
	}
	return false
}
