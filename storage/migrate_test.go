package storage

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestMigrationsAreNumbered(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) != SchemaVersion {
		t.Fatalf("%d migrations, SchemaVersion is %d", len(ms), SchemaVersion)
	}
	for i, m := range ms {
		if m.Version != i+1 || !strings.HasPrefix(m.Name, fmt.Sprintf("%04d_", i+1)) {
			t.Errorf("migration %d is %s (version %d)", i+1, m.Name, m.Version)
		}
	}
}

// TestUpgradeEarlierVersions opens a library made by each earlier format
// version and checks that the upgrade keeps every row and value.
func TestUpgradeEarlierVersions(t *testing.T) {
	for v := 1; v < SchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			dump, err := os.ReadFile(fixturePath(v))
			if err != nil {
				t.Fatal(err)
			}
			path := loadFixture(t, string(dump))

			// Everything the old library holds, table by table.
			old := rawDB(t, path)
			var tables []string
			rows, err := old.Query("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
			if err != nil {
				t.Fatal(err)
			}
			for rows.Next() {
				var name string
				if err := rows.Scan(&name); err != nil {
					t.Fatal(err)
				}
				tables = append(tables, name)
			}
			rows.Close()
			before := map[string][][]any{}
			columns := map[string][]string{}
			for _, tbl := range tables {
				columns[tbl] = tableColumns(t, old, tbl)
				before[tbl] = tableRows(t, old, tbl, columns[tbl])
			}
			old.Close()

			l, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer l.Close()

			var version int
			if err := l.db.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != SchemaVersion {
				t.Fatalf("user_version = %d (%v), want %d", version, err, SchemaVersion)
			}
			for _, tbl := range tables {
				after := tableRows(t, l.db, tbl, columns[tbl])
				if !reflect.DeepEqual(before[tbl], after) {
					t.Errorf("table %s changed in the upgrade:\nbefore %v\nafter  %v", tbl, before[tbl], after)
				}
			}
			checkUpgradedThroughAPI(t, l, before, columns)
			integrity(t, path)

			// Opening again finds nothing left to do.
			if err := l.Close(); err != nil {
				t.Fatal(err)
			}
			l2, err := Open(path)
			if err != nil {
				t.Fatalf("second Open: %v", err)
			}
			l2.Close()
		})
	}
}

// checkUpgradedThroughAPI reads an upgraded library through the API.
// before holds the rows of each table of the old library, columns their
// column names.
func checkUpgradedThroughAPI(t *testing.T, l *Library, before map[string][][]any, columns map[string][]string) {
	t.Helper()
	cases, err := l.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != len(before["cases"]) {
		t.Fatalf("%d cases, the old library had %d", len(cases), len(before["cases"]))
	}
	notes, corrections := 0, 0
	for _, c := range cases {
		d, err := l.LoadCase(c.ID)
		if err != nil {
			t.Fatalf("LoadCase(%d): %v", c.ID, err)
		}
		for _, r := range d.Reports {
			if hashContent(r.Content) != r.SHA256 {
				t.Errorf("report %d: content does not match its hash", r.ID)
			}
		}
		for _, n := range d.Notes {
			notes++
			if n.Detached {
				continue
			}
			var content []byte
			for _, r := range d.Reports {
				if r.ID == n.ReportID {
					content = r.Content
				}
			}
			if !bytes.Equal(content[n.Anchor.Start:n.Anchor.End], []byte(n.Anchor.Exact)) {
				t.Errorf("note %d: anchor %d–%d does not hold its quote %q", n.ID, n.Anchor.Start, n.Anchor.End, n.Anchor.Exact)
			}
		}
		for _, rc := range d.Corrections {
			corrections++
			if !rc.Resolved {
				t.Errorf("correction %d is unresolved after the upgrade", rc.Correction.ID)
			}
		}
	}
	if notes != len(before["notes"]) || corrections != len(before["corrections"]) {
		t.Errorf("LoadCase gives %d notes and %d corrections, the old library had %d and %d",
			notes, corrections, len(before["notes"]), len(before["corrections"]))
	}
	// Every tag used in the old library is offered, once.
	tags, err := l.Tags()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range before["note_tags"] {
		used := row[1].(string)
		n := 0
		for _, tag := range tags {
			if strings.EqualFold(tag, used) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("tag %q is offered %d times in %q, want once", used, n, tags)
		}
	}
	entries, err := l.LexiconEntries()
	if err != nil || len(entries) != len(before["lexicon_entries"]) {
		t.Errorf("%d lexicon entries (%v), the old library had %d", len(entries), err, len(before["lexicon_entries"]))
	}
	if err := l.SetSetting(SettingLastCase, fmt.Sprint(cases[0].ID)); err != nil {
		t.Errorf("SetSetting on the upgraded library: %v", err)
	}
	// Reports keep what the old library held, and have no format,
	// character set, source address or author they never had.
	oldReports := map[int64]map[string]any{}
	for _, row := range before["reports"] {
		m := map[string]any{}
		for i, col := range columns["reports"] {
			m[col] = row[i]
		}
		oldReports[m["id"].(int64)] = m
	}
	for _, c := range cases {
		d, _ := l.LoadCase(c.ID)
		for _, r := range d.Reports {
			old := oldReports[r.ID]
			if old == nil {
				t.Errorf("report %d was not in the old library", r.ID)
				continue
			}
			wantURL, _ := old["url"].(string)
			wantLang, _ := old["language"].(string)
			if r.URL != wantURL || r.Language != wantLang {
				t.Errorf("report %d: URL %q, language %q after the upgrade, the old library had %q, %q",
					r.ID, r.URL, r.Language, wantURL, wantLang)
			}
			if r.Format != "" || r.Charset != "" || r.SourceURL != "" || r.Author != "" {
				t.Errorf("report %d: upgraded with format %q, charset %q, source %q, author %q it never had",
					r.ID, r.Format, r.Charset, r.SourceURL, r.Author)
			}
		}
	}
}
