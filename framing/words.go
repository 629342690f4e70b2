package framing

import (
	"sort"
	"strings"

	"framelens/framing/lexicon"
)

// Word lists the classifier relies on. Contested referents live in the
// lexicon (assets/lexicon); these are the closed classes of English that
// say how a report talks rather than what it talks about.

// concepts maps neutral synonyms to one key, so that swapping them is no
// difference and helps alignment ("plant" / "station").
var concepts = func() map[string]string {
	m := map[string]string{}
	for _, group := range []string{
		"plant station facility", "staff workers employees personnel", "containers casks",
		"talks meeting negotiations", "met meet meets", "minister ministers", "top senior",
		"killed dead died deaths kill kills killing", "wounded injured hurt", "capital", "ministry department",
		"statement communique", "soldiers troops servicemen", "aircraft plane jet",
		"shot downed", "began started launched", "nearly almost roughly about approximately around some",
		"more over", "fewer less", "also", "large big", "small little", "said told stated added noted",
		"reported reports", "spokesperson spokesman spokeswoman", "government administration",
		"according", "people persons residents", "vehicle vehicles", "vessel ship boat",
		"children kids", "percent per cent %", "us u.s. america united",
	} {
		ws := strings.Fields(group)
		for _, w := range ws {
			m[w] = "=" + ws[0]
		}
	}
	return m
}()

// alignConcepts are the neutral synonyms alignment counts as one key: the
// groups above only. The larger groups of the vocabulary make sentences
// about neighbouring facts of one event look alike ("vessels" and
// "aircraft" in every sentence of a naval drill), so they serve the word
// diff alone.
var alignConcepts = func() map[string]string {
	m := make(map[string]string, len(concepts))
	for w, c := range concepts {
		m[w] = c
	}
	return m
}()

// attributionVerbs maps forms of reporting verbs to their lemma.
var attributionVerbs = byForm(map[string]string{
	"say":         "say says said saying",
	"tell":        "tell tells told",
	"state":       "state states stated",
	"add":         "add adds added",
	"note":        "note notes noted",
	"announce":    "announce announces announced",
	"report":      "report reports reported",
	"explain":     "explain explains explained",
	"claim":       "claim claims claimed claiming",
	"insist":      "insist insists insisted insisting",
	"admit":       "admit admits admitted admitting",
	"allege":      "allege alleges alleged alleging",
	"assert":      "assert asserts asserted",
	"maintain":    "maintain maintains maintained",
	"concede":     "concede concedes conceded",
	"acknowledge": "acknowledge acknowledges acknowledged",
	"boast":       "boast boasts boasted",
	"brag":        "brag brags bragged",
	"argue":       "argue argues argued",
	"contend":     "contend contends contended",
	"stress":      "stress stresses stressed",
	"emphasize":   "emphasize emphasizes emphasized emphasise emphasises emphasised",
	"underline":   "underline underlines underlined underscore underscores underscored",
	"warn":        "warn warns warned",
	"reveal":      "reveal reveals revealed",
	"confirm":     "confirm confirms confirmed",
	"deny":        "deny denies denied",
	"complain":    "complain complains complained",
	"accuse":      "accuse accuses accused",
	"declare":     "declare declares declared",
	"point":       "pointed",
	"suggest":     "suggest suggests suggested",
	"blame":       "blame blames blamed blaming",
	"denounce":    "denounce denounces denounced denouncing",
	"condemn":     "condemn condemns condemned condemning",
	"threaten":    "threaten threatens threatened threatening",
	"call":        "called calling",
	"urge":        "urge urges urged urging",
	"vow":         "vow vows vowed vowing",
	"pledge":      "pledge pledges pledged pledging",
	"hail":        "hail hails hailed hailing",
	"praise":      "praise praises praised praising",
	"criticize":   "criticize criticizes criticized criticizing criticise criticises criticised criticising",
	"dismiss":     "dismiss dismisses dismissed dismissing",
	"reject":      "reject rejects rejected rejecting",
	"slam":        "slam slams slammed slamming",
	"blast":       "blasted blasting",
	"lash":        "lashed lashing",
	"scoff":       "scoff scoffs scoffed",
	"rant":        "rant rants ranted ranting",
	"demand":      "demand demands demanded demanding",
	"estimate":    "estimate estimates estimated",
	"predict":     "predict predicts predicted",
	"write":       "write writes wrote",
	"post":        "posted",
})

