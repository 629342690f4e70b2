package app

import (
	"sync"
)

// jobQueue runs library calls off the UI goroutine, one after another in
// the order they were asked for, so that a case is always written as the
// analyst changed it: a report is added before it is moved, a note saved
// before it is deleted.
//
// A job given a key replaces a job with the same key still waiting in the
// queue (the name of a case typed letter by letter is written once).
type jobQueue struct {
	mu      sync.Mutex
	idle    *sync.Cond
	queue   []queuedJob
	running bool
	// pending counts the jobs queued or running.
	pending int
}

type queuedJob struct {
	key string
	run func()
}

func newJobQueue() *jobQueue {
	q := &jobQueue{}
	q.idle = sync.NewCond(&q.mu)
	return q
}

// do queues run. A non-empty key drops a job with the same key that has
// not started yet.
func (q *jobQueue) do(key string, run func()) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if key != "" {
		for i, j := range q.queue {
			if j.key == key {
				q.queue = append(q.queue[:i], q.queue[i+1:]...)
				q.pending--
				break
			}
		}
	}
	q.queue = append(q.queue, queuedJob{key: key, run: run})
	q.pending++
	if !q.running {
		q.running = true
		go q.drain()
	}
}

// drain runs the queued jobs until none is left. A panic in a job is
// logged and the next job runs.
func (q *jobQueue) drain() {
	for {
		q.mu.Lock()
		if len(q.queue) == 0 {
			q.running = false
			q.idle.Broadcast()
			q.mu.Unlock()
			return
		}
		j := q.queue[0]
		q.queue = q.queue[1:]
		q.mu.Unlock()

		func() {
			defer func() {
				if p := recover(); p != nil {
					logPanic("writing to the library", p)
				}
			}()
			j.run()
		}()

		q.mu.Lock()
		q.pending--
		if q.pending == 0 {
			q.idle.Broadcast()
		}
		q.mu.Unlock()
	}
}

// wait blocks until no job is queued or running. It is never called on the
// UI goroutine of a running window.
func (q *jobQueue) wait() {
	q.mu.Lock()
	defer q.mu.Unlock()
	for q.pending > 0 {
		q.idle.Wait()
	}
}
