package app

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"framelens/framing/ingest"
)

// Measurements, run with the hidden flag --measure:
//
//	startup  time from process start to the sample case painted, and the
//	         resident memory then; with --library, to the first case the
//	         library opens (its last case, else the sample) painted;
//	large    a case of 20 reports of 300 sentences: time to compare and
//	         paint it, to scroll from its first row to its last, and the
//	         resident memory (now and at peak).
//
// Each prints its figures on standard output and closes the window.

// Size of the large case.
const (
	largeReports   = 20
	largeSentences = 300
)

// startMeasure starts measurement mode on wb; lib, when not empty, is the
// library startup opens, with args as the files to open. done receives
// the measurement's error.
func startMeasure(wb *workbench, mode, lib string, args []string, started time.Time, done func(error)) {
	finish := func(err error) {
		done(err)
		wb.win.Close()
	}
	switch mode {
	case "startup":
		wb.afterCompare = func() {
			wb.afterCompare = nil
			if wb.model == nil {
				finish(fmt.Errorf("%w: the case opened has fewer than two reports", errMeasure))
				return
			}
			painted(wb, func() {
				what := "sample case"
				if lib != "" {
					what = "case of the library"
				}
				reportMeasure("startup: %s painted %d ms after process start (%d ms after Run); %d rows", what, sinceProcessStart().Milliseconds(), time.Since(started).Milliseconds(), wb.model.rows())
				reportMemory()
				finish(nil)
			})
		}
		if lib != "" {
			wb.startLibrary(lib, args)
		} else {
			wb.openSample()
		}
	case "large":
		c := largeCase(largeReports, largeSentences)
		t0 := time.Now()
		wb.afterCompare = func() {
			wb.afterCompare = nil
			if wb.model == nil {
				finish(fmt.Errorf("%w: the large case was not compared", errMeasure))
				return
			}
			painted(wb, func() {
				reportMeasure("large: %d reports x %d sentences compared and painted in %d ms; %d rows", largeReports, largeSentences, time.Since(t0).Milliseconds(), wb.model.rows())
				reportMemory()
				t1 := time.Now()
				steps := scrollThrough(wb)
				painted(wb, func() {
					reportMeasure("large: scrolled through all rows in %d steps, %.1f ms per step", steps, float64(time.Since(t1).Microseconds())/1000/float64(max(1, steps)))
					reportMemory()
					finish(nil)
				})
			})
		}
		wb.openCase(c, nil)
	}
}

// painted calls f once the window has been drawn with its current content.
func painted(wb *workbench, f func()) {
	fyne.Do(func() {
		_ = wb.win.Canvas().Capture() // renders the canvas as it now is
		f()
	})
}

// scrollThrough moves the aligned view down a page at a time to the last
// row, building the rows in sight at each step, and returns the steps
// taken.
func scrollThrough(wb *workbench) int {
	v := wb.ui.view
	steps := 0
	for off := float32(0); len(v.tops) > 0 && off < v.tops[len(v.tops)-1]; off += v.scroll.Size().Height {
		v.scroll.ScrollToOffset(fyne.NewPos(0, off))
		v.body.update()
		_ = wb.win.Canvas().Capture()
		steps++
	}
	return steps
}

// reportMemory prints the resident memory of the process, now and at peak,
// split into anonymous memory (the heaps) and mapped files (the program
// and its libraries, the OpenGL driver among them), and the Go heap.
func reportMemory() {
	m := residentMemory()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	mb := func(n int64) float64 { return float64(n) / (1 << 20) }
	reportMeasure("memory: resident %.1f MB (peak %.1f MB) = anonymous %.1f MB + files %.1f MB; Go heap in use %.1f MB",
		mb(m["VmRSS"]), mb(m["VmHWM"]), mb(m["RssAnon"]), mb(m["RssFile"]), mb(int64(ms.HeapInuse)))
}

// residentMemory reads the memory figures of /proc/self/status, in bytes
// (absent where unavailable).
func residentMemory() map[string]int64 {
	out := map[string]int64{}
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 2 || !strings.HasSuffix(fields[0], ":") {
			continue
		}
		kb, err := strconv.ParseInt(fields[1], 10, 64)
		if err != nil {
			continue
		}
		out[strings.TrimSuffix(fields[0], ":")] = kb << 10
	}
	return out
}

