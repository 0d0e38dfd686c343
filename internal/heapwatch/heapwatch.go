// Package heapwatch measures, for benchmarks, the largest heap a piece of
// work keeps alive: the live heap each garbage collection finds, sampled
// every millisecond.
package heapwatch

import (
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"time"
)

// Live returns the heap the last garbage collection found alive.
func Live() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// Watch samples the live heap until the returned function is first
// called, which returns the largest sample, as later calls do.
func Watch() func() uint64 {
	var peak atomic.Uint64
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			if live := Live(); live > peak.Load() {
				peak.Store(live)
			}
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	})
	var once sync.Once
	return func() uint64 {
		once.Do(func() {
			close(done)
			wg.Wait()
		})
		return peak.Load()
	}
}
