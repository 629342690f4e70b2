// Package framing is the comparison engine of Framelens.
//
// It takes several reports of one news event and runs them through one
// pipeline, in the order the data travels:
//
//	ingest   (framing/ingest)   original bytes -> analysis text with an offset map, title
//	segment  (framing/segment)  analysis text -> sentences with byte spans
//	align    (framing/align)    sentences of all reports -> rows of corresponding sentences
//	diff     (framing/phrase)   aligned sentences -> phrase-level differences
//	classify (framing/classify) differences -> kind and framing flag
//	terms    (framing/lexicon)  contested terms used by each report -> terminology summary
//
// The word knowledge the classification relies on (neutral synonyms,
// semantic fields of framing words, loaded words, reporting verbs, vague
// quantities) is the bundled news vocabulary of framing/vocab; contested
// referents are in the lexicon.
//
// Compare is the one entry point. It returns a plain Comparison value whose
// JSON encoding is the stable contract of `framelens compare --format json`;
// the command line, the window and the exporters all read the same value.
//
// The package imports neither Fyne nor SQL.
package framing
