package export

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	"framelens/framing"
)

//go:embed report.html.tmpl
var reportTemplate string

//go:embed report.css
var reportCSS string

// page is parsed once; html/template escapes every value for the place it
// lands in (text, attribute, URL), which is what keeps report and note
// text from becoming markup.
var page = template.Must(template.New("report").Parse(reportTemplate))

// HTML writes the case as one self-contained HTML page: the outlets, a
// coverage heat map, the terminology table, the aligned rows with the
// differences highlighted by kind and the notes beside their rows. The page
// loads nothing (no fonts, scripts or images), runs no script and prints
// on A4 landscape without cutting a row in two.
func HTML(w io.Writer, c Case, opts Options) error {
	v, err := newView(c, opts)
	if err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	if err := page.Execute(b, v.htmlPage()); err != nil {
		return fmt.Errorf("export: writing the HTML report: %w", err)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("export: writing the HTML report: %w", err)
	}
	return nil
}

// htmlPage is the data of the HTML template.
type htmlPage struct {
	CSS         template.CSS
	Title       string
	Date        string
	Generated   string
	Stats       []htmlStat
	Outlets     []htmlOutlet
	HasDates    bool // some outlet has a publication date
	HasURLs     bool // some outlet has an address
	Heat        htmlHeat
	Terms       []htmlTerm
	Kinds       []htmlKind
	Rows        []htmlRow
	Columns     int // number of outlet columns
	NotesColumn bool
	ShownRows   int
	TotalRows   int
	FramingOnly bool
	OtherNotes  []htmlNote
}

type htmlStat struct {
	Value int
	Label string
}

type htmlOutlet struct {
	Num   int
	Name  string
	Title string
	Date  string
	// Link is the URL when it is a safe http(s) address; otherwise URL is
	// shown as plain text.
	Link string
	URL  string
}

type htmlTerm struct {
	Description string
	Category    string
	Referent    string
	Cells       [][]htmlTermCount // per outlet
	Differs     bool              // the outlets do not all use the same terms
}

type htmlTermCount struct {
	Term  string
	Count int
}

type htmlKind struct {
	Class string
	Name  string
	Desc  string
}

type htmlRow struct {
	Num     int
	ID      string
	Framing bool
	Missing int
	Cells   []htmlCell
	Diffs   []htmlDiff
	Notes   []htmlNote
}

type htmlCell struct {
	Outlet  string
	Missing bool
	Pieces  []htmlPiece
}

type htmlPiece struct {
	Text  string
	Class string // "" for plain text
	Title string
}

type htmlDiff struct {
	Class       string
	Kind        string
	Sides       []side
	Explanation string
}

type htmlNote struct {
	Kind    string
	Outlet  string
	Where   string // for notes listed apart: the row, or why it has none
	Quote   string
	Lines   []string
	Tags    []string
	Created string
	Updated string
}

// kindClass is the CSS class of a kind of difference.
func kindClass(k framing.Kind) string {
	if knownKind(k) {
		return "k-" + string(k)
	}
	return "k-other"
}

// kindName names a kind for people.
func kindName(k framing.Kind) string {
	for _, ki := range kinds {
		if ki.Kind == k {
			return ki.Name
		}
	}
	return oneLine(string(k))
}

func (v *view) htmlPage() htmlPage {
	st := v.stats()
	p := htmlPage{
		CSS:         template.CSS(reportCSS),
		Title:       v.title(),
		Date:        oneLine(v.c.Date),
		Generated:   generatedTime(v.opts.Generated),
		Columns:     len(v.outlets),
		NotesColumn: len(v.c.Notes) > 0,
		TotalRows:   st.Rows,
		FramingOnly: v.opts.FramingOnly,
		Stats: []htmlStat{
			{len(v.outlets), "outlets"},
			{st.Rows, "aligned rows"},
			{st.Framing, "with framing differences"},
			{st.Omitted, "not reported by every outlet"},
			{st.Notes, "analyst notes"},
		},
	}
	for i, o := range v.outlets {
		ho := htmlOutlet{Num: i + 1, Name: o.Name, Title: o.Title, Date: o.Date, URL: oneLine(o.URL)}
		if safeLink(o.URL) {
			ho.Link = o.URL
		}
		p.HasDates = p.HasDates || ho.Date != ""
		p.HasURLs = p.HasURLs || ho.URL != ""
		p.Outlets = append(p.Outlets, ho)
	}
	p.Heat = v.heatMap()
	p.Terms = v.htmlTerms()
	for _, k := range kinds {
		p.Kinds = append(p.Kinds, htmlKind{Class: kindClass(k.Kind), Name: k.Name, Desc: k.Desc})
	}
	for ri := range v.cmp.Rows {
		if !v.shown(ri) {
			continue
		}
		p.Rows = append(p.Rows, v.htmlRow(ri))
	}
	p.ShownRows = len(p.Rows)
	for i, n := range v.c.Notes {
		row := v.noteRow[i]
		switch {
		case row < 0:
			hn := v.htmlNote(n)
			hn.Where = "Not placed in a row: its text was not found in the reports compared"
			p.OtherNotes = append(p.OtherNotes, hn)
		case !v.shown(row):
			hn := v.htmlNote(n)
			hn.Where = fmt.Sprintf("Row %d (not shown: no framing difference)", row+1)
			p.OtherNotes = append(p.OtherNotes, hn)
		}
	}
	return p
}

