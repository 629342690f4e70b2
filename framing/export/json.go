package export

import (
	"encoding/json"
	"fmt"
	"io"
	"time"

	"framelens/framing"
)

// jsonDoc is the JSON export: the comparison contract of `framelens
// compare --format json`, field for field, followed by the case and the
// notes.
type jsonDoc struct {
	*framing.Comparison
	Case  jsonCase   `json:"case"`
	Notes []jsonNote `json:"notes"`
}

type jsonCase struct {
	Name      string       `json:"name"`
	Date      string       `json:"date"`
	Generated string       `json:"generated,omitempty"`
	Outlets   []jsonOutlet `json:"outlets"`
}

type jsonOutlet struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	Date  string `json:"date"`
	URL   string `json:"url"`
}

// jsonNote is a note; report and row are 0-based indices into the
// comparison, -1 when the note has none.
type jsonNote struct {
	Kind    string   `json:"kind"`
	Report  int      `json:"report"`
	Row     int      `json:"row"`
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Quote   string   `json:"quote"`
	Text    string   `json:"text"`
	Tags    []string `json:"tags"`
	Created string   `json:"created,omitempty"`
	Updated string   `json:"updated,omitempty"`
}

// JSON writes the comparison in the stable contract of `framelens compare
// --format json` (same fields, same indices, same encoding) with two more
// fields: "case" (name, date, the time of the export and the outlets) and
// "notes" (each with its row worked out). FramingOnly does not apply: the
// JSON always holds the whole comparison.
func JSON(w io.Writer, c Case, opts Options) error {
	v, err := newView(c, opts)
	if err != nil {
		return err
	}
	doc := jsonDoc{
		Comparison: v.cmp,
		Case: jsonCase{
			Name:    v.title(),
			Date:    oneLine(v.c.Date),
			Outlets: []jsonOutlet{},
		},
		Notes: []jsonNote{},
	}
	if !opts.Generated.IsZero() {
		doc.Case.Generated = opts.Generated.Format(time.RFC3339)
	}
	for _, o := range v.outlets {
		doc.Case.Outlets = append(doc.Case.Outlets, jsonOutlet(o))
	}
	for i, n := range v.c.Notes {
		report := n.Report
		if report < 0 || report >= len(v.cmp.Reports) {
			report = -1
		}
		tags := cleanTags(n.Tags)
		if tags == nil {
			tags = []string{}
		}
		doc.Notes = append(doc.Notes, jsonNote{
			Kind: n.Kind, Report: report, Row: v.noteRow[i], Start: n.Start, End: n.End,
			Quote: n.Quote, Text: n.Text, Tags: tags,
			Created: csvTime(n.Created), Updated: csvTime(n.Updated),
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("export: encoding JSON: %w", err)
	}
	return nil
}
