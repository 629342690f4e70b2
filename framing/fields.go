package framing

import (
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

// neutralInField are the plain words of each field: a swap between two of
// them ("troops" / "forces", "bill" / "legislation") is rewording.
var neutralInField = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`attack attacks strike strikes troops forces soldiers army military servicemen
		government authorities administration leadership protest protests demonstration demonstrations
		protesters demonstrators crowd marchers bill legislation measure package law plan passed approved
		adopted cleared leaders officials heads chiefs killed died profits cuts cut reduced reduces
		provides funds spends allocates entered moved groups organisations organizations ends big large major`) {
		m[stem(w)] = true
	}
	return m
}()

// fieldOf maps a stem to the fields it belongs to ("strike" is both a use
// of force and a labour dispute).
var fieldOf = func() map[string][]string {
	m := map[string][]string{}
	names := make([]string, 0, len(fieldLists))
	for field := range fieldLists {
		names = append(names, field)
	}
	sort.Strings(names)
	for _, field := range names {
		for _, w := range strings.Fields(fieldLists[field]) {
			m[stem(w)] = append(m[stem(w)], field)
		}
	}
	return m
}()

// fieldSwap finds a word of a field in a and another word of the same
// field in b. It returns the token indices in a and b, or -1.
func fieldSwap(a, b []token) (int, int, string) {
	for i, x := range a {
		if !x.content || len(fieldOf[x.key]) == 0 {
			continue
		}
		for j, y := range b {
			if y.key == x.key || hasKey(b, x.key) || hasKey(a, y.key) || neutralInField[x.key] && neutralInField[y.key] {
				continue
			}
			if f := sharedField(fieldOf[x.key], fieldOf[y.key]); f != "" {
				return i, j, f
			}
		}
	}
	return -1, -1, ""
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
