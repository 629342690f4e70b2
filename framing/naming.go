package framing

import (
	"fmt"
	"strings"
)

// Naming choices the engine recognises without a lexicon entry: Russian
// against Ukrainian spellings of Ukrainian names (Vinnitsa / Vinnytsia,
// Energodar / Enerhodar), and distancing constructions ("what it calls",
// scare quotes) that one report puts around the words another uses plainly.

// ukrainianForms maps pieces of Russian-based spellings of Ukrainian names
// to the pieces of the Ukrainian-based spellings, applied in order.
var ukrainianForms = []struct{ ru, uk string }{
	{"kiev", "kyiv"}, {"vladimir", "volodymyr"}, {"zaporozhye", "zaporizhzhia"}, {"odessa", "odesa"},
	{"nikolayev", "mykolaiv"}, {"nikolaev", "mykolaiv"}, {"dnepr", "dnipr"}, {"rovno", "rivne"},
	{"itsya", "ytsia"}, {"itsa", "ytsia"}, {"ye", "ie"}, {"g", "h"}, {"ov", "iv"}, {"ev", "iv"},
}

// ruUkVariant reports whether a and b (single words) are the Russian-based
// and Ukrainian-based spellings of one name. Variants of the same
// transliteration (Zelensky / Zelenskiy) are not.
func ruUkVariant(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == b || len(a) < 4 || len(b) < 4 {
		return false
	}
	return toUkrainian(a) == b || toUkrainian(b) == a
}

func toUkrainian(s string) string {
	for _, f := range ukrainianForms {
		switch f.ru {
		case "ov", "ev":
			if strings.HasSuffix(s, f.ru) {
				s = strings.TrimSuffix(s, f.ru) + f.uk
			}
		case "ye":
			if strings.HasSuffix(s, f.ru) {
				s = strings.TrimSuffix(s, f.ru) + "ia"
			}
		default:
			s = strings.ReplaceAll(s, f.ru, f.uk)
		}
	}
	return s
}

// ukrainian is toUkrainian, worked out once per word of a comparison.
func (p *pipeline) ukrainian(w string) string {
	if u, ok := p.ukr[w]; ok {
		return u
	}
	if p.ukr == nil {
		p.ukr = map[string]string{}
	}
	u := toUkrainian(w)
	p.ukr[w] = u
	return u
}

// distancingVerbs are the verbs of "what X calls" constructions.
var distancingVerbs = wordSet("call calls called describe describes described term terms termed dub dubs dubbed brand brands branded label labels labelled labeled")

// distancingAt finds "what <one or two words> calls" in toks and returns
// the token range of the construction, or -1.
func distancingAt(toks []token) (int, int) {
	for i, t := range toks {
		if t.lower != "what" {
			continue
		}
		for k := i + 2; k <= i+3 && k < len(toks); k++ {
			if distancingVerbs[toks[k].lower] {
				end := k + 1
				if end < len(toks) && toks[end].lower == "as" {
					end++
				}
				return i, end
			}
		}
	}
	return -1, -1
}

// namingDiffs finds, over whole cells of a row, the naming choices that a
// change region can miss when the name sits in a clause reworded around
// it: Russian-based against Ukrainian-based spellings of a name, and a
// report that puts "what it calls" before words another report uses
// plainly.
func (p *pipeline) namingDiffs(row int, cells []cell) []Difference {
	var out []Difference
	cellSpan := func(c cell, from, to int) Span {
		return p.spanOf(c, slotSpan{report: c.report, from: from, to: to})
	}
	for _, pr := range pairsOf(len(cells)) {
		a, b := cells[pr[0]], cells[pr[1]]
		// Each capitalised word is turned into its Ukrainian-based
		// spelling once and looked up among the other cell's words.
		seen := map[string]bool{}
		for _, dir := range [][2]cell{{a, b}, {b, a}} {
			x, y := dir[0], dir[1]
			names := map[string]int{}
			for j, t := range y.toks {
				if _, ok := names[t.lower]; !ok && t.cap && t.content && len(t.lower) >= 4 {
					names[t.lower] = j
				}
			}
			for i, t := range x.toks {
				if !t.cap || !t.content || len(t.lower) < 4 {
					continue
				}
				j, ok := names[p.ukrainian(t.lower)]
				if !ok || y.toks[j].lower == t.lower || seen[t.lower+"|"+y.toks[j].lower] {
					continue
				}
				seen[t.lower+"|"+y.toks[j].lower] = true
				out = append(out, Difference{Row: row, Kind: KindSubstitution, Framing: true,
					Spans:       []Span{cellSpan(x, i, i+1), cellSpan(y, j, j+1)},
					Explanation: "Russian-based and Ukrainian-based spellings of the same name"})
			}
		}
		for _, c := range [][2]cell{{a, b}, {b, a}} {
			x, y := c[0], c[1]
			from, to := distancingAt(x.toks)
			if from < 0 {
				continue
			}
			if f2, _ := distancingAt(y.toks); f2 >= 0 {
				continue
			}
			// The words called so: what follows the construction, found
			// in the other report.
			k := to
			for k < len(x.toks) && !x.toks[k].content {
				k++
			}
			if k >= len(x.toks) {
				continue
			}
			for j, t := range y.toks {
				if t.key != x.toks[k].key {
					continue
				}
				n := 1
				for n < 4 && k+n < len(x.toks) && j+n < len(y.toks) && x.toks[k+n].key == y.toks[j+n].key && !breakBetween(x, k+n-1, k+n) {
					n++
				}
				out = append(out, Difference{Row: row, Kind: KindModifier, Framing: true,
					Spans:       []Span{cellSpan(x, from, k+n), cellSpan(y, j, j+n)},
					Explanation: fmt.Sprintf("%s distances itself from the words %s uses plainly", p.docs[x.report].Name, p.docs[y.report].Name)})
				break
			}
		}
	}
	return mergeDiffs(out)
}

// attributionDiffs pairs, over whole cells of a row, a reporting verb one
// report uses with the different one another report uses, when at least
// one of them is not neutral ("said" / "claimed"): the verbs often sit in
// clauses reworded around them.
func (p *pipeline) attributionDiffs(row int, cells []cell) []Difference {
	var out []Difference
	verbs := func(c cell) (lemmas []string, at []int) {
		for i := range c.toks {
			if v, ok := reportingAt(c.toks, i); ok {
				lemmas, at = append(lemmas, v), append(at, i)
			}
		}
		return
	}
	for _, pr := range pairsOf(len(cells)) {
		a, b := cells[pr[0]], cells[pr[1]]
		la, ia := verbs(a)
		lb, ib := verbs(b)
		if len(la) != 1 || len(lb) != 1 || la[0] == lb[0] || neutralVerbs[la[0]] && neutralVerbs[lb[0]] {
			continue // no verb, several (several statements), or the same
		}
		loaded := la[0]
		if neutralVerbs[loaded] {
			loaded = lb[0]
		}
		out = append(out, Difference{Row: row, Kind: KindAttribution, Framing: true,
			Spans: []Span{
				p.spanOf(a, slotSpan{report: a.report, from: ia[0], to: ia[0] + 1}),
				p.spanOf(b, slotSpan{report: b.report, from: ib[0], to: ib[0] + 1}),
			},
			Explanation: fmt.Sprintf("%q casts the statement differently from a neutral reporting verb", loaded)})
	}
	return mergeDiffs(out)
}
