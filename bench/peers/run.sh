#!/bin/sh
# run.sh times the annex's Events sheet (report/xlsx's BenchmarkEventsSheet)
# beside libxlsxwriter writing the same cells (events.c), in one run, and
# prints their times per cell and the ratio. See README.md beside it.
#
#	bench/peers/run.sh [EVENTS]	# default 100000; make bench-peers
#
# Environment: GO (default go), CC (default cc), TMPDIR.
set -eu

n=${1:-100000}
case $n in
'' | *[!0-9]* | 0)
	echo "run.sh: '$n' is not a number of events" >&2
	exit 2
	;;
esac
# budget is issue 14's: our time per cell at most 1.5 times libxlsxwriter's.
budget=1.5
runs=3

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
GO=${GO:-go}
CC=${CC:-cc}

# The peer needs a C compiler and libxlsxwriter's header and library,
# found through pkg-config where it is, else in the system's paths.
missing=
command -v "$CC" >/dev/null 2>&1 || missing="$missing a C compiler ($CC),"
if command -v pkg-config >/dev/null 2>&1 && pkg-config --exists xlsxwriter; then
	lxw=$(pkg-config --cflags --libs xlsxwriter)
elif [ -f /usr/include/xlsxwriter.h ]; then
	lxw=-lxlsxwriter
else
	missing="$missing libxlsxwriter's headers,"
fi
if [ -n "$missing" ]; then
	echo "run.sh: missing${missing%,}." >&2
	echo "On Debian or Ubuntu: apt-get install -y gcc pkg-config libxlsxwriter-dev" >&2
	exit 2
fi
command -v "$GO" >/dev/null 2>&1 || {
	echo "run.sh: no Go toolchain ($GO)" >&2
	exit 2
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/briefing-peers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

echo "building the peer and the dump..." >&2
# shellcheck disable=SC2086 # lxw is a list of flags
"$CC" -O2 -o "$tmp/events" "$here/events.c" $lxw
(cd "$root" && "$GO" build -o "$tmp/dump" ./bench/peers/dump)

echo "dumping the Events sheet of $n synthetic events..." >&2
size=$("$tmp/dump" -n "$n" -o "$tmp/cells.tsv")
# size is "cols C rows R cells N".
set -- $size
cols=$2 rows=$4 cells=$6

# after NAME LINE prints the value that follows NAME in LINE, as in the
# peer's "cells 12 ns_per_cell 3.4"; before UNIT LINE the value that
# precedes UNIT, as in a benchmark's "12 cells 3.4 ns/cell".
after() { printf '%s\n' "$2" | awk -v k="$1" '{ for (i = 1; i < NF; i++) if ($i == k) { print $(i + 1); exit } }'; }
before() { printf '%s\n' "$2" | awk -v k="$1" '{ for (i = 2; i <= NF; i++) if ($i == k) { print $(i - 1); exit } }'; }

# median prints the median of its arguments.
median() {
	printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2
	}'
}

# The two modes of libxlsxwriter take turns, so that a slow moment of the
# machine falls on both.
# Other work on the machine slows both sides: say how busy it was.
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || true)
echo "running libxlsxwriter $runs times in each mode..." >&2
inline= inline_cpu= shared= shared_cpu=
i=0
while [ $i -lt $runs ]; do
	line=$("$tmp/events" -c -o "$tmp/inline.xlsx" "$tmp/cells.tsv")
	[ "$(after cells "$line")" = "$cells" ] || {
		echo "run.sh: the peer counted other cells than the dump: $line" >&2
		exit 1
	}
	inline="$inline $(after ns_per_cell "$line")"
	inline_cpu="$inline_cpu $(after cpu_ns_per_cell "$line")"
	line=$("$tmp/events" -o "$tmp/shared.xlsx" "$tmp/cells.tsv")
	shared="$shared $(after ns_per_cell "$line")"
	shared_cpu="$shared_cpu $(after cpu_ns_per_cell "$line")"
	i=$((i + 1))
