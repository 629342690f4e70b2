package storage

// Fixtures of libraries made by earlier versions of Framelens.
//
// testdata/library-vN.sql is an SQL dump of a library in format version N,
// for every N below SchemaVersion. It is made by makeFixture(N): a new
// database receives migrations 1 to N, then fixtureSeeds[N] fills it using
// only the SQL of format version N, and the result is dumped as text. A seed
// is frozen once version N+1 exists, like the migration files themselves.
//
// TestFixtureDumps fails when a dump is missing or differs from what
// makeFixture produces (for instance because a released migration was
// edited). After adding format version N+1, add seedVN below and write the
// new dump with
//
//	go test ./storage -run TestFixtureDumps -update-fixtures

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var updateFixtures = flag.Bool("update-fixtures", false, "rewrite testdata/library-v*.sql from the fixture seeds")

// fixtureSeeds fills a database of format version N with sample data.
var fixtureSeeds = map[int]func(t *testing.T, tx *sql.Tx){
	1: seedV1,
	2: seedV2,
}

func fixturePath(version int) string {
	return filepath.Join("testdata", fmt.Sprintf("library-v%d.sql", version))
}

// makeFixture builds a library of the given format version in a temporary
// file and returns its SQL dump.
func makeFixture(t *testing.T, version int) string {
	t.Helper()
	seed, ok := fixtureSeeds[version]
	if !ok {
		t.Fatalf("no fixture seed for format version %d: add seedV%d to fixture_test.go", version, version)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", dsn(filepath.Join(t.TempDir(), "fixture.db"), "_pragma=foreign_keys(1)"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:version] {
		if _, err := tx.Exec(m.SQL); err != nil {
			t.Fatalf("migration %s: %v", m.Name, err)
		}
	}
	if _, err := tx.Exec(fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		t.Fatal(err)
	}
	seed(t, tx)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return dumpSQL(t, db)
}

