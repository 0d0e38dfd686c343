# The two commands of the README: `make report` builds every letter,
# `make test` runs every check. Only Go is needed.
GO ?= go

.PHONY: report test validate fmt basemap bench bench-peers budget

report:
	$(GO) run ./cmd/briefing build

test:
	@unformatted=$$(gofmt -l .); \
	if [ -n "$$unformatted" ]; then echo "not gofmt-formatted:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test ./...
	@# The hostile-input corpora pass with the rest; say how many cases they hold.
	@$(GO) test -count=1 -run '^TestCorpus$$' -v ./report/ ./cmd/briefing/ | grep -E 'corpus: [0-9]+ cases' | sed 's/^ *[a-z_]*\.go:[0-9]*: /hostile-input /'

validate:
	$(GO) run ./cmd/briefing validate

fmt:
	gofmt -w $$(git ls-files '*.go')

# Regenerates assets/basemap/*.bin from Natural Earth (tools/basemapgen, its own module).
basemap:
	cd tools/basemapgen && $(GO) run . -out ../../assets/basemap

# Benchmarks of every step at the sample and at 1,000, 10,000 and 100,000
# synthetic events, kept in bench/ in benchstat's format (compare a run with
# the last: see bench/README.md), then printed as one table.
bench:
	@mkdir -p bench/results
	BRIEFING_BENCH_SIZES=sample,1k,10k $(GO) test -run '^$$' -bench . -benchmem -benchtime 3x -count 3 -timeout 30m ./report/ ./internal/build/ | tee bench/results/latest-small.txt
	BRIEFING_BENCH_SIZES=100k $(GO) test -run '^$$' -bench . -benchmem -benchtime 1x -count 1 -timeout 30m ./report/ ./internal/build/ | tee bench/results/latest-100k.txt
	@$(GO) run ./bench/table bench/results/latest-small.txt bench/results/latest-100k.txt

# The budgets of the README's "Speed" section, measured as a user runs
# briefing: cold processes, /usr/bin/time, medians of three.
budget:
	sh bench/budget.sh

# The annex's Events sheet beside libxlsxwriter (C) writing the same cells,
# per cell; needs a C compiler and libxlsxwriter-dev (bench/peers/README.md).
# PEER_EVENTS=10000 for a quick run.
PEER_EVENTS ?= 100000
bench-peers:
	GO=$(GO) sh bench/peers/run.sh $(PEER_EVENTS)
