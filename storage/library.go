package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// EnvLibrary is the environment variable that names the library file,
// overriding the default location (the --library flag overrides both).
const EnvLibrary = "FRAMELENS_LIBRARY"

// applicationID marks a SQLite file as a Framelens library ("FLNS"); it is
// set by the first migration.
const applicationID = 0x464C4E53

// busyTimeout is how long a write waits for another process to finish its
// own before giving up.
const busyTimeout = 5 * time.Second

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

var (
	// ErrNotALibrary means the file at the library path is not a Framelens
	// library: not a SQLite database, a damaged one, or another program's.
	// Open leaves such a file untouched.
	ErrNotALibrary = errors.New("not a Framelens library")
	// ErrNewerLibrary means the library was written by a newer version of
	// Framelens. Open leaves it untouched.
	ErrNewerLibrary = errors.New("library written by a newer version of Framelens")
	// ErrNotFound means a case, report, note or correction does not exist
	// (any more).
	ErrNotFound = errors.New("not found")
	// ErrBusy means another process kept the library locked for longer
	// than the busy timeout.
	ErrBusy = errors.New("library is busy")
)

// FileError describes why Open refused a library file. It matches
// ErrNotALibrary or ErrNewerLibrary with errors.Is.
type FileError struct {
	// Path is the library file.
	Path string
	// Kind is ErrNotALibrary or ErrNewerLibrary.
	Kind error
	// Reason says what was found at Path.
	Reason string
}

// Error returns a message naming the file, the problem and what to do.
func (e *FileError) Error() string {
	advice := "The file was left untouched. Move it away, choose another library with --library PATH, " +
		"or let Framelens set it aside and start a new library."
	if errors.Is(e.Kind, ErrNewerLibrary) {
		advice = "The file was left untouched. Open it with the newer Framelens, " +
			"or choose another library with --library PATH."
	}
	return fmt.Sprintf("library %s: %v: %s. %s", e.Path, e.Kind, e.Reason, advice)
}

// Unwrap returns Kind, so that errors.Is matches the sentinel errors.
func (e *FileError) Unwrap() error { return e.Kind }

// Library is an open library file. Its methods are safe for concurrent use.
type Library struct {
	db   *sql.DB
	path string
}

// DefaultPath returns the library file to use when the command line names
// none: the value of FRAMELENS_LIBRARY if set, otherwise library.db in the
// framelens folder of the user's configuration directory.
func DefaultPath() (string, error) {
	if p := os.Getenv(EnvLibrary); p != "" {
		return p, nil
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("find the library location: %w; set %s or pass --library PATH", err, EnvLibrary)
	}
	return filepath.Join(dir, "framelens", "library.db"), nil
}

// Open opens the library at path, creating it (and its folder) if there is
// no file there yet, and upgrades an older library to the current schema.
// A file that is not a Framelens library, or one written by a newer
// Framelens, is refused with a *FileError and not modified.
func Open(path string) (*Library, error) {
	if path == "" {
		return nil, fmt.Errorf("open library: no path given; pass --library PATH or set %s", EnvLibrary)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", path, err)
	}
	exists, err := inspect(abs)
	if err != nil {
		return nil, err
	}
	if !exists {
		if err := os.MkdirAll(filepath.Dir(abs), 0o700); err != nil {
			return nil, fmt.Errorf("create the folder for library %s: %w; choose another place with --library PATH", abs, err)
		}
	}
	db, err := sql.Open("sqlite", dsn(abs, fmt.Sprintf(
		"_pragma=journal_mode(WAL)&_pragma=foreign_keys(1)&_pragma=busy_timeout(%d)&_txlock=immediate",
		busyTimeout.Milliseconds())))
	if err != nil {
		return nil, fmt.Errorf("open library %s: %w", abs, err)
	}
	l := &Library{db: db, path: abs}
	if err := l.migrate(); err != nil {
		_ = db.Close()
		return nil, err
	}
	return l, nil
}

// Path returns the absolute path of the library file.
func (l *Library) Path() string { return l.path }

// Close closes the library. Everything was saved already; Close only
// releases the file.
func (l *Library) Close() error {
	if err := l.db.Close(); err != nil {
		return fmt.Errorf("close library %s: %w", l.path, err)
	}
	return nil
}

