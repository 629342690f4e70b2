package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestOpenCreatesLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "folder", "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	ctx := context.Background()
	for _, p := range []struct {
		pragma string
		want   string
	}{
		{"user_version", fmt.Sprint(SchemaVersion)},
		{"application_id", fmt.Sprint(applicationID)},
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
	} {
		var got string
		if err := l.db.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			t.Fatalf("PRAGMA %s: %v", p.pragma, err)
		}
		if got != p.want {
			t.Errorf("PRAGMA %s = %s, want %s", p.pragma, got, p.want)
		}
	}
	c, err := l.CreateCase("Border closure", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer l.Close()
	cases, err := l.Cases()
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) != 1 || cases[0] != c {
		t.Errorf("after reopening, cases = %+v, want [%+v]", cases, c)
	}
}

func TestOpenEmptyFileMakesLibrary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	l, err := Open(path)
	if err != nil {
		t.Fatalf("Open of an empty file: %v", err)
	}
	defer l.Close()
	if _, err := l.CreateCase("x", ""); err != nil {
		t.Fatal(err)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my cases #1 ?x=1 100%")
	path := filepath.Join(dir, "lib%41rary.db")
	l, err := Open(path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := l.CreateCase("x", ""); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"lib%41rary.db"}) {
		t.Errorf("files in the library folder = %q, want just the library", names)
	}
}

func TestDefaultPath(t *testing.T) {
	tests := []struct {
		name string
		env  string
		want func() string
	}{
		{"variable set", "/data/team/library.db", func() string { return "/data/team/library.db" }},
		{"variable unset", "", func() string {
			dir, err := os.UserConfigDir()
			if err != nil {
				t.Fatal(err)
			}
			return filepath.Join(dir, "framelens", "library.db")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(t.TempDir(), "config"))
			t.Setenv(EnvLibrary, tt.env)
			got, err := DefaultPath()
			if err != nil {
				t.Fatal(err)
			}
			if want := tt.want(); got != want {
				t.Errorf("DefaultPath() = %q, want %q", got, want)
			}
		})
	}
}

// snapshot returns the names and contents of the files in dir.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			files[e.Name()+"/"] = nil
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = b
	}
	return files
}

func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		w, ok := b[k]
		if !ok || !bytes.Equal(v, w) {
			return false
		}
	}
	return true
}

