package framing

import (
	"context"
	"fmt"
	"strings"

	"framelens/framing/ingest"
	"framelens/framing/lexicon"
	"framelens/framing/segment"
)

// pipeline holds the state of one comparison while it runs.
type pipeline struct {
	docs    []*ingest.Document
	lex     *lexicon.Lexicon
	matcher *lexicon.Matcher
	sents   [][]*sent // per report, per sentence
	rows    []Row
	diffs   []Difference
	terms   []TermUsage
	hits    [][]lexicon.Match // per report: lexicon hits over the whole text
	df      []int             // key id -> number of sentences with the key
	nSents  int
	ukr     map[string]string // Ukrainian-based spellings worked out so far
}

// sent is a sentence with the features the engine works on.
type sent struct {
	report, index int
	tstart, tend  int // offsets in the analysis text
	toks          []token
	gid           int       // index over all sentences of the case
	vec           []kw      // tf-idf weights by key id, sorted, normalised
	years         []int     // the years it names
	meta          bool      // about the reporting, not the event
	figs          []float64 // the figures of 10 or more it gives, years aside
}

func newPipeline(docs []*ingest.Document, lex *lexicon.Lexicon) *pipeline {
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = d.Text
	}
	return &pipeline{docs: docs, lex: lex, matcher: lex.Matcher(texts...)}
}

// segment splits every report into sentences and tokens, and finds the
// lexicon's terms in every report.
func (p *pipeline) segment(ctx context.Context) error {
	p.sents = make([][]*sent, len(p.docs))
	p.hits = make([][]lexicon.Match, len(p.docs))
	for r, d := range p.docs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("segmenting %s: %w", d.Name, err)
		}
		spans := segment.Split(d.Text)
		ss := make([]*sent, len(spans))
		for i, sp := range spans {
			ss[i] = &sent{report: r, index: i, tstart: sp.Start, tend: sp.End, toks: tokenize(d.Text, sp.Start, sp.End)}
			markQuoted(d.Text, ss[i])
			markModifiers(ss[i].toks)
			ss[i].years = yearsOf(ss[i].toks)
			ss[i].meta = isMeta(d.Text[sp.Start:sp.End])
			for _, t := range ss[i].toks {
				if v, ok := figureValue(t); ok && v >= 10 && !(v >= 1900 && v <= 2100 && len(t.lower) == 4) {
					ss[i].figs = append(ss[i].figs, v)
				}
			}
		}
		p.sents[r] = ss
		p.hits[r] = p.matcher.Find(d.Text)
	}
	return nil
}

// sentenceText is the display text of a sentence: white space folded.
func sentenceText(d *ingest.Document, s *sent) string {
	return strings.Join(strings.Fields(d.Text[s.tstart:s.tend]), " ")
}

// result assembles the public Comparison.
func (p *pipeline) result() *Comparison {
	c := &Comparison{Rows: p.rows, Differences: p.diffs, Terms: p.terms, docs: p.docs}
	if c.Differences == nil {
		c.Differences = []Difference{}
	}
	if c.Terms == nil {
		c.Terms = []TermUsage{}
	}
	for r, d := range p.docs {
		rep := Report{Name: d.Name, Path: d.Path, Title: d.Title, Sentences: make([]Sentence, len(p.sents[r]))}
		for i, s := range p.sents[r] {
			rep.Sentences[i] = Sentence{Start: d.RawOffset(s.tstart), End: d.RawEnd(s.tend), Text: sentenceText(d, s)}
		}
		c.Reports = append(c.Reports, rep)
		c.Warnings = append(c.Warnings, d.Warnings...)
	}
	return c
}

// quotedMin is the least number of words a quotation holds for its words
// to count as a speaker's rather than the report's: shorter ones are scare
// quotes or quoted labels, which are the report's choice.
const quotedMin = 4

// markQuoted marks the tokens of a sentence that sit inside a direct
// quotation of at least quotedMin words.
func markQuoted(text string, s *sent) {
	for _, q := range quotations(text, s.tstart, s.tend) {
		var in []int
		for i, t := range s.toks {
			if t.start >= q[0] && t.end <= q[1] {
				in = append(in, i)
				s.toks[i].inQuote = true
			}
		}
		if len(in) >= quotedMin {
			for _, i := range in {
				s.toks[i].quoted = true
			}
		}
	}
}
