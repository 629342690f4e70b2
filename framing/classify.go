package framing

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"framelens/framing/lexicon"
)

// Classification: each slot becomes a Difference of one kind, framing or
// not. The rules, in order:
//   - nothing but function words, case, spelling or transliteration
//     variants, number formatting or neutral synonyms differs: rewording,
//     never framing;
//   - different figures for the same thing: number, framing;
//   - different reporting verbs where one is not neutral (claimed against
//     said): attribution, framing;
//   - words present in one report only: a loaded modifier among them is a
//     modifier difference (framing); other words are detail, not framing;
//   - content words swapped for others: substitution. It carries framing
//     when a loaded word is involved, or when the swap is short (a phrase
//     against a phrase) between common words; long clause rewrites and
//     swaps of proper names are paraphrase, not framing.
// Lexicon terms are found separately and win over the slot they fall in.

// classify turns a change between cells into a Difference. ok is false
// when it holds no difference worth listing.
func (p *pipeline) classify(row int, cells []cell, sl slot) (Difference, bool) {
	d := Difference{Row: row}
	sides := make([]side, len(sl.spans))
	distinct := map[string]bool{}
	for i, sp := range sl.spans {
		sides[i] = side{toks: cells[i].toks[sp.from:sp.to], ss: sp, c: cells[i]}
		distinct[phraseKey(sides[i].toks)] = true
	}
	if len(distinct) < 2 {
		return d, false
	}
	whole := func() []Span {
		out := make([]Span, len(sides))
		for i, s := range sides {
			out[i] = p.spanOf(s.c, s.ss)
		}
		return out
	}
	d.Spans = whole()
	maxLen := 0
	for _, s := range sides {
		maxLen = max(maxLen, len(contentOf(s.toks)))
	}
	if maxLen == 0 {
		d.Kind = KindRewording
		d.Explanation = "only function words differ"
		return d, true
	}
	// Different figures for the same thing, in a short phrase.
	a, b := numberSets(sides[0].toks), numberSets(sides[1].toks)
	if len(a) > 0 && len(b) > 0 {
		if sameSet(a, b) {
			d.Kind = KindRewording
			d.Explanation = "the same figures written differently"
			return d, true
		}
		if maxLen <= 4 && !allTime(contentOf(sides[0].toks)) {
			// Whether the figures count the same thing, and so frame it,
			// is decided over the whole row (numberDiffs).
			d.Kind = KindNumber
			d.Explanation = "different figures in this place"
			return d, true
		}
	}
	// Reporting verbs.
	va, ia := attributionAt(sides[0].toks)
	vb, ib := attributionAt(sides[1].toks)
	if ia >= 0 && ib >= 0 && va != vb {
		d.Kind = KindAttribution
		d.Spans = []Span{p.tokenSpan(sides[0], ia, ia+1), p.tokenSpan(sides[1], ib, ib+1)}
		if !neutralVerbs[va] || !neutralVerbs[vb] {
			d.Framing = true
			loaded := va
			if neutralVerbs[va] {
				loaded = vb
			}
			d.Explanation = fmt.Sprintf("%q casts the statement differently from a neutral reporting verb", loaded)
		} else {
			d.Explanation = "neutral reporting verbs"
		}
		return d, true
	}
	// Spelling and transliteration variants are rewording, loaded or not.
	if spellingVariant(contentOf(sides[0].toks), contentOf(sides[1].toks)) && !ruUkVariants(sides) {
		d.Kind = KindRewording
		d.Explanation = "the same words spelt differently"
		return d, true
	}
	// "what it calls ..." in one report only.
	for i, s := range sides {
		if from, to := distancingAt(s.toks); from >= 0 {
			if f2, _ := distancingAt(sides[1-i].toks); f2 < 0 {
				d.Kind = KindModifier
				d.Framing = true
				d.Explanation = fmt.Sprintf("%s distances itself from the words it reports", p.docs[s.c.report].Name)
				d.Spans = append([]Span{p.tokenSpan(s, from, to)}, p.counterpartOf(sides[1-i])...)
				return d, true
			}
		}
	}
	// Russian against Ukrainian spellings of a Ukrainian name.
	if ruUkVariants(sides) {
		d.Kind = KindSubstitution
		d.Framing = true
		d.Explanation = "Russian-based and Ukrainian-based spellings of the same name"
		return d, true
	}
	// Two words of one semantic field ("raid" / "operation").
	if i, j, field := fieldSwap(sides[0].toks, sides[1].toks); i >= 0 {
		d.Kind = KindSubstitution
		d.Framing = true
		d.Explanation = fmt.Sprintf("different words for the same %s: %q / %q", field, sides[0].toks[i].lower, sides[1].toks[j].lower)
		d.Spans = []Span{p.tokenSpan(sides[0], i, i+1), p.tokenSpan(sides[1], j, j+1)}
		return d, true
	}
	// A label of affiliation ("Russian-installed", "Iran-backed") in one
	// report only.
	for i, s := range sides {
		for k, t := range s.toks {
			if isAffiliationLabel(t.lower) && !t.quoted && !hasWord(sides[1-i].toks, t.lower) {
				d.Kind = KindModifier
				d.Framing = true
				d.Explanation = fmt.Sprintf("%q ties the actor to a side in %s only", t.lower, p.docs[s.c.report].Name)
				d.Spans = []Span{p.tokenSpan(s, k, k+1)}
				if len(contentOf(sides[1-i].toks)) > 0 {
					d.Spans = append(d.Spans, p.counterpartOf(sides[1-i])...)
				}
				return d, true
			}
		}
	}
	// A loaded word in one report that the other does not use.
	for i, s := range sides {
		other := sides[1-i]
		for _, list := range []map[string]bool{p.modifiers(), loadedWords} {
			w, at, n := loadedAt(s.toks, list)
			if at < 0 || hasWord(other.toks, w) || s.toks[at].cap && !isSentenceStart(s, s.toks[at]) {
				// Absent, shared, or part of a name ("the War of
				// Resistance Against Japanese Aggression").
				continue
			}
			d.Framing = true
			if len(contentOf(other.toks)) == 0 || p.modifiers()[w] && !loadedWords[w] {
				d.Kind = KindModifier
				d.Explanation = fmt.Sprintf("%q appears in %s only", w, p.docs[s.c.report].Name)
				d.Spans = []Span{p.tokenSpan(s, at, at+n)}
			} else {
				d.Kind = KindSubstitution
				d.Explanation = fmt.Sprintf("the loaded word %q against other wording", w)
				// The other report's wording in the same place is the
				// counterpart, however long the passage it sits in.
				d.Spans = append([]Span{p.tokenSpan(s, at, at+n)}, p.counterpartOf(other)...)
			}
			return d, true
		}
	}
	for _, s := range sides {
		if len(contentOf(s.toks)) == 0 {
			d.Kind = KindRewording
			d.Explanation = "detail given by one report only"
			return d, true
		}
	}
	d.Kind = KindSubstitution
	if reason, neutral := neutralSwap(sides[0].toks, sides[1:]); neutral {
		d.Kind = KindRewording
		d.Explanation = reason
		return d, true
	}
	if maxLen <= shortSwap && commonWords(sides) && !allKnownNeutral(sides) {
		d.Framing = true
		d.Explanation = "different words for the same thing"
	} else if maxLen <= 3 {
		d.Explanation = "different words for the same thing"
	} else {
		d.Kind = KindRewording
		d.Explanation = "reworded passage"
	}
	return d, true
}

