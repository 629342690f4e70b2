package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// write runs fn in one immediate transaction and commits it. what names the
// operation for error messages.
func (l *Library) write(what string, fn func(tx *sql.Tx) error) error {
	ctx := context.Background()
	tx, err := l.db.BeginTx(ctx, nil)
	if err != nil {
		return l.txError(what, err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		if isBusy(err) {
			return l.txError(what, err)
		}
		return err
	}
	if err := tx.Commit(); err != nil {
		return l.txError(what, err)
	}
	return nil
}

// read runs fn in one read transaction, so that it sees one consistent
// state of the library even while another process writes.
func (l *Library) read(what string, fn func(tx *sql.Tx) error) error {
	ctx := context.Background()
	tx, err := l.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return l.txError(what, err)
	}
	defer func() { _ = tx.Rollback() }()
	if err := fn(tx); err != nil {
		if isBusy(err) {
			return l.txError(what, err)
		}
		return err
	}
	return nil
}

// txError wraps a failure to begin or commit a transaction.
func (l *Library) txError(what string, err error) error {
	if isBusy(err) {
		return fmt.Errorf("%s: %w: another Framelens process kept %s locked for more than %v; try again (%v)",
			what, ErrBusy, l.path, busyTimeout, err)
	}
	if errors.Is(err, sql.ErrConnDone) || errors.Is(err, sql.ErrTxDone) {
		return fmt.Errorf("%s: the library %s is closed: %w", what, l.path, err)
	}
	return fmt.Errorf("%s in library %s: %w", what, l.path, err)
}

// nowMicros returns the current time as stored: microseconds since the Unix
// epoch.
func nowMicros() int64 { return time.Now().UnixMicro() }

// fromMicros converts a stored time.
func fromMicros(us int64) time.Time { return time.UnixMicro(us).UTC() }

// boolInt converts a flag for storage.
func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// notFound returns an error matching ErrNotFound for the named thing.
func notFound(what string, id int64, hint string) error {
	return fmt.Errorf("%s %d: %w (%s)", what, id, ErrNotFound, hint)
}

// touchCase records that the case changed.
func touchCase(ctx context.Context, tx *sql.Tx, caseID, now int64) error {
	res, err := tx.ExecContext(ctx, "UPDATE cases SET updated_us = ? WHERE id = ?", now, caseID)
	if err != nil {
		return fmt.Errorf("update case %d: %w", caseID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("case", caseID, "it may have been deleted in another window; reload the case list")
	}
	return nil
}
