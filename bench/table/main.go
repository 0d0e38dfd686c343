// Command table prints `go test -bench` results as one table: for each
// benchmark, the median time, memory and allocations per operation over
// its runs (-count), with any metric it reports of its own.
//
//	go run ./bench/table bench/latest.txt [more.txt …]
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// result is one benchmark's runs, by unit ("ns/op", "B/op", …).
type result struct {
	name   string
	values map[string][]float64
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: table FILE…")
		os.Exit(2)
	}
	var order []string
	results := map[string]*result{}
	for _, path := range os.Args[1:] {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		read(f, results, &order)
		f.Close()
	}
	write(os.Stdout, results, order)
}

// read adds the benchmark lines of r: "BenchmarkName-2  N  v unit  v unit…".
func read(r io.Reader, results map[string]*result, order *[]string) {
	s := bufio.NewScanner(r)
	s.Buffer(make([]byte, 1<<16), 1<<20)
	for s.Scan() {
		f := strings.Fields(s.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i > 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i] // the GOMAXPROCS suffix
			}
		}
		res, ok := results[name]
		if !ok {
			res = &result{name: name, values: map[string][]float64{}}
			results[name] = res
			*order = append(*order, name)
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				res.values[f[i+1]] = append(res.values[f[i+1]], v)
			}
		}
	}
}

func median(v []float64) float64 {
	v = slices.Clone(v)
	slices.Sort(v)
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

func write(w io.Writer, results map[string]*result, order []string) {
	var extra []string
	for _, name := range order {
		for unit := range results[name].values {
			if unit != "ns/op" && unit != "B/op" && unit != "allocs/op" && !slices.Contains(extra, unit) {
				extra = append(extra, unit)
			}
		}
	}
	slices.Sort(extra)
	width := len("benchmark")
	for _, name := range order {
		width = max(width, len(name))
	}
	fmt.Fprintf(w, "%-*s %5s %12s %12s %12s", width, "benchmark", "runs", "time/op", "memory/op", "allocs/op")
	for _, u := range extra {
		fmt.Fprintf(w, " %14s", u)
	}
	fmt.Fprintln(w)
	for _, name := range order {
		r := results[name]
		fmt.Fprintf(w, "%-*s %5d %12s %12s %12s", width, name, len(r.values["ns/op"]),
			duration(r.values["ns/op"]), bytes(r.values["B/op"]), count(r.values["allocs/op"]))
		for _, u := range extra {
			if v, ok := r.values[u]; ok {
				fmt.Fprintf(w, " %14.4g", median(v))
			} else {
				fmt.Fprintf(w, " %14s", "")
			}
		}
		fmt.Fprintln(w)
	}
}

func duration(v []float64) string {
	if len(v) == 0 {
		return ""
	}
	ns := median(v)
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func bytes(v []float64) string {
	if len(v) == 0 {
		return ""
	}
	b := median(v)
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.2f GB", b/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f kB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

func count(v []float64) string {
	if len(v) == 0 {
		return ""
	}
	return strconv.FormatFloat(median(v), 'f', 0, 64)
}
