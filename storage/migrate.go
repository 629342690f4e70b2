package storage

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"
)

// SchemaVersion is the library format this package reads and writes: the
// number of files in migrations/.
const SchemaVersion = 3

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one schema step, bringing a library to Version.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations returns the embedded migrations in order, checking that they
// are numbered 1, 2, ... SchemaVersion.
func migrations() ([]migration, error) {
	entries, err := migrationFiles.ReadDir("migrations")
	if err != nil {
		return nil, fmt.Errorf("read the built-in schema migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		name := e.Name()
		num, _, ok := strings.Cut(name, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || !strings.HasSuffix(name, ".sql") {
			return nil, fmt.Errorf("built-in schema migration %s: name must look like 0001_what.sql", name)
		}
		text, err := migrationFiles.ReadFile(path.Join("migrations", name))
		if err != nil {
			return nil, fmt.Errorf("read built-in schema migration %s: %w", name, err)
		}
		ms = append(ms, migration{Version: v, Name: name, SQL: string(text)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].Version < ms[j].Version })
	for i, m := range ms {
		if m.Version != i+1 {
			return nil, fmt.Errorf("built-in schema migration %s: expected version %d", m.Name, i+1)
		}
	}
	if len(ms) != SchemaVersion {
		return nil, fmt.Errorf("built-in schema migrations end at version %d, expected %d", len(ms), SchemaVersion)
	}
	return ms, nil
}

// migrate brings the library up to SchemaVersion. The steps run in one
// immediate transaction, so a second process opening the library at the
// same time waits and then finds the work done.
func (l *Library) migrate() error {
	ctx := context.Background()
	var version int
	if err := l.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return l.openError(err)
	}
	if version == SchemaVersion {
		return nil
	}
	ms, err := migrations()
	if err != nil {
		return err
	}
	return l.write("upgrade library", func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
			return l.openError(err)
		}
		if version > SchemaVersion {
			return &FileError{Path: l.path, Kind: ErrNewerLibrary,
				Reason: fmt.Sprintf("its format is version %d, this Framelens reads up to version %d", version, SchemaVersion)}
		}
		for _, m := range ms[version:] {
			if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
				return fmt.Errorf("upgrade library %s to format version %d (%s): %w; the library was left as it was",
					l.path, m.Version, m.Name, err)
			}
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", SchemaVersion)); err != nil {
			return fmt.Errorf("upgrade library %s: record format version: %w", l.path, err)
		}
		return nil
	})
}

// openError wraps a failure to read a library that has just been opened.
func (l *Library) openError(err error) error {
	if isCorrupt(err) {
		return &FileError{Path: l.path, Kind: ErrNotALibrary, Reason: "the database is damaged (" + err.Error() + ")"}
	}
	return accessError(l.path, err)
}
