package lexicon

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Match is one hit of a term in a text.
type Match struct {
	Entry *Entry
	// Term is the index of the term in Entry.Terms.
	Term int
	// Start and End are byte offsets into the text given to Find, End
	// exclusive.
	Start, End int
}

// Matcher finds the terms of a lexicon's active entries in texts. It is
// safe for concurrent use.
type Matcher struct {
	c      *compiled
	active []bool
	ents   []*Entry
}

// entryPatterns is the compiled form of an entry.
type entryPatterns struct {
	terms   [][]*pattern
	except  []*pattern
	context []*pattern
}

// patErr is a pattern that did not compile: in list "terms" (item -1 is
// the term itself, otherwise an index into its Match), "context" or
// "exceptions".
type patErr struct {
	list string
	term int
	item int
	err  error
}

// stemSuffix returns the optional ending a stem may take: up to three
// letters of the script of the stem's last letter (Cyrillic for Russian and
// Ukrainian stems).
func stemSuffix(stem string) string {
	for i := len(stem); i > 0; {
		r, size := utf8.DecodeLastRuneInString(stem[:i])
		i -= size
		if !unicode.IsLetter(r) {
			continue
		}
		for _, script := range []string{"Cyrillic", "Latin", "Greek", "Armenian", "Georgian", "Arabic", "Hebrew"} {
			if unicode.Is(unicode.Scripts[script], r) {
				return `\p{` + script + `}{0,3}`
			}
		}
		break
	}
	return `\p{L}{0,3}`
}

// englishPlural returns the plural ending a literal English term may take:
// "es" after s, x, z, ch and sh, otherwise "s"; nothing for other
// languages or a term that does not end in a letter.
func englishPlural(lang, term string) string {
	if !isEnglish(lang) {
		return ""
	}
	last, _ := utf8.DecodeLastRuneInString(term)
	if !unicode.IsLetter(last) {
		return ""
	}
	lower := strings.ToLower(term)
	for _, end := range []string{"s", "x", "z", "ch", "sh"} {
		if strings.HasSuffix(lower, end) {
			return `(?:es)?`
		}
	}
	return `s?`
}

// source is a pattern of a term with the suffix to append to it.
type source struct{ pattern, suffix string }

// termSources returns the patterns of a term: its match patterns, or the
// term itself taken literally.
func termSources(lang string, t Term) []source {
	var out []source
	if len(t.Match) > 0 {
		for _, m := range t.Match {
			sfx := ""
			if t.Stem {
				sfx = stemSuffix(m)
			}
			out = append(out, source{m, sfx})
		}
		return out
	}
	words := strings.FieldsFunc(t.Term, func(r rune) bool { return inRanges(r, sepRanges) || r == '\n' })
	if len(words) == 0 {
		return nil
	}
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
		if t.Stem {
			words[i] += stemSuffix(w)
		}
	}
	sfx := ""
	if !t.Stem {
		sfx = englishPlural(lang, t.Term)
	}
	return []source{{strings.Join(words, " "), sfx}}
}

// compileEntry compiles the patterns of an entry.
func compileEntry(e *Entry) (*entryPatterns, []patErr) {
	ep := &entryPatterns{terms: make([][]*pattern, len(e.Terms))}
	var errs []patErr
	for ti, t := range e.Terms {
		for k, src := range termSources(e.Lang, t) {
			p, err := compilePattern(src.pattern, src.suffix, e.Lang, termPattern)
			if err != nil {
				item := k
				if len(t.Match) == 0 {
					item = -1
				}
				errs = append(errs, patErr{list: "terms", term: ti, item: item, err: err})
				continue
			}
			ep.terms[ti] = append(ep.terms[ti], p)
		}
	}
	for k, src := range e.Exceptions {
		p, err := compilePattern(src, "", e.Lang, exceptionPattern)
		if err != nil {
			errs = append(errs, patErr{list: "exceptions", item: k, err: err})
			continue
		}
		ep.except = append(ep.except, p)
	}
	for k, src := range e.Context {
		p, err := compilePattern(src, "", e.Lang, contextPattern)
		if err != nil {
			errs = append(errs, patErr{list: "context", item: k, err: err})
			continue
		}
		ep.context = append(ep.context, p)
	}
	return ep, errs
}

