package montecarlo_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/peacekit/peacekit/agreement"
	"github.com/peacekit/peacekit/scenario"
	"github.com/peacekit/peacekit/scenario/montecarlo"
)

// TestReachedCountsStatesAtTheEndOfAnInstant checks that a state the run
// holds only before the first instant closes is not counted as reached:
// the small agreement's ceasefire is in effect, and the agreement signed,
// once the start closes, so neither is ever dormant at the end of an
// instant, and the time to Dormant is censored in every run.
func TestReachedCountsStatesAtTheEndOfAnInstant(t *testing.T) {
	e := mustCompile(small())
	opts := baseOptions()
	opts.Runs, opts.BatchSize = 50, 50
	opts.At = append(opts.At, 0)
	opts.Survival = []montecarlo.Target{{Instance: inst("ceasefire"), State: agreement.StateDormant}}
	s, err := montecarlo.Simulate(context.Background(), e, breakdownModel(0.01), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range s.At() {
		p, err := s.Reached(inst("ceasefire"), agreement.StateDormant, at)
		if err != nil {
			t.Fatal(err)
		}
		if p.Successes != 0 {
			t.Errorf("ceasefire dormant by %v in %d of %d runs, want 0", at, p.Successes, p.Trials)
		}
	}
	p, err := s.Reached(inst("ceasefire"), agreement.StateInEffect, 0)
	if err != nil {
		t.Fatal(err)
	}
	if p.Successes != p.Trials || p.Trials != 50 {
		t.Errorf("ceasefire in effect at 0 in %d of %d runs, want 50 of 50", p.Successes, p.Trials)
	}
	ag := scenario.Instance{Ref: agreement.AgreementRef("small")}
	p, err = s.Reached(ag, agreement.StateDormant, s.Horizon())
	if err != nil {
		t.Fatal(err)
	}
	if p.Successes != 0 {
		t.Errorf("agreement dormant in %d of %d runs, want 0", p.Successes, p.Trials)
	}
	tt := s.TimeToState(opts.Survival[0])
	if tt == nil {
		t.Fatal("no time to state for the survival target")
	}
	_, ev := tt.Observations()
	for i, x := range ev {
		if x {
			t.Fatalf("observation %d: an event at %v, want every run censored", i, ev)
		}
	}
	if len(ev) != 50 {
		t.Fatalf("%d observations, want 50", len(ev))
	}
}

// TestBoundStdErrOfSubsecondDurations checks the standard error of a
// time in effect shorter than two seconds: the ceasefire collapses after
// a uniform delay of 0 to 2 seconds, so its time in effect has a standard
// deviation of 2/sqrt(12) seconds, and the standard error of 400 runs is
// that over 20 (within 20%, about six standard errors of the estimate).
func TestBoundStdErrOfSubsecondDurations(t *testing.T) {
	m := montecarlo.Model{Processes: []montecarlo.Process{&montecarlo.Scheduled{Name: "breakdown",
		Delay:    montecarlo.Uniform{Min: 0, Max: 2 * time.Second},
		Outcomes: []montecarlo.Outcome{{Probability: 1, Event: montecarlo.Template{Kind: agreement.EventKindCeasefireCollapsed}}}}}}
	opts := baseOptions()
	opts.Runs, opts.BatchSize = 400, 100
	s, err := montecarlo.Simulate(context.Background(), mustCompile(small()), m, opts)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.Bound(inst("ceasefire"))
	if err != nil {
		t.Fatal(err)
	}
	want := 2 / math.Sqrt(12) * float64(time.Second) / 20
	if got := b.StdErr(); math.Abs(got-want) > 0.2*want {
		t.Fatalf("standard error %v ns (mean %v ns), want %v within 20%%", got, b.Mean(), want)
	}
}