// dumpSQL writes the schema and every row of db as SQL statements that
// rebuild it.
func dumpSQL(t *testing.T, db *sql.DB) string {
	t.Helper()
	ctx := context.Background()
	var version, appID int64
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "-- A Framelens library in format version %d, made by makeFixture in fixture_test.go.\n", version)
	b.WriteString("-- Generated: do not edit. See fixture_test.go.\n")
	fmt.Fprintf(&b, "PRAGMA application_id = %d;\nPRAGMA user_version = %d;\nBEGIN;\n", appID, version)
	type object struct{ kind, name, sql string }
	var objects []object
	rows, err := db.QueryContext(ctx, `SELECT type, name, sql FROM sqlite_schema
		WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
		ORDER BY CASE type WHEN 'table' THEN 0 ELSE 1 END, rowid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var o object
		if err := rows.Scan(&o.kind, &o.name, &o.sql); err != nil {
			t.Fatal(err)
		}
		objects = append(objects, o)
	}
	rows.Close()
	for _, o := range objects {
		b.WriteString(o.sql + ";\n")
		if o.kind != "table" {
			continue
		}
		for _, row := range tableRows(t, db, o.name, nil) {
			lits := make([]string, len(row))
			for i, v := range row {
				lits[i] = sqlLiteral(t, v)
			}
			fmt.Fprintf(&b, "INSERT INTO %q VALUES (%s);\n", o.name, strings.Join(lits, ", "))
		}
	}
	b.WriteString("COMMIT;\n")
	return b.String()
}

// tableColumns returns the column names of a table.
func tableColumns(t *testing.T, db *sql.DB, table string) []string {
	t.Helper()
	rows, err := db.Query(fmt.Sprintf("SELECT name FROM pragma_table_info(%s)", sqlLiteral(t, table)))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var cols []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
	}
	return cols
}

// tableRows returns the values of the given columns (all if nil) of every
// row of a table, in a stable order.
func tableRows(t *testing.T, db *sql.DB, table string, cols []string) [][]any {
	t.Helper()
	if cols == nil {
		cols = tableColumns(t, db, table)
	}
	quoted := make([]string, len(cols))
	order := make([]string, len(cols))
	for i, c := range cols {
		quoted[i] = strconv.Quote(c)
		order[i] = strconv.Itoa(i + 1)
	}
	rows, err := db.Query(fmt.Sprintf("SELECT %s FROM %q ORDER BY %s", strings.Join(quoted, ", "), table, strings.Join(order, ", ")))
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// sqlLiteral writes a value read from SQLite as an SQL literal that reads
// back as the same value and type.
func sqlLiteral(t *testing.T, v any) string {
	switch x := v.(type) {
	case nil:
		return "NULL"
	case int64:
		return strconv.FormatInt(x, 10)
	case float64:
		s := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(s, ".eEn") {
			s += ".0"
		}
		return s
	case string:
		plain := utf8.ValidString(x)
		for _, r := range x {
			if r < ' ' && r != '\n' && r != '\t' || r == 0x7f || r == '\u2028' || r == '\u2029' {
				plain = false
			}
		}
		if plain {
			return "'" + strings.ReplaceAll(x, "'", "''") + "'"
		}
		return "CAST(X'" + hex.EncodeToString([]byte(x)) + "' AS TEXT)"
	case []byte:
		return "X'" + hex.EncodeToString(x) + "'"
	}
	t.Fatalf("cannot write %T as SQL", v)
	return ""
}

// loadFixture rebuilds the library of a dump in a new file and returns its
// path.
func loadFixture(t *testing.T, dump string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "library.db")
	db, err := sql.Open("sqlite", dsn(path, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(dump); err != nil {
		t.Fatalf("load fixture: %v", err)
	}
	return path
}

func TestFixtureDumps(t *testing.T) {
	for v := 1; v < SchemaVersion; v++ {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			dump := makeFixture(t, v)
			if *updateFixtures {
				if err := os.WriteFile(fixturePath(v), []byte(dump), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			committed, err := os.ReadFile(fixturePath(v))
			if err != nil {
				t.Fatalf("%v: run go test ./storage -run TestFixtureDumps -update-fixtures", err)
			}
			if string(committed) != dump {
				t.Errorf("%s differs from what makeFixture(%d) produces: a released migration or seed was changed "+
					"(migrations and seeds of released versions must stay as they are)", fixturePath(v), v)
			}
			// The dump rebuilds the same database.
			path := loadFixture(t, string(committed))
			db := rawDB(t, path)
			if again := dumpSQL(t, db); again != string(committed) {
				t.Errorf("loading and dumping %s again gives a different dump", fixturePath(v))
			}
		})
	}
}

// fixtureQuote describes text[start:end] as format version 1 stores it
// (exact text, up to 32 bytes of context each side).
func fixtureQuote(text []byte, start, end int) (exact, prefix, suffix []byte) {
	return text[start:end], text[max(0, start-32):start], text[end:min(len(text), end+32)]
}

// seedV1 fills a library of format version 1. Frozen: do not change.
func seedV1(t *testing.T, tx *sql.Tx) {
	wire := []byte("Border crossing closed after clashes\n" +
		"\n" +
		"The interior minister said on Monday that the northern border crossing would stay closed until further notice. Protesters gathered outside parliament in the afternoon. Police said 40 people were arrested after the march. The minister said on Monday that talks with the neighbouring government would resume next week.\n" +
		"\n" +
		"Aid groups warned that thousands of families were stranded on both sides of the crossing.\n")
	tabloid := []byte("BORDER CHAOS: Minister slams gate shut\n" +
		"\n" +
		"The hardline minister slammed the northern border shut on Monday, leaving it closed \"until further notice\". Angry mobs laid siege to parliament in the afternoon. Cops said 40 thugs were arrested after the riot. Talks with the neighbours will resume next week, the minister claimed.\n")
	latin1 := []byte("Le ministre a d\xe9clar\xe9 lundi que la fronti\xe8re resterait ferm\xe9e.\n")
	hash := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	const t0 = int64(1709550000000000) // 2024-03-04 11:00:00 UTC
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("seed: %v\n%s", err, q)
		}
	}
	exec(`INSERT INTO cases VALUES (1, 'Border closure', 'Northern crossing, March 2024', ?, ?)`, t0, t0+9_000_000)
	exec(`INSERT INTO cases VALUES (2, 'Frontière (FR)', '', ?, ?)`, t0+1_000_000, t0+1_000_000)
	exec(`INSERT INTO reports VALUES (1, 1, 0, 'wire.txt', 'Wire Service', 'Border crossing closed after clashes', '2024-03-04', 1, ?, ?, ?, ?)`,
		wire, hash(wire), t0, t0)
	exec(`INSERT INTO reports VALUES (2, 1, 1, 'tabloid.txt', 'The Daily Shout', 'BORDER CHAOS', '2024-03-05', 0, ?, ?, ?, ?)`,
		tabloid, hash(tabloid), t0+1, t0+1)
	exec(`INSERT INTO reports VALUES (3, 2, 0, 'latin1.txt', 'Agence', '', '', 0, ?, ?, ?, ?)`,
		latin1, hash(latin1), t0+2, t0+2)

	note := func(id, caseID int64, kind string, reportID any, text []byte, quote, body string, detached int, created int64, tags ...string) {
		t.Helper()
		start := strings.Index(string(text), quote)
		if start < 0 {
			t.Fatalf("seed: %q not in report", quote)
		}
		exact, prefix, suffix := fixtureQuote(text, start, start+len(quote))
		exec(`INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			id, caseID, kind, reportID, exact, prefix, suffix, start, start+len(quote), detached, body, created, created+500)
		for i, tag := range tags {
			exec(`INSERT INTO note_tags VALUES (?, ?, ?)`, id, tag, i)
		}
	}
	note(1, 1, "row", 1, wire, "Police said 40 people were arrested after the march.",
		"Figures differ: 40 \"people\" vs 40 'thugs'.", 0, t0+10, "crime and punishment", "Casualty figures")
	note(2, 1, "term", 2, tabloid, "thugs", "Loaded term 😠 — compare «people»", 0, t0+20, "needs follow-up", "ECONOMIC")
	note(3, 1, "sentence", 1, wire, "Protesters gathered outside parliament in the afternoon.",
		"Robert'); DROP TABLE notes;-- \u200fשלום עולם\u200f مرحبا", 0, t0+30)
	note(4, 1, "sentence", nil, tabloid, "Angry mobs laid siege to parliament in the afternoon.",
		"Kept after its report was removed.", 1, t0+40, "casualty FIGURES")
	note(5, 2, "sentence", 3, latin1, "fronti\xe8re", "Latin-1 bytes in the quote.", 0, t0+50, "legality")

	a0 := strings.Index(string(wire), "The interior minister said")
	a1 := a0 + len("The interior minister said on Monday that the northern border crossing would stay closed until further notice.")
	b0 := strings.Index(string(tabloid), "The hardline minister")
	b1 := b0 + len(`The hardline minister slammed the northern border shut on Monday, leaving it closed "until further notice".`)
	ae, ap, as := fixtureQuote(wire, a0, a1)
	be, bp, bs := fixtureQuote(tabloid, b0, b1)
	exec(`INSERT INTO corrections VALUES (1, 1, 'link', 1, ?, ?, ?, ?, ?, 2, ?, ?, ?, ?, ?, ?)`,
		ae, ap, as, a0, a1, be, bp, bs, b0, b1, t0+60)
	u0 := strings.Index(string(wire), "Aid groups warned")
	u1 := u0 + len("Aid groups warned that thousands of families were stranded on both sides of the crossing.")
	ue, up, us := fixtureQuote(wire, u0, u1)
	exec(`INSERT INTO corrections VALUES (2, 1, 'unlink', 1, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?)`,
		ue, up, us, u0, u1, t0+70)

	exec(`INSERT INTO lexicon_entries VALUES ('en', 'border-crossers', ?, 1, ?)`,
		"id: border-crossers\nterms:\n  - migrants\n  - illegals\n", t0+80)
	exec(`INSERT INTO lexicon_entries VALUES ('fr', 'manifestants', ?, 0, ?)`,
		`{"id": "manifestants", "terms": ["manifestants", "casseurs"]}`, t0+90)
}

