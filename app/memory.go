package app

import (
	"os"
	"runtime/debug"
	"sync"
)

// How the window asks the Go collector to trade memory for time: a tight
// heap target while the window only shows a comparison, a looser one while
// the engine makes one. GOGC, when set, overrides both.

const (
	// idleGCPercent is how far the heap may grow past what is in use
	// before the next collection while no comparison runs. Most of what
	// the window holds (fonts, the lexicon, the comparison shown) lives as
	// long as the window, and drawing makes little garbage: a tight target
	// keeps the heap close to what is in use, for a few more short
	// collections.
	idleGCPercent = 20
	// compareGCPercent is that growth while a comparison runs: the engine
	// makes far more short-lived garbage than it keeps, and the idle
	// target would slow it by a tenth or more.
	compareGCPercent = 50
)

// gcTargets switches the collector's target as comparisons start and end.
type gcTargets struct {
	mu      sync.Mutex
	enabled bool // set by tuneGC; off in tests and when GOGC is set
	running int  // comparisons under way
}

var collector gcTargets

// tuneGC sets the idle target, unless the GOGC environment variable sets
// one.
func tuneGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	collector.mu.Lock()
	defer collector.mu.Unlock()
	collector.enabled = true
	debug.SetGCPercent(idleGCPercent)
}

// comparing sets the comparison target until the returned function is
// called (once or more) and no other comparison runs.
func (g *gcTargets) comparing() (done func()) {
	g.mu.Lock()
	g.running++
	if g.enabled && g.running == 1 {
		debug.SetGCPercent(compareGCPercent)
	}
	g.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			g.mu.Lock()
			defer g.mu.Unlock()
			g.running--
			if g.enabled && g.running == 0 {
				debug.SetGCPercent(idleGCPercent)
			}
		})
	}
}
