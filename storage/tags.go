package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// defaultTags are the frame dimensions of the Media Frames Corpus (Card et
// al., 2015), in the corpus's order.
var defaultTags = []string{
	"economic",
	"capacity and resources",
	"morality",
	"fairness and equality",
	"legality",
	"policy prescription",
	"crime and punishment",
	"security and defence",
	"health and safety",
	"quality of life",
	"cultural identity",
	"public opinion",
	"political",
	"external regulation and reputation",
	"other",
}

// DefaultTags returns the tags every library offers: the 15 frame
// dimensions of the Media Frames Corpus.
func DefaultTags() []string {
	return append([]string(nil), defaultTags...)
}

// defaultTag returns the default tag equal to t ignoring case.
func defaultTag(t string) (string, bool) {
	for _, d := range defaultTags {
		if strings.EqualFold(d, t) {
			return d, true
		}
	}
	return "", false
}

// normalizeTag trims a tag, folds runs of white space into one space and
// spells default tags the default way.
func normalizeTag(t string) string {
	t = strings.Join(strings.Fields(t), " ")
	if d, ok := defaultTag(t); ok {
		return d
	}
	return t
}

// normalizeTags normalizes tags and drops empty ones and repeats (ignoring
// case), keeping the first spelling and the order.
func normalizeTags(tags []string) []string {
	var out []string
	for _, t := range tags {
		t = normalizeTag(t)
		if t == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if strings.EqualFold(o, t) {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, t)
		}
	}
	return out
}

// addOwnTag records t among the analyst's tags unless it is a default one
// or known already.
func addOwnTag(ctx context.Context, tx *sql.Tx, t string, now int64) error {
	if _, ok := defaultTag(t); ok {
		return nil
	}
	if _, err := tx.ExecContext(ctx, "INSERT OR IGNORE INTO tags (name, created_us) VALUES (?, ?)", t, now); err != nil {
		return fmt.Errorf("save tag %q: %w", t, err)
	}
	return nil
}

// Tags returns the tags to offer: the default frame dimensions in their
// order, then the analyst's own tags in alphabetical order.
func (l *Library) Tags() ([]string, error) {
	var own []string
	err := l.read("list tags", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(context.Background(), "SELECT name FROM tags")
		if err != nil {
			return fmt.Errorf("list tags: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			if err := rows.Scan(&t); err != nil {
				return fmt.Errorf("list tags: %w", err)
			}
			if _, ok := defaultTag(t); !ok {
				own = append(own, t)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(own, func(i, j int) bool {
		a, b := strings.ToLower(own[i]), strings.ToLower(own[j])
		if a != b {
			return a < b
		}
		return own[i] < own[j]
	})
	return append(DefaultTags(), own...), nil
}

// AddTag adds one of the analyst's own tags, so that it is offered before
// any note uses it. Adding a tag that exists (ignoring case) does nothing.
func (l *Library) AddTag(name string) error {
	name = normalizeTag(name)
	if name == "" {
		return errors.New("add tag: the name is empty; type a tag")
	}
	return l.write("add tag", func(tx *sql.Tx) error {
		return addOwnTag(context.Background(), tx, name, nowMicros())
	})
}