done

echo "running BenchmarkEventsSheet ($runs iterations)..." >&2
bench=$(cd "$root" && BRIEFING_PEER_EVENTS=$n "$GO" test ./report/xlsx -run XXX -bench EventsSheet -benchtime ${runs}x)
line=$(printf '%s\n' "$bench" | grep '^BenchmarkEventsSheet') || {
	printf '%s\n' "$bench" >&2
	echo "run.sh: BenchmarkEventsSheet printed no result" >&2
	exit 1
}
ours=$(before ns/cell "$line")
ours_cpu=$(before cpu-ns/cell "$line")
values=$(before values-ns/cell "$line")
ours_mb=$(before xlsx-MB "$line")
if [ "$(before cells "$line")" != "$cells" ]; then
	echo "run.sh: the benchmark wrote $(before cells "$line") cells, the dump has $cells" >&2
	exit 1
fi

# shellcheck disable=SC2086 # the lists are of numbers
{
	inline=$(median $inline)
	inline_cpu=$(median $inline_cpu)
	shared=$(median $shared)
	shared_cpu=$(median $shared_cpu)
}
mb() { awk -v b="$(wc -c <"$1")" 'BEGIN { printf "%.1f", b / 1048576 }'; }
inline_mb=$(mb "$tmp/inline.xlsx")
shared_mb=$(mb "$tmp/shared.xlsx")

awk -v n="$n" -v cols="$cols" -v rows="$rows" -v cells="$cells" -v runs="$runs" \
	-v ours="$ours" -v ours_cpu="$ours_cpu" -v values="$values" -v ours_mb="$ours_mb" \
	-v inline="$inline" -v inline_cpu="$inline_cpu" -v inline_mb="$inline_mb" \
	-v shared="$shared" -v shared_cpu="$shared_cpu" -v shared_mb="$shared_mb" \
	-v budget="$budget" -v load="$load" 'BEGIN {
	printf "Events sheet of %d events: %d cells (%d columns x %d rows, header included)\n", n, cells, cols, rows
	printf "medians of %d runs; load average (1, 5, 15 min) as they began: %s\n\n", runs, load == "" ? "unknown" : load
	printf "%-42s %9s %9s %9s %8s\n", "", "ns/cell", "total s", "cpu ns", "file MB"
	printf "%-42s %9.1f %9.2f %9.1f %8.1f\n", "briefing (its own row writer)", ours, ours * cells / 1e9, ours_cpu, ours_mb
	printf "%-42s %9.1f %9.2f\n", "  of which making the cells (x2)", values, values * cells / 1e9
	printf "%-42s %9.1f %9.2f %9.1f %8.1f\n", "libxlsxwriter, constant_memory (the peer)", inline, inline * cells / 1e9, inline_cpu, inline_mb
	printf "%-42s %9.1f %9.2f %9.1f %8.1f\n", "libxlsxwriter, shared strings", shared, shared * cells / 1e9, shared_cpu, shared_mb
	# The verdict is on the ratio as printed, so that 1.50 is within.
	ratio = sprintf("%.2f", ours / inline)
	printf "\nratio, ours / libxlsxwriter per cell: %s (budget <= %.1f: %s)\n", ratio, budget, ratio + 0 <= budget ? "within" : "over"
	printf "  in processor time: %.2f\n", ours_cpu / inline_cpu
	printf "  against the shared-strings mode: %.2f (processor time %.2f)\n", ours / shared, ours_cpu / shared_cpu
	# Both sides deflate; compressing less is faster, so a ratio bought
	# with a bigger file says so.
	if (inline_mb > 0 && ours_mb > 1.1 * inline_mb)
		printf "note: our file is %.0f%% larger than the peer'"'"'s: we compress less, and the ratio gains from it\n", (ours_mb / inline_mb - 1) * 100
}'
