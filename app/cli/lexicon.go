package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/tabwriter"

	"framelens/framing/lexicon"
)

// LexiconUsage is the help of `framelens lexicon`.
const LexiconUsage = `Usage:
  framelens lexicon list [--format text|json] [--lexicon FILE]
        every referent with its id, kind, category, language(s) and terms
  framelens lexicon check FILE...
        validate lexicon files; each problem is printed with its line and field
        (exit status 2 when there is any)
`

// Lexicon runs `framelens lexicon` with args (after the subcommand) and
// returns the exit status.
func Lexicon(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, LexiconUsage)
		return ExitUsage
	}
	switch args[0] {
	case "list":
		return lexiconList(args[1:], stdout, stderr)
	case "check":
		return lexiconCheck(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "framelens lexicon: unknown command %q\n\n%s", args[0], LexiconUsage)
	return ExitUsage
}

// referentListing is one line of `framelens lexicon list`.
type referentListing struct {
	ID        string              `json:"id"`
	Kind      string              `json:"kind"`
	Category  string              `json:"category"`
	Domain    string              `json:"domain"`
	Referent  string              `json:"referent"`
	Languages []string            `json:"languages"`
	Terms     map[string][]string `json:"terms"` // language -> terms
	Origin    string              `json:"origin"`
}

func lexiconList(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("lexicon list", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "")
	lexFile := fs.String("lexicon", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		fmt.Fprintf(stderr, "framelens lexicon list: bad arguments %q\n\n%s", args, LexiconUsage)
		return ExitUsage
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "framelens lexicon list: --format %q: use text or json\n", *format)
		return ExitUsage
	}
	lex, code := loadLexicon(*lexFile, stderr)
	if code != ExitOK {
		return code
	}
	byID := map[string]*referentListing{}
	var ids []string
	for _, e := range lex.Entries {
		l := byID[e.ID]
		if l == nil {
			l = &referentListing{ID: e.ID, Kind: e.Kind, Category: e.Category, Domain: e.Domain, Referent: e.Referent, Terms: map[string][]string{}, Origin: e.Origin}
			byID[e.ID] = l
			ids = append(ids, e.ID)
		}
		l.Languages = append(l.Languages, e.Lang)
		for _, t := range e.Terms {
			l.Terms[e.Lang] = append(l.Terms[e.Lang], t.Term)
		}
	}
	sort.Strings(ids)
	list := make([]referentListing, len(ids))
	for i, id := range ids {
		sort.Strings(byID[id].Languages)
		list[i] = *byID[id]
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", " ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(list); err != nil {
			fmt.Fprintf(stderr, "framelens lexicon list: %v\n", err)
			return ExitError
		}
		return ExitOK
	}
	tw := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tKIND\tCATEGORY\tLANG\tTERMS")
	for _, l := range list {
		for _, lang := range l.Languages {
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", l.ID, l.Kind, l.Category, lang, strings.Join(l.Terms[lang], " | "))
		}
	}
	if err := tw.Flush(); err != nil {
		fmt.Fprintf(stderr, "framelens lexicon list: %v\n", err)
		return ExitError
	}
	fmt.Fprintf(stdout, "%d referents\n", len(list))
	return ExitOK
}

func lexiconCheck(files []string, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		fmt.Fprintf(stderr, "framelens lexicon check: give the lexicon file(s) to check\n")
		return ExitUsage
	}
	bad := false
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fmt.Fprintf(stderr, "%s: cannot read: %v\n", f, err)
			bad = true
			continue
		}
		lex, problems := lexicon.Parse(f, data)
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		if len(problems) > 0 {
			bad = true
			continue
		}
		fmt.Fprintf(stdout, "%s: ok, %d entries\n", f, len(lex.Entries))
	}
	if bad {
		return ExitUsage
	}
	return ExitOK
}
