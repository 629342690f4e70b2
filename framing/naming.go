package framing

import "strings"

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
