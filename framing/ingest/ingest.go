// Package ingest turns the bytes of a report into a Document: the original
// bytes, kept untouched, and an analysis text with a map from every byte of
// the analysis text back to a byte of the original.
//
// Plain text (.txt) and Markdown (.md) are read here. Both may be UTF-8 with
// or without a byte-order mark, with LF or CRLF line ends. Markdown is
// rendered to text (headings, emphasis, links, images, code and HTML tags
// lose their markup) while offsets still point into the original file.
// Invalid UTF-8 is repaired (each bad byte becomes U+FFFD in the analysis
// text) and reported as a warning that names the file.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"
)

// MaxSize is the largest report accepted, in bytes.
const MaxSize = 20 << 20

// Format is the kind of source a document was read from.
type Format string

// The formats ingest reads.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
)

// Document is one report: its original bytes and the text analysed.
type Document struct {
	// Name is the file name without extension, or the name given.
	Name string
	// Path is the path as given, or empty for pasted text.
	Path string
	// Raw holds the original bytes, untouched.
	Raw []byte
	// Text is the analysis text: valid UTF-8, markup removed, CR dropped.
	Text string
	// Title is the first heading, or the first non-blank line.
	Title string
	// Format says how Raw was read.
	Format Format
	// Warnings lists repaired problems; each names the document.
	Warnings []string

	// offs[i] is the offset in Raw of Text[i]; offs[len(Text)] = end.
	offs []int32
}

// RawOffset maps a byte offset in Text to a byte offset in Raw. An offset at
// the end of the text maps to the end of the last mapped byte.
func (d *Document) RawOffset(textOff int) int {
	if textOff <= 0 {
		if len(d.offs) == 0 {
			return 0
		}
		return int(d.offs[0])
	}
	if textOff >= len(d.offs) {
		return len(d.Raw)
	}
	return int(d.offs[textOff])
}

// RawEnd maps an exclusive end offset in Text to an exclusive end offset in
// Raw: one past the original byte of the last text byte in the range.
func (d *Document) RawEnd(textEnd int) int {
	if textEnd <= 0 || len(d.offs) == 0 {
		return d.RawOffset(0)
	}
	if textEnd > len(d.Text) {
		textEnd = len(d.Text)
	}
	return int(d.offs[textEnd-1]) + 1
}

// Problem is an input that cannot be compared. Its message names the file
// and says what to do.
type Problem struct {
	Path string
	Msg  string
}

func (p *Problem) Error() string { return p.Path + ": " + p.Msg }

// ErrProblem matches every *Problem with errors.Is.
var ErrProblem = errors.New("unusable report")

// Is reports whether target is ErrProblem.
func (p *Problem) Is(target error) bool { return target == ErrProblem }

// ReadFile reads and parses the report at path, choosing the format from
// its extension (.md and .markdown are Markdown, anything else plain text).
func ReadFile(path string) (*Document, error) {
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, &Problem{path, "no such file; check the path"}
		}
		return nil, &Problem{path, fmt.Sprintf("cannot read: %v", err)}
	}
	if fi.IsDir() {
		return nil, &Problem{path, "is a directory; give the report files inside it"}
	}
	if fi.Size() > MaxSize {
		return nil, &Problem{path, fmt.Sprintf("is %s, over the %s limit; split it or give the article alone", humanSize(fi.Size()), humanSize(MaxSize))}
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, &Problem{path, fmt.Sprintf("cannot read: %v", err)}
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	d, err := Parse(name, raw, FormatFor(path))
	if err != nil {
		var p *Problem
		if errors.As(err, &p) {
			p.Path = path
		}
		return nil, err
	}
	d.Path = path
	return d, nil
}

// FormatFor picks the format from a file name's extension.
func FormatFor(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	}
	return FormatText
}

// Parse builds a Document from raw bytes. name labels the document in
// messages. Empty, binary or oversized input is refused with a *Problem.
func Parse(name string, raw []byte, format Format) (*Document, error) {
	if len(raw) > MaxSize {
		return nil, &Problem{name, fmt.Sprintf("is %s, over the %s limit", humanSize(int64(len(raw))), humanSize(MaxSize))}
	}
	if isBinary(raw) {
		return nil, &Problem{name, "looks like a binary file, not text; give a .txt, .md or saved web page"}
	}
	d := &Document{Name: name, Raw: raw, Format: format}
	b := newBuilder(raw)
	start := 0
	if bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	switch format {
	case FormatMarkdown:
		renderMarkdown(b, raw, start)
	default:
		b.copyText(start, len(raw))
	}
	if b.bad > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: %d invalid UTF-8 byte(s) replaced with U+FFFD; save the file as UTF-8 to keep every character", name, b.bad))
	}
	d.Text = b.text.String()
	d.offs = b.offs
	if strings.TrimSpace(d.Text) == "" {
		return nil, &Problem{name, "is empty (no text to compare); give a report with at least one sentence"}
	}
	d.Title = firstLine(d.Text)
	if format == FormatMarkdown {
		if h := firstHeading(raw[start:]); h != "" {
			d.Title = h
		}
	}
	return d, nil
}

// isBinary reports whether raw looks like binary data: NUL bytes or many
// control characters in the first few kilobytes.
func isBinary(raw []byte) bool {
	head := raw
	if len(head) > 8192 {
		head = head[:8192]
	}
	ctrl := 0
	for _, c := range head {
		if c == 0 {
			return true
		}
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' {
			ctrl++
		}
	}
	return len(head) > 0 && ctrl*20 > len(head)
}

func firstLine(text string) string {
	for _, line := range strings.Split(text, "\n") {
		if t := strings.Join(strings.Fields(line), " "); t != "" {
			return t
		}
	}
	return ""
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// builder accumulates the analysis text and its offset map.
type builder struct {
	raw  []byte
	text strings.Builder
	offs []int32
	bad  int
}

func newBuilder(raw []byte) *builder {
	b := &builder{raw: raw}
	b.text.Grow(len(raw))
	b.offs = make([]int32, 0, len(raw)+1)
	return b
}

// copyText appends raw[from:to] as text: CR dropped, invalid bytes replaced.
func (b *builder) copyText(from, to int) {
	for i := from; i < to; {
		c := b.raw[i]
		if c < utf8.RuneSelf {
			if c != '\r' {
				b.text.WriteByte(c)
				b.offs = append(b.offs, int32(i))
			} else if i+1 >= to || b.raw[i+1] != '\n' {
				// A lone CR (old Mac line end) is a line break.
				b.text.WriteByte('\n')
				b.offs = append(b.offs, int32(i))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b.raw[i:to])
		if r == utf8.RuneError && size <= 1 {
			b.bad++
			b.text.WriteString("\uFFFD")
			b.offs = append(b.offs, int32(i), int32(i), int32(i))
			i++
			continue
		}
		b.text.Write(b.raw[i : i+size])
		for k := 0; k < size; k++ {
			b.offs = append(b.offs, int32(i+k))
		}
		i += size
	}
}

// emit appends s as text standing for raw offset at (used for markup that
// renders as a space or line break).
func (b *builder) emit(s string, at int) {
	b.text.WriteString(s)
	for range len(s) {
		b.offs = append(b.offs, int32(at))
	}
}
