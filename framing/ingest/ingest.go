// Package ingest turns the bytes of a report into a Document: the original
// bytes, kept untouched, and an analysis text with a map from every byte of
// the analysis text back to a byte of the original.
//
// Reports come as plain text (.txt), Markdown (.md), saved web pages
// (.html, .htm), web addresses (Fetch, Open) and pasted text (Paste).
// Markdown is rendered to text (headings, emphasis, links, images, code
// and HTML tags lose their markup); of a web page only the article is kept
// (headline, then paragraphs separated by blank lines) and its metadata
// fills Outlet, Author, Published, Language and URL. Offsets always point
// into the original bytes: into the saved page, not into the extracted
// text.
//
// Text is converted to UTF-8 once, at import. The character set comes from
// a byte-order mark (UTF-8, UTF-16), a declaration (HTTP header, HTML
// <meta>) or, for undeclared text that is not UTF-8, from detection of
// Windows-1251, KOI8-R and GB18030, reported as a warning that names the
// file and the guess. Raw keeps the original bytes; each converted
// character maps to the bytes of its original encoding. Invalid UTF-8 is
// repaired (each bad byte becomes U+FFFD in the analysis text) and
// reported as a warning that names the file.
//
// The analysis text is normalised (see Normalisation): no-break spaces
// become spaces, soft hyphens and zero-width characters are removed, and
// pasted text also gets plain quotation marks.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
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
	// FormatHTML is a web page, saved or fetched.
	FormatHTML Format = "html"
	// FormatPaste is text pasted by the analyst.
	FormatPaste Format = "paste"
)

// Document is one report: its original bytes and the text analysed.
type Document struct {
	// Name is the file name without extension, or the name given.
	Name string
	// Path is the path as given, or empty for pasted text and web pages
	// fetched by address.
	Path string
	// Raw holds the original bytes, untouched: the file, the page as
	// fetched, or the text as pasted.
	Raw []byte
	// Text is the analysis text: valid UTF-8, markup removed, CR dropped,
	// normalised as Normalised says.
	Text string
	// Title is the headline of a web page, else the first heading, else
	// the first non-blank line.
	Title string
	// Format says how Raw was read.
	Format Format
	// Warnings lists repaired problems; each names the document.
	Warnings []string

	// What the report says about itself, read from a web page's metadata
	// (JSON-LD, Open Graph, <meta>); empty or zero when unknown. The
	// analyst may correct them after import.

	// Outlet is the publication: the site or publisher name.
	Outlet string
	// Author is the byline: one name, or several joined by commas.
	Author string
	// Published is when the report was published; a date given without a
	// zone is taken as UTC.
	Published time.Time
	// Language is the language tag the page gives ("en", "ru", "zh-CN").
	Language string
	// URL is the report's address: the canonical address the page gives
	// for itself, else the address it was fetched from.
	URL string

	// Charset is the character set Raw was read in ("utf-8",
	// "windows-1251", "koi8-r", "gb18030", "gbk", "utf-16le", ...).
	Charset string
	// CharsetGuessed is true when no character set was declared and
	// Charset was detected from the bytes.
	CharsetGuessed bool
	// Normalised says which typographic normalisations changed Text.
	Normalised Normalisation
	// Fetched says how a report imported from a web address was fetched;
	// nil for files and pasted text. Raw holds the page as fetched, so the
	// report can be read again offline.
	Fetched *FetchInfo

	// offs[i] is the offset in Raw of the first byte behind Text[i].
	offs []int32
	// ends[i] is one past the last byte in Raw behind Text[i]; nil when
	// that is always offs[i]+1.
	ends []int32
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
	if textEnd > len(d.offs) {
		textEnd = len(d.offs)
	}
	if d.ends != nil {
		return int(d.ends[textEnd-1])
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
// its extension (.md and .markdown are Markdown, .html and .htm web pages,
// anything else plain text).
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
	d.relabelWarnings(path)
	return d, nil
}

// relabelWarnings makes warnings that start with the document's name start
// with label (the path or address the analyst gave) instead.
func (d *Document) relabelWarnings(label string) {
	for i, w := range d.Warnings {
		if rest, ok := strings.CutPrefix(w, d.Name+": "); ok {
			d.Warnings[i] = label + ": " + rest
		}
	}
}

// FormatFor picks the format from a file name's extension.
func FormatFor(path string) Format {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown", ".mdown", ".mkd":
		return FormatMarkdown
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	}
	return FormatText
}

// Parse builds a Document from raw bytes. name labels the document in
// messages. Empty, binary or oversized input is refused with a *Problem.
// The character set is found from the bytes; use ParseWith to give one.
func Parse(name string, raw []byte, format Format) (*Document, error) {
	return ParseWith(name, raw, format, ParseOptions{})
}

const emptyMsg = "is empty (no text to compare); give a report with at least one sentence"

// ParseOptions says what is known about raw bytes besides their format.
type ParseOptions struct {
	// Charset is the declared character set (from an HTTP Content-Type
	// header, or chosen by the analyst when a guess was wrong); it
	// outranks a page's <meta> declaration and detection, not a
	// byte-order mark. Empty means find it from the bytes.
	Charset string
	// URL is the address a web page was fetched from; it resolves a
	// relative canonical address and is the URL when the page gives none.
	URL string
}

