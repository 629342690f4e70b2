package framing

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Alignment: sentences of different reports are compared by the content
// words they share, weighted by how rare each word is in the case (tf-idf
// cosine), with lexicon referents and numbers as extra shared keys so that
// "Ukrainian crisis" and "war against Ukraine" count as the same thing.
// Candidate pairs come from an inverted index of keys, never from a dense
// all-pairs loop. A pair gains support from third reports: a sentence of
// another report that matches both sides makes it likelier that the two
// state the same fact in different words. Pairs are then merged into rows strongest first, under
// constraints: a row holds at most two sentences of one report and only
// when they are adjacent (one sentence of another report covers both), and
// the average similarity between the two groups being merged must stay
// high, so that chains of loosely related sentences do not collapse into
// one row. Ties are broken by report name and sentence index, never by the
// order the reports were given in, so the rows do not depend on it.

// Alignment parameters, set on the labelled events in testdata/events.
var (
	edgeMin          = 0.17 // lowest cosine for a candidate pair
	bestShare        = 0.55 // a pair must be this close to each side's best match
	mergeAvg         = 0.12 // lowest average cosine between two groups merged
	splitMin         = 0.2  // lowest cosine for each half of a 1-2 split
	headlineUp       = 1.6  // headlines of different reports lean together
	headlineDown     = 0.5  // and away from body sentences
	headlineMin      = 0.04 // headlines sharing this much are taken as one row
	leadUp           = 1.3  // lead sentences (the first after the headline) lean together
	positionUp       = 0.15 // sentences at the same relative place gain up to this share
	supportUp        = 0.9  // weight of the support a pair draws from third reports
	supportMin       = 0.15 // lowest similarity of a pair that lends support
	supportShare     = 0.4  // and only when this close to the sentence's best match in that report
	vocabFieldWeight = 0.3  // weight of a shared field of the vocabulary against a shared word
	yearApart        = 0.5  // sentences naming different years are this much less alike
	metaApart        = 0.3  // and a sentence about the reporting against one about the event
	figureUp         = 1.3  // sentences giving one figure are this much more alike
)

// cand is a candidate pair: indices into the list of all sentences.
type cand struct {
	a, b int32
	sim  float64
}

type edge struct {
	a, b *sent
	sim  float64
}

// weigh computes the tf-idf vector of every sentence: key ids with their
// weights, sorted by key, normalised to unit length.
func (p *pipeline) weigh() {
	ids := map[string]int32{}
	var df []int
	var counts []float64 // by key id, zero between sentences
	var keys []int32
	n := 0
	for _, ss := range p.sents {
		for _, s := range ss {
			s.gid = n
			n++
			keys = keys[:0]
			for _, k := range p.keys(s) {
				id, ok := ids[k]
				if !ok {
					id = int32(len(df))
					ids[k] = id
					df = append(df, 0)
					counts = append(counts, 0)
				}
				if counts[id] == 0 {
					df[id]++
					keys = append(keys, id)
				}
				counts[id]++
			}
			slices.Sort(keys)
			s.vec = make([]kw, len(keys))
			for i, id := range keys {
				s.vec[i] = kw{id, counts[id]}
				counts[id] = 0
			}
		}
	}
	p.df = df
	p.nSents = n
	boosted := make([]bool, len(df))
	damped := make([]bool, len(df))
	for k, id := range ids {
		boosted[id] = strings.HasPrefix(k, "#") || strings.HasPrefix(k, "@")
		damped[id] = strings.HasPrefix(k, "%v:")
	}
	for _, ss := range p.sents {
		for _, s := range ss {
			var sum float64
			for i, e := range s.vec {
				w := (1 + math.Log(e.w)) * math.Log(1+float64(n)/float64(df[e.key]))
				if boosted[e.key] {
					w *= 1.3
				}
				if damped[e.key] {
					w *= vocabFieldWeight
				}
				s.vec[i].w = w
				sum += w * w
			}
			if norm := math.Sqrt(sum); norm > 0 {
				for i := range s.vec {
					s.vec[i].w /= norm
				}
			}
		}
	}
}

