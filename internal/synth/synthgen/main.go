// Command synthgen writes a synthetic data folder for benchmarks and
// budgets (see internal/synth and bench/budget.sh).
//
//	synthgen -events 100000 [-csv] [-monthly] [-seed 1] DIR
//
// -csv writes the events as one ACLED export with briefing's own columns
// instead of YAML files; -monthly adds the twelve monthly letters of the
// synthetic year beside its yearly letter.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"briefing/internal/synth"
)

func main() {
	events := flag.Int("events", 1000, "how many events")
	csv := flag.Bool("csv", false, "write the events as an ACLED CSV export")
	monthly := flag.Bool("monthly", false, "add the twelve monthly letters")
	seed := flag.Int64("seed", 1, "the random seed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: synthgen -events N [-csv] [-monthly] [-seed S] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	write := synth.Write
	if *csv {
		write = synth.WriteCSV
	}
	if err := write(dir, *events, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "synthgen:", err)
		os.Exit(1)
	}
	if *monthly {
		if err := monthlyLetters(dir); err != nil {
			fmt.Fprintln(os.Stderr, "synthgen:", err)
			os.Exit(1)
		}
	}
	fmt.Println(dir)
}

// monthlyLetters writes a letter per month of the synthetic year, the
// yearly letter with its period narrowed to the month.
func monthlyLetters(dir string) error {
	year, err := os.ReadFile(filepath.Join(dir, "letters", synth.LetterID+".yaml"))
	if err != nil {
		return err
	}
	p := synth.Period()
	period := fmt.Sprintf("period: {from: %s, to: %s}", p.From, p.To)
	if !strings.Contains(string(year), period) {
		return fmt.Errorf("the synthetic letter has no line %q", period)
	}
	for m := 1; m <= 12; m++ {
		from := fmt.Sprintf("%d-%02d-01", p.From.Year, m)
		to := fmt.Sprintf("%d-%02d-%02d", p.From.Year, m, []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1])
		if p.From.Year%4 == 0 && m == 2 {
			to = fmt.Sprintf("%d-02-29", p.From.Year)
		}
		text := strings.Replace(string(year), period, fmt.Sprintf("period: {from: %s, to: %s}", from, to), 1)
		name := fmt.Sprintf("%s-%d-%02d.yaml", synth.LetterID, p.From.Year, m)
		if err := os.WriteFile(filepath.Join(dir, "letters", name), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return os.Remove(filepath.Join(dir, "letters", synth.LetterID+".yaml"))
}
