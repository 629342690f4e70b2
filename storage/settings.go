package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// SettingLastCase is the setting holding the id (in decimal) of the case
// the analyst had open last.
const SettingLastCase = "last_case_id"

// Setting returns the value of a UI setting and whether it is set.
func (l *Library) Setting(key string) (string, bool, error) {
	var value string
	found := false
	err := l.read("read setting", func(tx *sql.Tx) error {
		err := tx.QueryRowContext(context.Background(), "SELECT value FROM settings WHERE key = ?", key).Scan(&value)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read setting %q: %w", key, err)
		}
		found = true
		return nil
	})
	return value, found, err
}

// SetSetting sets a UI setting.
func (l *Library) SetSetting(key, value string) error {
	if key == "" {
		return errors.New("save setting: the key is empty")
	}
	return l.write("save setting", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(context.Background(),
			"INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
			key, value); err != nil {
			return fmt.Errorf("save setting %q: %w", key, err)
		}
		return nil
	})
}

// DeleteSetting removes a UI setting; removing one that is not set does
// nothing.
func (l *Library) DeleteSetting(key string) error {
	return l.write("delete setting", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(context.Background(), "DELETE FROM settings WHERE key = ?", key); err != nil {
			return fmt.Errorf("delete setting %q: %w", key, err)
		}
		return nil
	})
}
