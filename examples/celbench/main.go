// Command celbench compares peacekit's condition evaluator with cel-go on
// the same conditions: sixteen rules taken from the seed's guarantees, each
// written once in peacekit's condition language and once in CEL over the
// raw events (see conditions.go). Run as a program, it is the correctness
// gate: it checks that both give the same truth value on every condition,
// over exhaustively enumerated small histories and over 1,000 generated
// timelines, prints a summary, and exits with status 1 on any disagreement.
// The test TestGate runs the same gate over 10,000 timelines; the
// benchmarks in bench_test.go measure the two sides.
//
// Usage:
//
//	cd examples/celbench && go run .
//	cd examples/celbench && go test -run '^$' -bench . -benchmem -count 10
package main

import (
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
)

func main() {
	timelines := flag.Int("timelines", 1000, "number of generated timelines")
	budget := flag.Int("budget", 2000, "exhaustive histories times state combinations per condition")
	seed := flag.Uint64("seed", 1, "seed of the generated timelines")
	verbose := flag.Bool("v", false, "print what the exhaustive part covered, per condition")
	flag.Parse()
	if err := run(os.Stdout, *timelines, *budget, *seed, *verbose); err != nil {
		fmt.Fprintln(os.Stderr, "celbench:", err)
		os.Exit(1)
	}
}

// run runs the gate: every condition exhaustively within budget, then
// timelines generated timelines from seed. It writes a summary to w and
// returns an error if the two sides disagreed anywhere, or could not be
// compiled.
func run(w io.Writer, timelines, budget int, seed uint64, verbose bool) error {
	g, err := newGate(conditions())
	if err != nil {
		return err
	}
	histories, evals := 0, 0
	for i := range g.conds {
		cov, err := g.exhaustive(i, budget)
		if err != nil {
			return err
		}
		histories += cov.histories
		evals += cov.evaluations
		if verbose {
			fmt.Fprintln(w, cov)
		}
	}
	fmt.Fprintf(w, "exhaustive: %d conditions, %d histories, %d evaluations\n", len(g.conds), histories, evals)
	n, err := g.generated(rand.New(rand.NewPCG(seed, 0)), timelines)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "generated:  %d timelines (seed %d), %d evaluations\n", timelines, seed, n)
	fmt.Fprintf(w, "compared:   %d CEL results (with and without OptOptimize) with peacekit's\n", g.checks)
	if !g.ok() {
		for _, d := range g.disagreements {
			fmt.Fprintln(w, "DISAGREE", d)
		}
		return fmt.Errorf("%d disagreements between peacekit and CEL", g.failures)
	}
	fmt.Fprintln(w, "peacekit and CEL agree on every evaluation")
	return nil
}
