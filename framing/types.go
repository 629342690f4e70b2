package framing

import (
	"sync"

	"framelens/framing/ingest"
)

// Comparison is the result of comparing the reports of one event. Its JSON
// encoding is the stable contract of `framelens compare --format json`:
// fields may be added, never renamed.
type Comparison struct {
	Reports     []Report     `json:"reports"`
	Rows        []Row        `json:"rows"`
	Differences []Difference `json:"differences"`
	Terms       []TermUsage  `json:"terms"`
	// Warnings lists problems that did not stop the comparison, such as
	// invalid UTF-8 that was repaired. Each names the report concerned.
	Warnings []string `json:"warnings,omitempty"`

	docs []*ingest.Document // the documents compared, for display helpers

	indexOnce sync.Once
	sentRow   [][]int // report -> sentence -> row, built on first use
}

// Report is one compared document as the comparison sees it.
type Report struct {
	// Name is the file name without its extension (or the outlet name of a
	// pasted report).
	Name string `json:"name"`
	// Path is the path as given on the command line, or empty.
	Path  string `json:"path"`
	Title string `json:"title"`
	// Sentences are in reading order; their offsets are byte offsets into
	// the original bytes of the document.
	Sentences []Sentence `json:"sentences"`
}

// Sentence is one sentence of a report.
type Sentence struct {
	// Start and End are byte offsets into the original file, End exclusive.
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the sentence as analysed: markup removed and runs of white
	// space folded into one space.
	Text string `json:"text"`
}

// Row groups the sentences of different reports that state the same fact.
type Row struct {
	// Cells has one entry per report, in report order: the indices of that
	// report's sentences in this row (empty when the report left it out).
	Cells [][]int `json:"cells"`
}

// Kind names what sort of difference a Difference is.
type Kind string

// The kinds of difference the engine reports.
const (
	// KindLexicon: a known contested referent named with different terms.
	KindLexicon Kind = "lexicon"
	// KindSubstitution: other content words swapped between aligned sentences.
	KindSubstitution Kind = "substitution"
	// KindModifier: a loaded modifier (so-called, alleged, illegal...) added
	// in one report and absent from the others.
	KindModifier Kind = "modifier"
	// KindNumber: a different figure for the same quantity.
	KindNumber Kind = "number"
	// KindAttribution: a different attribution verb (said / claimed).
	KindAttribution Kind = "attribution"
	// KindQuotation: a direct quotation present in one report only.
	KindQuotation Kind = "quotation"
	// KindRewording: neutral rewording such as spelling variants, number
	// formatting or function words. Never framing.
	KindRewording Kind = "rewording"
)

// Difference is one phrase-level difference between the sentences of a row.
type Difference struct {
	Row     int    `json:"row"`
	Kind    Kind   `json:"kind"`
	Framing bool   `json:"framing"`
	Spans   []Span `json:"spans"`
	// Referent is the lexicon referent id for KindLexicon differences.
	Referent string `json:"referent,omitempty"`
	// Explanation says in one sentence why the difference matters (or not).
	Explanation string `json:"explanation,omitempty"`
}

// Span is a piece of one report's text. An empty span (Start == End) marks
// where a report has nothing in place of another report's words.
type Span struct {
	Report int    `json:"report"`
	Start  int    `json:"start"`
	End    int    `json:"end"`
	Text   string `json:"text"`
	// Counterpart marks words that only stand in the place of another
	// report's framing words ("Ukrainian officials" against "the Kiev
	// regime"): they show what this report says there and frame nothing
	// themselves.
	Counterpart bool `json:"counterpart,omitempty"`
}

// TermUsage is one line of the terminology summary: for one contested
// referent, which terms each report uses and how often, over the whole
// report (inside and outside aligned rows).
type TermUsage struct {
	Referent    string `json:"referent"`
	Description string `json:"description"`
	Category    string `json:"category"`
	// Reports has one entry per report, in report order.
	Reports []ReportTerms `json:"reports"`
}

// ReportTerms is the use of one referent's terms in one report.
type ReportTerms struct {
	Report int         `json:"report"`
	Terms  []TermCount `json:"terms"`
}

// TermCount is how often one term occurs in one report, with the rows it
// occurs in (-1 never appears: every sentence belongs to a row).
type TermCount struct {
	Term  string `json:"term"`
	Count int    `json:"count"`
	Rows  []int  `json:"rows"`
}