// patRef places a compiled term or exception pattern.
type patRef struct {
	p     *pattern
	entry int
	term  int // -1 for an exception
}

// compiled is the compiled form of a lexicon.
type compiled struct {
	entries []*Entry
	eps     []*entryPatterns // nil for an entry that failed to compile

	pats   []patRef
	idx    *litIndex // literals of pats
	always []int32   // pats without literals

	ctx       []patRef // context patterns (term unused)
	ctxIdx    *litIndex
	ctxAlways []int32
}

// compile compiles the lexicon once and returns the result.
func (l *Lexicon) compile() *compiled {
	l.once.Do(func() {
		// A copy of the bundled lexicon that nobody changed shares its
		// compiled form: every comparison starts from such a copy.
		if b := bundledLex; b != nil && b != l && sameEntries(l.Entries, b.Entries) {
			l.comp = b.compile()
			return
		}
		l.comp = buildCompiled(l.Entries)
	})
	return l.comp
}

func sameEntries(a, b []*Entry) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func buildCompiled(entries []*Entry) *compiled {
	c := &compiled{idx: newLitIndex(), ctxIdx: newLitIndex()}
	for _, e := range entries {
		if e == nil {
			continue
		}
		ep := e.pats
		if ep == nil {
			var errs []patErr
			ep, errs = compileEntry(e)
			if len(errs) > 0 {
				continue // only entries built in code can fail here
			}
		}
		ei := len(c.entries)
		c.entries = append(c.entries, e)
		c.eps = append(c.eps, ep)
		add := func(p *pattern, term int) {
			id := int32(len(c.pats))
			c.pats = append(c.pats, patRef{p: p, entry: ei, term: term})
			if !c.idx.addPattern(id, p.lits) {
				c.always = append(c.always, id)
			}
		}
		for ti, ps := range ep.terms {
			for _, p := range ps {
				add(p, ti)
			}
		}
		for _, p := range ep.except {
			add(p, -1)
		}
		for _, p := range ep.context {
			id := int32(len(c.ctx))
			c.ctx = append(c.ctx, patRef{p: p, entry: ei})
			if !c.ctxIdx.addPattern(id, p.lits) {
				c.ctxAlways = append(c.ctxAlways, id)
			}
		}
	}
	return c
}

// owner is a pattern and one of its required literal sets, packed as
// pattern<<3 | set.
type owner int32

func (o owner) pattern() int32 { return int32(o) >> 3 }
func (o owner) set() int       { return int(o) & 7 }

// litIndex finds many case-folded literals (each at least two bytes long)
// in one pass, bucketed by their first two bytes.
type litIndex struct {
	lits    []string
	owners  [][]owner
	nsets   map[int32]int // pattern -> number of required sets
	ids     map[string]int32
	buckets [256]*[256][]int32 // first byte, second byte -> literals starting so
	// tri has a bit for the first three bytes of every literal of three
	// bytes or more, short one for each pair of first bytes that starts a
	// literal of two: most places where a pair matches are passed over on
	// the third byte.
	tri   [1 << 10]uint64
	short [1 << 10]uint64
	bits  [1 << 10]uint64
}

func newLitIndex() *litIndex {
	return &litIndex{ids: map[string]int32{}, nsets: map[int32]int{}}
}

// addPattern indexes the required literal sets of pattern id; it reports
// false when there are none.
func (x *litIndex) addPattern(id int32, sets [][]string) bool {
	if len(sets) == 0 {
		return false
	}
	x.nsets[id] = len(sets)
	for si, set := range sets {
		for _, s := range set {
			x.add(s, owner(id<<3|int32(si)))
		}
	}
	return true
}

// triHash maps three bytes to one of 1<<16 bits.
func triHash(a, b, c byte) uint32 {
	return (uint32(a)*0x9E3779B1 ^ uint32(b)*0x85EBCA77 ^ uint32(c)*0xC2B2AE3D) >> 16
}