// shortSwap is the longest swap, in content words a side, that is taken
// for a choice of words rather than a rewritten passage.
var shortSwap = 0

// allKnownNeutral reports whether every content word of every side is a
// word known to carry no frame: a neutral synonym, a neutral member of a
// semantic field or a neutral reporting verb.
func allKnownNeutral(sides []side) bool {
	for _, s := range sides {
		for _, t := range contentOf(s.toks) {
			if _, ok := concepts[t.lower]; ok {
				continue
			}
			if plainWord(t.key) {
				continue
			}
			if v, ok := attributionVerbs[t.lower]; ok && neutralVerbs[v] {
				continue
			}
			return false
		}
	}
	return true
}

// commonWords reports whether every side of a swap is made of common
// words: no proper names, figures or dates, which are matters of fact or
// paraphrase rather than of framing.
func commonWords(sides []side) bool {
	for _, s := range sides {
		for _, t := range contentOf(s.toks) {
			if t.num || timeWords[t.lower] || t.cap && !isSentenceStart(s, t) {
				return false
			}
		}
	}
	return true
}

// isSentenceStart reports whether t is the first word of its sentence, where
// a capital says nothing about a name.
func isSentenceStart(s side, t token) bool {
	return len(s.c.toks) > 0 && s.c.toks[0].start == t.start
}