// byForm turns lists of forms by name into the name of each form.
func byForm(lists map[string]string) map[string]string {
	m := map[string]string{}
	for name, forms := range lists {
		for _, f := range strings.Fields(forms) {
			m[f] = name
		}
	}
	return m
}

// neutralVerbs are the reporting verbs that add no judgement.
var neutralVerbs = map[string]bool{
	"say": true, "tell": true, "state": true, "add": true, "note": true, "announce": true,
	"report": true, "confirm": true, "stress": true, "emphasize": true, "underline": true,
	"point": true, "declare": true, "call": true, "urge": true, "estimate": true,
	"predict": true, "write": true, "post": true,
}

// baseModifiers are loaded modifiers and hedges whose mere presence in one
// report and absence from another carries framing.
var baseModifiers = wordSet(`so-called alleged allegedly purported purportedly self-proclaimed self-styled
	illegal illegitimate unprovoked unjustified brutal barbaric heinous notorious hardline hard-line
	radical extremist fanatical terrorist terrorists regime puppet occupiers occupation occupied
	reportedly supposedly apparently merely genocidal aggressive aggression
	draconian ruthless savage cowardly heroic martyr martyrs militant militants thugs mob rioters
	provocative provocation provocations reckless irresponsible hysteria hysterical baseless
	unfounded groundless fabricated propaganda disinformation lies blatant flagrant shameless
	controversial contested disputed so-called`)

// loadedWords are evaluative words: labels, emotive verbs and
// intensifiers that carry framing wherever they are swapped in for other
// wording. Forms are listed as they appear (no stemming), lower case.
var loadedWords = wordSet(`
	slammed slams slam blasted blasts blast lashed lambasted berated scolded ripped torched
	boasted boasts bragged pocketed pocketing grabbed grab seized seize stormed storming
	crackdown cracked clampdown massacre massacred slaughter slaughtered butchered butchery
	invasion invaded invader invaders aggression aggressor aggressors occupation occupiers occupier
	occupying liberation liberated liberating liberators regime regimes junta bosses thugs mob mobs
	rioters riot riots looters terrorists terrorist terror terrorism militants insurgents
	separatists separatist secessionist secessionists zealots radicals extremists extremist
	hardliners hardline hard-line firebrand superprofits windfall profiteering profiteers greedy greed
	scheme ploy stunt hysteria hype hyped spy spying surveillance incursion
	incursions provocation provocations provocative overreaction overreacted aggressive coercion
	coercive bullying bully intimidate intimidation intimidating punish punishment punishing
	meddling interference puppet puppets propaganda lies disinformation fake sham farce
	illegal illegitimate unlawful unprovoked brutal brutally barbaric heinous savage vicious
	genocide genocidal ethnic-cleansing apartheid colonial colonialist colonizers settlers
	martyrdom martyr martyrs martyred heroic heroes defenders defender
	demanded demands caved capitulated surrendered bowed backed-down u-turn
	assault assaults onslaught rampage carnage bloodbath atrocity atrocities war-crime
	nazi nazis neo-nazi neo-nazis fascist fascists russophobic russophobia
	infiltrators illegals aliens swarm swarms flood hordes influx invasion-style
	so-called self-proclaimed self-styled notorious infamous shameful shameless disgraceful
	reckless irresponsible dangerous destabilizing destabilising hostile hostility
	draconian authoritarian dictator dictatorship tyrant tyranny despot
	kill-list death-squads pogrom lynching crush crushed crushing
	evil vile despicable callous heartless cruel wicked sinister runaway bloated wasteful extreme
	far-left far-right hard-right hard-left woke elitist elites globalist corrupt crooked rigged
	breakaway renegade self-governing self-ruled democratically rogue pariah
	left-wing right-wing far-left far-right open-borders hard-left hard-right ultra-nationalist ultranationalist
	defiant defiantly rambling tirade diatribe rant obstinate obstructionist stubborn record-breaking
	common-sense commonsense able-bodied hard-working hardworking freeloaders handouts fair unfair unjust
	innocent innocents defenceless defenseless helpless tragic tragedy heartbreaking horrific horrifying
	appalling shocking outrageous outrage scandal scandalous cynical cynically shameful
	high-precision precision-guided pinpoint surgical neutralised neutralized
	cronies henchmen stooges lackeys apologists warmongers warmonger hawks
	undocumented unauthorized unauthorised irregular queue-jumpers
	`)

