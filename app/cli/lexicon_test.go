package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runLex(args ...string) (int, string, string) {
	var out, errb strings.Builder
	code := Lexicon(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestLexiconListJSON(t *testing.T) {
	code, out, errs := runLex("list", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var list []referentListing
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatal(err)
	}
	if len(list) < 30 {
		t.Fatalf("only %d referents listed", len(list))
	}
	for _, l := range list {
		if l.ID == "" || l.Category == "" || len(l.Languages) == 0 || len(l.Terms) == 0 {
			t.Errorf("incomplete listing %+v", l)
		}
	}
}

func TestLexiconListText(t *testing.T) {
	code, out, _ := runLex("list")
	if code != ExitOK || !strings.Contains(out, "ID") || !strings.Contains(out, "referents") {
		t.Fatalf("exit %d, output %q", code, out)
	}
}

func TestLexiconCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join("..", "..", "assets", "lexicon", "lexicon.yaml")
	bad := filepath.Join(dir, "team.yaml")
	os.WriteFile(bad, []byte("schema_version: 1\nentries:\n  - id: x\n    lang: en\n    colour: red\n"), 0o644)
	if code, out, errs := runLex("check", good); code != ExitOK || !strings.Contains(out, "ok") {
		t.Errorf("bundled lexicon: exit %d, %s %s", code, out, errs)
	}
	code, _, errs := runLex("check", bad)
	if code != ExitUsage {
		t.Errorf("bad lexicon: exit %d, want %d", code, ExitUsage)
	}
	if !strings.Contains(errs, "team.yaml:") || !strings.Contains(errs, "colour") {
		t.Errorf("problem not named with file, line and field: %q", errs)
	}
	if code, _, _ := runLex("check"); code != ExitUsage {
		t.Errorf("no file: exit %d", code)
	}
	if code, _, _ := runLex("frobnicate"); code != ExitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
}