// seedV2 fills a library of format version 2: reports with their URL and
// language, among them a web page fetched by address whose character set
// was declared only in the HTTP header (version 2 does not keep it),
// settings and the analyst's tags. Frozen: do not change.
func seedV2(t *testing.T, tx *sql.Tx) {
	wire := []byte("Ports reopen after the storm\n" +
		"\n" +
		"The harbour authority said on Tuesday that the three ports would reopen at noon. Ferries resumed in the evening.\n")
	// "Порты открылись после шторма. Паромы вернулись вечером." in
	// Windows-1251, inside a page that declares no character set.
	page := []byte("<html><head><title>\xcf\xee\xf0\xf2\xfb</title></head><body><article><p>" +
		"\xcf\xee\xf0\xf2\xfb \xee\xf2\xea\xf0\xfb\xeb\xe8\xf1\xfc \xef\xee\xf1\xeb\xe5 \xf8\xf2\xee\xf0\xec\xe0. " +
		"\xcf\xe0\xf0\xee\xec\xfb \xe2\xe5\xf0\xed\xf3\xeb\xe8\xf1\xfc \xe2\xe5\xf7\xe5\xf0\xee\xec.</p></article></body></html>\n")
	pasted := []byte("Storm over: all three ports open again, ferries back by evening.")
	hash := func(b []byte) string { s := sha256.Sum256(b); return hex.EncodeToString(s[:]) }
	const t0 = int64(1727776800000000) // 2024-10-01 10:00:00 UTC
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := tx.Exec(q, args...); err != nil {
			t.Fatalf("seed: %v\n%s", err, q)
		}
	}
	exec(`INSERT INTO cases VALUES (1, 'Storm: ports reopen', 'October 2024', ?, ?)`, t0, t0+5_000_000)
	exec(`INSERT INTO reports (id, case_id, position, file_name, outlet, title, published, is_reference, content, sha256,
		created_us, updated_us, url, language) VALUES (1, 1, 0, 'wire.txt', 'Wire Service', 'Ports reopen after the storm',
		'2024-10-01', 1, ?, ?, ?, ?, '', 'en')`, wire, hash(wire), t0, t0)
	exec(`INSERT INTO reports (id, case_id, position, file_name, outlet, title, published, is_reference, content, sha256,
		created_us, updated_us, url, language) VALUES (2, 1, 1, 'novosti.html', 'Novosti', '', '2024-10-01', 0, ?, ?, ?, ?,
		'https://novosti.example/ports?id=12', 'ru')`, page, hash(page), t0+1, t0+1)
	exec(`INSERT INTO reports (id, case_id, position, file_name, outlet, title, published, is_reference, content, sha256,
		created_us, updated_us, url, language) VALUES (3, 1, 2, '', 'Pasted', '', '', 0, ?, ?, ?, ?, '', '')`,
		pasted, hash(pasted), t0+2, t0+2)

	q := "The harbour authority said on Tuesday that the three ports would reopen at noon."
	start := strings.Index(string(wire), q)
	exact, prefix, suffix := fixtureQuote(wire, start, start+len(q))
	exec(`INSERT INTO notes VALUES (1, 1, 'row', 1, ?, ?, ?, ?, ?, 0, 'Official source only.', ?, ?)`,
		exact, prefix, suffix, start, start+len(q), t0+10, t0+10)
	exec(`INSERT INTO note_tags VALUES (1, 'Sources', 0)`)
	exec(`INSERT INTO tags VALUES ('Sources', ?)`, t0+10)
	exec(`INSERT INTO tags VALUES ('unused tag', ?)`, t0+11)
	exec(`INSERT INTO settings VALUES ('last_case_id', '1')`)
	u0 := strings.Index(string(wire), "Ferries resumed in the evening.")
	ue, up, us := fixtureQuote(wire, u0, u0+len("Ferries resumed in the evening."))
	exec(`INSERT INTO corrections VALUES (1, 1, 'unlink', 1, ?, ?, ?, ?, ?, NULL, NULL, NULL, NULL, NULL, NULL, ?)`,
		ue, up, us, u0, u0+len("Ferries resumed in the evening."), t0+20)
	exec(`INSERT INTO lexicon_entries VALUES ('en', 'storm', ?, 1, ?)`, "id: storm\nterms:\n  - storm\n  - hurricane\n", t0+30)
}
