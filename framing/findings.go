package framing

import (
	"fmt"
	"sort"

	"framelens/framing/lexicon"
)

// Further findings: a change region between two reports is classified as
// one Difference, but a rewritten clause can hold several choices of words
// at once ("The Kiev regime claimed" against "Ukrainian officials said"
// holds a label and a reporting verb). furtherFindings looks inside a
// region for the choices the first classification did not cover, each
// with its own short spans, so that none hides behind another.

// furtherFindings returns the framing differences in a change region
// besides main, the region's own classification.
func (p *pipeline) furtherFindings(row int, cells []cell, sl slot, main Difference) []Difference {
	if len(sl.spans) != 2 {
		return nil
	}
	sides := make([]side, 2)
	for i, sp := range sl.spans {
		sides[i] = side{toks: cells[i].toks[sp.from:sp.to], ss: sp, c: cells[i]}
	}
	if len(contentOf(sides[0].toks)) == 0 && len(contentOf(sides[1].toks)) == 0 {
		return nil
	}
	// Token positions already covered by main or by an earlier finding.
	covered := map[[2]int]bool{}
	claim := func(d Difference) bool {
		for _, sp := range d.Spans {
			if sp.End <= sp.Start {
				continue
			}
			for i, s := range sides {
				if s.c.report != sp.Report {
					continue
				}
				for k, t := range s.toks {
					if covered[[2]int{i, k}] && p.tokenOverlaps(s, k, t, sp) {
						return false
					}
				}
			}
		}
		for _, sp := range d.Spans {
			for i, s := range sides {
				if s.c.report != sp.Report {
					continue
				}
				for k, t := range s.toks {
					if p.tokenOverlaps(s, k, t, sp) && narrow(sp, s, p) {
						covered[[2]int{i, k}] = true
					}
				}
			}
		}
		return true
	}
	if main.Framing {
		claim(main)
	}
	var out []Difference
	add := func(d Difference) {
		d.Row = row
		d.Framing = true
		if claim(d) {
			out = append(out, d)
		}
	}
	// counterpart is what the other side has in the same place: the whole
	// region when it holds content, else nothing.
	counterpart := func(i int) []Span {
		return p.counterpartOf(sides[1-i])
	}
	// A contested term of the lexicon in one report, where the other
	// names the same thing without any term of that referent ("the Kiev
	// regime" against "Kyiv"): the lexicon pairs terms of one referent
	// only, so the other report's wording in the same place is the
	// counterpart.
	for i, s := range sides {
		if len(s.toks) == 0 {
			continue
		}
		for _, h := range p.hitsBetween(s.c.report, s.toks[0].start, s.toks[len(s.toks)-1].end) {
			t := h.Entry.Terms[h.Term]
			if t.Connotation == "" || t.Connotation == "neutral" || h.Entry.Category == "place-name" || h.Entry.Kind == lexicon.KindAttribution || h.Entry.SingleSided() {
				continue
			}
			if p.cellHasEntry(sides[1-i].c, h.Entry.ID) || len(contentOf(sides[1-i].toks)) == 0 {
				continue
			}
			d := p.docs[s.c.report]
			sp := Span{Report: s.c.report, Start: d.RawOffset(h.Start), End: d.RawEnd(h.End), Text: d.Text[h.Start:h.End]}
			add(Difference{Kind: KindLexicon, Referent: h.Entry.ID,
				Spans:       append([]Span{sp}, counterpart(i)...),
				Explanation: fmt.Sprintf("%s: %q against other wording", h.Entry.Referent, t.Term)})
		}
	}
	// Reporting verbs.
	va, ia := attributionAt(sides[0].toks)
	vb, ib := attributionAt(sides[1].toks)
	if ia >= 0 && ib >= 0 && va != vb && (!neutralVerbs[va] || !neutralVerbs[vb]) {
		loaded := va
		if neutralVerbs[va] {
			loaded = vb
		}
		add(Difference{Kind: KindAttribution,
			Spans:       []Span{p.tokenSpan(sides[0], ia, ia+1), p.tokenSpan(sides[1], ib, ib+1)},
			Explanation: fmt.Sprintf("%q casts the statement differently from a neutral reporting verb", loaded)})
	}
	// Every pair of words of one semantic field.
	for i, x := range sides[0].toks {
		if !x.content || len(swapFieldOf[x.key]) == 0 || hasKey(sides[1].toks, x.key) {
			continue
		}
		for j, y := range sides[1].toks {
			if !y.content || y.key == x.key || hasKey(sides[0].toks, y.key) {
				continue
			}
			if f := framingField(x, y); f != "" {
				add(Difference{Kind: KindSubstitution,
					Spans:       []Span{p.tokenSpan(sides[0], i, i+1), p.tokenSpan(sides[1], j, j+1)},
					Explanation: fmt.Sprintf("different words for the same %s: %q / %q", f, x.lower, y.lower)})
				break
			}
		}
	}
	// Loaded words and labels of affiliation one side uses and the other
	// does not.
	for i, s := range sides {
		other := sides[1-i]
		for k, t := range s.toks {
			if t.cap && !isSentenceStart(s, t) && !isAffiliationLabel(t.lower) || t.quoted {
				continue // part of a name, or a speaker's word
			}
			switch {
			case isAffiliationLabel(t.lower) && !hasWord(other.toks, t.lower):
				add(Difference{Kind: KindModifier,
					Spans:       append([]Span{p.tokenSpan(s, k, k+1)}, counterpart(i)...),
					Explanation: fmt.Sprintf("%q ties the actor to a side in %s only", t.lower, p.docs[s.c.report].Name)})
			case (p.modifiers()[t.lower] || loadedWords[t.lower]) && !hasWord(other.toks, t.lower):
				kind := KindSubstitution
				expl := fmt.Sprintf("the loaded word %q against other wording", t.lower)
				if p.modifiers()[t.lower] && !loadedWords[t.lower] {
					kind = KindModifier
					expl = fmt.Sprintf("%q appears in %s only", t.lower, p.docs[s.c.report].Name)
				}
				add(Difference{Kind: kind, Spans: append([]Span{p.tokenSpan(s, k, k+1)}, counterpart(i)...), Explanation: expl})
			}
		}
	}
	return out
}

// tokenOverlaps reports whether token k of side s lies inside span sp.
func (p *pipeline) tokenOverlaps(s side, k int, t token, sp Span) bool {
	ts := p.tokenSpan(s, k, k+1)
	return ts.Start < sp.End && sp.Start < ts.End
}

// narrow reports whether a span is short enough to count as covering its
// words: a whole rewritten clause given as a counterpart does not stop
// the words inside it from being looked at on their own.
func narrow(sp Span, s side, p *pipeline) bool {
	return sp.End-sp.Start <= 40
}

// hitsBetween returns the lexicon hits of a report that lie inside the
// analysis-text range [from, to).
func (p *pipeline) hitsBetween(report, from, to int) []lexicon.Match {
	hs := p.hits[report]
	i := sort.Search(len(hs), func(i int) bool { return hs[i].Start >= from })
	j := i
	for j < len(hs) && hs[j].End <= to {
		j++
	}
	return hs[i:j]
}

// cellHasEntry reports whether any sentence of a cell names the referent
// id with a term of the lexicon.
func (p *pipeline) cellHasEntry(c cell, id string) bool {
	if len(c.toks) == 0 {
		return false
	}
	for _, h := range p.hitsBetween(c.report, c.toks[0].start, c.toks[len(c.toks)-1].end) {
		if h.Entry.ID == id {
			return true
		}
	}
	return false
}
