package storage

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
)

func TestLexiconEntries(t *testing.T) {
	l := openTemp(t)
	yaml := "id: border-crossers\nterms:\n  - migrants\n  - illegals\n"
	json := `{"id": "manifestants", "terms": ["manifestants", "casseurs"]}`
	fr, err := l.SaveLexiconEntry(LexiconEntry{Lang: "fr", ID: "manifestants", Text: json, Enabled: false})
	if err != nil {
		t.Fatal(err)
	}
	en, err := l.SaveLexiconEntry(LexiconEntry{Lang: " en ", ID: " border-crossers ", Text: yaml, Enabled: true})
	if err != nil {
		t.Fatal(err)
	}
	if en.Lang != "en" || en.ID != "border-crossers" || en.Updated.IsZero() {
		t.Errorf("SaveLexiconEntry returned %+v", en)
	}
	entries, err := l.LexiconEntries()
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 2 || entries[0] != en || entries[1] != fr {
		t.Errorf("LexiconEntries = %+v, want [%+v %+v]", entries, en, fr)
	}
	// Saving the same language and id replaces the entry.
	fr.Text, fr.Enabled = strings.Replace(json, "casseurs", "émeutiers", 1), true
	fr2, err := l.SaveLexiconEntry(fr)
	if err != nil {
		t.Fatal(err)
	}
	entries, err = l.LexiconEntries()
	if err != nil || len(entries) != 2 || entries[1] != fr2 || !strings.Contains(entries[1].Text, "émeutiers") || !entries[1].Enabled {
		t.Errorf("after replacing: %+v (%v)", entries, err)
	}
	if err := l.DeleteLexiconEntry("en", "border-crossers"); err != nil {
		t.Fatal(err)
	}
	if err := l.DeleteLexiconEntry("en", "border-crossers"); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice: %v, want ErrNotFound", err)
	}
	entries, err = l.LexiconEntries()
	if err != nil || len(entries) != 1 || entries[0].Lang != "fr" {
		t.Errorf("after delete: %+v (%v)", entries, err)
	}

	for _, tt := range []struct {
		name string
		e    LexiconEntry
		want string
	}{
		{"no language", LexiconEntry{ID: "x", Text: "id: x"}, "language is empty"},
		{"no id", LexiconEntry{Lang: "en", Text: "id: x"}, "id is empty"},
		{"no text", LexiconEntry{Lang: "en", ID: "x", Text: " \n"}, "text is empty"},
		{"invalid UTF-8", LexiconEntry{Lang: "en", ID: "x", Text: "id: \xff"}, "UTF-8"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := l.SaveLexiconEntry(tt.e); err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("SaveLexiconEntry: %v, want an error mentioning %q", err, tt.want)
			}
		})
	}
}

func TestSettings(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, err := l.Setting(SettingLastCase); err != nil || ok || v != "" {
		t.Errorf("unset setting: %q, %v, %v", v, ok, err)
	}
	for _, v := range []string{"12", "7"} {
		if err := l.SetSetting(SettingLastCase, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.SetSetting("", "x"); err == nil {
		t.Error("SetSetting accepted an empty key")
	}
	if err := l.SetSetting("window.size", ""); err != nil {
		t.Fatal(err)
	}
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if v, ok, err := l.Setting(SettingLastCase); err != nil || !ok || v != "7" {
		t.Errorf("after reopening: %q, %v, %v; want the last value", v, ok, err)
	}
	if v, ok, err := l.Setting("window.size"); err != nil || !ok || v != "" {
		t.Errorf("empty value: %q, %v, %v; want set and empty", v, ok, err)
	}
	if err := l.DeleteSetting(SettingLastCase); err != nil {
		t.Fatal(err)
	}
	if _, ok, err := l.Setting(SettingLastCase); err != nil || ok {
		t.Errorf("after delete: set %v (%v)", ok, err)
	}
}