// ruUkVariants reports whether the two sides hold a Russian-based and a
// Ukrainian-based spelling of one name.
func ruUkVariants(sides []side) bool {
	for _, a := range contentOf(sides[0].toks) {
		for _, b := range contentOf(sides[1].toks) {
			if a.cap && b.cap && ruUkVariant(a.lower, b.lower) {
				return true
			}
		}
	}
	return false
}

// counterpartOf is what a side has in place of a word of the other side:
// its words, when there are some and not so many that they are a
// rewritten passage.
func (p *pipeline) counterpartOf(s side) []Span {
	if n := len(contentOf(s.toks)); n == 0 || n > maxCounterpart {
		return nil
	}
	sp := p.spanOf(s.c, s.ss)
	sp.Counterpart = true
	return []Span{sp}
}

// tokenSpan is the Span of tokens [from, to) of a side.
func (p *pipeline) tokenSpan(s side, from, to int) Span {
	return p.spanOf(s.c, slotSpan{report: s.c.report, from: s.ss.from + from, to: s.ss.from + to})
}

// loadedAt finds the first word or two-word phrase of list in toks: the
// phrase, its token index (-1 if none) and its length in tokens.
func loadedAt(toks []token, list map[string]bool) (string, int, int) {
	for i, t := range toks {
		if t.quoted {
			continue // a speaker's word
		}
		if i+1 < len(toks) && list[t.lower+" "+toks[i+1].lower] {
			return t.lower + " " + toks[i+1].lower, i, 2
		}
		if list[t.lower] {
			return t.lower, i, 1
		}
	}
	return "", -1, 0
}

// hasWord reports whether toks contain the word or two-word phrase w.
func hasWord(toks []token, w string) bool {
	for i, t := range toks {
		if t.lower == w || i+1 < len(toks) && t.lower+" "+toks[i+1].lower == w {
			return true
		}
	}
	return false
}

// reportingVerb returns the lemma of a reporting verb: a known form, in
// lower case (a capital makes "State" part of a name) and outside a
// quotation.
func reportingVerb(t token) (string, bool) {
	v, ok := attributionVerbs[t.lower]
	return v, ok && !t.cap && !t.quoted
}

// reportingAt returns the lemma of token i of toks when it is a reporting
// verb, and not the verb of a distancing construction ("what it called").
func reportingAt(toks []token, i int) (string, bool) {
	v, ok := reportingVerb(toks[i])
	if !ok {
		return "", false
	}
	if distancingVerbs[toks[i].lower] {
		for k := max(0, i-3); k < i; k++ {
			if toks[k].lower == "what" {
				return "", false
			}
		}
	}
	return v, true
}

// attributionAt returns the lemma and index of the first reporting verb.
func attributionAt(toks []token) (string, int) {
	for i := range toks {
		if v, ok := reportingAt(toks, i); ok {
			return v, i
		}
	}
	return "", -1
}

// side is what one report has in a slot.
type side struct {
	toks []token
	ss   slotSpan
	c    cell
}

// spanOf converts a slot span into a public Span with byte offsets in the
// original file.
func (p *pipeline) spanOf(c cell, sp slotSpan) Span {
	d := p.docs[c.report]
	var ts, te int
	switch {
	case sp.from < sp.to:
		ts, te = c.toks[sp.from].start, c.toks[sp.to-1].end
	case sp.from < len(c.toks):
		ts = c.toks[sp.from].start
		te = ts
	case len(c.toks) > 0:
		ts = c.toks[len(c.toks)-1].end
		te = ts
	}
	start := d.RawOffset(ts)
	end := start
	if te > ts {
		end = d.RawEnd(te)
	}
	return Span{Report: c.report, Start: start, End: end, Text: strings.Join(strings.Fields(d.Text[ts:te]), " ")}
}

func phraseKey(toks []token) string {
	var b strings.Builder
	for _, t := range toks {
		k := t.key
		if c, ok := concepts[t.lower]; ok {
			k = c
		}
		b.WriteString(k)
		b.WriteByte(' ')
	}
	return b.String()
}

func contentOf(toks []token) []token {
	var out []token
	for _, t := range toks {
		if t.content {
			out = append(out, t)
		}
	}
	return out
}