// SetAside renames the file at path, with its SQLite side files, to
// path.corrupt-YYYYMMDD-HHMMSS (local time) so that a new library can be
// created in its place, and returns the new name. Use it only once the user
// has agreed.
func SetAside(path string) (string, error) {
	stamp := time.Now().Format("20060102-150405")
	newPath := path + ".corrupt-" + stamp
	for i := 2; ; i++ {
		if _, err := os.Lstat(newPath); errors.Is(err, fs.ErrNotExist) {
			break
		}
		newPath = fmt.Sprintf("%s.corrupt-%s-%d", path, stamp, i)
	}
	if err := os.Rename(path, newPath); err != nil {
		return "", fmt.Errorf("set library %s aside: %w; move the file away by hand", path, err)
	}
	// Stale write-ahead log or journal files must not be applied to the
	// new library, so they move along with the file.
	for _, side := range []string{"-wal", "-shm", "-journal"} {
		if _, err := os.Lstat(path + side); err != nil {
			continue
		}
		if err := os.Rename(path+side, newPath+side); err != nil {
			return newPath, fmt.Errorf("set library side file %s aside: %w; delete it by hand before starting Framelens again", path+side, err)
		}
	}
	return newPath, nil
}

// dsn returns the modernc.org/sqlite data source name for the file at the
// absolute path abs with the given query parameters. The path is written as
// a file: URI, so the characters that mean something in a URI are escaped.
func dsn(abs, query string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	p = strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
	return "file:" + p + "?" + query
}

// inspect checks the file at path without modifying it and reports whether
// it exists (as a non-empty file). It returns a *FileError for a file Open
// must refuse.
func inspect(path string) (bool, error) {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, accessError(path, err)
	}
	if info.IsDir() {
		return false, &FileError{Path: path, Kind: ErrNotALibrary, Reason: "it is a folder, not a file"}
	}
	if info.Size() == 0 {
		return false, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return false, accessError(path, err)
	}
	header := make([]byte, 100)
	n, err := io.ReadFull(f, header)
	_ = f.Close()
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return false, accessError(path, err)
	}
	if n < len(header) || !bytes.HasPrefix(header, []byte(sqliteMagic)) {
		return false, &FileError{Path: path, Kind: ErrNotALibrary, Reason: "the file is not a SQLite database"}
	}
	// Without a write-ahead log next to it, no other process has the
	// library open and the file holds all of it: read it as immutable,
	// which creates no side files. Should another process open it
	// meanwhile, a failure is checked again the ordinary way.
	if _, err := os.Lstat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		err := probe(path, true)
		if _, walErr := os.Lstat(path + "-wal"); err == nil || walErr != nil {
			return true, err
		}
	}
	return true, probe(path, false)
}

// probe looks into an existing SQLite file through a read-only connection
// and returns a *FileError if Open must refuse it.
func probe(path string, immutable bool) error {
	query := fmt.Sprintf("mode=ro&_pragma=busy_timeout(%d)", busyTimeout.Milliseconds())
	if immutable {
		query = "mode=ro&immutable=1"
	}
	db, err := sql.Open("sqlite", dsn(path, query))
	if err != nil {
		return accessError(path, err)
	}
	defer db.Close()
	ctx := context.Background()
	damaged := func(err error) error {
		if isCorrupt(err) {
			return &FileError{Path: path, Kind: ErrNotALibrary, Reason: "the database is damaged (" + err.Error() + ")"}
		}
		return accessError(path, err)
	}
	var version, appID int64
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return damaged(err)
	}
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return damaged(err)
	}
	var tables int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema").Scan(&tables); err != nil {
		return damaged(err)
	}
	switch {
	case appID == applicationID:
	case appID == 0 && version == 0 && tables == 0:
		return nil // an empty database: it becomes a library
	default:
		return &FileError{Path: path, Kind: ErrNotALibrary, Reason: "it is a SQLite database of another program"}
	}
	if version > SchemaVersion {
		return &FileError{Path: path, Kind: ErrNewerLibrary,
			Reason: fmt.Sprintf("its format is version %d, this Framelens reads up to version %d", version, SchemaVersion)}
	}
	var check string
	if err := db.QueryRowContext(ctx, "PRAGMA quick_check(1)").Scan(&check); err != nil {
		return damaged(err)
	}
	if check != "ok" {
		return &FileError{Path: path, Kind: ErrNotALibrary, Reason: "the database is damaged (" + check + ")"}
	}
	return nil
}

// accessError wraps a failure to reach the library file.
func accessError(path string, err error) error {
	return fmt.Errorf("open library %s: %w; check that the file and its folder can be read and written, "+
		"or choose another library with --library PATH", path, err)
}

// isCorrupt reports whether err is SQLite saying the file is damaged or not
// a database.
func isCorrupt(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return true
	}
	return false
}

// isBusy reports whether err is SQLite giving up on a lock.
func isBusy(err error) bool {
	var e *sqlite.Error
	if !errors.As(err, &e) {
		return false
	}
	switch e.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return true
	}
	return false
}
