package app

import (
	"sync"

	"fyne.io/fyne/v2"
)

// uiMu makes the callbacks that goroutines hand to the UI goroutine run one
// at a time on every driver. The desktop driver runs them in turn on its
// own goroutine anyway; the headless test driver runs each at once on the
// goroutine that hands it over, where two could otherwise overlap.
var uiMu sync.Mutex

// onUI runs f on the UI goroutine. It is called from goroutines only, never
// from the UI goroutine itself.
func onUI(f func()) {
	fyne.Do(func() {
		uiMu.Lock()
		defer uiMu.Unlock()
		f()
	})
}
