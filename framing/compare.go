package framing

import (
	"context"
	"errors"
	"fmt"

	"framelens/framing/ingest"
	"framelens/framing/lexicon"
	"framelens/framing/segment"
)

// Options tune a comparison.
type Options struct {
	// Lexicon is the lexicon of contested terms to use. Nil means the
	// bundled lexicon.
	Lexicon *lexicon.Lexicon
	// Links are manual alignment corrections: pairs of sentences the
	// analyst says state the same fact. They are honoured as constraints.
	Links []Link
	// Unlinks are sentences the analyst took out of their row: each ends up
	// in a row of its own unless a Link puts it elsewhere.
	Unlinks []SentenceRef
	// Progress, when set, is called with the share of work done (0..1).
	Progress func(done float64)
}

// SentenceRef names one sentence of one report by their indices.
type SentenceRef struct {
	Report   int `json:"report"`
	Sentence int `json:"sentence"`
}

// Link joins two sentences of different reports into one row.
type Link struct {
	A SentenceRef `json:"a"`
	B SentenceRef `json:"b"`
}

// ErrTooFew is returned when fewer than two reports are given.
var ErrTooFew = errors.New("a comparison needs at least two reports")

// Compare runs the whole pipeline over docs: segmentation, alignment,
// differences and terminology. docs keep their order in the result. The
// context cancels long work.
func Compare(ctx context.Context, docs []*ingest.Document, opts Options) (*Comparison, error) {
	if len(docs) < 2 {
		return nil, fmt.Errorf("%w (got %d)", ErrTooFew, len(docs))
	}
	if vocabErr != nil {
		return nil, vocabErr
	}
	lex := opts.Lexicon
	if lex == nil {
		var err error
		lex, err = lexicon.Bundled()
		if err != nil {
			return nil, fmt.Errorf("bundled lexicon: %w", err)
		}
	}
	progress := opts.Progress
	if progress == nil {
		progress = func(float64) {}
	}
	p := newPipeline(docs, lex)
	if err := p.segment(ctx); err != nil {
		return nil, err
	}
	progress(0.2)
	if err := p.align(ctx, opts.Links, opts.Unlinks); err != nil {
		return nil, err
	}
	progress(0.6)
	if err := p.differences(ctx); err != nil {
		return nil, err
	}
	progress(0.9)
	p.terminology()
	progress(1)
	return p.result(), nil
}

// Segment returns the sentences of one document exactly as Compare would
// report them (byte offsets into the original bytes), without comparing.
// The window uses it to place stored corrections before a comparison.
func Segment(d *ingest.Document) []Sentence {
	spans := segment.Split(d.Text)
	out := make([]Sentence, len(spans))
	for i, sp := range spans {
		s := &sent{tstart: sp.Start, tend: sp.End}
		out[i] = Sentence{Start: d.RawOffset(sp.Start), End: d.RawEnd(sp.End), Text: sentenceText(d, s)}
	}
	return out
}
