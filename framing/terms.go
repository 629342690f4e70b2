package framing

import (
	"sort"

	"framelens/framing/lexicon"
)

// terminology builds the terminology summary: for every contested referent
// named anywhere in the case, which terms each report uses, how often and
// in which rows.
func (p *pipeline) terminology() {
	rowOf := make([][]int, len(p.sents)) // report -> sentence -> row
	for r := range p.sents {
		rowOf[r] = make([]int, len(p.sents[r]))
	}
	for ri, row := range p.rows {
		for r, idx := range row.Cells {
			for _, i := range idx {
				rowOf[r][i] = ri
			}
		}
	}
	type key struct {
		report int
		term   string
	}
	byID := map[string]map[key]*TermCount{}
	for r, hs := range p.hits {
		for _, h := range hs {
			if h.Entry.SingleSided() || h.Entry.Kind == lexicon.KindAttribution {
				continue
			}
			m := byID[h.Entry.ID]
			if m == nil {
				m = map[key]*TermCount{}
				byID[h.Entry.ID] = m
			}
			k := key{r, h.Entry.Terms[h.Term].Term}
			tc := m[k]
			if tc == nil {
				tc = &TermCount{Term: k.term, Rows: []int{}}
				m[k] = tc
			}
			tc.Count++
			row := p.rowAt(rowOf[r], h.Start, r)
			if row >= 0 && (len(tc.Rows) == 0 || tc.Rows[len(tc.Rows)-1] != row) {
				tc.Rows = append(tc.Rows, row)
			}
		}
	}
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		e := p.entry(id)
		tu := TermUsage{Referent: id, Description: e.Referent, Category: e.Category}
		for r := range p.docs {
			rt := ReportTerms{Report: r, Terms: []TermCount{}}
			for k, tc := range byID[id] {
				if k.report == r {
					sort.Ints(tc.Rows)
					rt.Terms = append(rt.Terms, *tc)
				}
			}
			sort.Slice(rt.Terms, func(i, j int) bool {
				if rt.Terms[i].Count != rt.Terms[j].Count {
					return rt.Terms[i].Count > rt.Terms[j].Count
				}
				return rt.Terms[i].Term < rt.Terms[j].Term
			})
			tu.Reports = append(tu.Reports, rt)
		}
		p.terms = append(p.terms, tu)
	}
}

// rowAt returns the row of the sentence holding text offset off of report
// r, or -1 when the offset lies between sentences.
func (p *pipeline) rowAt(rows []int, off, r int) int {
	ss := p.sents[r]
	i := sort.Search(len(ss), func(i int) bool { return ss[i].tend > off })
	if i < len(ss) && ss[i].tstart <= off {
		return rows[i]
	}
	return -1
}