// adjust weighs the cosine of two sentences by where they stand: headlines
// lean towards headlines and away from the body, lead sentences towards
// each other, and sentences at the same relative place a little together.
func (p *pipeline) adjust(a, b *sent, v float64) float64 {
	v *= 1 + positionUp*(1-math.Abs(p.relPos(a)-p.relPos(b)))
	switch {
	case a.index == 0 && b.index == 0:
		v *= headlineUp
		if v >= headlineMin && v < edgeMin {
			v = edgeMin
		}
	case a.index == 0 || b.index == 0:
		v *= headlineDown
	case a.index == 1 && b.index == 1:
		v *= leadUp
	}
	// Two sentences that each name years, none in common, tell of
	// different times: "the first since 1932" is not "the next in 2044".
	if len(a.years) > 0 && len(b.years) > 0 && !shareYear(a.years, b.years) {
		v *= yearApart
	}
	// A line about the reporting itself ("did not immediately respond to a
	// request for comment", "This story has been updated") shares names
	// with the facts around it but states none of them.
	if a.meta != b.meta {
		v *= metaApart
	}
	if shareFigure(a.figs, b.figs) {
		v *= figureUp
	}
	return v
}

// shareFigure reports whether two sentences give one figure of 10 or more
// (not a year): the same count is likely the same fact.
func shareFigure(a, b []float64) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// metaRE finds the sentences of a report about its own reporting.
var metaRE = regexp.MustCompile(`(?i)(?:did not|didn't|has not|hasn't|have not|haven't)(?: immediately)? (?:respond|reply|return)|not immediately (?:respond|reply|available|clear)|(?:no|declined to|refused to) (?:immediate )?comment|could not be (?:reached|contacted)|requests? for comment|this (?:story|article|report) (?:has been|was|will be) updated|contributed (?:reporting|to this report)|^\(?(?:reporting|editing|writing) by`)

// isMeta reports whether a sentence is about the reporting rather than the
// event.
func isMeta(text string) bool {
	lower := strings.ToLower(text)
	for _, w := range metaWords {
		if strings.Contains(lower, w) {
			return metaRE.MatchString(text)
		}
	}
	return false
}

// metaWords are the words one of which every match of metaRE holds: most
// sentences hold none, and the expression need not run on them.
var metaWords = []string{"respond", "reply", "return", "immediately", "comment", "reached", "contacted", "updated", "contributed", "reporting by", "editing by", "writing by"}

func shareYear(a, b []int) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

// yearsOf lists the years a sentence names: four-digit figures from 1900
// to 2100.
func yearsOf(toks []token) []int {
	var out []int
	for _, t := range toks {
		if !t.num || len(t.lower) != 4 || !isDigitStart(t.lower) {
			continue
		}
		if v, err := strconv.Atoi(t.lower); err == nil && v >= 1900 && v <= 2100 {
			out = append(out, v)
		}
	}
	return out
}

// sim is the adjusted similarity of two sentences.
func (p *pipeline) sim(a, b *sent) float64 { return p.adjust(a, b, cosine(a, b)) }

// relPos is the place of a sentence in its report, from 0 to 1.
func (p *pipeline) relPos(s *sent) float64 {
	n := len(p.sents[s.report])
	if n < 2 {
		return 0
	}
	return float64(s.index) / float64(n-1)
}

// kw is one key of a sentence vector with its weight.
type kw struct {
	key int32
	w   float64
}

// keys lists the comparison keys of a sentence: content-word stems,
// numbers, concepts of neutral synonyms, semantic fields and lexicon
// referents.
func (p *pipeline) keys(s *sent) []string {
	var keys []string
	for _, t := range s.toks {
		if !t.content || t.key == "" {
			continue
		}
		if c, ok := alignConcepts[t.lower]; ok {
			keys = append(keys, c)
		} else {
			keys = append(keys, t.key)
		}
		// Words of one semantic field ("raid", "operation") stand for the
		// same thing in two reports of one event.
		for _, f := range fieldOf[t.key] {
			keys = append(keys, "%"+f)
		}
	}
	for _, h := range p.hitsIn(s) {
		keys = append(keys, "@"+h.Entry.ID)
	}
	return keys
}

