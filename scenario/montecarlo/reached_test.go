package montecarlo_test

import (
	"context"
	"testing"

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