// safeLink reports whether u is an absolute http or https URL, the only
// addresses the report turns into links.
func safeLink(u string) bool {
	if u == "" || strings.ContainsAny(u, " \t\r\n") {
		return false
	}
	parsed, err := url.Parse(u)
	if err != nil {
		return false
	}
	scheme := strings.ToLower(parsed.Scheme)
	return (scheme == "http" || scheme == "https") && parsed.Host != ""
}

func (v *view) htmlRow(ri int) htmlRow {
	r := htmlRow{Num: ri + 1, ID: fmt.Sprintf("row-%d", ri+1), Framing: v.cmp.RowFraming(ri), Missing: len(v.cmp.RowMissing(ri))}
	for rep := range v.cmp.Reports {
		cell := htmlCell{Outlet: v.outlets[rep].Name}
		if !v.reported(ri, rep) {
			cell.Missing = true
			r.Cells = append(r.Cells, cell)
			continue
		}
		for k, si := range v.cmp.Rows[ri].Cells[rep] {
			if k > 0 {
				cell.Pieces = append(cell.Pieces, htmlPiece{Text: " "})
			}
			for _, pc := range v.cmp.Pieces(rep, si) {
				cell.Pieces = append(cell.Pieces, v.htmlPiece(pc))
			}
		}
		r.Cells = append(r.Cells, cell)
	}
	for _, d := range v.cmp.RowDifferences(ri) {
		if !shownDifference(d) {
			continue
		}
		r.Diffs = append(r.Diffs, htmlDiff{
			Class:       kindClass(d.Kind),
			Kind:        kindName(d.Kind),
			Sides:       v.groupedSides(d),
			Explanation: oneLine(d.Explanation),
		})
	}
	for _, ni := range v.rowNotes[ri] {
		r.Notes = append(r.Notes, v.htmlNote(v.c.Notes[ni]))
	}
	return r
}

// htmlPiece turns a run of a sentence into a highlighted or plain piece.
func (v *view) htmlPiece(pc framing.Piece) htmlPiece {
	if pc.Diff < 0 || pc.Diff >= len(v.cmp.Differences) {
		return htmlPiece{Text: pc.Text}
	}
	d := v.cmp.Differences[pc.Diff]
	class := "d " + kindClass(pc.Kind) + " fr"
	title := kindName(pc.Kind)
	if pc.Framing && pc.Counterpart {
		// What this outlet says in the place of another's framing words.
		class += " cp"
		title += " (what this outlet says in its place)"
	}
	if !pc.Framing {
		// Rewording and other differences that do not frame are faint.
		class = "d rew"
		title += " (not framing)"
	}
	if e := oneLine(d.Explanation); e != "" {
		title += ": " + e
	}
	return htmlPiece{Text: pc.Text, Class: class, Title: title}
}

func (v *view) htmlNote(n Note) htmlNote {
	hn := htmlNote{
		Kind:    noteKindLabel(n.Kind),
		Outlet:  v.noteOutlet(n),
		Quote:   oneLine(n.Quote),
		Tags:    cleanTags(n.Tags),
		Created: noteTime(n.Created),
		Updated: noteTime(n.Updated),
	}
	if hn.Updated == hn.Created {
		hn.Updated = ""
	}
	text := strings.ReplaceAll(strings.TrimSpace(n.Text), "\r\n", "\n")
	if text != "" {
		hn.Lines = strings.Split(text, "\n")
	}
	return hn
}

