// Package storage keeps the analyst's library: one SQLite database file
// holding cases (one news event each), their reports with the original bytes,
// notes, manual alignment corrections, the analyst's own lexicon entries and
// UI settings.
//
// # File and concurrency
//
// The library lives at DefaultPath unless the command line names another
// file. It is opened in WAL mode with foreign keys on, a busy timeout and
// immediate write transactions, so that two Framelens processes can work on
// the same library without corrupting it or losing each other's writes.
// There is no save button: every change the API makes is one transaction,
// committed before the call returns.
//
// Open never modifies a file it does not recognise: a file that is not a
// Framelens library yields an error matching ErrNotALibrary, and a library
// written by a newer Framelens one matching ErrNewerLibrary. SetAside moves
// an unreadable file out of the way once the user agrees.
//
// # Schema
//
// The schema is versioned with PRAGMA user_version and upgraded by the SQL
// files in migrations/, applied in order inside one transaction. A migration
// file, once released, is never edited: changes go into a new file.
//
// # Anchors
//
// Notes and alignment corrections point into a report's original bytes with
// a quote selector and a position selector (package anchor). When a report's
// text is replaced, they are placed again; a note that cannot be placed is
// kept and marked detached rather than dropped.
package storage
