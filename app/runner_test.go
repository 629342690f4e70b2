package app

import (
	"context"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"framelens/framing"
	"framelens/framing/ingest"
)

func TestANewComparisonCancelsTheOutdatedOne(t *testing.T) {
	test.NewTempApp(t)
	started := make(chan context.Context, 2)
	release := make(chan struct{})
	compare := func(ctx context.Context, docs []*ingest.Document, _ framing.Options) (*framing.Comparison, error) {
		started <- ctx
		if len(docs) == 2 {
			// The first, slow comparison: it ends only when cancelled
			// or released.
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-release:
			}
		}
		c := &framing.Comparison{}
		for _, d := range docs {
			c.Reports = append(c.Reports, framing.Report{Name: d.Name})
		}
		return c, nil
	}
	r := newRunner(compare)
	entries := docs(t, "One report. Of two.", "Another report. Of two.", "A third report.")

	var mu sync.Mutex
	var results []int
	done := func(m *caseModel, err error) {
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			t.Errorf("the comparison failed: %v", err)
			return
		}
		results = append(results, m.reports())
	}
	first := entries[:2]
	r.start((&Case{Reports: first}).docs(), first, func(float64) {}, done)
	ctx1 := <-started
	r.start((&Case{Reports: entries}).docs(), entries, func(float64) {}, done)
	<-started
	select {
	case <-ctx1.Done():
	case <-time.After(5 * time.Second):
		close(release)
		t.Fatal("starting a new comparison did not cancel the running one")
	}
	r.wait()

	mu.Lock()
	defer mu.Unlock()
	if len(results) != 1 || results[0] != 3 {
		t.Errorf("results shown: %v, want only the newer comparison of 3 reports", results)
	}
}

func TestAResultThatArrivesLateIsDropped(t *testing.T) {
	test.NewTempApp(t)
	gate := make(chan struct{})
	compare := func(_ context.Context, docs []*ingest.Document, _ framing.Options) (*framing.Comparison, error) {
		if len(docs) == 2 {
			<-gate // ignores cancellation, as a slow step might
		}
		return &framing.Comparison{Reports: make([]framing.Report, len(docs))}, nil
	}
	r := newRunner(compare)
	entries := docs(t, "A. B.", "C. D.", "E. F.")
	var shown []int
	var mu sync.Mutex
	done := func(m *caseModel, _ error) {
		mu.Lock()
		shown = append(shown, m.reports())
		mu.Unlock()
	}
	r.start((&Case{Reports: entries[:2]}).docs(), entries[:2], func(float64) {}, done)
	r.start((&Case{Reports: entries}).docs(), entries, func(float64) {}, done)
	close(gate)
	r.wait()
	if len(shown) != 1 || shown[0] != 3 {
		t.Errorf("results shown: %v, want only the latest (3 reports)", shown)
	}
}

func TestAPanicInTheEngineBecomesAnError(t *testing.T) {
	test.NewTempApp(t)
	r := newRunner(func(context.Context, []*ingest.Document, framing.Options) (*framing.Comparison, error) {
		panic("index out of range")
	})
	entries := docs(t, "A. B.", "C. D.")
	var got error
	r.start((&Case{Reports: entries}).docs(), entries, func(float64) {}, func(_ *caseModel, err error) { got = err })
	r.wait()
	if got == nil {
		t.Fatal("a panic in the engine reached no one")
	}
}