// align groups the sentences of all reports into rows.
func (p *pipeline) align(ctx context.Context, links []Link, unlinks []SentenceRef) error {
	p.weigh()
	unlinked := map[*sent]bool{}
	for _, u := range unlinks {
		if s := p.sentAt(u); s != nil {
			unlinked[s] = true
		}
	}
	edges, err := p.candidates(ctx, unlinked)
	if err != nil {
		return err
	}
	uf := newGroups(p.sents)
	// The headlines of reports on one event name its main fact: they make
	// one row, however differently they word it.
	var heads []*sent
	for r, ss := range p.sents {
		if len(ss) > 0 && !unlinked[ss[0]] && p.isHeadline(r) {
			heads = append(heads, ss[0])
		}
	}
	for i := 1; i < len(heads); i++ {
		uf.union(heads[0], heads[i])
	}
	for _, l := range links {
		a, b := p.sentAt(l.A), p.sentAt(l.B)
		if a != nil && b != nil && a.report != b.report {
			uf.union(a, b)
		}
	}
	// Two large groups are joined by many edges: a refusal holds until
	// either group changes, which its size tells.
	type refusal struct{ na, nb int }
	refused := map[[2]int]refusal{}
	for _, e := range edges {
		ga, gb := uf.find(e.a), uf.find(e.b)
		if ga == gb {
			continue
		}
		if ga > gb {
			ga, gb = gb, ga
		}
		na, nb := len(uf.members[ga]), len(uf.members[gb])
		if r, ok := refused[[2]int{ga, gb}]; ok && r.na == na && r.nb == nb {
			continue
		}
		if !p.canMerge(uf, ga, gb) {
			refused[[2]int{ga, gb}] = refusal{na, nb}
			continue
		}
		uf.union(e.a, e.b)
	}
	p.rows = p.order(uf)
	return nil
}

// isHeadline reports whether the first sentence of report r is a
// headline: a line of its own, without a final full stop, that ingest took
// for the title.
func (p *pipeline) isHeadline(r int) bool {
	ss := p.sents[r]
	if len(ss) == 0 {
		return false
	}
	d, s := p.docs[r], ss[0]
	text := strings.TrimSpace(d.Text[s.tstart:s.tend])
	if text == "" || strings.HasSuffix(text, ".") {
		return false
	}
	if rest := strings.TrimLeft(d.Text[s.tend:], " \t\r"); rest != "" && !strings.HasPrefix(rest, "\n") {
		return false
	}
	return strings.Join(strings.Fields(d.Title), " ") == strings.Join(strings.Fields(text), " ")
}

func (p *pipeline) sentAt(r SentenceRef) *sent {
	if r.Report < 0 || r.Report >= len(p.sents) || r.Sentence < 0 || r.Sentence >= len(p.sents[r.Report]) {
		return nil
	}
	return p.sents[r.Report][r.Sentence]
}

// cosine of two normalised sparse vectors.
func cosine(a, b *sent) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(a.vec) && j < len(b.vec) {
		switch {
		case a.vec[i].key < b.vec[j].key:
			i++
		case a.vec[i].key > b.vec[j].key:
			j++
		default:
			dot += a.vec[i].w * b.vec[j].w
			i++
			j++
		}
	}
	return dot
}

