package framing

import "slices"

// Refinement of change regions. go-diff pairs the words two sentences share
// in the same order; what lies between is one change region, however much
// was rewritten there. Two things make a region too coarse to tell which
// words stand for which:
//   - a clause moved elsewhere in the sentence: its words are in another
//     region on the other side, and are the same words, not a change;
//   - a rewritten clause that still has its joints: a reporting verb
//     against a reporting verb ("The Kiev regime claimed" / "Ukrainian
//     officials said"), a figure against a figure, two words of one
//     semantic field, two spellings of one name.
// refine masks moved words and splits each region at such joints, so that
// what is left between two joints is paired with what stands in the same
// place on the other side.

// Scores of soft matches between words of a region. A higher score wins
// when several pairings are possible.
const (
	softSpelling = 5 // two spellings of one word or name
	softField    = 4 // two words of one semantic field
	softVerb     = 4 // two reporting verbs
	softNumber   = 3 // two figures
)

// refine turns the change regions between cells a and b into slots.
func refine(a, b cell, regions []region) []slot {
	movedA, movedB := movedWords(a, b, regions)
	var out []slot
	for _, r := range regions {
		out = append(out, slot{spans: []slotSpan{{a.report, r.i1, r.i2}, {b.report, r.j1, r.j2}}})
		n := len(out)
		ai := keep(r.i1, r.i2, movedA)
		bj := keep(r.j1, r.j2, movedB)
		if len(ai) == 0 && len(bj) == 0 {
			continue
		}
		pairs := softAlign(a, b, ai, bj)
		// Cut the region at each soft pair: the stretch before it, the
		// pair itself when its words differ, then on.
		pa, pb := 0, 0
		emit := func(xs, ys []int) {
			if !hasContent(a, xs) && !hasContent(b, ys) {
				if len(xs) == 0 && len(ys) == 0 {
					return
				}
			}
			out = append(out, slotOf(a, b, xs, ys, r))
		}
		for _, pr := range pairs {
			emit(ai[pa:pr[0]], bj[pb:pr[1]])
			x, y := a.toks[ai[pr[0]]], b.toks[bj[pr[1]]]
			if x.key != y.key {
				out = append(out, slotOf(a, b, ai[pr[0]:pr[0]+1], bj[pr[1]:pr[1]+1], r))
			}
			pa, pb = pr[0]+1, pr[1]+1
		}
		emit(ai[pa:], bj[pb:])
		if len(out) == n+1 && slices.Equal(out[n].spans, out[n-1].spans) {
			out = out[:n]
		}
	}
	return out
}

// slotOf makes a slot of tokens xs of a and ys of b. Tokens are contiguous
// but for masked moved words, which the span then covers; an empty side
// sits where the other side's region starts.
func slotOf(a, b cell, xs, ys []int, r region) slot {
	sa := slotSpan{report: a.report, from: r.i1, to: r.i1}
	if len(xs) > 0 {
		sa.from, sa.to = xs[0], xs[len(xs)-1]+1
	}
	sb := slotSpan{report: b.report, from: r.j1, to: r.j1}
	if len(ys) > 0 {
		sb.from, sb.to = ys[0], ys[len(ys)-1]+1
	}
	return slot{spans: []slotSpan{sa, sb}}
}

func hasContent(c cell, idx []int) bool {
	for _, i := range idx {
		if c.toks[i].content {
			return true
		}
	}
	return false
}

// keep lists the token indices [from, to) that are not masked.
func keep(from, to int, masked map[int]bool) []int {
	var out []int
	for i := from; i < to; i++ {
		if !masked[i] {
			out = append(out, i)
		}
	}
	return out
}

// movedWords finds content words that one side has in one change region
// and the other side has in another: the same word in another place. A key
// counts only when it occurs exactly once among the changed words of each
// side, so that a repeated word is never paired by chance.
func movedWords(a, b cell, regions []region) (map[int]bool, map[int]bool) {
	if len(regions) < 2 {
		return nil, nil
	}
	type where struct{ n, at, reg int }
	// count notes where each changed content word of c stands.
	count := func(seen map[string]*where, c cell, from, to, reg int) {
		for i := from; i < to; i++ {
			if t := c.toks[i]; t.content && !t.num {
				w := seen[t.key]
				if w == nil {
					w = &where{}
					seen[t.key] = w
				}
				w.n++
				w.at, w.reg = i, reg
			}
		}
	}
	ka, kb := map[string]*where{}, map[string]*where{}
	for ri, r := range regions {
		count(ka, a, r.i1, r.i2, ri)
		count(kb, b, r.j1, r.j2, ri)
	}
	ma, mb := map[int]bool{}, map[int]bool{}
	for k, wa := range ka {
		wb := kb[k]
		if wb == nil || wa.n != 1 || wb.n != 1 || wa.reg == wb.reg {
			continue
		}
		ma[wa.at] = true
		mb[wb.at] = true
	}
	return ma, mb
}

// softAlign pairs content words of a region in order (a weighted longest
// common subsequence) by softScore. It returns pairs of positions in xs
// and ys.
func softAlign(a, b cell, xs, ys []int) [][2]int {
	n, m := len(xs), len(ys)
	if n == 0 || m == 0 {
		return nil
	}
	score := make([][]int, n+1)
	for i := range score {
		score[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			best := max(score[i+1][j], score[i][j+1])
			if s := softScore(a.toks[xs[i]], b.toks[ys[j]]); s > 0 {
				best = max(best, s+score[i+1][j+1])
			}
			score[i][j] = best
		}
	}
	var out [][2]int
	for i, j := 0, 0; i < n && j < m; {
		s := softScore(a.toks[xs[i]], b.toks[ys[j]])
		switch {
		case s > 0 && score[i][j] == s+score[i+1][j+1]:
			out = append(out, [2]int{i, j})
			i++
			j++
		case score[i][j] == score[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}

// softScore says how strongly two different words of a region stand for
// each other; 0 when they do not.
func softScore(x, y token) int {
	if !x.content || !y.content {
		return 0
	}
	if x.key == y.key {
		return softSpelling + 1
	}
	if x.num && y.num {
		return softNumber
	}
	if x.num || y.num {
		return 0
	}
	if _, ok := attributionVerbs[x.lower]; ok {
		if _, ok := attributionVerbs[y.lower]; ok {
			return softVerb
		}
		return 0
	}
	if sharedField(swapFieldOf[x.key], swapFieldOf[y.key]) != "" {
		return softField
	}
	if x.cap == y.cap && (spellingVariant([]token{x}, []token{y}) || ruUkVariant(x.lower, y.lower)) {
		return softSpelling
	}
	return 0
}
