package evalset

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"testing"
)

func TestLoadSet(t *testing.T) {
	dir := t.TempDir()
	writeEvent(t, dir, "b-event", tinyReports, tinyGold)
	writeEvent(t, dir, "a-event", tinyReports, tinyGold)
	if err := os.Mkdir(filepath.Join(dir, "no-gold"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "README.md"), []byte("notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	events, err := LoadSet(dir)
	if err != nil {
		t.Fatal(err)
	}
	var slugs []string
	for _, ev := range events {
		slugs = append(slugs, ev.Slug)
	}
	if !reflect.DeepEqual(slugs, []string{"a-event", "b-event"}) {
		t.Fatalf("slugs = %q", slugs)
	}
	ev := events[0]
	if !reflect.DeepEqual(ev.Sources, []string{"a", "b", "c"}) {
		t.Errorf("Sources = %q", ev.Sources)
	}
	for i, p := range ev.Paths {
		if want := filepath.Join(dir, "a-event", "reports", ev.Sources[i]+".txt"); p != want {
			t.Errorf("Paths[%d] = %q, want %q", i, p, want)
		}
	}
	if len(ev.Gold.Rows) != 3 || len(ev.Gold.Framing) != 3 || ev.Gold.Framing[1].Terms["c"] != "violent" {
		t.Errorf("gold not read: %+v", ev.Gold)
	}
}

func TestLoadSetTestdata(t *testing.T) {
	events, err := LoadSet(filepath.Join("..", "..", "testdata", "events"))
	if err != nil {
		t.Fatal(err)
	}
	for _, ev := range events {
		if !sort.StringsAreSorted(ev.Sources) || len(ev.Sources) < 3 || len(ev.Paths) != len(ev.Sources) {
			t.Errorf("%s: sources %q, %d paths", ev.Slug, ev.Sources, len(ev.Paths))
		}
	}
}

func TestLoadEventErrors(t *testing.T) {
	tests := []struct {
		name  string
		setup func(d string)
	}{
		{"bad json", func(d string) { write(t, filepath.Join(d, "gold.json"), "{") }},
		{"missing report", func(d string) {
			if err := os.Remove(filepath.Join(d, "reports", "b.txt")); err != nil {
				t.Fatal(err)
			}
		}},
		{"unknown source in a row", func(d string) {
			write(t, filepath.Join(d, "gold.json"), `{"reports":{"a":{"sentences":["x"]}},"rows":[{"a":[0],"z":[0]}]}`)
		}},
		{"sentence index out of range", func(d string) {
			write(t, filepath.Join(d, "gold.json"), `{"reports":{"a":{"sentences":["x"]}},"rows":[{"a":[3]}]}`)
		}},
		{"framing row out of range", func(d string) {
			write(t, filepath.Join(d, "gold.json"), `{"reports":{"a":{"sentences":["x"]}},"rows":[],"framing":[{"row":0,"terms":{"a":"x"}}]}`)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := writeEvent(t, t.TempDir(), "ev", tinyReports, tinyGold)
			tt.setup(d)
			if _, err := LoadEvent(d); err == nil {
				t.Error("LoadEvent succeeded, want an error")
			}
		})
	}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
