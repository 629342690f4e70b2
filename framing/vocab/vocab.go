// Package vocab reads the news vocabulary: the closed knowledge of English
// news wording the engine relies on to tell a framing choice of words from
// neutral rewording. A vocabulary holds
//
//   - concept groups: neutral synonyms that name the same thing ("plant
//     station facility"); swapping them is never framing;
//   - semantic fields where the choice of word is a choice of frame, each
//     with neutral and loaded members ("troops" / "militants" /
//     "occupiers"); a swap involving a loaded member is framing;
//   - loaded words whose presence in one report and absence from another
//     carries framing, by category (doubt, label, emotive...);
//   - reporting verbs, neutral ("said") or loaded ("claimed");
//   - vague quantities and the range of figures they imply ("dozens"
//     24-99).
//
// The format is one record per line (see the header of
// assets/vocabulary/news-vocabulary.txt). Parse checks every line and
// reports each problem with its line; Bundled returns the vocabulary
// shipped with the program. The package does not depend on the rest of the
// engine.
package vocab

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"

	"framelens/assets"
)

// Field is a semantic field in which the choice of word frames.
type Field struct {
	Name    string
	Neutral []string
	Loaded  []string
}

// Vocabulary is a parsed vocabulary. Words are lower case, single words or
// hyphenated compounds, in the forms they take in text.
type Vocabulary struct {
	// Concepts are groups of neutral synonyms, in file order.
	Concepts [][]string
	// Fields are the semantic fields, in file order.
	Fields []Field
	// Loaded maps a loaded word to its category.
	Loaded map[string]string
	// Reporting maps a reporting verb form to whether it is loaded.
	Reporting map[string]bool
	// Quantities maps a vague quantity ("dozens", "a-few") to the lowest
	// and highest figure it implies.
	Quantities map[string][2]float64
}

// Error is one problem of a vocabulary file.
type Error struct {
	Name string // the file
	Line int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg) }

var (
	wordRE  = regexp.MustCompile(`^[a-z]+(?:-[a-z]+)*$`)
	rangeRE = regexp.MustCompile(`^(\d+)-(\d+)$`)
)

