package storage

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The tests below run a second process on the same library: the test binary
// itself, started again with childEnv set, which makes TestMain run
// runChild instead of the tests.
const (
	childEnv        = "FRAMELENS_STORAGE_TEST_CHILD"
	childLibraryEnv = "FRAMELENS_STORAGE_TEST_LIBRARY"
	childReportEnv  = "FRAMELENS_STORAGE_TEST_REPORT"
	childCountEnv   = "FRAMELENS_STORAGE_TEST_COUNT"
)

func TestMain(m *testing.M) {
	if name := os.Getenv(childEnv); name != "" {
		os.Exit(runChild(name))
	}
	os.Exit(m.Run())
}

// runChild saves notes named "<name> <i>" on a report, each in its own
// SaveNote, and prints "<id> <text>" on stdout once the save has returned.
// It stops after childCountEnv notes, or never if that is 0.
func runChild(name string) int {
	reportID, err := strconv.ParseInt(os.Getenv(childReportEnv), 10, 64)
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	count, err := strconv.Atoi(os.Getenv(childCountEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 2
	}
	l, err := Open(os.Getenv(childLibraryEnv))
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	defer l.Close()
	for i := 0; count == 0 || i < count; i++ {
		n := Note{Kind: NoteSentence, ReportID: reportID, Text: fmt.Sprintf("%s %d", name, i), Tags: []string{"political", name}}
		n.Anchor.Start, n.Anchor.End = 0, 10
		saved, err := l.SaveNote(n)
		if err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			return 1
		}
		fmt.Printf("%d %s\n", saved.ID, saved.Text)
	}
	return 0
}

// startChild starts runChild in a new process and returns its stdout.
func startChild(t *testing.T, name, path string, reportID int64, count int) (*exec.Cmd, io.Reader, *bytes.Buffer) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		childEnv+"="+name,
		childLibraryEnv+"="+path,
		childReportEnv+"="+strconv.FormatInt(reportID, 10),
		childCountEnv+"="+strconv.Itoa(count))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd, out, &stderr
}

// savedLine is one "<id> <text>" line printed by a child.
type savedLine struct {
	id   int64
	text string
}

func parseLine(t *testing.T, line string) savedLine {
	t.Helper()
	id, text, ok := strings.Cut(strings.TrimSuffix(line, "\n"), " ")
	n, err := strconv.ParseInt(id, 10, 64)
	if !ok || err != nil {
		t.Fatalf("child printed %q", line)
	}
	return savedLine{n, text}
}

// checkSaved fails unless every saved line is a note of the case with that
// text.
func checkSaved(t *testing.T, l *Library, caseID int64, saved []savedLine) {
	t.Helper()
	notes, err := l.Notes(caseID, NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	byID := map[int64]string{}
	for _, n := range notes {
		byID[n.ID] = n.Text
	}
	for _, s := range saved {
		if text, ok := byID[s.id]; !ok || text != s.text {
			t.Errorf("note %d (%q) was reported saved but is %q (present: %v)", s.id, s.text, text, ok)
		}
	}
}

func TestTwoHandles(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	a, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	tc := newTestCase(t, a, "Shared")

	// A write through one handle is seen at once through the other.
	n := mustSave(t, a, sentenceNote(t, tc.Wire, NoteSentence, "Police said", "from a"))
	seen, err := b.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(seen) != 1 || seen[0].ID != n.ID {
		t.Fatalf("handle b sees %+v (%v)", seen, err)
	}

	const perWriter = 60
	template := sentenceNote(t, tc.Wire, NoteRow, "Police said", "", "political")
	var wg sync.WaitGroup
	var mu sync.Mutex
	var saved []savedLine
	errs := make(chan error, 8)
	for w, lib := range []*Library{a, b, a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range perWriter {
				note := template
				note.Text = fmt.Sprintf("writer %d note %d", w, i)
				s, err := lib.SaveNote(note)
				if err != nil {
					errs <- err
					return
				}
				mu.Lock()
				saved = append(saved, savedLine{s.ID, s.Text})
				mu.Unlock()
				if i%10 == 0 {
					if err := lib.RenameCase(tc.Case.ID, fmt.Sprintf("Shared %d-%d", w, i)); err != nil {
						errs <- err
						return
					}
				}
			}
		}()
	}
	// A reader loads the case meanwhile.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range 30 {
			if _, err := b.LoadCase(tc.Case.ID); err != nil {
				errs <- err
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Errorf("concurrent use: %v", err)
	}
	if len(saved) != 4*perWriter {
		t.Fatalf("%d saves returned, want %d", len(saved), 4*perWriter)
	}
	checkSaved(t, b, tc.Case.ID, saved)
	all, err := a.Notes(tc.Case.ID, NoteFilter{})
	if err != nil || len(all) != 4*perWriter+1 {
		t.Errorf("%d notes (%v), want %d", len(all), err, 4*perWriter+1)
	}
	integrity(t, path)
}

func TestTwoProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tc := newTestCase(t, l, "Shared")
	const count = 80
	cmd, out, stderr := startChild(t, "child", path, tc.Wire.ID, count)

	var parentSaved []savedLine
	for i := range count {
		n := mustSave(t, l, sentenceNote(t, tc.Wire, NoteSentence, "Police said", fmt.Sprintf("parent %d", i), "political"))
		parentSaved = append(parentSaved, savedLine{n.ID, n.Text})
		if i%20 == 0 {
			if err := l.RenameCase(tc.Case.ID, fmt.Sprintf("Shared %d", i)); err != nil {
				t.Fatal(err)
			}
		}
	}
	var childSaved []savedLine
	r := bufio.NewReader(out)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			break
		}
		childSaved = append(childSaved, parseLine(t, line))
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v\n%s", err, stderr)
	}
	if len(childSaved) != count {
		t.Fatalf("child saved %d notes, want %d\n%s", len(childSaved), count, stderr)
	}
	checkSaved(t, l, tc.Case.ID, append(parentSaved, childSaved...))
	all, err := l.Notes(tc.Case.ID, NoteFilter{Tags: []string{"political"}})
	if err != nil || len(all) != 2*count {
		t.Errorf("%d notes (%v), want %d", len(all), err, 2*count)
	}
	integrity(t, path)
}

// TestKilledWriterLosesNothing kills a process that saves notes in a loop
// and checks that every note it reported saved is in the library.
func TestKilledWriterLosesNothing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "library.db")
	l, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	tc := newTestCase(t, l, "Crash")
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	var saved []savedLine
	for round, killAfter := range []int{5, 20, 40} {
		cmd, out, stderr := startChild(t, fmt.Sprintf("round%d", round), path, tc.Wire.ID, 0)
		r := bufio.NewReader(out)
		seen := 0
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				break // EOF once the child is dead; a partial line is not a save
			}
			saved = append(saved, parseLine(t, line))
			seen++
			if seen == killAfter {
				// Process.Kill sends SIGKILL: no chance to clean up.
				if err := cmd.Process.Kill(); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := cmd.Wait(); err == nil {
			t.Fatalf("round %d: the child was not killed\n%s", round, stderr)
		}
		if seen < killAfter {
			t.Fatalf("round %d: the child saved %d notes before dying on its own\n%s", round, seen, stderr)
		}
	}
	// The last child left its write-ahead log behind: Open must take it up.
	if _, err := os.Stat(path + "-wal"); err != nil {
		t.Errorf("no write-ahead log after the kills: %v", err)
	}
	l, err = Open(path)
	if err != nil {
		t.Fatalf("reopen after the kills: %v", err)
	}
	defer l.Close()
	integrity(t, path)
	checkSaved(t, l, tc.Case.ID, saved)
	notes, err := l.Notes(tc.Case.ID, NoteFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(notes) < len(saved) {
		t.Errorf("%d notes in the library, %d reported saved", len(notes), len(saved))
	}
	for _, n := range notes {
		if !strings.HasPrefix(n.Text, "round") || len(n.Tags) != 2 {
			t.Errorf("note %d is incomplete: %+v", n.ID, n)
		}
	}
}