func numberSets(toks []token) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		if t.num {
			m[t.key] = true
		}
	}
	return m
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// neutralSwap reports whether the pivot words and every other side differ
// only neutrally: same stems in another order, spelling or transliteration
// variants, neutral synonyms, or proper names (paraphrase of who/where,
// left to the lexicon when contested).
func neutralSwap(pivot []token, others []side) (string, bool) {
	pc := contentOf(pivot)
	for _, o := range others {
		oc := contentOf(o.toks)
		if sameStems(pc, oc) {
			continue
		}
		if spellingVariant(pc, oc) {
			continue
		}
		if allProper(pc) && allProper(oc) {
			continue
		}
		if allTime(pc) && allTime(oc) {
			continue
		}
		return "", false
	}
	return "the same words spelt or ordered differently", true
}

func sameStems(a, b []token) bool {
	m := map[string]int{}
	for _, t := range a {
		m[t.key]++
	}
	for _, t := range b {
		m[t.key]--
	}
	for _, v := range m {
		if v != 0 {
			return false
		}
	}
	return true
}

// spellingVariant: the same number of words, each pair close in spelling
// (defence/defense, Zelensky/Zelenskiy, Élisabeth/Elisabeth).
func spellingVariant(a, b []token) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		x, y := fold(a[i].lower), fold(b[i].lower)
		if x == y {
			continue
		}
		d := editDistance(x, y)
		n := utf8.RuneCountInString(x)
		if m := utf8.RuneCountInString(y); m > n {
			n = m
		}
		if d > 2 || n < 4 || float64(d)/float64(n) > 0.34 {
			return false
		}
	}
	return true
}

// fold removes common Latin diacritics.
func fold(s string) string {
	return accentFolder.Replace(s)
}

var accentFolder = strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "á", "a", "à", "a", "â", "a", "ä", "a",
	"í", "i", "ï", "i", "î", "i", "ó", "o", "ô", "o", "ö", "o", "ú", "u", "ü", "u", "û", "u", "ç", "c", "ñ", "n")

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := 1
			if ra[i-1] == rb[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func allProper(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if !t.cap {
			return false
		}
	}
	return true
}

func allTime(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	for _, t := range toks {
		if !timeWords[t.lower] && !t.num {
			return false
		}
	}
	return true
}

