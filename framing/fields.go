package framing

import (
	"fmt"
	"sort"
	"strings"
)

// Semantic fields where the choice of word is a choice of frame: swapping
// one word of a field for another ("raid" / "operation" / "assault",
// "militants" / "fighters", "regime" / "government") between aligned
// sentences is flagged, while words outside these fields are taken as
// neutral rewording unless loaded. Words are matched by stem.
var fieldLists = map[string]string{
	"use of force":   "raid operation assault attack strike offensive incursion aggression invasion crackdown clampdown sweep bombardment shelling massacre onslaught campaign intervention action mission",
	"armed actors":   "troops forces soldiers army military fighters militants terrorists gunmen insurgents rebels separatists occupiers invaders militia militias combatants resistance jihadists paramilitaries",
	"crowds":         "protesters demonstrators rioters mob activists crowd thugs anarchists extremists agitators marchers supporters",
	"unrest":         "protest protests riot riots unrest demonstration demonstrations disturbance disturbances clashes uprising rebellion insurrection disorder",
	"people moving":  "migrants refugees asylum-seekers illegals immigrants aliens newcomers arrivals crossers",
	"labour dispute": "strike strikes walkout walkouts stoppage stoppages blockade blockades picket pickets",
	"rulers":         "regime government authorities administration leadership junta rulers",
	"deaths":         "killed murdered slaughtered died perished martyred executed massacred eliminated neutralised neutralized",
	"control":        "seized captured occupied liberated annexed reunified took control",
	"legislation":    "bill megabill package legislation measure law reform overhaul plan",
	"passing":        "passed passes approved rammed ram rams forced pushed sailed sails adopted cleared",
	"cutting":        "cuts cut guts gutted slashes slashed trims trimmed reins reduces reduced savings scraps scrapped axes axed phases eliminates ends kills",
	"leaders":        "bosses leaders chiefs officials heads",
	"yielding":       "caved capitulated relented folded flipped backed surrendered conceded",
	"funding":        "provides pumps funnels showers lavishes spends allocates funds bankrolls",
	"entering":       "entered stormed raided swept burst invaded moved",
	"advocates":      "charities campaigners activists advocates lobbyists groups organisations organizations",
	"smugglers":      "smugglers traffickers gangs",
	"scale":          "sweeping massive sprawling huge giant mammoth landmark historic big large major",
	"profit":         "profits superprofits windfall gains earnings",
}

// swapFieldLists are further fields for telling framing from rewording,
// too general to help find which sentences state the same fact. Words
// marked "!" are plain among themselves but a choice against the other
// words of their field, whatever neutralInField says.
var swapFieldLists = map[string]string{
	"people harmed": "people civilians residents victims inhabitants bystanders innocents non-combatants noncombatants locals",
	"incidents":     "incident episode incursion intrusion violation provocation event affair",
	"proposals":     "offered proposed demanded promised pledged conceded",
	"speeches":      "speech address remarks rant tirade diatribe harangue monologue",
	"delay":         "delayed stalled obstructed stonewalled filibustered",
	"stance":        "views regards considers sees claims",
	// Calling an attack an incident plays it down: the vague words count
	// as a choice here, though they are plain among events.
	"naming of violence": "attack attacks strike strikes bombing bombings shelling raid raids assault massacre !incident !incidents !episode !event !events !situation !affair",
}

// neutralInField are the plain words of each field: a swap between two of
// them ("troops" / "forces", "bill" / "legislation") is rewording.
var neutralInField = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`attack attacks strike strikes troops forces soldiers army military servicemen
		government authorities administration leadership protest protests demonstration demonstrations
		protesters demonstrators crowd marchers bill legislation measure package law plan passed approved
		adopted cleared leaders officials heads chiefs killed died profits cuts cut reduced reduces
		provides funds spends allocates entered moved groups organisations organizations ends big large major
		people residents inhabitants locals incident event offered proposed speech address remarks delayed
		views regards considers sees`) {
		m[stem(w)] = true
	}
	return m
}()

// fieldOf maps a stem to the fields of fieldLists it belongs to ("strike"
// is both a use of force and a labour dispute); swapFieldOf adds those of
// swapFieldLists.
var (
	fieldOf     = fieldIndex(fieldLists)
	swapFieldOf = fieldIndex(fieldLists, swapFieldLists)
)

func fieldIndex(lists ...map[string]string) map[string][]string {
	m := map[string][]string{}
	for _, l := range lists {
		names := make([]string, 0, len(l))
		for field := range l {
			names = append(names, field)
		}
		sort.Strings(names)
		for _, field := range names {
			for _, w := range strings.Fields(l[field]) {
				w = strings.TrimPrefix(w, "!") // a member never plain in this field
				m[stem(w)] = append(m[stem(w)], field)
			}
		}
	}
	return m
}

