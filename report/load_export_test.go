package report

// LoadWithWorkers is Load with at most workers files of events/ decoded
// at once; 0 decodes one file at a time, whole, when the loader takes it,
// as a load that decodes nothing at the same time. Otherwise every list
// of two items or more is cut into chunks, however short, so that small
// folders test the cutting.
func LoadWithWorkers(dir string, workers int) (*Dataset, Diagnostics) {
	return LoadWithMaxEventsWorkers(dir, MaxEvents, workers)
}

// LoadWithMaxEventsWorkers is LoadWithWorkers with a limit on events
// lower than MaxEvents.
func LoadWithMaxEventsWorkers(dir string, max, workers int) (*Dataset, Diagnostics) {
	ld := newLoader(dir, max, nil, workers)
	ld.sequential = workers == 0
	ld.chunkBytes = 1
	return ld.run()
}

// LoadCountingWork is Load, with the work of the checks that cross files
// (see loader.work).
func LoadCountingWork(dir string) (*Dataset, Diagnostics, int) {
	ld := newLoader(dir, MaxEvents, nil, 0)
	ds, diags := ld.run()
	return ds, diags, ld.work
}
