package xlsx_test

import (
	"context"
	"runtime"
	"strconv"
	"testing"

	"briefing/internal/heapwatch"
	"briefing/report/xlsx"
)

// BenchmarkWrite writes the annex of a synthetic letter of 10,000 and of
// 100,000 events to io.Discard; generating and loading the data is not
// timed. Besides time and allocations it reports what the writing keeps
// alive on top of the loaded dataset (peak-live-MB: the largest live heap
// a garbage collection found, sampled every millisecond, less the live
// heap before writing) and the annex's size (xlsx-MB): compare the two
// sizes of letter to see whether memory grows with the rows. The heap in
// use also holds garbage not yet collected, up to GOGC per cent of the
// live heap, which includes the dataset; peak-live-MB leaves it out.
//
//	go test ./report/xlsx -run XXX -bench Write -benchtime 3x
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{10000, 100000} {
		b.Run(strconv.Itoa(n/1000)+"k", func(b *testing.B) {
			sel := synthetic(b, n)
			opt := options(b, sel, "en")
			runtime.GC()
			base := heapwatch.Live()
			peak := heapwatch.Watch()
			var size countWriter
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				size = 0
				if _, err := xlsx.Write(context.Background(), &size, sel, opt); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64(peak()-base)/(1<<20), "peak-live-MB")
			b.ReportMetric(float64(size)/(1<<20), "xlsx-MB")
		})
	}
}

// countWriter counts what is written to it, and discards it.
type countWriter int64

func (w *countWriter) Write(p []byte) (int, error) {
	*w += countWriter(len(p))
	return len(p), nil
}