func (v *view) htmlTerms() []htmlTerm {
	var out []htmlTerm
	for _, t := range v.cmp.Terms {
		ht := htmlTerm{
			Description: oneLine(t.Description),
			Category:    strings.ReplaceAll(oneLine(t.Category), "-", " "),
			Referent:    oneLine(t.Referent),
			Cells:       make([][]htmlTermCount, len(v.outlets)),
		}
		if ht.Description == "" {
			ht.Description = ht.Referent
		}
		used := map[string]bool{}
		for _, rt := range t.Reports {
			if rt.Report < 0 || rt.Report >= len(v.outlets) {
				continue
			}
			var set []string
			for _, tc := range rt.Terms {
				ht.Cells[rt.Report] = append(ht.Cells[rt.Report], htmlTermCount{Term: oneLine(tc.Term), Count: tc.Count})
				set = append(set, strings.ToLower(tc.Term))
			}
			if len(set) > 0 {
				used[strings.Join(set, "\x00")] = true
			}
		}
		ht.Differs = len(used) > 1
		out = append(out, ht)
	}
	return out
}

// htmlHeat is the coverage heat map drawn as inline SVG: one column per
// row, one band per outlet.
type htmlHeat struct {
	Width, Height int
	Labels        []htmlHeatLabel
	Cells         []htmlHeatCell
	Ticks         []htmlHeatTick
	Counts        []htmlHeatCount
}

type htmlHeatLabel struct {
	X, Y int
	Text string
	Full string
}

type htmlHeatCell struct {
	X, Y, W, H int
	Class      string
	Title      string
	Href       string // "" when the row is not in the report
}

type htmlHeatTick struct {
	X, Y int
	Text string
}

// htmlHeatCount sums up one outlet's coverage beside its band.
type htmlHeatCount struct {
	X, Y                   int
	Same, Framing, Missing int
}

// Heat map geometry, in CSS pixels.
const (
	heatBand     = 26  // height of one outlet's band
	heatGap      = 4   // space between bands
	heatTop      = 4   // space above the first band
	heatAxis     = 22  // room for the row numbers below the bands
	heatPlot     = 860 // width the rows share
	heatMaxCell  = 40  // widest cell
	heatMinCell  = 3   // narrowest cell
	heatCountsW  = 150 // room for the counts right of the bands
	heatCharW    = 7   // width of a label character, roughly
	heatMaxLabel = 26  // longest label, in characters
)

func (v *view) heatMap() htmlHeat {
	rows := len(v.cmp.Rows)
	labelChars := 4
	for _, o := range v.outlets {
		labelChars = max(labelChars, min(heatMaxLabel, utf8.RuneCountInString(o.Name)))
	}
	left := labelChars*heatCharW + 14
	cell := heatMaxCell
	if rows > 0 {
		cell = max(heatMinCell, min(heatMaxCell, heatPlot/rows))
	}
	plot := cell * rows
	h := htmlHeat{
		Width:  left + plot + heatCountsW,
		Height: heatTop + len(v.outlets)*(heatBand+heatGap) + heatAxis,
	}
	names := [...]string{coverSame: "reported the same", coverFraming: "reported with framing differences", coverMissing: "not reported"}
	classes := [...]string{coverSame: "same", coverFraming: "framing", coverMissing: "missing"}
	for rep, o := range v.outlets {
		y := heatTop + rep*(heatBand+heatGap)
		h.Labels = append(h.Labels, htmlHeatLabel{X: left - 10, Y: y + heatBand/2 + 4, Text: truncate(o.Name, heatMaxLabel), Full: o.Name})
		var count htmlHeatCount
		for ri := range rows {
			cov := v.coverageOf(ri, rep)
			switch cov {
			case coverSame:
				count.Same++
			case coverFraming:
				count.Framing++
			default:
				count.Missing++
			}
			hc := htmlHeatCell{
				X: left + ri*cell, Y: y, W: cell, H: heatBand,
				Class: classes[cov],
				Title: fmt.Sprintf("Row %d, %s: %s", ri+1, o.Name, names[cov]),
			}
			if v.shown(ri) {
				hc.Href = fmt.Sprintf("#row-%d", ri+1)
			}
			h.Cells = append(h.Cells, hc)
		}
		count.X = left + plot + 12
		count.Y = y + heatBand/2 + 4
		h.Counts = append(h.Counts, count)
	}
	step := tickStep(rows, cell)
	axisY := heatTop + len(v.outlets)*(heatBand+heatGap) + 12
	for ri := 0; ri < rows; ri++ {
		if ri == 0 || (ri+1)%step == 0 {
			h.Ticks = append(h.Ticks, htmlHeatTick{X: left + ri*cell + cell/2, Y: axisY, Text: fmt.Sprint(ri + 1)})
		}
	}
	return h
}

// tickStep is how often the heat map numbers its rows so that the numbers
// do not run into each other.
func tickStep(rows, cell int) int {
	for _, s := range []int{1, 2, 5, 10, 20, 50, 100, 200, 500, 1000} {
		if s*cell >= 26 {
			return s
		}
	}
	return max(1, rows)
}

// truncate shortens s to at most n characters, ending it with an ellipsis
// when cut.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
