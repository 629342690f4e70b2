package ingest

import "strings"

// PastedName labels pasted text that was given no name.
const PastedName = "pasted text"

// Paste builds a Document from text the analyst pasted. name labels it in
// messages (PastedName when blank). Raw keeps the text exactly as pasted,
// for display and offsets; Text is normalised for analysis, quotation
// marks included: typographic quotes and apostrophes become ' and ",
// no-break spaces become spaces, soft hyphens and zero-width characters
// are removed, and Unicode line and paragraph separators become line
// breaks. Empty text is refused with a *Problem.
func Paste(name, text string) (*Document, error) {
	if strings.TrimSpace(name) == "" {
		name = PastedName
	}
	return ParseWith(name, []byte(text), FormatPaste, ParseOptions{})
}