// add indexes one literal for an owner.
func (x *litIndex) add(lit string, o owner) {
	id, ok := x.ids[lit]
	if !ok {
		id = int32(len(x.lits))
		x.ids[lit] = id
		x.lits = append(x.lits, lit)
		x.owners = append(x.owners, nil)
		k := uint16(lit[0])<<8 | uint16(lit[1])
		b := x.buckets[k>>8]
		if b == nil {
			b = new([256][]int32)
			x.buckets[k>>8] = b
		}
		b[k&0xff] = append(b[k&0xff], id)
		if len(lit) >= 3 {
			h := triHash(lit[0], lit[1], lit[2])
			x.tri[h>>6] |= 1 << (h & 63)
		} else {
			x.short[k>>6] |= 1 << (k & 63)
		}
		x.bits[k>>6] |= 1 << (k & 63)
	}
	if os := x.owners[id]; len(os) == 0 || os[len(os)-1] != o {
		x.owners[id] = append(os, o)
	}
}

// scan calls fn for every occurrence of a literal in s.
func (x *litIndex) scan(s string, fn func(lit int32, pos int)) {
	for i := 0; i+1 < len(s); i++ {
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if x.bits[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		if x.short[k>>6]&(1<<(k&63)) == 0 {
			if i+2 >= len(s) {
				continue
			}
			if h := triHash(s[i], s[i+1], s[i+2]); x.tri[h>>6]&(1<<(h&63)) == 0 {
				continue
			}
		}
		for _, id := range x.buckets[k>>8][k&0xff] {
			if strings.HasPrefix(s[i:], x.lits[id]) {
				fn(id, i)
			}
		}
	}
}

// Matcher compiles the lexicon (once; later calls reuse the compiled
// patterns) and returns a matcher for one case. caseTexts are the texts of
// all reports of the case: an entry with context patterns is active only
// when one of them occurs in one of these texts. Entries whose patterns do
// not compile (possible only for entries built in code) are left out.
func (l *Lexicon) Matcher(caseTexts ...string) *Matcher {
	if l == nil {
		return &Matcher{}
	}
	c := l.compile()
	m := &Matcher{c: c, active: make([]bool, len(c.entries))}
	gated := false
	for i, ep := range c.eps {
		if len(ep.context) == 0 {
			m.active[i] = true
		} else {
			gated = true
		}
	}
	if gated {
		seen := make([]uint8, len(c.ctx)) // bit per required set found
		occs := make([][]occurrence, len(c.ctx))
		for _, t := range caseTexts {
			folded, offs := foldText(t)
			orig := func(i int) int {
				if offs == nil {
					return i
				}
				return offs[i]
			}
			clear(seen)
			for i := range occs {
				occs[i] = occs[i][:0]
			}
			c.ctxIdx.scan(folded, func(lit int32, pos int) {
				for _, o := range c.ctxIdx.owners[lit] {
					id := o.pattern()
					if m.active[c.ctx[id].entry] {
						continue
					}
					seen[id] |= 1 << o.set()
					occs[id] = append(occs[id], occurrence{int32(id), o.set(), orig(pos), orig(pos + len(c.ctxIdx.lits[lit]))})
				}
			})
			for id, r := range c.ctx {
				if m.active[r.entry] {
					continue
				}
				n, indexed := c.ctxIdx.nsets[int32(id)]
				switch {
				case !indexed:
					// No literal to look for: the whole text is searched.
					m.active[r.entry] = r.p.regexp().MatchString(t)
				case seen[id] == 1<<n-1:
					// Search only around the literals found, as Find does.
					os := occs[id]
					slices.SortFunc(os, func(a, b occurrence) int {
						if a.set != b.set {
							return a.set - b.set
						}
						return a.start - b.start
					})
					if g := rarestSet(os, n); g != nil && len(runPattern(t, r.p, g)) > 0 {
						m.active[r.entry] = true
					}
				}
			}
		}
	}
	for i, e := range c.entries {
		if m.active[i] {
			m.ents = append(m.ents, e)
		}
	}
	return m
}

// Entries returns the entries the matcher uses: those that compiled and
// passed their context gate, in lexicon order.
func (m *Matcher) Entries() []*Entry {
	if m == nil {
		return nil
	}
	return append([]*Entry(nil), m.ents...)
}

// occurrence is where a literal of a required set of a pattern occurs, in
// bytes of the original text; start < 0 asks for the whole text.
type occurrence struct {
	pat        int32
	set        int
	start, end int
}

// Find returns all hits of the active entries' terms in text: hits inside
// an exception of their entry are dropped; of overlapping hits the longest
// is kept (on a tie, the earlier entry and term); the result is in text
// order.
func (m *Matcher) Find(text string) []Match {
	if m == nil || m.c == nil || text == "" || len(m.ents) == 0 {
		return nil
	}
	c := m.c
	folded, offs := foldText(text)
	orig := func(i int) int {
		if offs == nil {
			return i
		}
		return offs[i]
	}
	var occs []occurrence
	c.idx.scan(folded, func(lit int32, pos int) {
		for _, o := range c.idx.owners[lit] {
			if id := o.pattern(); m.active[c.pats[id].entry] {
				occs = append(occs, occurrence{id, o.set(), orig(pos), orig(pos + len(c.idx.lits[lit]))})
			}
		}
	})
	for _, id := range c.always {
		if m.active[c.pats[id].entry] {
			occs = append(occs, occurrence{id, 0, -1, -1})
		}
	}
	if len(occs) == 0 {
		return nil
	}
	slices.SortFunc(occs, func(a, b occurrence) int {
		if a.pat != b.pat {
			return int(a.pat - b.pat)
		}
		if a.set != b.set {
			return a.set - b.set
		}
		return a.start - b.start
	})
	// For each pattern whose every required set occurs, keep the
	// occurrences of its rarest set.
	var groups [][]occurrence
	for i := 0; i < len(occs); {
		j := i + 1
		for j < len(occs) && occs[j].pat == occs[i].pat {
			j++
		}
		if g := rarestSet(occs[i:j], c.idx.nsets[occs[i].pat]); g != nil {
			groups = append(groups, g)
		}
		i = j
	}
	type cand struct {
		Match
		entry int
	}
	var cands []cand
	hit := map[int]bool{}
	for _, g := range groups {
		r := c.pats[g[0].pat]
		if r.term < 0 {
			continue
		}
		for _, sp := range runPattern(text, r.p, g) {
			cands = append(cands, cand{Match{Entry: c.entries[r.entry], Term: r.term, Start: sp[0], End: sp[1]}, r.entry})
			hit[r.entry] = true
		}
	}
	if len(cands) == 0 {
		return nil
	}
	except := map[int][][2]int{}
	for _, g := range groups {
		r := c.pats[g[0].pat]
		if r.term >= 0 || !hit[r.entry] {
			continue
		}
		except[r.entry] = append(except[r.entry], runPattern(text, r.p, g)...)
	}
	if len(except) > 0 {
		kept := cands[:0]
		for _, cd := range cands {
			inside := false
			for _, sp := range except[cd.entry] {
				if sp[0] <= cd.Start && cd.End <= sp[1] {
					inside = true
					break
				}
			}
			if !inside {
				kept = append(kept, cd)
			}
		}
		cands = kept
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if la, lb := a.End-a.Start, b.End-b.Start; la != lb {
			return la > lb
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.entry != b.entry {
			return a.entry < b.entry
		}
		return a.Term < b.Term
	})
	var out []Match
	for _, cd := range cands {
		i := sort.Search(len(out), func(k int) bool { return out[k].Start >= cd.End })
		if i > 0 && out[i-1].End > cd.Start {
			continue
		}
		out = slices.Insert(out, i, cd.Match)
	}
	return out
}

// rarestSet returns the occurrences of the required set of a pattern that
// occurs least often, or nil when one of its nsets sets does not occur. occs
// are the pattern's occurrences sorted by set.
func rarestSet(occs []occurrence, nsets int) []occurrence {
	if occs[0].start < 0 {
		return occs[:1]
	}
	var best []occurrence
	found := 0
	for i := 0; i < len(occs); {
		j := i + 1
		for j < len(occs) && occs[j].set == occs[i].set {
			j++
		}
		found++
		if best == nil || j-i < len(best) {
			best = occs[i:j]
		}
		i = j
	}
	if found < nsets {
		return nil
	}
	return best
}

// runPattern returns the spans of the hits of p in text, searching windows
// around the given literal occurrences (sorted by start): a match is at most
// p.maxRunes runes long and contains one of them.
func runPattern(text string, p *pattern, occs []occurrence) [][2]int {
	if p.literal && occs[0].start >= 0 {
		var out [][2]int
		for _, o := range occs {
			if o.end <= o.start || len(out) > 0 && o.start < out[len(out)-1][1] {
				continue
			}
			if p.bound && (!startOK(text, o.start) || !endOK(text, o.end)) {
				continue
			}
			out = append(out, [2]int{o.start, o.end})
		}
		return out
	}
	var wins [][2]int
	if p.maxRunes == unbounded || occs[0].start < 0 {
		wins = [][2]int{{0, len(text)}}
	} else {
		for _, o := range occs {
			ws, we := runesBack(text, o.start, p.maxRunes), runesForward(text, o.end, p.maxRunes)
			if n := len(wins); n > 0 && ws <= wins[n-1][1] {
				wins[n-1][1] = max(wins[n-1][1], we)
				continue
			}
			wins = append(wins, [2]int{ws, we})
		}
	}
	var out [][2]int
	re := p.regexp()
	for _, w := range wins {
		pos, end := w[0], w[1]
		for pos < end {
			loc := re.FindStringIndex(text[pos:end])
			if loc == nil {
				break
			}
			s, e := pos+loc[0], pos+loc[1]
			ok := e > s
			if ok && p.bound {
				if !startOK(text, s) {
					ok = false
				} else if !endOK(text, e) {
					e = shorterHit(text, re, s, e)
					ok = e > s
				}
			}
			if !ok {
				_, size := utf8.DecodeRuneInString(text[s:])
				pos = s + max(size, 1)
				continue
			}
			out = append(out, [2]int{s, e})
			pos = e
		}
	}
	return out
}

// shorterHit looks for a match of re starting at s that ends on a word
// boundary before e, the end of a match that does not; it returns its end,
// or -1.
func shorterHit(text string, re *regexp.Regexp, s, e int) int {
	for b := e - 1; b > s; b-- {
		if !utf8.RuneStart(text[b]) || !endOK(text, b) {
			continue
		}
		loc := re.FindStringIndex(text[s:b])
		if loc == nil || loc[0] != 0 {
			return -1
		}
		if end := s + loc[1]; end > s && endOK(text, end) {
			return end
		} else if end > s {
			b = end
		}
	}
	return -1
}

// startOK reports whether a hit may start at i: it does not cut a word.
func startOK(text string, i int) bool {
	if i == 0 || i >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	at, _ := utf8.DecodeRuneInString(text[i:])
	return !isWord(before) || !isWord(at)
}

// endOK reports whether a hit may end at i: it does not cut a word.
func endOK(text string, i int) bool {
	if i <= 0 || i >= len(text) {
		return true
	}
	before, _ := utf8.DecodeLastRuneInString(text[:i])
	at, _ := utf8.DecodeRuneInString(text[i:])
	return !isWord(before) || !isWord(at)
}

// runesBack returns the offset n runes before offset i (a rune start).
func runesBack(text string, i, n int) int {
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(text[:i])
		i -= size
	}
	return i
}

// runesForward returns the offset n runes after offset i (a rune start).
func runesForward(text string, i, n int) int {
	for ; n > 0 && i < len(text); n-- {
		_, size := utf8.DecodeRuneInString(text[i:])
		i += size
	}
	return i
}
