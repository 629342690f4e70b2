// Package evalset loads labelled evaluation events and scores a
// framing.Comparison against their gold labels.
//
// An event is a folder holding reports/<source>.txt and gold.json, in the
// format described by the evaluation set's FORMAT.md. Score computes the
// same metrics as the reference scorer score.py: sentence segmentation
// (exact spans after trimming white space), alignment precision and recall
// over sentence-pair links, and framing recall and precision over the gold
// framing terms. Mean averages per-event metrics the way score.py's summary
// line does.
package evalset

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Event is one labelled event: its report files and its gold labels.
type Event struct {
	// Slug is the name of the event folder.
	Slug string
	// Dir is the event folder.
	Dir string
	// Sources are the report slugs of the gold file, sorted.
	Sources []string
	// Paths are the report files, in Sources order. The engine is run on
	// these paths, so its reports come out in the same order.
	Paths []string
	// Gold holds the gold labels read from gold.json.
	Gold Gold

	// texts are the report bytes in Sources order, read by LoadEvent.
	texts [][]byte
}

// Gold is the content of an event's gold.json.
type Gold struct {
	Event   string                `json:"event"`
	Date    string                `json:"date"`
	Reports map[string]GoldReport `json:"reports"`
	// Rows map source slugs to the indices of that source's sentences
	// that state the same fact.
	Rows []map[string][]int `json:"rows"`
	// Framing lists every framing difference in the aligned rows.
	Framing []FramingEntry `json:"framing"`
}

// GoldReport is the gold segmentation of one report.
type GoldReport struct {
	OutletStyle string `json:"outlet_style"`
	// Sentences are exact substrings of the report file, in order; the
	// headline is sentence 0.
	Sentences []string `json:"sentences"`
}

// FramingEntry is one gold framing difference: a referent named or
// qualified differently by several sources in one row.
type FramingEntry struct {
	Row      int    `json:"row"`
	Referent string `json:"referent"`
	Category string `json:"category"`
	// Terms maps a source slug to its exact term in that row. The empty
	// string marks a source that lacks a loaded modifier another adds.
	Terms map[string]string `json:"terms"`
}

// LoadSet loads every event of a set: each subfolder of dir that holds a
// gold.json, in name order.
func LoadSet(dir string) ([]*Event, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("evalset: reading set: %w", err)
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	var events []*Event
	for _, name := range names {
		d := filepath.Join(dir, name)
		if di, err := os.Stat(d); err != nil || !di.IsDir() {
			continue
		}
		fi, err := os.Stat(filepath.Join(d, "gold.json"))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("evalset: event %s: %w", name, err)
		}
		if !fi.Mode().IsRegular() {
			continue
		}
		ev, err := LoadEvent(d)
		if err != nil {
			return nil, err
		}
		events = append(events, ev)
	}
	return events, nil
}

// LoadEvent loads one event folder: its gold.json and its report files.
// It checks that the gold labels refer only to existing reports, sentences
// and rows.
func LoadEvent(dir string) (*Event, error) {
	slug := filepath.Base(dir)
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return nil, fmt.Errorf("evalset: event %s: %w", slug, err)
	}
	ev := &Event{Slug: slug, Dir: dir}
	if err := json.Unmarshal(raw, &ev.Gold); err != nil {
		return nil, fmt.Errorf("evalset: event %s: parsing gold.json: %w", slug, err)
	}
	for s := range ev.Gold.Reports {
		ev.Sources = append(ev.Sources, s)
	}
	sort.Strings(ev.Sources)
	for _, s := range ev.Sources {
		p := filepath.Join(dir, "reports", s+".txt")
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("evalset: event %s: report %s: %w", slug, s, err)
		}
		ev.Paths = append(ev.Paths, p)
		ev.texts = append(ev.texts, b)
	}
	if err := ev.Gold.check(); err != nil {
		return nil, fmt.Errorf("evalset: event %s: %w", slug, err)
	}
	return ev, nil
}

// check verifies that rows and framing entries refer to existing reports,
// sentences and rows.
func (g *Gold) check() error {
	if len(g.Reports) == 0 {
		return errors.New("gold has no reports")
	}
	for k, row := range g.Rows {
		for s, idx := range row {
			rep, ok := g.Reports[s]
			if !ok {
				return fmt.Errorf("row %d: unknown source %q", k, s)
			}
			for _, i := range idx {
				if i < 0 || i >= len(rep.Sentences) {
					return fmt.Errorf("row %d: %s sentence %d out of range", k, s, i)
				}
			}
		}
	}
	for n, f := range g.Framing {
		if f.Row < 0 || f.Row >= len(g.Rows) {
			return fmt.Errorf("framing entry %d: row %d out of range", n, f.Row)
		}
	}
	return nil
}

// reportTexts returns the report bytes in Sources order, reading the files
// when the event was not built by LoadEvent.
func (ev *Event) reportTexts() ([][]byte, error) {
	if len(ev.texts) == len(ev.Sources) && len(ev.texts) > 0 {
		return ev.texts, nil
	}
	if len(ev.Paths) != len(ev.Sources) {
		return nil, fmt.Errorf("evalset: event %s: %d paths for %d sources", ev.Slug, len(ev.Paths), len(ev.Sources))
	}
	texts := make([][]byte, len(ev.Paths))
	for i, p := range ev.Paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("evalset: event %s: report %s: %w", ev.Slug, ev.Sources[i], err)
		}
		texts[i] = b
	}
	return texts, nil
}
