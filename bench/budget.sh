#!/bin/sh
# budget.sh measures the budgets of issue 14 with /usr/bin/time -v, three
# times each, as a user runs briefing: a cold process building every
# output of a letter. It prints the median wall time and the median peak
# memory (maximum resident set size) of each. Synthetic data folders are
# made once under ${BRIEFING_BENCH_DIR:-/tmp/briefing-budget}.
#
#	sh bench/budget.sh            # every budget
#	sh bench/budget.sh sample 1k  # some of them
#
# BRIEFING_BINARY=/path/to/briefing measures that build of briefing (an
# older one, to compare) instead of the working tree's.
set -eu
cd "$(dirname "$0")/.."
GO=${GO:-go}
dir=${BRIEFING_BENCH_DIR:-/tmp/briefing-budget}
mkdir -p "$dir"
if [ ! -x /usr/bin/time ]; then
	echo "budget.sh needs GNU time (/usr/bin/time): apt-get install -y time" >&2
	exit 2
fi
bin=${BRIEFING_BINARY:-$dir/briefing}
[ -n "${BRIEFING_BINARY:-}" ] || $GO build -o "$bin" ./cmd/briefing
$GO build -o "$dir/synthgen" ./internal/synth/synthgen

# data NAME ARGS…: the data folder NAME, made by synthgen once.
data() {
	name=$1
	shift
	[ -d "$dir/$name" ] || "$dir/synthgen" "$@" "$dir/$name" >/dev/null
	echo "$dir/$name"
}

# measure LABEL DATA [LETTER]: three cold builds of every letter of DATA,
# or of LETTER only.
measure() {
	label=$1
	for i in 1 2 3; do
		rm -rf "$dir/out"
		/usr/bin/time -v "$bin" build --force --data "$2" --out "$dir/out" ${3:-} >/dev/null 2>"$dir/time.txt" || {
			cat "$dir/time.txt" >&2
			exit 1
		}
		awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%s ", s}
			/Maximum resident set size/ {printf "%d\n", $2 / 1024}' "$dir/time.txt"
	done | sort -n | awk -v label="$label" 'NR == 2 {printf "%-34s %8.2f s %8d MB\n", label, $1, $2}'
}

ALL=" ${*:-sample 1k 10k 100k 100k-csv monthly} "
want() {
	case "$ALL" in *" $1 "*) return 0 ;; esac
	return 1
}

printf "%-34s %10s %11s\n" "work (median of 3)" "wall" "peak RSS"
# The sample's English letter: the data folder also holds its French
# edition.
want sample && measure "the sample letter, all outputs" data 2025-09-kayes
want 1k && measure "1,000 events" "$(data 1k -events 1000)"
want 10k && measure "10,000 events" "$(data 10k -events 10000)"
want 100k && measure "100,000 events from YAML" "$(data 100k -events 100000)"
want 100k-csv && measure "100,000 events from an ACLED CSV" "$(data 100k-csv -events 100000 -csv)"
want monthly && measure "12 monthly letters over 10,000" "$(data monthly -events 10000 -monthly)"
exit 0
