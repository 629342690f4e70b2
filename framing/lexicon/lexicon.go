// Package lexicon holds the lexicon of contested terms: for each referent
// (the thing talked about) the competing names different outlets use for it,
// such as "Kiev" and "Kyiv" or "special military operation" and "full-scale
// invasion", together with single-sided loaded words ("so-called",
// "slammed") and attribution verbs ("said", "claimed").
//
// A lexicon is read from YAML (see assets/lexicon/SCHEMA.md). Parse checks
// every entry and reports each problem with its file, line and field; Load
// refuses a user file with any problem; Bundled returns the lexicon shipped
// with the program. Matcher compiles the entries once and Find locates their
// terms in a text: case-insensitively, on Unicode word boundaries, with
// English plurals, optional Slavic case endings, and straight or curly
// quotes, hyphens, dashes and spaces treated alike.
package lexicon

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"

	"framelens/assets"
)

// The kinds of entry.
const (
	// KindContested is a referent with competing names: a difference is a
	// report using one term where another report uses a different term.
	// It needs at least two terms. It is the default kind.
	KindContested = "contested"
	// KindModifier is a hedge or distancing word ("so-called", "alleged",
	// "reportedly"), flagged when one aligned sentence has it and the other
	// does not. One term is enough.
	KindModifier = "modifier"
	// KindLoaded is an emotive or loaded word ("slammed", "unprovoked",
	// "regime"), flagged like a modifier. One term is enough.
	KindLoaded = "loaded"
	// KindAttribution is a set of reporting verbs; each term says whether
	// it is neutral ("said") or evaluative ("claimed", "admitted").
	KindAttribution = "attribution"
)

// BundledOrigin is the Origin of the entries of the bundled lexicon.
const BundledOrigin = "bundled"

// Lexicon is a set of entries. A Lexicon and its entries must not be
// modified once Matcher has been called.
type Lexicon struct {
	// Entries are in file order; (ID, Lang) is unique.
	Entries []*Entry

	once sync.Once
	comp *compiled
}

// Entry is one referent in one language.
type Entry struct {
	// ID names the referent; entries of several languages with the same ID
	// are the same referent.
	ID string
	// Lang is the language of the terms: en, ru, uk, zh-Hans...
	Lang string
	// Domain is the topic group, such as russia-ukraine or climate.
	Domain string
	// Category is one of the names listed by Categories.
	Category string
	// Kind is KindContested, KindModifier, KindLoaded or KindAttribution.
	Kind string
	// Referent describes in plain words what all the terms point at.
	Referent string
	// Note explains to the user why the choice of term matters.
	Note string
	// Context lists patterns of which at least one must occur somewhere in
	// the texts of a case for the entry to be used; empty means always.
	Context []string
	// Exceptions lists patterns; a hit lying inside a match of one of them
	// is ignored ("chicken Kiev", "war crimes").
	Exceptions []string
	// Terms are the competing names.
	Terms []Term
	// Sources back the entry: style guides, official guidance, research.
	Sources []Source
	// Line is the line of the entry in its file (0 when built in code).
	Line int
	// Origin is the file the entry comes from, or BundledOrigin.
	Origin string

	// pats is the compiled form made by Parse; nil for entries built in
	// code, which are compiled when a Matcher is first made.
	pats *entryPatterns
}

// Term is one of the names of a referent.
type Term struct {
	// Term is the display form.
	Term string
	// Match lists the patterns that find the term; empty means the term
	// itself, literally, with English plurals for lang en.
	Match []string
	// UsedBy lists who typically uses the term (see Labels).
	UsedBy []string
	// Connotation is one of the names listed by Connotations, or empty.
	Connotation string
	// Neutral marks the neutral verbs of an attribution entry ("said").
	Neutral bool
	// Stem lets every word of the term (or the end of every Match
	// pattern) take up to three more letters: Russian and Ukrainian case
	// endings ("Киев" finds "Киевом").
	Stem bool
	// Note is an optional remark on this term.
	Note string
}

// Source is a reference backing an entry.
type Source struct {
	Title string
	// URL is optional; when given it is an absolute http or https URL.
	URL string
}

// Named is a name with a description, as listed by Categories,
// Connotations and Labels.
type Named struct {
	Name        string
	Description string
}