// candidates returns the candidate pairs, strongest first, in an order that
// does not depend on the order of the reports. Scores are accumulated
// through an inverted index of keys, one sentence at a time; keys found in
// a large share of all sentences carry little weight and are skipped to
// keep the work near-linear.
func (p *pipeline) candidates(ctx context.Context, unlinked map[*sent]bool) ([]edge, error) {
	all := make([]*sent, 0, p.nSents)
	for _, ss := range p.sents {
		all = append(all, ss...)
	}
	type posting struct {
		gid int32
		w   float64
	}
	index := make([][]posting, len(p.df))
	for _, s := range all {
		if unlinked[s] {
			continue
		}
		for _, e := range s.vec {
			index[e.key] = append(index[e.key], posting{int32(s.gid), e.w})
		}
	}
	maxDF := len(all)
	if len(all) > 400 {
		maxDF = len(all) / 40
	}
	nr := len(p.sents)
	bestOf := make([]float64, len(all)*nr) // sentence x other report -> best score
	acc := make([]float64, len(all))
	var touched []int32
	var cands []cand
	for ai, a := range all {
		if ai%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, fmt.Errorf("aligning: %w", err)
			}
		}
		if unlinked[a] {
			continue
		}
		for _, e := range a.vec {
			post := index[e.key]
			if len(post) < 2 || len(post) > maxDF {
				continue
			}
			for _, pb := range post {
				if int(pb.gid) <= ai || all[pb.gid].report == a.report {
					continue
				}
				if acc[pb.gid] == 0 {
					touched = append(touched, pb.gid)
				}
				acc[pb.gid] += e.w * pb.w
			}
		}
		for _, bi := range touched {
			v := acc[bi]
			acc[bi] = 0
			b := all[bi]
			v = p.adjust(a, b, v)
			if v < min(edgeMin, supportMin) {
				continue
			}
			cands = append(cands, cand{int32(ai), bi, v})
		}
		touched = touched[:0]
	}
	// Each pair gains the support of the third reports, then weak pairs go.
	for i, sup := range supports(all, nr, cands) {
		cands[i].sim += supportUp * sup
	}
	kept := cands[:0]
	for _, c := range cands {
		if c.sim < edgeMin {
			continue
		}
		kept = append(kept, c)
		if k := int(c.a)*nr + all[c.b].report; c.sim > bestOf[k] {
			bestOf[k] = c.sim
		}
		if k := int(c.b)*nr + all[c.a].report; c.sim > bestOf[k] {
			bestOf[k] = c.sim
		}
	}
	var edges []edge
	for _, c := range kept {
		a, b := all[c.a], all[c.b]
		if c.sim < bestShare*bestOf[int(c.a)*nr+b.report] || c.sim < bestShare*bestOf[int(c.b)*nr+a.report] {
			continue
		}
		if p.less(b, a) {
			a, b = b, a
		}
		edges = append(edges, edge{a, b, c.sim})
	}
	sort.Slice(edges, func(i, j int) bool {
		if edges[i].sim != edges[j].sim {
			return edges[i].sim > edges[j].sim
		}
		if edges[i].a != edges[j].a {
			return p.less(edges[i].a, edges[j].a)
		}
		return p.less(edges[i].b, edges[j].b)
	})
	return edges, nil
}

// supports measures how far third reports back each pair of sentences:
// when a sentence of a third report matches both a and b, the three most
// likely state one fact even if a and b share few words ("Beijing said it
// reserved the right to respond" and "China will ... reserve the right to
// make further necessary responses" meet through "It said China reserved
// the right to take further action"). For each third report the best such
// sentence counts with the weaker of its two similarities; the support of
// a pair is the mean over all third reports, so that it does not grow with
// the number of reports. Only pairs of at least supportMin lend support.
// With two reports there is no support.
func supports(all []*sent, nr int, cands []cand) []float64 {
	out := make([]float64, len(cands))
	if nr < 3 {
		return out
	}
	type nbr struct {
		gid int32
		sim float64
	}
	// Only a sentence's near-best matches in each report lend support:
	// weak alternatives are noise, and skipping them keeps large cases fast.
	top := make([]float64, len(all)*nr)
	for _, c := range cands {
		ka, kb := int(c.a)*nr+all[c.b].report, int(c.b)*nr+all[c.a].report
		top[ka] = max(top[ka], c.sim)
		top[kb] = max(top[kb], c.sim)
	}
	near := make([][]nbr, len(all))
	for _, c := range cands {
		if c.sim < supportMin {
			continue
		}
		if c.sim >= supportShare*top[int(c.a)*nr+all[c.b].report] {
			near[c.a] = append(near[c.a], nbr{c.b, c.sim})
		}
		if c.sim >= supportShare*top[int(c.b)*nr+all[c.a].report] {
			near[c.b] = append(near[c.b], nbr{c.a, c.sim})
		}
	}
	for _, ns := range near {
		sort.Slice(ns, func(i, j int) bool { return ns[i].gid < ns[j].gid })
	}
	best := make([]float64, nr)
	var touched []int
	var vals []float64
	for i, c := range cands {
		na, nb := near[c.a], near[c.b]
		for j, k := 0, 0; j < len(na) && k < len(nb); {
			switch {
			case na[j].gid < nb[k].gid:
				j++
			case na[j].gid > nb[k].gid:
				k++
			default:
				r := all[na[j].gid].report
				if best[r] == 0 {
					touched = append(touched, r)
				}
				best[r] = max(best[r], min(na[j].sim, nb[k].sim))
				j++
				k++
			}
		}
		if len(touched) == 0 {
			continue
		}
		// Summed in value order, so that the result does not depend on
		// the order of the reports.
		vals = vals[:0]
		for _, r := range touched {
			vals = append(vals, best[r])
			best[r] = 0
		}
		touched = touched[:0]
		sort.Float64s(vals)
		var sum float64
		for _, v := range vals {
			sum += v
		}
		out[i] = sum / float64(nr-2)
	}
	return out
}

