# The two commands of the README: `make report` builds every letter,
# `make test` runs every check. Only Go is needed.
GO ?= go

.PHONY: report test validate fmt basemap

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
