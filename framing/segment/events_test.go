package segment

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

// The labelled events live in the shared directory beside the repository
// and in the repository's own testdata.
const (
	sharedEvents = "../../../shared/eval/dev"
	localEvents  = "../../testdata/events"
	unseenEvents = "../../testdata/unseen"
	seedReport   = "../../../shared/seed/ukrinform-wang-lavrov-2025-07.txt"
)

// gold is the part of an event's gold.json that segmentation is scored on.
type gold struct {
	Reports map[string]struct {
		Sentences []string `json:"sentences"`
	} `json:"reports"`
}

// eventDirs returns the event folders (those holding gold.json) under root.
func eventDirs(t *testing.T, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatalf("reading labelled events: %v (the shared directory must sit beside the repository)", err)
	}
	var dirs []string
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		dir := filepath.Join(root, e.Name())
		if _, err := os.Stat(filepath.Join(dir, "gold.json")); err == nil {
			dirs = append(dirs, dir)
		}
	}
	sort.Strings(dirs)
	return dirs
}

// sentences returns the text of the sentences Split finds.
func sentences(text string) []string {
	var out []string
	for _, sp := range Split(text) {
		out = append(out, text[sp.Start:sp.End])
	}
	return out
}

// labelledReport is one report of a labelled event with its gold sentences.
type labelledReport struct {
	name string // event/source
	text string
	want []string
}

// labelledReports loads every report of every labelled event.
func labelledReports(t *testing.T) []labelledReport {
	t.Helper()
	dirs := eventDirs(t, sharedEvents)
	if len(dirs) == 0 {
		t.Fatalf("no labelled events under %s", sharedEvents)
	}
	for _, local := range []string{localEvents, unseenEvents} {
		if _, err := os.Stat(local); err == nil {
			dirs = append(dirs, eventDirs(t, local)...)
		} else if !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
	}
	var reports []labelledReport
	for _, dir := range dirs {
		raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
		if err != nil {
			t.Fatal(err)
		}
		var g gold
		if err := json.Unmarshal(raw, &g); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		slugs := make([]string, 0, len(g.Reports))
		for slug := range g.Reports {
			slugs = append(slugs, slug)
		}
		sort.Strings(slugs)
		for _, slug := range slugs {
			text, err := os.ReadFile(filepath.Join(dir, "reports", slug+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			want := g.Reports[slug].Sentences
			if len(want) == 0 {
				t.Fatalf("%s: report %s has no gold sentences", dir, slug)
			}
			reports = append(reports, labelledReport{filepath.Base(dir) + "/" + slug, string(text), want})
		}
	}
	return reports
}

func TestSplitMatchesLabelledEvents(t *testing.T) {
	for _, r := range labelledReports(t) {
		t.Run(r.name, func(t *testing.T) {
			got := sentences(r.text)
			if d := diffSentences(got, r.want); d != "" {
				t.Errorf("sentences differ from the gold labels:\n%s", d)
			}
		})
	}
}

// TestSplitHardWrappedEvents wraps the labelled reports at common line
// widths, as plain-text mail and terminals do, and expects the same
// sentences.
func TestSplitHardWrappedEvents(t *testing.T) {
	breaks := 0 // line breaks added by wrapping
	for _, r := range labelledReports(t) {
		for _, width := range []int{50, 60, 72, 79, 100} {
			text := wrapLines(r.text, width)
			breaks += strings.Count(text, "\n") - strings.Count(r.text, "\n")
			t.Run(fmt.Sprintf("%s/%d", r.name, width), func(t *testing.T) {
				got, want := sentences(text), make([]string, len(r.want))
				for i, s := range got {
					got[i] = strings.Join(strings.Fields(s), " ")
				}
				for i, s := range r.want {
					want[i] = strings.Join(strings.Fields(s), " ")
				}
				if d := diffSentences(got, want); d != "" {
					t.Errorf("sentences of the text wrapped at %d differ from the gold labels:\n%s", width, d)
				}
			})
		}
	}
	if breaks == 0 {
		t.Fatal("wrapping the reports added no line breaks")
	}
}

// wrapLines breaks every line of text greedily so that no line is longer
// than width characters (unless one word is).
func wrapLines(text string, width int) string {
	var b strings.Builder
	for i, para := range strings.Split(text, "\n") {
		if i > 0 {
			b.WriteByte('\n')
		}
		n := 0
		for _, w := range strings.Fields(para) {
			l := utf8.RuneCountInString(w)
			switch {
			case n == 0:
			case n+1+l > width:
				b.WriteByte('\n')
				n = 0
			default:
				b.WriteByte(' ')
				n++
			}
			b.WriteString(w)
			n += l
		}
	}
	return b.String()
}

// diffSentences describes where got and want first part ways, or returns ""
// when they are equal.
func diffSentences(got, want []string) string {
	for i := 0; i < len(got) || i < len(want); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			return fmt.Sprintf("first difference at sentence %d:\n  got:  %q\n  want: %q\n(got %d sentences, want %d)",
				i, g, w, len(got), len(want))
		}
	}
	return ""
}
