package framing

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"framelens/framing/ingest"
)

// sentencePool gathers the sentences of the shared labelled events, to
// build synthetic cases of any size.
func sentencePool(b *testing.B) []string {
	b.Helper()
	paths, _ := filepath.Glob("../../shared/eval/dev/*/reports/*.txt")
	var pool []string
	for _, p := range paths {
		d, err := ingest.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		for _, line := range strings.Split(d.Text, "\n") {
			// One sentence per line of the pool: cut paragraphs at ". ".
			for _, s := range strings.SplitAfter(line, ". ") {
				if s = strings.TrimSpace(s); len(s) > 20 {
					pool = append(pool, s)
				}
			}
		}
	}
	if len(pool) == 0 {
		b.Fatal("no sentences: the shared evaluation set must sit beside the repository")
	}
	return pool
}

// syntheticCase builds n reports of about size paragraphs each: every
// report draws from one shared story in its own order, leaves some out and
// rewords some words, as real coverage of one event does.
func syntheticCase(b *testing.B, n, size int) []*ingest.Document {
	pool := sentencePool(b)
	// Each fact of the story is a sentence of the pool with a detail of
	// its own (a place and a figure), so that facts stay distinct.
	story := make([]string, size*3/2)
	for i := range story {
		s := strings.TrimRight(pool[i%len(pool)], ".”\"")
		story[i] = fmt.Sprintf("%s near Sector-%d, with %d units.", s, i, 3*i+7)
	}
	swaps := [][2]string{{"said", "claimed"}, {"attack", "strike"}, {"plant", "station"}, {"Kyiv", "Kiev"}}
	docs := make([]*ingest.Document, n)
	for k := range n {
		rng := rand.New(rand.NewPCG(uint64(k), 7))
		var sb strings.Builder
		sb.WriteString(fmt.Sprintf("Report %d on the event\n\n", k))
		perm := rng.Perm(len(story))
		for _, i := range perm[:size] {
			s := story[i]
			if rng.IntN(4) == 0 {
				sw := swaps[rng.IntN(len(swaps))]
				s = strings.ReplaceAll(s, sw[0], sw[1])
			}
			sb.WriteString(s)
			sb.WriteString("\n\n")
		}
		d, err := ingest.Parse(fmt.Sprintf("r%02d", k), []byte(sb.String()), ingest.FormatText)
		if err != nil {
			b.Fatal(err)
		}
		docs[k] = d
	}
	return docs
}

// BenchmarkCompareEvent is a full compare of a 5-report event of about 25
// sentences each.
func BenchmarkCompareEvent(b *testing.B) {
	docs := syntheticCase(b, 5, 25)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compare(context.Background(), docs, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompareReports shows how a compare grows with the number of
// reports of 300 sentences each.
func BenchmarkCompareReports(b *testing.B) {
	for _, n := range []int{2, 5, 10, 20, 50} {
		b.Run(fmt.Sprintf("reports=%d", n), func(b *testing.B) {
			docs := syntheticCase(b, n, 300)
			runtime.GC()
			b.ResetTimer()
			for b.Loop() {
				if _, err := Compare(context.Background(), docs, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			// Memory the process holds from the system: an upper bound on
			// what a compare of this size needs resident.
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			b.ReportMetric(float64(ms.Sys)/(1<<20), "sys-MB")
		})
	}
}