// filledLibrary makes a closed library with enough data to span many pages.
func filledLibrary(t *testing.T, path string) {
	t.Helper()
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 5 {
		tc := newTestCase(t, l, fmt.Sprintf("case %d", i))
		for j := range 40 {
			mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Protesters gathered outside parliament", strings.Repeat(fmt.Sprintf("note %d ", j), 50)))
		}
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenRefusesNonLibrary(t *testing.T) {
	tests := []struct {
		name   string
		make   func(t *testing.T, path string)
		reason string
	}{
		{"text file", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte("My notes about the border closure.\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a SQLite database"},
		{"random bytes", func(t *testing.T, path string) {
			b := make([]byte, 8192)
			rng := rand.New(rand.NewPCG(3, 4))
			for i := range b {
				b[i] = byte(rng.UintN(256))
			}
			if err := os.WriteFile(path, b, 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a SQLite database"},
		{"SQLite header only", func(t *testing.T, path string) {
			if err := os.WriteFile(path, []byte(sqliteMagic), 0o600); err != nil {
				t.Fatal(err)
			}
		}, "not a SQLite database"},
		{"database of another program", func(t *testing.T, path string) {
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := db.Exec("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')"); err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, "another program"},
		{"library with damaged pages", func(t *testing.T, path string) {
			filledLibrary(t, path)
			f, err := os.OpenFile(path, os.O_RDWR, 0)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			info, _ := f.Stat()
			garbage := bytes.Repeat([]byte{0xA5, 0x5A, 0x00, 0xFF}, 4096)
			if _, err := f.WriteAt(garbage, info.Size()/2); err != nil {
				t.Fatal(err)
			}
		}, "damaged"},
		{"truncated library", func(t *testing.T, path string) {
			filledLibrary(t, path)
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate(path, info.Size()/2/4096*4096); err != nil {
				t.Fatal(err)
			}
		}, "damaged"},
		{"folder", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o700); err != nil {
				t.Fatal(err)
			}
		}, "folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "library.db")
			tt.make(t, path)
			before := snapshot(t, dir)
			l, err := Open(path)
			if err == nil {
				l.Close()
				t.Fatal("Open succeeded")
			}
			if !errors.Is(err, ErrNotALibrary) {
				t.Fatalf("error %v does not match ErrNotALibrary", err)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.Path != path {
				t.Fatalf("error %v is not a *FileError for %s", err, path)
			}
			for _, want := range []string{path, tt.reason, "untouched", "set it aside"} {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("message %q does not mention %q", err, want)
				}
			}
			if after := snapshot(t, dir); !sameFiles(before, after) {
				t.Errorf("Open changed the folder: %d files before, %d after", len(before), len(after))
			}
		})
	}
}

func TestOpenRefusesNewerLibrary(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	filledLibrary(t, path)
	db := rawDB(t, path)
	if _, err := db.Exec(fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion+1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := snapshot(t, dir)
	l, err := Open(path)
	if err == nil {
		l.Close()
		t.Fatal("Open succeeded")
	}
	if !errors.Is(err, ErrNewerLibrary) || errors.Is(err, ErrNotALibrary) {
		t.Fatalf("error %v does not match (only) ErrNewerLibrary", err)
	}
	for _, want := range []string{path, fmt.Sprintf("version %d", SchemaVersion+1), "untouched"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("message %q does not mention %q", err, want)
		}
	}
	if after := snapshot(t, dir); !sameFiles(before, after) {
		t.Errorf("Open changed the folder: %d files before, %d after", len(before), len(after))
	}
}

func TestSetAside(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "library.db")
	garbage := []byte("this is not a database\n")
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path+"-wal", []byte("stale log"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(path); !errors.Is(err, ErrNotALibrary) {
		t.Fatalf("Open: %v, want ErrNotALibrary", err)
	}
	moved, err := SetAside(path)
	if err != nil {
		t.Fatalf("SetAside: %v", err)
	}
	if !regexp.MustCompile(`^library\.db\.corrupt-\d{8}-\d{6}$`).MatchString(filepath.Base(moved)) || filepath.Dir(moved) != dir {
		t.Errorf("set aside as %s, want %s/library.db.corrupt-YYYYMMDD-HHMMSS", moved, dir)
	}
	if b, err := os.ReadFile(moved); err != nil || !bytes.Equal(b, garbage) {
		t.Errorf("set-aside file holds %q (%v), want the original bytes", b, err)
	}
	if b, err := os.ReadFile(moved + "-wal"); err != nil || string(b) != "stale log" {
		t.Errorf("the -wal file was not moved along: %q, %v", b, err)
	}
	for _, p := range []string{path, path + "-wal"} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s still exists (%v)", p, err)
		}
	}

	// A second bad file set aside within the same second gets its own name.
	if err := os.WriteFile(path, []byte("another bad file"), 0o600); err != nil {
		t.Fatal(err)
	}
	moved2, err := SetAside(path)
	if err != nil {
		t.Fatalf("SetAside: %v", err)
	}
	if moved2 == moved {
		t.Fatalf("second SetAside reused %s", moved)
	}
	if b, err := os.ReadFile(moved); err != nil || !bytes.Equal(b, garbage) {
		t.Errorf("the first set-aside file was overwritten: %q, %v", b, err)
	}

	l, err := Open(path)
	if err != nil {
		t.Fatalf("Open after SetAside: %v", err)
	}
	defer l.Close()
	cases, err := l.Cases()
	if err != nil || len(cases) != 0 {
		t.Errorf("new library has cases %v (%v), want none", cases, err)
	}
}

func TestOpenNoPath(t *testing.T) {
	_, err := Open("")
	if err == nil || !strings.Contains(err.Error(), "--library") || !strings.Contains(err.Error(), EnvLibrary) {
		t.Errorf("Open(\"\") = %v, want an error telling how to name the library", err)
	}
}

func TestOpenBelowAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "plain-file")
	if err := os.WriteFile(file, []byte("x"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(filepath.Join(file, "library.db"))
	if err == nil || !strings.Contains(err.Error(), file) || !strings.Contains(err.Error(), "--library") {
		t.Errorf("Open below a file: %v, want an error naming the path and suggesting --library", err)
	}
}