// lexiconDiffs lists, for each contested referent named in the row by at
// least two reports with different terms, one lexicon difference; and for
// each one-sided loaded word of the lexicon, a modifier difference.
func (p *pipeline) lexiconDiffs(row int, r Row) []Difference {
	type use struct {
		report int
		term   string
		span   Span
	}
	byID := map[string][]use{}
	present := 0
	for rep, idx := range r.Cells {
		if len(idx) > 0 {
			present++
		}
		for _, i := range idx {
			for _, h := range p.hitsIn(p.sents[rep][i]) {
				d := p.docs[rep]
				sp := Span{Report: rep, Start: d.RawOffset(h.Start), End: d.RawEnd(h.End), Text: d.Text[h.Start:h.End]}
				byID[h.Entry.ID] = append(byID[h.Entry.ID], use{rep, h.Entry.Terms[h.Term].Term, sp})
			}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	var out []Difference
	for _, id := range ids {
		uses := byID[id]
		entry := p.entry(id)
		terms := map[string]bool{}
		reps := map[int]bool{}
		for _, u := range uses {
			terms[u.term] = true
			reps[u.report] = true
		}
		d := Difference{Row: row, Referent: id}
		for _, u := range uses {
			d.Spans = append(d.Spans, u.span)
		}
		switch {
		case entry.Kind == lexicon.KindAttribution:
			loaded := ""
			for _, u := range uses {
				if t := termNamed(entry, u.term); t != nil && !t.Neutral {
					loaded = u.term
				}
			}
			if len(terms) < 2 || len(reps) < 2 || loaded == "" {
				continue
			}
			d.Kind = KindAttribution
			d.Framing = true
			d.Explanation = fmt.Sprintf("%q casts the statement differently from a neutral reporting verb", loaded)
		case entry.SingleSided() && len(reps) < present:
			d.Kind = KindModifier
			d.Framing = true
			d.Explanation = fmt.Sprintf("%q (%s) is used by some reports only", uses[0].term, entry.Referent)
		case len(terms) >= 2 && len(reps) >= 2:
			d.Kind = KindLexicon
			d.Framing = true
			names := make([]string, 0, len(terms))
			for t := range terms {
				names = append(names, t)
			}
			sort.Strings(names)
			d.Explanation = fmt.Sprintf("%s: %s", entry.Referent, strings.Join(names, " / "))
		default:
			continue
		}
		out = append(out, d)
	}
	return out
}

// termNamed returns the term of e with display form name.
func termNamed(e *lexicon.Entry, name string) *lexicon.Term {
	for i := range e.Terms {
		if e.Terms[i].Term == name {
			return &e.Terms[i]
		}
	}
	return nil
}

// quotationDiffs flags a direct quotation that one report of the row has
// and the others do not.
func (p *pipeline) quotationDiffs(row int, r Row, cells []cell) []Difference {
	var out []Difference
	for _, c := range cells {
		for _, i := range r.Cells[c.report] {
			s := p.sents[c.report][i]
			text := p.docs[c.report].Text
			for _, q := range quotations(text, s.tstart, s.tend) {
				qtoks := contentOf(tokenize(text, q[0], q[1]))
				if len(qtoks) == 0 {
					continue
				}
				if len(qtoks) <= 3 {
					// Scare quotes: the same words another report uses
					// plainly.
					if d, ok := p.scareQuotes(row, r, c, q, qtoks, cells); ok {
						out = append(out, d)
					}
					continue
				}
				shared := false
				for _, o := range cells {
					if o.report == c.report {
						continue
					}
					if quotedIn(o, qtoks) {
						shared = true
					}
				}
				if shared {
					continue
				}
				d := p.docs[c.report]
				out = append(out, Difference{Row: row, Kind: KindQuotation, Framing: false,
					Spans:       []Span{{Report: c.report, Start: d.RawOffset(q[0]), End: d.RawEnd(q[1]), Text: strings.Join(strings.Fields(text[q[0]:q[1]]), " ")}},
					Explanation: fmt.Sprintf("only %s quotes these words directly", d.Name)})
			}
		}
	}
	return out
}

// scareQuotes flags a short quotation whose words another report of the
// row uses without quotation marks.
func (p *pipeline) scareQuotes(row int, r Row, c cell, q [2]int, qtoks []token, cells []cell) (Difference, bool) {
	d := p.docs[c.report]
	diff := Difference{Row: row, Kind: KindModifier, Framing: true,
		Spans:       []Span{{Report: c.report, Start: d.RawOffset(q[0]), End: d.RawEnd(q[1]), Text: strings.Join(strings.Fields(d.Text[q[0]:q[1]]), " ")}},
		Explanation: fmt.Sprintf("%s puts these words in quotation marks; others use them plainly", d.Name)}
	for _, o := range cells {
		if o.report == c.report || quotedIn(o, qtoks) {
			continue
		}
		// Find the words unquoted in the other cell.
		for i := 0; i+len(qtoks) <= len(o.toks); i++ {
			match := true
			for k, t := range qtoks {
				if o.toks[i+k].key != t.key {
					match = false
					break
				}
			}
			if match {
				diff.Spans = append(diff.Spans, p.spanOf(o, slotSpan{report: o.report, from: i, to: i + len(qtoks)}))
				break
			}
		}
	}
	return diff, len(diff.Spans) > 1
}

// quotedIn reports whether another cell quotes most of the same words.
func quotedIn(o cell, q []token) bool {
	have := map[string]bool{}
	for _, t := range o.toks {
		if t.inQuote {
			have[t.key] = true
		}
	}
	n := 0
	for _, t := range q {
		if have[t.key] {
			n++
		}
	}
	return n*2 >= len(q)
}

// quotations returns the spans inside double quotation marks in
// text[from:to].
func quotations(text string, from, to int) [][2]int {
	var out [][2]int
	open := -1
	for i, r := range text[from:to] {
		at := from + i
		switch r {
		case '“', '«', '„':
			open = at + utf8.RuneLen(r)
		case '”', '»':
			if open >= 0 {
				out = append(out, [2]int{open, at})
				open = -1
			}
		case '"':
			if open >= 0 {
				out = append(out, [2]int{open, at})
				open = -1
			} else {
				open = at + 1
			}
		}
	}
	return out
}

// overlapsAny reports whether every non-empty span of d overlaps a span of
// one of ds: the words of d are already told by those differences.
func overlapsAny(d Difference, ds []Difference) bool {
	covered := 0
	n := 0
	for _, a := range d.Spans {
		if a.End <= a.Start {
			continue
		}
		n++
	spans:
		for _, o := range ds {
			for _, b := range o.Spans {
				if a.Report == b.Report && a.Start < b.End && b.Start < a.End {
					covered++
					break spans
				}
			}
		}
	}
	return n > 0 && covered == n
}
