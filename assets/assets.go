// Package assets holds the files embedded in the Framelens binary.
package assets

import "embed"

// Icon is the application icon (drawn by mkicon.go).
//
//go:embed icon.png
var Icon []byte

// Lexicon is the bundled lexicon of contested terms (lexicon/lexicon.yaml;
// schema in lexicon/SCHEMA.md).
//
//go:embed lexicon/lexicon.yaml
var Lexicon []byte

// Vocabulary is the bundled news vocabulary (vocabulary/news-vocabulary.txt):
// neutral synonyms, semantic fields of framing words, loaded words,
// reporting verbs and vague quantities. Its format is described at the top
// of the file.
//
//go:embed vocabulary/news-vocabulary.txt
var Vocabulary []byte

// Sample holds the bundled sample case, opened on first start, under the
// directory "sample": a case.json naming the case and describing its
// reports, and one text file per report.
//
//go:embed sample
var Sample embed.FS
