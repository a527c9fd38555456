package montecarlo_test

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// attacks is a Poisson process of attacks at perDay, multiplied by factor
// while the ceasefire is in effect.
func attacks(perDay, factor float64) *montecarlo.Poisson {
	return &montecarlo.Poisson{Name: "attacks", PerDay: perDay,
		Event: montecarlo.Template{Kind: agreement.EventKindArmedAttack, Actor: "RU", Target: "UA"},
		Modifiers: []montecarlo.Modifier{{Clause: agreement.LocalRef("ceasefire"),
			States: []agreement.State{agreement.StateInEffect}, Factor: factor}}}
}

// generous is a deadline no correct simulation of these tests comes near;
// a simulation that hangs meets it and fails with the context's error.
const generous = 2 * time.Minute

// TestPoissonSuppressedRateDrawsNoCandidates simulates attacks at 1e5 a
// day suppressed (factor 0) while the ceasefire, which never breaks down,
// is in effect: no attack happens, and the runs end without drawing the
// rejected candidates one by one.
func TestPoissonSuppressedRateDrawsNoCandidates(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), generous)
	defer cancel()
	opts := baseOptions()
	opts.Runs, opts.BatchSize = 100, 100
	m := montecarlo.Model{Processes: []montecarlo.Process{attacks(1e5, 0)}}
	s, err := montecarlo.Simulate(ctx, mustCompile(small()), m, opts)
	if err != nil {
		t.Fatal(err)
	}
	if e := s.Emitted(0); e.N() != 100 || e.Mean() != 0 {
		t.Fatalf("attacks: %d runs, mean %v, want 100 runs and none", e.N(), e.Mean())
	}
}

// TestPoissonResumesAfterSuppression checks that a process parked while
// its rate is 0 resumes at the right rate: attacks at 1 a day suppressed
// while the ceasefire is in effect, the ceasefire collapsing at day 10 of
// 180, make 170 attacks a run on average (Poisson, so the mean of 400
// runs has a standard error of sqrt(170/400)).
func TestPoissonResumesAfterSuppression(t *testing.T) {
	opts := baseOptions()
	opts.Runs, opts.BatchSize = 400, 100
	m := montecarlo.Model{Processes: []montecarlo.Process{attacks(1, 0),
		&montecarlo.Scheduled{Name: "breakdown", Delay: montecarlo.Uniform{Min: 10 * agreement.Day, Max: 10 * agreement.Day},
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}}}}
	s, err := montecarlo.Simulate(context.Background(), mustCompile(small()), m, opts)
	if err != nil {
		t.Fatal(err)
	}
	se := math.Sqrt(170.0 / 400)
	if e := s.Emitted(0); math.Abs(e.Mean()-170) > 5*se {
		t.Fatalf("mean attacks %v, want 170 within %v", e.Mean(), 5*se)
	}
}

// TestSimulateCancelsWithinARun cancels a run that would draw about 1e15
// rejected candidates: Simulate returns the context's error.
func TestSimulateCancelsWithinARun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	opts := baseOptions()
	opts.Runs, opts.BatchSize, opts.MaxEvents = 1, 1, math.MaxInt
	m := montecarlo.Model{Processes: []montecarlo.Process{attacks(1e13, 1e-300)}}
	_, err := montecarlo.Simulate(ctx, mustCompile(small()), m, opts)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the context's deadline", err)
	}
}

// TestSimulateBoundsCandidates checks that rejected candidates count
// against MaxEvents: the run fails instead of drawing them all.
func TestSimulateBoundsCandidates(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), generous)
	defer cancel()
	opts := baseOptions()
	opts.Runs, opts.BatchSize, opts.MaxEvents = 1, 1, 1000
	m := montecarlo.Model{Processes: []montecarlo.Process{attacks(1e13, 1e-300)}}
	_, err := montecarlo.Simulate(ctx, mustCompile(small()), m, opts)
	if err == nil || ctx.Err() != nil || !strings.Contains(err.Error(), "more than 1000 candidates") {
		t.Fatalf("got %v (context: %v), want too many candidates", err, ctx.Err())
	}
}

// TestValidateRejectsUnboundedRates checks that a largest rate that is
// not finite or reaches one per nanosecond is a problem of the process.
func TestValidateRejectsUnboundedRates(t *testing.T) {
	for _, p := range []*montecarlo.Poisson{attacks(1e15, 0), attacks(1e300, 1e300), attacks(1e12, 1e3)} {
		m := montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Scheduled{Name: "x",
			Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: "x"}}}}, p}}
		err := m.Validate()
		var ve *agreement.ValidationError
		if !errors.As(err, &ve) || len(ve.Problems) != 1 || ve.Problems[0].Path != "processes[1].poisson" {
			t.Errorf("perDay %v factor %v: got %v, want one problem at processes[1].poisson", p.PerDay, p.Modifiers[0].Factor, err)
		}
		_, err = montecarlo.Simulate(context.Background(), mustCompile(small()), m, baseOptions())
		if !errors.As(err, &ve) {
			t.Errorf("Simulate: got %v, want a validation error", err)
		}
	}
	if err := (montecarlo.Model{Processes: []montecarlo.Process{attacks(1e13, 8)}}).Validate(); err != nil {
		t.Errorf("a largest rate below MaxPerDay: %v", err)
	}
}