// fieldSwap finds a word of a field in a and another word of the same
// field in b. It returns the token indices in a and b, or -1.
func fieldSwap(a, b []token) (int, int, string) {
	for i, x := range a {
		if !x.content || len(swapFieldOf[x.key]) == 0 {
			continue
		}
		for j, y := range b {
			if y.key == x.key || hasKey(b, x.key) || hasKey(a, y.key) {
				continue
			}
			if f := framingField(x, y); f != "" {
				return i, j, f
			}
		}
	}
	return -1, -1, ""
}

// neutralIn holds, for each field, the stems of its plain words: a swap
// between two of them is rewording. The fields of the code take theirs
// from neutralInField; those of the vocabulary bring their own.
var neutralIn = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, lists := range []map[string]string{fieldLists, swapFieldLists} {
		for field, ws := range lists {
			set := map[string]bool{}
			for _, w := range strings.Fields(ws) {
				if !strings.HasPrefix(w, "!") && neutralInField[stem(w)] {
					set[stem(w)] = true
				}
			}
			m[field] = set
		}
	}
	return m
}()

// vagueIn holds, for each field of the code, its words marked "!": plain
// among themselves, a choice against the rest of the field.
var vagueIn = func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	for _, lists := range []map[string]string{fieldLists, swapFieldLists} {
		for field, ws := range lists {
			for _, w := range strings.Fields(ws) {
				if v, ok := strings.CutPrefix(w, "!"); ok {
					if m[field] == nil {
						m[field] = map[string]bool{}
					}
					m[field][stem(v)] = true
				}
			}
		}
	}
	return m
}()

// framingField returns a field both words belong to in which they are not
// both plain words, or "": a swap between them is a choice of frame.
func framingField(x, y token) string {
	if x.modifier || y.modifier {
		return ""
	}
	for _, f := range swapFieldOf[x.key] {
		for _, g := range swapFieldOf[y.key] {
			if f == g && !(neutralIn[f][x.key] && neutralIn[f][y.key]) && !(vagueIn[f][x.key] && vagueIn[f][y.key]) {
				return f
			}
		}
	}
	return ""
}

// plainWord reports whether a stem is a plain word of every field it
// belongs to, and of at least one.
func plainWord(key string) bool {
	fs := swapFieldOf[key]
	for _, f := range fs {
		if !neutralIn[f][key] {
			return false
		}
	}
	return len(fs) > 0
}

// sharedField returns the first field in both lists, or "".
func sharedField(a, b []string) string {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return x
			}
		}
	}
	return ""
}

func hasKey(toks []token, key string) bool {
	for _, t := range toks {
		if t.key == key {
			return true
		}
	}
	return false
}

// fieldDiffs pairs, over whole cells of a row, a word of a semantic field
// that one report uses with the one other word of that field the other
// report uses in its place, when the clauses around them are ordered too
// differently for a change region to hold both ("killing 23 civilians" /
// "missiles had killed 23 people"). A field with several candidate words
// on either side is left to the change regions.
func (p *pipeline) fieldDiffs(row int, cells []cell) []Difference {
	var out []Difference
	for _, pr := range pairsOf(len(cells)) {
		a, b := cells[pr[0]], cells[pr[1]]
		own := func(x, y cell) map[string][]int {
			m := map[string][]int{}
			quoted := map[string][]int{}
			for i, t := range x.toks {
				if !t.content || t.cap && i > 0 || t.modifier || hasKey(y.toks, t.key) {
					continue
				}
				for _, f := range swapFieldOf[t.key] {
					if t.quoted {
						quoted[f] = append(quoted[f], i)
					} else {
						m[f] = append(m[f], i)
					}
				}
			}
			// A word of a quotation stands for the field only where the
			// report's own words have none.
			for f, is := range quoted {
				if len(m[f]) == 0 {
					m[f] = is
				}
			}
			return m
		}
		fa, fb := own(a, b), own(b, a)
		fields := make([]string, 0, len(fa))
		for f := range fa {
			fields = append(fields, f)
		}
		sort.Strings(fields)
		for _, f := range fields {
			ia, ib := fa[f], fb[f]
			if len(ia) != 1 || len(ib) != 1 {
				continue
			}
			x, y := a.toks[ia[0]], b.toks[ib[0]]
			if neutralIn[f][x.key] && neutralIn[f][y.key] || vagueIn[f][x.key] && vagueIn[f][y.key] {
				continue
			}
			out = append(out, Difference{Row: row, Kind: KindSubstitution, Framing: true,
				Spans: []Span{
					p.spanOf(a, slotSpan{report: a.report, from: ia[0], to: ia[0] + 1}),
					p.spanOf(b, slotSpan{report: b.report, from: ib[0], to: ib[0] + 1}),
				},
				Explanation: fmt.Sprintf("different words for the same %s: %q / %q", f, x.lower, y.lower)})
		}
	}
	return mergeDiffs(out)
}
