package framing

import (
	"slices"
	"strings"

	"framelens/framing/vocab"
)

// The bundled news vocabulary (framing/vocab, assets/vocabulary) extends
// the word lists of words.go and fields.go: its concept groups become
// neutral synonyms, its semantic fields fields where a swap can frame, its
// loaded words and reporting verbs join the loaded words and reporting
// verbs, its vague quantities the figures read. The lists in the code come
// first where both name a word.

// vocabErr is the error of reading the bundled vocabulary; Compare reports
// it. The engine then works with the lists in the code alone.
var vocabErr error

func init() {
	v, err := vocab.Bundled()
	if err != nil {
		vocabErr = err
		return
	}
	mergeVocabulary(v)
}

// vocabFields are the fields of the vocabulary, by name, kept apart from
// the fields used for alignment.
var vocabFields = map[string]string{}

func mergeVocabulary(v *vocab.Vocabulary) {
	for _, group := range v.Concepts {
		id := "=" + group[0]
		for _, w := range group {
			if _, ok := concepts[w]; !ok {
				concepts[w] = id
			}
		}
	}
	for _, f := range v.Fields {
		name := "v:" + f.Name
		vocabFields[name] = strings.Join(append(append([]string{}, f.Neutral...), f.Loaded...), " ")
		set := map[string]bool{}
		for _, w := range f.Neutral {
			set[stem(w)] = true
		}
		// A stem that is also loaded in the field (forms stemmed alike)
		// is not plain.
		for _, w := range f.Loaded {
			delete(set, stem(w))
		}
		neutralIn[name] = set
	}
	for k, fs := range fieldIndex(vocabFields) {
		swapFieldOf[k] = appendNew(swapFieldOf[k], fs...)
		fieldOf[k] = appendNew(fieldOf[k], fs...)
	}
	for w, cat := range v.Loaded {
		switch cat {
		case "doubt", "legitimacy":
			baseModifiers[w] = true
		default:
			loadedWords[w] = true
		}
	}
	for w, loaded := range v.Reporting {
		lemma, ok := attributionVerbs[w]
		if !ok {
			lemma = stem(w)
			attributionVerbs[w] = lemma
		}
		if !loaded && !loadedVerbLemma[lemma] {
			neutralVerbs[lemma] = true
		}
	}
	for w, r := range v.Quantities {
		if _, ok := vagueQuantities[w]; !ok {
			vagueQuantities[w] = r
		}
	}
}

// loadedVerbLemma are lemmas the code lists as casting a statement; the
// vocabulary never makes them neutral.
var loadedVerbLemma = func() map[string]bool {
	m := map[string]bool{}
	for _, lemma := range attributionVerbs {
		if !neutralVerbs[lemma] {
			m[lemma] = true
		}
	}
	return m
}()

func appendNew(list []string, xs ...string) []string {
	for _, x := range xs {
		if !slices.Contains(list, x) {
			list = append(list, x)
		}
	}
	return list
}