// timeWords are days, months and relative dates: swapping them is a
// matter of when, never of framing.
var timeWords = wordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
	tonight morning afternoon evening night week weekend month year jan feb mar apr may jun jul aug sep
	sept oct nov dec jan. feb. mar. apr. aug. sep. sept. oct. nov. dec. january february march april june july
	august september october november december earlier later last this a.m. p.m. local time gmt utc`)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// affiliationSuffixes end compound labels that tie an actor to a patron or
// a side: "Russian-installed", "Iran-backed", "Hamas-run",
// "Taiwan-controlled".
var affiliationSuffixes = []string{"-installed", "-backed", "-run", "-led", "-controlled", "-funded", "-allied",
	"-held", "-occupied", "-appointed", "-proclaimed", "-styled", "-aligned", "-sponsored", "-supported", "-governed", "-ruled"}

// isAffiliationLabel reports whether a word is such a compound, or a pro-
// or anti- label ("pro-Kremlin", "anti-refugee").
func isAffiliationLabel(w string) bool {
	for _, pre := range []string{"pro-", "anti-"} {
		if rest, ok := strings.CutPrefix(w, pre); ok {
			// "pro-Kremlin", "anti-refugee"; not "anti-ship" or "anti-aircraft".
			return politicalObjects[rest] || nationalStem(rest)
		}
	}
	for _, suf := range affiliationSuffixes {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+1 {
			return true
		}
	}
	return false
}

// politicalObjects are what a "pro-" or "anti-" label takes a side on.
var politicalObjects = wordSet(`government regime war refugee refugees migrant migrants immigrant immigrants
	immigration abortion choice life establishment western west semitic semitism kremlin russian russia ukrainian
	ukraine american america israeli israel palestinian palestine chinese china beijing moscow kyiv kiev
	european eu nato democracy independence unification reunification union unions business islam islamic
	muslim christian jewish gay lgbt lgbtq trans vaccine vax lockdown mask brexit maidan`)

// nationalStem reports whether a word is a nationality or country name the
// lexicon of the code does not list, judged by its ending ("-ian", "-ese",
// "-ish").
func nationalStem(w string) bool {
	for _, suf := range []string{"ian", "ese", "ish", "ean"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// modifiers returns the loaded modifiers: the built-in list and the
// one-sided entries of the lexicon.
func (p *pipeline) modifiers() map[string]bool { return baseModifiers }

// entry returns the lexicon entry with the given id.
func (p *pipeline) entry(id string) *lexicon.Entry {
	for _, e := range p.lex.Entries {
		if e.ID == id {
			return e
		}
	}
	return &lexicon.Entry{ID: id, Referent: id}
}

// hitsIn returns the lexicon hits inside a sentence.
func (p *pipeline) hitsIn(s *sent) []lexicon.Match {
	hs := p.hits[s.report]
	i := sort.Search(len(hs), func(i int) bool { return hs[i].Start >= s.tstart })
	j := i
	for j < len(hs) && hs[j].End <= s.tend {
		j++
	}
	return hs[i:j]
}
