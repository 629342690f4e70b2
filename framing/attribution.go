package framing

import "strings"

// Attribution clauses. News sentences say who a statement comes from in a
// few fixed shapes: "The Kiev regime claimed that ...", "..., Ukraine's
// emergency services said.", "... according to the health ministry." Two
// reports of one fact often put that clause at opposite ends of the
// sentence, where the word diff cannot pair it; attributionSlots pairs the
// sources and the reporting verbs of two cells directly, so that "The Kiev
// regime" stands against "Ukraine's emergency services" and "claimed"
// against "said".

// clause is the attribution of one cell: the tokens of the source and of
// the reporting verb, or -1.
type clause struct {
	from, to int // the source, tokens [from, to)
	verb     int // the reporting verb, or -1 for "according to"
}

// maxSource is the longest source, in tokens, taken for one.
const maxSource = 8

// attributionOf finds the attribution clause of a cell: the last
// reporting verb outside quotations, with the source before it (the
// words back to the sentence start, a dateline's dash or a comma), or
// "according to" and the words after it.
func attributionOf(c cell) (clause, bool) {
	toks := c.toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].lower == "according" && toks[i+1].lower == "to" && !toks[i].quoted {
			j := i + 2
			for j < len(toks) && j < i+2+maxSource && (j == i+2 || !breakBetween(c, j-1, j)) {
				j++
			}
			if j > i+2 {
				return clause{from: i + 2, to: j, verb: -1}, true
			}
		}
	}
	for v := len(toks) - 1; v >= 0; v-- {
		if _, ok := reportingAt(toks, v); !ok {
			continue
		}
		// The source: the words before the verb back to a break.
		from := v
		for from > 0 && v-from < maxSource && !breakBetween(c, from-1, from) {
			from--
		}
		if from == v || v-from >= maxSource && from > 0 && !breakBetween(c, from-1, from) {
			continue
		}
		return clause{from: from, to: v, verb: v}, true
	}
	return clause{}, false
}

// breakBetween reports whether punctuation that closes a clause (a comma,
// a dash, a colon or a quotation mark) stands between tokens i and j of a
// cell, or a sentence boundary.
func breakBetween(c cell, i, j int) bool {
	gap := c.text[c.toks[i].end:c.toks[j].start]
	return strings.ContainsAny(gap, ",;:—–\"“”.") || strings.Contains(gap, " - ")
}

// attributionSlots pairs the sources and the reporting verbs of two cells.
func attributionSlots(a, b cell) []slot {
	ca, cb := a.clause, b.clause
	if !a.hasClause || !b.hasClause {
		return nil
	}
	var out []slot
	if !sameStems(contentOf(a.toks[ca.from:ca.to]), contentOf(b.toks[cb.from:cb.to])) {
		out = append(out, slot{spans: []slotSpan{{a.report, ca.from, ca.to}, {b.report, cb.from, cb.to}}})
	}
	if ca.verb >= 0 && cb.verb >= 0 && a.toks[ca.verb].key != b.toks[cb.verb].key {
		out = append(out, slot{spans: []slotSpan{{a.report, ca.verb, ca.verb + 1}, {b.report, cb.verb, cb.verb + 1}}})
	}
	return out
}

// figureSlots pairs what two figures of the same count count: "12
// Palestinians" / "12 martyrs" / "Twelve terrorists" name one group of
// people in three ways.
func figureSlots(a, b cell) []slot {
	fa, fb := a.figs, b.figs
	var out []slot
	for _, m := range matchFigures(fa, fb) {
		x, y := fa[m[0]], fb[m[1]]
		xf, xt := countedWords(a, x)
		yf, yt := countedWords(b, y)
		if xt <= xf || yt <= yf || sameStems(contentOf(a.toks[xf:xt]), contentOf(b.toks[yf:yt])) {
			continue
		}
		out = append(out, slot{spans: []slotSpan{{a.report, xf, xt}, {b.report, yf, yt}}})
	}
	return out
}

// countedWords are the tokens right after a figure that say what it
// counts, up to three, before any punctuation.
func countedWords(c cell, f figure) (int, int) {
	from := f.to
	if from < len(c.toks) && (c.toks[from].lower == "of" || c.toks[from].lower == "more") {
		from++
	}
	to := from
	for to < len(c.toks) && to < from+3 && (to == f.to || !breakBetween(c, to-1, to)) && c.toks[to].content && !c.toks[to].num {
		to++
	}
	return from, to
}
