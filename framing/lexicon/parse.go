package lexicon

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// SchemaVersion is the version of the lexicon file format this package
// reads.
const SchemaVersion = 1

// Error is one problem found in a lexicon file.
type Error struct {
	// File is the name given to Parse.
	File string
	// Line is the 1-based line of the problem, or 0 when unknown.
	Line int
	// Entry is the id of the entry concerned, "#N" for the Nth entry when
	// its id is missing, or empty for a problem of the whole file.
	Entry string
	// Field is the path of the field concerned, such as "category" or
	// "terms[2].match[1]" (indices are 1-based), or empty.
	Field string
	// Problem says what is wrong.
	Problem string
}

// Error formats the problem as "FILE:LINE: entry ID field FIELD: PROBLEM".
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteString(":")
		b.WriteString(strconv.Itoa(e.Line))
	}
	b.WriteString(": ")
	if e.Entry != "" {
		b.WriteString("entry ")
		b.WriteString(e.Entry)
		if e.Field == "" {
			b.WriteString(": ")
		} else {
			b.WriteString(" ")
		}
	}
	if e.Field != "" {
		b.WriteString("field ")
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Problem)
	return b.String()
}

var (
	idRE     = regexp.MustCompile(`^[a-z0-9]+(?:[-_./][a-z0-9]+)*$`)
	slugRE   = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)
	langRE   = regexp.MustCompile(`^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)
	yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

var (
	topFields    = []string{"schema_version", "entries"}
	entryFields  = []string{"id", "lang", "domain", "category", "kind", "referent", "context", "terms", "exceptions", "note", "sources"}
	termFields   = []string{"term", "match", "used_by", "connotation", "neutral", "stem", "note"}
	sourceFields = []string{"title", "url"}
	kinds        = []string{KindContested, KindModifier, KindLoaded, KindAttribution}
)

type parser struct {
	name string
	errs []*Error
}

// add records a problem.
func (p *parser) add(line int, entry, field, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.name, Line: line, Entry: entry, Field: field, Problem: fmt.Sprintf(format, args...)})
}

// Parse reads a lexicon from YAML data; name identifies the file in error
// messages and becomes the Origin of the entries. Every entry is checked on
// its own: each problem is reported as an *Error naming the line and field,
// a bad entry is left out, and the good ones are kept. A YAML syntax error
// is a single error with its line. The returned lexicon is never nil.
func Parse(name string, data []byte) (*Lexicon, []error) {
	p := &parser{name: name}
	l := &Lexicon{}
	doc, err := decodeYAML(data)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		p.add(line, "", "", "YAML syntax: %s", msg)
		return l, p.errors()
	}
	if doc == nil || len(doc.Content) == 0 {
		p.add(0, "", "", "file is empty: a lexicon needs an entries list")
		return l, p.errors()
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		p.add(root.Line, "", "", "the file must be a mapping with the fields schema_version and entries")
		return l, p.errors()
	}
	var entries *yaml.Node
	p.fields(root, "", "", topFields, func(key string, _, val *yaml.Node) {
		switch key {
		case "schema_version":
			if v, err := strconv.Atoi(val.Value); val.Kind != yaml.ScalarNode || err != nil || v != SchemaVersion {
				p.add(val.Line, "", key, "must be %d", SchemaVersion)
			}
		case "entries":
			if val.Kind != yaml.SequenceNode {
				p.add(val.Line, "", key, "must be a list of entries")
				return
			}
			entries = val
		}
	})
	if entries == nil {
		if !p.has("", "entries") {
			p.add(root.Line, "", "entries", "missing: a lexicon needs an entries list")
		}
		return l, p.errors()
	}
	byKey := map[[2]string]*Entry{}
	byID := map[string]*Entry{}
	for i, n := range entries.Content {
		e, lines := p.entry(i, n)
		if e == nil {
			continue
		}
		if prev, ok := byKey[[2]string{e.ID, e.Lang}]; ok {
			p.add(lines["id"], e.ID, "id", "duplicate: an entry with this id and lang %s is already at line %d", e.Lang, prev.Line)
			continue
		}
		if first, ok := byID[e.ID]; ok {
			ok := true
			for _, f := range [][3]string{{"category", first.Category, e.Category}, {"domain", first.Domain, e.Domain}, {"kind", first.Kind, e.Kind}} {
				if f[1] != f[2] {
					p.add(lineOr(lines[f[0]], e.Line), e.ID, f[0], "is %q but the %s entry of the same id at line %d has %q", f[2], first.Lang, first.Line, f[1])
					ok = false
				}
			}
			if !ok {
				continue
			}
		} else {
			byID[e.ID] = e
		}
		byKey[[2]string{e.ID, e.Lang}] = e
		l.Entries = append(l.Entries, e)
	}
	return l, p.errors()
}

func lineOr(line, def int) int {
	if line > 0 {
		return line
	}
	return def
}

// has reports whether a problem was recorded for the field of the entry.
func (p *parser) has(entry, field string) bool {
	for _, e := range p.errs {
		if e.Entry == entry && e.Field == field {
			return true
		}
	}
	return false
}

// errors returns the problems sorted by line.
func (p *parser) errors() []error {
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool { return p.errs[i].Line < p.errs[j].Line })
	out := make([]error, len(p.errs))
	for i, e := range p.errs {
		out[i] = e
	}
	return out
}

// decodeYAML parses one YAML document into a node tree.
func decodeYAML(data []byte) (doc *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("yaml: cannot parse: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var n yaml.Node
	if err := dec.Decode(&n); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, err
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, fmt.Errorf("yaml: line %d: a lexicon file holds one YAML document; remove the second one", extra.Line)
	case !errors.Is(err, io.EOF):
		return nil, err
	}
	return &n, nil
}

// fields walks the key/value pairs of a mapping, reporting keys that are
// not scalars, unknown or given twice, and calls fn for the others.
func (p *parser) fields(n *yaml.Node, entry, prefix string, known []string, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.add(k.Line, entry, prefix, "field names must be plain words")
			continue
		}
		field := prefix + k.Value
		if prefix != "" {
			field = prefix + "." + k.Value
		}
		if first, ok := seen[k.Value]; ok {
			p.add(k.Line, entry, field, "given twice (first at line %d)", first)
			continue
		}
		seen[k.Value] = k.Line
		if !contains(known, k.Value) {
			msg := "unknown field"
			if s := suggest(k.Value, known); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			} else {
				msg += " (known fields: " + strings.Join(known, ", ") + ")"
			}
			p.add(k.Line, entry, field, "%s", msg)
			continue
		}
		if v.Kind == yaml.AliasNode {
			p.add(v.Line, entry, field, "YAML aliases are not supported; write the value out")
			continue
		}
		fn(k.Value, k, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// suggest returns the known name closest to s when it is a likely typo.
func suggest(s string, known []string) string {
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(s), k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

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
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// scalar returns the text of a scalar node; null gives "".
func (p *parser) scalar(v *yaml.Node, entry, field string) (string, bool) {
	if v.Kind != yaml.ScalarNode {
		p.add(v.Line, entry, field, "must be a single value, not a list or mapping")
		return "", false
	}
	if v.ShortTag() == "!!null" {
		return "", true
	}
	return v.Value, true
}

// boolean returns the value of a true/false node.
func (p *parser) boolean(v *yaml.Node, entry, field string) (bool, bool) {
	if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!bool" {
		p.add(v.Line, entry, field, "must be true or false")
		return false, false
	}
	b, err := strconv.ParseBool(strings.ToLower(v.Value))
	if err != nil {
		p.add(v.Line, entry, field, "must be true or false")
		return false, false
	}
	return b, true
}

// list returns the items of a list of scalars (a single scalar is a list
// of one) with their lines.
func (p *parser) list(v *yaml.Node, entry, field string) ([]string, []int, bool) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.ShortTag() == "!!null" {
			return nil, nil, true
		}
		return []string{v.Value}, []int{v.Line}, true
	case yaml.SequenceNode:
		ok := true
		var items []string
		var lines []int
		for i, it := range v.Content {
			f := fmt.Sprintf("%s[%d]", field, i+1)
			if it.Kind != yaml.ScalarNode || it.ShortTag() == "!!null" {
				p.add(it.Line, entry, f, "must be a single non-empty value")
				ok = false
				continue
			}
			items = append(items, it.Value)
			lines = append(lines, it.Line)
		}
		return items, lines, ok
	}
	p.add(v.Line, entry, field, "must be a list")
	return nil, nil, false
}

// termLines records where the parts of a term are.
type termLines struct {
	term, usedBy int
	match        []int
}

// entry reads and checks one entry. It returns nil when the entry has a
// problem, and the lines of its fields.
func (p *parser) entry(idx int, n *yaml.Node) (*Entry, map[string]int) {
	label := fmt.Sprintf("#%d", idx+1)
	if n.Kind != yaml.MappingNode {
		p.add(n.Line, label, "", "an entry must be a mapping of fields")
		return nil, nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k, v := n.Content[i], n.Content[i+1]; k.Value == "id" && v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) != "" {
			label = v.Value
			break
		}
	}
	before := len(p.errs)
	e := &Entry{Line: n.Line, Origin: p.name}
	lines := map[string]int{}
	var termsNode, sourcesNode *yaml.Node
	var ctxLines, excLines []int
	str := func(dst *string, key string, v *yaml.Node) {
		if s, ok := p.scalar(v, label, key); ok {
			*dst = strings.TrimSpace(s)
		}
	}
	p.fields(n, label, "", entryFields, func(key string, k, v *yaml.Node) {
		lines[key] = k.Line
		switch key {
		case "id":
			str(&e.ID, key, v)
		case "lang":
			str(&e.Lang, key, v)
		case "domain":
			str(&e.Domain, key, v)
		case "category":
			str(&e.Category, key, v)
		case "kind":
			str(&e.Kind, key, v)
		case "referent":
			str(&e.Referent, key, v)
		case "note":
			str(&e.Note, key, v)
		case "context":
			e.Context, ctxLines, _ = p.list(v, label, key)
		case "exceptions":
			e.Exceptions, excLines, _ = p.list(v, label, key)
		case "terms":
			termsNode = v
		case "sources":
			sourcesNode = v
		}
	})
	need := func(key, val, what string) bool {
		if val == "" {
			if _, given := lines[key]; !given || !p.has(label, key) {
				p.add(lineOr(lines[key], n.Line), label, key, "missing: %s", what)
			}
			return false
		}
		return true
	}
	if need("id", e.ID, "every entry needs an id (a slug such as kyiv or war-in-ukraine)") && !idRE.MatchString(e.ID) {
		p.add(lines["id"], label, "id", "%q is not a slug: use lower-case letters, digits and - _ . /", e.ID)
	}
	if need("lang", e.Lang, "the language of the terms (en, ru, uk, zh-Hans...)") && !langRE.MatchString(e.Lang) {
		p.add(lines["lang"], label, "lang", "%q is not a language tag such as en, ru, uk or zh-Hans", e.Lang)
	}
	if need("domain", e.Domain, "a topic group such as russia-ukraine or climate") && !slugRE.MatchString(e.Domain) {
		p.add(lines["domain"], label, "domain", "%q is not a slug: use lower-case letters, digits and hyphens", e.Domain)
	}
	if need("category", e.Category, "one of "+names(categories)) && !isNamed(categories, e.Category) {
		p.add(lines["category"], label, "category", "unknown category %q (known: %s)", e.Category, names(categories))
	}
	if e.Kind == "" {
		if _, given := lines["kind"]; given {
			p.add(lines["kind"], label, "kind", "empty; leave the field out for %s", KindContested)
		}
		e.Kind = KindContested
	} else if !contains(kinds, e.Kind) {
		p.add(lines["kind"], label, "kind", "unknown kind %q (known: %s)", e.Kind, strings.Join(kinds, ", "))
	}
	need("referent", e.Referent, "a plain description of what the terms name")

	var tls []termLines
	if termsNode == nil {
		if !p.has(label, "terms") {
			p.add(n.Line, label, "terms", "missing: an entry needs at least one term")
		}
	} else {
		e.Terms, tls = p.terms(termsNode, label, e)
	}
	p.checkTermCount(e, label, lineOr(lines["terms"], n.Line))

	if sourcesNode == nil {
		if !p.has(label, "sources") {
			p.add(n.Line, label, "sources", "missing: every entry needs at least one source ({title, url})")
		}
	} else {
		e.Sources = p.sources(sourcesNode, label)
	}

	if len(p.errs) == before {
		ep, perrs := compileEntry(e)
		for _, pe := range perrs {
			line, field := n.Line, pe.list
			switch pe.list {
			case "terms":
				tl := tls[pe.term]
				if pe.item < 0 {
					line, field = tl.term, fmt.Sprintf("terms[%d].term", pe.term+1)
				} else {
					line, field = tl.match[pe.item], fmt.Sprintf("terms[%d].match[%d]", pe.term+1, pe.item+1)
				}
			case "context":
				line, field = ctxLines[pe.item], fmt.Sprintf("context[%d]", pe.item+1)
			case "exceptions":
				line, field = excLines[pe.item], fmt.Sprintf("exceptions[%d]", pe.item+1)
			}
			p.add(line, label, field, "bad pattern: %v", pe.err)
		}
		e.pats = ep
	}
	if len(p.errs) != before {
		return nil, lines
	}
	return e, lines
}

// terms reads the terms list of an entry.
func (p *parser) terms(v *yaml.Node, label string, e *Entry) ([]Term, []termLines) {
	if v.Kind != yaml.SequenceNode {
		p.add(v.Line, label, "terms", "must be a list of terms")
		return nil, nil
	}
	var terms []Term
	var tls []termLines
	seen := map[string]int{}
	for i, tn := range v.Content {
		f := fmt.Sprintf("terms[%d]", i+1)
		if tn.Kind != yaml.MappingNode {
			p.add(tn.Line, label, f, "a term must be a mapping with at least a term field")
			continue
		}
		var t Term
		tl := termLines{term: tn.Line, usedBy: tn.Line}
		given := map[string]bool{}
		p.fields(tn, label, f, termFields, func(key string, k, val *yaml.Node) {
			given[key] = true
			ff := f + "." + key
			switch key {
			case "term":
				if s, ok := p.scalar(val, label, ff); ok {
					t.Term = strings.TrimSpace(s)
				}
				tl.term = k.Line
			case "match":
				t.Match, tl.match, _ = p.list(val, label, ff)
			case "used_by":
				tl.usedBy = k.Line
				var ok bool
				if t.UsedBy, _, ok = p.list(val, label, ff); ok {
					for k, u := range t.UsedBy {
						if !slugRE.MatchString(u) {
							p.add(val.Line, label, fmt.Sprintf("%s[%d]", ff, k+1), "%q is not a label: use lower-case letters, digits and hyphens", u)
						}
					}
				}
			case "connotation":
				if s, ok := p.scalar(val, label, ff); ok {
					t.Connotation = strings.TrimSpace(s)
					if t.Connotation != "" && !isNamed(connotations, t.Connotation) {
						p.add(val.Line, label, ff, "unknown connotation %q (known: %s)", t.Connotation, names(connotations))
					}
				}
			case "neutral":
				t.Neutral, _ = p.boolean(val, label, ff)
				if e.Kind != "" && e.Kind != KindAttribution {
					p.add(val.Line, label, ff, "only entries of kind %s mark neutral terms; use connotation: neutral", KindAttribution)
				}
			case "stem":
				t.Stem, _ = p.boolean(val, label, ff)
			case "note":
				if s, ok := p.scalar(val, label, ff); ok {
					t.Note = strings.TrimSpace(s)
				}
			}
		})
		switch {
		case t.Term == "":
			if !given["term"] || !p.has(label, f+".term") {
				p.add(tl.term, label, f+".term", "missing: the display form of the term")
			}
		default:
			key := strings.ToLower(t.Term)
			if first, ok := seen[key]; ok {
				p.add(tl.term, label, f+".term", "%q is already the term at line %d", t.Term, first)
			}
			seen[key] = tl.term
			if len(termSources(e.Lang, t)) == 0 {
				p.add(tl.term, label, f+".term", "%q has no letters to match; give match patterns", t.Term)
			}
		}
		if len(t.UsedBy) == 0 && (e.Kind == "" || e.Kind == KindContested) && !p.has(label, f+".used_by") {
			p.add(tl.usedBy, label, f+".used_by", "missing: say who uses this term (labels such as ru-state-media or ap-style)")
		}
		terms = append(terms, t)
		tls = append(tls, tl)
	}
	return terms, tls
}

// checkTermCount checks that the entry has the terms its kind needs.
func (p *parser) checkTermCount(e *Entry, label string, line int) {
	n := len(e.Terms)
	if n == 0 {
		if !p.has(label, "terms") {
			p.add(line, label, "terms", "missing: an entry needs at least one term")
		}
		return
	}
	switch e.Kind {
	case KindContested:
		if n < 2 {
			p.add(line, label, "terms", "a contested referent needs at least two competing terms; use kind: modifier or kind: loaded for a single loaded word")
		}
	case KindAttribution:
		neutral := 0
		for _, t := range e.Terms {
			if t.Neutral {
				neutral++
			}
		}
		if n < 2 || neutral == 0 || neutral == n {
			p.add(line, label, "terms", "an attribution entry needs at least one neutral verb (neutral: true) and one evaluative verb")
		}
	}
}

// sources reads the sources list of an entry.
func (p *parser) sources(v *yaml.Node, label string) []Source {
	if v.Kind != yaml.SequenceNode {
		p.add(v.Line, label, "sources", "must be a list of {title, url}")
		return nil
	}
	if len(v.Content) == 0 {
		p.add(v.Line, label, "sources", "empty: every entry needs at least one source")
		return nil
	}
	var out []Source
	for i, sn := range v.Content {
		f := fmt.Sprintf("sources[%d]", i+1)
		if sn.Kind != yaml.MappingNode {
			p.add(sn.Line, label, f, "a source must be a mapping with title and optional url")
			continue
		}
		var s Source
		titleLine := sn.Line
		p.fields(sn, label, f, sourceFields, func(key string, k, val *yaml.Node) {
			ff := f + "." + key
			str, ok := p.scalar(val, label, ff)
			if !ok {
				return
			}
			str = strings.TrimSpace(str)
			switch key {
			case "title":
				s.Title, titleLine = str, k.Line
			case "url":
				s.URL = str
				if u, err := url.Parse(str); str != "" && (err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "") {
					p.add(val.Line, label, ff, "%q is not an absolute http or https URL", str)
				}
			}
		})
		if s.Title == "" && !p.has(label, f+".title") {
			p.add(titleLine, label, f+".title", "missing: name the source")
		}
		out = append(out, s)
	}
	return out
}