// ParseWith builds a Document from raw bytes like Parse, with what else
// is known about them. Reading the same bytes with the same options gives
// the same Document, so a fetched page kept in Raw can be read again
// offline.
func ParseWith(name string, raw []byte, format Format, opts ParseOptions) (*Document, error) {
	if len(raw) > MaxSize {
		return nil, &Problem{name, fmt.Sprintf("is %s, over the %s limit; give the article alone", humanSize(int64(len(raw))), humanSize(MaxSize))}
	}
	d := &Document{Name: name, Raw: raw, Format: format}
	dec, err := decodeReport(d, raw, opts)
	if err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(dec.src)) == 0 {
		return nil, &Problem{name, emptyMsg}
	}
	b := newBuilder(dec.src)
	switch format {
	case FormatMarkdown:
		renderMarkdown(b, dec.src, 0)
	case FormatHTML:
		if err := renderHTML(b, d, dec.src, opts); err != nil {
			return nil, err
		}
	default:
		b.copyText(0, len(dec.src))
	}
	set := fileNormalisation
	if format == FormatPaste {
		set |= NormQuotes
	}
	d.Normalised = b.normalise(set)
	if b.bad > 0 {
		d.Warnings = append(d.Warnings, fmt.Sprintf("%s: %d invalid UTF-8 byte(s) replaced with U+FFFD; save the file as UTF-8 to keep every character", name, b.bad))
	}
	dec.mapToRaw(b)
	d.Text = b.text.String()
	d.offs, d.ends = b.offs, b.ends
	if strings.TrimSpace(d.Text) == "" {
		return nil, &Problem{name, emptyMsg}
	}
	if d.Title == "" {
		d.Title = firstLine(d.Text)
	}
	if format == FormatMarkdown {
		if h := normaliseString(firstHeading(dec.src), set); h != "" {
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

// builder accumulates the analysis text and its offset map. Offsets are
// into raw, the text being read (the report converted to UTF-8); mapToRaw
// turns them into offsets into the report's original bytes.
type builder struct {
	raw  []byte
	text strings.Builder
	offs []int32
	// ends[i] is one past the last byte behind text byte i; nil while that
	// is always offs[i]+1.
	ends []int32
	bad  int
}

func newBuilder(raw []byte) *builder {
	b := &builder{raw: raw}
	b.text.Grow(len(raw))
	b.offs = make([]int32, 0, len(raw)+1)
	return b
}

// end is one past the last byte behind text byte i.
func (b *builder) end(i int) int32 {
	if b.ends != nil {
		return b.ends[i]
	}
	return b.offs[i] + 1
}

// push records one text byte standing for raw[start:end].
func (b *builder) push(start, end int32) {
	if b.ends == nil && end != start+1 {
		b.ends = make([]int32, len(b.offs), cap(b.offs))
		for i, o := range b.offs {
			b.ends[i] = o + 1
		}
	}
	b.offs = append(b.offs, start)
	if b.ends != nil {
		b.ends = append(b.ends, end)
	}
}

// copyText appends raw[from:to] as text: CR dropped, invalid bytes replaced.
func (b *builder) copyText(from, to int) {
	for i := from; i < to; {
		c := b.raw[i]
		if c < utf8.RuneSelf {
			if c != '\r' {
				b.text.WriteByte(c)
				b.push(int32(i), int32(i+1))
			} else if i+1 >= to || b.raw[i+1] != '\n' {
				// A lone CR (old Mac line end) is a line break.
				b.text.WriteByte('\n')
				b.push(int32(i), int32(i+1))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b.raw[i:to])
		if r == utf8.RuneError && size <= 1 {
			b.bad++
			b.text.WriteString("\uFFFD")
			for range 3 {
				b.push(int32(i), int32(i+1))
			}
			i++
			continue
		}
		b.text.Write(b.raw[i : i+size])
		for k := 0; k < size; k++ {
			b.push(int32(i+k), int32(i+k+1))
		}
		i += size
	}
}

// emit appends s as text standing for raw offset at (used for markup that
// renders as a space or line break).
func (b *builder) emit(s string, at int) {
	b.text.WriteString(s)
	for range len(s) {
		b.push(int32(at), int32(at+1))
	}
}

// putMapped appends s, whose byte i stands for raw[start[i]:end[i]].
// Invalid UTF-8 is replaced with U+FFFD, standing for the bad byte.
func (b *builder) putMapped(s string, start, end []int32) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			b.bad++
			b.text.WriteString("\uFFFD")
			for range 3 {
				b.push(start[i], end[i])
			}
			i++
			continue
		}
		b.text.WriteString(s[i : i+size])
		for k := i; k < i+size; k++ {
			b.push(start[k], end[k])
		}
		i += size
	}
}

// repeatLast appends s standing for the same bytes as the last text byte
// (used for separators between paragraphs).
func (b *builder) repeatLast(s string) {
	n := len(b.offs)
	if n == 0 {
		return
	}
	start, end := b.offs[n-1], b.end(n-1)
	b.text.WriteString(s)
	for range len(s) {
		b.push(start, end)
	}
}
