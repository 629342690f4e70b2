package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Case is one news event and the reports collected about it.
type Case struct {
	ID          int64
	Name        string
	Description string
	Created     time.Time
	// Updated is the last time the case or anything in it changed.
	Updated time.Time
}

// CaseData is everything the workbench shows for one case.
type CaseData struct {
	Case Case
	// Reports are in their order within the case, Reports[i].Position == i.
	Reports []Report
	// Notes are in creation order, detached notes included.
	Notes []Note
	// Corrections are in creation order, placed in the current texts.
	Corrections []ResolvedCorrection
}

// caseName checks a case name as typed by the user and trims it.
func caseName(name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", errors.New("case name is empty: type a name for the case")
	}
	return name, nil
}

// Cases returns all cases, the most recently changed first.
func (l *Library) Cases() ([]Case, error) {
	var cases []Case
	err := l.read("list cases", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(context.Background(),
			"SELECT id, name, description, created_us, updated_us FROM cases ORDER BY updated_us DESC, id DESC")
		if err != nil {
			return fmt.Errorf("list cases: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			c, err := scanCase(rows)
			if err != nil {
				return fmt.Errorf("list cases: %w", err)
			}
			cases = append(cases, c)
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("list cases: %w", err)
		}
		return nil
	})
	return cases, err
}

// Case returns one case without its contents.
func (l *Library) Case(id int64) (Case, error) {
	var c Case
	err := l.read("read case", func(tx *sql.Tx) error {
		var err error
		c, err = getCase(context.Background(), tx, id)
		return err
	})
	return c, err
}

type scanner interface{ Scan(dest ...any) error }

func scanCase(s scanner) (Case, error) {
	var c Case
	var created, updated int64
	if err := s.Scan(&c.ID, &c.Name, &c.Description, &created, &updated); err != nil {
		return Case{}, err
	}
	c.Created, c.Updated = fromMicros(created), fromMicros(updated)
	return c, nil
}

func getCase(ctx context.Context, tx *sql.Tx, id int64) (Case, error) {
	c, err := scanCase(tx.QueryRowContext(ctx,
		"SELECT id, name, description, created_us, updated_us FROM cases WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return Case{}, notFound("case", id, "it may have been deleted in another window; reload the case list")
	}
	if err != nil {
		return Case{}, fmt.Errorf("read case %d: %w", id, err)
	}
	return c, nil
}

// CreateCase creates an empty case.
func (l *Library) CreateCase(name, description string) (Case, error) {
	name, err := caseName(name)
	if err != nil {
		return Case{}, err
	}
	var c Case
	err = l.write("create case", func(tx *sql.Tx) error {
		now := nowMicros()
		c, err = insertCase(context.Background(), tx, name, description, now, now)
		return err
	})
	return c, err
}

func insertCase(ctx context.Context, tx *sql.Tx, name, description string, created, updated int64) (Case, error) {
	res, err := tx.ExecContext(ctx,
		"INSERT INTO cases (name, description, created_us, updated_us) VALUES (?, ?, ?, ?)",
		name, description, created, updated)
	if err != nil {
		return Case{}, fmt.Errorf("create case %q: %w", name, err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return Case{}, fmt.Errorf("create case %q: %w", name, err)
	}
	return Case{ID: id, Name: name, Description: description, Created: fromMicros(created), Updated: fromMicros(updated)}, nil
}

// RenameCase changes the name of a case.
func (l *Library) RenameCase(id int64, name string) error {
	name, err := caseName(name)
	if err != nil {
		return err
	}
	return l.updateCase(id, "rename case", "name", name)
}

// SetCaseDescription changes the description of a case.
func (l *Library) SetCaseDescription(id int64, description string) error {
	return l.updateCase(id, "describe case", "description", description)
}

func (l *Library) updateCase(id int64, what, column, value string) error {
	return l.write(what, func(tx *sql.Tx) error {
		ctx := context.Background()
		res, err := tx.ExecContext(ctx, "UPDATE cases SET "+column+" = ?, updated_us = ? WHERE id = ?", value, nowMicros(), id)
		if err != nil {
			return fmt.Errorf("%s %d: %w", what, id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("case", id, "it may have been deleted in another window; reload the case list")
		}
		return nil
	})
}

// DeleteCase deletes a case with its reports, notes and corrections.
func (l *Library) DeleteCase(id int64) error {
	return l.write("delete case", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(context.Background(), "DELETE FROM cases WHERE id = ?", id)
		if err != nil {
			return fmt.Errorf("delete case %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return notFound("case", id, "it may have been deleted in another window already")
		}
		return nil
	})
}

// DuplicateCase copies a case with its reports, notes and corrections into
// a new case called name.
func (l *Library) DuplicateCase(id int64, name string) (Case, error) {
	name, err := caseName(name)
	if err != nil {
		return Case{}, err
	}
	var c Case
	err = l.write("duplicate case", func(tx *sql.Tx) error {
		ctx := context.Background()
		doc, err := exportDocument(ctx, tx, id)
		if err != nil {
			return err
		}
		doc.Case.Name = jsonText(name)
		now := nowMicros()
		doc.Case.Created, doc.Case.Updated = fromMicros(now), fromMicros(now)
		newID, err := insertDocument(ctx, tx, doc)
		if err != nil {
			return err
		}
		c, err = getCase(ctx, tx, newID)
		return err
	})
	return c, err
}

// LoadCase returns a case with its reports, notes and corrections, read in
// one consistent snapshot.
func (l *Library) LoadCase(id int64) (*CaseData, error) {
	var d CaseData
	err := l.read("load case", func(tx *sql.Tx) error {
		ctx := context.Background()
		var err error
		if d.Case, err = getCase(ctx, tx, id); err != nil {
			return err
		}
		if d.Reports, err = caseReports(ctx, tx, id, true); err != nil {
			return err
		}
		if d.Notes, err = caseNotes(ctx, tx, id); err != nil {
			return err
		}
		corrections, err := caseCorrections(ctx, tx, id)
		if err != nil {
			return err
		}
		d.Corrections = resolveCorrections(corrections, d.Reports)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &d, nil
}