var categories = []Named{
	{"conflict-naming", "what a war, operation, crisis or uprising is called"},
	{"actor-label", "names for governments, armed groups, protesters, migrants and officials"},
	{"place-name", "names and transliterations of places"},
	{"territory-status", "the sovereignty or legal status of a territory"},
	{"violence", "how attacks, deaths and the use of force are described"},
	{"euphemism", "softened or technical wording for coercive acts or facilities"},
	{"issue-naming", "names for policy issues and phenomena"},
	{"economy-labour", "names for labour disputes, profits, taxes and prices"},
	{"hedge", "distancing and doubt markers: so-called, alleged, reportedly"},
	{"loaded-language", "emotive verbs, loaded modifiers and labels: slammed, unprovoked, regime"},
	{"attribution-verb", "reporting verbs: said, claimed, admitted, insisted"},
}

var connotations = []Named{
	{"neutral", "descriptive; no side's preferred wording"},
	{"euphemistic", "softens or hides what happened"},
	{"pejorative", "disparages the people or thing named"},
	{"emotive", "appeals to feeling: horror, threat, sympathy"},
	{"legitimizing", "presents a contested act or claim as lawful or normal"},
	{"delegitimizing", "denies legitimacy or status"},
	{"casts-doubt", "suggests that what is reported may be untrue"},
	{"endorses", "suggests that what is reported is true"},
	{"implies-guilt", "suggests wrongdoing by the speaker or subject"},
	{"sympathetic", "invites sympathy for the people named"},
}

var labels = []Named{
	{"ru-gov", "Russian government, ministries and officials"},
	{"ru-state-media", "Russian state media: TASS, RIA Novosti, RT"},
	{"ru-independent-media", "Russian independent and exile media"},
	{"ua-gov", "Ukrainian government and officials"},
	{"ua-media", "Ukrainian media"},
	{"cn-gov", "government of the People's Republic of China"},
	{"cn-state-media", "Chinese state media: Xinhua, People's Daily, CGTN, Global Times"},
	{"tw-gov", "government of Taiwan (Republic of China)"},
	{"tw-media", "Taiwanese media"},
	{"hk-gov", "Hong Kong SAR government and police"},
	{"hk-protesters", "the 2019 protest movement and the pro-democracy camp"},
	{"il-gov", "Israeli government and military"},
	{"pal-officials", "Palestinian Authority, Hamas and other Palestinian officials"},
	{"pro-israel-advocacy", "advocacy groups and commentators aligned with Israel"},
	{"pro-palestinian-advocacy", "advocacy groups and commentators aligned with Palestinians"},
	{"us-gov", "US administration and agencies"},
	{"us-right", "US conservative politicians and outlets"},
	{"us-left", "US progressive politicians and outlets"},
	{"uk-gov", "UK government"},
	{"eu", "European Union institutions"},
	{"un", "United Nations bodies and resolutions"},
	{"rights-groups", "human-rights organisations, UN rapporteurs and researchers"},
	{"western-media", "mainstream English-language outlets"},
	{"ap-style", "Associated Press Stylebook"},
	{"reuters-style", "Reuters Handbook of Journalism"},
	{"bbc-style", "BBC editorial guidelines"},
	{"guardian-style", "Guardian and Observer style guide"},
	{"wire-style", "news-agency practice in general"},
	{"al-jazeera", "Al Jazeera editorial policy"},
	{"unions", "trade unions and labour campaigners"},
	{"employers", "employers, business groups and their spokespeople"},
	{"industry", "companies of the industry concerned"},
	{"campaigners", "activists and campaign groups"},
	{"tabloids", "tabloid and partisan popular press"},
	{"academic", "scholarly usage"},
	{"ge-gov", "government of Georgia"},
	{"jp-gov", "government of Japan"},
	{"kr-gov", "government of South Korea"},
	{"ph-gov", "government of the Philippines"},
	{"in-gov", "government of India"},
	{"pk-gov", "government of Pakistan"},
	{"ir-gov", "government of Iran"},
	{"arab-states", "Arab governments of the Gulf"},
	{"ar-gov", "government of Argentina"},
	{"gr-gov", "government of Greece"},
	{"mk-nationalists", "Macedonian nationalists opposed to the 2018 name change"},
	{"tr-gov", "government of Turkey"},
	{"cy-gov", "government of the Republic of Cyprus"},
	{"rs-gov", "government of Serbia"},
	{"xk-gov", "government of Kosovo"},
	{"am-gov", "government of Armenia and Karabakh Armenian authorities"},
	{"az-gov", "government of Azerbaijan"},
	{"ma-gov", "government of Morocco"},
	{"polisario", "the Polisario Front and the Sahrawi Republic"},
	{"mm-military", "Myanmar's military and its governments"},
	{"mm-opposition", "Myanmar's democratic opposition"},
	{"irish-nationalists", "Irish nationalists"},
	{"unionists", "Northern Irish unionists"},
}

