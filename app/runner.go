package app

import (
	"context"
	"fmt"
	"runtime/debug"
	"sync"

	"framelens/framing"
	"framelens/framing/ingest"
	"framelens/framing/lexicon"
)

// compareFunc is the engine's entry point, replaceable in tests.
type compareFunc func(ctx context.Context, docs []*ingest.Document, opts framing.Options) (*framing.Comparison, error)

// runner runs comparisons off the UI goroutine. Each start cancels the
// comparison before it; a result reaches the window only if no newer
// comparison was started meanwhile (a generation counter, checked on the UI
// goroutine).
type runner struct {
	compare compareFunc
	// analyst holds the analyst's own lexicon entries, which every
	// comparison merges into the bundled lexicon.
	analyst *analystLexicon

	mu     sync.Mutex
	gen    uint64
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

func newRunner(compare compareFunc) *runner {
	return &runner{compare: compare, analyst: newAnalystLexicon()}
}

// start compares docs. progress (0..1) and done are called on the UI
// goroutine, and only while this comparison is the latest. entries are the
// case's reports in the order of docs; the model built from the result
// keeps them.
func (r *runner) start(docs []*ingest.Document, entries []*ReportEntry, progress func(float64), done func(*caseModel, error)) {
	r.startWith(docs, entries, nil, progress, done)
}

// startWith is start with the analyst's alignment corrections (nil: none).
func (r *runner) startWith(docs []*ingest.Document, entries []*ReportEntry, fix *alignFix, progress func(float64), done func(*caseModel, error)) {
	r.mu.Lock()
	if r.cancel != nil {
		r.cancel()
	}
	r.gen++
	gen := r.gen
	ctx, cancel := context.WithCancel(context.Background())
	r.cancel = cancel
	r.mu.Unlock()

	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		defer cancel()
		model, err := r.run(ctx, docs, entries, fix, func(p float64) {
			onUI(func() {
				if r.current(gen) {
					progress(p)
				}
			})
		})
		if ctx.Err() != nil {
			return // outdated: a newer comparison runs or the case closed
		}
		onUI(func() {
			if r.current(gen) {
				done(model, err)
				r.analyst.compared()
				// A comparison, and building the views of its result,
				// allocate far more than they keep: hand the scratch memory
				// back to the system now rather than keep it for later.
				debug.FreeOSMemory()
			}
		})
	}()
}

// run compares and builds the view model, turning a panic of the engine
// into an error so that a bad input never takes the window down.
func (r *runner) run(ctx context.Context, docs []*ingest.Document, entries []*ReportEntry, fix *alignFix, progress func(float64)) (m *caseModel, err error) {
	defer func() {
		if p := recover(); p != nil {
			m, err = nil, fmt.Errorf("the comparison stopped on an internal error: %v", p)
			logPanic("comparing reports", p)
		}
	}()
	gcDone := collector.comparing()
	defer gcDone()
	bundled, err := lexicon.Bundled()
	if err != nil {
		return nil, fmt.Errorf("comparing %d reports: %w", len(docs), err)
	}
	own, err := r.analyst.enabled()
	if err != nil {
		return nil, fmt.Errorf("comparing %d reports: %w", len(docs), err)
	}
	cmp, err := fix.compare(ctx, r.compare, docs, framing.Options{Lexicon: lexicon.Merge(bundled, own), Progress: progress})
	if err != nil {
		return nil, fmt.Errorf("comparing %d reports: %w", len(docs), err)
	}
	m = newCaseModel(cmp, entries)
	gcDone()
	return m, nil
}

// current reports whether gen is the latest comparison started.
func (r *runner) current(gen uint64) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.gen == gen
}

// stop cancels the running comparison, if any, and drops its result.
func (r *runner) stop() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cancel != nil {
		r.cancel()
		r.cancel = nil
	}
	r.gen++
}

// wait blocks until no comparison is running.
func (r *runner) wait() { r.wg.Wait() }