// sinceProcessStart is the time since the process started, from
// /proc/self/stat and /proc/uptime (to 10 ms), or 0 where unavailable.
func sinceProcessStart() time.Duration {
	stat, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	up, err := os.ReadFile("/proc/uptime")
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces) start at
	// field 3; the start time is field 22, in clock ticks of 1/100 s.
	s := string(stat)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0
	}
	fields := strings.Fields(s[i+1:])
	if len(fields) < 20 {
		return 0
	}
	ticks, err := strconv.ParseFloat(fields[19], 64)
	if err != nil {
		return 0
	}
	uptime, err := strconv.ParseFloat(strings.Fields(string(up))[0], 64)
	if err != nil {
		return 0
	}
	return time.Duration((uptime - ticks/100) * float64(time.Second))
}

// largeCase builds a case of n reports of about m sentences each: the same
// m facts told by every outlet with its own wording, order and omissions,
// as the measurements need.
func largeCase(n, m int) *Case {
	c := &Case{Name: fmt.Sprintf("Large case: %d reports of %d sentences", n, m)}
	for r := range n {
		text := syntheticReport(r, m)
		name := fmt.Sprintf("outlet-%02d", r+1)
		doc, err := ingest.Parse(name, []byte(text), ingest.FormatText)
		if err != nil {
			continue // cannot happen: the text is plain and not empty
		}
		e := &ReportEntry{Doc: doc, Outlet: fmt.Sprintf("Outlet %d", r+1), Date: "2025-07-13"}
		e.fillFromDoc()
		c.add(e)
	}
	return c
}

var (
	synthSubjects = []string{"The foreign minister", "The delegation", "A spokesperson for the ministry", "The envoy", "The deputy minister", "The president's adviser", "The military command", "Local officials", "The regional governor", "The trade representative"}
	synthVerbs    = []string{"said", "claimed", "stated", "noted", "insisted", "announced", "confirmed", "told reporters"}
	synthObjects  = []string{"talks on energy supplies", "the ceasefire proposal", "new sanctions", "grain shipments through the port", "the prisoner exchange", "the summit in the capital", "border security", "the reconstruction fund", "air defence deliveries", "the humanitarian corridor"}
	synthPlaces   = []string{"Kyiv", "Kiev", "Moscow", "Beijing", "Brussels", "Geneva", "Ankara", "Warsaw"}
	synthFrames   = []string{"the war against Ukraine", "the Ukrainian crisis", "the special military operation", "the conflict in Ukraine", "Russian aggression"}
	synthMods     = []string{"", "", "", "so-called ", "alleged ", "illegal "}
	synthTails    = []string{"after several hours of discussion", "according to a statement released in the evening", "before leaving for the airport", "in a brief televised address", "ahead of a vote expected next week", "despite objections from several partners"}
)

// syntheticReport writes report r of a synthetic case: fact i is told in
// words chosen by (i, r), some facts are left out and neighbours swapped.
func syntheticReport(r, m int) string {
	rng := rand.New(rand.NewPCG(uint64(r)+1, 42))
	order := make([]int, 0, m)
	for i := range m {
		if rng.IntN(100) < 12 {
			continue // this outlet leaves the fact out
		}
		order = append(order, i)
	}
	for i := 1; i < len(order); i++ {
		if rng.IntN(100) < 8 {
			order[i-1], order[i] = order[i], order[i-1]
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Report %d on the talks\n\n", r+1)
	for k, i := range order {
		fact := rand.New(rand.NewPCG(uint64(i)+1, 7))
		subject := synthSubjects[fact.IntN(len(synthSubjects))]
		object := synthObjects[fact.IntN(len(synthObjects))]
		place := synthPlaces[fact.IntN(len(synthPlaces))]
		frame := synthFrames[fact.IntN(len(synthFrames))]
		tail := synthTails[fact.IntN(len(synthTails))]
		figure := 10 + fact.IntN(90)
		verb := synthVerbs[(i+r)%len(synthVerbs)]
		if rng.IntN(3) > 0 {
			verb = synthVerbs[i%len(synthVerbs)]
		}
		if place == "Kyiv" && r%3 == 1 {
			place = "Kiev"
		}
		if rng.IntN(4) == 0 {
			frame = synthFrames[(fact.IntN(len(synthFrames))+r)%len(synthFrames)]
		}
		if rng.IntN(5) == 0 {
			figure += 1 + rng.IntN(5)
		}
		mod := synthMods[rng.IntN(len(synthMods))]
		fmt.Fprintf(&b, "%s %s in %s that %d %sdelegates had joined %s on %s (fact %d), %s.",
			subject, verb, place, figure, mod, object, frame, i+1, tail)
		if k%4 == 3 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}
