package storage

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"
)

// openTemp opens a new library in a temporary folder, closed at the end of
// the test.
func openTemp(t testing.TB) *Library {
	t.Helper()
	l, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := l.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return l
}

// report reads a report fixture from testdata/reports.
func report(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "reports", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// span returns the byte offsets of the first occurrence of quote in content.
func span(t testing.TB, content []byte, quote string) (int, int) {
	t.Helper()
	i := bytes.Index(content, []byte(quote))
	if i < 0 {
		t.Fatalf("%q is not in the text", quote)
	}
	return i, i + len(quote)
}

// sentenceNote returns an unsaved note on quote in report r.
func sentenceNote(t testing.TB, r Report, kind NoteKind, quote, text string, tags ...string) Note {
	t.Helper()
	s, e := span(t, r.Content, quote)
	n := Note{Kind: kind, ReportID: r.ID, Text: text, Tags: tags}
	n.Anchor.Start, n.Anchor.End = s, e
	return n
}

// ref returns a sentence reference to quote in report r.
func ref(t testing.TB, r Report, quote string) SentenceRef {
	t.Helper()
	s, e := span(t, r.Content, quote)
	var sr SentenceRef
	sr.ReportID, sr.Anchor.Start, sr.Anchor.End = r.ID, s, e
	return sr
}

// testCase is a case with the two fixture reports.
type testCase struct {
	Case    Case
	Wire    Report
	Tabloid Report
}

func newTestCase(t testing.TB, l *Library, name string) testCase {
	t.Helper()
	c, err := l.CreateCase(name, "Border closure, "+name)
	if err != nil {
		t.Fatalf("CreateCase: %v", err)
	}
	wire, err := l.AddReport(c.ID, Report{FileName: "wire.txt", Outlet: "Wire Service", Title: "Border crossing closed after clashes", Author: "Ana Ruiz",
		Published: "2024-03-04", URL: "https://wire.example/border", Language: "en", Reference: true, Content: report(t, "wire.txt")})
	if err != nil {
		t.Fatalf("AddReport: %v", err)
	}
	tabloid, err := l.AddReport(c.ID, Report{FileName: "tabloid.txt", Outlet: "The Daily Shout", Title: "BORDER CHAOS",
		Published: "2024-03-05", Language: "en", Content: report(t, "tabloid.txt")})
	if err != nil {
		t.Fatalf("AddReport: %v", err)
	}
	return testCase{Case: c, Wire: wire, Tabloid: tabloid}
}

// mustSave saves a note, failing the test on error.
func mustSave(t testing.TB, l *Library, n Note) Note {
	t.Helper()
	saved, err := l.SaveNote(n)
	if err != nil {
		t.Fatalf("SaveNote: %v", err)
	}
	return saved
}

// rawDB opens the library file directly, for checks below the API.
func rawDB(t testing.TB, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(5000)"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// integrity runs PRAGMA integrity_check and foreign_key_check on the file.
func integrity(t testing.TB, path string) {
	t.Helper()
	db := rawDB(t, path)
	var res string
	if err := db.QueryRowContext(context.Background(), "PRAGMA integrity_check").Scan(&res); err != nil {
		t.Fatalf("integrity_check: %v", err)
	}
	if res != "ok" {
		t.Fatalf("integrity_check: %s", res)
	}
	rows, err := db.QueryContext(context.Background(), "PRAGMA foreign_key_check")
	if err != nil {
		t.Fatalf("foreign_key_check: %v", err)
	}
	defer rows.Close()
	if rows.Next() {
		t.Fatal("foreign_key_check found rows pointing at missing rows")
	}
	db.Close()
}
