package montecarlo_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// breakdownModel is a ceasefire's breakdown at a constant hazard of
// lambda per day from the start: the small agreement's ceasefire is
// violated at the breakdown, so P(violated by t) = 1 - exp(-lambda t).
func breakdownModel(lambda float64) montecarlo.Model {
	return montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Scheduled{Name: "breakdown", Delay: montecarlo.Constant{PerDay: lambda},
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}},
	}}
}

// seeds returns how many master seeds a statistical test uses: full, or
// short under testing.Short and the race detector.
func seeds(full, short int) int {
	if testing.Short() || raceDetector {
		return short
	}
	return full
}

// TestConstantHazardCoverage checks, over many master seeds, that the 95%
// Wilson and Clopper-Pearson intervals of P(breakdown before 60 days)
// cover the exact 1 - exp(-60 lambda) in at least 93% of them.
func TestConstantHazardCoverage(t *testing.T) {
	const lambda = 0.01
	at := 60 * agreement.Day
	exact := 1 - math.Exp(-lambda*60)
	e := mustCompile(small())
	m := breakdownModel(lambda)
	n := seeds(1000, 200)
	wilson, cp := 0, 0
	for seed := range n {
		s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{Runs: 200, Seed: uint64(seed), Workers: 1,
			Start: start, Horizon: 90 * agreement.Day, At: []time.Duration{at}})
		if err != nil {
			t.Fatal(err)
		}
		p, err := s.Reached(inst("ceasefire"), agreement.StateViolated, at)
		if err != nil {
			t.Fatal(err)
		}
		if lo, hi := p.Wilson(0.95); lo <= exact && exact <= hi {
			wilson++
		}
		if lo, hi := p.ClopperPearson(0.95); lo <= exact && exact <= hi {
			cp++
		}
	}
	t.Logf("coverage over %d seeds: Wilson %d, Clopper-Pearson %d", n, wilson, cp)
	if float64(wilson) < 0.93*float64(n) || float64(cp) < 0.93*float64(n) {
		t.Errorf("coverage over %d seeds: Wilson %d, Clopper-Pearson %d; want at least 93%%", n, wilson, cp)
	}
}

// TestPoissonCountCoverage checks the mean number of attacks of a Poisson
// process whose rate is doubled while the ceasefire is in effect (all the
// time, since nothing breaks it), simulated by thinning at twice the base
// rate: the 95% normal interval of the mean covers the exact 2 lambda T in
// at least 93% of the seeds.
func TestPoissonCountCoverage(t *testing.T) {
	const lambda, days = 0.1, 30
	exact := 2 * lambda * days
	e := mustCompile(small())
	m := montecarlo.Model{Processes: []montecarlo.Process{
		&montecarlo.Poisson{Name: "attacks", PerDay: lambda,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
			Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("ceasefire"),
				States: []agreement.State{agreement.StateInEffect}, Factor: 2}}},
	}}
	n := seeds(1000, 200)
	covered := 0
	for seed := range n {
		s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{Runs: 200, Seed: uint64(seed), Workers: 1,
			Start: start, Horizon: days * agreement.Day})
		if err != nil {
			t.Fatal(err)
		}
		c := s.Emitted(0)
		if h := 1.96 * c.StdErr(); math.Abs(c.Mean()-exact) <= h {
			covered++
		}
	}
	t.Logf("coverage over %d seeds: %d", n, covered)
	if float64(covered) < 0.93*float64(n) {
		t.Errorf("coverage over %d seeds: %d, want at least 93%%", n, covered)
	}
}

// TestErrorFallsWithRuns checks that the root mean square error of
// P(breakdown before 60 days), over many seeds, falls by a factor of 3 to
// 5 from 1,000 runs to 16,000 (the square root of 16 is 4). The 16,000
// runs are the first 1,000 and a shard of 15,000 more, merged. Under the
// race detector, which checks the workers rather than the statistics, it
// goes from 250 runs to 4,000.
func TestErrorFallsWithRuns(t *testing.T) {
	const lambda = 0.01
	at := 60 * agreement.Day
	exact := 1 - math.Exp(-lambda*60)
	e := mustCompile(small())
	m := breakdownModel(lambda)
	n := seeds(200, 40)
	few := int64(1000)
	if raceDetector {
		few = 250
	}
	var se1, se16 float64
	for seed := range n {
		opts := montecarlo.Options{Runs: few, Seed: uint64(1_000_000 + seed), Start: start, Horizon: at + agreement.Day,
			At: []time.Duration{at}}
		s, err := montecarlo.Simulate(context.Background(), e, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		p1, _ := s.Reached(inst("ceasefire"), agreement.StateViolated, at)
		opts.First, opts.Runs = few, 15*few
		rest, err := montecarlo.Simulate(context.Background(), e, m, opts)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Merge(rest); err != nil {
			t.Fatal(err)
		}
		p16, _ := s.Reached(inst("ceasefire"), agreement.StateViolated, at)
		if p16.Trials != 16*few {
			t.Fatalf("%d runs merged, want %d", p16.Trials, 16*few)
		}
		se1 += math.Pow(p1.Estimate()-exact, 2)
		se16 += math.Pow(p16.Estimate()-exact, 2)
	}
	ratio := math.Sqrt(se1/float64(n)) / math.Sqrt(se16/float64(n))
	t.Logf("RMS error over %d seeds: %.5f at %d runs, %.5f at %d: ratio %.2f",
		n, math.Sqrt(se1/float64(n)), few, math.Sqrt(se16/float64(n)), 16*few, ratio)
	if ratio < 3 || ratio > 5 {
		t.Errorf("RMS error falls by %.2f from %d to %d runs, want 3 to 5", ratio, few, 16*few)
	}
}

// TestStateDependentRateCoverage checks the closed loop: attacks come at
// lambda a day, times f while the ceasefire is in effect, and the
// ceasefire breaks down at a constant hazard mu, so over T days the mean
// number of attacks is lambda (f m + T - m), where m = (1 - exp(-mu T))/mu
// is the mean time the ceasefire holds. The 95% normal interval of the
// simulated mean covers it in at least 93% of the seeds, for f below 1
// (thinning at the base rate) and above 1 (at f times it).
func TestStateDependentRateCoverage(t *testing.T) {
	const lambda, mu, days = 0.2, 0.05, 60
	e := mustCompile(small())
	for _, f := range []float64{0.25, 3} {
		m := breakdownModel(mu)
		m.Processes = append(m.Processes, &montecarlo.Poisson{Name: "attacks", PerDay: lambda,
			Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
			Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("ceasefire"),
				States: []agreement.State{agreement.StateInEffect}, Factor: f}}})
		held := (1 - math.Exp(-mu*days)) / mu
		exact := lambda * (f*held + days - held)
		n := seeds(400, 100)
		covered := 0
		for seed := range n {
			s, err := montecarlo.Simulate(context.Background(), e, m, montecarlo.Options{Runs: 200, Seed: uint64(seed), Workers: 1,
				Start: start, Horizon: days * agreement.Day})
			if err != nil {
				t.Fatal(err)
			}
			c := s.Emitted(1)
			if math.Abs(c.Mean()-exact) <= 1.96*c.StdErr() {
				covered++
			}
		}
		t.Logf("factor %v: mean %v covered in %d of %d seeds", f, exact, covered, n)
		if float64(covered) < 0.93*float64(n) {
			t.Errorf("factor %v: mean %v covered in %d of %d seeds, want at least 93%%", f, exact, covered, n)
		}
	}
}