// Parse reads a vocabulary. It returns every problem found, each with its
// line; the vocabulary is usable only when there are none.
func Parse(name string, data []byte) (*Vocabulary, []error) {
	v := &Vocabulary{Loaded: map[string]string{}, Reporting: map[string]bool{}, Quantities: map[string][2]float64{}}
	var errs []error
	fail := func(line int, format string, args ...any) {
		errs = append(errs, &Error{Name: name, Line: line, Msg: fmt.Sprintf(format, args...)})
	}
	words := func(line int, s, what string) []string {
		ws := strings.Fields(s)
		seen := map[string]bool{}
		for _, w := range ws {
			if !wordRE.MatchString(w) {
				fail(line, "%s: %q is not a lower-case word (letters and hyphens only)", what, w)
			}
			if seen[w] {
				fail(line, "%s: %q is listed twice", what, w)
			}
			seen[w] = true
		}
		if len(ws) == 0 {
			fail(line, "%s: no words", what)
		}
		return ws
	}
	// Where each word was first seen, to report conflicts.
	conceptOf := map[string]int{}
	fieldsNamed := map[string]int{}
	for i, raw := range strings.Split(string(data), "\n") {
		line := i + 1
		s := strings.TrimSpace(raw)
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		kind, rest, ok := strings.Cut(s, ":")
		if !ok {
			fail(line, "expected a record such as \"concept: ...\", \"field: ...\", \"loaded: ...\", \"reporting: ...\" or \"quantity: ...\"")
			continue
		}
		rest = strings.TrimSpace(rest)
		switch strings.TrimSpace(kind) {
		case "concept":
			ws := words(line, rest, "concept")
			for _, w := range ws {
				if at, dup := conceptOf[w]; dup && at != line {
					fail(line, "concept: %q is already in the concept group of line %d", w, at)
				}
				conceptOf[w] = line
			}
			v.Concepts = append(v.Concepts, ws)
		case "field":
			parts := strings.Split(rest, "|")
			if len(parts) != 3 {
				fail(line, "field: expected \"field: NAME | neutral: ... | loaded: ...\"")
				continue
			}
			f := Field{Name: strings.TrimSpace(parts[0])}
			if f.Name == "" {
				fail(line, "field: the name is empty")
			}
			if at, dup := fieldsNamed[f.Name]; dup {
				fail(line, "field: %q is already the name of the field of line %d", f.Name, at)
			}
			fieldsNamed[f.Name] = line
			for _, part := range parts[1:] {
				k, ws, ok := strings.Cut(part, ":")
				k = strings.TrimSpace(k)
				switch {
				case !ok:
					fail(line, "field %s: expected \"neutral: ...\" and \"loaded: ...\"", f.Name)
				case k == "neutral":
					f.Neutral = words(line, ws, "field "+f.Name+" neutral")
				case k == "loaded":
					f.Loaded = words(line, ws, "field "+f.Name+" loaded")
				default:
					fail(line, "field %s: %q is neither neutral nor loaded", f.Name, k)
				}
			}
			neutral := map[string]bool{}
			for _, w := range f.Neutral {
				neutral[w] = true
			}
			for _, w := range f.Loaded {
				if neutral[w] {
					fail(line, "field %s: %q is both neutral and loaded", f.Name, w)
				}
			}
			v.Fields = append(v.Fields, f)
		case "loaded":
			cat, ws, ok := strings.Cut(rest, "|")
			cat = strings.TrimSpace(cat)
			if !ok || cat == "" {
				fail(line, "loaded: expected \"loaded: CATEGORY | word ...\"")
				continue
			}
			for _, w := range words(line, ws, "loaded "+cat) {
				if c, dup := v.Loaded[w]; dup && c != cat {
					fail(line, "loaded %s: %q is already in category %s", cat, w, c)
				}
				v.Loaded[w] = cat
			}
		case "reporting":
			k, ws, ok := strings.Cut(rest, "|")
			k = strings.TrimSpace(k)
			if !ok || k != "neutral" && k != "loaded" {
				fail(line, "reporting: expected \"reporting: neutral | ...\" or \"reporting: loaded | ...\"")
				continue
			}
			for _, w := range words(line, ws, "reporting "+k) {
				if l, dup := v.Reporting[w]; dup && l != (k == "loaded") {
					fail(line, "reporting %s: %q is both neutral and loaded", k, w)
				}
				v.Reporting[w] = k == "loaded"
			}
		case "quantity":
			for _, item := range strings.Split(rest, "|") {
				f := strings.Fields(item)
				if len(f) != 2 || !wordRE.MatchString(f[0]) {
					fail(line, "quantity: expected \"word LOW-HIGH\", got %q", strings.TrimSpace(item))
					continue
				}
				m := rangeRE.FindStringSubmatch(f[1])
				if m == nil {
					fail(line, "quantity %s: %q is not a range LOW-HIGH", f[0], f[1])
					continue
				}
				lo, _ := strconv.ParseFloat(m[1], 64)
				hi, _ := strconv.ParseFloat(m[2], 64)
				if lo > hi {
					fail(line, "quantity %s: the range %s is reversed", f[0], f[1])
				}
				v.Quantities[f[0]] = [2]float64{lo, hi}
			}
		default:
			fail(line, "unknown record %q (concept, field, loaded, reporting or quantity)", strings.TrimSpace(kind))
		}
	}
	// A concept word names the same thing as its group: it cannot also be
	// a framing word.
	for _, f := range v.Fields {
		for _, w := range f.Loaded {
			if at, ok := conceptOf[w]; ok {
				errs = append(errs, &Error{Name: name, Line: at, Msg: fmt.Sprintf("concept: %q is also a loaded word of field %s", w, f.Name)})
			}
		}
	}
	for w := range v.Loaded {
		if at, ok := conceptOf[w]; ok {
			errs = append(errs, &Error{Name: name, Line: at, Msg: fmt.Sprintf("concept: %q is also a loaded word", w)})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool {
		var a, b *Error
		errors.As(errs[i], &a)
		errors.As(errs[j], &b)
		return a.Line < b.Line
	})
	return v, errs
}

var (
	bundledOnce sync.Once
	bundled     *Vocabulary
	bundledErr  error
)

// Bundled returns the vocabulary shipped with the program. It must not be
// modified.
func Bundled() (*Vocabulary, error) {
	bundledOnce.Do(func() {
		v, errs := Parse("news-vocabulary.txt", assets.Vocabulary)
		if len(errs) > 0 {
			bundledErr = fmt.Errorf("bundled vocabulary: %w", errors.Join(errs...))
			return
		}
		bundled = v
	})
	return bundled, bundledErr
}