// less orders sentences by report name, then index: independent of the
// order reports were given in.
func (p *pipeline) less(a, b *sent) bool {
	if a.report != b.report {
		na, nb := p.docs[a.report].Name, p.docs[b.report].Name
		if na != nb {
			return na < nb
		}
		return a.report < b.report
	}
	return a.index < b.index
}

// canMerge says whether two groups may become one row.
func (p *pipeline) canMerge(uf *groups, ga, gb int) bool {
	ma, mb := uf.members[ga], uf.members[gb]
	// At most two sentences of one report, adjacent, and only when the
	// other side holds a single sentence of some report that covers both.
	per := map[int][]*sent{}
	for _, s := range ma {
		per[s.report] = append(per[s.report], s)
	}
	for _, s := range mb {
		per[s.report] = append(per[s.report], s)
	}
	for r, ss := range per {
		if len(ss) == 1 {
			continue
		}
		if len(ss) > 2 {
			return false
		}
		x, y := ss[0], ss[1]
		if x.index > y.index {
			x, y = y, x
		}
		if y.index != x.index+1 {
			return false
		}
		// Both halves must match a sentence of another report well.
		if !p.coversSplit(r, x, y, append(append([]*sent{}, ma...), mb...)) {
			return false
		}
	}
	var sum float64
	var n int
	for _, a := range ma {
		for _, b := range mb {
			if a.report == b.report {
				continue
			}
			sum += p.sim(a, b)
			n++
		}
	}
	return n == 0 || sum/float64(n) >= mergeAvg
}

// coversSplit reports whether some sentence of another report in the group
// matches both halves x and y of report r.
func (p *pipeline) coversSplit(r int, x, y *sent, group []*sent) bool {
	for _, o := range group {
		if o.report == r {
			continue
		}
		if p.sim(o, x) >= splitMin && p.sim(o, y) >= splitMin {
			return true
		}
	}
	return false
}

// order turns groups into rows in reading order: the rows of the first
// report in its order, then each further report's rows inserted after the
// row of the sentence that precedes them in that report.
func (p *pipeline) order(uf *groups) []Row {
	const none = -1
	next := map[int]int{} // group id -> next group id in reading order
	placed := map[int]bool{}
	head := none
	for _, ss := range p.sents {
		last := none
		for _, s := range ss {
			g := uf.find(s)
			if placed[g] {
				last = g
				continue
			}
			placed[g] = true
			if last == none {
				next[g] = head
				head = g
			} else {
				next[g] = next[last]
				next[last] = g
			}
			last = g
		}
	}
	var rows []Row
	for g := head; g != none; g = next[g] {
		cells := make([][]int, len(p.sents))
		for r := range cells {
			cells[r] = []int{}
		}
		for _, s := range uf.members[g] {
			cells[s.report] = append(cells[s.report], s.index)
		}
		for _, c := range cells {
			sort.Ints(c)
		}
		rows = append(rows, Row{Cells: cells})
	}
	return rows
}

// groups is a union-find over sentences that keeps each group's members.
type groups struct {
	id      map[*sent]int
	parent  []int
	members [][]*sent
}

func newGroups(all [][]*sent) *groups {
	g := &groups{id: map[*sent]int{}}
	for _, ss := range all {
		for _, s := range ss {
			g.id[s] = len(g.parent)
			g.parent = append(g.parent, len(g.parent))
			g.members = append(g.members, []*sent{s})
		}
	}
	return g
}

func (g *groups) find(s *sent) int {
	x := g.id[s]
	for g.parent[x] != x {
		g.parent[x] = g.parent[g.parent[x]]
		x = g.parent[x]
	}
	return x
}

func (g *groups) union(a, b *sent) {
	x, y := g.find(a), g.find(b)
	if x == y {
		return
	}
	if len(g.members[x]) < len(g.members[y]) {
		x, y = y, x
	}
	g.parent[y] = x
	g.members[x] = append(g.members[x], g.members[y]...)
	g.members[y] = nil
}
