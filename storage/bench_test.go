package storage

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"framelens/storage/anchor"
)

// Size of the library the benchmarks work on.
const (
	benchCases          = 100
	benchNotesPerCase   = 100
	benchReportsPerCase = 3
)

// benchLibrary builds a library of benchCases cases, each with three
// reports (about 0.3, 0.4 and 9 KB), benchNotesPerCase notes with two tags
// and two corrections, and returns its path and the id of a case in the
// middle. It writes in one transaction to keep the set-up short.
func benchLibrary(b *testing.B) (string, int64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	wire, tabloid := report(b, "wire.txt"), report(b, "tabloid.txt")
	contents := [][]byte{wire, tabloid, bytes.Repeat(wire, 20)}
	quotes := []string{"Police said 40 people were arrested after the march.", "Cops said 40 thugs were arrested after the riot.", "Aid groups warned"}
	var middle int64
	err = l.write("build benchmark library", func(tx *sql.Tx) error {
		ctx := context.Background()
		now := nowMicros()
		for i := range benchCases {
			c, err := insertCase(ctx, tx, fmt.Sprintf("Case %d", i), "benchmark", now, now)
			if err != nil {
				return err
			}
			if i == benchCases/2 {
				middle = c.ID
			}
			var reportIDs []int64
			var sels []anchor.Selector
			for j := range benchReportsPerCase {
				id, err := insertReport(ctx, tx, Report{CaseID: c.ID, Position: j, FileName: fmt.Sprintf("r%d.txt", j),
					Content: contents[j], Created: fromMicros(now), Updated: fromMicros(now)})
				if err != nil {
					return err
				}
				reportIDs = append(reportIDs, id)
				s := bytes.Index(contents[j], []byte(quotes[j]))
				sel, err := anchor.Describe(string(contents[j]), s, s+len(quotes[j]))
				if err != nil {
					return err
				}
				sels = append(sels, sel)
			}
			for k := range benchNotesPerCase {
				j := k % benchReportsPerCase
				n := Note{CaseID: c.ID, Kind: NoteSentence, ReportID: reportIDs[j], Anchor: sels[j],
					Text: fmt.Sprintf("Note %d of case %d: the wording here frames the arrests as a matter of public order.", k, i),
					Tags: []string{"crime and punishment", fmt.Sprintf("own tag %d", k%7)}, Created: fromMicros(now), Updated: fromMicros(now)}
				if _, err := insertNote(ctx, tx, n, false); err != nil {
					return err
				}
			}
			for _, kind := range []CorrectionKind{Link, Unlink} {
				fix := Correction{CaseID: c.ID, Kind: kind, A: SentenceRef{ReportID: reportIDs[0], Anchor: sels[0]}, Created: fromMicros(now)}
				if kind == Link {
					fix.B = SentenceRef{ReportID: reportIDs[1], Anchor: sels[1]}
				}
				if _, err := insertCorrection(ctx, tx, fix); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	if err := l.Close(); err != nil {
		b.Fatal(err)
	}
	return path, middle
}

// BenchmarkOpenAndLoadCase opens a library of 100 cases and 10,000 notes
// and loads one case with its reports, notes and corrections. Target: under
// 100 ms.
func BenchmarkOpenAndLoadCase(b *testing.B) {
	path, id := benchLibrary(b)
	for b.Loop() {
		l, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		d, err := l.LoadCase(id)
		if err != nil {
			b.Fatal(err)
		}
		if len(d.Notes) != benchNotesPerCase || len(d.Reports) != benchReportsPerCase || len(d.Corrections) != 2 {
			b.Fatalf("loaded %d notes, %d reports, %d corrections", len(d.Notes), len(d.Reports), len(d.Corrections))
		}
		if err := l.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSaveNote saves notes, each in its own transaction, in a library
// of 100 cases and 10,000 notes. Target: under 5 ms per save.
func BenchmarkSaveNote(b *testing.B) {
	path, id := benchLibrary(b)
	l, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	d, err := l.LoadCase(id)
	if err != nil {
		b.Fatal(err)
	}
	r := d.Reports[2]
	b.Run("new", func(b *testing.B) {
		n := sentenceNote(b, r, NoteTerm, "thousands of families", "A new note", "quality of life", "humanitarian")
		for b.Loop() {
			if _, err := l.SaveNote(n); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("edit", func(b *testing.B) {
		n := d.Notes[0]
		i := 0
		for b.Loop() {
			i++
			n.Text = fmt.Sprintf("Edited %d times", i)
			if _, err := l.SaveNote(n); err != nil {
				b.Fatal(err)
			}
		}
	})
}