// Categories lists the entry categories with their descriptions.
func Categories() []Named { return append([]Named(nil), categories...) }

// Connotations lists the connotation names a term may carry.
func Connotations() []Named { return append([]Named(nil), connotations...) }

// Labels lists the documented used_by labels. Other labels are allowed in
// user files; the bundled lexicon uses these only.
func Labels() []Named { return append([]Named(nil), labels...) }

func isNamed(list []Named, name string) bool {
	for _, n := range list {
		if n.Name == name {
			return true
		}
	}
	return false
}

func names(list []Named) string {
	s := make([]string, len(list))
	for i, n := range list {
		s[i] = n.Name
	}
	return strings.Join(s, ", ")
}

// SingleSided reports whether the entry flags a word by its mere presence
// (KindModifier or KindLoaded) rather than by a competing term.
func (e *Entry) SingleSided() bool {
	return e.Kind == KindModifier || e.Kind == KindLoaded
}

var (
	bundledOnce sync.Once
	bundledLex  *Lexicon
	bundledErr  error
)

// Bundled returns the lexicon shipped with the program. The entries are
// shared between calls and must not be modified.
func Bundled() (*Lexicon, error) {
	bundledOnce.Do(func() {
		l, errs := Parse(BundledOrigin, assets.Lexicon)
		if len(errs) > 0 {
			bundledErr = fmt.Errorf("bundled lexicon: %w", errors.Join(errs...))
			return
		}
		bundledLex = l
	})
	if bundledErr != nil {
		return nil, bundledErr
	}
	return &Lexicon{Entries: append([]*Entry(nil), bundledLex.Entries...)}, nil
}

// maxFileSize bounds the size of a lexicon file Load accepts.
const maxFileSize = 16 << 20

// LoadError is the error of Load for a file with problems: it lists every
// problem, each with its line and field.
type LoadError struct {
	Path     string
	Problems []error
}

// Error lists the problems, one per line.
func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "lexicon %s refused: %d problem", e.Path, len(e.Problems))
	if len(e.Problems) != 1 {
		b.WriteString("s")
	}
	for _, p := range e.Problems {
		b.WriteString("\n  ")
		b.WriteString(p.Error())
	}
	return b.String()
}

// Unwrap returns the problems.
func (e *LoadError) Unwrap() []error { return e.Problems }

// Load reads a user lexicon file. A file with any problem is refused: the
// error is a *LoadError listing every problem with its line and field.
func Load(path string) (*Lexicon, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	if st.IsDir() {
		return nil, fmt.Errorf("load lexicon %s: is a directory", path)
	}
	if st.Size() > maxFileSize {
		return nil, fmt.Errorf("load lexicon %s: file is larger than %d MiB", path, maxFileSize>>20)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	l, errs := Parse(path, data)
	if len(errs) > 0 {
		return nil, &LoadError{Path: path, Problems: errs}
	}
	return l, nil
}

// Merge combines lexicons in order. An entry with the same (ID, Lang) as an
// earlier one replaces it, keeping the earlier entry's place. Nil lexicons
// are skipped.
func Merge(ls ...*Lexicon) *Lexicon {
	out := &Lexicon{}
	pos := map[[2]string]int{}
	for _, l := range ls {
		if l == nil {
			continue
		}
		for _, e := range l.Entries {
			if e == nil {
				continue
			}
			k := [2]string{e.ID, e.Lang}
			if i, ok := pos[k]; ok {
				out.Entries[i] = e
				continue
			}
			pos[k] = len(out.Entries)
			out.Entries = append(out.Entries, e)
		}
	}
	return out
}

// IDs returns the distinct referent ids of the lexicon, sorted.
func (l *Lexicon) IDs() []string {
	seen := map[string]bool{}
	var ids []string
	for _, e := range l.Entries {
		if !seen[e.ID] {
			seen[e.ID] = true
			ids = append(ids, e.ID)
		}
	}
	sort.Strings(ids)
	return ids
}
